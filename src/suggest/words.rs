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
}

impl Vocabulary {
    /// The words a definition writes separately: in `description`, `summary`, `title`
    /// and `x-ms-summary` texts, and the parts of parameter names and property keys that
    /// have several (`max_results` gives `max` and `results`). A word that is also a
    /// one-word identifier of the definition and is not in the bundled list
    /// (`boardid` quoted in a description) does not count.
    pub fn from_definition(root: &Node) -> Vocabulary {
        let mut prose: HashSet<String> = HashSet::new();
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
        words.extend(parts.into_iter().filter(|w| w.len() >= 2));
        // A word the bundled list splits (`orderid` in a path written in prose, or a
        // part of `orderid_list`) is an identifier, not a word of the definition.
        let empty = Vocabulary::default();
        words.retain(|w| RANKS.contains_key(w.as_str()) || split_run(w, &empty).is_none());
        Vocabulary { words }
    }

    /// A vocabulary of the given words, for tests and callers without a definition.
    pub fn of<'a>(words: impl IntoIterator<Item = &'a str>) -> Vocabulary {
        Vocabulary {
            words: words.into_iter().map(str::to_lowercase).collect(),
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }
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
