//! Configuration, suppressions and the baseline, through the built binary.

use crate::support::{connlint, connlint_in, root, Tree};

/// A repository with the demo connector under `connectors/Demo`.
fn repo() -> Tree {
    let t = Tree::new();
    t.copy_fixture("demo", "connectors/Demo");
    t
}

fn rules_of(out: &[u8]) -> Vec<(String, String)> {
    let v: serde_json::Value = serde_json::from_slice(out).unwrap();
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn config_sets_severities_and_turns_rules_off() {
    let r = repo();
    std::fs::write(
        r.path().join("connlint.toml"),
        "[rules]\nsuperseded-path = \"off\"\nmissing-error-responses = \"error\"\noperation-summary-required = \"warning\"\n",
    )
    .unwrap();
    let out = connlint_in(r.path())
        .args(["check", "connectors", "--format", "json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let found = rules_of(&out);
    assert!(!found.iter().any(|(r, _)| r == "superseded-path"));
    assert!(found.contains(&("missing-error-responses".into(), "error".into())));
    assert!(found.contains(&("operation-summary-required".into(), "warning".into())));
    // Found from a subfolder too (upward search).
    let out = connlint_in(&r.path().join("connectors/Demo"))
        .args(["check", ".", "--format", "json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    assert!(!rules_of(&out).iter().any(|(r, _)| r == "superseded-path"));
}

#[test]
fn bad_config_is_a_usage_error_naming_the_place() {
    let r = repo();
    std::fs::write(
        r.path().join("connlint.toml"),
        "[rules]\nsupersede-path = \"off\"\n",
    )
    .unwrap();
    let out = connlint_in(r.path())
        .args(["check", "connectors"])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8_lossy(&out);
    assert!(
        err.contains("connlint.toml:2:1: unknown rule `supersede-path`"),
        "{err}"
    );
    assert!(err.contains("did you mean `superseded-path`?"), "{err}");
}

#[test]
fn definition_suppressions_need_a_reason_and_unused_ones_are_reported() {
    let r = repo();
    let def = r.path().join("connectors/Demo/apiDefinition.swagger.json");
    let text = std::fs::read_to_string(&def).unwrap();
    // Suppress superseded-path on ListTickets; add an unused and a reasonless entry.
    let text = text.replacen(
        "\"operationId\": \"ListTickets\",",
        "\"operationId\": \"ListTickets\",\n        \"x-connlint-ignore\": [\n          { \"rule\": \"superseded-path\", \"reason\": \"v1 stays for flows built before 2024\" },\n          { \"rule\": \"operation-id-unique\", \"reason\": \"left over\" },\n          { \"rule\": \"missing-error-responses\" }\n        ],",
        1,
    );
    std::fs::write(&def, text).unwrap();
    let out = connlint_in(r.path())
        .args(["check", "connectors", "--format", "json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let diags = v["diagnostics"].as_array().unwrap();
    assert!(!diags.iter().any(|d| d["rule"] == "superseded-path"));
    let unused = diags
        .iter()
        .find(|d| d["rule"] == "suppression-unused")
        .expect("unused entry reported");
    assert_eq!(
        unused["pointer"],
        "/paths/~1v1~1tickets/get/x-connlint-ignore/1"
    );
    assert!(unused["line"].is_u64());
    let invalid = diags
        .iter()
        .find(|d| d["rule"] == "suppression-invalid")
        .expect("reasonless entry reported");
    assert!(invalid["message"]
        .as_str()
        .unwrap()
        .contains("has no `reason`"));
    // The reasonless entry suppresses nothing.
    assert!(diags
        .iter()
        .any(|d| d["rule"] == "missing-error-responses" && d["operation_id"] == "ListTickets"));
}

#[test]
fn config_ignores_by_rule_and_pointer() {
    let r = repo();
    std::fs::write(
        r.path().join("connlint.toml"),
        "[[ignore]]\nrule = \"deprecated-marker-without-flag\"\npointer = \"/paths/~1v2~1tickets~1{ticketId}~1comments/post\"\nreason = \"the marker is for the readme\"\n\n[[ignore]]\nrule = \"operation-id-unique\"\nreason = \"nothing to hide\"\n",
    )
    .unwrap();
    let out = connlint_in(r.path())
        .args(["check", "connectors", "--format", "json"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert!(!rules_of(&out.stdout)
        .iter()
        .any(|(r, _)| r == "deprecated-marker-without-flag"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("[[ignore]] rule = \"operation-id-unique\" matched no finding"),
        "{err}"
    );
}

#[test]
fn baseline_hides_known_findings_and_reports_stale_ones() {
    let r = repo();
    connlint_in(r.path())
        .args(["check", "connectors", "--write-baseline", "baseline.json"])
        .assert()
        .code(0);
    let b: serde_json::Value =
        serde_json::from_slice(&std::fs::read(r.path().join("baseline.json")).unwrap()).unwrap();
    assert_eq!(b["version"], 1);
    assert_eq!(b["findings"].as_array().unwrap().len(), 6);
    assert_eq!(
        b["findings"][0]["file"],
        "connectors/Demo/apiDefinition.swagger.json"
    );
    // Nothing new: clean run.
    let out = connlint_in(r.path())
        .args([
            "check",
            "connectors",
            "--baseline",
            "baseline.json",
            "--format",
            "json",
        ])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert!(rules_of(&out).is_empty());
    // Lines move, the baseline still holds (keyed by pointer); a fix makes an entry stale;
    // a new problem shows.
    let def = r.path().join("connectors/Demo/apiDefinition.swagger.json");
    let text = std::fs::read_to_string(&def).unwrap();
    let text = text
        .replacen("{\n", "{\n\n\n", 1)
        .replace(
            "\"operationId\": \"UpdateTicket\",",
            "\"operationId\": \"UpdateTicket\",\n        \"summary\": \"Update a ticket\",",
        )
        .replace(
            "\"operationId\": \"GetTicket\",",
            "\"operationId\": \"GetTicket\",\n        \"deprecated\": true,",
        );
    std::fs::write(&def, text).unwrap();
    let out = connlint_in(r.path())
        .args([
            "check",
            "connectors",
            "--baseline",
            "baseline.json",
            "--format",
            "json",
        ])
        .assert()
        .get_output()
        .clone();
    let found = rules_of(&out.stdout);
    assert_eq!(
        found,
        vec![("deprecated-operation".to_string(), "warning".to_string())]
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("1 baseline entries no longer occur"), "{err}");
    assert!(err.contains("operation-summary-required"), "{err}");
}

#[test]
fn profile_flag_changes_severities_of_profile_aware_rules() {
    let r = repo();
    let out = connlint_in(r.path())
        .args([
            "check",
            "connectors",
            "--profile",
            "custom",
            "--format",
            "json",
        ])
        .assert()
        .get_output()
        .stdout
        .clone();
    assert!(!rules_of(&out).is_empty());
}

#[test]
fn checked_in_schema_is_current() {
    let out = connlint()
        .arg("config-schema")
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let checked_in = std::fs::read_to_string(root().join("connlint.schema.json")).unwrap();
    assert_eq!(
        checked_in.replace("\r\n", "\n"),
        String::from_utf8(out).unwrap(),
        "connlint.schema.json is stale: run `cargo run -- config-schema > connlint.schema.json`"
    );
}
