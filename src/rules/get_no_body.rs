use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `GET` operation with a `body` or `formData` parameter.
    ///
    /// ## Why is this bad?
    /// A GET request has no body; the validator rejects it
    /// (BodyOrFormDataParameterInFetchOperationNotAllowed).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "SearchItems", "summary": "Search items",
    ///     "parameters": [ { "name": "body", "in": "body", "schema": { "type": "object" } } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items/search": { "post": { "operationId": "SearchItems", "summary": "Search items",
    ///     "parameters": [ { "name": "body", "in": "body", "schema": { "type": "object" } } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "get-no-body",
        severity: Error,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "`GET` operations take no body or formData parameter",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations().iter().filter(|o| o.method == "get") {
        for p in op
            .parameters
            .iter()
            .filter(|p| p.location == "body" || p.location == "formData")
        {
            out.push(
                RULE.diagnostic(format!(
                    "operation {} is a GET but has a {} parameter `{}`",
                    op.name(),
                    p.location,
                    p.name
                ))
                .at(&p.usage_pointer)
                .operation(op.operation_id.as_deref())
                .help("send the values as query parameters, or make the operation a POST"),
            );
        }
    }
}
