//! The tooltip (`description`) of one field, from facts alone.
//!
//! A tooltip is written only from what the definition states about the field, and only
//! when it tells the maker something the label and the designer do not: where the value
//! comes from, its format with an example, a pattern in words, its range and its
//! default. Allowed values are not repeated: the designer shows an `enum` as a dropdown.
//! A field with none of these gets a TODO question for the publisher instead (never
//! written to the file), or nothing when the label says what to enter ("Name",
//! "Subject"), the field is a count, or it is a dropdown.

use serde_json::Value;

use super::{label_from_name, lower_label};
use crate::text::capitalize;

/// What the definition says about a field.
#[derive(Debug, Clone, Default)]
pub struct FieldFacts {
    pub name: String,
    /// The label makers see (`x-ms-summary`, else the schema `title`, else one made from
    /// the name).
    pub label: Option<String>,
    pub type_name: Option<String>,
    pub format: Option<String>,
    /// `enum`, or the `enum` of an array's `items`.
    pub enum_values: Vec<Value>,
    /// `x-ms-enum-values` display names, by value.
    pub enum_names: Vec<(Value, String)>,
    pub items_type: Option<String>,
    pub pattern: Option<String>,
    pub default: Option<Value>,
    pub required: bool,
    pub minimum: Option<String>,
    pub maximum: Option<String>,
    pub exclusive_minimum: bool,
    pub exclusive_maximum: bool,
    pub min_length: Option<String>,
    pub max_length: Option<String>,
    pub min_items: Option<String>,
    pub max_items: Option<String>,
    /// The field's `description` now (a weak one, when a tooltip is asked for).
    pub description: Option<String>,
    /// Where the value comes from, when an action makers see returns it.
    pub source: Option<Source>,
    /// `x-ms-dynamic-values` (or `-list`): a picker, with the path of the value.
    pub picker: Option<Picker>,
    /// An object whose properties carry their own labels and tooltips.
    pub has_properties: bool,
    /// Properties of the items the operation returns, for OData examples.
    pub result_properties: Vec<String>,
    /// What the operation returns, in the plural ("invoices"), else "items".
    pub items: Option<String>,
}

/// An action makers see whose output supplies a field's value.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// The action's name as makers see it.
    pub action: String,
    /// Other actions whose output holds the value just as well ("Send … Image Message"
    /// beside "Send … Text Message").
    pub alternatives: Vec<String>,
    /// The label of the output that holds the value ("Board ID").
    pub output: String,
    /// Whether a picker (`x-ms-dynamic-values`) lists the action's results.
    pub picker: bool,
}

/// A picker whose source action makers do not see.
#[derive(Debug, Clone, PartialEq)]
pub struct Picker {
    /// The last segment of `value-path` (`id`, `key`), when given.
    pub value_path: Option<String>,
}

/// A tooltip, or a question for the publisher.
#[derive(Debug, Clone, PartialEq)]
pub struct Tooltip {
    pub text: String,
    /// A question for the publisher (`TODO: …`), never written to the definition.
    pub todo: bool,
    /// Whether the text says what the value is (where it comes from, a query language, a
    /// format, a pattern) rather than only its range, length or default, which add to a
    /// description and never replace it ("The page number. The default is 1.").
    pub says_what: bool,
}

/// Query languages and OData options a field takes, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Query {
    Jql,
    ODataFilter,
    ODataOrderBy,
    ODataSelect,
    ODataExpand,
    ODataTop,
    ODataSkip,
    ODataCount,
    ODataSearch,
    /// A query, filter or search expression of unknown syntax.
    Other,
}

/// The query language of a field, from its name and label.
pub fn query_kind(name: &str, label: Option<&str>) -> Option<Query> {
    let lower = name.trim().to_ascii_lowercase();
    if let Some(option) = lower.strip_prefix('$') {
        return match option {
            "filter" => Some(Query::ODataFilter),
            "orderby" => Some(Query::ODataOrderBy),
            "select" => Some(Query::ODataSelect),
            "expand" => Some(Query::ODataExpand),
            "top" => Some(Query::ODataTop),
            "skip" => Some(Query::ODataSkip),
            "count" => Some(Query::ODataCount),
            "search" => Some(Query::ODataSearch),
            _ => None,
        };
    }
    let ws = super::words(name);
    let label_words = label.map(super::words).unwrap_or_default();
    if ws.iter().chain(&label_words).any(|w| w == "jql") {
        return Some(Query::Jql);
    }
    let free = [
        "query",
        "filter",
        "q",
        "where",
        "sql",
        "kql",
        "soql",
        "fetchxml",
        "expression",
        "criteria",
        "condition",
        "search",
    ];
    // The name says what the field is by its last word: `searchQuery` is a query,
    // `filterId` an ID. A label that says otherwise wins: `q` labelled "Text" is text.
    let by_label = label.is_none() || label_words.iter().any(|w| free.contains(&w.as_str()));
    (by_label && ws.last().is_some_and(|w| free.contains(&w.as_str()))).then_some(Query::Other)
}

fn value_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Bool(true) => "Yes".into(),
        Value::Bool(false) => "No".into(),
        other => other.to_string(),
    }
}

fn number_word(n: u32) -> String {
    const WORDS: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    WORDS
        .get(n as usize)
        .map(|w| w.to_string())
        .unwrap_or_else(|| n.to_string())
}

/// One element of a simple pattern: a class of characters or a literal, with counts.
struct Element {
    /// Singular and plural names ("digit", "digits"), or a literal's text.
    kind: ElementKind,
    min: u32,
    /// `None`: no upper bound.
    max: Option<u32>,
}

enum ElementKind {
    Class {
        one: &'static str,
        many: &'static str,
        example: &'static str,
    },
    Literal(String),
}

fn class_of(set: &str) -> Option<(&'static str, &'static str, &'static str)> {
    let mut parts: Vec<&str> = Vec::new();
    let mut rest = set;
    while !rest.is_empty() {
        let take = if rest.len() >= 3 && rest.as_bytes()[1] == b'-' {
            3
        } else if rest.starts_with("\\d") {
            2
        } else {
            return None;
        };
        parts.push(&rest[..take]);
        rest = &rest[take..];
    }
    parts.sort_unstable();
    let digits = |p: &&str| *p == "0-9" || *p == "\\d";
    match parts.as_slice() {
        [p] if digits(p) => Some(("digit", "digits", "1234567890")),
        ["A-Z"] => Some(("capital letter", "capital letters", "ABCDEFGHIJ")),
        ["a-z"] => Some(("lower-case letter", "lower-case letters", "abcdefghij")),
        ["A-Z", "a-z"] => Some(("letter", "letters", "AbcdEfghIj")),
        [d, "A-Z"] if digits(d) => Some((
            "capital letter or digit",
            "capital letters or digits",
            "A1B2C3D4E5",
        )),
        [d, "a-z"] if digits(d) => Some((
            "lower-case letter or digit",
            "lower-case letters or digits",
            "a1b2c3d4e5",
        )),
        [d, "A-Z", "a-z"] if digits(d) => {
            Some(("letter or digit", "letters or digits", "A1b2C3d4E5"))
        }
        [d, "A-F", "a-f"] if digits(d) => {
            Some(("hexadecimal digit", "hexadecimal digits", "0a1b2c3d4e"))
        }
        [d, "A-F"] if digits(d) => Some(("hexadecimal digit", "hexadecimal digits", "0A1B2C3D4E")),
        [d, "a-f"] if digits(d) => Some(("hexadecimal digit", "hexadecimal digits", "0a1b2c3d4e")),
        _ => None,
    }
}

fn literal_name(c: char) -> Option<&'static str> {
    Some(match c {
        '-' => "a hyphen",
        '.' => "a dot",
        '_' => "an underscore",
        ' ' => "a space",
        ':' => "a colon",
        '/' => "a slash",
        '@' => "an @",
        '+' => "a plus sign",
        ',' => "a comma",
        '#' => "a #",
        _ => return None,
    })
}

/// A simple anchored pattern in words, with an example that matches it:
/// `^[A-Z]{3}-\d{4}$` → ("three capital letters, a hyphen and four digits",
/// "ABC-1234"). `None` for anything with alternation, groups or other constructs.
pub fn pattern_in_words(pattern: &str) -> Option<(String, String)> {
    let body = pattern.strip_prefix('^')?.strip_suffix('$')?;
    let chars: Vec<char> = body.chars().collect();
    let mut elements: Vec<Element> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let kind = match c {
            '[' => {
                let end = chars[i..].iter().position(|&x| x == ']')? + i;
                let set: String = chars[i + 1..end].iter().collect();
                i = end + 1;
                let (one, many, example) = class_of(&set)?;
                ElementKind::Class { one, many, example }
            }
            '\\' => {
                let next = *chars.get(i + 1)?;
                i += 2;
                match next {
                    'd' => ElementKind::Class {
                        one: "digit",
                        many: "digits",
                        example: "1234567890",
                    },
                    '-' | '.' | '_' | '/' | '+' | '@' | ':' | '#' | ' ' | ',' => {
                        ElementKind::Literal(next.to_string())
                    }
                    _ => return None,
                }
            }
            c if c.is_ascii_alphanumeric()
                || (literal_name(c).is_some() && c != '.' && c != '+') =>
            {
                i += 1;
                ElementKind::Literal(c.to_string())
            }
            _ => return None,
        };
        let (min, max) = match chars.get(i) {
            Some('{') => {
                let end = chars[i..].iter().position(|&x| x == '}')? + i;
                let inner: String = chars[i + 1..end].iter().collect();
                i = end + 1;
                match inner.split_once(',') {
                    Some((a, "")) => (a.trim().parse().ok()?, None),
                    Some((a, b)) => (a.trim().parse().ok()?, Some(b.trim().parse().ok()?)),
                    None => {
                        let n = inner.trim().parse().ok()?;
                        (n, Some(n))
                    }
                }
            }
            Some('+') => {
                i += 1;
                (1, None)
            }
            Some('*') => {
                i += 1;
                (0, None)
            }
            Some('?') => {
                i += 1;
                (0, Some(1))
            }
            _ => (1, Some(1)),
        };
        if matches!(chars.get(i), Some('?' | '+' | '*' | '{')) {
            return None;
        }
        // Literal letters and digits in a row make one literal ("INV").
        if let (ElementKind::Literal(s), Some(last)) = (&kind, elements.last_mut()) {
            if let ElementKind::Literal(prev) = &mut last.kind {
                let alnum = |t: &str| t.chars().all(|c| c.is_ascii_alphanumeric());
                if min == 1
                    && max == Some(1)
                    && last.min == 1
                    && last.max == Some(1)
                    && alnum(s)
                    && alnum(prev)
                {
                    prev.push_str(s);
                    continue;
                }
            }
        }
        elements.push(Element { kind, min, max });
    }
    if elements.is_empty() || elements.len() > 8 {
        return None;
    }
    let mut parts = Vec::new();
    let mut example = String::new();
    for e in &elements {
        let count = match (e.min, e.max) {
            (1, Some(1)) => None,
            (n, Some(m)) if n == m => Some(number_word(n)),
            (0, Some(1)) => Some("an optional".to_string()),
            (0, None) => Some("any number of".to_string()),
            (1, None) => Some("one or more".to_string()),
            (n, None) => Some(format!("{} or more", number_word(n))),
            (n, Some(m)) => Some(format!("{} to {}", number_word(n), number_word(m))),
        };
        let shown = e.min.max(1) as usize;
        match &e.kind {
            ElementKind::Class {
                one,
                many,
                example: ex,
            } => {
                let plural = !matches!((e.min, e.max), (1, Some(1)) | (0, Some(1)));
                let noun = if plural { many } else { one };
                parts.push(match count {
                    None => format!(
                        "{} {noun}",
                        if one.starts_with(['a', 'e', 'i', 'o', 'u']) {
                            "an"
                        } else {
                            "a"
                        }
                    ),
                    Some(c) => format!("{c} {noun}"),
                });
                example.extend(ex.chars().cycle().take(shown));
            }
            ElementKind::Literal(s) => {
                let single = s.chars().count() == 1;
                let name = single
                    .then(|| s.chars().next().and_then(literal_name))
                    .flatten()
                    .map(str::to_string)
                    .unwrap_or_else(|| format!("\u{201c}{s}\u{201d}"));
                parts.push(match count {
                    None => name,
                    Some(c) if c == "an optional" => {
                        format!(
                            "an optional {}",
                            name.trim_start_matches("a ").trim_start_matches("an ")
                        )
                    }
                    Some(_) => return None,
                });
                if e.min > 0 {
                    example.push_str(s);
                }
            }
        }
    }
    let words = match parts.len() {
        1 => parts.remove(0),
        n => format!("{} and {}", parts[..n - 1].join(", "), parts[n - 1]),
    };
    Some((words, example))
}

/// A date or time format the text states ("YYYY-MM-DD hh:mm", "ISO 8601"), as written.
pub fn stated_format(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    for (needle, shown) in [
        ("iso 8601", "ISO 8601"),
        ("iso-8601", "ISO 8601"),
        ("iso8601", "ISO 8601"),
        ("rfc 3339", "RFC 3339"),
        ("rfc3339", "RFC 3339"),
    ] {
        if lower.contains(needle) {
            return Some(shown.to_string());
        }
    }
    let is_part = |t: &str| {
        let letters: String = t.chars().filter(|c| !"-/:.T ,".contains(*c)).collect();
        !letters.is_empty()
            && letters.chars().all(|c| "YyMDdHhmsSZzf".contains(c))
            && (letters.contains("YY")
                || letters.contains("yy")
                || (letters.contains("MM") && (letters.contains("DD") || letters.contains("dd")))
                || ((letters.contains("hh") || letters.contains("HH")) && letters.contains("mm")))
    };
    // `yyyy-MM-dd'T'HH:mm:ss`: the quoted T of Java and .NET patterns is part of it.
    let text = text.replace("'T'", "T");
    let tokens: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || "'\"`()[]“”‘’".contains(c))
        .collect();
    let mut best: Option<String> = None;
    let mut i = 0;
    while i < tokens.len() {
        if is_part(tokens[i].trim_end_matches([',', '.', ';'])) {
            let mut run = vec![tokens[i].trim_end_matches([',', '.', ';'])];
            let mut j = i + 1;
            while j < tokens.len() && is_part(tokens[j].trim_end_matches([',', '.', ';'])) {
                run.push(tokens[j].trim_end_matches([',', '.', ';']));
                j += 1;
            }
            let joined = run.join(" ");
            if best.as_ref().is_none_or(|b| joined.len() > b.len()) {
                best = Some(joined);
            }
            i = j;
        } else {
            i += 1;
        }
    }
    best
}

/// Why a stated format contradicts a JSON-schema `format`, or `None` when they agree.
pub fn format_conflict(format: &str, stated: &str) -> Option<String> {
    if stated == "ISO 8601" || stated == "RFC 3339" {
        return None;
    }
    let date_first = {
        let s = stated.trim_start();
        s.starts_with("YYYY") || s.starts_with("yyyy")
    };
    let has_date = stated.contains("DD")
        || stated.contains("dd")
        || stated.contains("YY")
        || stated.contains("yy");
    let has_time = stated.contains("hh") || stated.contains("HH") || stated.contains(":mm");
    let iso_separator = stated.contains('T') || stated.contains("'T'");
    match format.to_ascii_lowercase().as_str() {
        "date" if has_time => Some(format!(
            "`format: date` is a date alone (2025-01-31), but the description asks for {stated}"
        )),
        "date" if has_date && !date_first => Some(format!(
            "`format: date` is year-month-day (2025-01-31), but the description asks for {stated}"
        )),
        "date-time" if !has_time => Some(format!(
            "`format: date-time` is a date and a time (2025-01-31T13:45:00Z), but the description asks for {stated}"
        )),
        "date-time" if !date_first || !iso_separator => Some(format!(
            "`format: date-time` is RFC 3339 (2025-01-31T13:45:00Z), but the description asks for {stated}"
        )),
        _ => None,
    }
}

/// The sentence saying what format the value has, with an example.
fn format_sentence(f: &FieldFacts) -> Option<String> {
    let format = f.format.as_deref().map(str::to_ascii_lowercase);
    let stated = f.description.as_deref().and_then(stated_format);
    if let (Some(fm), Some(st)) = (&format, &stated) {
        if format_conflict(fm, st).is_some() {
            // The definition contradicts itself (a `check` finding): no example to print.
            return None;
        }
    }
    let array = f.type_name.as_deref() == Some("array");
    Some(match format.as_deref() {
        Some("date") => "A date, such as 2025-01-31.".into(),
        Some("date-time") => {
            "A date and time in ISO 8601 format, such as 2025-01-31T13:45:00Z.".into()
        }
        Some("time") => "A time, such as 13:45:00.".into(),
        // "Email": the label says it is an address; the example is padding.
        Some("email") if !array && !label_says(f, &["email", "mail"]) => {
            "An email address, such as someone@example.com.".into()
        }
        Some("uri" | "url") if !array => "A full URL, such as https://contoso.com/page.".into(),
        Some("uuid" | "guid") => "A GUID, such as 123e4567-e89b-12d3-a456-426614174000.".into(),
        // The designer encodes file content for a `byte` field itself: "base64" invites
        // makers to encode it twice.
        Some("byte") => file_sentence(),
        Some("binary") => file_sentence(),
        _ if f.type_name.as_deref() == Some("file") => file_sentence(),
        _ => {
            // No `format`: what the name says, when it says it plainly.
            let ws = super::words(&f.name);
            let last = ws.last().map(String::as_str);
            let string = matches!(f.type_name.as_deref(), Some("string") | None);
            match (last, &stated) {
                (_, Some(st)) if string && st != "RFC 3339" && st != "ISO 8601" => {
                    format!("In the format {st}.")
                }
                (Some("email"), None)
                    if string && ws.len() <= 2 && !label_says(f, &["email", "mail"]) =>
                {
                    "An email address, such as someone@example.com.".into()
                }
                _ => return None,
            }
        }
    })
}

/// Whether the field's label holds one of `words` ("Assignee Email").
fn label_says(f: &FieldFacts, words: &[&str]) -> bool {
    let label = f.label.clone().unwrap_or_else(|| label_from_name(&f.name));
    label
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| words.contains(&w.to_lowercase().as_str()))
}

fn file_sentence() -> String {
    "The file's content, such as the File Content output of an action that gets a file.".into()
}

fn odata_example(f: &FieldFacts, q: Query) -> Option<String> {
    let props = &f.result_properties;
    let pick = |names: &[&str]| {
        names
            .iter()
            .find_map(|n| props.iter().find(|p| p.eq_ignore_ascii_case(n)))
            .cloned()
    };
    match q {
        Query::ODataFilter => pick(&["name", "displayName", "title", "subject"])
            .map(|p| format!("{p} eq 'Contoso'"))
            .or_else(|| {
                pick(&["email", "emailAddress", "mail"])
                    .map(|p| format!("{p} eq 'someone@example.com'"))
            }),
        Query::ODataOrderBy => pick(&[
            "createdDateTime",
            "created",
            "createdAt",
            "name",
            "displayName",
            "title",
        ])
        .map(|p| format!("{p} desc")),
        Query::ODataSelect => {
            let id = pick(&["id"]);
            let name = pick(&["name", "displayName", "title", "subject"]);
            match (id, name) {
                (Some(a), Some(b)) => Some(format!("{a},{b}")),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The facts about the value, as sentences, each carrying one fact or more; and whether
/// they say what the value is (see [`Tooltip::says_what`]).
fn fact_sentences(f: &FieldFacts) -> (Vec<String>, bool) {
    let mut out = Vec::new();
    let items = f.items.clone().unwrap_or_else(|| "items".into());
    let label = f.label.clone().unwrap_or_else(|| label_from_name(&f.name));
    // Where the value comes from.
    if let Some(src) = &f.source {
        let quoted = |a: &str| format!("\u{201c}{a}\u{201d}");
        let from = match src.alternatives.as_slice() {
            [] => quoted(&src.action),
            [other] => format!("{} or {}", quoted(&src.action), quoted(other)),
            _ => format!("an earlier action, such as {}", quoted(&src.action)),
        };
        out.push(if src.picker {
            format!(
                "Choose from the list, or use the {} output of {from}.",
                src.output
            )
        } else {
            format!("Use the {} output of {from}.", src.output)
        });
    } else if let Some(p) = &f.picker {
        let generic = ["item", "items", "value", "values", "data", "result"];
        if let Some(vp) = p
            .value_path
            .as_deref()
            .filter(|v| !v.is_empty() && !generic.contains(&v.to_ascii_lowercase().as_str()))
        {
            let what = lower_label(&label_from_name(vp));
            let entity = entity_of(&label_from_name(&f.name));
            out.push(match entity {
                Some(e) if what.to_lowercase().contains(&e.to_lowercase()) => {
                    format!("Choose from the list, or enter the {what} as a custom value.")
                }
                Some(e) => format!(
                    "Choose from the list, or enter the {what} of the {e} as a custom value."
                ),
                None => format!("Choose from the list, or enter its {what} as a custom value."),
            });
        }
    }
    // Query languages and OData options.
    match query_kind(&f.name, f.label.as_deref()) {
        Some(Query::Jql) => out.push(
            "A JQL (Jira Query Language) query, such as project = DEMO AND status = Done.".into(),
        ),
        Some(q @ Query::ODataFilter) => out.push(match odata_example(f, q) {
            Some(e) => format!("An OData filter expression, such as {e}."),
            None => format!("An OData filter expression that limits which {items} are returned."),
        }),
        Some(q @ Query::ODataOrderBy) => out.push(match odata_example(f, q) {
            Some(e) => format!("The property to sort by, then asc or desc, such as {e}."),
            None => "The property to sort by, then asc or desc.".into(),
        }),
        Some(q @ Query::ODataSelect) => out.push(match odata_example(f, q) {
            Some(e) => format!("The properties to return, separated by commas, such as {e}."),
            None => "The properties to return, separated by commas.".into(),
        }),
        Some(Query::ODataExpand) => {
            out.push("The related entities to include in each result, separated by commas.".into())
        }
        Some(Query::ODataTop) => out.push(format!("The largest number of {items} to return.")),
        Some(Query::ODataSkip) => out.push(format!(
            "The number of {items} to skip before the first one returned."
        )),
        Some(Query::ODataCount) => out.push(format!(
            "Whether the result includes the number of all matching {items}."
        )),
        _ => {}
    }
    // Format, with an example.
    if f.enum_values.is_empty() && f.source.is_none() && f.picker.is_none() {
        if let Some(s) = format_sentence(f) {
            out.push(s);
        }
    }
    // Allowed values: the designer shows them as a dropdown, so they are not repeated.
    // A pattern in words.
    if f.enum_values.is_empty() {
        if let Some((words, example)) = f.pattern.as_deref().and_then(pattern_in_words) {
            if example.is_empty() {
                out.push(format!("{}.", capitalize(&words)));
            } else {
                out.push(format!("{}, such as {example}.", capitalize(&words)));
            }
        }
    }
    let says_what = !out.is_empty();
    // Range.
    let integer = f.type_name.as_deref() == Some("integer");
    let range = match (&f.minimum, &f.maximum) {
        (Some(a), Some(b)) if !f.exclusive_minimum && !f.exclusive_maximum => {
            Some(format!("from {a} to {b}"))
        }
        (Some(a), Some(b)) => Some(format!(
            "{} {a} and {} {b}",
            if f.exclusive_minimum {
                "more than"
            } else {
                "at least"
            },
            if f.exclusive_maximum {
                "less than"
            } else {
                "at most"
            }
        )),
        (None, Some(b)) => Some(format!(
            "{} {b}",
            if f.exclusive_maximum {
                "less than"
            } else {
                "at most"
            }
        )),
        (Some(a), None) => Some(format!(
            "{} {a}",
            if f.exclusive_minimum {
                "more than"
            } else {
                "at least"
            }
        )),
        _ => None,
    };
    if let Some(r) = range {
        out.push(if integer {
            format!("A whole number {r}.")
        } else {
            format!("{}.", capitalize(&r))
        });
    }
    // A minimum of 0 or 1 only says "not empty", which a required field already is.
    fn low(n: &Option<String>) -> Option<&str> {
        n.as_deref().filter(|a| *a != "0" && *a != "1")
    }
    let unit = |n: &str, one: &str, many: &str| {
        if n == "1" {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    match (low(&f.min_length), &f.max_length) {
        (Some(a), Some(b)) if a == b => out.push(format!("Exactly {a} characters.")),
        (Some(a), Some(b)) => out.push(format!("{a} to {b} characters.")),
        (None, Some(b)) => out.push(format!("Up to {}.", unit(b, "character", "characters"))),
        (Some(a), None) => out.push(format!("At least {a} characters.")),
        _ => {}
    }
    match (low(&f.min_items), &f.max_items) {
        (Some(a), Some(b)) => out.push(format!("{a} to {b} items.")),
        (None, Some(b)) => out.push(format!("Up to {}.", unit(b, "item", "items"))),
        (Some(a), None) => out.push(format!("At least {a} items.")),
        _ => {}
    }
    // The default.
    let single = f.enum_values.len() == 1;
    if let Some(d) = f
        .default
        .as_ref()
        .filter(|d| !f.required && !single && is_shown_default(d))
    {
        let shown = f
            .enum_names
            .iter()
            .find(|(value, _)| value == d)
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| match (f.type_name.as_deref(), d) {
                // `"default": "false"` on a boolean is No in the designer.
                (Some("boolean"), Value::String(t)) if t.eq_ignore_ascii_case("true") => {
                    "Yes".into()
                }
                (Some("boolean"), Value::String(t)) if t.eq_ignore_ascii_case("false") => {
                    "No".into()
                }
                _ => value_text(d),
            });
        out.push(format!("The default is {shown}."));
    }
    let _ = label;
    (out, says_what)
}

fn is_shown_default(d: &Value) -> bool {
    match d {
        Value::String(s) => {
            let t = s.trim().trim_matches(['(', ')']);
            !t.is_empty() && !t.eq_ignore_ascii_case("default")
        }
        Value::Bool(_) | Value::Number(_) => true,
        _ => false,
    }
}

/// "Project Key" → "project"; "Board ID" → "board"; "Board" → "board".
fn entity_of(label: &str) -> Option<String> {
    let low = lower_label(label);
    let mut ws: Vec<&str> = low.split(' ').collect();
    while ws.last().is_some_and(|w| {
        ["id", "ids", "key", "name", "code", "number"].contains(&w.to_lowercase().as_str())
    }) {
        ws.pop();
    }
    (!ws.is_empty()).then(|| ws.join(" "))
}

/// Last words of labels that say what to enter ("Name", "Subject", "First Name",
/// "Image URL"): no question about them is worth the publisher's time.
const SELF_EXPLANATORY: &[&str] = &[
    "name",
    "firstname",
    "lastname",
    "surname",
    "title",
    "subject",
    "description",
    "message",
    "comment",
    "comments",
    "note",
    "notes",
    "text",
    "body",
    "content",
    "summary",
    "label",
    "caption",
    "filename",
    "city",
    "street",
    "country",
    "company",
    "reason",
    "username",
    "password",
    "email",
    "url",
    "uri",
    "value",
];

/// Last words of whole numbers that are counts, pages or sizes of a page: their meaning
/// is in the label, and they have no unit to ask about.
const COUNTS: &[&str] = &[
    "page", "count", "limit", "size", "top", "skip", "offset", "number", "total", "quantity",
    "max", "min", "results", "retries", "attempts", "amount", "items", "records", "rows", "pages",
    "per",
];

/// Words of whole numbers that are a position in a sequence.
const ORDERS: &[&str] = &["order", "position", "index", "sequence", "rank", "step"];

/// Words of quantities that need a unit.
const MEASURES: &[&str] = &[
    "time",
    "timeout",
    "duration",
    "interval",
    "delay",
    "period",
    "age",
    "ttl",
    "frequency",
    "wait",
    "expiry",
    "expiration",
    "lifetime",
];

/// Units a name can carry ("Estimated Hours", "Timeout (ms)").
const UNITS: &[&str] = &[
    "ms",
    "millis",
    "milliseconds",
    "msec",
    "second",
    "seconds",
    "secs",
    "sec",
    "minute",
    "minutes",
    "mins",
    "min",
    "hour",
    "hours",
    "hrs",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "bytes",
    "kb",
    "mb",
    "gb",
    "percent",
    "percentage",
    "pixels",
    "px",
    "cm",
    "mm",
    "km",
    "kg",
];

/// The words of a field as a maker reads them: its name's and its label's.
fn field_words(f: &FieldFacts) -> Vec<String> {
    let mut ws = super::words(&f.name);
    if let Some(l) = &f.label {
        ws.extend(
            l.split(|c: char| !c.is_alphanumeric())
                .flat_map(super::words),
        );
    }
    ws
}

/// Whether the label (or, without one, the name) says what to enter.
fn self_explanatory(f: &FieldFacts) -> bool {
    let label = f.label.clone().unwrap_or_else(|| label_from_name(&f.name));
    let ws: Vec<String> = label
        .split(|c: char| !c.is_alphanumeric())
        .flat_map(super::words)
        .collect();
    ws.last()
        .is_some_and(|w| SELF_EXPLANATORY.contains(&w.as_str()))
        || super::words(&f.name)
            .last()
            .is_some_and(|w| SELF_EXPLANATORY.contains(&w.as_str()))
}

/// Whether a field with no facts is worth a question even without statistics: it is
/// likely at fault when a call fails (an identifier, a date without a format, a query,
/// a phone number, free-form text whose label does not say what it holds, a quantity
/// without its unit).
pub fn worth_asking(f: &FieldFacts) -> bool {
    let Some(q) = todo_for(f) else {
        return false;
    };
    match f.type_name.as_deref() {
        Some("boolean" | "object") => false,
        Some("integer" | "number") => q.contains("which unit"),
        Some("array") => f.items_type.as_deref() != Some("object"),
        _ => true,
    }
}

/// A question for the publisher, for a field the definition says too little about;
/// `None` where no question is worth asking: a container, a dropdown, a label that says
/// what to enter, a count, a number whose unit is in its name.
fn todo_for(f: &FieldFacts) -> Option<String> {
    if f.has_properties || !f.enum_values.is_empty() || self_explanatory(f) {
        return None;
    }
    let label = f
        .label
        .clone()
        .filter(|l| !l.trim().is_empty() && l.chars().count() <= super::MAX_SUMMARY)
        .unwrap_or_else(|| label_from_name(&f.name));
    let ws = super::words(&f.name);
    let all = field_words(f);
    let last = ws.last().map(String::as_str).unwrap_or_default();
    let has = |w: &str| ws.iter().any(|x| x == w);
    let any_of = |list: &[&str]| all.iter().any(|w| list.contains(&w.as_str()));
    let q = match f.type_name.as_deref() {
        Some("boolean") => format!("what happens when {label} is Yes?"),
        Some("integer" | "number") => {
            if any_of(UNITS) {
                return None;
            } else if any_of(ORDERS) {
                format!("does {label} start at 0 or at 1?")
            } else if COUNTS.contains(&last) || any_of(&["page", "count", "limit", "per"]) {
                return None;
            } else if any_of(MEASURES) {
                format!("in which unit is {label} (milliseconds, seconds, minutes …)?")
            } else {
                format!("which values does {label} take?")
            }
        }
        Some("array") => format!("what does each item of {label} hold? Give an example."),
        Some("object") => format!("what does {label} hold? Give an example."),
        _ if query_kind(&f.name, f.label.as_deref()).is_some() => {
            format!("which syntax does {label} take? Give an example.")
        }
        _ if ["id", "ids", "key", "uuid", "guid", "number", "code", "no"].contains(&last) => {
            format!(
                "where does a maker find the {label}? Name the action whose output has it, or give an example."
            )
        }
        _ if has("date") || has("time") || has("datetime") || last == "at" || last == "on" => {
            format!("which date or time format does {label} take? Give an example.")
        }
        _ if has("phone") || has("mobile") || has("msisdn") => format!(
            "in which format is {label}: with the country code (+1 …) or without? Give an example."
        ),
        _ => format!("what does a maker enter in {label}? Give an example."),
    };
    Some(format!("TODO: {q}"))
}

/// The tooltip for a field: its facts, or a question for the publisher when it has none
/// (`None` where no question is worth asking, see [`todo_for`]).
pub fn tooltip_for(f: &FieldFacts) -> Option<Tooltip> {
    let (facts, says_what) = fact_sentences(f);
    if facts.is_empty() {
        return todo_for(f).map(|text| Tooltip {
            text,
            todo: true,
            says_what: false,
        });
    }
    Some(Tooltip {
        text: facts.join(" "),
        todo: false,
        says_what,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_in_words() {
        assert_eq!(
            pattern_in_words(r"^[A-Z]{3}-\d{4}$"),
            Some((
                "three capital letters, a hyphen and four digits".into(),
                "ABC-1234".into()
            ))
        );
        assert_eq!(
            pattern_in_words(r"^INV\d+$"),
            Some(("“INV” and one or more digits".into(), "INV1".into()))
        );
        assert_eq!(
            pattern_in_words("^[0-9]{5}(-[0-9]{4})?$"),
            None,
            "groups are not simple"
        );
        assert_eq!(pattern_in_words("[a-z]+"), None, "not anchored");
        assert_eq!(pattern_in_words("^(a|b)$"), None);
        assert_eq!(
            pattern_in_words("^[a-zA-Z0-9]{8,12}$"),
            Some((
                "eight to twelve letters or digits".into(),
                "A1b2C3d4".into()
            ))
        );
    }

    #[test]
    fn stated_formats() {
        assert_eq!(
            stated_format("Sending date in the format 'YYYY-MM-DD hh:mm'. If you don't …")
                .as_deref(),
            Some("YYYY-MM-DD hh:mm")
        );
        assert_eq!(
            stated_format("Must be in ISO-8601 format").as_deref(),
            Some("ISO 8601")
        );
        assert_eq!(
            stated_format("Date (dd/MM/yyyy)").as_deref(),
            Some("dd/MM/yyyy")
        );
        assert_eq!(stated_format("The name of your campaign"), None);
        assert_eq!(
            stated_format("Like yyyy-MM-dd'T'HH:mm:ssZ.").as_deref(),
            Some("yyyy-MM-ddTHH:mm:ssZ")
        );
        assert!(format_conflict("date-time", "YYYY-MM-DD hh:mm").is_some());
        assert!(format_conflict("date", "YYYY-MM-DD").is_none());
        assert!(format_conflict("date", "dd/MM/yyyy").is_some());
        assert!(format_conflict("date-time", "YYYY-MM-DDThh:mm:ssZ").is_none());
        assert!(format_conflict("date-time", "ISO 8601").is_none());
    }

    fn facts(name: &str) -> FieldFacts {
        FieldFacts {
            name: name.into(),
            ..FieldFacts::default()
        }
    }

    #[test]
    fn the_format_comes_from_the_description_and_never_contradicts_it() {
        // Mensagia: `format: date-time`, but the description asks for 'YYYY-MM-DD hh:mm'.
        let mut f = facts("start_date");
        f.type_name = Some("string".into());
        f.format = Some("date-time".into());
        f.description = Some("Sending date in the format 'YYYY-MM-DD hh:mm'.".into());
        let t = tooltip_for(&f).unwrap();
        assert!(!t.text.contains("2025-01-31T13:45:00Z"), "{}", t.text);
        assert!(t.todo, "{}", t.text);
        // Without `format`, the stated format is the fact.
        f.format = None;
        assert_eq!(
            tooltip_for(&f).unwrap().text,
            "In the format YYYY-MM-DD hh:mm."
        );
        // Where they agree, the example is printed.
        f.format = Some("date-time".into());
        f.description = None;
        assert_eq!(
            tooltip_for(&f).unwrap().text,
            "A date and time in ISO 8601 format, such as 2025-01-31T13:45:00Z."
        );
    }

    #[test]
    fn no_tautologies_only_facts_or_a_question() {
        // Nothing known about `folderId` but its name: a question, not "The ID of the folder."
        let t = tooltip_for(&facts("folderId")).unwrap();
        assert!(t.todo);
        assert!(
            t.text
                .starts_with("TODO: where does a maker find the Folder ID?"),
            "{}",
            t.text
        );
        // An object with properties: its properties carry the tooltips.
        let mut f = facts("body");
        f.has_properties = true;
        assert_eq!(tooltip_for(&f), None);
    }

    #[test]
    fn allowed_values_are_the_dropdowns_range_and_default_are_told() {
        // The designer shows an enum as a dropdown: only the default is news.
        let mut f = facts("priority");
        f.enum_values = vec!["low".into(), "normal".into(), "high".into()];
        f.default = Some("normal".into());
        assert_eq!(tooltip_for(&f).unwrap().text, "The default is normal.");
        assert!(!tooltip_for(&f).unwrap().says_what);
        // No default: nothing to say, and no question about a dropdown.
        f.default = None;
        assert_eq!(tooltip_for(&f), None);
        let mut f = facts("labels");
        f.type_name = Some("array".into());
        f.enum_values = vec!["bug".into(), "feature".into()];
        f.max_items = Some("5".into());
        assert_eq!(tooltip_for(&f).unwrap().text, "Up to 5 items.");
        let mut f = facts("top");
        f.type_name = Some("integer".into());
        f.minimum = Some("1".into());
        f.maximum = Some("500".into());
        f.default = Some(50.into());
        assert_eq!(
            tooltip_for(&f).unwrap().text,
            "A whole number from 1 to 500. The default is 50."
        );
        let mut f = facts("message");
        f.max_length = Some("160".into());
        assert_eq!(tooltip_for(&f).unwrap().text, "Up to 160 characters.");
        // A required field's default is not the maker's to rely on.
        let mut f = facts("notify");
        f.type_name = Some("boolean".into());
        f.default = Some(false.into());
        assert_eq!(tooltip_for(&f).unwrap().text, "The default is No.");
        // `"default": "false"` on a boolean is No too.
        f.default = Some("false".into());
        assert_eq!(tooltip_for(&f).unwrap().text, "The default is No.");
        f.required = true;
        assert!(tooltip_for(&f).unwrap().todo);
    }

    #[test]
    fn file_content_and_email_formats() {
        // `format: byte`: the designer encodes file content; "base64" would invite
        // makers to encode it twice.
        let mut f = facts("base");
        f.format = Some("byte".into());
        let t = tooltip_for(&f).unwrap().text;
        assert!(
            t.contains("File Content output") && !t.contains("base64"),
            "{t}"
        );
        // An email field whose label says so needs no example address.
        let mut f = facts("partyEmail");
        f.format = Some("email".into());
        f.label = Some("Party Email".into());
        assert_eq!(tooltip_for(&f), None);
        let mut f = facts("owner");
        f.format = Some("email".into());
        assert!(tooltip_for(&f)
            .unwrap()
            .text
            .contains("someone@example.com"));
    }

    #[test]
    fn no_question_the_label_answers_or_that_makes_no_sense() {
        for (name, label) in [
            ("name", "Name"),
            ("subject", "Subject"),
            ("firstname", "First Name"),
            ("company", "Company"),
            ("password", "Password"),
            ("caption", "Caption"),
            ("url", "Image URL"),
        ] {
            let mut f = facts(name);
            f.label = Some(label.into());
            assert_eq!(tooltip_for(&f), None, "{name}");
        }
        // Counts and pages have no unit; a unit in the name is the answer.
        for name in [
            "page",
            "pageSize",
            "maxRetries",
            "estimated_hours",
            "timeoutMs",
        ] {
            let mut f = facts(name);
            f.type_name = Some("integer".into());
            assert_eq!(tooltip_for(&f), None, "{name}");
        }
        // An order is asked where it starts; a duration for its unit.
        let mut f = facts("order");
        f.type_name = Some("integer".into());
        f.label = Some("Signing Order".into());
        assert_eq!(
            tooltip_for(&f).unwrap().text,
            "TODO: does Signing Order start at 0 or at 1?"
        );
        let mut f = facts("ring_timeout");
        f.type_name = Some("integer".into());
        let t = tooltip_for(&f).unwrap();
        assert!(t.todo && t.text.contains("in which unit"), "{}", t.text);
        assert!(worth_asking(&f));
        // A dropdown is no question either.
        let mut f = facts("status");
        f.enum_values = vec!["a".into(), "b".into()];
        assert_eq!(tooltip_for(&f), None);
    }

    #[test]
    fn sources_and_pickers() {
        let mut f = facts("boardId");
        f.source = Some(Source {
            action: "List boards".into(),
            alternatives: Vec::new(),
            output: "Board ID".into(),
            picker: false,
        });
        assert_eq!(
            tooltip_for(&f).unwrap().text,
            "Use the Board ID output of \u{201c}List boards\u{201d}."
        );
        let mut f = facts("projectKey");
        f.label = Some("Project".into());
        f.picker = Some(Picker {
            value_path: Some("key".into()),
        });
        assert_eq!(
            tooltip_for(&f).unwrap().text,
            "Choose from the list, or enter the key of the project as a custom value."
        );
    }

    #[test]
    fn query_languages() {
        let mut f = facts("jql");
        f.label = Some("JQL Query".into());
        assert!(tooltip_for(&f)
            .unwrap()
            .text
            .starts_with("A JQL (Jira Query Language) query, such as"));
        let mut f = facts("$filter");
        f.result_properties = vec!["id".into(), "displayName".into()];
        assert_eq!(
            tooltip_for(&f).unwrap().text,
            "An OData filter expression, such as displayName eq 'Contoso'."
        );
        // A filter of unknown syntax: a question, never an invented example.
        let t = tooltip_for(&facts("filter")).unwrap();
        assert!(t.todo && t.text.contains("which syntax"), "{}", t.text);
        // `q` labelled "Text" is text to check, not a query.
        assert_eq!(query_kind("q", Some("Text")), None);
        assert_eq!(query_kind("q", Some("Search Query")), Some(Query::Other));
        // JIRA's `fields` is not OData's $select.
        assert!(tooltip_for(&facts("fields")).unwrap().todo);
    }
}
