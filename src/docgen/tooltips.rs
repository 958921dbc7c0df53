//! Tooltip suggestions: the `x-ms-summary` (the label a maker sees) and the
//! `description` (the tooltip under it) of the parameters and body properties makers fill
//! in, where they are missing or weak.
//!
//! Suggestions are built only from what the definition says about the field: its name,
//! type, format, enum, pattern, limits, default and the operation that uses it. The
//! engine is a library API so that `check` rules can offer the same text as a fix:
//! [`suggest`] for a whole definition, [`label_from_name`], [`summary_gap`] and
//! [`description_gap`] for one field.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{Definition, Operation};
use crate::stats::StatsReport;
use crate::syntax::{pointer, Node, NodeKind};

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
];

/// Words kept lower case inside a title.
const MINOR: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "by", "at", "as", "per", "from",
    "with", "via", "nor",
];

/// Splits an identifier into lower-case words: `invoiceId`, `invoice_id`,
/// `Invoice-ID`, `$filter`, `HTTPStatus2` → `invoice id`, …, `http status 2`.
pub fn words(name: &str) -> Vec<String> {
    cased_words(name)
        .into_iter()
        .map(|w| w.to_lowercase())
        .collect()
}

/// The words of an identifier as written.
fn cased_words(name: &str) -> Vec<String> {
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
/// "Invoice ID", `$top` → "Top". At most 80 characters.
pub fn label_from_name(name: &str) -> String {
    let cased = cased_words(name);
    let ws = words(name);
    if ws.is_empty() {
        return name.trim().to_string();
    }
    // In a mixed-case name, a word in capitals is an acronym (`ADServer`).
    let mixed = name.chars().any(char::is_lowercase);
    let mut out: Vec<String> = Vec::with_capacity(ws.len());
    for (i, w) in ws.iter().enumerate() {
        let written = &cased[i];
        let capitals = mixed
            && written.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && written.chars().all(|c| !c.is_lowercase());
        let word = if let Some(a) = acronym(w) {
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
fn lower_label(label: &str) -> String {
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

/// Why an existing `description` needs replacing, or `None` when it is fine.
pub fn description_gap(
    name: &str,
    summary: Option<&str>,
    description: Option<&str>,
) -> Option<String> {
    let Some(d) = description.map(str::trim) else {
        return Some("missing".into());
    };
    if d.is_empty() {
        return Some("empty".into());
    }
    let n = normalized(d);
    if n == normalized(name) || summary.is_some_and(|s| normalized(s) == n) {
        return Some("repeats the name".into());
    }
    if d.split_whitespace().count() < 2 || d.chars().count() < 10 {
        return Some("too short to help".into());
    }
    None
}

/// What a field is, for building its text.
#[derive(Debug, Clone, Default)]
pub struct FieldFacts {
    pub name: String,
    pub label: Option<String>,
    pub type_name: Option<String>,
    pub format: Option<String>,
    pub enum_values: Vec<serde_json::Value>,
    pub pattern: Option<String>,
    pub default: Option<serde_json::Value>,
    pub required: bool,
    pub minimum: Option<String>,
    pub maximum: Option<String>,
    pub max_length: Option<String>,
    /// The display name of the one operation that uses the field, if only one does.
    pub operation: Option<String>,
    /// `in` of a parameter (`body`, `query`, …); `None` for schema properties.
    pub location: Option<String>,
}

impl FieldFacts {
    /// The facts of a JSON-schema-like node (a parameter or a schema property), with
    /// its `schema` (if any) already resolved.
    pub fn from_node(name: &str, node: &Node, schema: Option<&Node>) -> FieldFacts {
        let get = |k: &str| node.get(k).or_else(|| schema.and_then(|s| s.get(k)));
        let text = |k: &str| get(k).and_then(Node::as_str).map(str::to_string);
        let number = |k: &str| match get(k).map(|n| &n.kind) {
            Some(NodeKind::Number(n)) => Some(n.to_string()),
            _ => None,
        };
        FieldFacts {
            name: name.to_string(),
            label: node.get_str("x-ms-summary").map(str::to_string),
            type_name: text("type"),
            format: text("format"),
            enum_values: get("enum")
                .and_then(Node::as_array)
                .map(|a| a.iter().map(Node::to_value).collect())
                .unwrap_or_default(),
            pattern: text("pattern"),
            default: get("default").map(Node::to_value),
            required: node.get("required").and_then(Node::as_bool) == Some(true),
            minimum: number("minimum"),
            maximum: number("maximum"),
            max_length: number("maxLength"),
            operation: None,
            location: node.get_str("in").map(str::to_string),
        }
    }
}

fn value_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn or_list(items: &[String]) -> String {
    match items.len() {
        0 => String::new(),
        1 => items[0].clone(),
        n => format!("{} or {}", items[..n - 1].join(", "), items[n - 1]),
    }
}

/// The object of an action's summary: "Get an invoice" → "invoice", "List invoices" →
/// "invoices".
fn object_of(summary: &str) -> Option<String> {
    let mut ws: Vec<&str> = summary
        .split_whitespace()
        .filter(|w| !w.starts_with('('))
        .collect();
    if ws.len() < 2 {
        return None;
    }
    ws.remove(0);
    while ws.first().is_some_and(|w| {
        ["a", "an", "the", "all", "one", "my"].contains(&w.to_lowercase().as_str())
    }) {
        ws.remove(0);
    }
    if ws.is_empty() {
        return None;
    }
    Some(lower_label(&ws.join(" ")))
}

/// "Create a ticket" → ("create", "ticket").
fn verb_and_object(summary: &str) -> Option<(String, String)> {
    let verb = summary.split_whitespace().next()?.to_lowercase();
    if !ACTION_VERBS.contains(&verb.as_str()) {
        return None;
    }
    Some((verb, object_of(summary)?))
}

/// Verbs an action's summary starts with, for "The ticket to create.".
const ACTION_VERBS: &[&str] = &[
    "get",
    "list",
    "create",
    "add",
    "update",
    "delete",
    "remove",
    "send",
    "post",
    "upload",
    "search",
    "find",
    "set",
    "start",
    "stop",
    "run",
    "cancel",
    "close",
    "open",
    "approve",
    "reject",
    "assign",
    "archive",
    "copy",
    "move",
    "convert",
    "generate",
    "submit",
    "publish",
    "invite",
    "import",
    "export",
    "insert",
    "replace",
    "modify",
    "edit",
    "register",
    "book",
    "schedule",
    "share",
    "sign",
    "upsert",
    "save",
    "change",
    "patch",
    "put",
    "analyze",
    "analyse",
    "translate",
    "validate",
    "verify",
    "check",
    "merge",
    "split",
    "extract",
    "transform",
];

const BOOL_VERBS: &[&str] = &[
    "include",
    "show",
    "return",
    "send",
    "notify",
    "force",
    "allow",
    "enable",
    "disable",
    "expand",
    "delete",
    "archive",
    "overwrite",
    "skip",
    "ignore",
    "use",
    "create",
    "replace",
    "validate",
    "keep",
    "remove",
    "hide",
    "exclude",
    "save",
    "publish",
    "wait",
];

/// A one-sentence-or-more tooltip for a field, from its facts alone.
pub fn description_for(f: &FieldFacts) -> String {
    let label = f
        .label
        .clone()
        .filter(|l| !l.trim().is_empty() && l.chars().count() <= MAX_SUMMARY)
        .unwrap_or_else(|| label_from_name(&f.name));
    let low = lower_label(&label);
    let ws = words(&f.name);
    let key = normalized(&f.name);
    let items = f
        .operation
        .as_deref()
        .and_then(object_of)
        .filter(|o| o.ends_with('s'))
        .unwrap_or_else(|| "items".into());
    let format = f.format.as_deref().map(str::to_ascii_lowercase);
    let body_of = (f.location.as_deref() == Some("body"))
        .then(|| f.operation.as_deref().and_then(verb_and_object))
        .flatten();
    let mut text = if let Some((verb, object)) = body_of {
        format!("The {object} to {verb}.")
    } else if ws.last().is_some_and(|w| w == "id") && ws.len() > 1 {
        let entity = lower_label(&label_from_name(&ws[..ws.len() - 1].join("_")));
        format!("The ID of the {entity}.")
    } else if key == "id" {
        match f.operation.as_deref().and_then(object_of) {
            Some(o) if !o.ends_with('s') => format!("The ID of the {o}."),
            _ => "The ID of the item.".into(),
        }
    } else if [
        "top",
        "limit",
        "maxresults",
        "pagesize",
        "perpage",
        "maxitems",
        "count",
        "maxcount",
    ]
    .contains(&key.as_str())
        && matches!(f.type_name.as_deref(), Some("integer" | "number") | None)
    {
        format!("The largest number of {items} to return.")
    } else if ["skip", "offset"].contains(&key.as_str()) {
        format!("The number of {items} to skip before the first one returned.")
    } else if ["filter", "where"].contains(&key.as_str()) {
        format!("A filter expression that limits which {items} are returned.")
    } else if ["orderby", "sort", "sortby", "order"].contains(&key.as_str()) {
        format!("The field to sort the {items} by.")
    } else if ["select", "fields"].contains(&key.as_str()) {
        "The fields to include in each result.".into()
    } else if [
        "search",
        "q",
        "query",
        "keyword",
        "keywords",
        "searchterm",
        "searchtext",
    ]
    .contains(&key.as_str())
    {
        "The text to search for.".into()
    } else if f.type_name.as_deref() == Some("boolean") {
        match ws.first().map(String::as_str) {
            Some(v) if BOOL_VERBS.contains(&v) => format!("Whether to {low}."),
            Some("is" | "has" | "can" | "should") => format!("Whether the item {low}."),
            _ => format!("Whether {low} applies."),
        }
    } else if !f.enum_values.is_empty() {
        let values: Vec<String> = f.enum_values.iter().take(8).map(value_text).collect();
        if f.enum_values.len() > 8 {
            format!("The {low}: one of the values in the list.")
        } else {
            format!("The {low}: {}.", or_list(&values))
        }
    } else if format.as_deref() == Some("date") {
        if low.contains("date") {
            format!("The {low}, such as 2025-01-31.")
        } else {
            format!("A date for {low}, such as 2025-01-31.")
        }
    } else if format.as_deref() == Some("date-time") {
        if low.contains("date") || low.contains("time") {
            format!("The {low}, such as 2025-01-31T13:45:00Z.")
        } else {
            format!("A date and time for {low}, such as 2025-01-31T13:45:00Z.")
        }
    } else if format.as_deref() == Some("email") {
        format!("The {low}, an email address such as someone@example.com.")
    } else if matches!(format.as_deref(), Some("uri" | "url")) {
        format!("The {low}, a full URL starting with https://.")
    } else if f.type_name.as_deref() == Some("file") || format.as_deref() == Some("binary") {
        format!("The content of the file for {low}.")
    } else {
        match &f.operation {
            Some(op) => format!("The {low} for the \u{201c}{op}\u{201d} action."),
            None => format!("The {low} to use."),
        }
    };
    if let Some(p) = f.pattern.as_deref().filter(|_| f.enum_values.is_empty()) {
        text.push_str(&format!(" It must match the pattern {p}."));
    }
    match (&f.minimum, &f.maximum) {
        (Some(a), Some(b)) => text.push_str(&format!(" From {a} to {b}.")),
        (None, Some(b)) => text.push_str(&format!(" At most {b}.")),
        (Some(a), None) => text.push_str(&format!(" At least {a}.")),
        _ => {}
    }
    if let Some(n) = &f.max_length {
        text.push_str(&format!(" At most {n} characters."));
    }
    if let Some(d) = f
        .default
        .as_ref()
        .filter(|d| !d.is_object() && !d.is_array() && !d.is_null())
    {
        if !f.required {
            text.push_str(&format!(" The default is {}.", value_text(d)));
        }
    }
    text
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
    pub kind: FieldKind,
    pub name: String,
    /// `query`, `path`, `header`, `formData`, `body`, or `property`.
    pub location: String,
    pub used_by: Vec<UsedBy>,
    /// 400, 415 and 422 responses the statistics show for the operations using it.
    pub input_errors: u64,
}

impl Suggestion {
    pub fn is_missing(&self) -> bool {
        self.current.is_none()
    }
}

fn deref_at<'a>(root: &'a Node, mut node: &'a Node, mut at: String) -> (&'a Node, String) {
    for _ in 0..32 {
        let Some(target) = node.get_str("$ref").and_then(|r| r.strip_prefix('#')) else {
            break;
        };
        match pointer::resolve(root, target) {
            Some(t) => {
                node = t.node;
                at = target.to_string();
            }
            None => break,
        }
    }
    (node, at)
}

fn is_internal(node: &Node) -> bool {
    node.get_str("x-ms-visibility") == Some("internal")
}

/// A body schema whose properties are all internal (a webhook registration, say): makers
/// never see it.
fn hidden_body(root: &Node, schema: &Node) -> bool {
    match schema.get("properties").and_then(Node::members) {
        Some(props) if !props.is_empty() => props
            .iter()
            .all(|m| is_internal(deref_at(root, &m.value, String::new()).0)),
        _ => false,
    }
}

/// Whether makers fill in this parameter: it is not `internal`, and it is not a body whose
/// fields are all internal. The `param-*-required` rules ask for labels and tooltips on
/// exactly these.
pub fn maker_fills(root: &Node, p: &crate::model::Parameter) -> bool {
    let Some(node) = pointer::resolve(root, &p.pointer).map(|t| t.node) else {
        return false;
    };
    if is_internal(node) {
        return false;
    }
    let hidden = p.location == "body"
        && node
            .get("schema")
            .is_some_and(|s| hidden_body(root, deref_at(root, s, String::new()).0));
    !hidden
}

/// Input errors (400, 415, 422) per operation pointer.
fn input_errors(stats: Option<&StatsReport>) -> BTreeMap<String, u64> {
    let mut out = BTreeMap::new();
    for o in stats.map(|s| s.operations.as_slice()).unwrap_or_default() {
        let n: u64 = o
            .errors
            .iter()
            .filter(|e| matches!(e.status, 400 | 415 | 422))
            .map(|e| e.count)
            .sum();
        out.insert(o.pointer.clone(), n);
    }
    out
}

struct Pending {
    kind: FieldKind,
    name: String,
    location: String,
    facts: FieldFacts,
    summary: Option<String>,
    description: Option<String>,
    wants_summary: bool,
    used_by: Vec<UsedBy>,
    order: usize,
    /// For each `used_by` pointer, the least depth this field's properties were expanded
    /// at: a schema reached again through another `$ref` is not walked again (a DAG of
    /// schemas with fan-out 1,000 took over 2 minutes).
    expanded: Vec<(String, usize)>,
}

/// Every suggestion for a definition: parameters makers fill in (not `internal`), and the
/// properties of body schemas (three levels deep). Fields used by operations whose
/// statistics show 400, 415 or 422 responses come first, most errors first; the rest
/// follow in definition order.
pub fn suggest(root: &Node, def: &Definition, stats: Option<&StatsReport>) -> Vec<Suggestion> {
    let names = super::content::display_names(&def.operations);
    let errors = input_errors(stats);
    let mut pending: BTreeMap<String, Pending> = BTreeMap::new();
    let mut order = 0usize;
    for (i, op) in def.operations.iter().enumerate() {
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
                Pending {
                    kind: FieldKind::Parameter,
                    name: p.name.clone(),
                    location: p.location.clone(),
                    facts: FieldFacts::from_node(&p.name, node, schema.as_ref().map(|s| s.0)),
                    summary: p.summary.clone(),
                    description: p.description.clone(),
                    wants_summary: p.location != "body",
                    used_by: Vec::new(),
                    order,
                    expanded: Vec::new(),
                }
            });
            if !entry.used_by.iter().any(|u| u.pointer == used.pointer) {
                entry.used_by.push(used.clone());
            }
            if p.location == "body" {
                if let Some((schema, at)) = schema {
                    properties(root, schema, &at, &used, 0, &mut pending, &mut order);
                }
            }
        }
    }
    let mut out: Vec<(u64, usize, Suggestion)> = Vec::new();
    for (ptr, mut p) in pending {
        if p.used_by.len() == 1 {
            p.facts.operation = Some(p.used_by[0].name.clone());
        }
        let score: u64 = p
            .used_by
            .iter()
            .map(|u| errors.get(&u.pointer).copied().unwrap_or(0))
            .sum();
        let base = |key: &'static str, value: String, current: Option<String>, reason: String| {
            Suggestion {
                pointer: ptr.clone(),
                key,
                value,
                current,
                reason,
                kind: p.kind,
                name: p.name.clone(),
                location: p.location.clone(),
                used_by: p.used_by.clone(),
                input_errors: score,
            }
        };
        let mut label = p.summary.clone();
        if p.wants_summary {
            if let Some(reason) = summary_gap(&p.name, p.summary.as_deref()) {
                let value = label_from_name(&p.name);
                if !value.is_empty() && Some(&value) != p.summary.as_ref() {
                    label = Some(value.clone());
                    out.push((
                        score,
                        p.order,
                        base("x-ms-summary", value, p.summary.clone(), reason),
                    ));
                }
            }
        }
        if let Some(reason) =
            description_gap(&p.name, p.summary.as_deref(), p.description.as_deref())
        {
            let mut facts = p.facts.clone();
            facts.label = label.or(facts.label);
            let value = description_for(&facts);
            if Some(&value) != p.description.as_ref() {
                out.push((
                    score,
                    p.order,
                    base("description", value, p.description.clone(), reason),
                ));
            }
        }
    }
    out.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(b.2.key.cmp(a.2.key)));
    out.into_iter().map(|(_, _, s)| s).collect()
}

fn properties(
    root: &Node,
    schema: &Node,
    at: &str,
    used: &UsedBy,
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
            let mut facts = FieldFacts::from_node(&m.key, prop, None);
            facts.required = required.contains(&m.key.as_str());
            Pending {
                kind: FieldKind::BodyProperty,
                name: m.key.clone(),
                location: "property".into(),
                facts,
                summary: prop.get_str("x-ms-summary").map(str::to_string),
                description: prop.get_str("description").map(str::to_string),
                wants_summary: true,
                used_by: Vec::new(),
                order: *order,
                expanded: Vec::new(),
            }
        });
        if !entry.used_by.iter().any(|u| u.pointer == used.pointer) {
            entry.used_by.push(used.clone());
        }
        let nested = prop.get_str("type") == Some("object")
            || prop.get("properties").is_some()
            || prop.get("items").is_some();
        let expand = nested
            && match entry.expanded.iter_mut().find(|(p, _)| *p == used.pointer) {
                Some((_, least)) if *least <= depth => false,
                Some((_, least)) => {
                    *least = depth;
                    true
                }
                None => {
                    entry.expanded.push((used.pointer.clone(), depth));
                    true
                }
            };
        if expand {
            properties(root, prop, &prop_at, used, depth + 1, pending, order);
        }
    }
}

/// The suggestions for one parameter of one operation, for a `check` rule that wants to
/// offer the text as its fix: `(x-ms-summary, description)`, each `None` when fine.
pub fn suggest_for_parameter(
    root: &Node,
    op: &Operation,
    parameter: &crate::model::Parameter,
) -> (Option<String>, Option<String>) {
    let node = pointer::resolve(root, &parameter.pointer).map(|t| t.node);
    let schema = node
        .and_then(|n| n.get("schema"))
        .map(|s| deref_at(root, s, String::new()).0);
    let mut facts = node
        .map(|n| FieldFacts::from_node(&parameter.name, n, schema))
        .unwrap_or_else(|| FieldFacts {
            name: parameter.name.clone(),
            ..FieldFacts::default()
        });
    facts.operation = Some(op.display_name());
    let summary = (parameter.location != "body")
        .then(|| summary_gap(&parameter.name, parameter.summary.as_deref()))
        .flatten()
        .map(|_| label_from_name(&parameter.name));
    if let Some(s) = &summary {
        facts.label = Some(s.clone());
    }
    let description = description_gap(
        &parameter.name,
        parameter.summary.as_deref(),
        parameter.description.as_deref(),
    )
    .map(|_| description_for(&facts));
    (summary, description)
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
    }

    #[test]
    fn labels_are_title_case() {
        assert_eq!(label_from_name("asOf"), "As of");
        assert_eq!(label_from_name("invoice_id"), "Invoice ID");
        assert_eq!(label_from_name("$top"), "Top");
        assert_eq!(
            label_from_name("customerEmailAddress"),
            "Customer Email Address"
        );
        assert!(label_from_name(&"word".repeat(40)).chars().count() <= 80);
    }

    #[test]
    fn gaps() {
        assert_eq!(summary_gap("top", None).as_deref(), Some("missing"));
        assert!(summary_gap("status", Some("Status")).is_none());
        assert!(summary_gap("status", Some("status")).is_some());
        assert!(summary_gap("invoiceId", Some("invoiceId")).is_some());
        assert!(description_gap("top", Some("Top"), Some("Top")).is_some());
        assert!(description_gap("top", None, Some("Max.")).is_some());
        assert!(description_gap("top", None, Some("Maximum number of invoices.")).is_none());
    }

    #[test]
    fn descriptions_from_facts() {
        let f = FieldFacts {
            name: "invoiceId".into(),
            operation: Some("Get an invoice".into()),
            ..FieldFacts::default()
        };
        assert_eq!(description_for(&f), "The ID of the invoice.");
        let f = FieldFacts {
            name: "top".into(),
            type_name: Some("integer".into()),
            default: Some(50.into()),
            maximum: Some("500".into()),
            operation: Some("List invoices".into()),
            ..FieldFacts::default()
        };
        assert_eq!(
            description_for(&f),
            "The largest number of invoices to return. At most 500. The default is 50."
        );
        let f = FieldFacts {
            name: "asOf".into(),
            format: Some("date".into()),
            ..FieldFacts::default()
        };
        assert_eq!(description_for(&f), "A date for as of, such as 2025-01-31.");
        let f = FieldFacts {
            name: "status".into(),
            enum_values: vec!["draft".into(), "sent".into(), "paid".into()],
            ..FieldFacts::default()
        };
        assert_eq!(description_for(&f), "The status: draft, sent or paid.");
        let f = FieldFacts {
            name: "includeArchived".into(),
            type_name: Some("boolean".into()),
            ..FieldFacts::default()
        };
        assert_eq!(description_for(&f), "Whether to include archived.");
        let f = FieldFacts {
            name: "body".into(),
            location: Some("body".into()),
            operation: Some("Create a ticket".into()),
            ..FieldFacts::default()
        };
        assert_eq!(description_for(&f), "The ticket to create.");
    }
}
