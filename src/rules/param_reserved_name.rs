use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;
use crate::syntax::pointer::join;

crate::declare_rule! {
    /// ## What it does
    /// Reports a parameter named `connectionId` (in any case).
    ///
    /// ## Why is this bad?
    /// The platform adds a `connectionId` parameter to every operation to route the call
    /// through the maker's connection; a parameter of that name collides with it
    /// (ConnectionIdParameterNotAllowed, ReservedParameterIsUsed).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "parameters": [ { "name": "connectionId", "in": "query", "type": "string" } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "parameters": [ { "name": "contosoConnection", "in": "query", "type": "string" } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "param-reserved-name",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "no parameter named `connectionId`",
    };
}

pub const RESERVED: &[&str] = &["connectionId"];

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for (obj_at, node, _) in ctx.parameter_objects() {
        let node: &crate::syntax::Node = node;
        let Some(name) = node.get_str("name") else {
            continue;
        };
        if let Some(r) = RESERVED.iter().find(|r| r.eq_ignore_ascii_case(name)) {
            out.push(
                RULE.diagnostic(format!("parameter `{name}` uses the reserved name `{r}`"))
                    .at(join(obj_at, "name"))
                    .help("rename the parameter; the platform adds its own `connectionId` to every call"),
            );
        }
    }
}
