//! `undocumented-error-status`: observed error statuses the definition does not document.

use super::support::statistics::{seen, status_label};
use super::StatisticsContext;
use crate::diagnostic::{Diagnostic, Severity};
use crate::stats::Documentation;
use crate::text::{percent as pct, thousands};

crate::declare_rule! {
    /// ## What it does
    /// With statistics (`--stats`), reports each 4xx or 5xx status an operation really
    /// returned that its `responses` do not document, with how often it happened and its
    /// share of the operation's calls. A softer variant (info) reports statuses that only
    /// `default` covers. Small numbers are left out: a status is reported when it was seen
    /// at least 10 times and in at least 0.5% of the operation's calls, or at least 100
    /// times (both thresholds are configurable).
    ///
    /// ## Why is this bad?
    /// Makers meet these errors in their flows and apps, and the definition gives them
    /// nothing to go on: no description of the cause, no remedy. Microsoft's certification
    /// guidance asks publishers to explain common 4xx and 5xx errors in the "Known issues
    /// and limitations" section of `intro.md`, and a documented response is where that
    /// explanation starts. A `default` response is better than nothing, but its single
    /// description cannot say which of several failures happened.
    ///
    /// ## How to fix
    /// Add a response for the status (e.g. `"409": { "description": "An invoice with this
    /// number already exists; choose another number." }`), and mention it in `intro.md`.
    pub static RULE = {
        id: "undocumented-error-status",
        severity: Warning,
        scope: Statistics,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/telemetry#error-codes",
        summary: "an operation returned an error status its responses do not document",
    };
}

pub fn check(ctx: &StatisticsContext, out: &mut Vec<Diagnostic>) {
    for (op, stats) in ctx.operations() {
        let t = ctx.thresholds;
        let mut errors: Vec<_> = stats
            .errors
            .iter()
            .filter(|e| {
                matches!(
                    e.documentation,
                    Documentation::Undocumented | Documentation::DefaultOnly
                )
            })
            .filter(|e| t.reports(e.count, e.share))
            .collect();
        errors.sort_by(|a, b| b.count.cmp(&a.count).then(a.status.cmp(&b.status)));
        let at = op
            .responses
            .as_ref()
            .map_or_else(|| op.pointer.clone(), |r| r.pointer.clone());
        for e in errors {
            let times = if e.count == 1 { "time" } else { "times" };
            let mut d = RULE.diagnostic(match e.documentation {
                Documentation::DefaultOnly => format!(
                    "operation {} returned {} {} {times} ({} of its calls); only `default` documents it",
                    op.name(),
                    status_label(e.status),
                    thousands(e.count),
                    pct(e.share)
                ),
                _ => format!(
                    "operation {} returned {} {} {times} ({} of its calls), a status its responses do not document",
                    op.name(),
                    status_label(e.status),
                    thousands(e.count),
                    pct(e.share)
                ),
            });
            let help = match e.documentation {
                Documentation::DefaultOnly => format!(
                    "document \"{}\" on its own: the `default` description cannot say what went wrong or what to do{}",
                    e.status,
                    seen(e.first_seen.as_ref())
                ),
                _ => format!(
                    "add a \"{}\" response whose description says when it happens and what the maker can do, and mention it under \"Known issues and limitations\" in intro.md{}",
                    e.status,
                    seen(e.first_seen.as_ref())
                ),
            };
            if e.documentation == Documentation::DefaultOnly {
                d.severity = Severity::Info;
            }
            out.push(d.at(&at).operation(op.operation_id.as_deref()).help(help));
        }
    }
}
