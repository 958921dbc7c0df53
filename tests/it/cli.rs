//! CLI tests: run the built binary as a user would.

use crate::support::{connlint, json_of, root};

#[test]
fn demo_pretty_output_shows_snippets_locations_and_summary() {
    let out = connlint()
        .args(["check", "fixtures/demo"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(!text.contains('\u{1b}'), "colors on a pipe");
    for needle in [
        "operation-summary-required",
        "fixtures/demo/apiDefinition.swagger.json:147:7",
        "operation `UpdateTicket` has no `summary`",
        "147 │       \"patch\": {",
        "help: add a short \"summary\"",
        "checked 1 connector, 3 files and 7 operations in",
        "1 error, 5 warnings, 0 infos",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
}

#[test]
fn demo_json_output_is_the_documented_contract() {
    let out = connlint()
        .args(["check", "fixtures/demo", "--format", "json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v = json_of(&out);
    assert_eq!(v["version"], 1);
    let files: Vec<(String, String, String)> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["kind"].as_str().unwrap().to_string(),
                f["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        files,
        vec![
            (
                "fixtures/demo/apiDefinition.swagger.json".into(),
                "definition".into(),
                "ok".into()
            ),
            (
                "fixtures/demo/apiProperties.json".into(),
                "properties".into(),
                "ok".into()
            ),
            (
                "fixtures/demo/readme.md".into(),
                "readme".into(),
                "ok".into()
            ),
        ]
    );
    let got: Vec<(String, String, u64, u64, String, serde_json::Value)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().into(),
                d["severity"].as_str().unwrap().into(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["pointer"].as_str().unwrap().into(),
                d["operation_id"].clone(),
            )
        })
        .collect();
    let s = |x: &str| x.to_string();
    let id = |x: &str| serde_json::Value::String(x.into());
    assert_eq!(
        got,
        vec![
            (
                s("superseded-path"),
                s("warning"),
                52,
                7,
                s("/paths/~1v1~1tickets/get"),
                id("ListTickets")
            ),
            (
                s("missing-error-responses"),
                s("warning"),
                66,
                9,
                s("/paths/~1v1~1tickets/get/responses"),
                id("ListTickets")
            ),
            (
                s("missing-error-responses"),
                s("warning"),
                115,
                9,
                s("/paths/~1v2~1tickets/post/responses"),
                id("CreateTicket")
            ),
            (
                s("deprecated-operation"),
                s("warning"),
                139,
                9,
                s("/paths/~1v2~1tickets~1{ticketId}/delete/deprecated"),
                id("CloseTicket")
            ),
            (
                s("operation-summary-required"),
                s("error"),
                147,
                7,
                s("/paths/~1v2~1tickets~1{ticketId}/patch"),
                id("UpdateTicket")
            ),
            (
                s("deprecated-marker-without-flag"),
                s("warning"),
                172,
                9,
                s("/paths/~1v2~1tickets~1{ticketId}~1comments/post/summary"),
                id("AddComment")
            ),
        ]
    );
    let first = &v["diagnostics"][0];
    assert_eq!(first["end_line"], 52);
    assert_eq!(first["end_column"], 12);
    assert_eq!(first["file"], "fixtures/demo/apiDefinition.swagger.json");
    let summary = &v["summary"];
    assert_eq!(summary["connectors"], 1);
    assert_eq!(summary["files"], 3);
    assert_eq!(summary["operations"], 7);
    assert_eq!(summary["errors"], 1);
    assert_eq!(summary["warnings"], 5);
    assert!(summary["elapsed_ms"].is_u64());
}

#[test]
fn fail_on_sets_the_exit_code() {
    connlint()
        .args(["check", "fixtures/demo", "--fail-on", "never"])
        .assert()
        .code(0);
    connlint()
        .args([
            "check",
            "fixtures/rules/missing-error-responses/invalid/no-5xx.json",
            "--fail-on",
            "error",
        ])
        .assert()
        .code(0);
    connlint()
        .args([
            "check",
            "fixtures/rules/missing-error-responses/invalid/no-5xx.json",
            "--fail-on",
            "warning",
        ])
        .assert()
        .code(1);
    connlint()
        .args([
            "check",
            "fixtures/rules/deprecated-operation/valid/family-and-markers.json",
            "--fail-on",
            "warning",
        ])
        .assert()
        .code(0);
    connlint()
        .args([
            "check",
            "fixtures/rules/deprecated-operation/valid/family-and-markers.json",
            "--fail-on",
            "info",
        ])
        .assert()
        .code(1);
}

#[test]
fn usage_errors_and_missing_paths_exit_2() {
    let out = connlint()
        .args(["check", "no/such/connector"])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    assert!(String::from_utf8_lossy(&out).contains("no/such/connector: no such file or directory"));
    connlint()
        .args(["check", "--format", "xml", "fixtures/demo"])
        .assert()
        .code(2);
    connlint().args(["frobnicate"]).assert().code(2);
    let empty = tempfile::tempdir().unwrap();
    let out = connlint()
        .arg("check")
        .arg(empty.path())
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    assert!(String::from_utf8_lossy(&out).contains("no connector found"));
    connlint().arg("--help").assert().code(0);
}

#[test]
fn a_broken_connector_does_not_stop_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("Broken");
    let good = dir.path().join("Good");
    std::fs::create_dir_all(&broken).unwrap();
    std::fs::create_dir_all(&good).unwrap();
    std::fs::write(
        broken.join("apiDefinition.swagger.json"),
        "{\n  \"swagger\": \"2.0\",\n  \"paths\": [\n}\n",
    )
    .unwrap();
    std::fs::copy(
        root().join("fixtures/demo/apiDefinition.swagger.json"),
        good.join("apiDefinition.swagger.json"),
    )
    .unwrap();
    let out = connlint()
        .arg("check")
        .arg(dir.path())
        .args(["--format", "json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v = json_of(&out);
    let statuses: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, vec!["unreadable", "ok"]);
    // Package findings (no apiProperties.json, no readme.md) sit at 1:1 of the same file.
    let first = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "syntax-error")
        .expect("the syntax error is reported");
    assert_eq!(first["rule"], "syntax-error");
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(4), Some(1))
    );
    assert!(first["message"]
        .as_str()
        .unwrap()
        .contains("could not be linted"));
    assert_eq!(v["summary"]["connectors"], 2);
    assert_eq!(v["summary"]["operations"], 7);
}

#[test]
fn rules_and_explain() {
    let out = connlint()
        .args(["rules", "--format", "json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v = json_of(&out);
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    for id in [
        "missing-error-responses",
        "deprecated-operation",
        "deprecated-marker-without-flag",
        "superseded-path",
        "operation-id-required",
        "operation-id-unique",
        "operation-summary-required",
        "syntax-error",
        "duplicate-key",
        "byte-order-mark",
        "invalid-utf8",
    ] {
        assert!(ids.contains(&id), "{id} not listed");
    }
    let text = connlint()
        .arg("rules")
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8_lossy(&text);
    let line = text
        .lines()
        .find(|l| l.starts_with("missing-error-responses "))
        .expect("rule listed");
    assert_eq!(line.split_whitespace().nth(1), Some("warning"));
    let doc = connlint()
        .args(["explain", "superseded-path"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let doc = String::from_utf8_lossy(&doc);
    assert!(doc.starts_with("# superseded-path\n\nDefault severity: warning."));
    assert!(doc.contains("## Use instead"));
    let err = connlint()
        .args(["explain", "superseeded-path"])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    assert!(String::from_utf8_lossy(&err).contains("did you mean `superseded-path`?"));
}

#[test]
fn colors_only_when_asked_or_on_a_terminal() {
    let out = connlint()
        .args(["check", "fixtures/demo", "--color", "always"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    assert!(out.contains(&0x1b));
    let out = connlint()
        .args(["check", "fixtures/demo"])
        .env("NO_COLOR", "1")
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    assert!(!out.contains(&0x1b));
}

#[test]
fn a_connector_file_selects_its_folder() {
    let out = connlint()
        .args(["check", "fixtures/demo/readme.md", "--format", "json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    assert_eq!(json_of(&out)["summary"]["files"], 3);
}

#[test]
fn stats_json_numbers_for_the_demo() {
    let out = connlint()
        .args([
            "stats",
            "fixtures/demo",
            "--stats",
            "fixtures/demo/stats.csv",
            "--format",
            "json",
        ])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v = json_of(&out);
    let c = &v["connector"];
    assert_eq!(c["requests"], 42620);
    assert_eq!(c["throttled"], 180);
    // (35505 + 5120 + 212) / 42440 and (40837 - 1603) / 42440.
    assert!((c["success_rate"].as_f64().unwrap() - 96.2229).abs() < 1e-3);
    assert!((c["certification_success_rate"].as_f64().unwrap() - 92.4458).abs() < 1e-3);
    assert_eq!(c["by_status"]["404"], 655);
    assert_eq!(v["window"]["start"], "2026-10-01T00:00:00Z");
    let ops = v["operations"].as_array().unwrap();
    let close = ops
        .iter()
        .find(|o| o["operation_id"] == "CloseTicket")
        .unwrap();
    assert_eq!(
        (close["requests"].as_u64(), close["deprecated"].as_bool()),
        (Some(212), Some(true))
    );
    assert_eq!(close["method"], "DELETE");
    assert_eq!(close["path"], "/v2/tickets/{ticketId}");
    let unused = ops
        .iter()
        .find(|o| o["operation_id"] == "AddComment")
        .unwrap();
    assert!(unused["success_rate"].is_null());
    assert_eq!(
        v["unknown_operation_ids"][0]["operation_id"],
        "AssignTicket"
    );
    assert!(v["unmatched"].as_array().unwrap().is_empty());
    assert!(v["ambiguous"].as_array().unwrap().is_empty());
}

#[test]
fn stats_pretty_table_has_both_rates_and_code_meanings() {
    let out = connlint()
        .args([
            "stats",
            "fixtures/demo",
            "--stats",
            "fixtures/demo/stats.csv",
            "--color",
            "never",
        ])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    for needle in [
        "Success rate                  96.22%",
        "Certification success rate    92.45%",
        "can go negative",
        "GetTicket",
        "404×655",
        "409 Conflict",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
    // Operations sorted by errors: GetTicket (655) before ListTickets_V2 (531).
    assert!(text.find("GetTicket").unwrap() < text.find("ListTickets_V2").unwrap());
}

#[test]
fn check_with_stats_adds_telemetry_findings() {
    let out = connlint()
        .args([
            "check",
            "fixtures/demo",
            "--stats",
            "fixtures/demo/stats.csv",
            "--format",
            "json",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v = json_of(&out);
    let found: Vec<(String, String, String)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().into(),
                d["severity"].as_str().unwrap().into(),
                d["operation_id"].as_str().unwrap_or("").into(),
            )
        })
        .collect();
    let has =
        |rule: &str, sev: &str, op: &str| found.contains(&(rule.into(), sev.into(), op.into()));
    assert!(
        has("missing-error-responses", "error", "ListTickets"),
        "{found:?}"
    );
    assert!(
        !has("missing-error-responses", "warning", "ListTickets"),
        "the raised finding replaces the warning"
    );
    assert!(has("missing-error-responses", "warning", "CreateTicket"));
    assert!(has("deprecated-in-use", "warning", "CloseTicket"));
    assert!(has(
        "undocumented-error-status",
        "warning",
        "ListTickets_V2"
    ));
    assert!(has("unused-operation", "info", "AddComment"));
    assert!(has("unknown-operation", "warning", ""));
    assert!(has("high-error-rate", "warning", "CreateTicket"));
    for d in v["diagnostics"].as_array().unwrap() {
        assert!(d["line"].is_u64(), "finding without a location: {d}");
    }
}

#[test]
fn bad_statistics_are_a_clear_error_with_no_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "operation_id,status,count\nListTickets,200,abc\n").unwrap();
    let out = connlint()
        .args(["stats", "fixtures/demo", "--stats"])
        .arg(&bad)
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.csv:2:17:") && err.contains("not a whole number"),
        "{err}"
    );
    connlint()
        .args([
            "check",
            "fixtures/demo",
            "fixtures/rules/missing-error-responses/valid/4xx-and-5xx.json",
            "--stats",
            "fixtures/demo/stats.csv",
        ])
        .assert()
        .code(2);
    connlint()
        .args([
            "stats",
            "fixtures/demo",
            "--stats",
            "fixtures/demo/stats.csv",
            "--window",
            "fortnight",
        ])
        .assert()
        .code(2);
}

#[test]
fn a_secondary_label_underlines_the_other_operation() {
    let out = connlint()
        .args([
            "check",
            "fixtures/rules/operation-id-unique/invalid/same-id.json",
            "--color",
            "never",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let finding = text
        .split("\n\n")
        .skip_while(|b| b.trim() != "operation-id-unique")
        .nth(1)
        .unwrap_or_else(|| panic!("no operation-id-unique finding:\n{text}"));
    // The first operation, labelled, and the repeated operationId, underlined.
    assert!(
        finding.contains("16 │         \"operationId\": \"GetItems\","),
        "{finding}"
    );
    assert!(finding.contains("╰── first used here"), "{finding}");
    assert!(
        finding.contains("31 │         \"operationId\": \"GetItems\","),
        "{finding}"
    );
}
