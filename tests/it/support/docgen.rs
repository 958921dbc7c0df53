//! Helpers of the `docgen_*` tests: golden files, markdownlint, the orders fixture.

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use super::{root, tool, Tree};

pub const MARKER: &str = connlint::docgen::intro::MARKER;

/// A temporary copy of the `fixtures/docgen/orders` connector, with
/// `fixtures/docgen/docs/<doc>` copied in as `name` when given.
pub fn orders_with(doc: Option<(&str, &str)>) -> (Tree, PathBuf) {
    let t = Tree::new();
    let dir = t.copy_fixture("docgen/orders", "orders");
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
