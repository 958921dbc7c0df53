//! `connlint tooltips`: suggestions, their order, JSON output, and `--write` edits that
//! change nothing but the added keys.

use std::path::Path;

use crate::support::*;
use connlint::source::SourceFile;
use connlint::syntax;

fn suggestions(dir: &Path, extra: &[&str]) -> Vec<serde_json::Value> {
    let out = connlint()
        .arg("tooltips")
        .arg(dir)
        .args(["--format", "json"])
        .args(extra)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    json_of(&out)["files"][0]["suggestions"]
        .as_array()
        .unwrap()
        .clone()
}

/// Whether `after` is `before` with text inserted and nothing removed or changed: line
/// by line, then character by character inside each changed group of lines.
fn without_insertions(before: &str, after: &str) -> bool {
    let diff = similar::TextDiff::from_lines(before, after);
    diff.ops().iter().all(|op| match *op {
        similar::DiffOp::Equal { .. } | similar::DiffOp::Insert { .. } => true,
        similar::DiffOp::Delete { .. } => false,
        similar::DiffOp::Replace {
            old_index,
            old_len,
            new_index,
            new_len,
        } => {
            let old: Vec<char> = (old_index..old_index + old_len)
                .filter_map(|i| diff.old_slice(i))
                .flat_map(|l| l.chars())
                .collect();
            let new: Vec<char> = (new_index..new_index + new_len)
                .filter_map(|i| diff.new_slice(i))
                .flat_map(|l| l.chars())
                .collect();
            lcs(&old, &new) == old.len()
        }
    })
}

fn lcs(a: &[char], b: &[char]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    for x in a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        prev = cur;
    }
    prev[b.len()]
}

#[test]
fn demo_suggestions_in_json_with_pointers() {
    let s = suggestions(
        &root().join("fixtures/demo"),
        &["--stats", "fixtures/demo/stats.csv"],
    );
    let first = &s[0];
    // Create a ticket had 400 and 415 responses: its fields come first.
    assert_eq!(
        first["pointer"],
        "/definitions/NewTicket/properties/priority"
    );
    assert_eq!(first["key"], "description");
    assert_eq!(first["value"], "The priority: low, normal or high.");
    assert_eq!(first["reason"], "missing");
    assert_eq!(first["used_by"][0]["operation_id"], "CreateTicket");
    assert_eq!(first["input_errors"], 425);
    assert!(s
        .iter()
        .any(|x| x["pointer"]
            == "/paths/~1v2~1tickets~1{ticketId}~1comments/post/parameters/1/schema/properties/text"
            && x["key"] == "x-ms-summary" && x["value"] == "Text"));
    // Without statistics the order is the definition's.
    let plain = suggestions(&root().join("fixtures/demo"), &[]);
    assert_eq!(plain.len(), s.len());
    assert!(plain.iter().all(|x| x["input_errors"] == 0));
}

#[test]
fn pretty_output_groups_by_field() {
    let out = connlint()
        .args([
            "tooltips",
            "fixtures/demo",
            "--stats",
            "fixtures/demo/stats.csv",
        ])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.starts_with("fixtures/demo/apiDefinition.swagger.json: 4 suggestions for 4 fields\n"),
        "{text}"
    );
    assert!(text.contains(
        "  body property `priority` in Create a ticket (425 input errors in the statistics)\n  at /definitions/NewTicket/properties/priority\n    + description: \"The priority: low, normal or high.\"\n"
    ), "{text}");
}

#[test]
fn write_adds_only_the_keys_and_the_gaps_are_gone() {
    let Some(samples) = samples() else {
        return;
    };
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("connector");
    copy_dir(&samples.join("connector"), &dir);
    let def = dir.join("apiDefinition.swagger.json");
    let before = std::fs::read_to_string(&def).unwrap();
    let findings_before = check_findings(&dir);
    let missing = suggestions(&dir, &[])
        .iter()
        .filter(|s| s["current"].is_null())
        .count();
    assert!(missing >= 15, "{missing}");
    let out = connlint()
        .arg("tooltips")
        .arg(&dir)
        .arg("--write")
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8_lossy(&out)
        .ends_with(&format!("wrote {missing} keys to {}\n", def.display())));
    let after = std::fs::read_to_string(&def).unwrap();
    assert!(
        without_insertions(&before, &after),
        "the edit removed or changed text"
    );
    // The result parses strictly, and only weak values (not written) remain.
    let file = SourceFile::read(&def).unwrap();
    let doc = syntax::parse(&file);
    assert!(doc.problems.is_empty(), "{:?}", doc.problems);
    assert!(suggestions(&dir, &[])
        .iter()
        .all(|s| !s["current"].is_null()));
    // Re-linted: no new finding, and none of the certification rules for labels and
    // tooltips (when they exist) fires on a field that was fixed.
    let findings_after = check_findings(&dir);
    for f in &findings_after {
        assert!(
            findings_before.contains(f),
            "new finding after --write: {f}"
        );
    }
    assert!(!findings_after
        .iter()
        .any(|f| f.starts_with("param-x-ms-summary-required")
            || f.starts_with("param-description-required")));
    // A second run has nothing to add.
    connlint()
        .arg("tooltips")
        .arg(&dir)
        .arg("--write")
        .assert()
        .code(0);
    assert_eq!(std::fs::read_to_string(&def).unwrap(), after);
}

/// `rule pointer` of every finding `connlint check` reports.
fn check_findings(dir: &Path) -> Vec<String> {
    let out = connlint()
        .arg("check")
        .arg(dir)
        .args(["--format", "json", "--fail-on", "never"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v = json_of(&out);
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{} {}",
                d["rule"].as_str().unwrap_or_default(),
                d["pointer"].as_str().unwrap_or_default()
            )
        })
        .collect()
}

#[test]
fn replace_weak_and_dry_run() {
    let Some(samples) = samples() else {
        return;
    };
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("connector");
    copy_dir(&samples.join("connector"), &dir);
    let def = dir.join("apiDefinition.swagger.json");
    let before = std::fs::read_to_string(&def).unwrap();
    let out = connlint()
        .arg("tooltips")
        .arg(&dir)
        .args(["--write", "--replace-weak", "--dry-run"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains("\n-          { \"name\": \"exportId\""),
        "{text}"
    );
    assert!(text.contains("would add or replace"), "{text}");
    assert_eq!(std::fs::read_to_string(&def).unwrap(), before);
    connlint()
        .arg("tooltips")
        .arg(&dir)
        .args(["--write", "--replace-weak"])
        .assert()
        .code(0);
    assert!(suggestions(&dir, &[]).is_empty());
}

#[test]
fn yaml_definitions_are_edited_in_their_own_style() {
    let t = tempfile::tempdir().unwrap();
    let def = t.path().join("apiDefinition.swagger.yaml");
    let text = "swagger: '2.0'\r\ninfo:\r\n  title: Y\r\n  version: '1'\r\npaths:\r\n  /items:\r\n    get:\r\n      operationId: ListItems\r\n      summary: List items\r\n      parameters:\r\n        - name: top # page size\r\n          in: query\r\n          type: integer\r\n        - {name: q, in: query, type: string}\r\n      responses:\r\n        '200':\r\n          description: OK\r\n";
    std::fs::write(&def, text).unwrap();
    connlint()
        .arg("tooltips")
        .arg(&def)
        .arg("--write")
        .assert()
        .code(0);
    let after = std::fs::read_to_string(&def).unwrap();
    assert_eq!(
        after,
        text.replace(
            "          type: integer\r\n",
            "          type: integer\r\n          x-ms-summary: \"Top\"\r\n          description: \"The largest number of items to return.\"\r\n"
        )
        .replace(
            "{name: q, in: query, type: string}",
            "{name: q, in: query, type: string, x-ms-summary: \"Q\", description: \"The text to search for.\"}"
        )
    );
}

#[test]
fn broken_definitions_are_not_edited() {
    let t = tempfile::tempdir().unwrap();
    let def = t.path().join("apiDefinition.swagger.json");
    let text = "{\"swagger\": \"2.0\", \"paths\": {\"/x\": {\"get\": {\"parameters\": [{\"name\": \"a\", \"in\": \"query\",}]}}}}";
    std::fs::write(&def, text).unwrap();
    let out = connlint()
        .arg("tooltips")
        .arg(&def)
        .arg("--write")
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    assert!(
        String::from_utf8_lossy(&out).contains("apiDefinition.swagger.json:1:"),
        "{}",
        String::from_utf8_lossy(&out)
    );
    assert_eq!(std::fs::read_to_string(&def).unwrap(), text);
}
