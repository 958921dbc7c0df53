use super::support::swagger::op_node;
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// For a trigger linked to its webhook with `x-ms-notification` (the fetch operation
    /// and the subscribe operation of one trigger), reports a parameter present in both
    /// under the same name but with a different type or visibility.
    ///
    /// ## Why is this bad?
    /// Makers fill in the trigger's parameters once; the platform passes the same values
    /// to both operations. A parameter that is a string in one and an integer in the
    /// other, or visible in one and internal in the other, cannot be filled consistently
    /// (validator ParamtersWithSameNameMustHaveSameTypeAndVisibility).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": {
    ///     "/items/poll": { "get": { "operationId": "OnNewItems", "summary": "When an item is created",
    ///       "x-ms-trigger": "batch", "x-ms-notification": { "operationId": "SubscribeItems" },
    ///       "parameters": [ { "name": "folder", "in": "query", "type": "string" } ],
    ///       "responses": { "200": { "description": "OK" } } } },
    ///     "/items/hooks": {
    ///       "x-ms-notification-content": { "schema": { "type": "object" } },
    ///       "post": { "operationId": "SubscribeItems", "summary": "When an item is created",
    ///       "x-ms-trigger": "single",
    ///       "parameters": [ { "name": "folder", "in": "query", "type": "integer" } ],
    ///       "responses": { "201": { "description": "Created" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": {
    ///     "/items/poll": { "get": { "operationId": "OnNewItems", "summary": "When an item is created",
    ///       "x-ms-trigger": "batch", "x-ms-notification": { "operationId": "SubscribeItems" },
    ///       "parameters": [ { "name": "folder", "in": "query", "type": "string" } ],
    ///       "responses": { "200": { "description": "OK" } } } },
    ///     "/items/hooks": {
    ///       "x-ms-notification-content": { "schema": { "type": "object" } },
    ///       "post": { "operationId": "SubscribeItems", "summary": "When an item is created",
    ///       "x-ms-trigger": "single",
    ///       "parameters": [ { "name": "folder", "in": "query", "type": "string" } ],
    ///       "responses": { "201": { "description": "Created" } } } } } }
    /// ```
    pub static RULE = {
        id: "fetch-subscribe-param-consistency",
        severity: Error,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "a trigger's fetch and subscribe operations agree on shared parameters",
    };
}

fn vis(v: &Option<String>) -> String {
    v.as_deref().unwrap_or("").to_ascii_lowercase()
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for fetch in ctx.operations() {
        let Some(id) = op_node(ctx, fetch)
            .and_then(|n| n.get("x-ms-notification"))
            .and_then(|n| n.get_str("operationId"))
        else {
            continue;
        };
        let Some(subscribe) = ctx
            .operations()
            .iter()
            .find(|o| o.operation_id.as_deref() == Some(id))
        else {
            continue;
        };
        for p in &fetch.parameters {
            let Some(q) = subscribe.parameters.iter().find(|q| q.name == p.name) else {
                continue;
            };
            let mut differences = Vec::new();
            if p.type_name != q.type_name {
                differences.push(format!(
                    "type `{}` vs `{}`",
                    p.type_name.as_deref().unwrap_or("?"),
                    q.type_name.as_deref().unwrap_or("?")
                ));
            }
            if vis(&p.visibility) != vis(&q.visibility) {
                differences.push(format!(
                    "visibility `{}` vs `{}`",
                    p.visibility.as_deref().unwrap_or("default"),
                    q.visibility.as_deref().unwrap_or("default")
                ));
            }
            if !differences.is_empty() {
                out.push(
                    RULE.diagnostic(format!(
                        "parameter `{}` differs between {} and `{id}`: {}",
                        p.name,
                        fetch.name(),
                        differences.join(", ")
                    ))
                    .at(&p.usage_pointer)
                    .operation(fetch.operation_id.as_deref())
                    .help("give the parameter the same type and visibility in both operations"),
                );
            }
        }
    }
}
