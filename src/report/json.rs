//! `--format json`: one JSON document for the whole run. The shape is a documented
//! contract (README, "JSON output"); add fields, never rename or remove them.

use serde::Serialize;

use super::Run;
use crate::discover::FileKind;
use crate::lint::{Counts, FileStatus};

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    files: Vec<FileOut<'a>>,
    diagnostics: Vec<DiagnosticOut<'a>>,
    summary: Summary<'a>,
}

#[derive(Serialize)]
struct FileOut<'a> {
    path: String,
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
    file: Option<String>,
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

pub fn render(run: &Run) -> String {
    let mut files = Vec::new();
    let mut diagnostics = Vec::new();
    for c in run.connectors {
        let dir = c.dir.to_str().unwrap_or_default();
        for f in &c.files {
            files.push(FileOut {
                path: f.path.display().to_string(),
                kind: f.kind,
                status: f.status,
                connector: dir,
            });
        }
        for finding in &c.findings {
            let d = &finding.diagnostic;
            let loc = finding.location;
            diagnostics.push(DiagnosticOut {
                rule: d.rule,
                severity: d.severity.as_str(),
                message: &d.message,
                help: d.help.as_deref(),
                file: finding.file.map(|i| c.files[i].path.display().to_string()),
                line: loc.map(|l| l.start.line),
                column: loc.map(|l| l.start.column),
                end_line: loc.map(|l| l.end.line),
                end_column: loc.map(|l| l.end.column),
                pointer: d.pointer.as_deref(),
                operation_id: d.operation_id.as_deref(),
                fix: d.fix.as_ref().map(|f| FixOut {
                    description: &f.description,
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
            });
        }
    }
    let out = Output {
        version: 1,
        files,
        diagnostics,
        summary: Summary {
            counts: &run.counts,
            elapsed_ms: run.elapsed.as_millis(),
        },
    };
    let mut text =
        serde_json::to_string_pretty(&out).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}
