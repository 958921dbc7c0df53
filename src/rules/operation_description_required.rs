use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an operation without a non-empty `description`.
    ///
    /// ## Why is this bad?
    /// The description is the action's tooltip and its text on the documentation page.
    /// Microsoft's checklist: "No operations are missing a summary, description…"; the
    /// pull-request template asks for "detailed descriptions for all operations". For
    /// custom connectors it is a warning.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "description": "Lists the items of the current workspace.",
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "operation-description-required",
        severity: Error,
        scope: Definition,
        custom: Warning,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission#define-operation-and-parameter-summaries-and-descriptions",
        summary: "every operation has a `description`",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations() {
        let missing = op
            .description
            .as_deref()
            .is_none_or(|d| d.trim().is_empty());
        if missing {
            let what = if op.description.is_some() {
                "an empty"
            } else {
                "no"
            };
            out.push(
                RULE.diagnostic(format!("operation {} has {what} `description`", op.name()))
                    .at(if op.description.is_some() { op.pointer_to("description") } else { op.pointer.clone() })
                    .operation(op.operation_id.as_deref())
                    .help("add a description: one or two full sentences saying what the operation does, ending with a period"),
            );
        }
    }
}
