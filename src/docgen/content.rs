//! What the generated sections say: the facts from the definition, apiProperties.json
//! and (when given) the statistics, as a serialisable context for the templates.
//!
//! Field naming contract for templates: a field whose name ends in `_md` holds Markdown
//! connlint built and escaped (printed as is); every other string is plain text from the
//! definition or the statistics and is escaped for Markdown when a template prints it.

use std::collections::BTreeMap;

use serde::Serialize;

use super::facts;
use super::knowledge::{self, AuthKind};
use super::markdown::{comment_text, escape_inline};
use super::topics::{self, Entry};
use crate::model::Definition;
use crate::stats::{StatsReport, Thresholds};
use crate::syntax::Node;
use crate::text::percent;

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
    /// The connector's Markdown files (readme.md, intro.md) without the generated
    /// sections: the generator reads the limits they state.
    pub docs: Vec<String>,
    /// The publisher's own text kept in the section (below its end marker, or a
    /// hand-written section): no TODO asks what it already answers, and no limit it
    /// states is repeated.
    pub notes: String,
}

/// The template context.
#[derive(Debug, Clone, Serialize)]
pub struct IntroContext {
    pub doc: DocKind,
    pub connector: ConnectorInfo,
    pub known_issues_heading: String,
    pub common_errors_heading: String,
    /// Whether a "Common errors and remedies" section is generated too.
    pub with_common_errors: bool,
    /// apiProperties.json `publisher`.
    pub publisher: Option<String>,
    /// The actions makers see, for a new readme's "Supported Operations".
    pub supported_operations: Vec<SupportedOperation>,
    pub definition_file: String,
    /// The section's bullets, by topic, costliest first: documentation, with no figure
    /// from the statistics.
    pub entries: Vec<Entry>,
    /// The figures, for custom templates (the built-in ones never print them).
    pub stats: Option<StatsInfo>,
    /// Operations with material errors, most errors first, with their figures.
    pub operations: Vec<OperationIssues>,
    /// The statuses of the entries, for "Common errors and remedies".
    pub common_errors: Vec<CommonError>,
    /// Whether anything at all was found for the Known issues section.
    pub has_content: bool,
    /// Whether something beyond the connection was found: a section that only says how
    /// to connect asks the publisher for the rest.
    pub beyond_connection: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct SupportedOperation {
    pub name: String,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ConnectorInfo {
    pub title: Option<String>,
    /// How the text names the service.
    pub service: String,
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
    /// The action's display name.
    pub name: String,
    pub operation_id: Option<String>,
    /// "trigger", "internal operation, not shown to makers", "deprecated".
    pub note: Option<String>,
    pub requests: u64,
    pub errors: Vec<ErrorFigure>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ErrorFigure {
    pub status: u16,
    pub reason: String,
    pub count: u64,
    /// "3.5%".
    pub share: String,
    /// What the status means for a maker.
    pub meaning: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CommonError {
    pub status: u16,
    pub reason: String,
    /// What the status means for a maker.
    pub meaning: String,
    /// The actions whose entries document it, as Markdown.
    pub where_md: String,
}

/// Builds the context.
pub fn build(inputs: &Inputs) -> IntroContext {
    let def = inputs.definition;
    let facts = facts::gather(inputs.root, def, inputs.properties, &inputs.docs);
    let entries = topics::entries(&facts, inputs.stats, inputs.thresholds, &inputs.notes);
    let material = topics::Material(inputs.thresholds);
    let mut operations: Vec<(u64, OperationIssues)> = Vec::new();
    if let Some(stats) = inputs.stats {
        for s in &stats.operations {
            let Some(f) = facts.ops.iter().find(|f| f.op.pointer == s.pointer) else {
                continue;
            };
            let errors: Vec<ErrorFigure> = s
                .errors
                .iter()
                .filter(|e| material.includes(e.status, e.count, e.share))
                .map(|e| ErrorFigure {
                    status: e.status,
                    reason: knowledge::reason(e.status).into(),
                    count: e.count,
                    share: percent(e.share),
                    meaning: knowledge::meaning(e.status).into(),
                })
                .collect();
            if errors.is_empty() {
                continue;
            }
            let note = if f.deprecated {
                Some("deprecated".into())
            } else if f.is_trigger() {
                Some("trigger".into())
            } else if f.internal {
                Some("internal operation, not shown to makers".into())
            } else {
                None
            };
            operations.push((
                errors.iter().map(|e| e.count).sum(),
                OperationIssues {
                    name: f.name.clone(),
                    operation_id: f.op.operation_id.clone(),
                    note,
                    requests: s.responses.requests,
                    errors,
                },
            ));
        }
    }
    operations.sort_by_key(|o| std::cmp::Reverse(o.0));
    let common_errors = common_errors(&entries, inputs.stats.is_some());
    let has_content = entries.iter().any(|e| !e.text_md.is_empty());
    let beyond_connection = entries
        .iter()
        .any(|e| !e.text_md.is_empty() && e.topic != topics::Topic::Connection);
    IntroContext {
        doc: inputs.doc,
        connector: connector_info(inputs, &facts),
        known_issues_heading: inputs.doc.known_issues_heading().into(),
        common_errors_heading: inputs.doc.common_errors_heading().into(),
        with_common_errors: false,
        publisher: inputs
            .properties
            .and_then(|p| p.get("properties"))
            .and_then(|p| p.get_str("publisher"))
            .map(str::to_string),
        supported_operations: facts
            .ops
            .iter()
            .filter(|f| f.visible() && !f.deprecated)
            .map(|f| SupportedOperation {
                name: f.name.clone(),
                description: f.op.description.clone(),
            })
            .collect(),
        definition_file: inputs.definition_name.clone(),
        entries,
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
        operations: operations.into_iter().map(|(_, o)| o).collect(),
        common_errors,
        has_content,
        beyond_connection,
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

fn connector_info(inputs: &Inputs, facts: &facts::ConnectorFacts) -> ConnectorInfo {
    let info = inputs.root.get("info");
    let auth = facts.connection.auth;
    ConnectorInfo {
        title: inputs.definition.title.clone(),
        service: facts.service.clone(),
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
        connection_parameters: facts
            .connection
            .fields
            .iter()
            .map(|f| f.label.clone())
            .collect(),
    }
}

/// The statuses the entries document, each once, with the actions concerned: where they
/// were seen (with statistics) or are documented (without).
fn common_errors(entries: &[Entry], observed: bool) -> Vec<CommonError> {
    let lead = if observed {
        "Seen in"
    } else {
        "Documented for"
    };
    let mut by_status: BTreeMap<u16, Vec<String>> = BTreeMap::new();
    for e in entries {
        for &s in &e.statuses {
            let places = by_status.entry(s).or_default();
            for a in &e.actions {
                if !places.contains(a) {
                    places.push(a.clone());
                }
            }
        }
    }
    by_status
        .into_iter()
        .map(|(status, actions)| {
            let names: Vec<String> = actions
                .iter()
                .take(4)
                .map(|a| format!("**{}**", escape_inline(a)))
                .collect();
            let where_md = match names.len() {
                0 => String::new(),
                1 => format!("{lead} {}.", names[0]),
                n => format!("{lead} {} and {}.", names[..n - 1].join(", "), names[n - 1]),
            };
            CommonError {
                status,
                reason: knowledge::reason(status).into(),
                meaning: knowledge::meaning(status).into(),
                where_md,
            }
        })
        .collect()
}
