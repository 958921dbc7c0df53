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

mod tooltip;
mod words;

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;

use crate::model::{Definition, Operation, Parameter};
use crate::syntax::{pointer, Node, NodeKind};

pub use tooltip::{
    format_conflict, pattern_in_words, query_kind, stated_format, tooltip_for, FieldFacts, Picker,
    Query, Source, Tooltip,
};
pub use words::{is_word, split_run, Vocabulary};

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

/// Whether a weak description is worth keeping before the facts: two words or more that
/// are not filler ("Archive the card."), which the facts do not already say, rather than
/// a fragment ("Query to use.", "card id", "The ID of the folder.").
fn keeps(description: &str, facts: &str, name: &str, label: &str) -> bool {
    let mut said: HashSet<String> = facts
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .collect();
    // "The show blocks." for Show Blocks is the label again, not a sentence to keep.
    said.extend(words(name));
    said.extend(label.split(|c: char| !c.is_alphanumeric()).flat_map(words));
    let content: Vec<String> = description
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| !w.is_empty() && !FILLER.contains(&w.as_str()))
        .collect();
    content.len() >= 2 && !content.iter().all(|w| said.contains(w))
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
    let object = schema.unwrap_or(node);
    let has_properties = object
        .get("properties")
        .and_then(Node::members)
        .is_some_and(|m| !m.is_empty());
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

/// `x-ms-dynamic-values` or `x-ms-dynamic-list` of a field: (operationId, value path).
fn dynamic_of(node: &Node, schema: Option<&Node>) -> Option<(String, Option<String>)> {
    for n in [Some(node), schema].into_iter().flatten() {
        if let Some(d) = n.get("x-ms-dynamic-values") {
            let op = d.get_str("operationId")?.to_string();
            let path = d.get_str("value-path").map(last_segment);
            return Some((op, path));
        }
        if let Some(d) = n.get("x-ms-dynamic-list") {
            let op = d.get_str("operationId")?.to_string();
            let path = d
                .get_str("itemValuePath")
                .or_else(|| d.get_str("value-path"))
                .map(last_segment);
            return Some((op, path));
        }
    }
    None
}

fn last_segment(path: &str) -> String {
    path.rsplit(['/', '.']).next().unwrap_or(path).to_string()
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

/// What the visible operations return: per normalized property name, the operations
/// and the output's label.
struct Outputs {
    by_name: HashMap<String, Vec<(usize, String)>>,
    /// Per operation: the properties of the items it returns.
    item_properties: Vec<Vec<String>>,
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

fn collect_outputs(root: &Node, def: &Definition, shown: &[bool], vocab: &Vocabulary) -> Outputs {
    let mut by_name: HashMap<String, Vec<(usize, String)>> = HashMap::new();
    let mut item_properties = vec![Vec::new(); def.operations.len()];
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
                // An output's label as makers see it, when it is a label and not a sentence.
                let short = |t: &str| {
                    usable_title(&m.key, t)
                        .filter(|l| !l.ends_with('.') && l.split_whitespace().count() <= 5)
                };
                let label = p
                    .get_str("x-ms-summary")
                    .and_then(short)
                    .or_else(|| p.get_str("title").and_then(short))
                    .unwrap_or_else(|| label_with(&m.key, vocab));
                let entry = by_name.entry(normalized(&m.key)).or_default();
                if !entry.iter().any(|(j, _)| *j == i) {
                    entry.push((i, label));
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
    }
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

/// The visible action whose output supplies a field, other than the field's own.
fn source_of(
    def: &Definition,
    names: &[String],
    outputs: &Outputs,
    field: &str,
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
    // `projectId`: the `id` that "List projects" returns.
    let entity: Vec<&str> = ws[..ws.len().saturating_sub(1)]
        .iter()
        .map(String::as_str)
        .collect();
    let lists_entity = |op: &Operation| {
        let Some(summary) = op.summary.as_deref() else {
            return false;
        };
        let sw: Vec<String> = summary
            .split(|c: char| !c.is_alphanumeric())
            .map(str::to_lowercase)
            .collect();
        let n = entity.len();
        op.method == "get"
            && !entity.is_empty()
            && sw
                .first()
                .is_some_and(|v| ["list", "get", "search", "find"].contains(&v.as_str()))
            && sw.windows(n).any(|win| {
                win[..n - 1].iter().zip(&entity).all(|(a, b)| a == b)
                    && win[n - 1].strip_suffix('s') == Some(entity[n - 1])
            })
    };
    let by_entity = outputs
        .by_name
        .get("id")
        .into_iter()
        .flatten()
        .filter(|(i, _)| identifier && lists_entity(&def.operations[*i]));
    let by_name = outputs.by_name.get(&key).into_iter().flatten();
    let candidates: Vec<&(usize, String)> = by_entity.chain(by_name).collect();
    let collections: Vec<&str> = if location == "path" {
        own.iter()
            .filter_map(|&i| collection_of(&def.operations[i].path, field))
            .collect()
    } else {
        Vec::new()
    };
    let mut best: Option<(u32, usize, &String)> = None;
    for (i, label) in candidates.iter().map(|c| (&c.0, &c.1)) {
        if own.contains(i) {
            continue;
        }
        let op = &def.operations[*i];
        let of_entity = normalized(label) == "id" && lists_entity(op);
        // An action that needs the value to run (`Get board` for `boardId`) is no source.
        if op.trigger.is_some() || op.parameters.iter().any(|q| normalized(&q.name) == key) {
            continue;
        }
        let lists = collections.contains(&op.path.as_str()) && op.method == "get";
        if generic && !lists {
            continue;
        }
        let verb = op
            .summary
            .as_deref()
            .and_then(|s| s.split_whitespace().next())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        let score = if lists || of_entity {
            0
        } else if op.method == "get" && ["list", "get", "search", "find"].contains(&verb.as_str()) {
            1
        } else if op.method == "get" {
            2
        } else if ["create", "add", "new", "upload", "start"].contains(&verb.as_str()) {
            3
        } else {
            4
        };
        if best.is_none_or(|(s, _, _)| score < s) {
            best = Some((score, *i, label));
        }
    }
    let (_, i, label) = best?;
    Some(Source {
        action: names[i].clone(),
        output: label.clone(),
        picker: false,
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

struct Pending {
    kind: FieldKind,
    name: String,
    location: String,
    facts: FieldFacts,
    title: Option<String>,
    summary: Option<String>,
    description: Option<String>,
    wants_summary: bool,
    dynamic: Option<(String, Option<String>)>,
    used_by: Vec<(usize, UsedBy)>,
    order: usize,
    /// For each `used_by` pointer, the least depth this field's properties were expanded
    /// at: a schema reached again through another `$ref` is not walked again (a DAG of
    /// schemas with fan-out 1,000 took over 2 minutes).
    expanded: Vec<(String, usize)>,
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

/// Every suggestion for a definition: the parameters makers fill in (not `internal`) of
/// the operations makers see (neither deprecated nor internal), and the properties of
/// their body schemas (three levels deep). With statistics, the fields of actions with
/// the highest share of 400 and 422 responses come first, the likeliest culprits first;
/// the rest follow in definition order.
pub fn suggest(root: &Node, def: &Definition, evidence: &Evidence) -> Vec<Suggestion> {
    let names = crate::model::display_names(&def.operations);
    let shown: Vec<bool> = def.operations.iter().map(maker_facing).collect();
    let vocab = Vocabulary::from_definition(root);
    let outputs = collect_outputs(root, def, &shown, &vocab);
    let mut pending: BTreeMap<String, Pending> = BTreeMap::new();
    let mut order = 0usize;
    for (i, op) in def.operations.iter().enumerate() {
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
            let schema = node
                .get("schema")
                .map(|s| deref_at(root, s, pointer::join(&p.pointer, "schema")));
            let entry = pending.entry(p.pointer.clone()).or_insert_with(|| {
                order += 1;
                let s = schema.as_ref().map(|s| s.0);
                Pending {
                    kind: FieldKind::Parameter,
                    name: p.name.clone(),
                    location: p.location.clone(),
                    facts: facts_of(root, &p.name, node, s),
                    title: node
                        .get_str("title")
                        .or_else(|| s.and_then(|s| s.get_str("title")))
                        .map(str::to_string),
                    summary: p.summary.clone(),
                    description: p.description.clone(),
                    wants_summary: p.location != "body",
                    dynamic: dynamic_of(node, s),
                    used_by: Vec::new(),
                    order,
                    expanded: Vec::new(),
                }
            });
            if !entry.used_by.iter().any(|(_, u)| u.pointer == used.pointer) {
                entry.used_by.push((i, used.clone()));
            }
            if p.location == "body" {
                if let Some((schema, at)) = schema {
                    properties(root, schema, &at, (i, &used), 0, &mut pending, &mut order);
                }
            }
        }
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
        // The label.
        let label = label_for(&p.name, p.title.as_deref(), &vocab);
        let mut shown_label = p
            .summary
            .clone()
            .filter(|s| summary_gap(&p.name, Some(s)).is_none());
        if p.wants_summary {
            if let Some(reason) = summary_gap(&p.name, p.summary.as_deref()) {
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
        if p.location == "body" && p.facts.has_properties {
            // Makers see the body's properties, not the body.
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
        p.facts.label = Some(shown_label);
        if let Some(&i) = own.first() {
            p.facts.result_properties = outputs.item_properties[i].clone();
            p.facts.items = def.operations[i].summary.as_deref().and_then(plural_object);
        }
        if let Some((op_id, value_path)) = &p.dynamic {
            let source = op_index
                .get(op_id.as_str())
                .copied()
                .filter(|&j| shown[j] && !own.contains(&j));
            match source {
                Some(j) => {
                    let output = value_path
                        .as_deref()
                        .map(|vp| label_with(vp, &vocab))
                        .unwrap_or_else(|| "value".into());
                    p.facts.source = Some(Source {
                        action: names[j].clone(),
                        output,
                        picker: true,
                    });
                }
                None => {
                    p.facts.picker = Some(Picker {
                        value_path: value_path.clone(),
                    });
                }
            }
        } else if p.facts.enum_values.is_empty() {
            p.facts.source = source_of(def, &names, &outputs, &p.name, &p.location, &own);
        }
        let Some(tip) = tooltip_for(&p.facts) else {
            continue;
        };
        let missing = p.description.as_deref().is_none_or(|d| d.trim().is_empty());
        // A weak description is replaced by facts. A question is asked where it matters:
        // the action fails with 400s, the field takes a query language, or (for a missing
        // tooltip) the field is a likely culprit.
        if tip.todo
            && count == 0
            && query_kind(&p.name, p.summary.as_deref()).is_none()
            && !(missing && tooltip::worth_asking(&p.facts))
        {
            continue;
        }
        // A weak sentence that still says something ("Specify if your contact is on the
        // blacklist.") is kept, the facts added after it: the new text carries every
        // word of the old one and more.
        let text = match p.description.as_deref().map(str::trim) {
            Some(old)
                if !tip.todo
                    && keeps(
                        old,
                        &tip.text,
                        &p.name,
                        p.facts.label.as_deref().unwrap_or(&label),
                    ) =>
            {
                let end = if old.ends_with(['.', '!', '?']) {
                    ""
                } else {
                    "."
                };
                format!("{old}{end} {}", tip.text)
            }
            _ => tip.text,
        };
        if Some(&text) == p.description.as_ref() {
            continue;
        }
        out.push((
            score,
            count,
            p.order,
            base("description", text, p.description.clone(), reason, tip.todo),
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

fn properties(
    root: &Node,
    schema: &Node,
    at: &str,
    used: (usize, &UsedBy),
    depth: usize,
    pending: &mut BTreeMap<String, Pending>,
    order: &mut usize,
) {
    if depth >= 3 {
        return;
    }
    if let Some(items) = schema.get("items") {
        let (items, items_at) = deref_at(root, items, pointer::join(at, "items"));
        properties(root, items, &items_at, used, depth + 1, pending, order);
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
        if !prop.is_object()
            || is_internal(prop)
            || prop.get("readOnly").and_then(Node::as_bool) == Some(true)
        {
            continue;
        }
        let entry = pending.entry(prop_at.clone()).or_insert_with(|| {
            *order += 1;
            let mut facts = facts_of(root, &m.key, prop, None);
            facts.required = required.contains(&m.key.as_str());
            Pending {
                kind: FieldKind::BodyProperty,
                name: m.key.clone(),
                location: "property".into(),
                facts,
                title: prop.get_str("title").map(str::to_string),
                summary: prop.get_str("x-ms-summary").map(str::to_string),
                description: prop.get_str("description").map(str::to_string),
                wants_summary: true,
                dynamic: dynamic_of(prop, None),
                used_by: Vec::new(),
                order: *order,
                expanded: Vec::new(),
            }
        });
        if !entry
            .used_by
            .iter()
            .any(|(_, u)| u.pointer == used.1.pointer)
        {
            entry.used_by.push((used.0, used.1.clone()));
        }
        let nested = prop.get_str("type") == Some("object")
            || prop.get("properties").is_some()
            || prop.get("items").is_some();
        let expand = nested
            && match entry
                .expanded
                .iter_mut()
                .find(|(p, _)| *p == used.1.pointer)
            {
                Some((_, least)) if *least <= depth => false,
                Some((_, least)) => {
                    *least = depth;
                    true
                }
                None => {
                    entry.expanded.push((used.1.pointer.clone(), depth));
                    true
                }
            };
        if expand {
            properties(root, prop, &prop_at, used, depth + 1, pending, order);
        }
    }
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
}
