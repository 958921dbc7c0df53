//! Hostile input, run through the built binary: links out of the tree, special files,
//! oversized files, and text that tries to forge CI logging commands or terminal escapes.

use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;

use crate::support::Tree;

/// The binary, with a time limit: hostile files must not make it hang.
fn connlint() -> Command {
    let mut cmd = crate::support::connlint();
    cmd.timeout(Duration::from_secs(60));
    cmd
}

const DEFINITION: &str = r#"{
  "swagger": "2.0",
  "info": { "title": "Probe", "description": "A connector for the probes.", "version": "1.0" },
  "host": "api.example.com",
  "basePath": "/",
  "schemes": ["https"],
  "paths": {}
}
"#;

/// A connector folder with a plain apiProperties.json, and a definition made by `make`.
fn connector(make: impl FnOnce(&Path)) -> Tree {
    let t = Tree::new();
    let c = t.connector("Probe", &[("apiProperties.json", r#"{"properties": {}}"#)]);
    make(&c);
    t
}

fn json_check(dir: &Path, args: &[&str]) -> (serde_json::Value, i32) {
    let out = connlint()
        .arg("check")
        .arg(dir)
        .args(["--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let code = out.status.code().unwrap_or(-1);
    assert_ne!(code, 101, "panic: {}", String::from_utf8_lossy(&out.stderr));
    let v = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (v, code)
}

fn unreadable_messages(report: &serde_json::Value) -> Vec<String> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "file-unreadable")
        .map(|d| format!("{} | {}", d["message"], d["help"]))
        .collect()
}

#[cfg(unix)]
#[test]
fn a_definition_linked_out_of_the_tree_is_reported_not_read() {
    let secret = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(
        secret.path(),
        "root:x:0:0:SECRET_PASSWD_LINE:/root:/bin/bash\n",
    )
    .unwrap();
    let dir = connector(|c| {
        std::os::unix::fs::symlink(secret.path(), c.join("apiDefinition.swagger.json")).unwrap();
    });
    for format in ["json", "pretty"] {
        let out = connlint()
            .arg("check")
            .arg(dir.path())
            .args(["--format", format])
            .output()
            .unwrap();
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!all.contains("SECRET_PASSWD_LINE"), "{format}: {all}");
        assert!(
            all.contains("outside the linted tree"),
            "{format}: not reported: {all}"
        );
        assert_eq!(out.status.code(), Some(1), "{format}: {all}");
    }
    let (report, _) = json_check(dir.path(), &[]);
    let messages = unreadable_messages(&report);
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].contains("symbolic link") && messages[0].contains("follows links only inside"),
        "{messages:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_link_to_proc_self_environ_does_not_print_the_environment() {
    let dir = connector(|c| {
        std::os::unix::fs::symlink("/proc/self/environ", c.join("apiDefinition.swagger.json"))
            .unwrap();
    });
    let out = connlint()
        .arg("check")
        .arg(dir.path())
        .env("CONNLINT_PROBE_TOKEN", "ghp_NOT_TO_BE_PRINTED")
        .output()
        .unwrap();
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!all.contains("ghp_NOT_TO_BE_PRINTED"), "{all}");
    assert!(all.contains("outside the linted tree"), "{all}");
}

#[cfg(unix)]
#[test]
fn a_link_inside_the_tree_is_followed() {
    let dir = connector(|c| {
        std::fs::create_dir(c.join("src")).unwrap();
        std::fs::write(c.join("src/definition.json"), DEFINITION).unwrap();
        std::os::unix::fs::symlink("src/definition.json", c.join("apiDefinition.swagger.json"))
            .unwrap();
    });
    let (report, _) = json_check(dir.path(), &[]);
    assert!(unreadable_messages(&report).is_empty(), "{report:#}");
    assert_eq!(report["summary"]["files"], 2, "{report:#}");
    // The link is the connector's apiDefinition.swagger.json: the package rules, which
    // get the folder listing from the lint, see it too.
    let rules: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["rule"].as_str())
        .collect();
    assert!(!rules.contains(&"pkg-swagger-present"), "{report:#}");
}

#[cfg(unix)]
#[test]
fn a_link_to_dev_zero_is_not_read() {
    let dir = connector(|c| {
        std::os::unix::fs::symlink("/dev/zero", c.join("apiDefinition.swagger.json")).unwrap();
    });
    let (report, code) = json_check(dir.path(), &[]);
    assert_eq!(code, 1);
    assert_eq!(unreadable_messages(&report).len(), 1, "{report:#}");
}

#[cfg(unix)]
#[test]
fn a_fifo_is_reported_without_waiting_for_a_writer() {
    let dir = connector(|_| {});
    let fifo = dir.path().join("Probe/apiDefinition.swagger.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    // The command's timeout (60 s) turns a hang into a failure.
    let (report, code) = json_check(dir.path(), &[]);
    assert_eq!(code, 1);
    let messages = unreadable_messages(&report);
    assert!(
        messages.len() == 1 && messages[0].contains("named pipe"),
        "{messages:?}"
    );
}

#[test]
fn a_file_over_the_size_limit_is_a_finding() {
    let dir = connector(|c| {
        let f = std::fs::File::create(c.join("apiDefinition.swagger.json")).unwrap();
        // Sparse: 40 MiB on paper, nothing on disk.
        f.set_len(40 * 1024 * 1024).unwrap();
    });
    let (report, code) = json_check(dir.path(), &[]);
    assert_eq!(code, 1);
    let messages = unreadable_messages(&report);
    assert!(
        messages.len() == 1 && messages[0].contains("40 MiB") && messages[0].contains("32 MiB"),
        "{messages:?}"
    );
}

#[cfg(unix)]
#[test]
fn fix_does_not_write_through_a_link_out_of_the_tree() {
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("victim.json");
    // A trailing comma: something --fix would change.
    let victim = DEFINITION.replace("\"paths\": {}", "\"paths\": {},");
    std::fs::write(&target, &victim).unwrap();
    let dir = connector(|c| {
        std::os::unix::fs::symlink(&target, c.join("apiDefinition.swagger.json")).unwrap();
    });
    let out = connlint()
        .arg("check")
        .arg(dir.path())
        .arg("--fix")
        .output()
        .unwrap();
    assert_ne!(out.status.code(), Some(101));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), victim);
}

#[cfg(unix)]
#[test]
fn intro_write_does_not_follow_a_readme_link_out_of_the_tree() {
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("notes.md");
    std::fs::write(&target, "# Someone else's notes\n").unwrap();
    let dir = connector(|c| {
        std::fs::write(c.join("apiDefinition.swagger.json"), DEFINITION).unwrap();
        std::os::unix::fs::symlink(&target, c.join("intro.md")).unwrap();
    });
    let out = connlint()
        .arg("intro")
        .arg(dir.path().join("Probe"))
        .arg("--write")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("outside the linted tree"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "# Someone else's notes\n"
    );
}

/// A definition whose strings try to act on a terminal or a CI log: an operationId with
/// carriage returns around an Azure logging command, a summary with an OSC 8 link and a
/// raw ESC in the file, a description that starts a GitHub command on a line of its own.
const HOSTILE: &str = "{\n  \"swagger\": \"2.0\",\n  \"info\": { \"title\": \"Probe ##vso[task.setvariable variable=TITLE]x\", \"description\": \"A connector.\", \"version\": \"1.0\" },\n  \"host\": \"api.example.com\",\n  \"basePath\": \"/\",\n  \"schemes\": [\"https\"],\n  \"paths\": {\n    \"/items\": {\n      \"get\": {\n        \"operationId\": \"List\\r##vso[task.setvariable variable=PWNED]owned\\r\",\n        \"summary\": \"\\u001b]8;;https://evil.example\\u0007click\\u001b]8;;\\u0007 \u{1b}[2J raw ##[error]forged\",\n        \"description\": \"x\\n::error file=a.json,line=1::forged\\n##[warning]also\",\n        \"responses\": { \"200\": { \"description\": \"OK\" } }\n      }\n    }\n  }\n}\n";

/// Checks that nothing in `text` can act: no terminal control character, no line that
/// Azure Pipelines or GitHub Actions would read as a command, except the lines of the
/// format whose job that is (`own`), each holding exactly one command.
fn assert_inert(text: &str, own: Option<&str>, what: &str) {
    for c in text.chars() {
        assert!(
            !(c.is_control() && c != '\n' && c != '\t'),
            "{what}: control character U+{:04X} in:\n{text}",
            c as u32
        );
    }
    for line in text.lines() {
        let lower = line.to_ascii_lowercase();
        let commands = lower.matches("##vso[").count() + lower.matches("##[").count();
        let github = line.trim_start().starts_with("::");
        match own {
            Some(prefix) if line.starts_with(prefix) => {
                let header = &line[..line
                    .find(']')
                    .or(line[2..].find("::").map(|i| i + 2))
                    .unwrap()];
                assert!(
                    commands <= usize::from(prefix.starts_with("##")),
                    "{what}: a second command in {line:?}"
                );
                assert!(!header.contains('\r'), "{what}: {line:?}");
            }
            _ => {
                assert_eq!(commands, 0, "{what}: a logging command in {line:?}");
                assert!(!github, "{what}: a workflow command in {line:?}");
            }
        }
    }
}

#[test]
fn no_output_format_lets_a_definition_forge_ci_commands_or_terminal_escapes() {
    let dir = tempfile::tempdir().unwrap();
    let c = dir
        .path()
        .join("Probe ##vso[task.setvariable variable=DIR]x");
    std::fs::create_dir(&c).unwrap();
    std::fs::write(c.join("apiDefinition.swagger.json"), HOSTILE).unwrap();
    std::fs::write(c.join("apiProperties.json"), r#"{"properties": {}}"#).unwrap();
    std::fs::write(
        c.join("stats.csv"),
        "operation_id,status,count\n\"List\r##vso[task.setvariable variable=PWNED]owned\r\",500,40\n\"\u{1b}]52;c;cHduZWQ=\u{7}\",200,5\n",
    )
    .unwrap();
    let stats = c.join("stats.csv");
    for (format, own) in [
        ("pretty", None),
        ("json", None),
        ("sarif", None),
        ("github", Some("::")),
        ("azure-devops", Some("##vso[task.logissue ")),
        ("junit", None),
        ("checkstyle", None),
    ] {
        for with_stats in [false, true] {
            let mut cmd = connlint();
            cmd.arg("check").arg(&c).args(["--format", format]);
            if with_stats {
                cmd.arg("--stats").arg(&stats);
            }
            let out = cmd.output().unwrap();
            assert_ne!(out.status.code(), Some(101));
            let stdout = String::from_utf8(out.stdout).unwrap();
            let stderr = String::from_utf8(out.stderr).unwrap();
            assert!(stdout.len() > 200, "{format}: {stdout}{stderr}");
            assert_inert(&stdout, own, &format!("{format} stdout"));
            assert_inert(&stderr, None, &format!("{format} stderr"));
        }
    }
    for args in [
        vec!["stats", "--format", "pretty"],
        vec!["stats", "--format", "json"],
    ] {
        let out = connlint()
            .args(&args)
            .arg(&c)
            .arg("--stats")
            .arg(&stats)
            .output()
            .unwrap();
        assert_ne!(out.status.code(), Some(101));
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(stdout.contains("40"), "{args:?}: {stdout}");
        assert_inert(&stdout, None, &format!("{args:?} stdout"));
        assert_inert(
            &String::from_utf8(out.stderr).unwrap(),
            None,
            &format!("{args:?} stderr"),
        );
    }
    for args in [vec!["intro"], vec!["tooltips"]] {
        let out = connlint()
            .args(&args)
            .arg(&c)
            .arg("--stats")
            .arg(&stats)
            .output()
            .unwrap();
        assert_ne!(out.status.code(), Some(101));
        assert_inert(
            &String::from_utf8(out.stdout).unwrap(),
            None,
            &format!("{args:?} stdout"),
        );
        assert_inert(
            &String::from_utf8(out.stderr).unwrap(),
            None,
            &format!("{args:?} stderr"),
        );
    }
}

#[test]
fn a_finding_past_column_65535_renders_a_window_of_the_line() {
    // A minified definition: one line, and a finding near its end.
    let filler: String = (0..4000)
        .map(|i| format!("\"x-filler-{i}\":\"{}\",", "v".repeat(20)))
        .collect();
    let text = format!(
        "{{\"swagger\":\"2.0\",\"info\":{{\"title\":\"Long\",\"description\":\"A connector.\",\"version\":\"1.0\",{filler}\"x-end\":1}},\"host\":\"api.example.com\",\"basePath\":\"/\",\"schemes\":[\"https\"],\"paths\":{{\"/a\":{{\"get\":{{\"operationId\":\"A\",\"responses\":{{\"200\":{{\"description\":\"OK\"}}}}}}}}}}}}"
    );
    assert!(text.len() > 150_000);
    let dir = connector(|c| std::fs::write(c.join("apiDefinition.swagger.json"), &text).unwrap());
    let out = connlint().arg("check").arg(dir.path()).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("apiDefinition.swagger.json:1:"), "{stdout}");
    // Every source line shown is a window, not the 150 KB line.
    assert!(
        stdout.lines().all(|l| l.chars().count() < 400),
        "a long line was printed whole"
    );
    assert!(stdout.contains('…'), "{stdout}");
}

/// A definition made of `HEAD`, then `rest` (the members after `schemes`, closing brace
/// included).
fn generated(rest: &str) -> String {
    format!(
        "{{\"swagger\":\"2.0\",\"info\":{{\"title\":\"Probe\",\"description\":\"A connector for the probes.\",\"version\":\"1.0\"}},\"host\":\"api.example.com\",\"basePath\":\"/\",\"schemes\":[\"https\"],{rest}"
    )
}

/// Lints a generated definition with `--format json` (the 60 s limit of [`connlint`]
/// turns a super-linear cost back into a failure) and counts the findings by rule.
fn findings_by_rule(definition: &str, args: &[&str]) -> std::collections::BTreeMap<String, usize> {
    let dir =
        connector(|c| std::fs::write(c.join("apiDefinition.swagger.json"), definition).unwrap());
    let (report, _) = json_check(dir.path(), args);
    let mut counts = std::collections::BTreeMap::new();
    for d in report["diagnostics"].as_array().unwrap() {
        *counts
            .entry(d["rule"].as_str().unwrap().to_string())
            .or_insert(0) += 1;
    }
    counts
}

/// One operation, numbered.
fn operation(i: usize) -> String {
    format!("{{\"operationId\":\"Op{i}\",\"summary\":\"Op {i}\",\"description\":\"Does {i}.\",\"responses\":{{\"200\":{{\"description\":\"OK\"}}}}}}")
}

#[test]
fn thirty_thousand_duplicate_keys_on_one_line() {
    // Each finding's column used to be counted from the start of the line: 23 s.
    let keys = vec!["\"k\":1"; 30_000].join(",");
    let counts = findings_by_rule(
        &generated(&format!("\"paths\":{{}},\"x-d\":{{{keys}}}}}")),
        &[],
    );
    assert!(
        counts.get("duplicate-key").is_some_and(|&n| n >= 100),
        "{counts:?}"
    );
}

#[test]
fn a_hundred_thousand_small_objects_on_one_line() {
    // Each closing bracket looked back over the line for its start: 61 s.
    let objects = vec!["{\"a\":1}"; 100_000].join(",");
    let counts = findings_by_rule(
        &generated(&format!("\"paths\":{{}},\"x-o\":[{objects}]}}")),
        &[],
    );
    assert!(!counts.contains_key("syntax-error"), "{counts:?}");
}

#[test]
fn a_six_megabyte_definition_of_references() {
    // Each `$ref` lookup scanned the whole `definitions` object: 40 s for 10 MB.
    let definitions: Vec<String> = (0..60_000)
        .map(|i| format!("\"D{i}\":{{\"type\":\"object\",\"properties\":{{\"a\":{{\"type\":\"string\"}},\"b\":{{\"$ref\":\"#/definitions/D{}\"}}}}}}", (i * 7) % 60_000))
        .collect();
    let paths: Vec<String> = (0..5_000)
        .map(|i| format!("\"/p{i}\":{{\"get\":{{\"operationId\":\"G{i}\",\"summary\":\"Get {i}\",\"description\":\"Gets {i}.\",\"responses\":{{\"200\":{{\"description\":\"OK\",\"schema\":{{\"$ref\":\"#/definitions/D{}\"}}}}}}}}}}", i * 3))
        .collect();
    let text = generated(&format!(
        "\"paths\":{{{}}},\"definitions\":{{{}}}}}",
        paths.join(","),
        definitions.join(",")
    ));
    assert!(text.len() > 6_000_000);
    let counts = findings_by_rule(&text, &[]);
    assert!(!counts.contains_key("invalid-reference"), "{counts:?}");
    assert_eq!(
        counts.get("operation-visibility-set"),
        Some(&5_000),
        "{counts:?}"
    );
}

#[test]
fn twenty_thousand_operations_are_not_compared_in_pairs() {
    // path-partial-duplicate compared every pair of paths (87 s for 30,000); finding positions
    // scanned every path for each finding.
    let mut paths: Vec<String> = (0..20_000)
        .map(|i| format!("\"/p{i}\":{{\"get\":{}}}", operation(i)))
        .collect();
    // One real partial duplicate among them, reported once.
    paths.push(format!("\"/{{id}}\":{{\"get\":{}}}", operation(20_000)));
    let counts = findings_by_rule(
        &generated(&format!("\"paths\":{{{}}}}}", paths.join(","))),
        &[],
    );
    assert_eq!(
        counts.get("response-schema-present"),
        Some(&20_001),
        "{counts:?}"
    );
    assert_eq!(counts.get("path-partial-duplicate"), Some(&1), "{counts:?}");
}

#[test]
fn a_million_duplicate_keys_are_counted_not_each_reported() {
    // One finding per duplicate: 1.2 GB and hundreds of MB of output. Now the first 100,
    // the first saying how many there are. Half of them in one object, half in objects of
    // their own.
    let keys = vec!["\"k\":1"; 500_001].join(",\n");
    let objects = vec!["{\"k\":1,\"k\":2}"; 500_000].join(",\n");
    let text = generated(&format!(
        "\"paths\":{{}},\"x-d\":{{{keys}}},\"x-o\":[{objects}]}}"
    ));
    let dir = connector(|c| std::fs::write(c.join("apiDefinition.swagger.json"), &text).unwrap());
    let (report, _) = json_check(dir.path(), &[]);
    let duplicates: Vec<&serde_json::Value> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "duplicate-key")
        .collect();
    assert_eq!(duplicates.len(), 100);
    assert!(
        duplicates.iter().any(|d| d["message"]
            .as_str()
            .unwrap()
            .contains("(1,000,000 duplicate keys in this file; the first 100 are reported)")),
        "{:#}",
        duplicates[0]
    );
}

/// Schemas `L0` … `L{depth-1}`, each with `fan_out` properties referring to the next;
/// the last has one property `x` of type `leaf`. An operation takes `L0` as its body and
/// returns it: `fan_out^depth` paths through the schemas, `depth` schemas.
fn schema_dag(fan_out: usize, depth: usize, leaf: &str) -> String {
    let definitions: Vec<String> = (0..depth)
        .map(|level| {
            let properties = if level + 1 < depth {
                (0..fan_out)
                    .map(|j| format!("\"p{j}\":{{\"$ref\":\"#/definitions/L{}\"}}", level + 1))
                    .collect::<Vec<_>>()
                    .join(",")
            } else {
                format!("\"x\":{{\"type\":\"{leaf}\"}}")
            };
            format!("\"L{level}\":{{\"type\":\"object\",\"properties\":{{{properties}}}}}")
        })
        .collect();
    generated(&format!(
        "\"paths\":{{\"/a\":{{\"post\":{{\"operationId\":\"A\",\"summary\":\"Do A\",\"description\":\"Does A.\",\"parameters\":[{{\"name\":\"body\",\"in\":\"body\",\"schema\":{{\"$ref\":\"#/definitions/L0\"}}}}],\"responses\":{{\"200\":{{\"description\":\"OK\",\"schema\":{{\"$ref\":\"#/definitions/L0\"}}}}}}}}}}}},\"definitions\":{{{}}}}}",
        definitions.join(",")
    ))
}

#[test]
fn previous_compares_each_pair_of_shared_schemas_once() {
    // Every path through the DAG was compared again: fan-out 4 took 49 s, 5 over 5
    // minutes. 6^12 paths here.
    let old = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(old.path(), schema_dag(6, 12, "integer")).unwrap();
    let counts = findings_by_rule(
        &schema_dag(6, 12, "string"),
        &["--previous", old.path().to_str().unwrap()],
    );
    assert_eq!(counts.get("bc-output-type-changed"), Some(&1), "{counts:?}");
}

#[test]
fn tooltips_walk_each_shared_schema_once() {
    // Fan-out 1,000, three levels: a billion paths, over 2 minutes.
    let dir = connector(|c| {
        std::fs::write(
            c.join("apiDefinition.swagger.json"),
            schema_dag(1000, 4, "string"),
        )
        .unwrap()
    });
    let out = connlint()
        .arg("tooltips")
        .arg(dir.path().join("Probe"))
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = crate::support::json_of(&out.stdout);
    let pointers: std::collections::BTreeSet<&str> = report["files"][0]["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["pointer"].as_str().unwrap())
        .collect();
    // The field four levels down is reached; the objects that hold it are containers,
    // which get no label or tooltip of their own.
    assert_eq!(
        pointers.into_iter().collect::<Vec<_>>(),
        ["/definitions/L3/properties/x"]
    );
}

#[test]
fn yaml_aliases_of_a_large_string_are_bounded_by_bytes() {
    // One 1 MB anchored string and 9,999 aliases of it: 9.8 GB before.
    let mut text = format!(
        "swagger: '2.0'\ninfo: {{title: Probe, version: '1.0'}}\nx-big: &big \"{}\"\nx-list:\n",
        "x".repeat(1_000_000)
    );
    for _ in 0..9_999 {
        text.push_str("  - *big\n");
    }
    let t = Tree::new();
    t.put("Probe/apiDefinition.swagger.yaml", &text);
    let (report, code) = json_check(t.path(), &[]);
    assert_eq!(code, 1);
    let errors: Vec<&serde_json::Value> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "syntax-error")
        .collect();
    assert_eq!(errors.len(), 1, "{report:#}");
    assert!(
        errors[0]["message"]
            .as_str()
            .unwrap()
            .contains("MiB of copied text"),
        "{:#}",
        errors[0]
    );
    // At the alias that went over the budget.
    assert!(errors[0]["line"].as_u64().unwrap() > 5, "{:#}", errors[0]);
}
