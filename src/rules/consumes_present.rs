use super::support::swagger::consumes;
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an operation with a `body` or `formData` parameter that declares no
    /// `consumes`, neither its own nor the document's.
    ///
    /// ## Why is this bad?
    /// Without it the platform does not know how to encode the request; the validator
    /// warns "At least one supported MIME type must be provided in 'consumes' for
    /// operation 'X'".
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "post": { "operationId": "CreateItem", "summary": "Create item",
    ///     "parameters": [ { "name": "body", "in": "body", "schema": { "type": "object" } } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "consumes": ["application/json"],
    ///   "paths": { "/items": { "post": { "operationId": "CreateItem", "summary": "Create item",
    ///     "parameters": [ { "name": "body", "in": "body", "schema": { "type": "object" } } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "consumes-present",
        severity: Warning,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "operations with a body declare `consumes`",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations() {
        let Some(p) = op
            .parameters
            .iter()
            .find(|p| p.location == "body" || p.location == "formData")
        else {
            continue;
        };
        if consumes(ctx, op).is_empty() {
            let wanted = if p.location == "body" {
                "application/json"
            } else {
                "multipart/form-data"
            };
            out.push(
                RULE.diagnostic(format!(
                    "operation {} has a {} parameter but declares no `consumes`",
                    op.name(),
                    p.location
                ))
                .at(&op.pointer)
                .operation(op.operation_id.as_deref())
                .help(format!(
                    "add \"consumes\": [\"{wanted}\"] to the operation or the document"
                )),
            );
        }
    }
}
