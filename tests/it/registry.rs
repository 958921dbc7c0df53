//! The rule registry (`src/rules/registry.rs`): every rule declared in `src/rules/` runs
//! from it exactly once, where its `scope` says; every fixture folder names a rule.

use std::collections::BTreeMap;

use connlint::rules::registry::{Check, RULES};
use connlint::rules::Scope;

use crate::support::root;

/// Definition rules that statistics raise (a second, `Statistics`, entry).
const RAISED_BY_STATISTICS: &[&str] = &["missing-error-responses"];

/// The ids of every `declare_rule!` in `src/rules/`, by file.
fn declared() -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(root().join("src/rules")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for block in text.split("declare_rule! {").skip(1) {
            let id = block
                .split("id: \"")
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .unwrap_or_else(|| {
                    panic!("{}: a declare_rule! without an id", entry.path().display())
                });
            let file = entry
                .path()
                .strip_prefix(root())
                .unwrap()
                .display()
                .to_string();
            if let Some(other) = out.insert(id.to_string(), file.clone()) {
                panic!("{id} is declared in {other} and in {file}");
            }
        }
    }
    out
}

fn name(check: Check) -> &'static str {
    match check {
        Check::File => "File",
        Check::Definition(_) => "Definition",
        Check::Compared(_) => "Compared",
        Check::Connector(_) => "Connector",
        Check::Package(_) => "Package",
        Check::Change(_) => "Change",
        Check::Statistics(_) => "Statistics",
    }
}

#[test]
fn every_declared_rule_runs_from_the_registry_once() {
    let declared = declared();
    assert!(declared.len() > 150, "found only {} rules", declared.len());
    let mut entries: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for e in RULES {
        entries.entry(e.rule.id).or_default().push(name(e.check));
    }
    let mut problems = Vec::new();
    for (id, file) in &declared {
        match entries.get(id.as_str()).map(Vec::as_slice) {
            None => problems.push(format!("{id} ({file}) is not in src/rules/registry.rs")),
            Some([_]) => {}
            Some([_, "Statistics"]) if RAISED_BY_STATISTICS.contains(&id.as_str()) => {}
            Some(kinds) => problems.push(format!("{id} runs more than once: {kinds:?}")),
        }
    }
    for id in entries.keys() {
        if !declared.contains_key(*id) {
            problems.push(format!(
                "{id} is in the registry but declared nowhere in src/rules/"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_rule_runs_where_its_scope_says() {
    let mut problems = Vec::new();
    for e in RULES {
        let raised = matches!(e.check, Check::Statistics(_))
            && e.rule.scope == Scope::Definition
            && RAISED_BY_STATISTICS.contains(&e.rule.id);
        if e.check.scope() != e.rule.scope && !raised {
            problems.push(format!(
                "{} has scope {} but runs as a {} rule",
                e.rule.id,
                e.rule.scope.as_str(),
                name(e.check)
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_fixture_folder_names_a_rule() {
    let mut strays = Vec::new();
    for entry in std::fs::read_dir(root().join("fixtures/rules")).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        if connlint::rules::find(&name).is_none() {
            strays.push(name);
        }
    }
    assert!(
        strays.is_empty(),
        "fixtures/rules/ folders that name no rule: {strays:?}"
    );
}

#[test]
fn swagger2_rules_do_not_run_on_other_specifications() {
    use connlint::diagnostic::rule::Spec;
    let swagger2_only: Vec<&str> = RULES
        .iter()
        .filter(|e| e.rule.applies_to == Spec::Swagger2)
        .map(|e| e.rule.id)
        .collect();
    assert!(swagger2_only.len() > 40, "{swagger2_only:?}");
    // The same paths, written as Swagger 2.0 and as OpenAPI 3: the Swagger 2.0 rules find
    // things in the first and run not at all on the second.
    let paths = r#""paths": { "/a/{id}": { "post": { "operationId": "a", "summary": "A",
        "parameters": [ { "name": "id", "in": "path" }, { "name": "id", "in": "path" } ],
        "responses": { "200": { "description": "OK", "schema": {} } } } } }"#;
    let t = crate::support::Tree::new();
    let v2 = t.connector(
        "v2",
        &[(
            "apiDefinition.swagger.json",
            &format!(r#"{{ "swagger": "2.0", "info": {{ "title": "T", "version": "1" }}, "schemes": ["http"], {paths} }}"#),
        )],
    );
    let v3 = t.connector(
        "v3",
        &[(
            "apiDefinition.swagger.json",
            &format!(
                r#"{{ "openapi": "3.0.0", "info": {{ "title": "T", "version": "1" }}, {paths} }}"#
            ),
        )],
    );
    let fired = |dir: &std::path::Path| -> Vec<&'static str> {
        let found = connlint::discover::discover(&[dir.to_path_buf()]).unwrap();
        let checked = connlint::lint::lint_connector(&found[0], &Default::default());
        checked
            .findings
            .iter()
            .map(|f| f.diagnostic.rule)
            .filter(|r| swagger2_only.contains(r))
            .collect()
    };
    assert!(!fired(&v2).is_empty());
    assert_eq!(fired(&v3), Vec::<&str>::new());
}
