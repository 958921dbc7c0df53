//! Reporters: turn a run's findings into output. A reporter knows nothing of the rule
//! set: what it says about rules comes from the [`Run`].

pub mod azure;
pub mod checkstyle;
pub mod github;
pub mod json;
pub mod junit;
pub mod pretty;
pub mod sarif;
pub mod stats;

use std::time::Duration;

use crate::diagnostic::rule::RuleMeta;
use crate::diagnostic::Severity;
use crate::results::{CheckedConnector, CheckedFile, Counts, Finding};

/// Everything a reporter needs about a run.
pub struct Run<'a> {
    pub connectors: &'a [CheckedConnector],
    /// The rules of the run, sorted by id: formats that describe rules (SARIF) list them.
    pub rules: &'a [&'static RuleMeta],
    pub counts: Counts,
    pub elapsed: Duration,
    /// Findings at or above this severity fail the run (`--fail-on`); `None` never fails.
    pub fail_on: Option<Severity>,
}

impl<'a> Run<'a> {
    pub fn new(
        connectors: &'a [CheckedConnector],
        rules: &'a [&'static RuleMeta],
        elapsed: Duration,
    ) -> Self {
        Run {
            counts: Counts::of(connectors),
            connectors,
            rules,
            elapsed,
            fail_on: Some(Severity::Error),
        }
    }

    /// Every finding with the file it is in, in report order.
    pub fn findings(&self) -> impl Iterator<Item = (&'a Finding, Option<&'a CheckedFile>)> + '_ {
        self.connectors.iter().flat_map(|c| {
            c.findings
                .iter()
                .map(move |f| (f, f.file.map(|i| &c.files[i])))
        })
    }

    /// Whether a finding of this severity fails the run.
    pub fn fails(&self, severity: Severity) -> bool {
        self.fail_on.is_some_and(|t| severity >= t)
    }
}

/// Escapes text for XML attributes and content. Line breaks are written as character
/// references, so a message cannot start a line of the output (a GitHub `::` command), and
/// the `[` of a `##[` or `##vso[` as `&#91;`, so none can start an Azure logging command.
pub(crate) fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        match c {
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '[' if crate::text::ends_with_command_prefix(&s[..i]) => out.push_str("&#91;"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 cannot carry at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}
