//! Every rule says where its requirement comes from (`source`), and the rules that look at
//! the connector folder (files, apiProperties.json, readme.md, intro.md) have the
//! `connector` scope. Checked on `connlint rules --format json`, as a user sees it.

use crate::support::connlint;

use serde_json::Value;

/// `connlint rules --format json`, parsed.
fn rules_json() -> Vec<Value> {
    let out = connlint()
        .args(["rules", "--format", "json"])
        .output()
        .expect("connlint runs");
    assert!(
        out.status.success(),
        "connlint rules failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not one JSON document: {e}\n{}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    v.as_array().expect("a JSON array of rules").clone()
}

fn id(rule: &Value) -> &str {
    rule["id"].as_str().expect("every rule has an id")
}

/// The rules about the connector folder: the package, apiProperties.json and
/// readme/intro rules (`apiprops-policy-template` and `readme-operations-match-swagger`
/// compare those files with the definition; they too report into the connector's files).
fn is_connector_rule(id: &str) -> bool {
    let by_prefix = ["pkg-", "apiprops-", "readme-", "intro-"]
        .iter()
        .any(|p| id.starts_with(p));
    by_prefix || id == "known-issues-substantive"
}

#[test]
fn every_rule_has_an_https_source() {
    let rules = rules_json();
    assert!(rules.len() > 100, "only {} rules listed", rules.len());
    let missing: Vec<String> = rules
        .iter()
        .filter_map(|r| match r["source"].as_str() {
            Some(s) if s.starts_with("https://") && !s.contains(char::is_whitespace) => None,
            other => Some(format!("{}: {other:?}", id(r))),
        })
        .collect();
    assert!(
        missing.is_empty(),
        "rules without an https source:\n{}",
        missing.join("\n")
    );
}

#[test]
fn connector_rules_have_the_connector_scope() {
    let rules = rules_json();
    let connector: Vec<&Value> = rules.iter().filter(|r| is_connector_rule(id(r))).collect();
    assert_eq!(
        connector.len(),
        31,
        "connector rules: {:?}",
        connector.iter().map(|r| id(r)).collect::<Vec<_>>()
    );
    for r in &connector {
        assert_eq!(r["scope"], "connector", "{}", id(r));
    }
    // And nothing else claims the connector scope.
    for r in &rules {
        if r["scope"] == "connector" {
            let id = id(r);
            assert!(
                id.starts_with("pkg-")
                    || id.starts_with("apiprops-")
                    || id.starts_with("readme-")
                    || id.starts_with("intro-")
                    || id == "known-issues-substantive",
                "{id} has the connector scope but is not a package, apiProperties or readme rule"
            );
        }
    }
}

fn stdout_of(args: &[&str]) -> String {
    let out = connlint().args(args).output().expect("connlint runs");
    assert!(out.status.success(), "{args:?} failed");
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn rules_and_explain_show_the_fix_and_the_source() {
    let rules = rules_json();
    let fix_of = |id: &str| {
        rules
            .iter()
            .find(|r| r["id"] == id)
            .map(|r| r["fix"].clone())
            .unwrap_or_else(|| panic!("{id} is not listed"))
    };
    assert_eq!(fix_of("extension-value-case"), "safe");
    assert_eq!(fix_of("param-description-required"), "unsafe");
    assert_eq!(fix_of("missing-error-responses"), Value::Null);

    let table = stdout_of(&["rules"]);
    let row = table
        .lines()
        .find(|l| l.starts_with("path-param-url-encoding "))
        .expect("a row per rule");
    assert!(row.contains("  safe  "), "{row}");
    assert!(
        table.contains("source: https://learn.microsoft.com/en-us/connectors/custom-connectors/"),
        "{table}"
    );

    let doc = stdout_of(&["explain", "param-description-required"]);
    assert!(
        doc.contains("Default severity: error (warning for custom connectors)."),
        "{doc}"
    );
    assert!(doc.contains("Fix: unsafe"), "{doc}");
    assert!(doc.contains("\nSource: <https://"), "{doc}");
}
