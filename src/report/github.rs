//! `--format github`: GitHub Actions workflow commands, so findings appear as annotations
//! on the pull request; plus a Markdown job summary when `GITHUB_STEP_SUMMARY` is set.

use std::fmt::Write as _;

use super::Run;
use crate::diagnostic::Severity;

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(run: &Run) -> String {
    let mut out = String::new();
    for (finding, file) in run.findings() {
        let d = &finding.diagnostic;
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut props = Vec::new();
        if let Some(f) = file {
            props.push(format!(
                "file={}",
                escape_property(&crate::text::inert(&f.path.to_string_lossy()))
            ));
        }
        if let Some(l) = finding.location {
            props.push(format!("line={}", l.start.line));
            props.push(format!("col={}", l.start.column));
            props.push(format!("endLine={}", l.end.line));
            if l.end.line == l.start.line {
                props.push(format!("endColumn={}", l.end.column));
            }
        }
        props.push(format!("title={}", escape_property(d.rule)));
        let mut message = d.message.clone();
        if let Some(h) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(h);
        }
        let _ = writeln!(
            out,
            "::{command} {}::{}",
            props.join(","),
            escape_data(&crate::text::inert(&message))
        );
    }
    out
}

/// The Markdown job summary.
pub fn summary(run: &Run) -> String {
    let c = &run.counts;
    let mut s = String::from("## connlint\n\n");
    let _ = writeln!(
        s,
        "| connectors | files | operations | errors | warnings | infos |\n|---:|---:|---:|---:|---:|---:|\n| {} | {} | {} | {} | {} | {} |\n",
        c.connectors, c.files, c.operations, c.errors, c.warnings, c.infos
    );
    let mut by_rule: std::collections::BTreeMap<(&str, &str), usize> = Default::default();
    for (f, _) in run.findings() {
        *by_rule
            .entry((f.diagnostic.rule, f.diagnostic.severity.as_str()))
            .or_default() += 1;
    }
    if !by_rule.is_empty() {
        s.push_str("| rule | severity | findings |\n|---|---|---:|\n");
        for ((rule, sev), n) in by_rule {
            let _ = writeln!(s, "| `{rule}` | {sev} | {n} |");
        }
        s.push('\n');
    }
    if c.unreadable_files > 0 {
        let _ = writeln!(s, "{} file(s) could not be linted.\n", c.unreadable_files);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
        assert_eq!(escape_data("x\ny: z,"), "x%0Ay: z,");
    }
}
