//! Identifiers into words: case changes, `_`, `-` and digits first, then run-together
//! lower-case words (`maxresults` → `max results`, `boardid` → `board id`).
//!
//! A run of letters is split only when it is not a word itself, and only into words: the
//! definition's own vocabulary (words its descriptions, summaries and titles write
//! separately, and the parts of its other multi-word names) first, then the bundled list
//! of English and API words (`words.txt`, with its sources and licences in its header).
//! A run that cannot be split into such words stays as written: "Plunet" rather than
//! "Plu Net".

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::syntax::{Node, NodeKind};

/// The bundled list, most frequent first.
static LIST: &str = include_str!("words.txt");

/// The rank (0 = most frequent) of each word of the bundled list.
static RANKS: LazyLock<HashMap<&'static str, u32>> = LazyLock::new(|| {
    LIST.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .enumerate()
        .map(|(i, w)| (w, i as u32))
        .collect()
});

/// Short words written in capitals, which are pieces of a split whatever their length.
const ACRONYM_PIECES: &[&str] = &[
    "id", "ids", "url", "urls", "uri", "api", "sms", "pdf", "csv", "xml", "json", "html", "utc",
    "ip", "sku", "vat", "iso", "guid", "uuid", "crm", "erp",
];

/// Two-letter words a run may be split into (`orderby`, `isactive`, `signin`).
const TWO_LETTER_PIECES: &[&str] = &["by", "of", "to", "on", "at", "in", "is", "up", "no"];

/// Last pieces that mark a derived word rather than two words (`valid ation`,
/// `sustain ability`): such a split is refused.
const SUFFIX_PIECES: &[&str] = &[
    "able",
    "ably",
    "ability",
    "abilities",
    "ible",
    "ion",
    "ions",
    "ation",
    "ations",
    "ship",
    "ships",
    "ward",
    "wards",
    "less",
    "ness",
    "ment",
    "ments",
    "hood",
    "ful",
    "ism",
    "ist",
    "ists",
    "ity",
    "ate",
    "ates",
    "ated",
    "ating",
    "ing",
    "ings",
    "ers",
    "ors",
    "ally",
    "ant",
    "ants",
    "ent",
    "ents",
    "ence",
    "ance",
    "ive",
    "ives",
    "ous",
    "ure",
    "ures",
    "dom",
    "let",
    "lets",
    "ling",
    "ten",
    "ted",
    "ter",
    "ters",
    "ton",
    "ery",
    "ory",
    "ies",
    "ied",
    "est",
    "ise",
    "ize",
    "ised",
    "ized",
    "sing",
    "king",
    "tion",
    "tions",
];

/// First pieces that mark a prefixed word (`sub script ion`, `con fig`).
const PREFIX_PIECES: &[&str] = &[
    "sub", "un", "re", "pre", "pro", "con", "dis", "mis", "non", "inter", "super", "semi", "multi",
    "co", "de", "ex", "anti", "auto", "trans", "for",
];

/// The words of one definition that help split its identifiers.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    words: HashSet<String>,
    /// How often each word is written in the definition's texts.
    counts: HashMap<String, u32>,
    /// The words of its parameter names and property keys: its own terms.
    identifiers: HashSet<String>,
}

impl Vocabulary {
    /// The words a definition writes separately: in `description`, `summary`, `title`
    /// and `x-ms-summary` texts, and the parts of parameter names and property keys that
    /// have several (`max_results` gives `max` and `results`). A word that is also a
    /// one-word identifier of the definition and is not in the bundled list
    /// (`boardid` quoted in a description) does not count.
    pub fn from_definition(root: &Node) -> Vocabulary {
        let mut prose: HashSet<String> = HashSet::new();
        let mut counts: HashMap<String, u32> = HashMap::new();
        let mut parts: HashSet<String> = HashSet::new();
        let mut single: HashSet<String> = HashSet::new();
        let mut identifier = |name: &str, parts: &mut HashSet<String>| {
            let ws = super::cased_words(name);
            let ws: Vec<&String> = ws
                .iter()
                .filter(|w| w.chars().all(char::is_alphabetic))
                .collect();
            if ws.len() > 1 {
                for w in ws {
                    parts.insert(w.to_lowercase());
                }
            } else if let Some(w) = ws.first() {
                single.insert(w.to_lowercase());
            }
        };
        walk(root, &mut |key, value| match key {
            "description" | "summary" | "title" | "x-ms-summary" => {
                if let Some(text) = value.as_str() {
                    for token in text.split(|c: char| !c.is_alphabetic()) {
                        let ws = super::cased_words(token);
                        for w in &ws {
                            if w.chars().count() >= 2 {
                                prose.insert(w.to_lowercase());
                                *counts.entry(w.to_lowercase()).or_default() += 1;
                            }
                        }
                    }
                }
            }
            "name" => {
                if let Some(name) = value.as_str() {
                    identifier(name, &mut parts);
                }
            }
            "properties" => {
                for m in value.members().unwrap_or_default() {
                    identifier(&m.key, &mut parts);
                }
            }
            _ => {}
        });
        let mut words: HashSet<String> = prose
            .into_iter()
            .filter(|w| !single.contains(w) || RANKS.contains_key(w.as_str()))
            .collect();
        let identifiers: HashSet<String> = parts.union(&single).cloned().collect();
        words.extend(parts.into_iter().filter(|w| w.len() >= 2));
        // A word the bundled list splits (`orderid` in a path written in prose, or a
        // part of `orderid_list`) is an identifier, not a word of the definition.
        let empty = Vocabulary::default();
        words.retain(|w| RANKS.contains_key(w.as_str()) || split_run(w, &empty).is_none());
        Vocabulary {
            words,
            counts,
            identifiers,
        }
    }

    /// A vocabulary of the given words, for tests and callers without a definition.
    pub fn of<'a>(words: impl IntoIterator<Item = &'a str>) -> Vocabulary {
        Vocabulary {
            words: words.into_iter().map(str::to_lowercase).collect(),
            counts: HashMap::new(),
            identifiers: HashSet::new(),
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// The correction of a misspelt word (lower case): the one word of the bundled list
    /// that the definition also writes and that is one edit away (a letter added,
    /// dropped, changed, or two swapped), for a word of six letters or more that is not
    /// in the list and that the definition writes rarely (a misspelling, not its own
    /// term: "invitee" is written everywhere in Calendly's). `paremeters` →
    /// `parameters` where the definition writes "parameters" elsewhere; `None` for
    /// anything else.
    pub fn correction(&self, word: &str) -> Option<&str> {
        if word.chars().count() < 6
            || self.counts.get(word).copied().unwrap_or_default() > 3
            // `type_locution`: the API's own term, however rare in English.
            || self.identifiers.contains(word)
            || !word.chars().all(|c| c.is_ascii_lowercase())
            || is_word(word)
            || split_run(word, self).is_some()
        {
            return None;
        }
        let mut found = self
            .words
            .iter()
            // A letter more or less at the end is another form of the word (`filenames`).
            .filter(|w| {
                is_word(w)
                    && one_edit(word, w)
                    && !w.starts_with(word)
                    && !word.starts_with(w.as_str())
            });
        let first = found.next()?;
        found.next().is_none().then_some(first.as_str())
    }
}

/// Whether `b` is `a` with one letter added, dropped or changed, or two neighbours swapped.
fn one_edit(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a == b || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let start = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[start..], &b[start..]);
    match ra.len().cmp(&rb.len()) {
        std::cmp::Ordering::Equal => {
            ra[1..] == rb[1..]
                || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        std::cmp::Ordering::Greater => ra[1..] == *rb,
        std::cmp::Ordering::Less => *ra == rb[1..],
    }
}

/// `text` with the misspelt words the definition also spells right corrected
/// ([`Vocabulary::correction`]), in the case they were written in: "URL Paremeters" →
/// "URL Parameters", "Longtitude of your location" → "Longitude of your location".
pub fn fix_typos(text: &str, vocab: &Vocabulary) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if word.is_empty() {
            return;
        }
        let lower = word.to_ascii_lowercase();
        let same_case = word.chars().skip(1).all(|c| c.is_ascii_lowercase());
        match vocab.correction(&lower).filter(|_| same_case) {
            Some(fixed) => {
                if word.starts_with(|c: char| c.is_ascii_uppercase()) {
                    let mut c = fixed.chars();
                    if let Some(f) = c.next() {
                        out.push(f.to_ascii_uppercase());
                        out.push_str(c.as_str());
                    }
                } else {
                    out.push_str(fixed);
                }
            }
            None => out.push_str(word),
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

fn walk<'a>(node: &'a Node, f: &mut impl FnMut(&'a str, &'a Node)) {
    match &node.kind {
        NodeKind::Object(members) => {
            for m in members {
                f(&m.key, &m.value);
                walk(&m.value, f);
            }
        }
        NodeKind::Array(items) => {
            for item in items {
                walk(item, f);
            }
        }
        _ => {}
    }
}

/// Whether `word` (lower case) is in the bundled list.
pub fn is_word(word: &str) -> bool {
    RANKS.contains_key(word)
}

/// The cost of `piece` as one word of a split, or `None` when it may not be one.
fn piece_cost(piece: &str, vocab: &Vocabulary) -> Option<f64> {
    let len = piece.len();
    let known = vocab.contains(piece);
    if ACRONYM_PIECES.contains(&piece) {
        return Some(12.0);
    }
    if len == 2 {
        return TWO_LETTER_PIECES.contains(&piece).then_some(12.0);
    }
    if len < 2 {
        return None;
    }
    let rank = RANKS.get(piece).copied();
    // Short words are pieces only when common (or the definition's own): "ova" and "lat"
    // are words, but "cordova" and "collation" are not "cord ova" and "col lat ion".
    let limit = match len {
        3 => 3_000,
        4 => 10_000,
        _ => 25_000,
    };
    match rank {
        Some(r) if known => Some(10.0 + (f64::from(r) + 2.0).ln() - 3.0),
        Some(r) if r < limit => Some(10.0 + (f64::from(r) + 2.0).ln()),
        None if known && len >= 3 => Some(10.0 + 9.0),
        _ => None,
    }
}

/// The words of a run of lower-case ASCII letters, when it is not a word itself and is
/// several words; `None` otherwise.
pub fn split_run(run: &str, vocab: &Vocabulary) -> Option<Vec<String>> {
    if run.len() < 5
        || !run.bytes().all(|b| b.is_ascii_lowercase())
        || is_word(run)
        || vocab.contains(run)
        || ACRONYM_PIECES.contains(&run)
    {
        return None;
    }
    let n = run.len();
    // best[i]: the cheapest split of run[..i] (cost, start of its last piece).
    let mut best: Vec<Option<(f64, usize)>> = vec![None; n + 1];
    best[0] = Some((0.0, 0));
    for i in 1..=n {
        for j in i.saturating_sub(24)..i {
            let Some((before, _)) = best[j] else {
                continue;
            };
            let Some(cost) = piece_cost(&run[j..i], vocab) else {
                continue;
            };
            let total = before + cost;
            if best[i].is_none_or(|(c, _)| total < c) {
                best[i] = Some((total, j));
            }
        }
    }
    best[n]?;
    let mut pieces = Vec::new();
    let mut i = n;
    while i > 0 {
        let (_, j) = best[i]?;
        pieces.push(run[j..i].to_string());
        i = j;
    }
    pieces.reverse();
    let first = pieces.first()?;
    let last = pieces.last()?;
    if pieces.len() < 2
        || SUFFIX_PIECES.contains(&last.as_str()) && !vocab.contains(last)
        || PREFIX_PIECES.contains(&first.as_str()) && !vocab.contains(first)
    {
        return None;
    }
    Some(pieces)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(run: &str) -> Option<String> {
        split_run(run, &Vocabulary::default()).map(|p| p.join(" "))
    }

    #[test]
    fn run_together_words() {
        assert_eq!(split("maxresults").as_deref(), Some("max results"));
        assert_eq!(split("boardid").as_deref(), Some("board id"));
        assert_eq!(split("issuetype").as_deref(), Some("issue type"));
        assert_eq!(split("startdate").as_deref(), Some("start date"));
        assert_eq!(split("pagesize").as_deref(), Some("page size"));
        assert_eq!(split("orderby").as_deref(), Some("order by"));
    }

    #[test]
    fn words_stay_whole() {
        for w in [
            "invoice",
            "transaction",
            "password",
            "permissions",
            "validation",
            "annotation",
            "callback",
            "timeout",
            "endpoint",
            "booking",
            "sunday",
            "webhook",
            "metadata",
        ] {
            assert_eq!(split(w), None, "{w}");
        }
    }

    #[test]
    fn no_split_into_fragments() {
        // Not words, and not made of words: kept as written.
        assert_eq!(split("plunet"), None);
        assert_eq!(split("smsxblock"), None);
        // A derived word the list lacks is not two words.
        assert_eq!(split("sustainability"), None);
    }

    #[test]
    fn the_definitions_vocabulary_comes_first() {
        let vocab = Vocabulary::of(["smsx", "block"]);
        assert_eq!(
            split_run("smsxblock", &vocab)
                .map(|p| p.join(" "))
                .as_deref(),
            Some("smsx block")
        );
        // A word the definition writes whole that the list cannot split stays whole.
        let vocab = Vocabulary::of(["plunetid"]);
        assert_eq!(split_run("plunetid", &vocab), None);
    }

    #[test]
    fn typos_are_fixed_only_towards_the_definitions_own_spelling() {
        let v = Vocabulary::of(["parameters", "longitude", "url"]);
        assert_eq!(fix_typos("URL Paremeters", &v), "URL Parameters");
        assert_eq!(
            fix_typos("Longtitude of your location", &v),
            "Longitude of your location"
        );
        // Without the right spelling in the definition, nothing changes.
        assert_eq!(
            fix_typos("URL Paremeters", &Vocabulary::default()),
            "URL Paremeters"
        );
        // Words, short words and words in mixed case stay as written.
        assert_eq!(fix_typos("Parameters", &v), "Parameters");
        assert_eq!(fix_typos("Paramz", &v), "Paramz");
        assert_eq!(fix_typos("ParEmeters", &v), "ParEmeters");
        assert!(one_edit("paremeters", "parameters"));
        assert!(one_edit("longtitude", "longitude"));
        assert!(one_edit("recieve", "receive"));
        assert!(!one_edit("parameters", "parameters"));
        assert!(!one_edit("abcdef", "abcxyz"));
        // Another form of the word is no correction.
        let v = Vocabulary::of(["filenames"]);
        assert_eq!(fix_typos("Filename", &v), "Filename");
    }

    #[test]
    fn vocabulary_from_a_definition() {
        let f = crate::source::SourceFile::from_text(
            "t.json".into(),
            r#"{"paths": {"/x": {"get": {"summary": "Get the smsx blocks",
                "parameters": [{"name": "max_results", "in": "query"},
                               {"name": "orderid_list", "in": "query", "description": "See /orders/{orderid}."},
                               {"name": "boardid", "in": "query", "description": "The boardid to use."}]}}}}"#
                .into(),
            crate::source::Decoding::Utf8,
        );
        let d = crate::syntax::json::parse(&f);
        let v = Vocabulary::from_definition(d.root.as_ref().unwrap());
        assert!(v.contains("smsx") && v.contains("blocks") && v.contains("max"));
        assert!(v.contains("results"));
        // A one-word identifier quoted in prose is not a word of the vocabulary, and
        // neither is a run-together part of a name.
        assert!(!v.contains("boardid"));
        assert!(!v.contains("orderid") && v.contains("list"));
    }
}
