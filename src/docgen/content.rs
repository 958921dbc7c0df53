//! What the generated sections say: the facts from the definition, apiProperties.json
//! and (when given) the statistics, as a serialisable context for the templates.
//!
//! Field naming contract for templates: a field whose name ends in `_md` holds Markdown
//! connlint built and escaped (printed as is); every other string is plain text from the
//! definition or the statistics and is escaped for Markdown when a template prints it.

use std::collections::BTreeMap;

use serde::Serialize;

use super::knowledge::{self, AuthKind};
use super::markdown::{comment_text, escape_inline};
use crate::model::{Definition, Operation, Parameter, ResponseCode};
use crate::rules::deprecation::successor;
use crate::stats::{OperationStats, StatsReport, Thresholds};
use crate::syntax::{pointer, Node};
use crate::text::{capitalize, percent};

/// Which kind of Markdown file the text is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DocKind {
    /// intro.md (certification portal): sentence-case headings.
    Intro,
    /// readme.md (GitHub): the template's title-case headings.
    Readme,
}

impl DocKind {
    pub fn known_issues_heading(self) -> &'static str {
        match self {
            DocKind::Intro => "Known issues and limitations",
            DocKind::Readme => "Known Issues and Limitations",
        }
    }
    pub fn common_errors_heading(self) -> &'static str {
        match self {
            DocKind::Intro => "Common errors and remedies",
            DocKind::Readme => "Common Errors and Remedies",
        }
    }
}

/// What the generator reads.
pub struct Inputs<'a> {
    pub root: &'a Node,
    pub definition: &'a Definition,
    /// apiProperties.json.
    pub properties: Option<&'a Node>,
    pub stats: Option<&'a StatsReport>,
    pub thresholds: &'a Thresholds,
    pub doc: DocKind,
    /// The definition's file name, for the provenance comment.
    pub definition_name: String,
}

/// The template context.
#[derive(Debug, Clone, Serialize)]
pub struct IntroContext {
    pub doc: DocKind,
    pub connector: ConnectorInfo,
    pub known_issues_heading: String,
    pub common_errors_heading: String,
    /// Whether a "Common errors and remedies" section is generated too (the Known issues
    /// section then leaves the general advice to it).
    pub with_common_errors: bool,
    /// apiProperties.json `publisher`.
    pub publisher: Option<String>,
    /// The actions makers see, for a new readme's "Supported Operations".
    pub supported_operations: Vec<SupportedOperation>,
    pub definition_file: String,
    pub stats: Option<StatsInfo>,
    /// Operations with notable errors, most errors first.
    pub operations: Vec<OperationIssues>,
    pub deprecated: Vec<DeprecatedOperation>,
    pub limits: Vec<Limit>,
    /// The same errors by status, for "Common errors and remedies".
    pub common_errors: Vec<CommonError>,
    /// Whether anything at all was found for the Known issues section.
    pub has_content: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct SupportedOperation {
    pub name: String,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ConnectorInfo {
    pub title: Option<String>,
    pub description: Option<String>,
    pub auth: AuthKind,
    /// "an API key", "a user name and password", "a sign-in with your account".
    pub auth_phrase: Option<String>,
    /// Display names of the connection parameters from apiProperties.json.
    pub connection_parameters: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StatsInfo {
    /// Shortened to the date when the time is midnight UTC.
    pub start: Option<String>,
    pub end: Option<String>,
    /// "from 2025-06-01 to 2025-07-01", when the statistics have timestamps.
    pub window: Option<String>,
    pub requests: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct OperationIssues {
    /// The action's display name (summary), with the operationId added when two
    /// operations share a summary.
    pub name: String,
    pub operation_id: Option<String>,
    /// "trigger" or "internal operation, not shown to makers".
    pub note: Option<String>,
    pub requests: u64,
    pub errors: Vec<ErrorIssue>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ErrorIssue {
    pub status: u16,
    pub reason: String,
    pub count: u64,
    /// "3.5%".
    pub share: String,
    /// The response description the definition gives for this status, when it says more
    /// than the status itself.
    pub definition_says: Option<String>,
    /// What the status means for a maker.
    pub meaning_md: String,
    /// "The connector's definition says: “…”".
    pub definition_md: Option<String>,
    /// For 400 and 422: the fields to check, named.
    pub fields_md: Option<String>,
    /// What to do, in general (with the documented rate limit for 429).
    pub remedy_md: String,
    /// `<!-- TODO: … -->` when only the publisher can say what causes it.
    pub todo_md: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DeprecatedOperation {
    pub name: String,
    pub operation_id: Option<String>,
    /// How to name the replacement, as Markdown.
    pub replacement_md: Option<String>,
    /// Calls in the statistics window, when statistics were given and show any.
    pub calls: Option<u64>,
    pub todo_md: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Limit {
    /// `rate`, `paging`, `size`, `value` or `stated`.
    pub kind: String,
    /// The action's name, or `None` for the whole connector.
    pub scope: Option<String>,
    /// The limit as a sentence.
    pub text_md: String,
    /// For rate limits: the sentence the advice on 429 quotes.
    pub rate_md: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CommonError {
    pub status: u16,
    pub reason: String,
    pub meaning_md: String,
    pub remedy_md: String,
    /// Where it is seen (with statistics) or documented (without), as Markdown.
    pub where_md: String,
    pub todo_md: Option<String>,
}

/// Builds the context.
pub fn build(inputs: &Inputs) -> IntroContext {
    let def = inputs.definition;
    let auth = auth_kind(inputs.root);
    let names = display_names(&def.operations);
    let limits = limits(inputs, &names);
    let rate_limit = limits.iter().find_map(|l| l.rate_md.clone());
    let stats_by_pointer: BTreeMap<&str, &OperationStats> = inputs
        .stats
        .map(|s| {
            s.operations
                .iter()
                .map(|o| (o.pointer.as_str(), o))
                .collect()
        })
        .unwrap_or_default();

    let mut operations = Vec::new();
    for (i, op) in def.operations.iter().enumerate() {
        let Some(stats) = stats_by_pointer.get(op.pointer.as_str()) else {
            continue;
        };
        let mut errors: Vec<_> = stats
            .errors
            .iter()
            .filter(|e| inputs.thresholds.reports(e.count, e.share))
            .collect();
        if errors.is_empty() {
            continue;
        }
        errors.sort_by(|a, b| b.count.cmp(&a.count).then(a.status.cmp(&b.status)));
        let issues: Vec<ErrorIssue> = errors
            .iter()
            .map(|e| {
                let said = definition_says(op, e.status);
                explain(
                    inputs,
                    op,
                    &names[i],
                    e.status,
                    e.count,
                    e.share,
                    auth,
                    said,
                    rate_limit.as_deref(),
                )
            })
            .collect();
        operations.push((
            errors.iter().map(|e| e.count).sum::<u64>(),
            i,
            OperationIssues {
                name: names[i].clone(),
                operation_id: op.operation_id.clone(),
                note: note(op),
                requests: stats.responses.requests,
                errors: issues,
            },
        ));
    }
    operations.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let operations: Vec<OperationIssues> = operations.into_iter().map(|(_, _, o)| o).collect();

    let mut deprecated = Vec::new();
    for (i, op) in def.operations.iter().enumerate() {
        if !op.deprecated {
            continue;
        }
        let calls = stats_by_pointer
            .get(op.pointer.as_str())
            .map(|s| s.responses.requests)
            .filter(|n| *n > 0);
        if op.visibility.as_deref() == Some("internal") && calls.is_none() {
            continue;
        }
        let replacement_md = successor(&def.operations, op).map(|s| match s.operation {
            Some(o) => {
                let j = def
                    .operations
                    .iter()
                    .position(|x| x.pointer == o.pointer)
                    .unwrap_or(i);
                format!("**{}**", escape_inline(&names[j]))
            }
            None => s.name.clone(),
        });
        let todo_md = replacement_md.is_none().then(|| {
            todo(&format!(
                "name the action that replaces {}, or say that none does and why",
                names[i]
            ))
        });
        deprecated.push(DeprecatedOperation {
            name: names[i].clone(),
            operation_id: op.operation_id.clone(),
            replacement_md,
            calls,
            todo_md,
        });
    }

    let common_errors = common_errors(inputs, &names, &operations, auth, rate_limit.as_deref());
    let has_content = !operations.is_empty() || !deprecated.is_empty() || !limits.is_empty();
    IntroContext {
        doc: inputs.doc,
        connector: connector_info(inputs, auth),
        known_issues_heading: inputs.doc.known_issues_heading().into(),
        common_errors_heading: inputs.doc.common_errors_heading().into(),
        with_common_errors: false,
        publisher: inputs
            .properties
            .and_then(|p| p.get("properties"))
            .and_then(|p| p.get_str("publisher"))
            .map(str::to_string),
        supported_operations: def
            .operations
            .iter()
            .zip(&names)
            .filter(|(o, _)| !o.deprecated && o.visibility.as_deref() != Some("internal"))
            .map(|(o, n)| SupportedOperation {
                name: n.clone(),
                description: o.description.clone(),
            })
            .collect(),
        definition_file: inputs.definition_name.clone(),
        stats: inputs.stats.map(|s| {
            let start = s.window.start.as_deref().map(short_time);
            let end = s.window.end.as_deref().map(short_time);
            StatsInfo {
                window: match (&start, &end) {
                    (Some(a), Some(b)) => Some(format!("from {a} to {b}")),
                    _ => None,
                },
                start,
                end,
                requests: s.connector.responses.requests,
            }
        }),
        operations,
        deprecated,
        limits,
        common_errors,
        has_content,
    }
}

fn short_time(t: &str) -> String {
    t.strip_suffix("T00:00:00Z")
        .or_else(|| t.strip_suffix("T00:00:00.000Z"))
        .unwrap_or(t)
        .to_string()
}

/// `<!-- TODO: … -->`.
pub fn todo(text: &str) -> String {
    format!("<!-- TODO: {} -->", comment_text(text))
}

fn note(op: &Operation) -> Option<String> {
    if op.trigger.is_some() {
        Some("trigger".into())
    } else if op.visibility.as_deref() == Some("internal") {
        Some("internal operation, not shown to makers".into())
    } else {
        None
    }
}

/// The name makers see for each operation; operations that share a summary get their
/// operationId added.
pub fn display_names(ops: &[Operation]) -> Vec<String> {
    let base: Vec<String> = ops.iter().map(Operation::display_name).collect();
    base.iter()
        .enumerate()
        .map(|(i, name)| {
            let shared = base.iter().filter(|n| n.eq_ignore_ascii_case(name)).count() > 1;
            match (&ops[i].operation_id, shared) {
                (Some(id), true) if id != name => format!("{name} ({id})"),
                _ => name.clone(),
            }
        })
        .collect()
}

fn auth_kind(root: &Node) -> AuthKind {
    let schemes = root.get("securityDefinitions").or_else(|| {
        root.get("components")
            .and_then(|c| c.get("securitySchemes"))
    });
    let Some(first) = schemes.and_then(Node::members).and_then(|m| m.first()) else {
        return AuthKind::None;
    };
    match first
        .value
        .get_str("type")
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("apikey") => AuthKind::ApiKey,
        Some("basic") => AuthKind::Basic,
        Some("oauth2" | "openidconnect") => AuthKind::OAuth2,
        Some("http") => match first.value.get_str("scheme") {
            Some(s) if s.eq_ignore_ascii_case("basic") => AuthKind::Basic,
            _ => AuthKind::ApiKey,
        },
        _ => AuthKind::None,
    }
}

fn connector_info(inputs: &Inputs, auth: AuthKind) -> ConnectorInfo {
    let info = inputs.root.get("info");
    let connection_parameters = inputs
        .properties
        .and_then(|p| p.get("properties"))
        .and_then(|p| p.get("connectionParameters"))
        .and_then(Node::members)
        .map(|members| {
            members
                .iter()
                .filter_map(|m| {
                    m.value
                        .get("uiDefinition")
                        .and_then(|u| u.get_str("displayName"))
                        .map(str::to_string)
                })
                .collect()
        })
        .unwrap_or_default();
    ConnectorInfo {
        title: inputs.definition.title.clone(),
        description: info
            .and_then(|i| i.get_str("description"))
            .map(str::to_string),
        auth,
        auth_phrase: match auth {
            AuthKind::ApiKey => Some("an API key".into()),
            AuthKind::Basic => Some("a user name and password".into()),
            AuthKind::OAuth2 => Some("a sign-in with your account".into()),
            AuthKind::None => None,
        },
        connection_parameters,
    }
}

/// The response description the definition gives for a status, if it says something.
fn definition_says(op: &Operation, status: u16) -> Option<String> {
    let responses = op.responses.as_ref()?;
    let exact = responses
        .entries
        .iter()
        .find(|r| r.code == ResponseCode::Status(status))
        .or_else(|| {
            responses
                .entries
                .iter()
                .find(|r| r.code == ResponseCode::Range((status / 100) as u8))
        })?;
    let d = exact.description.as_deref()?.trim();
    (!knowledge::says_nothing(d, status)).then(|| d.to_string())
}

/// Meaning, remedy and TODO of one status for one operation, as Markdown.
#[allow(clippy::too_many_arguments)]
fn explain(
    inputs: &Inputs,
    op: &Operation,
    name: &str,
    status: u16,
    count: u64,
    share: f64,
    auth: AuthKind,
    said: Option<String>,
    rate_limit: Option<&str>,
) -> ErrorIssue {
    let advice = knowledge::advice(status, auth);
    let mut remedy_md = escape_inline(&advice.remedy);
    if status == 429 {
        if let Some(limit) = rate_limit {
            remedy_md.push(' ');
            remedy_md.push_str(limit);
        }
    }
    let fields_md = matches!(status, 400 | 422)
        .then(|| field_advice(inputs.root, op))
        .flatten();
    let todo_needed =
        said.is_none() && !(advice.cause_known || (status == 429 && rate_limit.is_some()));
    let todo_md = todo_needed.then(|| {
        todo(&format!(
            "when and why does {name} return {status}? Answer in the description of its \"{status}\" response in the definition"
        ))
    });
    ErrorIssue {
        status,
        reason: advice.reason.to_string(),
        count,
        share: percent(share),
        definition_md: said
            .as_deref()
            .map(|s| format!("The connector's definition says: {}", quote(s))),
        definition_says: said,
        meaning_md: capitalize(&escape_inline(advice.meaning)),
        fields_md,
        remedy_md,
        todo_md,
    }
}

/// Follows local `$ref`s.
pub fn deref<'a>(root: &'a Node, mut node: &'a Node) -> &'a Node {
    for _ in 0..32 {
        let Some(target) = node.get_str("$ref").and_then(|r| r.strip_prefix('#')) else {
            return node;
        };
        match pointer::resolve(root, target) {
            Some(t) => node = t.node,
            None => return node,
        }
    }
    node
}

/// A field a maker fills in, for advice on 400 responses.
struct Field {
    label: String,
    required: bool,
    expected: Option<String>,
}

fn expected_form(
    type_name: Option<&str>,
    format: Option<&str>,
    enum_values: &[serde_json::Value],
    pattern: Option<&str>,
) -> Option<String> {
    if !enum_values.is_empty() {
        let shown: Vec<String> = enum_values
            .iter()
            .take(6)
            .map(|v| match v {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect();
        let more = if enum_values.len() > 6 { ", …" } else { "" };
        return Some(format!("one of: {}{more}", shown.join(", ")));
    }
    match format.map(str::to_ascii_lowercase).as_deref() {
        Some("date") => return Some("a date such as 2025-01-31".into()),
        Some("date-time") => return Some("a date and time such as 2025-01-31T13:45:00Z".into()),
        Some("email") => return Some("an email address".into()),
        Some("uri" | "url") => return Some("a full URL starting with https://".into()),
        Some("uuid") => return Some("a GUID".into()),
        _ => {}
    }
    if let Some(p) = pattern {
        return Some(format!("text matching the pattern {p}"));
    }
    match type_name {
        Some("integer") => Some("a whole number".into()),
        Some("number") => Some("a number".into()),
        Some("boolean") => Some("true or false".into()),
        _ => None,
    }
}

fn is_internal(node: &Node) -> bool {
    node.get_str("x-ms-visibility") == Some("internal")
}

fn fields(root: &Node, op: &Operation) -> Vec<Field> {
    let mut out = Vec::new();
    for p in &op.parameters {
        if p.visibility.as_deref() == Some("internal") {
            continue;
        }
        if p.location == "body" {
            let Some(param) = pointer::resolve(root, &p.pointer) else {
                continue;
            };
            let Some(schema) = param.node.get("schema").map(|s| deref(root, s)) else {
                continue;
            };
            let required: Vec<&str> = schema
                .get("required")
                .and_then(Node::as_array)
                .map(|a| a.iter().filter_map(Node::as_str).collect())
                .unwrap_or_default();
            for m in schema
                .get("properties")
                .and_then(Node::members)
                .unwrap_or_default()
            {
                let prop = deref(root, &m.value);
                if is_internal(prop) || prop.get("readOnly").and_then(Node::as_bool) == Some(true) {
                    continue;
                }
                let enum_values: Vec<serde_json::Value> = prop
                    .get("enum")
                    .and_then(Node::as_array)
                    .map(|a| a.iter().map(Node::to_value).collect())
                    .unwrap_or_default();
                out.push(Field {
                    label: prop
                        .get_str("x-ms-summary")
                        .map(str::to_string)
                        .unwrap_or_else(|| super::tooltips::label_from_name(&m.key)),
                    required: required.contains(&m.key.as_str()),
                    expected: expected_form(
                        prop.get_str("type"),
                        prop.get_str("format"),
                        &enum_values,
                        prop.get_str("pattern"),
                    ),
                });
            }
            continue;
        }
        out.push(Field {
            label: param_label(p),
            required: p.required,
            expected: expected_form(
                p.type_name.as_deref(),
                p.format.as_deref(),
                &p.enum_values,
                p.pattern.as_deref(),
            ),
        });
    }
    out
}

fn param_label(p: &Parameter) -> String {
    p.summary
        .clone()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| super::tooltips::label_from_name(&p.name))
}

fn list_md(items: &[String]) -> String {
    const MAX: usize = 6;
    let shown: Vec<&String> = items.iter().take(MAX).collect();
    let mut text = match shown.len() {
        0 => String::new(),
        1 => shown[0].clone(),
        n => format!(
            "{} and {}",
            shown[..n - 1]
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            shown[n - 1]
        ),
    };
    if items.len() > MAX {
        text = format!(
            "{}, and {} more",
            shown
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            items.len() - MAX
        );
    }
    text
}

/// "Check that … have a value, and that …" for the operation's fields, or `None` when
/// the operation has no field to name.
fn field_advice(root: &Node, op: &Operation) -> Option<String> {
    let fields = fields(root, op);
    let required: Vec<String> = fields
        .iter()
        .filter(|f| f.required)
        .map(|f| format!("*{}*", escape_inline(&f.label)))
        .collect();
    let formatted: Vec<String> = fields
        .iter()
        .filter_map(|f| {
            let e = f.expected.as_ref()?;
            Some(format!(
                "*{}* ({})",
                escape_inline(&f.label),
                escape_inline(e)
            ))
        })
        .collect();
    if required.is_empty() && formatted.is_empty() {
        return None;
    }
    let mut text = String::new();
    if !required.is_empty() {
        let verb = if required.len() == 1 { "has" } else { "have" };
        text.push_str(&format!(
            "Check that {} {verb} a value.",
            list_md(&required)
        ));
    }
    if !formatted.is_empty() {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&format!("Check the form of {}.", list_md(&formatted)));
    }
    Some(text)
}

/// The sentences of a text that state a limit: a number together with a limit word.
fn limit_sentences(text: &str) -> Vec<String> {
    const WORDS: [&str; 22] = [
        "limit",
        "maximum",
        "max ",
        "at most",
        "up to",
        "no more than",
        "per page",
        "per second",
        "per minute",
        "per hour",
        "per day",
        "timeout",
        "time out",
        "times out",
        "timed out",
        "throttl",
        "quota",
        " mb",
        " kb",
        " gb",
        "requests per",
        "calls per",
    ];
    let mut out = Vec::new();
    for sentence in sentences(text) {
        let lower = format!(" {}", sentence.to_lowercase());
        let has_number = sentence.split_whitespace().any(is_quantity);
        let has_word = WORDS.iter().any(|w| lower.contains(w))
            || lower.contains("mb ")
            || lower.contains("mb.")
            || lower.contains("kb.")
            || lower.contains("gb.");
        if has_number && has_word {
            out.push(sentence);
        }
    }
    out
}

/// A word that is a quantity: `100`, `1,000`, `2.5`, `25MB`, `30s`, `1-2`, `50%` (not an
/// identifier such as `TCA-9999` or `v2`).
fn is_quantity(word: &str) -> bool {
    let w = word.trim_matches(|c: char| {
        matches!(
            c,
            '(' | ')' | ',' | '.' | ';' | ':' | '"' | '\'' | '!' | '?'
        )
    });
    if !w.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let digits = w
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, ',' | '.' | '-')))
        .map_or(w.len(), |(i, _)| i);
    let unit = &w[digits..];
    unit.len() <= 3 && unit.chars().all(|c| c.is_ascii_alphabetic() || c == '%')
}

fn is_rate_sentence(s: &str) -> bool {
    let l = s.to_lowercase();
    l.contains("rate limit")
        || l.contains("throttl")
        || l.contains("quota")
        || [
            "per second",
            "per minute",
            "per hour",
            "per day",
            "a second",
            "a minute",
            "an hour",
            "a day",
            "/s",
            "/min",
        ]
        .iter()
        .any(|w| l.contains(w))
            && (l.contains("request") || l.contains("call"))
}

fn sentences(text: &str) -> Vec<String> {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = flat.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        current.push(c);
        let end = matches!(c, '.' | '!' | '?')
            && chars.get(i + 1).is_none_or(|n| *n == ' ')
            && !chars.get(i.wrapping_sub(1)).is_some_and(|p| {
                p.is_ascii_digit() && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit())
            });
        if end {
            out.push(current.trim().to_string());
            current.clear();
        }
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_string());
    }
    out
}

fn quote(text: &str) -> String {
    format!("\u{201c}{}\u{201d}", escape_inline(text))
}

fn number_of(node: &Node, key: &str) -> Option<String> {
    match &node.get(key)?.kind {
        crate::syntax::NodeKind::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Limits the definition and apiProperties.json state.
fn limits(inputs: &Inputs, names: &[String]) -> Vec<Limit> {
    let mut out = Vec::new();
    // Throttling policies.
    let policies = inputs
        .properties
        .and_then(|p| p.get("properties"))
        .and_then(|p| p.get("policyTemplateInstances"))
        .and_then(Node::as_array)
        .unwrap_or_default();
    for policy in policies {
        let id = policy
            .get_str("templateId")
            .unwrap_or_default()
            .to_ascii_lowercase();
        if !["ratelimit", "rate-limit", "throttl", "quota"]
            .iter()
            .any(|w| id.contains(w))
        {
            continue;
        }
        let params = policy.get("parameters");
        let find = |words: &[&str]| {
            params.and_then(Node::members).and_then(|ms| {
                ms.iter().find_map(|m| {
                    let k = m.key.to_ascii_lowercase();
                    if !words.iter().any(|w| k.contains(w)) {
                        return None;
                    }
                    match &m.value.kind {
                        crate::syntax::NodeKind::Number(n) => Some(n.to_string()),
                        crate::syntax::NodeKind::String(s) if s.trim().parse::<f64>().is_ok() => {
                            Some(s.trim().to_string())
                        }
                        _ => None,
                    }
                })
            })
        };
        let calls = find(&["calls", "count", "limit"]);
        let period = find(&["renewal", "period", "seconds", "interval"]);
        let ops: Vec<String> = params
            .and_then(|p| p.get("x-ms-apimTemplate-operationName"))
            .and_then(Node::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Node::as_str)
                    .map(|id| {
                        inputs
                            .definition
                            .operations
                            .iter()
                            .position(|o| o.operation_id.as_deref() == Some(id))
                            .map_or_else(|| id.to_string(), |i| names[i].clone())
                    })
                    .map(|n| format!("**{}**", escape_inline(&n)))
                    .collect()
            })
            .unwrap_or_default();
        let scope_md = if ops.is_empty() {
            "all actions".to_string()
        } else {
            list_md(&ops)
        };
        let (text_md, rate_md) = match (calls, period) {
            (Some(c), Some(p)) => {
                let limit = format!(
                    "at most {} calls every {} seconds per connection",
                    escape_inline(&c),
                    escape_inline(&p)
                );
                (
                    format!(
                        "A throttling policy of the connector allows {limit} for {scope_md}; more calls fail with 429 Too Many Requests."
                    ),
                    format!("The connector's throttling policy allows {limit}."),
                )
            }
            _ => {
                let title = escape_inline(policy.get_str("title").unwrap_or(&id));
                (
                    format!(
                        "A throttling policy of the connector ({title}) limits how often {scope_md} can be called; calls over the limit fail with 429 Too Many Requests."
                    ),
                    format!("The connector has a throttling policy ({title})."),
                )
            }
        };
        out.push(Limit {
            kind: "rate".into(),
            scope: None,
            text_md,
            rate_md: Some(rate_md),
        });
    }
    let stated = |scope: Option<&str>, whose_md: String, s: &str| {
        let rate = is_rate_sentence(s);
        Limit {
            kind: if rate { "rate" } else { "stated" }.into(),
            scope: scope.map(str::to_string),
            text_md: format!("{whose_md} says: {}", quote(s)),
            rate_md: rate.then(|| format!("The definition documents this limit: {}", quote(s))),
        }
    };
    // Limits stated in the connector's description.
    if let Some(desc) = inputs
        .root
        .get("info")
        .and_then(|i| i.get_str("description"))
    {
        for s in limit_sentences(desc) {
            out.push(stated(None, "The connector's description".into(), &s));
        }
    }
    for (i, op) in inputs.definition.operations.iter().enumerate() {
        if op.visibility.as_deref() == Some("internal") {
            continue;
        }
        let name_md = format!("**{}**", escape_inline(&names[i]));
        let op_node = pointer::resolve(inputs.root, &op.pointer).map(|t| t.node);
        if let Some(desc) = &op.description {
            for s in limit_sentences(desc) {
                out.push(stated(
                    Some(&names[i]),
                    format!("The description of {name_md}"),
                    &s,
                ));
            }
        }
        if op_node.is_some_and(|n| n.get("x-ms-pageable").is_some()) {
            out.push(Limit {
                kind: "paging".into(),
                scope: Some(names[i].clone()),
                text_md: format!(
                    "{name_md} returns its results in pages: to get more than the first page in a flow, turn on Pagination in the action's settings."
                ),
                rate_md: None,
            });
        }
        for p in &op.parameters {
            if p.visibility.as_deref() == Some("internal") || p.location == "body" {
                continue;
            }
            let Some(node) = pointer::resolve(inputs.root, &p.pointer).map(|t| t.node) else {
                continue;
            };
            let schema = node.get("schema").map(|s| deref(inputs.root, s));
            let get = |k: &str| number_of(node, k).or_else(|| schema.and_then(|s| number_of(s, k)));
            let label = escape_inline(&param_label(p));
            let mut value = |text_md: String| {
                out.push(Limit {
                    kind: "value".into(),
                    scope: Some(names[i].clone()),
                    text_md,
                    rate_md: None,
                })
            };
            if let Some(max) = get("maximum") {
                value(format!(
                    "In {name_md}, *{label}* accepts at most {}.",
                    escape_inline(&max)
                ));
            }
            if let Some(max) = get("maxLength") {
                value(format!(
                    "In {name_md}, *{label}* accepts at most {} characters.",
                    escape_inline(&max)
                ));
            }
            if let Some(max) = get("maxItems") {
                value(format!(
                    "In {name_md}, *{label}* accepts at most {} items.",
                    escape_inline(&max)
                ));
            }
            if let Some(desc) = &p.description {
                let binary =
                    p.type_name.as_deref() == Some("file") || p.format.as_deref() == Some("binary");
                for s in limit_sentences(desc)
                    .into_iter()
                    .filter(|s| binary || is_size_sentence(s))
                {
                    out.push(Limit {
                        kind: "size".into(),
                        scope: Some(names[i].clone()),
                        text_md: format!(
                            "In {name_md}, the description of *{label}* says: {}",
                            quote(&s)
                        ),
                        rate_md: None,
                    });
                }
            }
        }
    }
    out
}

fn is_size_sentence(s: &str) -> bool {
    let l = format!(" {} ", s.to_lowercase());
    [
        " mb",
        " kb",
        " gb",
        "mb ",
        "kb ",
        "gb ",
        "mb.",
        "kb.",
        "gb.",
        "file size",
        "size limit",
    ]
    .iter()
    .any(|w| l.contains(w))
}

/// Where a status is seen or documented (as Markdown), how often, and whether one of
/// the places says why.
type Places = (Vec<String>, u64, bool);

fn common_errors(
    inputs: &Inputs,
    names: &[String],
    operations: &[OperationIssues],
    auth: AuthKind,
    rate_limit: Option<&str>,
) -> Vec<CommonError> {
    // status → where it is seen or documented, total count, whether a place says why
    let mut by_status: BTreeMap<u16, Places> = BTreeMap::new();
    let place = |name: &str, detail: Option<String>, said: Option<&str>| {
        let mut parts: Vec<String> = detail.into_iter().collect();
        if let Some(s) = said {
            parts.push(format!("the definition says {}", quote(s)));
        }
        if parts.is_empty() {
            format!("**{}**", escape_inline(name))
        } else {
            format!("**{}** ({})", escape_inline(name), parts.join("; "))
        }
    };
    if inputs.stats.is_some() {
        for op in operations {
            for e in &op.errors {
                let entry = by_status.entry(e.status).or_default();
                entry.0.push(place(
                    &op.name,
                    Some(format!("{} of calls", e.share)),
                    e.definition_says.as_deref(),
                ));
                entry.1 += e.count;
                entry.2 |= e.definition_says.is_some();
            }
        }
    } else {
        for (i, op) in inputs.definition.operations.iter().enumerate() {
            if op.visibility.as_deref() == Some("internal") || op.deprecated {
                continue;
            }
            for r in op.responses.iter().flat_map(|r| &r.entries) {
                if let ResponseCode::Status(s) = r.code {
                    if s >= 400 {
                        let said = definition_says(op, s);
                        let entry = by_status.entry(s).or_default();
                        entry.0.push(place(&names[i], None, said.as_deref()));
                        entry.2 |= said.is_some();
                    }
                }
            }
        }
        if rate_limit.is_some() {
            by_status.entry(429).or_default();
        }
    }
    let mut statuses: Vec<(u16, Places)> = by_status.into_iter().collect();
    if inputs.stats.is_some() {
        statuses.sort_by(|a, b| b.1 .1.cmp(&a.1 .1).then(a.0.cmp(&b.0)));
    }
    statuses
        .into_iter()
        .map(|(status, (places, _, explained))| {
            let advice = knowledge::advice(status, auth);
            let mut remedy_md = escape_inline(&advice.remedy);
            if status == 429 {
                if let Some(limit) = rate_limit {
                    remedy_md.push(' ');
                    remedy_md.push_str(limit);
                }
            }
            let where_md = if places.is_empty() {
                String::new()
            } else if inputs.stats.is_some() {
                format!("Seen in {}.", list_md(&places))
            } else {
                format!("Documented for {}.", list_md(&places))
            };
            let documented_limit = status == 429 && rate_limit.is_some();
            let todo_md = (!advice.cause_known && !explained && !documented_limit).then(|| {
                todo(&format!(
                    "say what usually causes {status} with this connector and how makers avoid it"
                ))
            });
            CommonError {
                status,
                reason: advice.reason.to_string(),
                meaning_md: capitalize(&escape_inline(advice.meaning)),
                remedy_md,
                where_md,
                todo_md,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_limit_sentences() {
        let s = limit_sentences("Lists items. The API allows 100 requests per minute. Files up to 25 MB. Version 1.2 only.");
        assert_eq!(
            s,
            vec![
                "The API allows 100 requests per minute.",
                "Files up to 25 MB."
            ]
        );
        assert!(is_rate_sentence(&s[0]));
        assert!(!is_rate_sentence(&s[1]));
        assert!(is_size_sentence(&s[1]));
    }

    #[test]
    fn quantities_are_not_identifiers() {
        assert!(
            is_quantity("100")
                && is_quantity("25MB")
                && is_quantity("1,000.")
                && is_quantity("1-2")
        );
        assert!(!is_quantity("TCA-9999") && !is_quantity("v2") && !is_quantity("abc"));
        assert!(limit_sentences("TCA-9999 Returns current quota limits.").is_empty());
    }
}
