//! Every file `connlint intro` writes passes markdownlint (markdownlint-cli2, default
//! rules). `.ci/run` installs the tool and sets `CONNLINT_MARKDOWNLINT`; without it these
//! tests skip, except under CI.

use std::path::Path;

use crate::support::docgen::*;
use crate::support::*;

fn write(dir: &Path, extra: &[&str]) {
    let mut cmd = connlint();
    cmd.arg("intro").arg(dir).arg("--write").args(extra);
    if dir.join("stats.csv").exists() {
        cmd.arg("--stats").arg(dir.join("stats.csv"));
    }
    cmd.assert().code(0);
}

/// Lints files the fixtures made lint-clean: the whole file must pass.
fn assert_clean(dir: &Path, files: &[&str]) {
    let Some(issues) = markdownlint(dir, files) else {
        return;
    };
    if !issues.is_empty() {
        let texts: Vec<String> = files
            .iter()
            .map(|f| format!("== {f}\n{}", std::fs::read_to_string(dir.join(f)).unwrap()))
            .collect();
        panic!("{issues:#?}\n{}", texts.join("\n"));
    }
}

#[test]
fn updated_readmes_and_intros_pass() {
    for (doc, name, extra) in [
        ("crlf-ampersand.readme.md", "readme.md", &[][..]),
        ("h3-known-issues.readme.md", "readme.md", &[]),
        (
            "missing-section.readme.md",
            "readme.md",
            &["--common-errors"],
        ),
        ("missing-section.intro.md", "intro.md", &["--common-errors"]),
        ("hand-written.readme.md", "readme.md", &[]),
    ] {
        let (_t, dir) = orders_with(Some((doc, name)));
        assert_clean(&dir, &[name]);
        write(&dir, extra);
        assert_clean(&dir, &[name]);
    }
}

#[test]
fn created_files_pass() {
    let (_t, dir) = orders_with(None);
    write(&dir, &[]);
    write(&dir, &["--file", "readme.md", "--common-errors"]);
    assert_clean(&dir, &["intro.md", "readme.md"]);
    // The same without statistics, and for a connector without authentication.
    let t = tempfile::tempdir().unwrap();
    let bare = t.path().join("bare");
    std::fs::create_dir(&bare).unwrap();
    std::fs::write(
        bare.join("apiDefinition.swagger.json"),
        r#"{"swagger": "2.0", "info": {"title": "Bare", "version": "1"}, "paths": {}}"#,
    )
    .unwrap();
    write(&bare, &["--common-errors"]);
    write(&bare, &["--file", "README.md"]);
    assert_clean(&bare, &["intro.md", "README.md"]);
}

#[test]
fn samples_pass() {
    let Some(samples) = samples() else {
        return;
    };
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("connector");
    copy_dir(&samples.join("connector"), &dir);
    std::fs::copy(samples.join("canonical/stats.csv"), dir.join("stats.csv")).unwrap();
    write(&dir, &["--common-errors"]);
    write(&dir, &["--file", "readme.md"]);
    assert_clean(&dir, &["intro.md", "readme.md"]);
}

/// The demo readme has a long line of its own (MD013 on line 3): only the lines of the
/// generated sections must be clean.
#[test]
fn demo_readme_sections_pass() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("demo");
    copy_dir(&root().join("fixtures/demo"), &dir);
    write(&dir, &["--common-errors"]);
    let text = std::fs::read_to_string(dir.join("readme.md")).unwrap();
    let Some(issues) = markdownlint(&dir, &["readme.md"]) else {
        return;
    };
    for heading in ["Known Issues and Limitations", "Common Errors and Remedies"] {
        let lines = generated_lines(&text, heading);
        let inside: Vec<_> = issues.iter().filter(|i| lines.contains(&i.line)).collect();
        assert!(inside.is_empty(), "{inside:#?}\n{text}");
    }
}

/// Printed sections are fragments (they do not start with a title, MD041); everything
/// else passes.
#[test]
fn printed_sections_pass() {
    let t = tempfile::tempdir().unwrap();
    std::fs::write(t.path().join(".markdownlint.json"), "{\"MD041\": false}").unwrap();
    let mut files = Vec::new();
    for (i, args) in [
        &[
            "intro",
            "fixtures/demo",
            "--stats",
            "fixtures/demo/stats.csv",
            "--common-errors",
        ][..],
        &["intro", "fixtures/demo"],
        &[
            "intro",
            "fixtures/docgen/orders",
            "--stats",
            "fixtures/docgen/orders/stats.csv",
            "--common-errors",
        ],
        &[
            "intro",
            "fixtures/docgen/messaging",
            "--stats",
            "fixtures/docgen/messaging/stats.csv",
            "--common-errors",
        ],
    ]
    .iter()
    .enumerate()
    {
        let out = connlint()
            .args(*args)
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone();
        let name = format!("section{i}.md");
        std::fs::write(t.path().join(&name), out).unwrap();
        files.push(name);
    }
    let names: Vec<&str> = files.iter().map(String::as_str).collect();
    assert_clean(t.path(), &names);
}
