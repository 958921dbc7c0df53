//! The places connector authors work: each output is checked against its real consumer
//! where one can run here (Microsoft's SARIF multitool, pre-commit), and for its shape
//! otherwise. `.ci/run` installs the tools and passes their paths in
//! `CONNLINT_SARIF_MULTITOOL` and `CONNLINT_PRE_COMMIT`; without them these tests skip,
//! saying so, except under CI, where a missing tool is a failure.

use std::path::PathBuf;
use std::process::Command as Process;

use crate::support::{connlint, root, tool};

#[test]
fn sarif_passes_microsofts_validator() {
    let Some(multitool) = tool("CONNLINT_SARIF_MULTITOOL") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let sarif = dir.path().join("fixtures.sarif");
    // All fixtures: syntax errors, invalid UTF-8, YAML, every rule.
    let fixtures: Vec<PathBuf> = walkdir::WalkDir::new(root().join("fixtures"))
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| {
            let name = p.to_string_lossy();
            (name.ends_with(".json") || name.ends_with(".yaml"))
                && !name.ends_with(".expected.json")
        })
        .collect();
    connlint()
        .arg("check")
        .args(&fixtures)
        .args(["--format", "sarif", "--fail-on", "never"])
        .arg("--output-format")
        .arg(format!("sarif={}", sarif.display()))
        .assert()
        .code(0);
    let report = dir.path().join("validation.sarif");
    let out = Process::new(&multitool)
        .arg("validate")
        .arg(&sarif)
        .arg("--output")
        .arg(&report)
        .args(["--log", "ForceOverwrite"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "multitool failed: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    // The multitool exits 0 even when the file breaks the schema: read its report.
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    let results = v["runs"][0]["results"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let problems: Vec<String> = results
        .iter()
        .filter(|r| r["level"] != "note" && r["level"] != "none")
        .map(|r| format!("{} {}: {}", r["ruleId"], r["level"], r["message"]))
        .collect();
    assert!(
        problems.is_empty(),
        "the SARIF multitool reports:\n{}",
        problems.join("\n")
    );
    let ours: serde_json::Value = serde_json::from_slice(&std::fs::read(&sarif).unwrap()).unwrap();
    let count = ours["runs"][0]["results"].as_array().unwrap().len();
    assert!(
        count > 40,
        "only {count} results from {} fixtures",
        fixtures.len()
    );
}

#[test]
fn sarif_columns_count_utf16_code_units() {
    let dir = tempfile::tempdir().unwrap();
    let def = dir.path().join("apiDefinition.swagger.json");
    // "😀" is one character, two UTF-16 code units, four bytes.
    std::fs::write(&def, "{\"swagger\": \"2.0\", \"info\": {\"title\": \"😀\", \"version\": \"1\"}, \"paths\": {\"/x\": {\"get\": {\"summary\": \"😀\", \"operationId\": \"X\"}}}}\n").unwrap();
    let out = connlint()
        .arg("check")
        .arg(&def)
        .args(["--format", "sarif", "--fail-on", "never"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let result = v["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "missing-error-responses")
        .unwrap()
        .clone();
    let region = &result["locations"][0]["physicalLocation"]["region"];
    // `"get"` starts after 2 emoji: character column 84, UTF-16 column 86.
    let json_out = connlint()
        .arg("check")
        .arg(&def)
        .args(["--format", "json", "--fail-on", "never"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let j: serde_json::Value = serde_json::from_slice(&json_out).unwrap();
    let char_col = j["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "missing-error-responses")
        .unwrap()["column"]
        .as_u64()
        .unwrap();
    assert_eq!(region["startColumn"].as_u64().unwrap(), char_col + 1);
    assert_eq!(v["runs"][0]["columnKind"], "utf16CodeUnits");
    assert_eq!(
        result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"],
        "/paths/~1x/get"
    );
}

#[test]
fn github_annotations_and_job_summary() {
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("summary.md");
    let out = connlint()
        .args(["check", "fixtures/demo", "--format", "github"])
        .env("GITHUB_STEP_SUMMARY", &summary)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 6);
    assert_eq!(
        lines[4],
        "::error file=fixtures/demo/apiDefinition.swagger.json,line=147,col=7,endLine=147,endColumn=14,title=operation-summary-required::operation `UpdateTicket` has no `summary`%0Ahelp: add a short \"summary\" in sentence case, at most 80 characters, such as \"List items\"; makers see it as the action's name"
    );
    let md = std::fs::read_to_string(&summary).unwrap();
    assert!(md.starts_with("## connlint\n"));
    assert!(md.contains("| 1 | 3 | 7 | 1 | 5 | 0 |"));
    assert!(md.contains("| `missing-error-responses` | warning | 2 |"));
}

#[test]
fn azure_devops_logging_commands() {
    let out = connlint()
        .args(["check", "fixtures/demo", "--format", "azure-devops"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.lines().any(|l| l.starts_with(
        "##vso[task.logissue type=error;sourcepath=fixtures/demo/apiDefinition.swagger.json;linenumber=147;columnnumber=7;code=operation-summary-required;]operation `UpdateTicket` has no `summary` (help: add a short"
    )), "{text}");
    assert_eq!(
        text.lines()
            .filter(|l| l.starts_with("##vso[task.logissue type=warning"))
            .count(),
        5
    );
}

#[test]
fn junit_and_checkstyle() {
    let out = connlint()
        .args(["check", "fixtures/demo", "--format", "junit"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"connlint\" tests=\"7\" failures=\"1\""), "{text}");
    assert_eq!(text.matches("<testsuite ").count(), 3);
    assert!(text.contains("<testcase name=\"operation-summary-required\" classname=\"fixtures/demo/apiDefinition.swagger.json\">\n      <failure type=\"error\""));
    let out = connlint()
        .args(["check", "fixtures/demo", "--format", "checkstyle"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert_eq!(text.matches("<error ").count(), 6);
    assert!(text.contains("<error line=\"147\" column=\"7\" severity=\"error\" message=\"operation `UpdateTicket` has no `summary`"));
    assert!(text.contains("source=\"connlint.operation-summary-required\"/>"));
}

#[test]
fn several_outputs_from_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let sarif = dir.path().join("out.sarif");
    let json = dir.path().join("out.json");
    let out = connlint()
        .args(["check", "fixtures/demo", "--color", "never"])
        .arg("--output-format")
        .arg(format!("sarif={}", sarif.display()))
        .arg("--output-format")
        .arg(format!("json={}", json.display()))
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8_lossy(&out).contains("checked 1 connector"));
    let s: serde_json::Value = serde_json::from_slice(&std::fs::read(&sarif).unwrap()).unwrap();
    assert_eq!(s["version"], "2.1.0");
    assert_eq!(s["runs"][0]["results"].as_array().unwrap().len(), 6);
    let j: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(j["summary"]["errors"], 1);
    // Nothing else was left in the folder.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    connlint()
        .args(["check", "fixtures/demo", "--output-format", "sarif"])
        .assert()
        .code(2);
}

#[test]
fn completions_and_manual() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = connlint()
            .args(["completions", shell])
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains("connlint") && text.contains("check"),
            "{shell}"
        );
    }
    let out = connlint()
        .arg("man")
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains(".TH connlint 1"));
    let help = connlint()
        .args(["check", "--help"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8_lossy(&help).contains("Exit codes"));
}

#[test]
fn pre_commit_hook_runs_from_this_repository() {
    let Some(pre_commit) = tool("CONNLINT_PRE_COMMIT") else {
        return;
    };
    let work = tempfile::tempdir().unwrap();
    let repo = work.path();
    let git = |args: &[&str]| crate::support::git(repo, args);
    git(&["init", "-q"]);
    git(&["config", "user.email", "ci@example.com"]);
    git(&["config", "user.name", "CI"]);
    let clean = repo.join("connectors/Clean");
    let broken = repo.join("connectors/Broken");
    std::fs::create_dir_all(&clean).unwrap();
    std::fs::create_dir_all(&broken).unwrap();
    // No errors (warnings and infos do not fail the hook).
    std::fs::write(
        clean.join("apiDefinition.swagger.json"),
        r#"{
  "swagger": "2.0",
  "info": { "title": "Clean", "description": "A connector with nothing to fix in it, for the hook test.", "version": "1.0" },
  "host": "api.example.com",
  "basePath": "/",
  "schemes": ["https"],
  "paths": {
    "/items": {
      "get": {
        "operationId": "ListItems",
        "summary": "List items",
        "description": "Lists the items.",
        "responses": {
          "200": { "description": "OK", "schema": { "type": "object", "properties": { "id": { "type": "string", "description": "The ID." } } } },
          "400": { "description": "The request was not valid." },
          "500": { "description": "The service failed; try again later." }
        }
      }
    }
  }
}
"#,
    )
    .unwrap();
    std::fs::write(
        broken.join("apiDefinition.swagger.json"),
        "{\n  \"swagger\": \"2.0\",\n  \"info\": { \"title\": \"Broken\", \"version\": \"1.0\", },\n  \"paths\": {}\n}\n",
    )
    .unwrap();
    git(&["add", "."]);
    let run_hook = |hook: &str, file: &str| {
        crate::support::process(&pre_commit)
            .arg("try-repo")
            .arg(root())
            .arg(hook)
            .arg("--files")
            .arg(file)
            .current_dir(repo)
            .env("PRE_COMMIT_HOME", work.path().join(".pre-commit-cache"))
            .env("NO_COLOR", "1")
            // The hook's `cargo install` is a release build; this test checks the hook,
            // not the optimiser, so build it the quick way, in a reusable folder.
            .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0")
            .env("CARGO_PROFILE_RELEASE_LTO", "false")
            .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "64")
            .env(
                "CARGO_TARGET_DIR",
                std::env::var_os("CONNLINT_PRE_COMMIT_TARGET")
                    .map(PathBuf::from)
                    .unwrap_or_else(|| work.path().join("target")),
            )
            .output()
            .unwrap()
    };
    let run = |file: &str| run_hook("connlint", file);
    let ok = run("connectors/Clean/apiDefinition.swagger.json");
    let ok_out = String::from_utf8_lossy(&ok.stdout);
    assert!(
        ok.status.success(),
        "the clean connector failed:\n{ok_out}\n{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(ok_out.contains("Passed"), "{ok_out}");
    let bad = run("connectors/Broken/apiDefinition.swagger.json");
    let bad_out = String::from_utf8_lossy(&bad.stdout);
    assert!(
        !bad.status.success(),
        "the broken connector passed:\n{bad_out}"
    );
    assert!(bad_out.contains("Failed"), "{bad_out}");
    assert!(bad_out.contains("trailing comma"), "{bad_out}");
    assert!(bad_out.contains("remove the trailing comma"), "{bad_out}");

    // The fixing hook mends the trailing comma and fails because it changed the file.
    let fixed = run_hook(
        "connlint-fix",
        "connectors/Broken/apiDefinition.swagger.json",
    );
    let fixed_out = String::from_utf8_lossy(&fixed.stdout);
    assert!(!fixed.status.success(), "{fixed_out}");
    assert!(
        fixed_out.contains("files were modified by this hook"),
        "{fixed_out}"
    );
    assert_eq!(
        std::fs::read_to_string(broken.join("apiDefinition.swagger.json")).unwrap(),
        "{\n  \"swagger\": \"2.0\",\n  \"info\": { \"title\": \"Broken\", \"version\": \"1.0\" },\n  \"paths\": {}\n}\n"
    );
}
