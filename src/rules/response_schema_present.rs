use super::support::swagger::is_webhook;
use crate::diagnostic::Diagnostic;
use crate::model::ResponseCode;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an action or polling trigger whose success response (`200` or `201`) has no
    /// `schema`. Operations that answer `202` or `204` (no body) and webhook triggers
    /// (whose output is `x-ms-notification-content`) are not concerned.
    ///
    /// ## Why is this bad?
    /// Microsoft: "Provide valid response schema definitions for all operations". Without a
    /// schema the designer offers no dynamic content from the action, so makers have to
    /// parse the body themselves.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "responses": { "200": { "description": "The items." } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "responses": { "200": { "description": "The items.",
    ///       "schema": { "type": "array", "items": { "type": "object",
    ///         "properties": { "id": { "type": "string" } } } } } } } } } }
    /// ```
    pub static RULE = {
        id: "response-schema-present",
        severity: Warning,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission#define-exact-operation-responses",
        summary: "the success response of an action has no `schema`",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations() {
        if is_webhook(ctx, op) {
            continue;
        }
        let Some(r) = &op.responses else { continue };
        let success: Vec<_> = r
            .entries
            .iter()
            .filter(|e| e.code.class() == Some(2))
            .collect();
        if success.iter().any(|e| e.has_schema)
            || success
                .iter()
                .any(|e| matches!(e.code, ResponseCode::Status(202 | 204)))
        {
            continue;
        }
        let Some(first) = success
            .iter()
            .find(|e| matches!(e.code, ResponseCode::Status(200 | 201)))
        else {
            continue;
        };
        out.push(
            RULE.diagnostic(format!(
                "the success response of {} has no `schema`",
                op.name()
            ))
            .at(&first.pointer)
            .operation(op.operation_id.as_deref())
            .help("describe the response body with a schema so makers get its fields as dynamic content; answer 204 if there is no body"),
        );
    }
}
