use super::support::swagger::{body_schema, properties};
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a path, query, header or formData parameter whose name is also the name of a
    /// top-level property of the operation's body.
    ///
    /// ## Why is this bad?
    /// The designer flattens body properties into fields beside the parameters and refers
    /// to both by name; two fields of one name are ambiguous in flows and code view, and
    /// the validator rejects them (OperationParameterNameIsAmbiguous).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items/{id}": { "put": { "operationId": "UpdateItem", "summary": "Update item",
    ///     "parameters": [ { "name": "id", "in": "path", "required": true, "type": "string" },
    ///       { "name": "body", "in": "body", "schema": { "type": "object",
    ///         "properties": { "id": { "type": "string" }, "name": { "type": "string" } } } } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items/{itemId}": { "put": { "operationId": "UpdateItem", "summary": "Update item",
    ///     "parameters": [ { "name": "itemId", "in": "path", "required": true, "type": "string" },
    ///       { "name": "body", "in": "body", "schema": { "type": "object",
    ///         "properties": { "id": { "type": "string" }, "name": { "type": "string" } } } } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "param-name-ambiguous",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "a parameter has the name of a body property",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations() {
        let Some((schema, at)) = body_schema(ctx, op) else {
            continue;
        };
        let props = properties(ctx.root, schema, &at);
        for p in op.parameters.iter().filter(|p| p.location != "body") {
            if let Some((name, _, _)) = props.iter().find(|(n, _, _)| *n == p.name) {
                out.push(
                    RULE.diagnostic(format!(
                        "parameter `{}` of {} has the name of the body property `{name}`",
                        p.name,
                        op.name()
                    ))
                    .at(&p.usage_pointer)
                    .operation(op.operation_id.as_deref())
                    .help("rename the parameter (and its `{variable}` in the path), e.g. `itemId`"),
                );
            }
        }
    }
}
