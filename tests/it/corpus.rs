//! The real corpus (`../shared/corpus`, 711 connectors): no panic, every file accounted
//! for, every malformed definition reported with line:column, no finding without a
//! location. Skips, saying so, when the corpus is absent.

use std::collections::BTreeSet;
use std::path::Path;

use crate::support::{connlint, copy_dir, corpus};

#[test]
fn corpus_is_fully_accounted_for() {
    let Some(corpus) = corpus() else { return };
    let out = connlint()
        .arg("check")
        .arg(&corpus)
        .args(["--format", "json", "--fail-on", "never"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");

    // Every connector file on disk is in the report.
    let mut on_disk = BTreeSet::new();
    for entry in walkdir::WalkDir::new(&corpus)
        .into_iter()
        .filter_map(Result::ok)
    {
        let name = entry.file_name().to_string_lossy().to_lowercase();
        let in_connector = entry.depth() == 3;
        if in_connector
            && matches!(
                name.as_str(),
                "apidefinition.swagger.json" | "apiproperties.json" | "readme.md" | "intro.md"
            )
        {
            on_disk.insert(entry.path().to_string_lossy().into_owned());
        }
    }
    let reported: BTreeSet<String> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect();
    let missing: Vec<_> = on_disk.difference(&reported).collect();
    assert!(missing.is_empty(), "files not accounted for: {missing:?}");
    assert_eq!(v["summary"]["connectors"], 711);

    // No finding without a location.
    let diags = v["diagnostics"].as_array().unwrap();
    for d in diags {
        assert!(
            d["line"].is_u64() && d["column"].is_u64(),
            "finding without a location: {d}"
        );
        assert!(d["help"].is_string(), "finding without a hint: {d}");
    }

    // The 11 malformed definitions, each with line:column and a hint.
    let malformed = [
        ("CognitiveServicesTextAnalytics", 276, 6, "unreadable"),
        ("DocuSignDemo", 1635, 12, "recovered"),
        ("DocuMotor", 47, 30, "recovered"),
        ("PUG Gamified Engagement", 733, 6, "recovered"),
        ("IN-D Invoice Data Capture", 50, 49, "recovered"),
        ("envoy", 2197, 58, "recovered"),
        ("Easyvista_Service._Manager", 3819, 47, "recovered"),
        ("Plumsail Documents", 1299, 14, "recovered"),
        ("Icon Horse", 56, 11, "unreadable"),
        ("StabilityAI", 16, 3, "unreadable"),
        ("AccuWeather", 8, 28, "recovered"),
    ];
    for (name, line, column, status) in malformed {
        let file_suffix = format!("/{name}/apiDefinition.swagger.json");
        let first = diags
            .iter()
            .find(|d| {
                d["rule"] == "syntax-error" && d["file"].as_str().unwrap().ends_with(&file_suffix)
            })
            .unwrap_or_else(|| panic!("no syntax-error for {name}"));
        assert_eq!(
            (first["line"].as_u64(), first["column"].as_u64()),
            (Some(line), Some(column)),
            "{name}: {first}"
        );
        let f = v["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["path"].as_str().unwrap().ends_with(&file_suffix))
            .unwrap();
        assert_eq!(f["status"], status, "{name}");
    }
    let syntax_files: BTreeSet<&str> = diags
        .iter()
        .filter(|d| {
            d["rule"] == "syntax-error"
                && d["file"]
                    .as_str()
                    .unwrap()
                    .ends_with("apiDefinition.swagger.json")
        })
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert_eq!(syntax_files.len(), 11, "{syntax_files:?}");

    // The byte-order mark.
    assert!(diags.iter().any(|d| d["rule"] == "byte-order-mark"
        && d["file"]
            .as_str()
            .unwrap()
            .ends_with("/InEight/apiDefinition.swagger.json")
        && d["line"] == 1
        && d["column"] == 1));
}

/// Counts findings by (rule, severity) in a JSON report.
fn counts(report: &serde_json::Value) -> std::collections::BTreeMap<(String, String), usize> {
    let mut out = std::collections::BTreeMap::new();
    for d in report["diagnostics"].as_array().unwrap() {
        let key = (
            d["rule"].as_str().unwrap().to_string(),
            d["severity"].as_str().unwrap().to_string(),
        );
        *out.entry(key).or_default() += 1;
    }
    out
}

fn check_json(path: &Path, extra: &[&str]) -> (serde_json::Value, String) {
    let out = connlint()
        .arg("check")
        .arg(path)
        .args(["--format", "json", "--fail-on", "never"])
        .args(extra)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(0), "stderr: {stderr}");
    (
        serde_json::from_slice(&out.stdout).expect("one JSON document"),
        stderr,
    )
}

/// `check --fix` on a copy of every corpus connector that has a safe fix: the fixes
/// apply, no file gets a new syntax error or a repeated key, no rule reports more errors
/// than before, nothing fixable is left, and a second run has nothing to do.
#[test]
fn fix_on_a_copy_of_the_corpus() {
    let Some(corpus) = corpus() else { return };
    let (report, _) = check_json(&corpus, &[]);
    let mut dirs = BTreeSet::new();
    for d in report["diagnostics"].as_array().unwrap() {
        if d["fix"]["applicability"] == "safe" {
            let file = Path::new(d["file"].as_str().unwrap());
            dirs.insert(file.parent().unwrap().to_path_buf());
        }
    }
    assert!(
        dirs.len() > 50,
        "only {} connectors with safe fixes",
        dirs.len()
    );
    let copy = tempfile::tempdir().unwrap();
    for dir in &dirs {
        copy_dir(dir, &copy.path().join(dir.strip_prefix(&corpus).unwrap()));
    }
    let (before, _) = check_json(copy.path(), &[]);
    let (after, stderr) = check_json(copy.path(), &["--fix"]);
    assert!(stderr.contains("connlint: applied "), "{stderr}");
    assert!(!stderr.contains("not fixed"), "{stderr}");
    assert_eq!(after["summary"]["fixable"], 0, "safe fixes left: {stderr}");
    let (before, after) = (counts(&before), counts(&after));
    // Fixes mend syntax errors (trailing and missing commas) but never add one.
    for rule in ["syntax-error", "duplicate-key", "invalid-utf8"] {
        let n = |c: &std::collections::BTreeMap<(String, String), usize>| {
            c.iter()
                .filter(|((r, _), _)| r == rule)
                .map(|(_, n)| n)
                .sum::<usize>()
        };
        assert!(
            n(&after) <= n(&before),
            "{rule}: {} before --fix, {} after",
            n(&before),
            n(&after)
        );
    }
    for ((rule, severity), n) in &after {
        let was = before
            .get(&(rule.clone(), severity.clone()))
            .copied()
            .unwrap_or(0);
        assert!(
            severity != "error" || *n <= was,
            "{rule}: {was} errors before --fix, {n} after"
        );
    }
    assert!(after.values().sum::<usize>() < before.values().sum::<usize>());
    // Converged: nothing left to change.
    let again = connlint()
        .arg("check")
        .arg(copy.path())
        .args(["--fix", "--dry-run"])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(0));
    assert!(
        again.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&again.stdout)
    );
}

/// `check --previous-ref` over a git repository holding the corpus, against its own
/// commit: every real definition goes through the breaking-change rules, none of which
/// may report anything when nothing changed, and no previous version is unreadable
/// beyond the files that are unreadable today.
#[test]
fn breaking_change_rules_are_quiet_on_an_unchanged_corpus() {
    let Some(corpus) = corpus() else { return };
    let copy = tempfile::tempdir().unwrap();
    copy_dir(&corpus, copy.path());
    let git = |args: &[&str]| crate::support::git(copy.path(), args);
    git(&["init", "-q"]);
    git(&["add", "-A"]);
    git(&[
        "-c",
        "user.email=ci@example.com",
        "-c",
        "user.name=CI",
        "commit",
        "-qm",
        "corpus",
    ]);
    let (report, stderr) = check_json(copy.path(), &["--previous-ref", "HEAD"]);
    let changes: Vec<&serde_json::Value> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"].as_str().unwrap().starts_with("bc-"))
        .collect();
    assert!(changes.is_empty(), "{changes:#?}");
    assert!(
        !stderr.contains("previous version cannot be read"),
        "{stderr}"
    );
}
