//! Shared helpers of the `docgen_*` integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use assert_cmd::Command;

pub const MARKER: &str = connlint::docgen::intro::MARKER;

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

pub fn connlint() -> Command {
    let mut cmd = Command::cargo_bin("connlint").unwrap();
    cmd.current_dir(root()).env_remove("GITHUB_STEP_SUMMARY");
    cmd
}

/// `../shared/reference/telemetry/samples`, or `None` (with a message) when absent.
pub fn samples() -> Option<PathBuf> {
    let dir = root().join("../shared/reference/telemetry/samples");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("skipping: {} not found", dir.display());
        None
    }
}

/// The tool's path from the environment, or `None` (skip) outside CI.
pub fn tool(var: &str) -> Option<PathBuf> {
    match std::env::var_os(var) {
        Some(p) if !p.is_empty() => Some(PathBuf::from(p)),
        _ if std::env::var_os("CI").is_some_and(|v| v == "true") => {
            panic!("{var} is not set under CI: .ci/run must install the tool")
        }
        _ => {
            eprintln!("skipping: {var} is not set (.ci/run installs the tool and sets it)");
            None
        }
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
            // The source may be read-only (a shared reference folder); connlint refuses
            // to rewrite read-only files, so the copy must be writable.
            let mut permissions = std::fs::metadata(&target).unwrap().permissions();
            #[allow(clippy::permissions_set_readonly_false)]
            permissions.set_readonly(false);
            std::fs::set_permissions(&target, permissions).unwrap();
        }
    }
}

/// A temporary copy of the `fixtures/docgen/orders` connector, with
/// `fixtures/docgen/docs/<doc>` copied in as `name` when given.
pub fn orders_with(doc: Option<(&str, &str)>) -> (tempfile::TempDir, PathBuf) {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("orders");
    copy_dir(&root().join("fixtures/docgen/orders"), &dir);
    if let Some((source, name)) = doc {
        std::fs::copy(
            root().join("fixtures/docgen/docs").join(source),
            dir.join(name),
        )
        .unwrap();
    }
    (t, dir)
}

/// Compares `actual` with the golden file `fixtures/docgen/golden/<name>`; with
/// `CONNLINT_UPDATE_GOLDEN=1` rewrites it instead.
pub fn golden(name: &str, actual: &str) {
    let path = root().join("fixtures/docgen/golden").join(name);
    if std::env::var_os("CONNLINT_UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (CONNLINT_UPDATE_GOLDEN=1 writes it)",
            path.display()
        )
    });
    if expected != actual {
        let diff = similar::TextDiff::from_lines(&expected, actual)
            .unified_diff()
            .header("golden", "actual")
            .to_string();
        panic!(
            "{} differs (CONNLINT_UPDATE_GOLDEN=1 rewrites it):\n{diff}",
            path.display()
        );
    }
}

/// A markdownlint-cli2 finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LintIssue {
    pub file: String,
    pub line: usize,
    pub rule: String,
    pub text: String,
}

/// Runs markdownlint-cli2 (default rules) on files inside `dir`; `None` when the tool
/// is not installed outside CI.
pub fn markdownlint(dir: &Path, files: &[&str]) -> Option<Vec<LintIssue>> {
    let tool = tool("CONNLINT_MARKDOWNLINT")?;
    let out = Process::new(tool)
        .current_dir(dir)
        .args(files.iter().map(|f| format!(":{f}")))
        .output()
        .expect("markdownlint-cli2 runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let mut issues = Vec::new();
    for line in text.lines() {
        // file:line[:col] [error] RULE/alias description
        let Some((place, rest)) = line.split_once(' ') else {
            continue;
        };
        let mut parts = place.split(':');
        let (Some(file), Some(n)) = (parts.next(), parts.next()) else {
            continue;
        };
        let Ok(n) = n.parse::<usize>() else {
            continue;
        };
        if !files.contains(&file) {
            continue;
        }
        let rest = rest.strip_prefix("error ").unwrap_or(rest);
        issues.push(LintIssue {
            file: file.to_string(),
            line: n,
            rule: rest.split('/').next().unwrap_or_default().to_string(),
            text: line.to_string(),
        });
    }
    let clean = out.status.success();
    assert_eq!(
        clean,
        issues.is_empty(),
        "could not read markdownlint's output:\n{text}"
    );
    Some(issues)
}

/// 1-based line range of the generated section(s) of a file: from the heading before the
/// first generated line to the marker line.
pub fn generated_lines(text: &str, heading: &str) -> std::ops::RangeInclusive<usize> {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.trim_start().starts_with('#') && l.contains(heading))
        .unwrap_or_else(|| panic!("no heading {heading:?} in:\n{text}"));
    let end = lines[start..]
        .iter()
        .position(|l| l.trim() == MARKER)
        .map(|i| start + i)
        .unwrap_or_else(|| panic!("no marker after {heading:?} in:\n{text}"));
    start + 1..=end + 1
}

/// Fails when generated documentation holds a figure from the statistics: a percentage,
/// a call count, or a date outside a code span (format examples are code).
pub fn assert_no_figures(text: &str) {
    let mut outside = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 0 {
            outside.push_str(part);
            outside.push(' ');
        }
    }
    let flat = outside.split_whitespace().collect::<Vec<_>>().join(" ");
    let words: Vec<&str> = flat.split(' ').collect();
    for (i, w) in words.iter().enumerate() {
        let digits = w.chars().filter(char::is_ascii_digit).count();
        assert!(
            !(digits > 0 && w.contains('%')),
            "a percentage ({w}) in:\n{text}"
        );
        let calls = words
            .get(i + 1)
            .is_some_and(|n| n.trim_matches(|c: char| !c.is_alphabetic()) == "calls");
        assert!(
            !(digits > 0 && calls && w.chars().all(|c| c.is_ascii_digit() || c == ',')),
            "a call count ({w} calls) in:\n{text}"
        );
        let b = w.as_bytes();
        let date = b.len() >= 10
            && b[..4].iter().all(u8::is_ascii_digit)
            && b[4] == b'-'
            && b[5..7].iter().all(u8::is_ascii_digit)
            && b[7] == b'-';
        assert!(!date, "a date ({w}) in:\n{text}");
    }
}
