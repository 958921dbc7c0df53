use crate::diagnostic::{Applicability, Diagnostic};
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a path parameter without `x-ms-url-encoding`.
    ///
    /// ## Why is this bad?
    /// Without it the platform does not know whether to encode the value once or twice; a
    /// value with `/` or `%` then builds the wrong URL. The validator warns: "Encoding for
    /// path parameter 'org' is missing, which might lead to invalid requests. Use
    /// "x-ms-url-encoding": "single"".
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items/{id}": { "get": { "operationId": "GetItem", "summary": "Get item",
    ///     "parameters": [ { "name": "id", "in": "path", "type": "string", "required": true } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items/{id}": { "get": { "operationId": "GetItem", "summary": "Get item",
    ///     "parameters": [ { "name": "id", "in": "path", "type": "string", "required": true,
    ///       "x-ms-url-encoding": "single" } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "path-param-url-encoding",
        severity: Warning,
        scope: Definition,
        applies_to: Swagger2,
        fix: Safe,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "path parameters declare `x-ms-url-encoding`",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for (obj_at, node, location) in ctx.parameter_objects() {
        let (node, location): (&crate::syntax::Node, Option<&str>) = (node, *location);
        if location != Some("path") {
            continue;
        }
        if node.get("x-ms-url-encoding").is_none() {
            let name = node.get_str("name").unwrap_or_default();
            out.push(
                RULE.diagnostic(format!(
                    "path parameter `{name}` has no `x-ms-url-encoding`"
                ))
                .help("add \"x-ms-url-encoding\": \"single\" (or \"double\" if the service decodes twice)")
                .fix(ctx.add_key_fix(obj_at, "x-ms-url-encoding", "single", Applicability::Safe))
                .at(obj_at),
            );
        }
    }
}
