//! Every rule's fixtures: `fixtures/rules/<rule>/invalid/*.json` must trigger the rule and
//! match the expected findings beside them (`<case>.expected.json`, and their rendering
//! as `check --color never` prints it, source lines and carets, in `<case>.expected.txt`);
//! `valid/*.json` must
//! not trigger it (for info-level rules such as `deprecated-operation`, nothing at warning
//! or above). Run with `UPDATE_EXPECT=1` to rewrite the expected files, then review the diff.
//!
//! A `<case>.previous.json` beside a case is the version the case is compared with, for
//! the breaking-change rules (`check --previous`).
//!
//! For a rule that offers fixes, `<case>.fixed.json` (or `.fixed.yaml`) beside an invalid
//! case holds the case's text after the rule's fixes, safe and unsafe, were applied the
//! way `connlint check --fix --unsafe-fixes` applies them.
//!
//! A case may also be a connector folder (`invalid/<case>/` with apiDefinition.swagger.json,
//! apiProperties.json, readme.md, …), linted as a whole, its expected findings in
//! `invalid/<case>.expected.json` naming the file of each. Cases under a
//! `certified-connectors/` or `independent-publisher-connectors/` subfolder get that profile.

use std::path::{Path, PathBuf};

use connlint::diagnostic::{Applicability, Severity};
use connlint::discover::ConnectorFiles;
use connlint::lint::{lint_connector, LintOptions};
use connlint::rules;

/// Relative (tests run in the package folder), so the messages and the wrapping of the
/// rendered snapshots do not depend on where the repository is checked out.
fn fixtures() -> PathBuf {
    PathBuf::from("fixtures/rules")
}

/// Folders that only group cases by profile.
const PROFILE_DIRS: [&str; 3] = [
    "certified-connectors",
    "independent-publisher-connectors",
    "custom-connectors",
];

fn cases(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = Vec::new();
    let entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|r| r.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    for p in entries {
        if p.is_dir() {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            if PROFILE_DIRS.contains(&name.as_ref()) {
                out.extend(cases(&p));
            } else {
                out.push(p);
            }
        } else if is_package(&p)
            || (p.extension().is_some_and(|e| e == "json" || e == "yaml")
                && !p.to_string_lossy().ends_with(".expected.json")
                && !p.to_string_lossy().contains(".fixed.")
                && !p.to_string_lossy().contains(".previous."))
        {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// A case's previous version, `<case>.previous.json` beside it, for the breaking-change
/// rules (as `check --previous` gives it).
fn previous_version(
    case: &Path,
) -> Option<std::sync::Arc<std::collections::HashMap<PathBuf, connlint::lint::Previous>>> {
    let file = case.with_extension("previous.json");
    let text = std::fs::read_to_string(&file).ok()?;
    let old = connlint::lint::Previous {
        source: "the previous version".into(),
        definition: text,
        properties: None,
    };
    Some(std::sync::Arc::new(std::collections::HashMap::from([(
        case.to_path_buf(),
        old,
    )])))
}

/// A certification package case (`.zip`), checked as `connlint check package.zip` does.
fn is_package(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "zip")
}

/// Where a case's expected findings are kept.
fn expected_path(case: &Path) -> PathBuf {
    if case.is_dir() {
        let name = case.file_name().unwrap_or_default().to_string_lossy();
        case.with_file_name(format!("{name}.expected.json"))
    } else {
        case.with_extension("expected.json")
    }
}

/// The findings of `rule` for one case, as stable JSON: a definition file, or a connector
/// folder (whose findings also name their file). A `<case>.stats.csv` beside a definition
/// is joined as observed statistics (`check --stats`); suppressions (`x-connlint-ignore`)
/// apply as in a run.
fn findings(path: &Path, rule: &str) -> Vec<serde_json::Value> {
    findings_and_rendering(path, rule).0
}

/// [`findings`], and their rendering as `connlint check --color never` prints them (the
/// source lines and carets), without the summary.
fn findings_and_rendering(path: &Path, rule: &str) -> (Vec<serde_json::Value>, String) {
    if path.is_dir() || is_package(path) {
        return folder_findings(path, rule);
    }
    let connector = ConnectorFiles {
        dir: path.parent().unwrap().to_path_buf(),
        root: path.parent().unwrap().to_path_buf(),
        definition: Some(path.to_path_buf()),
        properties: None,
        docs: Vec::new(),
        package: None,
    };
    let stats_file = path.with_extension("stats.csv");
    let options = LintOptions {
        keep_sources: true,
        keep_model: stats_file.is_file(),
        previous: previous_version(path),
        ..LintOptions::default()
    };
    let mut checked = vec![lint_connector(&connector, &options)];
    if stats_file.is_file() {
        let c = &mut checked[0];
        let def = c
            .definition
            .as_ref()
            .expect("a statistics fixture has a readable definition");
        let report = connlint::stats::analyze(
            def,
            None,
            // Relative (tests run in the package folder), so messages naming the file are
            // the same on every machine.
            &[stats_file
                .strip_prefix(env!("CARGO_MANIFEST_DIR"))
                .unwrap_or(&stats_file)
                .to_path_buf()],
            &connlint::stats::StatsOptions::default(),
        )
        .expect("the fixture's statistics are valid");
        let thresholds = connlint::stats::Thresholds::default();
        let found = connlint::rules::check_statistics(&connlint::rules::StatisticsContext::new(
            def,
            &report,
            &thresholds,
        ));
        c.add_definition_findings(found);
    }
    let config = connlint::config::Loaded::default();
    connlint::policy::apply(
        &mut checked,
        &connlint::policy::Policy {
            config: &config,
            baseline: None,
        },
    );
    let json = checked[0]
        .findings
        .iter()
        .filter(|f| f.diagnostic.rule == rule)
        .map(|f| {
            let d = &f.diagnostic;
            let loc = f
                .location
                .expect("every finding in a definition has a location");
            serde_json::json!({
                "severity": d.severity.as_str(),
                "line": loc.start.line,
                "column": loc.start.column,
                "end_line": loc.end.line,
                "end_column": loc.end.column,
                "pointer": d.pointer,
                "message": d.message,
                "help": d.help,
            })
        })
        .collect();
    (json, rendering(&mut checked, rule))
}

/// The findings of `rule` rendered as `connlint check --color never` prints them, with
/// paths relative to the repository.
fn rendering(checked: &mut [connlint::results::CheckedConnector], rule: &str) -> String {
    let style = connlint::report::pretty::Style {
        color: false,
        width: 100,
    };
    let mut text = String::new();
    for c in checked {
        c.findings.retain(|f| f.diagnostic.rule == rule);
        text.push_str(&connlint::report::pretty::render_connector(c, style));
    }
    text.replace(concat!(env!("CARGO_MANIFEST_DIR"), "/"), "")
}

/// The findings of `rule` for a connector folder or a package, each naming its file.
fn folder_findings(dir: &Path, rule: &str) -> (Vec<serde_json::Value>, String) {
    let connectors = connlint::discover::discover(&[dir.to_path_buf()])
        .expect("a fixture folder is a connector");
    let mut checked: Vec<_> = connectors
        .iter()
        .map(|c| {
            lint_connector(
                c,
                &LintOptions {
                    keep_sources: true,
                    ..LintOptions::default()
                },
            )
        })
        .collect();
    let config = connlint::config::Loaded::default();
    connlint::policy::apply(
        &mut checked,
        &connlint::policy::Policy {
            config: &config,
            baseline: None,
        },
    );
    let mut out = Vec::new();
    for c in &checked {
        for f in c.findings.iter().filter(|f| f.diagnostic.rule == rule) {
            let d = &f.diagnostic;
            // A package's findings have no line: the zip is not text.
            let loc = f.location;
            assert!(
                loc.is_some() || is_package(dir),
                "every finding has a location"
            );
            let file = f
                .file
                .and_then(|i| c.files.get(i))
                .and_then(|cf| cf.path.file_name())
                .map(|n| n.to_string_lossy().into_owned());
            out.push(serde_json::json!({
                "file": file,
                "severity": d.severity.as_str(),
                "line": loc.map(|l| l.start.line),
                "column": loc.map(|l| l.start.column),
                "end_line": loc.map(|l| l.end.line),
                "end_column": loc.map(|l| l.end.column),
                "pointer": d.pointer,
                // Relative, so that messages naming the file are the same on every machine.
                "message": d.message.replace(concat!(env!("CARGO_MANIFEST_DIR"), "/"), ""),
                "help": d.help,
            }));
        }
    }
    (out, rendering(&mut checked, rule))
}

#[test]
fn every_rule_fixture_behaves() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut failures = Vec::new();
    let mut checked = 0;
    for rule in rules::all() {
        let dir = fixtures().join(rule.id);
        let invalid = cases(&dir.join("invalid"));
        // A rule about unreadable files cannot be shown by a file in the repository.
        if invalid.is_empty() && rule.id != "file-unreadable" {
            failures.push(format!(
                "{}: no invalid fixture in {}",
                rule.id,
                dir.display()
            ));
        }
        for case in invalid {
            checked += 1;
            let (got, rendered) = findings_and_rendering(&case, rule.id);
            if got.is_empty() {
                failures.push(format!(
                    "{}: {} does not trigger the rule",
                    rule.id,
                    case.display()
                ));
                continue;
            }
            for f in &got {
                let msg = f["message"].as_str().unwrap_or_default();
                if msg.starts_with(|c: char| c.is_uppercase()) || msg.ends_with('.') {
                    failures.push(format!(
                        "{}: message must start lower-case and not end with a period: {msg}",
                        rule.id
                    ));
                }
            }
            let expected_path = expected_path(&case);
            let got_text = serde_json::to_string_pretty(&got).unwrap() + "\n";
            let rendered_path = expected_path.with_extension("txt");
            if update {
                std::fs::write(&expected_path, &got_text).unwrap();
                std::fs::write(&rendered_path, &rendered).unwrap();
                continue;
            }
            match std::fs::read_to_string(&rendered_path) {
                Ok(expected) if expected.replace("\r\n", "\n") == rendered => {}
                Ok(expected) => failures.push(format!(
                    "{}: the rendering of {} differs from {}\n--- expected\n{expected}\n--- got\n{rendered}",
                    rule.id,
                    case.display(),
                    rendered_path.display()
                )),
                Err(_) => failures.push(format!(
                    "{}: missing {} (run with UPDATE_EXPECT=1)",
                    rule.id,
                    rendered_path.display()
                )),
            }
            match std::fs::read_to_string(&expected_path) {
                Ok(expected) if expected.replace("\r\n", "\n") == got_text => {}
                Ok(expected) => failures.push(format!(
                    "{}: {} differs from {}\n--- expected\n{expected}\n--- got\n{got_text}",
                    rule.id,
                    case.display(),
                    expected_path.display()
                )),
                Err(_) => failures.push(format!(
                    "{}: missing {} (run with UPDATE_EXPECT=1)",
                    rule.id,
                    expected_path.display()
                )),
            }
        }
        for case in cases(&dir.join("valid")) {
            checked += 1;
            let got = findings(&case, rule.id);
            let bad: Vec<_> = got
                .iter()
                .filter(|f| rule.default_severity > Severity::Info || f["severity"] != "info")
                .collect();
            if !bad.is_empty() {
                failures.push(format!(
                    "{}: valid case {} triggers the rule: {bad:?}",
                    rule.id,
                    case.display()
                ));
            }
        }
    }
    assert!(checked > 40, "only {checked} fixtures found");
    assert!(
        failures.is_empty(),
        "{} problem(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Where a case's fixed text is kept: `<case>.fixed.<ext>`.
fn fixed_path(case: &Path) -> PathBuf {
    let ext = case.extension().unwrap_or_default().to_string_lossy();
    case.with_extension(format!("fixed.{ext}"))
}

/// What applying `rule`'s fixes to a definition case gives.
struct Fixed {
    /// The fixed text, when a fix was applied.
    text: Option<String>,
    /// The applicability of every fix the rule offered on the way.
    offered: Vec<Applicability>,
    /// Files the applier refused to change, with why.
    refused: Vec<String>,
}

/// Applies `rule`'s fixes (safe and unsafe) to a case, pass after pass, as `check --fix
/// --unsafe-fixes` does, but with the other rules' fixes left out.
fn apply_fixes(case: &Path, rule: &str) -> Fixed {
    let connector = ConnectorFiles {
        dir: case.parent().unwrap().to_path_buf(),
        root: case.parent().unwrap().to_path_buf(),
        definition: Some(case.to_path_buf()),
        properties: None,
        docs: Vec::new(),
        package: None,
    };
    let config = connlint::config::Loaded::default();
    let mut overlay = std::collections::HashMap::new();
    let mut out = Fixed {
        text: None,
        offered: Vec::new(),
        refused: Vec::new(),
    };
    for _ in 0..connlint::fix::MAX_PASSES {
        let options = LintOptions {
            keep_sources: true,
            overlay: Some(std::sync::Arc::new(overlay.clone())),
            ..LintOptions::default()
        };
        let mut checked = vec![lint_connector(&connector, &options)];
        connlint::policy::apply(
            &mut checked,
            &connlint::policy::Policy {
                config: &config,
                baseline: None,
            },
        );
        checked[0].findings.retain(|f| f.diagnostic.rule == rule);
        out.offered.extend(
            checked[0]
                .findings
                .iter()
                .filter_map(|f| f.diagnostic.fix.as_ref().map(|x| x.applicability)),
        );
        let pass = connlint::fix::pass(&checked, connlint::fix::Selection { unsafe_fixes: true });
        out.refused.extend(
            pass.refused
                .iter()
                .map(|(p, why)| format!("{}: {why}", p.display())),
        );
        if pass.changed.is_empty() {
            break;
        }
        for change in pass.changed {
            out.text = Some(change.after.clone());
            overlay.insert(change.path, change.after);
        }
    }
    out
}

#[test]
fn every_fix_is_pinned() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut failures = Vec::new();
    for rule in rules::all() {
        let mut offered = Vec::new();
        for case in cases(&fixtures().join(rule.id).join("invalid")) {
            if case.is_dir() || is_package(&case) {
                continue;
            }
            let fixed = apply_fixes(&case, rule.id);
            offered.extend(fixed.offered.iter().copied());
            failures.extend(fixed.refused.iter().map(|r| format!("{}: {r}", rule.id)));
            let path = fixed_path(&case);
            match (&fixed.text, std::fs::read_to_string(&path)) {
                (Some(text), _) if update => std::fs::write(&path, text).unwrap(),
                (None, Ok(_)) if update => std::fs::remove_file(&path).unwrap(),
                (Some(text), Ok(expected)) if *text == expected => {}
                (Some(text), Ok(expected)) => failures.push(format!(
                    "{}: fixing {} gives another text than {}\n--- expected\n{expected}\n--- got\n{text}",
                    rule.id,
                    case.display(),
                    path.display()
                )),
                (Some(_), Err(_)) => failures.push(format!(
                    "{}: missing {} (run with UPDATE_EXPECT=1)",
                    rule.id,
                    path.display()
                )),
                (None, Ok(_)) => failures.push(format!(
                    "{}: {} exists but no fix applies to {}",
                    rule.id,
                    path.display(),
                    case.display()
                )),
                (None, Err(_)) => {}
            }
        }
        match rule.fix {
            None if !offered.is_empty() => failures.push(format!(
                "{}: findings carry fixes but the rule declares none (add `fix:` to its declaration)",
                rule.id
            )),
            Some(_) if offered.is_empty() => failures.push(format!(
                "{}: declares a fix but no invalid fixture shows one",
                rule.id
            )),
            Some(Applicability::Safe) if !offered.contains(&Applicability::Safe) => failures.push(
                format!("{}: declares a safe fix but offers only unsafe ones", rule.id),
            ),
            Some(Applicability::Unsafe) if offered.contains(&Applicability::Safe) => failures.push(
                format!("{}: declares an unsafe fix but offers safe ones", rule.id),
            ),
            _ => {}
        }
    }
    assert!(
        failures.is_empty(),
        "{} problem(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
