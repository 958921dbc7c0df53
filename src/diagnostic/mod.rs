//! The one diagnostic type every rule produces and every reporter reads.

pub mod rule;

use crate::source::Span;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a file is to a connector.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FileKind {
    Definition,
    Properties,
    Readme,
    Intro,
    /// A certification package (`.zip`: intro.md and the solution zip).
    Package,
}

/// A finding, located by JSON pointer (resolved to a span at report time) or by an
/// explicit span (syntax problems, where no tree exists).
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub severity: Severity,
    /// Lower-case start, no trailing period.
    pub message: String,
    /// Most rules give the same advice every time: a borrowed `&'static str` then costs
    /// nothing per finding (a corpus run has tens of thousands).
    pub help: Option<std::borrow::Cow<'static, str>>,
    /// RFC 6901 pointer into the file; `None` for problems found before a tree exists.
    pub pointer: Option<String>,
    /// Overrides the span the pointer resolves to.
    pub span: Option<Span>,
    pub operation_id: Option<String>,
    /// Secondary places, with a label each.
    pub related: Vec<(Span, String)>,
    /// Secondary places given by JSON pointer into the same file, with a label each;
    /// resolved into [`Diagnostic::related`] with the primary place.
    pub related_at: Vec<(String, String)>,
    /// Which of the connector's files the pointer or span refers to.
    pub file: FileKind,
    /// A change that resolves the finding, when the rule knows one.
    pub fix: Option<Fix>,
}

/// Whether `connlint check --fix` may apply a fix on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// The change is mechanical and keeps the author's intent (a value in its canonical
    /// case, a missing `x-ms-url-encoding`): `--fix` applies it.
    Safe,
    /// The change needs a human's judgement (a suggested description, a renamed
    /// parameter): shown, and applied only with `--unsafe-fixes`.
    Unsafe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        }
    }
}

/// A suggested change to the file the diagnostic is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// What the change does, e.g. `add "x-ms-summary": "Ticket ID"`.
    pub description: String,
    pub applicability: Applicability,
    /// Non-overlapping edits, in file order.
    pub edits: Vec<TextEdit>,
}

/// An `x-connlint-ignore` entry of a definition: it suppresses the findings of `rule` at
/// or below `scope`. Read by the `suppression-invalid` rule, applied by the policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// The object carrying `x-connlint-ignore`: findings at or below it are covered.
    pub scope: String,
    pub rule: String,
    pub reason: String,
    /// Where the entry is written (its pointer), for the unused report.
    pub pointer: String,
}

/// The extension key of suppressions in a definition.
pub const IGNORE_KEY: &str = "x-connlint-ignore";

/// Replace the bytes of `span` (empty for an insertion) with `insert`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextEdit {
    pub span: Span,
    pub insert: String,
}

impl Diagnostic {
    pub fn new(rule: &'static str, severity: Severity, message: impl Into<String>) -> Self {
        Diagnostic {
            rule,
            severity,
            message: message.into(),
            help: None,
            pointer: None,
            span: None,
            operation_id: None,
            related: Vec::new(),
            related_at: Vec::new(),
            file: FileKind::Definition,
            fix: None,
        }
    }
    pub fn fix(mut self, fix: Option<Fix>) -> Self {
        self.fix = fix;
        self
    }
    /// Points the diagnostic into another of the connector's files.
    pub fn in_file(mut self, file: FileKind) -> Self {
        self.file = file;
        self
    }
    pub fn at(mut self, pointer: impl Into<String>) -> Self {
        self.pointer = Some(pointer.into());
        self
    }
    pub fn with_span(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }
    pub fn help(mut self, help: impl Into<std::borrow::Cow<'static, str>>) -> Self {
        self.help = Some(help.into());
        self
    }
    pub fn operation(mut self, id: Option<&str>) -> Self {
        self.operation_id = id.map(str::to_string);
        self
    }
    pub fn related(mut self, span: Span, label: impl Into<String>) -> Self {
        self.related.push((span, label.into()));
        self
    }
    /// A secondary place by JSON pointer (in the diagnostic's file), e.g. the other of two
    /// clashing operations.
    pub fn related_at(mut self, pointer: impl Into<String>, label: impl Into<String>) -> Self {
        self.related_at.push((pointer.into(), label.into()));
        self
    }
}
