//! Human output: each finding as a miette diagnostic with the source snippet, then a
//! summary of the run.

use std::fmt::Write as _;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};

use super::Run;
use crate::diagnostic::{Applicability, Severity};
use crate::results::{CheckedConnector, Finding};
use crate::source::SourceFile;
use crate::text::plural;

/// Output settings.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub width: usize,
}

/// Lines at most this many characters long are shown whole; a longer line (a minified
/// definition is one line) is shown as a window around the labels on it.
const MAX_LINE_CHARS: usize = 400;
/// Characters shown before a label on a long line, and after it.
const WINDOW_BEFORE: usize = 60;
const WINDOW_AFTER: usize = 160;

/// What miette renders of a source file for one finding: the lines around its labels,
/// each long line cut to a window around them, every character made inert
/// ([`crate::text::inert`]): a definition cannot put terminal escapes or CI logging
/// commands into the report, and a 50 MB line costs a few hundred bytes of output.
///
/// The view holds only the lines shown, in groups of consecutive lines, laid end to end;
/// labels are mapped into it, and every span miette asks for lies in one group (it merges
/// the contexts of two labels exactly when their lines touch, as the groups do).
struct Snippet {
    name: String,
    view: String,
    /// Per group: its byte range in `view`, and its first line (0-based, in the file).
    groups: Vec<(std::ops::Range<usize>, usize)>,
    /// Each label's span in `view`, and where it starts in the file (for the header).
    labels: Vec<(SourceSpan, crate::source::LineCol)>,
}

impl Snippet {
    /// The view of `file` for labels at these spans (byte offsets into the file).
    fn new(file: &SourceFile, name: &str, spans: &[(usize, usize)]) -> Snippet {
        let text = &*file.text;
        let last_line = file.line_count() - 1;
        // Each label's lines, with one line of context either side, merged where they touch.
        let mut ranges: Vec<(usize, usize)> = spans
            .iter()
            .map(|&(start, len)| {
                let end = (start + len).min(text.len());
                let first = file.line_index(start);
                let last = file.line_index(end.saturating_sub(usize::from(len > 0)).max(start));
                (first.saturating_sub(1), (last + 1).min(last_line))
            })
            .collect();
        ranges.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::new();
        for (a, b) in ranges {
            match merged.last_mut() {
                Some(last) if last.1 + 1 >= a => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        let mut view = String::new();
        let mut groups = Vec::new();
        let mut mapped = vec![(0usize, 0usize); spans.len()];
        for (first, last) in merged {
            let group_start = view.len();
            for line in first..=last {
                let (from, to) = (file.line_start(line), file.line_end(line));
                // The label ends on this line, as offsets into the line.
                let mut points: Vec<(usize, usize, bool)> = Vec::new();
                for (i, &(start, len)) in spans.iter().enumerate() {
                    let end = (start + len).min(text.len());
                    if (from..=to).contains(&start) {
                        points.push((start - from, i, true));
                    }
                    if (from..=to).contains(&end) {
                        points.push((end - from, i, false));
                    }
                }
                let line_text = &text[from..to];
                let window = window_of(line_text, &points);
                let line_view_start = view.len();
                let mut offsets = vec![usize::MAX; points.len()];
                if window.start > 0 {
                    view.push('…');
                }
                for (o, c) in line_text[window.clone()].char_indices() {
                    let at = window.start + o;
                    for (k, p) in points.iter().enumerate() {
                        if p.0 <= at && offsets[k] == usize::MAX {
                            offsets[k] = view.len();
                        }
                    }
                    crate::text::push_inert_char(&mut view, &line_text[window.start..at], c);
                }
                for (k, p) in points.iter().enumerate() {
                    if offsets[k] == usize::MAX {
                        // A point at or after the window's end.
                        offsets[k] = if p.0 < window.start {
                            line_view_start
                        } else {
                            view.len()
                        };
                    }
                }
                if window.end < line_text.len() {
                    view.push('…');
                }
                for (k, &(_, i, is_start)) in points.iter().enumerate() {
                    if is_start {
                        mapped[i].0 = offsets[k];
                    } else {
                        mapped[i].1 = offsets[k];
                    }
                }
                view.push('\n');
            }
            groups.push((group_start..view.len(), first));
        }
        let labels = spans
            .iter()
            .zip(mapped)
            .map(|(&(start, _), (a, b))| {
                (
                    SourceSpan::new(a.into(), b.saturating_sub(a)),
                    file.line_col(start),
                )
            })
            .collect();
        Snippet {
            name: crate::text::inert_line(name).into_owned(),
            view,
            groups,
            labels,
        }
    }
}

/// The byte range of a line to show: all of a short line; on a long one, the characters
/// around the labels' ends (`points`), widened to character boundaries.
fn window_of(line: &str, points: &[(usize, usize, bool)]) -> std::ops::Range<usize> {
    if line.len() <= MAX_LINE_CHARS || line.chars().count() <= MAX_LINE_CHARS {
        return 0..line.len();
    }
    let first = points.iter().map(|p| p.0).min().unwrap_or(0);
    let last = points.iter().map(|p| p.0).max().unwrap_or(0);
    // Far-apart ends (a long span, or two labels on one line): the start of the first.
    let last = if last - first > WINDOW_AFTER {
        first + WINDOW_AFTER / 2
    } else {
        last
    };
    let back = |mut at: usize, n: usize| {
        for _ in 0..n {
            if at == 0 {
                break;
            }
            at = floor_boundary(line, at - 1);
        }
        at
    };
    let forward = |mut at: usize, n: usize| {
        for _ in 0..n {
            if at >= line.len() {
                break;
            }
            at = ceil_boundary(line, at + 1);
        }
        at.min(line.len())
    };
    back(floor_boundary(line, first), WINDOW_BEFORE)
        ..forward(ceil_boundary(line, last), WINDOW_AFTER)
}

fn floor_boundary(s: &str, mut at: usize) -> usize {
    at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_boundary(s: &str, mut at: usize) -> usize {
    at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at += 1;
    }
    at
}

impl SourceCode for Snippet {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let start = span.offset();
        let end = start + span.len();
        if context_lines_before == 0 && context_lines_after == 0 {
            // miette asks for the bare span to print `file:line:column` in the header.
            let (_, at) = self
                .labels
                .iter()
                .find(|(s, _)| s.offset() == start)
                .ok_or(MietteError::OutOfBounds)?;
            return Ok(Box::new(MietteSpanContents::new_named(
                self.name.clone(),
                &self.view.as_bytes()[start..end.min(self.view.len())],
                *span,
                at.line - 1,
                at.column - 1,
                1,
            )));
        }
        // The group that holds the span: all its lines (they are the label's context).
        let (range, first_line) = self
            .groups
            .iter()
            .find(|(r, _)| r.start <= start && end <= r.end)
            .ok_or(MietteError::OutOfBounds)?;
        let data = &self.view[range.clone()];
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            data.as_bytes(),
            SourceSpan::new(range.start.into(), range.len()),
            *first_line,
            0,
            data.lines().count(),
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
        f.write_str(&crate::text::inert(&self.finding.diagnostic.message))
    }
}

impl std::fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::text::inert(&self.finding.diagnostic.message))
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
        let help = match (&d.help, fix) {
            (Some(h), Some(f)) => format!("{h}\n{f}"),
            (Some(h), None) => h.to_string(),
            (None, Some(f)) => f,
            (None, None) => return None,
        };
        Some(Box::new(crate::text::inert(&help).into_owned()))
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let snippet = self.source.as_ref()?;
        let d = &self.finding.diagnostic;
        // The snippet's labels: the primary span, then each related one.
        let labels = snippet.labels.iter().enumerate().map(|(i, (span, _))| {
            if i == 0 {
                LabeledSpan::new_primary_with_span(None, *span)
            } else {
                let text = crate::text::inert_line(&d.related[i - 1].1).into_owned();
                LabeledSpan::new_with_span(Some(text), *span)
            }
        });
        Some(Box::new(labels.collect::<Vec<_>>().into_iter()))
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
            (Some(f), Some(loc)) => f.source.as_deref().map(|source| {
                let spans: Vec<(usize, usize)> = std::iter::once(loc.span)
                    .chain(finding.diagnostic.related.iter().map(|(s, _)| *s))
                    .map(|s| (s.start as usize, s.len()))
                    .collect();
                Snippet::new(source, &f.path.display().to_string(), &spans)
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
                let path = f.path.display().to_string();
                let path = crate::text::inert_line(&path);
                let at = match finding.location {
                    Some(l) => format!("{path}:{}:{}", l.start.line, l.start.column),
                    None => path.into_owned(),
                };
                let _ = writeln!(out, "{at}:");
            }
        }
        out.push_str(&rendered);
        out.push('\n');
    }
    out
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
