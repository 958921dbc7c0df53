//! `--format json`: one JSON document for the whole run. The shape is a documented
//! contract (README, "JSON output"); add fields, never rename or remove them.

use std::borrow::Cow;

use serde::Serialize;

use super::Run;
use crate::diagnostic::FileKind;
use crate::results::{Counts, FileStatus};

#[derive(Serialize)]
struct FileOut<'a> {
    path: Cow<'a, str>,
    kind: FileKind,
    status: FileStatus,
    connector: &'a str,
}

#[derive(Serialize)]
struct DiagnosticOut<'a> {
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    help: Option<&'a str>,
    file: Option<Cow<'a, str>>,
    line: Option<usize>,
    column: Option<usize>,
    end_line: Option<usize>,
    end_column: Option<usize>,
    pointer: Option<&'a str>,
    operation_id: Option<&'a str>,
    /// A change that resolves the finding, as byte edits of `file`.
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<FixOut<'a>>,
}

#[derive(Serialize)]
struct FixOut<'a> {
    description: &'a str,
    /// `safe` (applied by `--fix`) or `unsafe` (applied only with `--unsafe-fixes`).
    applicability: &'static str,
    edits: Vec<EditOut<'a>>,
}

#[derive(Serialize)]
struct EditOut<'a> {
    offset: u32,
    length: usize,
    insert: &'a str,
}

#[derive(Serialize)]
struct Summary<'a> {
    #[serde(flatten)]
    counts: &'a Counts,
    elapsed_ms: u128,
}

/// The files of the run, serialised one by one (never collected).
struct Files<'r, 'a>(&'r Run<'a>);

impl Serialize for Files<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.connectors.iter().flat_map(|c| {
            let dir = c.dir.to_str().unwrap_or_default();
            c.files.iter().map(move |f| FileOut {
                path: f.path.to_string_lossy(),
                kind: f.kind,
                status: f.status,
                connector: dir,
            })
        }))
    }
}

/// The diagnostics of the run, serialised one by one (never collected).
struct Diagnostics<'r, 'a>(&'r Run<'a>);

impl Serialize for Diagnostics<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.connectors.iter().flat_map(|c| {
            c.findings.iter().map(move |finding| {
                let d = &finding.diagnostic;
                let loc = finding.location;
                DiagnosticOut {
                    rule: d.rule,
                    severity: d.severity.as_str(),
                    message: &d.message,
                    help: d.help.as_deref(),
                    // Borrowed (no String per finding); the same text as `display()`.
                    file: finding.file.map(|i| c.files[i].path.to_string_lossy()),
                    line: loc.map(|l| l.start.line),
                    column: loc.map(|l| l.start.column),
                    end_line: loc.map(|l| l.end.line),
                    end_column: loc.map(|l| l.end.column),
                    pointer: d.pointer.as_deref(),
                    operation_id: d.operation_id.as_deref(),
                    fix: d.fix.as_ref().map(|f| FixOut {
                        description: &f.description,
                        applicability: f.applicability.as_str(),
                        edits: f
                            .edits
                            .iter()
                            .map(|e| EditOut {
                                offset: e.span.start,
                                length: e.span.len(),
                                insert: &e.insert,
                            })
                            .collect(),
                    }),
                }
            })
        }))
    }
}

#[derive(Serialize)]
struct Output<'r, 'a> {
    version: u32,
    files: Files<'r, 'a>,
    diagnostics: Diagnostics<'r, 'a>,
    summary: Summary<'r>,
}

/// Writes the document to `out` as it is serialised: a run with tens of thousands of
/// findings is never held as one string.
pub fn write(run: &Run, out: &mut impl std::io::Write) -> std::io::Result<()> {
    let doc = Output {
        version: 1,
        files: Files(run),
        diagnostics: Diagnostics(run),
        summary: Summary {
            counts: &run.counts,
            elapsed_ms: run.elapsed.as_millis(),
        },
    };
    crate::text::write_json_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")
}

pub fn render(run: &Run) -> String {
    let mut buf = Vec::new();
    match write(run, &mut buf) {
        Ok(()) => String::from_utf8(buf).unwrap_or_default(),
        Err(e) => format!("{{\"error\": \"{e}\"}}\n"),
    }
}
