use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an operation `summary` longer than 80 characters.
    ///
    /// ## Why is this bad?
    /// The summary is the action's name in the designer. Microsoft: summaries should be "80
    /// characters or shorter" (the validator's OperationSummaryTooLong; no validated
    /// operation of the deployed connectors is longer). For custom connectors it is a
    /// warning.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems",
    ///     "summary": "List all the items of the current workspace sorted by the date they were created on",
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "description": "Lists all the items of the current workspace, newest first.",
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "operation-summary-max-length",
        severity: Error,
        scope: Definition,
        custom: Warning,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission#define-operation-and-parameter-summaries-and-descriptions",
        summary: "operation `summary` is longer than 80 characters",
    };
}

pub const MAX: usize = 80;

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations() {
        let Some(s) = op.summary.as_deref() else {
            continue;
        };
        let n = s.chars().count();
        if n > MAX {
            out.push(
                RULE.diagnostic(format!(
                    "the summary of {} is {n} characters long; the limit is {MAX}",
                    op.name()
                ))
                .at(op.pointer_to("summary"))
                .operation(op.operation_id.as_deref())
                .help("shorten the summary to a short action name; put details in `description`"),
            );
        }
    }
}
