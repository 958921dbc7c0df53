use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;
use crate::syntax::pointer::join;

crate::declare_rule! {
    /// ## What it does
    /// Reports `allowEmptyValue` on a parameter that is not `in: query` or `in: formData`.
    ///
    /// ## Why is this bad?
    /// Swagger 2.0 defines `allowEmptyValue` only for query and form parameters; the
    /// validator rejects it elsewhere (AllowEmptyValueOnlyValidForQueryFormData).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "parameters": [ { "name": "X-Tag", "in": "header", "type": "string", "allowEmptyValue": true } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "parameters": [ { "name": "tag", "in": "query", "type": "string", "allowEmptyValue": true } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "param-allow-empty-value",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "`allowEmptyValue` only on query and formData parameters",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for (obj_at, node, location) in ctx.parameter_objects() {
        let (node, location): (&crate::syntax::Node, Option<&str>) = (node, *location);
        if node.get("allowEmptyValue").is_none() {
            continue;
        }
        if matches!(location, Some("query" | "formData")) {
            continue;
        }
        let name = node.get_str("name").unwrap_or_default();
        out.push(
            RULE.diagnostic(format!(
                "`allowEmptyValue` on {} parameter `{name}`; only query and formData parameters take it",
                location.unwrap_or("a")
            ))
            .at(join(obj_at, "allowEmptyValue"))
            .help("remove `allowEmptyValue`"),
        );
    }
}
