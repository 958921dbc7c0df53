//! What a check found: the checked connectors, their files and findings, placed at a
//! line and column, and the counts of a run. The lint driver makes them; the policy,
//! the fix loop and the reporters read them.

use std::path::PathBuf;
use std::sync::Arc;

use serde::Serialize;

use crate::diagnostic::FileKind;
use crate::diagnostic::{Diagnostic, Directive, Severity};
use crate::model::Definition;
use crate::source::{LineCol, SourceFile, Span};
use crate::syntax::{pointer, Node};

/// How a file fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FileStatus {
    /// Read and linted.
    Ok,
    /// Syntax errors were recovered from; the rest was linted.
    Recovered,
    /// Could not be read or parsed; nothing in it was linted.
    Unreadable,
}

/// A file of a connector, after linting.
#[derive(Debug, Clone)]
pub struct CheckedFile {
    pub path: PathBuf,
    pub kind: FileKind,
    pub status: FileStatus,
    /// Kept for renderers that show source snippets.
    pub source: Option<Arc<SourceFile>>,
}

/// Where a diagnostic is, resolved from its pointer or span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub span: Span,
    /// 1-based; columns count characters.
    pub start: LineCol,
    pub end: LineCol,
    /// Columns counted in UTF-16 code units (SARIF's default `columnKind`).
    pub start_utf16_column: usize,
    pub end_utf16_column: usize,
}

impl Location {
    /// The line and columns of a span.
    pub fn of(span: Span, source: &SourceFile) -> Location {
        Location {
            span,
            start: source.line_col(span.start as usize),
            end: source.line_col(span.end as usize),
            start_utf16_column: source.line_col_utf16(span.start as usize).column,
            end_utf16_column: source.line_col_utf16(span.end as usize).column,
        }
    }
}

/// A diagnostic attached to a file and a position.
#[derive(Debug, Clone)]
pub struct Finding {
    pub diagnostic: Diagnostic,
    /// Index into [`CheckedConnector::files`]; `None` for connector-level findings.
    pub file: Option<usize>,
    pub location: Option<Location>,
}

/// An `x-connlint-ignore` entry, with its file index and place (found while the tree
/// existed), for the unused-suppression report.
#[derive(Debug, Clone)]
pub struct PlacedDirective {
    pub directive: Directive,
    pub location: Option<(usize, Location)>,
}

/// One connector, after linting.
#[derive(Debug)]
pub struct CheckedConnector {
    pub dir: PathBuf,
    pub files: Vec<CheckedFile>,
    pub findings: Vec<Finding>,
    pub operations: usize,
    /// The model, for the statistics join (kept only when asked for).
    pub definition: Option<Definition>,
    /// apiProperties.json's tree, for the statistics join (kept only when asked for).
    pub properties: Option<Node>,
    /// The definition's tree and source, to place findings added later (statistics).
    pub(crate) definition_tree: Option<(Node, Arc<SourceFile>, usize)>,
    /// The definition's `x-connlint-ignore` entries.
    pub directives: Vec<PlacedDirective>,
    /// Problems that are not findings in the connector's files (an unreadable previous
    /// version), for the command to print.
    pub notes: Vec<String>,
}

impl CheckedConnector {
    /// Adds findings found after linting (the statistics join), placing them in the
    /// definition. A finding replaces an earlier one of the same rule at the same pointer
    /// (e.g. `missing-error-responses` raised to an error by observed errors).
    pub fn add_definition_findings(&mut self, diagnostics: Vec<Diagnostic>) {
        let Some((root, source, index)) = &self.definition_tree else {
            return;
        };
        let added = resolve(diagnostics, Some(root), source, *index);
        self.findings.retain(|old| {
            !added.iter().any(|new| {
                new.diagnostic.rule == old.diagnostic.rule
                    && new.diagnostic.pointer.is_some()
                    && new.diagnostic.pointer == old.diagnostic.pointer
            })
        });
        self.findings.extend(added);
        self.sort_findings();
    }

    /// Orders findings by file (definition first), then position.
    pub fn sort_findings(&mut self) {
        let files = &self.files;
        let order = |f: &Finding| {
            (
                f.file.map(|i| (files[i].kind, i)),
                f.location.map(|l| (l.span.start, l.span.end)),
            )
        };
        self.findings.sort_by_key(order);
    }
}

/// Resolves pointers to spans and spans to line:column; sorts by position.
pub(crate) fn resolve(
    diagnostics: Vec<Diagnostic>,
    root: Option<&Node>,
    source: &SourceFile,
    file: usize,
) -> Vec<Finding> {
    let mut findings: Vec<Finding> = diagnostics
        .into_iter()
        .map(|mut d| {
            if let Some(root) = root {
                for (p, label) in std::mem::take(&mut d.related_at) {
                    if let Some(target) = pointer::resolve(root, &p) {
                        d.related.push((highlight(target, source), label));
                    }
                }
            }
            let span = d.span.or_else(|| {
                let root = root?;
                let target = match d.pointer.as_deref() {
                    Some(p) => pointer::resolve(root, p)
                        .unwrap_or_else(|| pointer::resolve_nearest(root, p)),
                    None => pointer::resolve_nearest(root, ""),
                };
                Some(highlight(target, source))
            });
            let location = span.map(|span| Location::of(span, source));
            Finding {
                diagnostic: d,
                file: Some(file),
                location,
            }
        })
        .collect();
    findings.sort_by_key(|f| f.location.map(|l| (l.span.start, l.span.end)));
    findings
}

/// What to underline for a pointer target: the key of a member, a scalar value, or the
/// first line of a container.
pub(crate) fn highlight(target: pointer::Target, source: &SourceFile) -> Span {
    if let Some(key) = target.key_span {
        return key;
    }
    let span = target.node.span;
    if target.node.is_object() || target.node.as_array().is_some() {
        let line = source.line_index(span.start as usize);
        let end = source
            .line_end(line)
            .min(span.end as usize)
            .max(span.start as usize + 1);
        return Span::new(span.start as usize, end);
    }
    span
}

/// Counts of a run, for summaries.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Counts {
    pub files: usize,
    pub connectors: usize,
    pub operations: usize,
    pub unreadable_files: usize,
    pub recovered_files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Findings with a safe fix (`connlint check --fix` applies them).
    pub fixable: usize,
    /// Findings with an unsafe fix (applied only with `--unsafe-fixes`).
    pub unsafe_fixable: usize,
}

impl Counts {
    pub fn of(connectors: &[CheckedConnector]) -> Counts {
        let mut c = Counts {
            connectors: connectors.len(),
            ..Counts::default()
        };
        for k in connectors {
            c.files += k.files.len();
            c.operations += k.operations;
            for f in &k.files {
                match f.status {
                    FileStatus::Unreadable => c.unreadable_files += 1,
                    FileStatus::Recovered => c.recovered_files += 1,
                    FileStatus::Ok => {}
                }
            }
            for f in &k.findings {
                match f.diagnostic.severity {
                    Severity::Error => c.errors += 1,
                    Severity::Warning => c.warnings += 1,
                    Severity::Info => c.infos += 1,
                }
                match f.diagnostic.fix.as_ref().map(|x| x.applicability) {
                    Some(crate::diagnostic::Applicability::Safe) => c.fixable += 1,
                    Some(crate::diagnostic::Applicability::Unsafe) => c.unsafe_fixable += 1,
                    None => {}
                }
            }
        }
        c
    }
}
