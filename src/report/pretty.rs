//! Human output: each finding as a miette diagnostic with the source snippet, then a
//! summary of the run.

use std::fmt::Write as _;
use std::sync::Arc;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};

use super::Run;
use crate::diagnostic::{Applicability, Severity};
use crate::lint::{CheckedConnector, Finding};
use crate::source::SourceFile;

/// Output settings.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub width: usize,
}

/// A source file as miette reads it: spans are resolved with our line index rather than by
/// scanning the file from the start for every finding.
struct Snippet {
    file: Arc<SourceFile>,
    name: String,
}

impl SourceCode for Snippet {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text = &*self.file.text;
        let start = span.offset();
        let end = start + span.len();
        if end > text.len() {
            return Err(MietteError::OutOfBounds);
        }
        if context_lines_before == 0 && context_lines_after == 0 {
            // miette asks for the bare span to print `file:line:column` in the header.
            let at = self.file.line_col(start);
            return Ok(Box::new(MietteSpanContents::new_named(
                self.name.clone(),
                &text.as_bytes()[start..end],
                *span,
                at.line - 1,
                at.column - 1,
                text[start..end].lines().count().max(1),
            )));
        }
        let first_line = self
            .file
            .line_index(start)
            .saturating_sub(context_lines_before);
        let last_line = (self
            .file
            .line_index(end.saturating_sub(usize::from(!span.is_empty())).max(start))
            + context_lines_after)
            .min(self.file.line_count() - 1);
        let from = self.file.line_start(first_line);
        let mut to = self.file.line_start(last_line + 1).min(text.len());
        if to < end {
            to = end;
        }
        let column = 0;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            &text.as_bytes()[from..to],
            SourceSpan::new(from.into(), to - from),
            first_line,
            column,
            last_line - first_line + 1,
        )))
    }
}

/// One finding as a miette diagnostic.
struct Report<'a> {
    finding: &'a Finding,
    source: Option<Snippet>,
}

impl std::fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.finding.diagnostic.message)
    }
}

impl std::fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.finding.diagnostic.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new(self.finding.diagnostic.rule))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }
    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        let d = &self.finding.diagnostic;
        let fix = d.fix.as_ref().map(|f| match f.applicability {
            Applicability::Safe => format!("fix: {} (connlint check --fix)", f.description),
            Applicability::Unsafe => {
                format!("suggested fix: {} (needs --unsafe-fixes)", f.description)
            }
        });
        match (&d.help, fix) {
            (Some(h), Some(f)) => Some(Box::new(format!("{h}\n{f}"))),
            (Some(h), None) => Some(Box::new(h)),
            (None, Some(f)) => Some(Box::new(f)),
            (None, None) => None,
        }
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let loc = self.finding.location?;
        self.source.as_ref()?;
        let d = &self.finding.diagnostic;
        let mut labels = vec![LabeledSpan::new_primary_with_span(
            None,
            (loc.span.start as usize, loc.span.len()),
        )];
        for (span, label) in &d.related {
            labels.push(LabeledSpan::new_with_span(
                Some(label.clone()),
                (span.start as usize, span.len()),
            ));
        }
        Some(Box::new(labels.into_iter()))
    }
}

/// Renders one connector's findings.
pub fn render_connector(connector: &CheckedConnector, style: Style) -> String {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false);
    let mut out = String::new();
    for finding in &connector.findings {
        let file = finding.file.map(|i| &connector.files[i]);
        let source = match (file, finding.location) {
            (Some(f), Some(_)) => f.source.clone().map(|file| Snippet {
                name: f.path.display().to_string(),
                file,
            }),
            _ => None,
        };
        let report = Report { finding, source };
        let mut rendered = String::new();
        if handler.render_report(&mut rendered, &report).is_err() {
            rendered = format!(
                "{}: {}\n",
                finding.diagnostic.rule, finding.diagnostic.message
            );
        }
        // Findings without a snippet still name their file.
        if report.source.is_none() {
            if let Some(f) = file {
                let at = match finding.location {
                    Some(l) => format!("{}:{}:{}", f.path.display(), l.start.line, l.start.column),
                    None => f.path.display().to_string(),
                };
                let _ = writeln!(out, "{at}:");
            }
        }
        out.push_str(&rendered);
        out.push('\n');
    }
    out
}

/// `1 file`, `2 files`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The closing summary.
pub fn render_summary(run: &Run) -> String {
    let c = &run.counts;
    let mut s = format!(
        "checked {}, {} and {} in {:.2}s: {}, {}, {}",
        plural(c.connectors, "connector", "connectors"),
        plural(c.files, "file", "files"),
        plural(c.operations, "operation", "operations"),
        run.elapsed.as_secs_f64(),
        plural(c.errors, "error", "errors"),
        plural(c.warnings, "warning", "warnings"),
        plural(c.infos, "info", "infos"),
    );
    if c.unreadable_files > 0 {
        let _ = write!(
            s,
            "; {} could not be linted",
            plural(c.unreadable_files, "file", "files")
        );
    }
    if c.recovered_files > 0 {
        let _ = write!(
            s,
            "; {} linted after recovering from syntax errors",
            plural(c.recovered_files, "file", "files")
        );
    }
    if c.fixable > 0 {
        let _ = write!(
            s,
            "; {} with a safe fix (connlint check --fix)",
            plural(c.fixable, "finding", "findings")
        );
    }
    if c.unsafe_fixable > 0 {
        let _ = write!(
            s,
            "; {} with an unsafe fix (review with --fix --unsafe-fixes --dry-run)",
            plural(c.unsafe_fixable, "finding", "findings")
        );
    }
    s.push('\n');
    s
}
