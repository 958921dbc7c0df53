//! `connlint tooltips`: suggestions, their order, JSON output, and `--write` edits that
//! change nothing but the added keys.

use std::path::Path;

use crate::support::docgen::golden;
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
    // The one field left says nothing and no fact says more: a question for the
    // publisher, never written.
    assert_eq!(
        first["pointer"],
        "/definitions/TicketUpdate/properties/assignee"
    );
    assert_eq!(first["key"], "description");
    assert_eq!(
        first["value"],
        "TODO: what does a maker enter in Assignee? Give an example."
    );
    assert_eq!(first["todo"], true);
    assert_eq!(first["used_by"][0]["operation_id"], "UpdateTicket");
    // Create a ticket's `priority` is an enum: the designer shows the dropdown, so its
    // values are not repeated as a tooltip.
    assert!(!s
        .iter()
        .any(|x| x["pointer"] == "/definitions/NewTicket/properties/priority"));
    // "Add a comment (DEPRECATED)" is deprecated by its name: makers are not shown it.
    assert!(!s.iter().any(|x| x["pointer"]
        .as_str()
        .unwrap()
        .starts_with("/paths/~1v2~1tickets~1{ticketId}~1comments/post")));
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
        text.starts_with("fixtures/demo/apiDefinition.swagger.json: 1 suggestion for 1 field\n"),
        "{text}"
    );
    assert!(text.contains(
        "  body property `assignee` in UpdateTicket\n  at /definitions/TicketUpdate/properties/assignee\n    ? description: TODO: what does a maker enter in Assignee? Give an example.\n"
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
    let before_suggestions = suggestions(&dir, &[]);
    let missing = before_suggestions
        .iter()
        .filter(|s| s["current"].is_null() && s["todo"] == false)
        .count();
    assert!(missing >= 6, "{missing}");
    let written: Vec<String> = before_suggestions
        .iter()
        .filter(|s| s["current"].is_null() && s["todo"] == false)
        .map(|s| s["pointer"].as_str().unwrap().to_string())
        .collect();
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
    // The result parses strictly, and only weak values and questions (never written)
    // remain.
    let file = SourceFile::read(&def).unwrap();
    let doc = syntax::parse(&file);
    assert!(doc.problems.is_empty(), "{:?}", doc.problems);
    assert!(!after.contains("TODO"));
    assert!(suggestions(&dir, &[])
        .iter()
        .all(|s| !s["current"].is_null() || s["todo"] == true));
    // Re-linted: no new finding, and none of the certification rules for labels and
    // tooltips (when they exist) fires on a field that was fixed.
    let findings_after = check_findings(&dir);
    for f in &findings_after {
        assert!(
            findings_before.contains(f),
            "new finding after --write: {f}"
        );
    }
    assert!(!findings_after.iter().any(|f| {
        (f.starts_with("param-x-ms-summary-required")
            || f.starts_with("param-description-required"))
            && written.iter().any(|p| f.ends_with(&format!(" {p}")))
    }));
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
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("boards");
    copy_dir(&root().join("fixtures/docgen/boards"), &dir);
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
    // "Query to use." says nothing the label "JQL Query" does not: replaced by facts.
    assert!(
        text.contains("\"description\": \"A JQL (Jira Query Language) query, such as project = DEMO AND status = Done.\""),
        "{text}"
    );
    assert!(text.contains("would add or replace"), "{text}");
    assert_eq!(std::fs::read_to_string(&def).unwrap(), before);
    let weak: Vec<serde_json::Value> = suggestions(&dir, &[])
        .into_iter()
        .filter(|s| !s["current"].is_null() && s["todo"] == false)
        .collect();
    connlint()
        .arg("tooltips")
        .arg(&dir)
        .args(["--write", "--replace-weak"])
        .assert()
        .code(0);
    let after = std::fs::read_to_string(&def).unwrap();
    assert!(!after.contains("TODO"));
    // A kept sentence is still there, the facts after it ("Archive the card. The
    // default is Yes."): the new text carries strictly more.
    for w in &weak {
        let value = w["value"].as_str().unwrap();
        assert!(
            after.contains(&serde_json::to_string(value).unwrap()),
            "{value}"
        );
    }
    assert!(after.contains("\"Archive the card. The default is Yes.\""));
    // What is left are questions for the publisher, which are never written.
    assert!(suggestions(&dir, &[]).iter().all(|s| s["todo"] == true));
}

#[test]
fn golden_boards() {
    let out = connlint()
        .args([
            "tooltips",
            "fixtures/docgen/boards",
            "--stats",
            "fixtures/docgen/boards/stats.csv",
        ])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    golden("boards.tooltips.txt", &String::from_utf8(out).unwrap());
    let out = connlint()
        .args(["tooltips", "fixtures/docgen/boards", "--format", "json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    golden("boards.tooltips.json", &String::from_utf8(out).unwrap());
}

#[test]
fn boards_labels_tooltips_and_ranking() {
    let s = suggestions(
        &root().join("fixtures/docgen/boards"),
        &["--stats", "fixtures/docgen/boards/stats.csv"],
    );
    let find = |name: &str, key: &str| {
        s.iter()
            .find(|x| x["name"] == name && x["key"] == key)
            .map(|x| x["value"].as_str().unwrap().to_string())
    };
    // The field behind most 400s, weakly described, comes first.
    assert_eq!(s[0]["name"], "jql");
    assert_eq!(s[0]["reason"], "says nothing the label does not");
    // Labels: the title when there is one, else the name split into words.
    assert_eq!(
        find("maxresults", "x-ms-summary").as_deref(),
        Some("Max Results")
    );
    assert_eq!(find("boardid", "x-ms-summary").as_deref(), Some("Board ID"));
    assert_eq!(
        find("issuetype", "x-ms-summary").as_deref(),
        Some("Issue Type")
    );
    assert_eq!(
        find("taskid", "x-ms-summary").as_deref(),
        Some("Parent Card ID")
    );
    assert_eq!(
        find("cardTitle", "x-ms-summary").as_deref(),
        Some("Card Title")
    );
    // Facts only: range and default, a pattern in words, the action that supplies the
    // value. Allowed values are the dropdown's, not repeated (`issuetype`, and the
    // `labels` array only says how many).
    assert_eq!(
        find("maxresults", "description").as_deref(),
        Some("A whole number from 1 to 100. The default is 50.")
    );
    assert_eq!(
        find("labels", "description").as_deref(),
        Some("Up to 3 items.")
    );
    assert_eq!(find("issuetype", "description"), None);
    // "Assignee Email" says it is an address; "Notes" what to enter.
    assert_eq!(find("assigneeEmail", "description"), None);
    assert_eq!(find("notes", "description"), None);
    assert_eq!(
        find("cardCode", "description").as_deref(),
        Some("Three capital letters, a hyphen and four digits, such as ABC-1234.")
    );
    assert_eq!(
        find("boardid", "description").as_deref(),
        Some("Use the Board ID output of \u{201c}List boards\u{201d}.")
    );
    // `due` says 'YYYY-MM-DD hh:mm' but is `format: date-time`: no example is printed.
    assert!(s.iter().all(|x| !x["value"]
        .as_str()
        .unwrap()
        .contains("2025-01-31T13:45:00Z")));
    // Nothing for the deprecated, the internal operation or the internal property.
    for x in &s {
        let p = x["pointer"].as_str().unwrap();
        assert!(
            !p.contains("~1move") && !p.contains("/lists") && !p.contains("webhookUrl"),
            "{p}"
        );
        assert!(x["used_by"]
            .as_array()
            .unwrap()
            .iter()
            .all(|u| u["operation_id"] != "MoveCard" && u["operation_id"] != "GetLists"));
    }
    // No tautologies: a description never only restates the label.
    for x in s
        .iter()
        .filter(|x| x["key"] == "description" && x["todo"] == false)
    {
        let v = x["value"].as_str().unwrap().to_lowercase();
        assert!(
            !v.starts_with("the id of") && !v.contains(" for the \u{201c}"),
            "{v}"
        );
    }
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
            "          type: integer\r\n          x-ms-summary: \"Top\"\r\n"
        )
        .replace(
            "{name: q, in: query, type: string}",
            "{name: q, in: query, type: string, x-ms-summary: \"Search Query\"}"
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
