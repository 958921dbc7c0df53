//! `--format sarif`: SARIF 2.1.0, one run. Columns are UTF-16 code units (SARIF's default
//! `columnKind`); byte offsets are given too. Each result names its JSON pointer as a
//! logical location.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::Run;
use crate::diagnostic::Severity;
use crate::text::capitalize;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a SARIF artifact URI: forward slashes, percent-encoded; absolute paths become
/// `file://` URIs.
pub fn artifact_uri(path: &std::path::Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut out = String::with_capacity(text.len() + 8);
    let absolute = text.starts_with('/');
    if absolute {
        out.push_str("file://");
    }
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    // `./x` and `x` are the same artifact.
    match out.strip_prefix("./") {
        Some(rest) => rest.to_string(),
        None => out,
    }
}

pub fn render(run: &Run) -> String {
    let all = run.rules;
    let index: BTreeMap<&str, usize> = all.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
    let rules_json: Vec<Value> = all
        .iter()
        .map(|r| {
            let doc = r.doc_text();
            let mut rule = json!({
                "id": r.id,
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": r.summary },
                "help": {
                    "text": format!("{}\n\nRun `connlint explain {}` for the full text.", r.summary, r.id),
                    "markdown": doc,
                },
                "defaultConfiguration": { "level": level(r.default_severity) },
                "properties": { "scope": r.scope },
            });
            // SARIF wants a readable name that differs from the id (also in case), so
            // one-word ids get none.
            let name = pascal_case(r.id);
            if !name.eq_ignore_ascii_case(r.id) {
                rule["name"] = json!(name);
            }
            rule
        })
        .collect();
    // Every file looked at, so a viewer knows what was analysed, not only what failed.
    let mut artifacts: Vec<Value> = Vec::new();
    let mut artifact_index: BTreeMap<String, usize> = BTreeMap::new();
    for c in run.connectors {
        for f in &c.files {
            let uri = artifact_uri(&f.path);
            artifact_index.entry(uri.clone()).or_insert_with(|| {
                let language = match f.kind {
                    crate::diagnostic::FileKind::Readme | crate::diagnostic::FileKind::Intro => {
                        "markdown"
                    }
                    _ => "json",
                };
                artifacts.push(json!({
                    "location": { "uri": uri },
                    "roles": ["analysisTarget"],
                    "sourceLanguage": language,
                }));
                artifacts.len() - 1
            });
        }
    }
    let results: Vec<Value> = run
        .findings()
        .map(|(finding, file)| {
            let d = &finding.diagnostic;
            let mut result = json!({
                "ruleId": d.rule,
                "level": level(d.severity),
                "message": { "text": match &d.help {
                    Some(h) => format!("{}. {}", d.message, capitalize(h)),
                    None => d.message.clone(),
                } },
            });
            if let Some(&i) = index.get(d.rule) {
                result["ruleIndex"] = json!(i);
            }
            if let Some(file) = file {
                let uri = artifact_uri(&file.path);
                let mut physical = json!({
                    "artifactLocation": { "uri": uri, "index": artifact_index[&uri] },
                });
                if let Some(loc) = finding.location {
                    physical["region"] = json!({
                        "startLine": loc.start.line,
                        "startColumn": loc.start_utf16_column,
                        "endLine": loc.end.line,
                        "endColumn": loc.end_utf16_column.max(if loc.end.line == loc.start.line { loc.start_utf16_column } else { 1 }),
                        "byteOffset": loc.span.start,
                        "byteLength": loc.span.len(),
                    });
                }
                let mut location = json!({ "physicalLocation": physical });
                if let Some(p) = d.pointer.as_deref().filter(|p| !p.is_empty()) {
                    let mut logical = json!({ "fullyQualifiedName": p, "kind": "member" });
                    if let Some(op) = &d.operation_id {
                        logical["name"] = json!(op);
                    }
                    location["logicalLocations"] = json!([logical]);
                }
                result["locations"] = json!([location]);
                if let Some(fix) = &d.fix {
                    result["fixes"] = json!([{
                        "description": { "text": fix.description },
                        "artifactChanges": [{
                            "artifactLocation": { "uri": uri, "index": artifact_index[&uri] },
                            "replacements": fix.edits.iter().map(|e| json!({
                                "deletedRegion": { "byteOffset": e.span.start, "byteLength": e.span.len() },
                                "insertedContent": { "text": e.insert },
                            })).collect::<Vec<_>>(),
                        }],
                    }]);
                }
            }
            if let Some(op) = &d.operation_id {
                result["properties"] = json!({ "operationId": op });
            }
            result
        })
        .collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "connlint",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://learn.microsoft.com/connectors/custom-connectors/certification-submission",
                "rules": rules_json,
            }},
            "columnKind": "utf16CodeUnits",
            "artifacts": artifacts,
            "results": results,
        }],
    });
    let mut text = crate::text::to_json_pretty(&doc);
    text.push('\n');
    text
}

/// `missing-error-responses` → `MissingErrorResponses`: SARIF wants a readable name that
/// differs from the id.
fn pascal_case(id: &str) -> String {
    id.split('-').map(capitalize).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_encoded() {
        assert_eq!(artifact_uri("./a b/c.json".as_ref()), "a%20b/c.json");
        assert_eq!(
            artifact_uri("/x/Icon Horse/a.json".as_ref()),
            "file:///x/Icon%20Horse/a.json"
        );
    }
}
