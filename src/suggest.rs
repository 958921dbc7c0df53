//! Tooltip suggestions: the `x-ms-summary` (the label a maker sees) and the
//! `description` (the tooltip under it) of the parameters and body properties makers fill
//! in, where they are missing or weak.
//!
//! A label is the field's schema `title` when it has one, else its name split into words
//! ([`words`]: case changes, `_` and `-`, and run-together words found with the
//! definition's own vocabulary and a bundled word list). A tooltip states only facts the
//! definition gives ([`tooltip`]): where the value comes from, its format with an
//! example, its allowed values, a pattern in words, its range and default. A field with
//! none gets a TODO question for the publisher, which `--write` never writes.
//!
//! Only operations makers see count: deprecated and internal ones are skipped. With
//! statistics, fields come first where the action's share of 400 and 422 responses is
//! highest, weighted by how likely the field is at fault (query languages, free-form
//! text, required fields).
//!
//! The engine is a library module below the rules and docgen: it imports only `model`,
//! `syntax`, and takes the statistics as numbers ([`Evidence`]). [`suggest`] serves `connlint tooltips` and the
//! fixes of the `param-x-ms-summary-required` and `param-description-required` rules.

mod readme;
mod tooltip;
mod words;

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;

use crate::model::{Definition, Operation, Parameter};
use crate::syntax::{pointer, Node, NodeKind};

pub use readme::FieldNotes;
pub use tooltip::{
    format_conflict, pattern_in_words, query_kind, stated_format, tooltip_for, FieldFacts, Picker,
    Query, Source, Tooltip,
};
pub use words::{fix_typos, is_word, split_run, Vocabulary};

/// The longest `x-ms-summary` certification accepts.
pub const MAX_SUMMARY: usize = 80;

/// Words written in capitals in labels.
const ACRONYMS: &[(&str, &str)] = &[
    ("id", "ID"),
    ("ids", "IDs"),
    ("url", "URL"),
    ("urls", "URLs"),
    ("uri", "URI"),
    ("api", "API"),
    ("pdf", "PDF"),
    ("csv", "CSV"),
    ("html", "HTML"),
    ("json", "JSON"),
    ("xml", "XML"),
    ("utc", "UTC"),
    ("ip", "IP"),
    ("sku", "SKU"),
    ("vat", "VAT"),
    ("iso", "ISO"),
    ("http", "HTTP"),
    ("https", "HTTPS"),
    ("sms", "SMS"),
    ("mms", "MMS"),
    ("crm", "CRM"),
    ("erp", "ERP"),
    ("guid", "GUID"),
    ("uuid", "UUID"),
    ("oauth", "OAuth"),
    ("odata", "OData"),
    ("etag", "ETag"),
    ("mime", "MIME"),
    ("ssn", "SSN"),
    ("gps", "GPS"),
    ("sla", "SLA"),
    ("jql", "JQL"),
    ("sql", "SQL"),
    ("kql", "KQL"),
    ("soql", "SOQL"),
    ("qr", "QR"),
    ("ocr", "OCR"),
    ("ftp", "FTP"),
    ("sftp", "SFTP"),
    ("smtp", "SMTP"),
    ("dns", "DNS"),
    ("ssl", "SSL"),
    ("tls", "TLS"),
    ("vpn", "VPN"),
    ("sso", "SSO"),
    ("saml", "SAML"),
    ("jwt", "JWT"),
    ("otp", "OTP"),
    ("cc", "CC"),
    ("bcc", "BCC"),
    ("iban", "IBAN"),
    ("bic", "BIC"),
    ("kpi", "KPI"),
    ("rss", "RSS"),
    ("cdn", "CDN"),
    ("png", "PNG"),
    ("jpg", "JPG"),
    ("jpeg", "JPEG"),
    ("svg", "SVG"),
    ("gif", "GIF"),
    ("tsv", "TSV"),
    ("ui", "UI"),
    ("ai", "AI"),
];

/// Words kept lower case inside a title.
const MINOR: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "by", "at", "as", "per", "from",
    "with", "via", "nor",
];

/// Splits an identifier into lower-case words: `invoiceId`, `invoice_id`,
/// `Invoice-ID`, `$filter`, `HTTPStatus2`, `maxresults` → `invoice id`, …,
/// `http status 2`, `max results`. Run-together words are found with the bundled list
/// alone; [`words_with`] adds a definition's vocabulary.
pub fn words(name: &str) -> Vec<String> {
    words_with(name, &Vocabulary::default())
}

/// [`words`] with the vocabulary of the definition the identifier is in.
pub fn words_with(name: &str, vocab: &Vocabulary) -> Vec<String> {
    pieces(name, vocab)
        .into_iter()
        .map(|w| w.to_lowercase())
        .collect()
}

/// The words of an identifier as written, run-together lower-case words split.
fn pieces(name: &str, vocab: &Vocabulary) -> Vec<String> {
    let mixed = name.chars().any(char::is_lowercase);
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    if !mixed && (2..=5).contains(&letters) && name.chars().all(|c| c.is_ascii_alphanumeric()) {
        // `ETD`, `NYB`: a short name in capitals that is no word is an acronym.
        let lower = name.to_ascii_lowercase();
        if !is_word(&lower) && !vocab.contains(&lower) && acronym(&lower).is_none() {
            return cased_words(name);
        }
    }
    let mut out = Vec::new();
    for w in cased_words(name) {
        let capitals = w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !w.chars().any(char::is_lowercase);
        if mixed && capitals {
            // `ADServer`: a word in capitals inside a mixed-case name is an acronym.
            out.push(w);
            continue;
        }
        match split_run(&w.to_lowercase(), vocab) {
            Some(split) => out.extend(split),
            None => out.push(w),
        }
    }
    out
}

/// The words of an identifier as written, split at case changes, digits and
/// punctuation only.
pub(crate) fn cased_words(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = name.chars().collect();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let boundary = match prev {
            Some(p) if p.is_alphanumeric() => {
                (p.is_lowercase() && c.is_uppercase())
                    || (p.is_uppercase()
                        && c.is_uppercase()
                        && next.is_some_and(char::is_lowercase))
                    || (p.is_alphabetic() && c.is_ascii_digit())
                    || (p.is_ascii_digit() && c.is_alphabetic())
            }
            _ => false,
        };
        if boundary && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        current.push(c);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn acronym(word: &str) -> Option<&'static str> {
    ACRONYMS.iter().find(|(w, _)| *w == word).map(|(_, a)| *a)
}

/// A label in title case from an identifier: `asOf` → "As of", `invoice_id` →
/// "Invoice ID", `$top` → "Top", `maxresults` → "Max Results". At most 80 characters.
pub fn label_from_name(name: &str) -> String {
    label_with(name, &Vocabulary::default())
}

/// [`label_from_name`] with the vocabulary of the definition the identifier is in.
pub fn label_with(name: &str, vocab: &Vocabulary) -> String {
    if matches!(name.trim_start_matches('$'), "q" | "Q") {
        // The search box of most APIs.
        return "Search Query".into();
    }
    let ws = pieces(name, vocab);
    if ws.is_empty() {
        return name.trim().to_string();
    }
    let mixed = name.chars().any(char::is_lowercase);
    let mut out: Vec<String> = Vec::with_capacity(ws.len());
    for (i, written) in ws.iter().enumerate() {
        let w = written.to_lowercase();
        let capitals = (mixed || ws.len() == 1)
            && written.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && written.chars().all(|c| !c.is_lowercase())
            && (mixed || !is_word(&w));
        let word = if let Some(a) = acronym(&w) {
            a.to_string()
        } else if capitals {
            written.clone()
        } else if i > 0 && MINOR.contains(&w.as_str()) {
            w.clone()
        } else {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
                None => String::new(),
            }
        };
        out.push(word);
    }
    truncate(&out.join(" "), MAX_SUMMARY)
}

/// The label for a field: its schema `title` when that is a label ([`usable_title`]),
/// else [`label_with`] its name.
pub fn label_for(name: &str, title: Option<&str>, vocab: &Vocabulary) -> String {
    title
        .and_then(|t| usable_title(name, t))
        .unwrap_or_else(|| label_with(name, vocab))
}

/// A `title` that can be shown as a label, in title case: not empty, one line, at most
/// 80 characters, and not the identifier itself (`title: "taskid"`, `"FileName"`,
/// `"Orderid"`), which [`label_with`] splits better.
pub fn usable_title(name: &str, title: &str) -> Option<String> {
    let t = title.trim();
    if t.is_empty() || t.contains('\n') || t.chars().count() > MAX_SUMMARY {
        return None;
    }
    if normalized(t) == normalized(name) && !t.contains(' ') {
        return None;
    }
    Some(title_case(t))
}

/// Title case for a label written by hand: each word capitalised but small words
/// (`of`, `per`) inside, acronyms in capitals (`Id` → `ID`), anything else as written
/// ("Calls per Block", "Campaign's Name", "eTag").
pub fn title_case(text: &str) -> String {
    let ws: Vec<&str> = text.split(' ').collect();
    ws.iter()
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if let Some(a) = acronym(&lower) {
                return a.to_string();
            }
            if w.chars().skip(1).any(char::is_uppercase) {
                return w.to_string();
            }
            if i > 0 && i + 1 < ws.len() && MINOR.contains(&lower.as_str()) {
                return lower;
            }
            let mut c = w.chars();
            match c.next() {
                Some(f) if f.is_lowercase() => f.to_uppercase().collect::<String>() + c.as_str(),
                _ => w.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut cut: String = s.chars().take(max).collect();
    if let Some(i) = cut.rfind(' ') {
        cut.truncate(i);
    }
    cut
}

/// A label in running text: lower case except acronyms ("invoice ID").
pub(crate) fn lower_label(label: &str) -> String {
    label
        .split(' ')
        .map(|w| {
            let acronym = w
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
                && w.chars().any(char::is_alphabetic)
                && w.len() > 1;
            // "ID", "OAuth", "eTag": keep as written.
            if acronym || w.chars().skip(1).any(char::is_uppercase) {
                w.to_string()
            } else {
                w.to_lowercase()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn normalized(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Why an existing `x-ms-summary` needs replacing, or `None` when it is fine.
/// A missing one is `Some("missing")`.
pub fn summary_gap(name: &str, summary: Option<&str>) -> Option<String> {
    let Some(s) = summary.map(str::trim) else {
        return Some("missing".into());
    };
    if s.is_empty() {
        return Some("empty".into());
    }
    if s.chars().count() > MAX_SUMMARY {
        return Some(format!("longer than {MAX_SUMMARY} characters"));
    }
    let n = s.split_whitespace().count();
    if n > 6 || (s.ends_with('.') && n >= 4) {
        return Some("a sentence, not a label".into());
    }
    if s == name && label_from_name(name) != name {
        return Some("the raw parameter name, not a label".into());
    }
    None
}

/// Words that say nothing about a field on their own.
const FILLER: &[&str] = &[
    "the",
    "a",
    "an",
    "to",
    "use",
    "used",
    "for",
    "of",
    "in",
    "on",
    "this",
    "that",
    "is",
    "be",
    "will",
    "which",
    "value",
    "values",
    "field",
    "parameter",
    "param",
    "property",
    "enter",
    "specify",
    "provide",
    "input",
    "optional",
    "required",
    "set",
    "given",
    "its",
    "it",
    "your",
    "you",
    "here",
    "and",
    "or",
    "with",
    "by",
    "as",
    "if",
    "any",
    "please",
    "should",
    "want",
    "request",
    "action",
    "operation",
    "item",
    "data",
    "info",
    "information",
    "details",
    "selected",
    "select",
    "choose",
    "pick",
    "type",
    "id",
];

/// Words and marks that carry a fact: an example, a format, a limit, a list of values.
fn has_facts(text: &str) -> bool {
    if text
        .chars()
        .any(|c| c.is_ascii_digit() || "\"'`\u{201c}\u{2018}".contains(c))
    {
        return true;
    }
    let lower = text.to_lowercase();
    [
        "format",
        "example",
        "e.g",
        "such as",
        "iso",
        "between",
        "maximum",
        "minimum",
        "default",
        "either",
        "separated",
        "characters",
        "true",
        "false",
        "yyyy",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// Why an existing `description` needs replacing, or `None` when it is fine: missing or
/// empty, a repeat of the label, or words that say nothing beyond the label and the
/// action (`"Query to use."` for *JQL Query*, `"card id"` for *Card ID*). A description
/// with an example, a number, a format or quoted values is never weak.
pub fn description_gap(
    name: &str,
    label: Option<&str>,
    description: Option<&str>,
    action: Option<&str>,
) -> Option<String> {
    let Some(d) = description.map(str::trim) else {
        return Some("missing".into());
    };
    if d.is_empty() {
        return Some("empty".into());
    }
    let n = normalized(d);
    if n == normalized(name) || label.is_some_and(|s| normalized(s) == n) {
        return Some("repeats the label".into());
    }
    if has_facts(d) {
        return None;
    }
    let mut known: HashSet<String> = words(name).into_iter().collect();
    for text in [label, action].into_iter().flatten() {
        for token in text.split(|c: char| !c.is_alphanumeric()) {
            known.extend(words(token));
        }
    }
    known.extend(FILLER.iter().map(|w| w.to_string()));
    let content: Vec<String> = d
        .split(|c: char| !c.is_alphanumeric())
        .flat_map(words)
        .collect();
    let said = |w: &String| {
        known.contains(w)
            || w.strip_suffix('s').is_some_and(|s| known.contains(s))
            || known.contains(&format!("{w}s"))
    };
    if content.iter().all(said) {
        return Some("says nothing the label does not".into());
    }
    if d.split_whitespace().count() < 2 || d.chars().count() < 10 {
        return Some("too short to help".into());
    }
    None
}

/// Whether the current description stays before the facts: always when the facts only
/// add a range, a length or a default to it ("The page number." + "The default is 1."),
/// otherwise when it says something neither the label nor the facts do ("Archive the
/// card."), rather than the label again ("Query to use." for *JQL Query*, "card id",
/// "The ID of the folder.").
fn keeps(description: &str, facts: &str, label: &str, says_what: bool) -> bool {
    let content: Vec<String> = description
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| !w.is_empty() && !FILLER.contains(&w.as_str()))
        .collect();
    if !says_what {
        return !description.trim().is_empty();
    }
    let mut said: HashSet<String> = facts
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .collect();
    // Makers see the label, not the name.
    said.extend(label.split(|c: char| !c.is_alphanumeric()).flat_map(words));
    let said = |w: &String| {
        said.contains(w)
            || w.strip_suffix('s').is_some_and(|s| said.contains(s))
            || said.contains(&format!("{w}s"))
    };
    !content.is_empty() && !content.iter().all(said)
}

/// What kind of field a suggestion is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FieldKind {
    Parameter,
    /// A property of a body parameter's schema.
    BodyProperty,
}

/// An operation that uses a field.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UsedBy {
    pub operation_id: Option<String>,
    pub name: String,
    pub pointer: String,
}

/// One suggested key for one object of the definition.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    /// JSON pointer of the object the key belongs in (a parameter, or a schema property).
    pub pointer: String,
    /// `x-ms-summary` or `description`.
    pub key: &'static str,
    pub value: String,
    /// The value there now, when weak.
    pub current: Option<String>,
    /// "missing", or why the current value is weak.
    pub reason: String,
    /// A question for the publisher (`TODO: …`) rather than text to accept: the
    /// definition says too little about the field. `--write` skips it.
    pub todo: bool,
    pub kind: FieldKind,
    pub name: String,
    /// `query`, `path`, `header`, `formData`, `body`, or `property`.
    pub location: String,
    /// The operations makers see that use the field (never deprecated or internal ones).
    pub used_by: Vec<UsedBy>,
    /// 400, 415 and 422 responses the statistics show for the operations using it.
    pub input_errors: u64,
}

impl Suggestion {
    pub fn is_missing(&self) -> bool {
        self.current.is_none()
    }
}

fn deref_at<'a>(root: &'a Node, node: &'a Node, at: String) -> (&'a Node, String) {
    crate::model::refs::as_far_as(root, node, &at)
}

fn deref<'a>(root: &'a Node, node: &'a Node) -> &'a Node {
    crate::model::refs::target(root, node)
}

fn is_internal(node: &Node) -> bool {
    crate::model::is_internal_visibility(node.get_str("x-ms-visibility"))
}

/// A body schema whose properties are all internal (a webhook registration, say): makers
/// never see it.
fn hidden_body(root: &Node, schema: &Node) -> bool {
    match schema.get("properties").and_then(Node::members) {
        Some(props) if !props.is_empty() => {
            props.iter().all(|m| is_internal(deref(root, &m.value)))
        }
        _ => false,
    }
}

/// Whether makers fill in this parameter: it is not `internal`, and it is not a body whose
/// fields are all internal. The `param-*-required` rules ask for labels and tooltips on
/// exactly these.
pub fn maker_fills(root: &Node, p: &Parameter) -> bool {
    let Some(node) = pointer::resolve(root, &p.pointer).map(|t| t.node) else {
        return false;
    };
    if is_internal(node) {
        return false;
    }
    let hidden = p.location == "body"
        && node
            .get("schema")
            .is_some_and(|s| hidden_body(root, deref(root, s)));
    !hidden
}

/// What the statistics say about one operation's input errors, for ranking.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct InputErrors {
    /// 400, 415 and 422 responses.
    pub count: u64,
    /// The share of 400 and 422 responses among the operation's counted calls (0 to 1).
    pub share: f64,
}

/// Input errors per operation pointer (`/paths/~1items/get`); empty without statistics.
/// Built by the caller from the statistics, so that the engine needs only numbers.
pub type Evidence = BTreeMap<String, InputErrors>;

fn number(node: &Node, key: &str) -> Option<String> {
    match node.get(key).map(|n| &n.kind) {
        Some(NodeKind::Number(n)) => Some(n.to_string()),
        _ => None,
    }
}

/// The facts of a JSON-schema-like node (a parameter or a schema property), with its
/// `schema` (if any) already resolved.
fn facts_of(root: &Node, name: &str, node: &Node, schema: Option<&Node>) -> FieldFacts {
    let get = |k: &str| node.get(k).or_else(|| schema.and_then(|s| s.get(k)));
    let text = |k: &str| get(k).and_then(Node::as_str).map(str::to_string);
    let num = |k: &str| number(node, k).or_else(|| schema.and_then(|s| number(s, k)));
    let flag = |k: &str| get(k).and_then(Node::as_bool) == Some(true);
    let items = get("items").map(|i| deref(root, i));
    let enum_of = |n: Option<&Node>| -> Vec<serde_json::Value> {
        n.and_then(|n| n.get("enum"))
            .and_then(Node::as_array)
            .map(|a| a.iter().map(Node::to_value).collect())
            .unwrap_or_default()
    };
    let mut enum_values = enum_of(Some(node));
    if enum_values.is_empty() {
        enum_values = enum_of(schema);
    }
    if enum_values.is_empty() {
        enum_values = enum_of(items);
    }
    let enum_names = [Some(node), schema, items]
        .into_iter()
        .flatten()
        .filter_map(|n| n.get("x-ms-enum-values").and_then(Node::as_array))
        .flat_map(|a| a.iter())
        .filter_map(|e| {
            let value = e.get("value")?.to_value();
            let shown = e.get_str("displayName")?.trim().to_string();
            (!shown.is_empty()).then_some((value, shown))
        })
        .collect();
    let has_properties = is_container(root, schema.unwrap_or(node));
    FieldFacts {
        name: name.to_string(),
        label: None,
        type_name: text("type"),
        format: text("format")
            .or_else(|| items.and_then(|i| i.get_str("format")).map(str::to_string)),
        enum_values,
        enum_names,
        items_type: items.and_then(|i| i.get_str("type")).map(str::to_string),
        pattern: text("pattern"),
        default: get("default").map(Node::to_value),
        required: node.get("required").and_then(Node::as_bool) == Some(true),
        minimum: num("minimum"),
        maximum: num("maximum"),
        exclusive_minimum: flag("exclusiveMinimum"),
        exclusive_maximum: flag("exclusiveMaximum"),
        min_length: num("minLength"),
        max_length: num("maxLength"),
        min_items: num("minItems"),
        max_items: num("maxItems"),
        description: node.get_str("description").map(str::to_string),
        source: None,
        picker: None,
        has_properties,
        result_properties: Vec::new(),
        items: None,
    }
}

/// A picker (`x-ms-dynamic-values` or `x-ms-dynamic-list`) of a field.
#[derive(Debug, Clone)]
struct Dynamic {
    operation_id: String,
    /// `value-collection`: where the listed items are in the response.
    collection: Option<String>,
    /// `value-path`: the item's property that is the value.
    value_path: Option<String>,
}

fn dynamic_of(node: &Node, schema: Option<&Node>) -> Option<Dynamic> {
    for n in [Some(node), schema].into_iter().flatten() {
        if let Some(d) = n.get("x-ms-dynamic-values") {
            return Some(Dynamic {
                operation_id: d.get_str("operationId")?.to_string(),
                collection: d.get_str("value-collection").map(str::to_string),
                value_path: d.get_str("value-path").map(str::to_string),
            });
        }
        if let Some(d) = n.get("x-ms-dynamic-list") {
            return Some(Dynamic {
                operation_id: d.get_str("operationId")?.to_string(),
                collection: d.get_str("itemsPath").map(str::to_string),
                value_path: d
                    .get_str("itemValuePath")
                    .or_else(|| d.get_str("value-path"))
                    .map(str::to_string),
            });
        }
    }
    None
}

fn last_segment(path: &str) -> String {
    path.rsplit(['/', '.']).next().unwrap_or(path).to_string()
}

/// Whether a schema holds fields of its own: an object with properties, or an array of
/// such objects. The designer shows its fields, never the container itself, so it gets
/// no label and no tooltip.
fn is_container(root: &Node, schema: &Node) -> bool {
    let has = |n: &Node| {
        n.get("properties")
            .and_then(Node::members)
            .is_some_and(|m| !m.is_empty())
    };
    has(schema) || schema.get("items").map(|i| deref(root, i)).is_some_and(has)
}

/// Whether the fields of a parameter or property are loaded at run time
/// (`x-ms-dynamic-schema`, `x-ms-dynamic-properties`): makers see the loaded fields
/// ("the board's columns"), never this one.
fn is_dynamic_schema(root: &Node, node: &Node) -> bool {
    let dynamic = |n: &Node| {
        n.get("x-ms-dynamic-schema").is_some() || n.get("x-ms-dynamic-properties").is_some()
    };
    dynamic(node)
        || node
            .get("schema")
            .map(|s| deref(root, s))
            .is_some_and(dynamic)
        || node
            .get("items")
            .map(|i| deref(root, i))
            .is_some_and(dynamic)
}

/// Metadata a request can carry (`historyMetadata`, `metadata`): makers rarely fill it
/// in, so it belongs under advanced options rather than labelled among the fields.
fn is_metadata(name: &str) -> bool {
    words(name)
        .last()
        .is_some_and(|w| w == "metadata" || w == "meta")
}

/// Names of state the service keeps, which a request cannot set (`has_picture`,
/// `legal_consent_pending`, `createdAt`): a body that copies a response has them.
fn is_read_only_name(name: &str, type_name: Option<&str>) -> bool {
    let ws = words(name);
    let (Some(first), Some(last)) = (ws.first(), ws.last()) else {
        return false;
    };
    let boolean = type_name == Some("boolean");
    let stamp = ["created", "updated", "modified", "deleted"].contains(&first.as_str())
        && (ws.len() == 1 || ws.len() == 2)
        && (ws.len() == 1
            || ["at", "on", "date", "time", "datetime", "timestamp", "by"]
                .contains(&last.as_str()));
    (boolean && first == "has" && ws.len() >= 2) || (boolean && last == "pending") || stamp
}

/// Names too common to say which action supplies them.
const GENERIC: &[&str] = &[
    "id",
    "name",
    "type",
    "status",
    "value",
    "key",
    "code",
    "description",
    "title",
    "date",
    "data",
    "text",
    "body",
    "content",
    "url",
    "email",
    "message",
    "label",
    "kind",
    "state",
];

/// Names of nested fields that say nothing without their parent: `transition.id` is the
/// "Transition ID", `header[].type` the "Header Type", `location.name` the "Location
/// Name".
const GENERIC_LEAF: &[&str] = &[
    "id",
    "ids",
    "type",
    "name",
    "url",
    "uri",
    "key",
    "value",
    "text",
    "code",
    "title",
    "description",
];

/// Names of containers that add nothing to their fields' labels.
const BARE_PARENTS: &[&str] = &[
    "content",
    "data",
    "item",
    "items",
    "value",
    "values",
    "payload",
    "request",
    "properties",
    "attributes",
    "fields",
    "params",
    "parameters",
    "input",
    "inputs",
    "object",
    "record",
    "details",
    "info",
    "root",
    "model",
    "entity",
];

/// "Categories" → "Category", "Addresses" → "Address", "Rows" → "Row".
fn singular(word: &str) -> String {
    let lower = word.to_ascii_lowercase();
    let cut = if lower.ends_with("ies") && lower.len() > 4 {
        return format!("{}y", &word[..word.len() - 3]);
    } else if ["sses", "xes", "ches", "shes"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        2
    } else if lower.ends_with('s')
        && !["ss", "us", "is"].iter().any(|e| lower.ends_with(e))
        && lower.len() > 3
    {
        1
    } else {
        0
    };
    word[..word.len() - cut].to_string()
}

/// A label made unique by the container it is in: ("Voice Redirect No", "Number") →
/// "Voice Redirect Number"; ("Recipients", "Type") → "Recipient Type". `None` when the
/// container's name adds nothing ("Content", "Body").
fn qualified(parent: &str, label: &str) -> Option<String> {
    let mut ws: Vec<String> = parent.split_whitespace().map(str::to_string).collect();
    while ws.last().is_some_and(|w| {
        [
            "no", "number", "id", "ids", "key", "code", "list", "info", "details", "data",
        ]
        .contains(&w.to_lowercase().as_str())
    }) {
        ws.pop();
    }
    let last = ws.pop()?;
    if ws.is_empty() && BARE_PARENTS.contains(&normalized(&last).as_str()) {
        return None;
    }
    ws.push(singular(&last));
    let joined = ws.join(" ");
    if ws.len() == 1 && BARE_PARENTS.contains(&normalized(&joined).as_str()) {
        return None;
    }
    let norm_label = normalized(label);
    if norm_label.starts_with(&normalized(&joined)) {
        return None;
    }
    Some(truncate(&format!("{joined} {label}"), MAX_SUMMARY))
}

/// A title as a label: a leading "The" and a trailing full stop go ("The Recipient's
/// Destination Address", "Attachment Name."), and misspellings the definition spells
/// right elsewhere are corrected ("URL Paremeters").
fn clean_title(title: &str, vocab: &Vocabulary) -> String {
    let mut t = title.trim().trim_end_matches('.').trim_end().to_string();
    for article in ["The ", "A ", "An "] {
        if let Some(rest) = t.strip_prefix(article) {
            if rest.split_whitespace().count() >= 1 {
                t = rest.to_string();
            }
            break;
        }
    }
    words::fix_typos(&t, vocab)
}

/// One output of an action makers see.
#[derive(Debug, Clone)]
struct Output {
    op: usize,
    /// Its label as makers see it.
    label: String,
    /// A URI or link (`format: uri`, `uri`, `href`): not the bare ID a field may want.
    uri: bool,
}

/// What the visible operations return: per normalized property name, the outputs.
struct Outputs {
    by_name: HashMap<String, Vec<Output>>,
    /// Per operation: the properties of the items it returns.
    item_properties: Vec<Vec<String>>,
    /// Per operation: the label of a response that is one bare value ("New document
    /// ID"), when it has one.
    bare: Vec<Option<String>>,
}

fn success_schema<'a>(root: &'a Node, op_node: &'a Node) -> Option<&'a Node> {
    let responses = op_node.get("responses")?.members()?;
    let ok = responses
        .iter()
        .filter(|m| m.key.starts_with('2'))
        .find_map(|m| deref(root, &m.value).get("schema"))?;
    Some(deref(root, ok))
}

/// The schema of the items a response holds: an array's items, the array a `value`
/// (or only) array property holds, else the response itself.
fn item_schema<'a>(root: &'a Node, schema: &'a Node) -> &'a Node {
    if let Some(items) = schema.get("items") {
        return deref(root, items);
    }
    let props = schema
        .get("properties")
        .and_then(Node::members)
        .unwrap_or_default();
    let arrays: Vec<&Node> = props
        .iter()
        .map(|m| deref(root, &m.value))
        .filter(|p| p.get_str("type") == Some("array"))
        .collect();
    let value = props
        .iter()
        .find(|m| ["value", "data", "items", "results", "records"].contains(&m.key.as_str()))
        .map(|m| deref(root, &m.value))
        .filter(|p| p.get("items").is_some());
    match (value, arrays.as_slice()) {
        (Some(v), _) => v.get("items").map(|i| deref(root, i)).unwrap_or(schema),
        (None, [only]) if props.len() <= 3 => {
            only.get("items").map(|i| deref(root, i)).unwrap_or(schema)
        }
        _ => schema,
    }
}

/// An output's label as makers see it, when it is a label and not a sentence: its
/// `x-ms-summary`, else its `title`, else its name in words.
fn output_label(key: &str, p: &Node, vocab: &Vocabulary) -> String {
    let short = |t: &str| {
        usable_title(key, t).filter(|l| !l.ends_with('.') && l.split_whitespace().count() <= 5)
    };
    p.get_str("x-ms-summary")
        .and_then(short)
        .or_else(|| p.get_str("title").and_then(short))
        .unwrap_or_else(|| label_with(key, vocab))
}

fn collect_outputs(root: &Node, def: &Definition, shown: &[bool], vocab: &Vocabulary) -> Outputs {
    let mut by_name: HashMap<String, Vec<Output>> = HashMap::new();
    let mut item_properties = vec![Vec::new(); def.operations.len()];
    let mut bare = vec![None; def.operations.len()];
    for (i, op) in def.operations.iter().enumerate() {
        let Some(op_node) = pointer::resolve(root, &op.pointer).map(|t| t.node) else {
            continue;
        };
        let Some(schema) = success_schema(root, op_node) else {
            continue;
        };
        let items = item_schema(root, schema);
        item_properties[i] = items
            .get("properties")
            .and_then(Node::members)
            .unwrap_or_default()
            .iter()
            .map(|m| m.key.clone())
            .collect();
        if !shown[i] {
            continue;
        }
        if matches!(schema.get_str("type"), Some("string" | "integer")) {
            bare[i] = schema
                .get_str("x-ms-summary")
                .or_else(|| schema.get_str("title"))
                .map(str::trim)
                .filter(|t| !t.is_empty() && t.split_whitespace().count() <= 5)
                .map(str::to_string);
        }
        let mut stack = vec![(schema, 0usize)];
        let mut seen = 0usize;
        while let Some((s, depth)) = stack.pop() {
            seen += 1;
            if depth > 3 || seen > 500 {
                continue;
            }
            if let Some(items) = s.get("items") {
                stack.push((deref(root, items), depth + 1));
            }
            for m in s
                .get("properties")
                .and_then(Node::members)
                .unwrap_or_default()
            {
                let p = deref(root, &m.value);
                let uri = matches!(p.get_str("format"), Some("uri" | "url"))
                    || words(&m.key).last().is_some_and(|w| {
                        ["uri", "url", "href", "link", "self"].contains(&w.as_str())
                    });
                let entry = by_name.entry(normalized(&m.key)).or_default();
                if !entry.iter().any(|o| o.op == i) {
                    entry.push(Output {
                        op: i,
                        label: output_label(&m.key, p, vocab),
                        uri,
                    });
                }
                if p.get("properties").is_some() || p.get("items").is_some() {
                    stack.push((p, depth + 1));
                }
            }
        }
    }
    Outputs {
        by_name,
        item_properties,
        bare,
    }
}

/// The label of the value a picker lists, as the source action's output shows it: the
/// `value-path` property of the items at `value-collection`.
fn picker_output(root: &Node, op: &Operation, d: &Dynamic, vocab: &Vocabulary) -> Option<String> {
    let path = d.value_path.as_deref()?;
    let op_node = pointer::resolve(root, &op.pointer)?.node;
    let mut s = success_schema(root, op_node)?;
    match d.collection.as_deref().filter(|c| !c.is_empty()) {
        Some(c) => {
            for seg in c.split(['/', '.']).filter(|x| !x.is_empty()) {
                s = deref(root, s.get("properties")?.get(seg)?);
            }
            if let Some(items) = s.get("items") {
                s = deref(root, items);
            }
        }
        None => s = item_schema(root, s),
    }
    let segs: Vec<&str> = path.split(['/', '.']).filter(|x| !x.is_empty()).collect();
    let (last, before) = segs.split_last()?;
    for seg in before {
        s = deref(root, s.get("properties")?.get(seg)?);
    }
    let p = deref(root, s.get("properties")?.get(last)?);
    Some(output_label(last, p, vocab))
}

/// Whether an operation is worth tooltips: makers see it ([`Operation::shown_to_makers`])
/// and its name does not say it is deprecated ("Move Card (deprecated)", the marker
/// without the flag).
fn maker_facing(op: &Operation) -> bool {
    op.shown_to_makers()
        && !op
            .summary
            .as_deref()
            .is_some_and(|s| s.to_lowercase().contains("deprecated"))
}

/// The collection path of an item path: `/boards/{boardId}/cards` → (`/boards`, `boardId`)
/// for the parameter `boardId`.
fn collection_of<'p>(path: &'p str, param: &str) -> Option<&'p str> {
    let needle = format!("/{{{param}}}");
    let at = path.find(&needle)?;
    Some(&path[..at]).filter(|p| !p.is_empty())
}

/// The lower-case words of an action's summary.
fn summary_words(op: &Operation) -> Vec<String> {
    op.summary
        .as_deref()
        .unwrap_or_default()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

const READS: &[&str] = &[
    "list", "get", "search", "find", "fetch", "retrieve", "lists", "gets",
];
const MAKES: &[&str] = &[
    "create", "add", "new", "upload", "start", "send", "post", "submit",
];

/// Whether reading `source` reads what `target` acts on: the same resource (`GET /me`
/// for `PUT /me`, `GET /milestones/{id}` for `PUT /milestones/{id}`), or an item of the
/// collection `target` adds to (`GET /envelopes/{id}` for `POST /envelopes`). Such an
/// action is no source: there is nothing to read yet, or the value would be written back.
fn circular(source: &Operation, target: &Operation) -> bool {
    let s = source.path.trim_end_matches('/');
    let t = target.path.trim_end_matches('/');
    s.eq_ignore_ascii_case(t) || (target.method == "post" && s.starts_with(&format!("{t}/{{")))
}

/// The visible action whose output supplies a field, other than the field's own and
/// other than one that needs the value itself or reads what the field's action writes.
/// A match by name counts only where the action is about what the value names ("Message
/// ID" from "Send … Message") or lists items that carry it at the top; a URI output
/// never supplies a UUID.
#[allow(clippy::too_many_arguments)]
fn source_of(
    def: &Definition,
    names: &[String],
    outputs: &Outputs,
    field: &str,
    format: Option<&str>,
    location: &str,
    own: &[usize],
) -> Option<Source> {
    let key = normalized(field);
    let ws = words(field);
    let identifier = ws.len() >= 2
        && ws
            .last()
            .is_some_and(|w| ["id", "ids", "key", "uuid", "guid", "token"].contains(&w.as_str()));
    let generic = GENERIC.contains(&key.as_str());
    if !(identifier || generic && location == "path") {
        return None;
    }
    let wants_uuid = ws.last().is_some_and(|w| w == "uuid" || w == "guid")
        || matches!(format, Some("uuid" | "guid"));
    // `projectId`: the `id` that "List projects" returns.
    let entity: Vec<&str> = ws[..ws.len().saturating_sub(1)]
        .iter()
        .map(String::as_str)
        .collect();
    // "Send … Message" for `messageId`, "Fetch list of members" for `membership_id`.
    let about_entity = |op: &Operation| {
        let sw = summary_words(op);
        entity.last().is_some_and(|e| {
            sw.iter().any(|w| {
                let w = singular(w);
                w == *e || (w.len() >= 4 && e.starts_with(&w))
            })
        })
    };
    let lists_entity = |op: &Operation| {
        let sw = summary_words(op);
        let n = entity.len();
        op.method == "get"
            && !entity.is_empty()
            && sw.first().is_some_and(|v| READS.contains(&v.as_str()))
            && sw.windows(n).any(|win| {
                win[..n - 1].iter().zip(&entity).all(|(a, b)| a == b)
                    && win[n - 1].strip_suffix('s') == Some(entity[n - 1])
            })
    };
    // `projectTypeKey` in "Update Project": the project's own type, which reading
    // projects would only copy back.
    let attribute_of = |op: &Operation| {
        entity.len() >= 2 && summary_words(op).iter().any(|w| singular(w) == ws[0])
    };
    let own_attribute = own.iter().any(|&k| attribute_of(&def.operations[k]));
    let collections: Vec<&str> = if location == "path" {
        own.iter()
            .filter_map(|&i| collection_of(&def.operations[i].path, field))
            .collect()
    } else {
        Vec::new()
    };
    // (score, operation, output label)
    let mut found: Vec<(u32, usize, String)> = Vec::new();
    let mut consider = |i: usize, label: &str, uri: bool, by_entity: bool, bare: bool| {
        let op = &def.operations[i];
        if own.contains(&i)
            || names[i].is_empty()
            || op.trigger.is_some()
            // An action that needs the value to run (`Get board` for `boardId`) is no source.
            || op.parameters.iter().any(|q| normalized(&q.name) == key)
            || own.iter().any(|&k| circular(op, &def.operations[k]))
            || (wants_uuid && uri)
            || (own_attribute && attribute_of(op))
        {
            return;
        }
        let lists = collections.contains(&op.path.as_str()) && op.method == "get";
        if generic && !lists {
            return;
        }
        let verb = summary_words(op).first().cloned().unwrap_or_default();
        if !(lists || by_entity || bare || about_entity(op)) {
            return;
        }
        let score = if lists || by_entity {
            0
        } else if op.method == "get" && READS.contains(&verb.as_str()) {
            1
        } else if op.method == "get" {
            2
        } else if MAKES.contains(&verb.as_str()) {
            3
        } else {
            4
        };
        found.push((score, i, label.to_string()));
    };
    if identifier {
        for o in outputs.by_name.get("id").into_iter().flatten() {
            if lists_entity(&def.operations[o.op]) {
                consider(o.op, &o.label, o.uri, true, false);
            }
        }
        for (i, label) in outputs.bare.iter().enumerate() {
            let Some(label) = label else { continue };
            let op = &def.operations[i];
            let says_id = words(label)
                .last()
                .is_some_and(|w| ["id", "key", "uuid", "guid"].contains(&w.as_str()));
            let verb = summary_words(op).first().cloned().unwrap_or_default();
            if says_id && MAKES.contains(&verb.as_str()) && about_entity(op) {
                consider(i, label, false, false, true);
            }
        }
    }
    for o in outputs.by_name.get(&key).into_iter().flatten() {
        consider(o.op, &o.label, o.uri, false, false);
    }
    let best = found.iter().map(|f| f.0).min()?;
    let mut first: Option<(usize, String)> = None;
    let mut alternatives: Vec<String> = Vec::new();
    for (score, i, label) in &found {
        if *score != best {
            continue;
        }
        match &first {
            None => first = Some((*i, label.clone())),
            Some((j, _)) if names[*j] != names[*i] && !alternatives.contains(&names[*i]) => {
                alternatives.push(names[*i].clone())
            }
            _ => {}
        }
    }
    let (i, label) = first?;
    Some(Source {
        action: names[i].clone(),
        alternatives,
        output: label,
        picker: false,
    })
}

/// For a UUID no output holds: the visible action that lists what it names with a
/// `uri` and no ID ("Get Event Types" for *Event Type UUID*).
fn uri_lister(
    def: &Definition,
    names: &[String],
    outputs: &Outputs,
    field: &str,
    own: &[usize],
) -> Option<String> {
    let ws = words(field);
    if !ws.last().is_some_and(|w| w == "uuid" || w == "guid") || ws.len() < 2 {
        return None;
    }
    let entity = &ws[..ws.len() - 1];
    (0..def.operations.len()).find_map(|i| {
        let op = &def.operations[i];
        let sw = summary_words(op);
        let props: Vec<String> = outputs.item_properties[i]
            .iter()
            .map(|p| normalized(p))
            .collect();
        let names_entity = sw.windows(entity.len()).any(|win| {
            win.iter()
                .zip(entity)
                .all(|(a, b)| singular(a) == *b || a == b)
        });
        (!own.contains(&i)
            && !names[i].is_empty()
            && op.method == "get"
            && names_entity
            && props.iter().any(|p| p == "uri")
            && !props.iter().any(|p| p == "uuid" || p == "id"))
        .then(|| names[i].clone())
    })
}

/// "List invoices" → "invoices"; anything not plural → `None`.
fn plural_object(summary: &str) -> Option<String> {
    let ws: Vec<&str> = summary
        .split_whitespace()
        .filter(|w| !w.starts_with('('))
        .collect();
    let verb = ws.first()?.to_ascii_lowercase();
    if !["list", "get", "search", "find", "query"].contains(&verb.as_str()) {
        return None;
    }
    let rest: Vec<&str> = ws[1..]
        .iter()
        .copied()
        .skip_while(|w| ["a", "an", "the", "all", "my"].contains(&w.to_lowercase().as_str()))
        .take_while(|w| {
            !["in", "of", "for", "from", "by", "with"].contains(&w.to_lowercase().as_str())
        })
        .collect();
    let last = rest.last()?;
    (last.ends_with('s') && !last.ends_with("ss") && rest.len() <= 3)
        .then(|| lower_label(&rest.join(" ")))
}

/// Advice to show or hide a field rather than label it: deep metadata under advanced
/// options, constants and read-only state internal.
#[derive(Debug, Clone)]
struct Advice {
    /// `advanced` or `internal`.
    value: &'static str,
    why: String,
}

struct Pending {
    kind: FieldKind,
    name: String,
    location: String,
    facts: FieldFacts,
    title: Option<String>,
    summary: Option<String>,
    description: Option<String>,
    wants_summary: bool,
    dynamic: Option<Dynamic>,
    used_by: Vec<(usize, UsedBy)>,
    order: usize,
    /// The label of the object or array a body property is in.
    parent: Option<String>,
    /// Where the field is, the same in every action: `query/top`, `body/content/channel`.
    place: String,
    /// The pointer of the object the field is a member of; its siblings share it.
    holder: String,
    advice: Option<Advice>,
    /// The label to suggest (set once every field is known).
    label: String,
    /// Why the current label is replaced by [`Pending::label`], when it is.
    relabel: Option<String>,
}

/// How likely a field is the cause of a 400: query languages first, then free-form text
/// without a format, enum or picker; a required field a little more.
fn fault_weight(p: &Pending) -> f64 {
    let f = &p.facts;
    let mut w = if query_kind(&p.name, p.summary.as_deref()).is_some() {
        4.0
    } else if matches!(f.type_name.as_deref(), Some("string") | None)
        && f.format.is_none()
        && f.enum_values.is_empty()
        && p.dynamic.is_none()
        && !f.has_properties
    {
        2.0
    } else {
        1.0
    };
    if f.required {
        w += 1.0;
    }
    w
}

fn shown_value(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The walk over the fields of the operations makers see.
struct Walk<'a> {
    root: &'a Node,
    vocab: &'a Vocabulary,
    pending: BTreeMap<String, Pending>,
    order: usize,
    /// Places where actions send an internal constant, and each constant sent.
    constants: HashMap<String, Vec<serde_json::Value>>,
    /// Per container and operation, the least depth it was walked at: a schema reached
    /// again through another `$ref` is walked again only from a shallower depth (a DAG
    /// of schemas with fan-out 1,000 took over 2 minutes).
    expanded: HashMap<(String, String), usize>,
}

impl Walk<'_> {
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        at: &str,
        kind: FieldKind,
        name: &str,
        location: &str,
        node: &Node,
        schema: Option<&Node>,
        title: Option<String>,
        place: String,
        holder: &str,
        parent: Option<&str>,
        used: (usize, &UsedBy),
    ) -> &mut Pending {
        let root = self.root;
        let order = &mut self.order;
        let entry = self.pending.entry(at.to_string()).or_insert_with(|| {
            *order += 1;
            let facts = facts_of(root, name, node, schema);
            let advice = match facts.enum_values.as_slice() {
                // One allowed value: a constant makers should not see.
                [only] if !is_internal(node) => {
                    // An array's default is the list of its one value.
                    let default = if facts.type_name.as_deref() == Some("array") {
                        serde_json::Value::Array(vec![only.clone()]).to_string()
                    } else {
                        shown_value(only)
                    };
                    Some(Advice {
                        value: "internal",
                        why: format!(
                            "a constant (its only allowed value is {}): make it internal, with the default {default}",
                            shown_value(only)
                        ),
                    })
                }
                _ if kind == FieldKind::BodyProperty
                    && is_read_only_name(name, facts.type_name.as_deref()) =>
                {
                    Some(Advice {
                        value: "internal",
                        why: "state the service keeps, which a request cannot set: make it internal (or drop it from the request)".into(),
                    })
                }
                _ => None,
            };
            let summary = node
                .get_str("x-ms-summary")
                .or_else(|| schema.and_then(|s| s.get_str("x-ms-summary")))
                .map(str::to_string);
            Pending {
                kind,
                name: name.to_string(),
                location: location.to_string(),
                facts,
                title,
                summary,
                description: node.get_str("description").map(str::to_string),
                wants_summary: location != "body",
                dynamic: dynamic_of(node, schema),
                used_by: Vec::new(),
                order: *order,
                parent: parent.map(str::to_string),
                place,
                holder: holder.to_string(),
                advice,
                label: String::new(),
                relabel: None,
            }
        });
        // A schema reached under containers of different names (Checkly's KeyValue, in a
        // header list and in a query parameter list) takes no container's name.
        if entry.parent.as_deref() != parent {
            entry.parent = None;
        }
        if !entry
            .used_by
            .iter()
            .any(|(_, u)| u.pointer == used.1.pointer)
        {
            entry.used_by.push((used.0, used.1.clone()));
        }
        entry
    }

    /// The properties of a body schema, as deep as makers see them.
    #[allow(clippy::too_many_arguments)]
    fn properties(
        &mut self,
        schema: &Node,
        at: &str,
        used: (usize, &UsedBy),
        depth: usize,
        parent: Option<&str>,
        place: &str,
    ) {
        if depth >= 8 {
            return;
        }
        let root = self.root;
        if let Some(items) = schema.get("items") {
            let (items, items_at) = deref_at(root, items, pointer::join(at, "items"));
            self.properties(items, &items_at, used, depth + 1, parent, place);
        }
        let required: Vec<&str> = schema
            .get("required")
            .and_then(Node::as_array)
            .map(|a| a.iter().filter_map(Node::as_str).collect())
            .unwrap_or_default();
        let Some(members) = schema.get("properties").and_then(Node::members) else {
            return;
        };
        let props_at = pointer::join(at, "properties");
        for m in members {
            let (prop, prop_at) = deref_at(root, &m.value, pointer::join(&props_at, &m.key));
            if !prop.is_object() {
                continue;
            }
            let here = format!("{place}/{}", m.key);
            if is_internal(prop) {
                if let Some(d) = prop.get("default") {
                    self.constants.entry(here).or_default().push(d.to_value());
                }
                continue;
            }
            if prop.get("readOnly").and_then(Node::as_bool) == Some(true)
                || is_dynamic_schema(root, prop)
            {
                continue;
            }
            // A title that is the name of the definition it comes from
            // (`CheckLocationList`) is a type's name, not a label.
            let title = prop
                .get_str("title")
                .filter(|t| {
                    !(prop_at != pointer::join(&props_at, &m.key)
                        && normalized(t) == normalized(&last_segment(&prop_at)))
                })
                .map(str::to_string);
            // The container's label, for its fields' labels: a short one, not a sentence.
            let short = |t: &str| {
                usable_title(&m.key, t)
                    .filter(|l| !l.contains('.') && l.split_whitespace().count() <= 4)
            };
            let label = prop
                .get_str("x-ms-summary")
                .and_then(short)
                .or_else(|| title.as_deref().and_then(short))
                .unwrap_or_else(|| label_with(&m.key, self.vocab));
            let container = is_container(root, prop);
            if is_metadata(&m.key) && (container || prop.get_str("type") == Some("object")) {
                let advanced = prop
                    .get_str("x-ms-visibility")
                    .is_some_and(|v| v.eq_ignore_ascii_case("advanced"));
                if !advanced {
                    let p = self.add(
                        &prop_at,
                        FieldKind::BodyProperty,
                        &m.key,
                        "property",
                        prop,
                        None,
                        title,
                        here,
                        at,
                        parent,
                        used,
                    );
                    p.advice = Some(Advice {
                        value: "advanced",
                        why: "metadata makers rarely fill in: show it under advanced options, and its fields go unlabelled".into(),
                    });
                }
                continue;
            }
            if container {
                let key = (prop_at.clone(), used.1.pointer.clone());
                let again = self.expanded.get(&key).is_some_and(|&least| least <= depth);
                if !again {
                    self.expanded.insert(key, depth);
                    self.properties(prop, &prop_at, used, depth + 1, Some(&label), &here);
                }
                continue;
            }
            let p = self.add(
                &prop_at,
                FieldKind::BodyProperty,
                &m.key,
                "property",
                prop,
                None,
                title,
                here,
                at,
                parent,
                used,
            );
            p.facts.required = required.contains(&m.key.as_str());
        }
    }
}

/// Every suggestion for a definition: the parameters makers fill in (not `internal`) of
/// the operations makers see (neither deprecated nor internal), and the fields of their
/// body schemas (not the objects and arrays that hold them, nor fields loaded at run
/// time). With statistics, the fields of actions with the highest share of 400 and 422
/// responses come first, the likeliest culprits first; the rest follow in definition
/// order.
pub fn suggest(root: &Node, def: &Definition, evidence: &Evidence) -> Vec<Suggestion> {
    suggest_with(root, def, evidence, "")
}

/// [`suggest`] with the connector's Markdown files (readme, intro), whose notes on
/// fields are drafts in the publisher's own words ([`FieldNotes`]).
pub fn suggest_with(
    root: &Node,
    def: &Definition,
    evidence: &Evidence,
    docs: &str,
) -> Vec<Suggestion> {
    let names = crate::model::display_names(&def.operations);
    // What makers read in a tooltip: the summary alone, never an operationId.
    let plain: Vec<String> = def
        .operations
        .iter()
        .map(|o| o.summary.as_deref().unwrap_or_default().trim().to_string())
        .collect();
    let shown: Vec<bool> = def.operations.iter().map(maker_facing).collect();
    let vocab = Vocabulary::from_definition(root);
    let outputs = collect_outputs(root, def, &shown, &vocab);
    let notes = FieldNotes::parse(docs);
    let mut w = Walk {
        root,
        vocab: &vocab,
        pending: BTreeMap::new(),
        order: 0,
        constants: HashMap::new(),
        expanded: HashMap::new(),
    };
    for (i, op) in def.operations.iter().enumerate() {
        for p in &op.parameters {
            let Some(node) = pointer::resolve(root, &p.pointer).map(|t| t.node) else {
                continue;
            };
            if is_internal(node) {
                if let Some(d) = node.get("default") {
                    w.constants
                        .entry(format!("{}/{}", p.location, p.name))
                        .or_default()
                        .push(d.to_value());
                }
            }
        }
        if !shown[i] {
            continue;
        }
        let used = UsedBy {
            operation_id: op.operation_id.clone(),
            name: names[i].clone(),
            pointer: op.pointer.clone(),
        };
        for p in &op.parameters {
            if !maker_fills(root, p) {
                continue;
            }
            let Some(node) = pointer::resolve(root, &p.pointer).map(|t| t.node) else {
                continue;
            };
            if is_dynamic_schema(root, node) {
                // Makers see the fields it loads.
                continue;
            }
            let schema = node
                .get("schema")
                .map(|s| deref_at(root, s, pointer::join(&p.pointer, "schema")));
            let container = schema.as_ref().is_some_and(|(s, _)| is_container(root, s));
            if !(p.location == "body" && container) {
                let s = schema.as_ref().map(|s| s.0);
                let title = node
                    .get_str("title")
                    .or_else(|| s.and_then(|s| s.get_str("title")))
                    .map(str::to_string);
                let entry = w.add(
                    &p.pointer,
                    FieldKind::Parameter,
                    &p.name,
                    &p.location,
                    node,
                    s,
                    title,
                    format!("{}/{}", p.location, p.name),
                    &op.pointer,
                    None,
                    (i, &used),
                );
                entry.summary = p.summary.clone();
                entry.description = p.description.clone();
            }
            if p.location == "body" {
                if let Some((schema, at)) = schema {
                    w.properties(schema, &at, (i, &used), 0, None, "body");
                }
            }
        }
    }
    let constants = std::mem::take(&mut w.constants);
    let mut pending = w.pending;
    // Labels.
    for p in pending.values_mut() {
        let title = p.title.as_deref().map(|t| clean_title(t, &vocab));
        let own = label_for(&p.name, title.as_deref(), &vocab);
        let titled = title
            .as_deref()
            .and_then(|t| usable_title(&p.name, t))
            .is_some();
        p.label = match &p.parent {
            Some(parent) if !titled && GENERIC_LEAF.contains(&normalized(&p.name).as_str()) => {
                qualified(parent, &own).unwrap_or(own)
            }
            _ => own,
        };
        // A constant other actions send as internal, here in the open: only where at
        // least two send it and all send the same value (one action's body type is not
        // every action's).
        if p.advice.is_none() {
            let agreed = constants
                .get(&p.place)
                .filter(|sent| sent.len() >= 2 && sent.iter().all(|v| *v == sent[0]))
                .map(|sent| &sent[0]);
            if let Some(d) = agreed {
                let weak = description_gap(&p.name, Some(&p.label), p.description.as_deref(), None)
                    .is_some();
                let fits = p.facts.enum_values.is_empty() || p.facts.enum_values.contains(d);
                if weak && fits && !matches!(d, serde_json::Value::Null) {
                    p.advice = Some(Advice {
                        value: "internal",
                        why: format!(
                            "other actions send {} here as an internal constant: make it internal, with the default {}",
                            shown_value(d),
                            shown_value(d)
                        ),
                    });
                }
            }
        }
    }
    unique_labels(&mut pending, def.operations.len());
    // Siblings, for descriptions copied from or naming another field.
    let mut siblings: Siblings = HashMap::new();
    for p in pending.values() {
        siblings.entry(p.holder.clone()).or_default().push((
            p.order,
            p.name.clone(),
            p.summary.clone().unwrap_or_else(|| p.label.clone()),
            p.description.clone(),
        ));
    }
    let op_index: HashMap<&str, usize> = def
        .operations
        .iter()
        .enumerate()
        .filter_map(|(i, o)| o.operation_id.as_deref().map(|id| (id, i)))
        .collect();
    let mut out: Vec<(f64, u64, usize, Suggestion)> = Vec::new();
    for (ptr, mut p) in pending {
        let own: Vec<usize> = p.used_by.iter().map(|(i, _)| *i).collect();
        let used_by: Vec<UsedBy> = p.used_by.iter().map(|(_, u)| u.clone()).collect();
        let (count, share) = used_by.iter().fold((0u64, 0f64), |(c, s), u| {
            let e = evidence.get(&u.pointer).copied().unwrap_or_default();
            (c + e.count, s.max(e.share))
        });
        let score = share * fault_weight(&p);
        let base = |key: &'static str,
                    value: String,
                    current: Option<String>,
                    reason: String,
                    todo: bool| {
            Suggestion {
                pointer: ptr.clone(),
                key,
                value,
                current,
                reason,
                todo,
                kind: p.kind,
                name: p.name.clone(),
                location: p.location.clone(),
                used_by: used_by.clone(),
                input_errors: count,
            }
        };
        if let Some(a) = &p.advice {
            // Not a field to label: shown under advanced options, or hidden.
            out.push((
                score,
                count,
                p.order,
                base("x-ms-visibility", a.value.into(), None, a.why.clone(), true),
            ));
            continue;
        }
        // The label.
        let label = p.label.clone();
        let mut shown_label = p
            .summary
            .clone()
            .filter(|s| summary_gap(&p.name, Some(s)).is_none() && p.relabel.is_none());
        if p.wants_summary {
            let reason = p
                .relabel
                .clone()
                .or_else(|| summary_gap(&p.name, p.summary.as_deref()));
            if let Some(reason) = reason {
                if !label.is_empty() && Some(&label) != p.summary.as_ref() {
                    out.push((
                        score,
                        count,
                        p.order,
                        base(
                            "x-ms-summary",
                            label.clone(),
                            p.summary.clone(),
                            reason,
                            false,
                        ),
                    ));
                }
            }
        }
        let shown_label = shown_label.get_or_insert_with(|| label.clone()).clone();
        // The tooltip.
        if let Some(question) = wrong_description(&p, &shown_label, &siblings) {
            out.push((
                score,
                count,
                p.order,
                base(
                    "description",
                    question,
                    p.description.clone(),
                    "looks copied from another field".into(),
                    true,
                ),
            ));
            continue;
        }
        let action = (own.len() == 1).then(|| names[own[0]].as_str());
        let Some(reason) = description_gap(
            &p.name,
            Some(&shown_label),
            p.description.as_deref(),
            action,
        ) else {
            continue;
        };
        p.facts.label = Some(shown_label.clone());
        if let Some(&i) = own.first() {
            p.facts.result_properties = outputs.item_properties[i].clone();
            p.facts.items = def.operations[i].summary.as_deref().and_then(plural_object);
        }
        if let Some(d) = &p.dynamic {
            let source = op_index
                .get(d.operation_id.as_str())
                .copied()
                .filter(|&j| shown[j] && !own.contains(&j) && !plain[j].is_empty());
            match source {
                Some(j) => {
                    let output = picker_output(root, &def.operations[j], d, &vocab)
                        .or_else(|| {
                            d.value_path
                                .as_deref()
                                .map(|vp| label_with(&last_segment(vp), &vocab))
                        })
                        .unwrap_or_else(|| "value".into());
                    p.facts.source = Some(Source {
                        action: plain[j].clone(),
                        alternatives: Vec::new(),
                        output,
                        picker: true,
                    });
                }
                None => {
                    p.facts.picker = Some(Picker {
                        value_path: d.value_path.as_deref().map(last_segment),
                    });
                }
            }
        } else if p.facts.enum_values.is_empty() {
            p.facts.source = source_of(
                def,
                &plain,
                &outputs,
                &p.name,
                p.facts.format.as_deref(),
                &p.location,
                &own,
            );
        }
        // A note that only repeats the label ("Catalog ID.") is no better than the
        // description it would replace.
        let note = notes
            .lookup(&p.name, &p.place)
            .map(|n| words::fix_typos(&n, &vocab))
            .filter(|n| description_gap(&p.name, Some(&shown_label), Some(n), action).is_none());
        let mut tip = tooltip_for(&p.facts);
        if p.facts.source.is_none() && tip.as_ref().is_none_or(|t| t.todo) {
            if let Some(action) = uri_lister(def, &plain, &outputs, &p.name, &own) {
                tip = Some(Tooltip {
                    text: format!(
                        "TODO: is the {shown_label} the last part of the URI output of \u{201c}{action}\u{201d} (…/<UUID>)? If so, say so here."
                    ),
                    todo: true,
                    says_what: false,
                });
            }
        }
        let missing = p.description.as_deref().is_none_or(|d| d.trim().is_empty());
        let text = match (tip, note) {
            // The readme answers the question: its words are the draft.
            (Some(t), Some(note)) if t.todo => note,
            (None, Some(note)) => note,
            (Some(t), Some(note)) => format!("{note} {}", t.text),
            (None, None) => continue,
            (Some(t), None) if t.todo && pair_key(&p, &siblings) => continue,
            (Some(t), None) if t.todo => {
                // A question is asked where it matters: the action fails with 400s, the
                // field takes a query language, or (for a missing tooltip) the field is
                // a likely culprit.
                let asked = count > 0
                    || query_kind(&p.name, p.summary.as_deref()).is_some()
                    || (missing && tooltip::worth_asking(&p.facts));
                if !asked {
                    continue;
                }
                t.text
            }
            (Some(t), None) => {
                // The current sentence stays before the facts when it says something
                // they do not, and always before a range or a default alone ("The page
                // number. The default is 1."): the new text carries the old and more.
                match p.description.as_deref().map(str::trim) {
                    Some(old) if keeps(old, &t.text, &shown_label, t.says_what) => {
                        let old = words::fix_typos(old, &vocab);
                        let end = if old.ends_with(['.', '!', '?']) {
                            ""
                        } else {
                            "."
                        };
                        format!("{old}{end} {}", t.text)
                    }
                    _ => t.text,
                }
            }
        };
        let todo = text.starts_with("TODO:");
        if Some(&text) == p.description.as_ref() {
            continue;
        }
        out.push((
            score,
            count,
            p.order,
            base("description", text, p.description.clone(), reason, todo),
        ));
    }
    out.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then(a.2.cmp(&b.2))
            .then(b.3.key.cmp(a.3.key))
    });
    out.into_iter().map(|(_, _, _, s)| s).collect()
}

/// Makes labels unique within each action. Where fields of one action share a label,
/// a suggested label takes the name of its container ("Actor ID", "Redirect Number");
/// an existing label that another field there matches better (Annature's "Group Id" on
/// a document's `id`, beside the real `group_id`) is replaced by the field's own.
fn unique_labels(pending: &mut BTreeMap<String, Pending>, operations: usize) {
    let shown_of = |p: &Pending| -> Option<String> {
        if p.advice.is_some() || !p.wants_summary {
            return None;
        }
        Some(match p.summary.as_deref() {
            Some(s) if summary_gap(&p.name, Some(s)).is_none() => s.to_string(),
            _ => p.label.clone(),
        })
    };
    for op in 0..operations {
        let mut groups: HashMap<String, Vec<String>> = HashMap::new();
        for (ptr, p) in pending.iter() {
            if !p.used_by.iter().any(|(i, _)| *i == op) {
                continue;
            }
            if let Some(l) = shown_of(p) {
                groups.entry(normalized(&l)).or_default().push(ptr.clone());
            }
        }
        for (shared, ptrs) in groups.into_iter().filter(|(_, v)| v.len() > 1) {
            // Each field's own label, made with its container's name.
            let own: Vec<(String, String)> = ptrs
                .iter()
                .map(|ptr| {
                    let p = &pending[ptr];
                    let own = match &p.parent {
                        Some(parent) if normalized(&p.label) == shared => {
                            qualified(parent, &p.label).unwrap_or_else(|| p.label.clone())
                        }
                        _ => p.label.clone(),
                    };
                    (ptr.clone(), own)
                })
                .collect();
            let someone_fits = own.iter().any(|(_, o)| normalized(o) == shared);
            for (ptr, own_label) in &own {
                let p = pending.get_mut(ptr).expect("a field of the group");
                let suggested = p
                    .summary
                    .as_deref()
                    .is_none_or(|s| summary_gap(&p.name, Some(s)).is_some());
                if suggested {
                    p.label = own_label.clone();
                } else if someone_fits && normalized(own_label) != shared {
                    p.label = own_label.clone();
                    p.relabel = Some(
                        "another field of the same action has this label, and it fits that one"
                            .into(),
                    );
                }
            }
        }
    }
}

/// The fields of each object, by the object's pointer: (order, name, label,
/// description).
type Siblings = HashMap<String, Vec<(usize, String, String, Option<String>)>>;

/// Whether the field is the key of a key-value pair (a header's `key` or `name` beside
/// its `value`): what goes in it is plain from the pair.
fn pair_key(p: &Pending, siblings: &Siblings) -> bool {
    ["key", "name"].contains(&normalized(&p.name).as_str())
        && siblings
            .get(&p.holder)
            .is_some_and(|s| s.iter().any(|(_, n, _, _)| n == "value"))
}

/// A question for a description that is plainly wrong: it was copied from a sibling
/// and not adapted. Either it names a sibling whose name differs from this one in one
/// word and never says this one's word ("Specify if your contact is on
/// in_voice_blacklist." on `in_sms_blacklist`); or it is the same, word for word, as
/// one other sibling's ("The message played at the end of the voice call…" on both
/// `voice_thank_you` and `voice_redirect_message`), or as a numbered sibling's that
/// names another's place ("the first retry" on `minutes_retry_2`). Descriptions many
/// siblings share, and numbered fields that share one, are boilerplate by design.
fn wrong_description(p: &Pending, label: &str, siblings: &Siblings) -> Option<String> {
    let d = p.description.as_deref()?.trim();
    let others = siblings.get(&p.holder)?;
    let lower = d.to_lowercase();
    let tokens: Vec<&str> = d
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .collect();
    let plain: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    let own_words = words(&p.name);
    let identifier = |n: &str| n.contains('_') || cased_words(n).len() >= 2;
    // The one word of this name that the other's lacks, when the names differ in one.
    let distinct = |other: &str| -> Option<String> {
        let theirs = words(other);
        if theirs.len() != own_words.len() || theirs.len() < 2 {
            return None;
        }
        let diff: Vec<usize> = (0..theirs.len())
            .filter(|&i| theirs[i] != own_words[i])
            .collect();
        match diff.as_slice() {
            [i] => Some(own_words[*i].clone()),
            _ => None,
        }
    };
    let says = |w: &str| {
        let stem: String = w.chars().take(4).collect();
        plain.iter().any(|t| t.starts_with(&stem))
    };
    // A short description about the other field: a longer one that names it explains
    // how the two relate ("a hash of the type defined by hash_type").
    if !tokens.contains(&p.name.as_str()) && d.split_whitespace().count() <= 10 {
        for (_, other, _, _) in others {
            if *other == p.name || !identifier(other) || !tokens.contains(&other.as_str()) {
                continue;
            }
            if let Some(mine) = distinct(other) {
                if !says(&mine) {
                    return Some(format!(
                        "TODO: the description names {other}, another field, and seems copied from it: say what {label} holds."
                    ));
                }
            }
        }
    }
    if d.split_whitespace().count() < 6 {
        return None;
    }
    let first = |t: &str| normalized(t.split(". ").next().unwrap_or(t));
    let digitless = |n: &str| {
        n.chars()
            .filter(|c| !c.is_ascii_digit())
            .collect::<String>()
    };
    const ORDINALS: [&str; 10] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth",
    ];
    let n: usize = p
        .name
        .chars()
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap_or(0);
    let said = |w: &str| plain.contains(&w);
    let misplaced = (1..=ORDINALS.len()).contains(&n)
        && !said(ORDINALS[n - 1])
        && ORDINALS.iter().any(|o| said(o));
    let sharing: Vec<&(usize, String, String, Option<String>)> = others
        .iter()
        .filter(|(_, n, _, od)| {
            *n != p.name
                // "You can either pass a checkId or a groupId": about both, on purpose.
                && !tokens.contains(&n.as_str())
                && !tokens.contains(&p.name.as_str())
                && od
                    .as_deref()
                    .is_some_and(|od| normalized(od) == normalized(d))
        })
        .collect();
    let earlier_numbered = others.iter().find(|(order, n, _, od)| {
        *order < p.order
            && *n != p.name
            && digitless(n) == digitless(&p.name)
            && od.as_deref().is_some_and(|od| first(od) == first(d))
    });
    let copy = match (sharing.as_slice(), earlier_numbered) {
        (_, Some(o)) if misplaced => Some(o),
        ([o], _) if o.0 < p.order && digitless(&o.1) != digitless(&p.name) => Some(*o),
        _ => None,
    };
    copy.map(|(_, _, other_label, _)| {
        format!("TODO: the description is the same as {other_label}'s: say what {label} holds.")
    })
}

/// The suggestion for `key` of the object at `pointer`, from [`suggest`] run once for
/// the definition (without statistics) on the first call: for rules that offer the
/// suggestion as a fix.
pub fn find<'c>(
    cache: &'c std::cell::OnceCell<Vec<Suggestion>>,
    root: &Node,
    def: &Definition,
    pointer: &str,
    key: &str,
) -> Option<&'c Suggestion> {
    cache
        .get_or_init(|| suggest(root, def, &Evidence::new()))
        .iter()
        .find(|s| s.pointer == pointer && s.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_identifiers() {
        assert_eq!(words("invoiceId"), ["invoice", "id"]);
        assert_eq!(words("invoice_id"), ["invoice", "id"]);
        assert_eq!(words("$filter"), ["filter"]);
        assert_eq!(words("HTTPStatus2"), ["http", "status", "2"]);
        assert_eq!(words("api-version"), ["api", "version"]);
        assert_eq!(words("maxresults"), ["max", "results"]);
        assert_eq!(words("Issuetype"), ["issue", "type"]);
        assert_eq!(words("BOARDID"), ["board", "id"]);
        assert_eq!(words("invoiceNumber"), ["invoice", "number"]);
    }

    #[test]
    fn labels_are_title_case_with_acronyms() {
        assert_eq!(label_from_name("asOf"), "As of");
        assert_eq!(label_from_name("invoice_id"), "Invoice ID");
        assert_eq!(label_from_name("$top"), "Top");
        assert_eq!(
            label_from_name("customerEmailAddress"),
            "Customer Email Address"
        );
        assert_eq!(label_from_name("maxresults"), "Max Results");
        assert_eq!(label_from_name("boardid"), "Board ID");
        assert_eq!(label_from_name("Issuetype"), "Issue Type");
        assert_eq!(label_from_name("callbackUrl"), "Callback URL");
        assert_eq!(label_from_name("smsText"), "SMS Text");
        assert_eq!(label_from_name("ADServer"), "AD Server");
        assert_eq!(label_from_name("jql"), "JQL");
        assert!(label_from_name(&"word".repeat(40)).chars().count() <= 80);
    }

    #[test]
    fn label_choice_prefers_the_title() {
        let v = Vocabulary::default();
        // Mensagia's `smsxblock` is titled "Calls per Block".
        assert_eq!(
            label_for("smsxblock", Some("Calls per Block"), &v),
            "Calls per Block"
        );
        assert_eq!(label_for("taskid", Some("Card ID"), &v), "Card ID");
        // A title that is the raw identifier, empty or too long is no label.
        assert_eq!(label_for("taskid", Some("taskid"), &v), "Task ID");
        assert_eq!(label_for("boardid", Some("  "), &v), "Board ID");
        assert_eq!(label_for("note", Some(&"x".repeat(81)), &v), "Note");
        // Without a title, the definition's vocabulary splits what the word list cannot.
        let v = Vocabulary::of(["smsx", "block"]);
        assert_eq!(label_for("smsxblock", None, &v), "Smsx Block");
    }

    #[test]
    fn gaps() {
        assert_eq!(summary_gap("top", None).as_deref(), Some("missing"));
        assert!(summary_gap("status", Some("Status")).is_none());
        assert!(summary_gap("status", Some("status")).is_some());
        assert!(summary_gap("invoiceId", Some("invoiceId")).is_some());
        assert!(description_gap("top", Some("Top"), Some("Top"), None).is_some());
        assert!(description_gap("top", None, Some("Max."), None).is_some());
        assert!(description_gap("top", None, Some("Maximum number of invoices."), None).is_none());
        // Words that say nothing beyond the label and the action.
        assert!(description_gap("jql", Some("JQL Query"), Some("Query to use."), None).is_some());
        assert!(description_gap("taskid", Some("Card ID"), Some("card id"), None).is_some());
        assert!(description_gap(
            "folderId",
            Some("Folder ID"),
            Some("The ID of the folder."),
            None
        )
        .is_some());
        assert!(description_gap(
            "status",
            Some("Status"),
            Some("The status for the Update a task action."),
            Some("Update a task")
        )
        .is_some());
        // A description with a fact in it is never weak, however short.
        assert!(description_gap("start", Some("Start"), Some("YYYY-MM-DD"), None).is_none());
        assert!(description_gap("limit", Some("Limit"), Some("Max 50"), None).is_none());
    }

    /// The suggestions for a definition written as JSON, with `docs` as its readme.
    fn run(json: &serde_json::Value, docs: &str) -> Vec<Suggestion> {
        let f =
            crate::source::SourceFile::from_bytes("d.json".into(), json.to_string().into_bytes());
        let root = crate::syntax::parse(&f).root.unwrap();
        let def = crate::model::build_definition(&root);
        suggest_with(&root, &def, &Evidence::new(), docs)
    }

    fn op(
        summary: &str,
        params: serde_json::Value,
        response: serde_json::Value,
    ) -> serde_json::Value {
        serde_json::json!({
            "operationId": summary.replace(' ', ""),
            "summary": summary,
            "parameters": params,
            "responses": {"200": {"description": "OK", "schema": response}}
        })
    }

    fn body(props: serde_json::Value) -> serde_json::Value {
        serde_json::json!([{"name": "body", "in": "body", "schema": {"type": "object", "properties": props}}])
    }

    fn def(paths: serde_json::Value) -> serde_json::Value {
        serde_json::json!({"swagger": "2.0", "info": {"title": "T", "version": "1"}, "paths": paths})
    }

    fn value<'s>(s: &'s [Suggestion], name: &str, key: &str) -> Vec<&'s str> {
        s.iter()
            .filter(|x| x.name == name && x.key == key)
            .map(|x| x.value.as_str())
            .collect()
    }

    #[test]
    fn containers_dynamic_bodies_and_metadata_get_no_labels() {
        let d = def(serde_json::json!({
            "/issues": {"put": op("Edit issue", body(serde_json::json!({
                "transition": {"type": "object", "properties": {
                    "id": {"type": "string", "description": "Transition ID"}}},
                "historyMetadata": {"type": "object", "properties": {
                    "actor": {"type": "object", "properties": {"id": {"type": "string"}}}}},
                "recipients": {"type": "array", "items": {"type": "object", "properties": {
                    "name": {"type": "string"}}}}
            })), serde_json::json!({}))},
            "/items": {"post": op("Create item", serde_json::json!([
                {"name": "item", "in": "body", "schema": {"type": "object",
                    "x-ms-dynamic-schema": {"operationId": "Schema"}}}
            ]), serde_json::json!({}))}
        }));
        let s = run(&d, "");
        // The leaves, named by their container; the containers themselves unlabelled.
        assert_eq!(value(&s, "id", "x-ms-summary"), ["Transition ID"]);
        assert_eq!(value(&s, "name", "x-ms-summary"), ["Recipient Name"]);
        for container in ["transition", "recipients", "actor", "item"] {
            assert!(s.iter().all(|x| x.name != container), "{container}");
        }
        // Deep metadata: under advanced options, its fields unlabelled.
        assert_eq!(
            value(&s, "historyMetadata", "x-ms-visibility"),
            ["advanced"]
        );
        assert!(s.iter().all(|x| !x.pointer.contains("actor")));
    }

    #[test]
    fn constants_and_read_only_fields_are_hidden_not_labelled() {
        let d = def(serde_json::json!({
            "/a": {"post": op("Send text", body(serde_json::json!({
                "channel": {"type": "string", "default": "whatsapp", "x-ms-visibility": "internal"},
                "kind": {"type": "string", "enum": ["template"]}
            })), serde_json::json!({}))},
            "/b": {"post": op("Send video", body(serde_json::json!({
                "channel": {"type": "string", "description": "channel"},
                "has_picture": {"type": "boolean"},
                "content_type": {"type": "string", "description": "content type"}
            })), serde_json::json!({}))},
            "/c": {"post": op("Send image", body(serde_json::json!({
                "to": {"type": "string", "x-ms-summary": "To", "description": "The phone number to send to."},
                "channel": {"type": "string", "default": "whatsapp", "x-ms-visibility": "internal"},
                "content_type": {"type": "string", "default": "image", "x-ms-visibility": "internal"}
            })), serde_json::json!({}))},
            "/d": {"post": op("Send template", body(serde_json::json!({
                "to": {"type": "string", "x-ms-summary": "To", "description": "The phone number to send to."},
                "content_type": {"type": "string", "default": "template", "x-ms-visibility": "internal"}
            })), serde_json::json!({}))}
        }));
        let s = run(&d, "");
        // Two actions disagree on the constant: no advice to copy either.
        assert!(value(&s, "content_type", "x-ms-visibility").is_empty());
        let channel: Vec<&Suggestion> = s.iter().filter(|x| x.name == "channel").collect();
        assert_eq!(channel.len(), 1);
        assert_eq!(channel[0].key, "x-ms-visibility");
        assert_eq!(channel[0].value, "internal");
        assert!(channel[0].todo && channel[0].reason.contains("default whatsapp"));
        assert_eq!(value(&s, "kind", "x-ms-visibility"), ["internal"]);
        assert_eq!(value(&s, "has_picture", "x-ms-visibility"), ["internal"]);
        assert!(value(&s, "kind", "x-ms-summary").is_empty());
    }

    #[test]
    fn a_shared_schema_takes_no_containers_name() {
        let mut d = def(serde_json::json!({
            "/checks": {"post": op("Create a check", body(serde_json::json!({
                "headers": {"type": "array", "x-ms-summary": "Headers",
                    "items": {"$ref": "#/definitions/KeyValue"}},
                "queryParameters": {"type": "array", "x-ms-summary": "Query Parameters",
                    "items": {"$ref": "#/definitions/KeyValue"}}
            })), serde_json::json!({}))}
        }));
        d["definitions"] = serde_json::json!({"KeyValue": {"type": "object", "properties": {
            "key": {"type": "string"}, "value": {"type": "string"}}}});
        let s = run(&d, "");
        for v in value(&s, "key", "x-ms-summary") {
            assert!(!v.contains("Header") && !v.contains("Query"), "{v}");
        }
    }

    #[test]
    fn labels_are_unique_within_an_action() {
        let d = def(serde_json::json!({
            "/voice": {"post": op("Voice", body(serde_json::json!({
                "group_id": {"type": "string", "x-ms-summary": "Group Id"},
                "documents": {"type": "array", "items": {"type": "object", "properties": {
                    "id": {"type": "string", "x-ms-summary": "Group Id"}}}},
                "recipient_address": {"type": "array", "items": {"type": "object", "properties": {
                    "number": {"type": "string"}}}},
                "voice_redirect_no": {"type": "object", "properties": {
                    "number": {"type": "string"}}}
            })), serde_json::json!({}))}
        }));
        let s = run(&d, "");
        let mut numbers = value(&s, "number", "x-ms-summary");
        numbers.sort_unstable();
        assert_eq!(
            numbers,
            ["Recipient Address Number", "Voice Redirect Number"]
        );
        // The existing label another field fits better is replaced by the field's own.
        assert_eq!(value(&s, "id", "x-ms-summary"), ["Document ID"]);
        assert!(value(&s, "group_id", "x-ms-summary").is_empty());
    }

    #[test]
    fn titles_lose_articles_stops_type_names_and_typos() {
        let d = def(serde_json::json!({
            "/a": {"post": op("Send", body(serde_json::json!({
                "url_parameters": {"type": "string", "title": "URL Paremeters"},
                "name": {"type": "string", "title": "Attachment Name."},
                "number": {"type": "string", "title": "The Recipient's Number"},
                "tags": {"$ref": "#/definitions/CheckTagList"}
            })), serde_json::json!({}))},
            "/b": {"post": op("Mail", body(serde_json::json!({
                "url_parameters": {"type": "string", "title": "URL Parameters"}
            })), serde_json::json!({}))}
        }));
        let mut d = d;
        d["definitions"] = serde_json::json!({"CheckTagList": {"type": "array", "title": "Check Tag List", "items": {"type": "string"}}});
        let s = run(&d, "");
        assert_eq!(
            value(&s, "url_parameters", "x-ms-summary"),
            ["URL Parameters", "URL Parameters"]
        );
        assert_eq!(value(&s, "name", "x-ms-summary"), ["Attachment Name"]);
        assert_eq!(value(&s, "number", "x-ms-summary"), ["Recipient's Number"]);
        assert_eq!(value(&s, "tags", "x-ms-summary"), ["Tags"]);
    }

    #[test]
    fn sources_are_sense_checked() {
        let profile = serde_json::json!({"type": "object", "properties": {
            "color_id": {"type": "integer"}, "selected_project_id": {"type": "string"}}});
        let d = def(serde_json::json!({
            "/me": {
                "get": op("Get my profile", serde_json::json!([]), profile.clone()),
                "put": op("Update my profile", body(serde_json::json!({
                    "selected_project_id": {"type": "string"}})), profile)
            },
            "/milestones": {"post": op("Add a milestone", body(serde_json::json!({
                "color_id": {"type": "integer"}})), serde_json::json!({}))},
            "/events": {"get": op("Get event types", serde_json::json!([]), serde_json::json!({
                "type": "object", "properties": {"collection": {"type": "array", "items": {
                    "type": "object", "properties": {"uri": {"type": "string", "format": "uri"}, "name": {"type": "string"}}}}}}))},
            "/events/{event_type_uuid}": {"get": op("Get event type", serde_json::json!([
                {"name": "event_type_uuid", "in": "path", "required": true, "type": "string"}]),
                serde_json::json!({}))},
            "/messages/text": {"post": op("Send text message", body(serde_json::json!({"to": {"type": "string", "description": "The number to send to."}})),
                serde_json::json!({"type": "object", "properties": {"messageId": {"type": "string"}}}))},
            "/messages/image": {"post": op("Send image message", body(serde_json::json!({"to": {"type": "string", "description": "The number to send to."}})),
                serde_json::json!({"type": "object", "properties": {"messageId": {"type": "string"}}}))},
            "/status/{messageId}": {"get": op("Status check", serde_json::json!([
                {"name": "messageId", "in": "path", "required": true, "type": "string", "x-ms-summary": "Message ID"}]),
                serde_json::json!({}))},
            "/docs": {"post": op("Create new document", serde_json::json!([]),
                serde_json::json!({"type": "string", "title": "New document ID"}))},
            "/docs/start": {"post": op("Start signing", body(serde_json::json!({
                "documentId": {"type": "string", "description": "ID of the document to start."}})), serde_json::json!({}))}
        }));
        let s = run(&d, "");
        let text = |n: &str| value(&s, n, "description").join(" | ");
        // Circular (the profile it updates) and unrelated (the profile's colour for a
        // milestone): no source.
        assert!(
            !text("selected_project_id").contains("output of"),
            "{}",
            text("selected_project_id")
        );
        assert!(
            !text("color_id").contains("output of"),
            "{}",
            text("color_id")
        );
        // A URI is no UUID: a specific question instead.
        assert!(text("event_type_uuid").starts_with("TODO: is the Event Type UUID the last part of the URI output of \u{201c}Get event types\u{201d}"), "{}", text("event_type_uuid"));
        // Several actions return it: named as alternatives.
        assert_eq!(text("messageId"), "Use the Message ID output of \u{201c}Send text message\u{201d} or \u{201c}Send image message\u{201d}.");
        // A creator whose whole response is the ID; the old sentence stays.
        assert_eq!(text("documentId"), "ID of the document to start. Use the New document ID output of \u{201c}Create new document\u{201d}.");
    }

    #[test]
    fn descriptions_are_added_to_and_copies_are_questioned() {
        let d = def(serde_json::json!({
            "/checks": {"get": op("List checks", serde_json::json!([
                {"name": "page", "in": "query", "type": "number", "default": 1, "x-ms-summary": "Number", "description": "The page number."}
            ]), serde_json::json!({}))},
            "/contacts": {"post": op("Create a contact", serde_json::json!([
                {"name": "in_sms_blacklist", "in": "query", "type": "boolean", "x-ms-summary": "In SMS Blacklist", "description": "Specify if your contact is on in_voice_blacklist."},
                {"name": "in_voice_blacklist", "in": "query", "type": "boolean", "x-ms-summary": "In Voice Blacklist", "description": "Specify if your contact is on the voice blacklist."},
                {"name": "voice_thank_you", "in": "query", "type": "string", "x-ms-summary": "Thank You", "description": "The message played at the end of the voice call."},
                {"name": "voice_redirect_message", "in": "query", "type": "string", "x-ms-summary": "Redirect Message", "description": "The message played at the end of the voice call."},
                {"name": "filter1Value", "in": "query", "type": "string", "x-ms-summary": "Filter 1", "description": "Specify a value for the filter if applicable."},
                {"name": "filter2Value", "in": "query", "type": "string", "x-ms-summary": "Filter 2", "description": "Specify a value for the filter if applicable."}
            ]), serde_json::json!({}))}
        }));
        let s = run(&d, "");
        assert_eq!(
            value(&s, "page", "description"),
            ["The page number. The default is 1."]
        );
        let sms = value(&s, "in_sms_blacklist", "description");
        assert!(
            sms[0].starts_with("TODO: the description names in_voice_blacklist"),
            "{sms:?}"
        );
        let redirect = value(&s, "voice_redirect_message", "description");
        assert!(
            redirect[0].starts_with("TODO: the description is the same as Thank You's"),
            "{redirect:?}"
        );
        assert!(value(&s, "voice_thank_you", "description").is_empty());
        // Numbered fields share a description by design.
        assert!(value(&s, "filter2Value", "description").is_empty());
    }

    #[test]
    fn the_readme_answers_what_a_question_would_ask() {
        let d = def(serde_json::json!({
            "/send": {"post": op("Send message", body(serde_json::json!({
                "from": {"type": "string", "description": "from"},
                "templateLanguage": {"type": "string"},
                "templateId": {"type": "string"}
            })), serde_json::json!({}))}
        }));
        let readme = "- **Send message**\n  - **from** - Your WhatsApp Business Account number (Sender)\n  - **templateLanguage** - language code of your template\n  - **templateId** - ID of your template\n";
        let s = run(&d, readme);
        assert_eq!(
            value(&s, "from", "description"),
            ["Your WhatsApp Business Account number (Sender)."]
        );
        assert_eq!(
            value(&s, "templateLanguage", "description"),
            ["Language code of your template."]
        );
        // A note that only repeats the label is no answer: the question stays.
        assert!(value(&s, "templateId", "description")[0]
            .starts_with("TODO: where does a maker find the Template ID?"));
        // Without the readme: questions for the missing tooltips.
        let s = run(&d, "");
        assert!(value(&s, "templateLanguage", "description")[0].starts_with("TODO:"));
    }
}
