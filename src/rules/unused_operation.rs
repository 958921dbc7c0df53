//! `unused-operation`: operations with no traffic in the window.

use super::StatisticsContext;
use crate::diagnostic::Diagnostic;

crate::declare_rule! {
    /// ## What it does
    /// With per-operation statistics (`--stats`), reports each operation that received no
    /// calls in the window. Operations whose traffic could only be counted in an ambiguous
    /// group are not reported. Connector-level totals alone (`operation_id` `*`) never
    /// raise it.
    ///
    /// ## Why is this bad?
    /// It is not a defect, only a fact worth a look: an unused action may be hard to find
    /// (a vague summary, `x-ms-visibility: advanced`), broken in a way that stops makers
    /// from getting as far as calling it, or simply no longer needed. Unused operations
    /// still need documentation and testing at every certification update.
    ///
    /// ## How to fix
    /// Check the operation's summary and description, or deprecate it if nobody needs it.
    pub static RULE = {
        id: "unused-operation",
        severity: Info,
        scope: Statistics,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/telemetry",
        summary: "an operation received no calls in the statistics window",
    };
}

pub fn check(ctx: &StatisticsContext, out: &mut Vec<Diagnostic>) {
    let report = ctx.report;
    // Only statistics that count calls per operation can say an operation had none.
    let per_operation = report.operations.iter().any(|o| o.responses.requests > 0)
        || !report.ambiguous.is_empty()
        || report
            .unknown_operation_ids
            .iter()
            .any(|u| u.counted_as.is_none());
    if !per_operation {
        return;
    }
    for (op, stats) in ctx.operations() {
        if stats.responses.requests == 0 && !stats.in_ambiguous_group {
            let window = match (&report.window.start, &report.window.end) {
                (Some(s), Some(e)) => format!(" ({s} to {e})"),
                _ => String::new(),
            };
            out.push(
                RULE.diagnostic(format!(
                    "operation {} received no calls in the statistics window{window}",
                    op.name()
                ))
                .at(&op.pointer)
                .operation(op.operation_id.as_deref())
                .help("check that makers can find it (summary, description, visibility), or deprecate it if nobody needs it"),
            );
        }
    }
}
