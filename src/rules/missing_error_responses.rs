use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::DefinitionContext;
use crate::text::{percent as pct, thousands};

crate::declare_rule! {
    /// ## What it does
    /// Reports an operation whose `responses` document no 4xx status, or no 5xx status.
    /// `default` counts as neither; OpenAPI 3 ranges (`4XX`, `5XX`) count. One finding per
    /// operation, naming the missing classes.
    ///
    /// ## Why is this bad?
    /// Certification measures a connector's success rate from its responses, and makers
    /// meet its errors first. Documented error responses (with a description saying what
    /// went wrong and what to do) are what Power Automate shows when a run fails, and what
    /// the "Known issues and limitations" section is built from. With statistics
    /// (`--stats`), an operation that really returns errors gets this as an error.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Items", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "responses": { "200": { "description": "OK" }, "default": { "description": "Error" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Items", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "responses": { "200": { "description": "OK" },
    ///       "400": { "description": "The filter is not valid." },
    ///       "500": { "description": "The service failed; try again later." } } } } } }
    /// ```
    pub static RULE = {
        id: "missing-error-responses",
        severity: Warning,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/coding-standards",
        summary: "operation documents no 4xx or no 5xx response",
    };
}

const HELP: &str = "document the errors makers meet, each with a description of the cause and the remedy: \
e.g. \"400\" (invalid input), \"401\" (connection expired), \"404\" (not found), \"429\" (rate limit), \"500\" (service error)";

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations() {
        if let Some(d) = diagnose(op) {
            out.push(d);
        }
    }
}

/// The finding for one operation, if any. Shared with the statistics join, which raises it.
pub fn diagnose(op: &crate::model::Operation) -> Option<Diagnostic> {
    let Some(responses) = &op.responses else {
        return Some(
            RULE.diagnostic(format!(
                "operation {} has no `responses`, so no 4xx or 5xx status is documented",
                op.name()
            ))
            .at(&op.pointer)
            .operation(op.operation_id.as_deref())
            .help(HELP),
        );
    };
    let missing: Vec<&str> = [(4, "4xx"), (5, "5xx")]
        .iter()
        .filter(|(c, _)| !responses.has_class(*c))
        .map(|(_, n)| *n)
        .collect();
    if missing.is_empty() {
        return None;
    }
    let what = missing.join(" and no ");
    let default_note = if responses.has_default() {
        "; only `default` covers errors"
    } else {
        ""
    };
    Some(
        RULE.diagnostic(format!(
            "operation {} documents no {what} response{default_note}",
            op.name()
        ))
        .at(&responses.pointer)
        .operation(op.operation_id.as_deref())
        .help(HELP),
    )
}

/// With statistics: the finding raised to an error for an operation that returned errors
/// of a class it documents nothing for (replacing the definition's finding).
pub fn check_statistics(ctx: &super::StatisticsContext, out: &mut Vec<Diagnostic>) {
    let t = ctx.thresholds;
    let throttling = &ctx.report.throttling_codes;
    for (op, stats) in ctx.operations() {
        let Some(mut d) = diagnose(op) else {
            continue;
        };
        let documents = |class: u8| op.responses.as_ref().is_some_and(|r| r.has_class(class));
        let observed: u64 = stats
            .errors
            .iter()
            .filter(|e| !throttling.contains(&e.status))
            .filter(|e| !documents((e.status / 100) as u8))
            .map(|e| e.count)
            .sum();
        let share = if stats.responses.requests > 0 {
            observed as f64 / stats.responses.requests as f64
        } else {
            0.0
        };
        if observed == 0 || !t.reports(observed, share) {
            continue;
        }
        d.severity = Severity::Error;
        d.message.push_str(&format!(
            ", yet it returned {} such error responses in the statistics window ({} of its calls)",
            thousands(observed),
            pct(share)
        ));
        out.push(d);
    }
}
