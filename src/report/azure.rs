//! `--format azure-devops`: Azure Pipelines logging commands
//! (`##vso[task.logissue ...]`), the format the PowerPlatformConnectors pipeline uses.
//! Azure knows only errors and warnings; infos are printed as plain lines.

use std::fmt::Write as _;

use super::Run;
use crate::diagnostic::Severity;

/// Escapes a property or message as Azure Pipelines documents for logging commands.
fn escape(s: &str) -> String {
    s.replace('%', "%AZP25")
        .replace(';', "%3B")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
        .replace(']', "%5D")
}

pub fn render(run: &Run) -> String {
    let mut out = String::new();
    for (finding, file) in run.findings() {
        let d = &finding.diagnostic;
        let message = match &d.help {
            Some(h) => format!("{} (help: {h})", d.message),
            None => d.message.clone(),
        };
        let kind = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => {
                // Azure has no info issues: a plain line, which must not hold a logging
                // command (the agent finds `##vso[` anywhere in a line) or break in two.
                let at = match (file, finding.location) {
                    (Some(f), Some(l)) => {
                        format!("{}:{}:{}: ", f.path.display(), l.start.line, l.start.column)
                    }
                    (Some(f), None) => format!("{}: ", f.path.display()),
                    _ => String::new(),
                };
                let line = format!("{at}info[{}]: {}", d.rule, message.replace('\n', " "));
                let _ = writeln!(out, "{}", crate::text::inert_line(&line));
                continue;
            }
        };
        let mut props = vec![format!("type={kind}")];
        if let Some(f) = file {
            props.push(format!(
                "sourcepath={}",
                escape(&crate::text::inert(&f.path.to_string_lossy()))
            ));
        }
        if let Some(l) = finding.location {
            props.push(format!("linenumber={}", l.start.line));
            props.push(format!("columnnumber={}", l.start.column));
        }
        props.push(format!("code={}", escape(d.rule)));
        let _ = writeln!(
            out,
            "##vso[task.logissue {};]{}",
            props.join(";"),
            escape(&crate::text::inert(&message))
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape("a;b]c%\n"), "a%3Bb%5Dc%AZP25%0A");
    }
}
