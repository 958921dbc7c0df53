//! README's examples are what the tool prints: every `console` block whose command runs on
//! files of this repository is run, and its lines must appear in the output in order
//! (`...` in the README stands for lines left out, or for the rest of a line it ends;
//! the run's duration is not compared).

use crate::support::{connlint, root};

/// A README line and an output line are the same, but for a duration ("in 0.01s").
fn same(readme: &str, out: &str) -> bool {
    let norm = |s: &str| {
        let mut t = String::new();
        let mut chars = s.trim_end().chars().peekable();
        while let Some(c) = chars.next() {
            if c.is_ascii_digit() && t.ends_with("in ") {
                while chars
                    .peek()
                    .is_some_and(|d| d.is_ascii_digit() || *d == '.')
                {
                    chars.next();
                }
                t.push('#');
            } else {
                t.push(c);
            }
        }
        t
    };
    // A line cut short with "..." stands for the rest of the line.
    match norm(readme).strip_suffix("...") {
        Some(start) => norm(out).starts_with(start.trim_end_matches([',', ' '])),
        None => norm(readme) == norm(out),
    }
}

#[test]
fn readme_console_examples_are_what_connlint_prints() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let mut checked = 0;
    for block in readme.split("```console\n").skip(1) {
        let block = block.split("\n```").next().unwrap();
        // One or more `$ connlint …` commands, each followed by its output.
        for example in block.split("$ connlint ").skip(1) {
            let mut lines = example.lines();
            let command = lines.next().unwrap();
            let args: Vec<&str> = command.split_whitespace().collect();
            let runnable = match args.first() {
                Some(&("rules" | "explain")) => true,
                Some(_) => args
                    .get(1)
                    .is_some_and(|p| p.starts_with("fixtures/") && root().join(p).exists()),
                None => false,
            };
            if !runnable || args.iter().any(|a| a.contains('<') || a.contains('$')) {
                continue;
            }
            let out = connlint().args(&args).output().unwrap();
            let printed = String::from_utf8_lossy(&out.stdout).into_owned();
            let mut printed_lines = printed.lines();
            for want in lines {
                if want.trim() == "..." {
                    continue;
                }
                assert!(
                    printed_lines.any(|got| same(want, got)),
                    "README example `connlint {command}`: the line\n{want}\nis not printed (in this order); connlint prints:\n{printed}"
                );
            }
            checked += 1;
        }
    }
    assert!(checked >= 4, "only {checked} README examples checked");
}

#[test]
fn durations_are_not_compared() {
    assert!(same(
        "checked 1 connector in 0.00s: 1 error",
        "checked 1 connector in 0.13s: 1 error"
    ));
    assert!(!same("1 error", "2 errors"));
    assert!(same(
        "  400 Bad Request: the service refused, ...",
        "  400 Bad Request: the service refused, mostly"
    ));
}
