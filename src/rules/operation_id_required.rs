use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an operation without an `operationId`.
    ///
    /// ## Why is this bad?
    /// Power Platform identifies actions and triggers by `operationId`: flows and apps
    /// store it. Microsoft's validator rejects an operation without one.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Items", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "summary": "List items",
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
        id: "operation-id-required",
        severity: Error,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "every operation needs an `operationId`",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations() {
        let missing = op
            .operation_id
            .as_deref()
            .is_none_or(|id| id.trim().is_empty());
        if missing {
            out.push(
                RULE.diagnostic(format!("operation `{}` has no `operationId`", op.label()))
                    .at(&op.pointer)
                    .help("add a unique PascalCase \"operationId\", such as \"ListItems\"; flows store it, so never change it later"),
            );
        }
    }
}
