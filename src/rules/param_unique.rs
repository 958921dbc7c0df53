use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a parameter listed twice (same `name` and `in`) in one operation's or one
    /// path item's `parameters`, directly or through `$ref`.
    ///
    /// ## Why is this bad?
    /// Only one of them can take effect; the validator rejects duplicates
    /// (OperationParametersAreNotUnique, OperationParametersContainDuplicateParameter,
    /// PathParametersContainDuplicateParameter).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "parameters": [ { "name": "top", "in": "query", "type": "integer" },
    ///       { "name": "top", "in": "query", "type": "string" } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "parameters": [ { "name": "top", "in": "query", "type": "integer" } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "param-unique",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "no parameter twice (same name and location) in one list",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for entries in ctx.parameter_lists() {
        let mut seen: Vec<(String, String)> = Vec::new();
        for e in entries {
            let usage = e.usage.clone();
            let Some((node, _)) = e.resolved.as_ref() else {
                continue;
            };
            let (Some(name), Some(loc)) = (node.get_str("name"), node.get_str("in")) else {
                continue;
            };
            let key = if loc == "header" {
                (name.to_ascii_lowercase(), loc.to_string())
            } else {
                (name.to_string(), loc.to_string())
            };
            if seen.contains(&key) {
                out.push(
                    RULE.diagnostic(format!("parameter `{name}` ({loc}) is listed twice"))
                        .at(usage)
                        .help("remove the repeated parameter; keep one definition per name and location"),
                );
            } else {
                seen.push(key);
            }
        }
    }
}
