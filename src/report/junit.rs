//! `--format junit`: one `<testsuite>` per file, one `<testcase>` per rule that reported
//! something in it (a file without findings has one passing test case). Findings at or
//! above `--fail-on` are failures; the others are listed in `<system-out>`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{xml_escape, Run};
use crate::results::Finding;

pub fn render(run: &Run) -> String {
    let mut suites = String::new();
    let (mut tests, mut failures) = (0usize, 0usize);
    for c in run.connectors {
        for (i, file) in c.files.iter().enumerate() {
            let path = file.path.to_string_lossy();
            let mut by_rule: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
            for f in c.findings.iter().filter(|f| f.file == Some(i)) {
                by_rule.entry(f.diagnostic.rule).or_default().push(f);
            }
            let mut cases = String::new();
            let mut suite_failures = 0;
            if by_rule.is_empty() {
                let _ = writeln!(
                    cases,
                    "    <testcase name=\"connlint\" classname=\"{}\"/>",
                    xml_escape(&path)
                );
            }
            for (rule, findings) in &by_rule {
                let lines: Vec<String> = findings
                    .iter()
                    .map(|f| {
                        let at = f
                            .location
                            .map(|l| format!("{path}:{}:{}", l.start.line, l.start.column))
                            .unwrap_or_else(|| path.to_string());
                        let help = f
                            .diagnostic
                            .help
                            .as_deref()
                            .map(|h| format!("\n  help: {h}"))
                            .unwrap_or_default();
                        format!(
                            "{at}: {}: {}{help}",
                            f.diagnostic.severity, f.diagnostic.message
                        )
                    })
                    .collect();
                let failing: Vec<&&Finding> = findings
                    .iter()
                    .filter(|f| run.fails(f.diagnostic.severity))
                    .collect();
                let _ = write!(
                    cases,
                    "    <testcase name=\"{}\" classname=\"{}\">",
                    xml_escape(rule),
                    xml_escape(&path)
                );
                if let Some(first) = failing.first() {
                    suite_failures += 1;
                    let _ = write!(
                        cases,
                        "\n      <failure type=\"{}\" message=\"{}\">{}</failure>\n    ",
                        first.diagnostic.severity,
                        xml_escape(&format!(
                            "{} finding(s); first: {}",
                            failing.len(),
                            first.diagnostic.message
                        )),
                        xml_escape(&lines.join("\n"))
                    );
                } else {
                    let _ = write!(
                        cases,
                        "\n      <system-out>{}</system-out>\n    ",
                        xml_escape(&lines.join("\n"))
                    );
                }
                cases.push_str("</testcase>\n");
            }
            let count = by_rule.len().max(1);
            tests += count;
            failures += suite_failures;
            let _ = write!(
                suites,
                "  <testsuite name=\"{}\" tests=\"{count}\" failures=\"{suite_failures}\" errors=\"0\" skipped=\"0\">\n{cases}  </testsuite>\n",
                xml_escape(&path)
            );
        }
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"connlint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" time=\"{:.3}\">\n{suites}</testsuites>\n",
        run.elapsed.as_secs_f64()
    )
}
