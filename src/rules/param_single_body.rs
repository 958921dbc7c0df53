use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an operation with more than one `body` parameter, or with both `body` and
    /// `formData` parameters.
    ///
    /// ## Why is this bad?
    /// A request has one body: either a JSON document or form fields. The validator rejects
    /// both forms (OperationHasMultipleBodyParameters, ParameterListContainsFormDataAndBody).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "post": { "operationId": "CreateItem", "summary": "Create item",
    ///     "parameters": [ { "name": "item", "in": "body", "schema": { "type": "object" } },
    ///       { "name": "options", "in": "body", "schema": { "type": "object" } } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "post": { "operationId": "CreateItem", "summary": "Create item",
    ///     "parameters": [ { "name": "body", "in": "body", "schema": { "type": "object",
    ///       "properties": { "item": { "type": "object" }, "options": { "type": "object" } } } } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "param-single-body",
        severity: Error,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "at most one body parameter, and never body with formData",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations() {
        let bodies: Vec<_> = op
            .parameters
            .iter()
            .filter(|p| p.location == "body")
            .collect();
        if bodies.len() > 1 {
            out.push(
                RULE.diagnostic(format!(
                    "operation {} has {} body parameters",
                    op.name(),
                    bodies.len()
                ))
                .at(&bodies[1].usage_pointer)
                .operation(op.operation_id.as_deref())
                .help("merge them into one body parameter whose schema has a property for each"),
            );
        }
        let form = op.parameters.iter().find(|p| p.location == "formData");
        if let (Some(b), Some(_)) = (bodies.first(), form) {
            out.push(
                RULE.diagnostic(format!(
                    "operation {} has both a body parameter and formData parameters",
                    op.name()
                ))
                .at(&b.usage_pointer)
                .operation(op.operation_id.as_deref())
                .help("send either a JSON body or form fields, not both"),
            );
        }
    }
}
