use crate::diagnostic::{Applicability, Diagnostic};
use crate::rules::DefinitionContext;
use crate::syntax::pointer::join;

crate::declare_rule! {
    /// ## What it does
    /// Reports `x-ms-url-encoding` on a query parameter.
    ///
    /// ## Why is this bad?
    /// The platform always encodes query values; the validator warns that the extension
    /// is not supported there (QueryParameterEncodingNotSupported), even though the
    /// repository's schema allows it.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "parameters": [ { "name": "q", "in": "query", "type": "string", "x-ms-url-encoding": "single" } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "parameters": [ { "name": "q", "in": "query", "type": "string" } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "query-param-no-url-encoding",
        severity: Warning,
        scope: Definition,
        applies_to: Swagger2,
        fix: Safe,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "no `x-ms-url-encoding` on query parameters",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for (obj_at, node, location) in ctx.parameter_objects() {
        let (node, location): (&crate::syntax::Node, Option<&str>) = (node, *location);
        if location != Some("query") {
            continue;
        }
        if node.get("x-ms-url-encoding").is_some() {
            let name = node.get_str("name").unwrap_or_default();
            out.push(
                RULE.diagnostic(format!(
                    "query parameter `{name}` has `x-ms-url-encoding`, which query parameters do not support"
                ))
                .fix(ctx.remove_member_fix(&join(obj_at, "x-ms-url-encoding"), Applicability::Safe))
                .at(join(obj_at, "x-ms-url-encoding"))
                .help("remove `x-ms-url-encoding`: query values are always encoded once"),
            );
        }
    }
}
