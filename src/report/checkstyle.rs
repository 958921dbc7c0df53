//! `--format checkstyle`: the Checkstyle XML many CI tools and editors read.

use std::fmt::Write as _;

use super::{xml_escape, Run};

pub fn render(run: &Run) -> String {
    let mut out =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n");
    for c in run.connectors {
        for (i, file) in c.files.iter().enumerate() {
            let _ = writeln!(
                out,
                "  <file name=\"{}\">",
                xml_escape(&file.path.to_string_lossy())
            );
            for f in c.findings.iter().filter(|f| f.file == Some(i)) {
                let d = &f.diagnostic;
                let (line, column) = f
                    .location
                    .map(|l| (l.start.line, l.start.column))
                    .unwrap_or((1, 1));
                let message = match &d.help {
                    Some(h) => format!("{} (help: {h})", d.message),
                    None => d.message.clone(),
                };
                let _ = writeln!(
                    out,
                    "    <error line=\"{line}\" column=\"{column}\" severity=\"{}\" message=\"{}\" source=\"connlint.{}\"/>",
                    d.severity,
                    xml_escape(&message),
                    xml_escape(d.rule)
                );
            }
            out.push_str("  </file>\n");
        }
    }
    out.push_str("</checkstyle>\n");
    out
}
