//! Rule documentation is part of the product (`connlint explain`): every rule has the
//! required sections, and its examples are tests. A ```json block under `## Example` must
//! trigger the rule; one under `## Use instead` must not (at warning or above for rules
//! whose default is info). A breaking-change rule's examples are compared with the block
//! under `## Previous version`.

use connlint::diagnostic::Severity;
use connlint::discover::ConnectorFiles;
use connlint::lint::{lint_connector, LintOptions};
use connlint::rules;

/// (section, code) for each ```json block in a doc.
fn examples(doc: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut section = String::new();
    let mut block: Option<String> = None;
    for line in doc.lines() {
        if let Some(code) = block.as_mut() {
            if line.trim_start().starts_with("```") {
                out.push((section.clone(), std::mem::take(code)));
                block = None;
            } else {
                code.push_str(line);
                code.push('\n');
            }
        } else if let Some(h) = line.strip_prefix("## ") {
            section = h.trim().to_string();
        } else if line.trim_start().starts_with("```json") {
            block = Some(String::new());
        }
    }
    out
}

/// The findings of `rule` on a definition; `previous` is the version it is compared with
/// (for the breaking-change rules).
fn rule_findings(json: &str, previous: Option<&str>, rule: &str) -> Vec<Severity> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("apiDefinition.swagger.json");
    std::fs::write(&path, json).unwrap();
    let connector = ConnectorFiles {
        dir: dir.path().to_path_buf(),
        root: dir.path().to_path_buf(),
        definition: Some(path.clone()),
        properties: None,
        docs: Vec::new(),
        package: None,
    };
    let previous = previous.map(|text| {
        let old = connlint::lint::Previous {
            source: "the previous version".into(),
            definition: text.to_string(),
            properties: None,
        };
        std::sync::Arc::new(std::collections::HashMap::from([(path, old)]))
    });
    let options = LintOptions {
        previous,
        ..LintOptions::default()
    };
    lint_connector(&connector, &options)
        .findings
        .iter()
        .filter(|f| f.diagnostic.rule == rule)
        .map(|f| f.diagnostic.severity)
        .collect()
}

#[test]
fn docs_have_the_required_sections() {
    for rule in rules::all() {
        let doc = rule.doc_text();
        assert!(
            doc.contains("## What it does"),
            "{}: no `## What it does`",
            rule.id
        );
        assert!(
            doc.contains("## Why is this bad?") || doc.contains("## How to fix"),
            "{}: no `## Why is this bad?` or `## How to fix`",
            rule.id
        );
        assert!(
            !rule.summary.ends_with('.'),
            "{}: summary ends with a period",
            rule.id
        );
    }
}

#[test]
fn doc_examples_are_tests() {
    let mut ran = 0;
    for rule in rules::all() {
        let doc = rule.doc_text();
        let blocks = examples(&doc);
        let previous = blocks
            .iter()
            .find(|(s, _)| s == "Previous version")
            .map(|(_, code)| code.clone());
        if rule.scope == rules::Scope::Change {
            assert!(
                previous.is_some(),
                "{}: a breaking-change rule needs a `## Previous version` to compare its examples with",
                rule.id
            );
        }
        if matches!(rule.scope, rules::Scope::Definition | rules::Scope::Change) {
            assert!(
                blocks.iter().any(|(s, _)| s == "Example")
                    && blocks.iter().any(|(s, _)| s == "Use instead"),
                "{}: a definition rule needs a failing `## Example` and a passing `## Use instead`",
                rule.id
            );
        }
        for (section, code) in blocks {
            if section == "Previous version" {
                continue;
            }
            ran += 1;
            let found = rule_findings(&code, previous.as_deref(), rule.id);
            match section.as_str() {
                "Example" => assert!(
                    !found.is_empty(),
                    "{}: the example does not trigger the rule:\n{code}",
                    rule.id
                ),
                "Use instead" => {
                    let bad: Vec<_> = found
                        .iter()
                        .filter(|s| rule.default_severity > Severity::Info || **s > Severity::Info)
                        .collect();
                    assert!(
                        bad.is_empty(),
                        "{}: the passing example triggers the rule:\n{code}",
                        rule.id
                    );
                }
                other => panic!("{}: json block under unexpected section `{other}`", rule.id),
            }
        }
    }
    assert!(ran >= 20, "only {ran} doc examples ran");
}

#[test]
fn ids_are_unique_and_kebab_case() {
    let all = rules::all();
    let mut ids: Vec<_> = all.iter().map(|r| r.id).collect();
    ids.dedup();
    assert_eq!(ids.len(), all.len(), "duplicate rule ids");
    for id in ids {
        assert!(
            id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{id} is not kebab-case"
        );
    }
}
