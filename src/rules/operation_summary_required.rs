use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an operation without a `summary`, or with an empty one.
    ///
    /// ## Why is this bad?
    /// The summary is the action's name in Power Automate and Power Apps. Without it makers
    /// see the raw operationId. Certification requires a summary on every operation.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Items", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems",
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Items", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "operation-summary-required",
        severity: Error,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission#define-operation-and-parameter-summaries-and-descriptions",
        summary: "every operation needs a `summary`, its name in the designer",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations() {
        let (message, at) = match op.summary.as_deref() {
            None => (
                format!("operation {} has no `summary`", op.name()),
                op.pointer.clone(),
            ),
            Some(s) if s.trim().is_empty() => (
                format!("operation {} has an empty `summary`", op.name()),
                op.pointer_to("summary"),
            ),
            Some(_) => continue,
        };
        out.push(
            RULE.diagnostic(message)
                .at(at)
                .operation(op.operation_id.as_deref())
                .help("add a short \"summary\" in sentence case, at most 80 characters, such as \"List items\"; makers see it as the action's name"),
        );
    }
}
