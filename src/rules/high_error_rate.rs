//! `high-error-rate`: operations that fail much more often than the connector as a whole.

use super::support::statistics::status_label;
use super::StatisticsContext;
use crate::diagnostic::Diagnostic;
use crate::model::Operation;
use crate::stats::{OperationStats, StatsReport, Thresholds};
use crate::text::{percent as pct, thousands};

crate::declare_rule! {
    /// ## What it does
    /// With statistics (`--stats`), reports an operation whose share of 4xx and 5xx
    /// responses (throttling excluded) is well above the connector's: by default at least
    /// twice the connector's share and at least 2 percentage points more, over at least
    /// 100 counted calls. The message names the operation's most frequent error statuses.
    ///
    /// ## Why is this bad?
    /// Certification looks at the connector's success rate, and Microsoft's formula
    /// subtracts every error from the successes, so one failing operation drags the whole
    /// connector down twice as fast as its error count suggests. Makers also judge a
    /// connector by its worst action.
    ///
    /// ## How to fix
    /// Look at the listed statuses: 4xx often means inputs makers get wrong (add
    /// validation, better parameter descriptions, defaults), 5xx means the service or its
    /// gateway fails (fix the backend, raise timeouts, document the limitation).
    pub static RULE = {
        id: "high-error-rate",
        severity: Warning,
        scope: Statistics,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/telemetry",
        summary: "an operation's error share is well above the connector's",
    };
}

pub fn check(ctx: &StatisticsContext, out: &mut Vec<Diagnostic>) {
    for (op, stats) in ctx.operations() {
        out.extend(high_error(op, stats, ctx.report, ctx.thresholds));
    }
}

fn high_error(
    op: &Operation,
    stats: &OperationStats,
    report: &StatsReport,
    t: &Thresholds,
) -> Option<Diagnostic> {
    let throttling = &report.throttling_codes;
    let mine = &stats.responses;
    let all = &report.connector.responses;
    if mine.counted < t.error_rate_min_calls || all.counted == 0 {
        return None;
    }
    let my_share = mine.errors(throttling) as f64 / mine.counted as f64;
    let connector_share = all.errors(throttling) as f64 / all.counted as f64;
    if my_share < connector_share * t.error_rate_factor
        || (my_share - connector_share) * 100.0 < t.error_rate_margin_points
    {
        return None;
    }
    let mut top: Vec<_> = stats
        .errors
        .iter()
        .filter(|e| !throttling.contains(&e.status))
        .collect();
    top.sort_by_key(|e| std::cmp::Reverse(e.count));
    let top: Vec<String> = top
        .iter()
        .take(3)
        .map(|e| format!("{} ×{}", status_label(e.status), thousands(e.count)))
        .collect();
    let factor = if connector_share > 0.0 {
        format!(
            "{:.1}× the connector's {}",
            my_share / connector_share,
            pct(connector_share)
        )
    } else {
        "while the connector's other operations return no errors".to_string()
    };
    Some(
        RULE.diagnostic(format!(
                "operation {} fails {} of its calls (4xx/5xx, throttling excluded), {factor}",
                op.name(),
                pct(my_share)
            ))
            .at(&op.pointer)
            .operation(op.operation_id.as_deref())
            .help(format!(
                "its most frequent errors: {}; 4xx often means inputs makers get wrong, 5xx a failing service or gateway",
                top.join(", ")
            )),
    )
}
