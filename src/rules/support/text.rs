//! Text checks shared by the certification rules: product names, restricted words, URLs,
//! e-mail addresses, sentences and letter case.

/// Power Platform product names that titles, descriptions and summaries must not contain
/// (lower case; matched as whole words, spaces optional inside the name).
pub const PRODUCT_NAMES: &[&str] = &[
    "power apps",
    "power automate",
    "logic apps",
    "copilot studio",
    "power virtual agents",
    "microsoft flow",
];

/// The names of [`PRODUCT_NAMES`] also written without spaces.
const PRODUCT_VARIANTS: &[&str] = &[
    "power apps",
    "powerapps",
    "power automate",
    "powerautomate",
    "logic apps",
    "logicapps",
    "copilot studio",
    "copilotstudio",
    "power virtual agents",
    "powervirtualagents",
    "microsoft flow",
    "microsoftflow",
];

/// The product name a text mentions, as written in the text.
pub fn product_name(text: &str) -> Option<String> {
    // Cheap pre-check: every product name contains one of these.
    let lower = text.to_ascii_lowercase();
    if !["power", "logic", "copilot", "flow"]
        .iter()
        .any(|w| lower.contains(w))
    {
        return None;
    }
    for variant in PRODUCT_VARIANTS {
        if let Some(at) = find_word(&lower, variant) {
            return text.get(at..at + variant.len()).map(str::to_string);
        }
    }
    None
}

/// The byte offset of `word` in `haystack` (both lower case) where it stands as a whole
/// word: not preceded or followed by a letter or digit.
pub fn find_word(haystack: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = haystack[from..].find(word) {
        let at = from + i;
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + word.len()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        if boundary(before) && boundary(after) {
            return Some(at);
        }
        from = at + word.len().max(1);
        if from >= haystack.len() {
            break;
        }
    }
    None
}

/// Whether `s` is an absolute http(s) URL with a host.
pub fn is_absolute_url(s: &str) -> bool {
    let s = s.trim();
    let Some((scheme, rest)) = s.split_once("://") else {
        return false;
    };
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return false;
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.rsplit('@').next().unwrap_or_default();
    let host = host.split(':').next().unwrap_or_default();
    !host.is_empty()
        && !s.contains(char::is_whitespace)
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-' || c == '_')
}

/// Whether `s` is a plausible ASCII e-mail address (`local@domain.tld`).
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c))
        && !local.starts_with('.')
        && !local.ends_with('.');
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels.last().is_some_and(|t| t.len() >= 2);
    local_ok && domain_ok
}

/// Whether a description reads as a finished sentence: it ends with `.`, `!`, `?` or `)`
/// (quotes and trailing spaces aside).
pub fn ends_like_sentence(s: &str) -> bool {
    let t = s
        .trim_end()
        .trim_end_matches(['"', '\'', '`', '”', '’', '*']);
    t.ends_with(['.', '!', '?', ')', '。', ':'])
}

/// The words of a text (letters, digits, apostrophes), in order.
pub fn words(s: &str) -> Vec<&str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Small words title case leaves in lower case.
pub const MINOR_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on",
    "or", "per", "the", "to", "via", "vs", "with", "without", "over", "up", "is", "be",
];

/// Whether a word starts with a lower-case letter.
pub fn starts_lower(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
}

/// Whether a word is all in lower case letters (no capitals anywhere, at least one letter).
pub fn all_lower(w: &str) -> bool {
    w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_uppercase)
}

/// Whether a word is "Capitalised" in the simple sense: an upper-case first letter and
/// lower case after it (so not an acronym like `ID` or a brand like `iPhone`).
pub fn capitalised(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase)
        && cs.clone().any(char::is_alphabetic)
        && cs.all(|c| !c.is_uppercase())
}

/// A short excerpt of a text for messages.
pub fn excerpt(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Whether text looks like it is not in English: mostly non-Latin letters, or clearly more
/// common function words of another European language than English ones.
pub fn looks_non_english(s: &str) -> Option<&'static str> {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 4 {
        let non_latin = letters
            .iter()
            .filter(|c| !matches!(**c as u32, 0x41..=0x5a | 0x61..=0x7a | 0xc0..=0x24f))
            .count();
        if non_latin * 2 > letters.len() {
            return Some("non-Latin script");
        }
    }
    const ENGLISH: &[&str] = &[
        "the", "and", "of", "to", "a", "in", "for", "is", "on", "with", "this", "from", "by", "an",
        "or", "your", "you", "it", "that", "be", "are", "get", "all", "as", "at",
    ];
    const OTHER: &[(&str, &[&str])] = &[
        (
            "German",
            &[
                "und", "der", "die", "das", "mit", "für", "von", "ist", "ein", "eine", "nicht",
                "zu", "den", "dem", "auf", "sie", "werden", "wird",
            ],
        ),
        (
            "French",
            &[
                "le", "la", "les", "des", "et", "pour", "avec", "une", "est", "du", "dans", "sur",
                "vos", "votre", "qui",
            ],
        ),
        (
            "Spanish or Portuguese",
            &[
                "el", "los", "las", "y", "para", "con", "una", "del", "que", "por", "su", "sus",
                "em", "uma", "não", "os", "é",
            ],
        ),
        (
            "Dutch",
            &[
                "het", "een", "en", "van", "voor", "met", "zijn", "niet", "op", "te", "naar",
                "deze", "wordt",
            ],
        ),
    ];
    let ws: Vec<String> = words(s).iter().map(|w| w.to_lowercase()).collect();
    if ws.len() < 4 {
        return None;
    }
    let english = ws.iter().filter(|w| ENGLISH.contains(&w.as_str())).count();
    for (lang, list) in OTHER {
        let hits = ws.iter().filter(|w| list.contains(&w.as_str())).count();
        if hits >= 3 && hits > english * 2 {
            return Some(lang);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn product_names_are_whole_words() {
        assert_eq!(
            product_name("Use it in Power Automate flows").as_deref(),
            Some("Power Automate")
        );
        assert_eq!(
            product_name("PowerApps helper").as_deref(),
            Some("PowerApps")
        );
        assert_eq!(product_name("Superpower apps"), None);
    }

    #[test]
    fn urls_and_emails() {
        assert!(is_absolute_url("https://contoso.com/privacy"));
        assert!(!is_absolute_url("contoso.com"));
        assert!(!is_absolute_url("https:// contoso"));
        assert!(is_email("support@contoso.com"));
        assert!(!is_email("support@contoso"));
        assert!(!is_email("süpport@contoso.com"));
    }

    #[test]
    fn languages() {
        assert_eq!(looks_non_english("Get all items from the list"), None);
        assert_eq!(
            looks_non_english("Liste der Elemente mit den Feldern und der Werte"),
            Some("German")
        );
        assert_eq!(
            looks_non_english("获取所有项目的列表"),
            Some("non-Latin script")
        );
    }
}
