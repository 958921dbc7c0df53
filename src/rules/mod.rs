//! Rules: pure functions over the connector model that produce diagnostics.
//!
//! Each rule lives in its own file and is declared with [`declare_rule!`], which turns the
//! rule's doc comment into the text `connlint explain` prints. The doc's ```` ```json ````
//! blocks under `## Example` must trigger the rule and those under `## Use instead` must
//! not; a test runs them.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Definition, Operation};
use crate::syntax::Node;

/// What a rule is, independent of any run.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable id, kebab-case. Never reused.
    pub id: &'static str,
    pub default_severity: Severity,
    /// One line.
    pub summary: &'static str,
    /// Markdown, from the rule's doc comment.
    pub doc: &'static str,
    /// What the rule looks at.
    pub scope: Scope,
    /// The severity for custom connectors (the `custom` profile), when it differs: rules
    /// certification enforces are often only advice for a connector nobody certifies.
    pub custom_severity: Option<Severity>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// Reported while reading a file (syntax, encoding).
    File,
    /// Run over a definition's model.
    Definition,
    /// Run when observed statistics are given.
    Statistics,
}

/// Declares a rule's metadata from its doc comment.
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub static $name:ident = {
            id: $id:literal,
            severity: $sev:ident,
            scope: $scope:ident,
            $(custom: $custom:ident,)?
            summary: $summary:literal $(,)?
        };
    ) => {
        $(#[doc = $doc])*
        pub static $name: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
            id: $id,
            default_severity: $crate::diagnostic::Severity::$sev,
            summary: $summary,
            doc: concat!($($doc, "\n"),*),
            scope: $crate::rules::Scope::$scope,
            custom_severity: $crate::declare_rule!(@custom $($custom)?),
        };
    };
    (@custom) => { None };
    (@custom $custom:ident) => { Some($crate::diagnostic::Severity::$custom) };
}

impl RuleMeta {
    /// Starts a diagnostic of this rule at its default severity.
    pub fn diagnostic(&'static self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.id, self.default_severity, message)
    }
    /// The severity of this rule's findings for a profile, before configuration.
    pub fn severity_for(&self, profile: Profile) -> Severity {
        match (profile, self.custom_severity) {
            (Profile::Custom, Some(s)) => s,
            _ => self.default_severity,
        }
    }
    /// The doc with the one leading space of each doc-comment line removed.
    pub fn doc_text(&self) -> String {
        self.doc
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The kind of connector, which decides what certification asks of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Profile {
    /// `certified-connectors/`: verified publishers.
    Certified,
    /// `independent-publisher-connectors/`.
    IndependentPublisher,
    /// Anything else: a custom connector.
    Custom,
}

impl Profile {
    /// Detects the profile from the folder names above a connector.
    pub fn detect(dir: &std::path::Path) -> Profile {
        for c in dir.components().rev() {
            let name = c.as_os_str().to_string_lossy().to_ascii_lowercase();
            match name.as_str() {
                "certified-connectors" => return Profile::Certified,
                "independent-publisher-connectors" => return Profile::IndependentPublisher,
                _ => {}
            }
        }
        Profile::Custom
    }
}

/// A Markdown document of the connector (readme.md or intro.md).
pub struct ConnectorDoc<'a> {
    pub kind: crate::discover::FileKind,
    pub text: &'a str,
}

/// What every connector rule sees: the files that could be read.
pub struct ConnectorContext<'a> {
    pub dir: &'a std::path::Path,
    pub profile: Profile,
    /// apiProperties.json, when present and readable.
    pub properties: Option<&'a Node>,
    pub docs: Vec<ConnectorDoc<'a>>,
}

/// What a definition rule sees.
pub struct DefinitionContext<'a> {
    pub root: &'a Node,
    pub definition: &'a Definition,
    pub connector: &'a ConnectorContext<'a>,
    /// The definition's text and format, for rules that offer a fix as a text edit.
    pub text: &'a str,
    pub format: crate::syntax::Format,
}

impl DefinitionContext<'_> {
    /// A fix that adds `key: value` to the object at `pointer`, written in the style of
    /// its siblings (the same edit `connlint tooltips --write` makes).
    pub fn add_key_fix(
        &self,
        pointer: &str,
        key: &str,
        value: &str,
    ) -> Option<crate::diagnostic::Fix> {
        let edit = crate::docgen::edit::KeyEdit {
            pointer: pointer.to_string(),
            key: key.to_string(),
            value: value.to_string(),
            replace: false,
        };
        let splices = crate::docgen::edit::plan(self.text, self.root, self.format, &[edit]).ok()?;
        Some(crate::diagnostic::Fix {
            description: format!(
                "add {}: {}",
                serde_json::to_string(key).ok()?,
                serde_json::to_string(value).ok()?
            ),
            edits: splices
                .into_iter()
                .map(|s| crate::diagnostic::TextEdit {
                    span: crate::source::Span::new(s.at, s.at + s.remove),
                    insert: s.insert,
                })
                .collect(),
        })
    }
}

impl DefinitionContext<'_> {
    pub fn operations(&self) -> &[Operation] {
        &self.definition.operations
    }
}

pub type DefinitionCheck = fn(&DefinitionContext, &mut Vec<Diagnostic>);
pub type ConnectorCheck = fn(&ConnectorContext, &mut Vec<Diagnostic>);

pub mod byte_order_mark;
pub mod deprecated_in_use;
pub mod deprecated_marker_without_flag;
pub mod deprecated_operation;
pub mod duplicate_key;
pub mod file_unreadable;
pub mod high_error_rate;
pub mod invalid_reference;
pub mod invalid_utf8;
pub mod missing_error_responses;
pub mod operation_id_required;
pub mod operation_id_unique;
pub mod operation_summary_required;
pub mod param_description_required;
pub mod param_x_ms_summary_required;
pub mod superseded_path;
pub mod suppression_invalid;
pub mod suppression_unused;
pub mod syntax_error;
pub mod undocumented_error_status;
pub mod unknown_operation;
pub mod unknown_spec_version;
pub mod unused_operation;

pub mod deprecation;

/// Rules over a definition, in the order they run.
pub static DEFINITION_RULES: &[(&RuleMeta, DefinitionCheck)] = &[
    (&invalid_reference::RULE, invalid_reference::check),
    (&unknown_spec_version::RULE, unknown_spec_version::check),
    (&operation_id_required::RULE, operation_id_required::check),
    (&operation_id_unique::RULE, operation_id_unique::check),
    (
        &operation_summary_required::RULE,
        operation_summary_required::check,
    ),
    (
        &param_x_ms_summary_required::RULE,
        param_x_ms_summary_required::check,
    ),
    (
        &param_description_required::RULE,
        param_description_required::check,
    ),
    (
        &missing_error_responses::RULE,
        missing_error_responses::check,
    ),
    (&deprecated_operation::RULE, deprecated_operation::check),
    (
        &deprecated_marker_without_flag::RULE,
        deprecated_marker_without_flag::check,
    ),
    (&superseded_path::RULE, superseded_path::check),
];

/// Rules over the connector's other files (apiProperties.json, readme/intro.md); they
/// run even when the definition cannot be read.
pub static CONNECTOR_RULES: &[(&RuleMeta, ConnectorCheck)] = &[];

/// Every rule, sorted by id.
pub fn all() -> Vec<&'static RuleMeta> {
    let mut rules: Vec<&'static RuleMeta> = vec![
        &byte_order_mark::RULE,
        &duplicate_key::RULE,
        &file_unreadable::RULE,
        &invalid_utf8::RULE,
        &suppression_invalid::RULE,
        &suppression_unused::RULE,
        &syntax_error::RULE,
    ];
    rules.extend(DEFINITION_RULES.iter().map(|(m, _)| *m));
    rules.extend(CONNECTOR_RULES.iter().map(|(m, _)| *m));
    rules.extend(crate::stats::STATISTICS_RULES.iter().copied());
    rules.sort_by_key(|r| r.id);
    rules
}

/// The rule with this id (a lookup table built once).
pub fn find(id: &str) -> Option<&'static RuleMeta> {
    static BY_ID: std::sync::OnceLock<std::collections::HashMap<&'static str, &'static RuleMeta>> =
        std::sync::OnceLock::new();
    BY_ID
        .get_or_init(|| all().into_iter().map(|r| (r.id, r)).collect())
        .get(id)
        .copied()
}

/// Runs every definition rule.
pub fn check_definition(ctx: &DefinitionContext) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (_, check) in DEFINITION_RULES {
        check(ctx, &mut out);
    }
    out
}

/// Runs every connector rule.
pub fn check_connector(ctx: &ConnectorContext) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (_, check) in CONNECTOR_RULES {
        check(ctx, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profiles_from_folders() {
        use std::path::Path;
        assert_eq!(
            Profile::detect(Path::new("repo/certified-connectors/Foo")),
            Profile::Certified
        );
        assert_eq!(
            Profile::detect(Path::new("/x/Independent-Publisher-Connectors/Foo")),
            Profile::IndependentPublisher
        );
        assert_eq!(Profile::detect(Path::new("my/connector")), Profile::Custom);
    }
}
