use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;
use crate::syntax::pointer::join;

crate::declare_rule! {
    /// ## What it does
    /// Reports a path parameter (`in: path`) that is not `required: true`.
    ///
    /// ## Why is this bad?
    /// A path cannot be built without its variables; Swagger 2.0 and the validator require
    /// path parameters to be required (PathParameterMustBeRequired).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items/{id}": { "get": { "operationId": "GetItem", "summary": "Get item",
    ///     "parameters": [ { "name": "id", "in": "path", "type": "string" } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items/{id}": { "get": { "operationId": "GetItem", "summary": "Get item",
    ///     "parameters": [ { "name": "id", "in": "path", "type": "string", "required": true } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "path-param-required",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "path parameters are `required: true`",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for (obj_at, node, location) in ctx.parameter_objects() {
        let (node, location): (&crate::syntax::Node, Option<&str>) = (node, *location);
        if location != Some("path") {
            continue;
        }
        if node.get("required").and_then(|r| r.as_bool()) != Some(true) {
            let name = node.get_str("name").unwrap_or_default();
            let at = if node.get("required").is_some() {
                join(obj_at, "required")
            } else {
                obj_at.clone()
            };
            out.push(
                RULE.diagnostic(format!("path parameter `{name}` is not required"))
                    .at(at)
                    .help("add \"required\": true: a path cannot be built without its variables"),
            );
        }
    }
}
