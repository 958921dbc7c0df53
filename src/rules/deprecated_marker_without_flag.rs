use crate::diagnostic::{Applicability, Diagnostic};
use crate::model::deprecation::{description_marks_deprecated, summary_says_deprecated};
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an operation whose summary or description says it is deprecated while
    /// `deprecated` is not `true`.
    ///
    /// ## Why is this bad?
    /// Only the `deprecated` flag hides an operation from new flows. Without it the
    /// designer keeps offering the action, and makers keep building on something you
    /// meant to retire.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Items", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems",
    ///     "summary": "DEPRECATED: List items",
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Items", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems",
    ///     "summary": "List items (deprecated)", "deprecated": true,
    ///     "x-ms-api-annotation": { "replacement": { "api": "items", "operationId": "ListItems_V2" } },
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "deprecated-marker-without-flag",
        severity: Warning,
        scope: Definition,
        fix: Unsafe,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/deprecate-operation",
        summary: "text says deprecated but `deprecated` is not true",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations().iter().filter(|o| !o.deprecated) {
        let at = if op.summary.as_deref().is_some_and(summary_says_deprecated) {
            "summary"
        } else if op
            .description
            .as_deref()
            .is_some_and(description_marks_deprecated)
        {
            "description"
        } else {
            continue;
        };
        let hidden = match op.visibility.as_deref() {
            Some("internal") => {
                " (hiding it with `x-ms-visibility: internal` is not a deprecation)"
            }
            _ => "",
        };
        out.push(
            RULE.diagnostic(format!(
                "operation {}'s {at} says it is deprecated, but `deprecated` is not true{hidden}",
                op.name()
            ))
            .at(op.pointer_to(at))
            .operation(op.operation_id.as_deref())
            .help("add \"deprecated\": true so the designer stops offering it (existing flows keep working); if it is not deprecated, reword the text")
            .fix(ctx.add_key_fix(&op.pointer, "deprecated", true, Applicability::Unsafe)),
        );
    }
}
