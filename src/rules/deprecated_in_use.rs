//! `deprecated-in-use`: deprecated operations that still receive calls.

use super::StatisticsContext;
use crate::diagnostic::Diagnostic;
use crate::model::deprecation::successor;
use crate::text::{percent as pct, thousands};

crate::declare_rule! {
    /// ## What it does
    /// With statistics (`--stats`), reports every operation marked `deprecated: true` that
    /// still received calls in the window, with the count, its share of the connector's
    /// calls, and the operation that replaces it when connlint can tell.
    ///
    /// ## Why is this bad?
    /// Deprecation hides an action from new flows, but flows built before keep calling it.
    /// Those makers need to hear what to use instead before the operation is removed;
    /// removing it while it is still called turns their runs into 404 failures, the most
    /// common error Microsoft's telemetry page attributes to removed operations.
    ///
    /// ## How to fix
    /// Name the replacement in the deprecated operation's summary and description, say in
    /// `intro.md` how to move to it, and keep the operation until its calls stop.
    pub static RULE = {
        id: "deprecated-in-use",
        severity: Warning,
        scope: Statistics,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/deprecate-operation",
        summary: "a deprecated operation still receives calls",
    };
}

pub fn check(ctx: &StatisticsContext, out: &mut Vec<Diagnostic>) {
    let (def, report) = (ctx.definition, ctx.report);
    let connector_requests = report.connector.responses.requests;
    for (op, stats) in ctx.operations() {
        if !op.deprecated || stats.responses.requests == 0 {
            continue;
        }
        let share = if connector_requests > 0 {
            format!(
                " ({} of the connector's calls)",
                pct(stats.responses.requests as f64 / connector_requests as f64)
            )
        } else {
            String::new()
        };
        let next = successor(&def.operations, op);
        let replaced = next
            .as_ref()
            .map(|s| format!("; {} replaces it", s.name))
            .unwrap_or_default();
        let window = match &report.window.start {
            Some(s) => format!(" since {s}"),
            None => String::new(),
        };
        let help = if next.is_some() {
            "tell makers in intro.md how to move to the replacement, and keep the operation until its calls stop"
        } else {
            "name the replacement in its summary and description (or say that nothing replaces it), and keep the operation until its calls stop"
        };
        out.push(
            RULE.diagnostic(format!(
                "deprecated operation {} still received {} calls{window}{share}{replaced}",
                op.name(),
                thousands(stats.responses.requests)
            ))
            .at(op.pointer_to("deprecated"))
            .operation(op.operation_id.as_deref())
            .help(help),
        );
    }
}
