//! What a rule is, independent of any run: its metadata ([`RuleMeta`]), what it looks
//! at ([`Scope`]), the certification profiles that set its severity ([`Profile`]), and
//! [`declare_rule!`](crate::declare_rule), which turns a rule's doc comment into the
//! text `connlint explain` prints. Below the rules, so that the driver, the policy and
//! the reporters can name a rule without the rule set.

use super::{Applicability, Diagnostic, Severity};

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
    /// The definitions a definition rule applies to: the driver runs a `Swagger2` rule
    /// only on Swagger 2.0 documents.
    pub applies_to: Spec,
    /// The severity for custom connectors (the `custom` profile), when it differs: rules
    /// certification enforces are often only advice for a connector nobody certifies.
    pub custom_severity: Option<Severity>,
    /// The kind of fix the rule offers with its findings, when it can offer one.
    pub fix: Option<Applicability>,
    /// Where the requirement comes from: Microsoft's page, template or schema.
    pub source: Option<&'static str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// Reported while reading a file (syntax, encoding).
    File,
    /// Run over a definition's model.
    Definition,
    /// The connector folder: which files exist, apiProperties.json, readme.md and
    /// intro.md (some of them compared with the definition).
    Connector,
    /// Run when observed statistics are given.
    Statistics,
    /// Run with a previous version (`check --previous`): what changed between the two.
    Change,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::File => "file",
            Scope::Definition => "definition",
            Scope::Connector => "connector",
            Scope::Statistics => "statistics",
            Scope::Change => "change",
        }
    }
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
            $(applies_to: $applies:ident,)?
            $(custom: $custom:ident,)?
            $(fix: $fix:ident,)?
            $(source: $source:literal,)?
            summary: $summary:literal $(,)?
        };
    ) => {
        $(#[doc = $doc])*
        pub static $name: $crate::diagnostic::rule::RuleMeta = $crate::diagnostic::rule::RuleMeta {
            id: $id,
            default_severity: $crate::diagnostic::Severity::$sev,
            summary: $summary,
            doc: concat!($($doc, "\n"),*),
            scope: $crate::diagnostic::rule::Scope::$scope,
            applies_to: $crate::declare_rule!(@applies $($applies)?),
            custom_severity: $crate::declare_rule!(@custom $($custom)?),
            fix: $crate::declare_rule!(@fix $($fix)?),
            source: $crate::declare_rule!(@source $($source)?),
        };
    };
    (@fix) => { None };
    (@fix $fix:ident) => { Some($crate::diagnostic::Applicability::$fix) };
    (@source) => { None };
    (@source $source:literal) => { Some($source) };
    (@applies) => { $crate::diagnostic::rule::Spec::Any };
    (@applies $applies:ident) => { $crate::diagnostic::rule::Spec::$applies };
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

/// Which definitions a definition rule applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Spec {
    /// Any definition connlint reads.
    Any,
    /// Swagger 2.0 documents only (not OpenAPI 3, not an unknown version): the rule
    /// checks something Swagger 2.0 defines.
    Swagger2,
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
