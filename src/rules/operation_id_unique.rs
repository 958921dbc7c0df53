use std::collections::HashMap;

use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an `operationId` used by more than one operation, compared without regard
    /// to case.
    ///
    /// ## Why is this bad?
    /// Flows refer to actions by `operationId`; two operations with the same id (or ids
    /// that differ only in case) are rejected by Microsoft's validator.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Items", "version": "1.0" },
    ///   "paths": {
    ///     "/items": { "get": { "operationId": "GetItems", "summary": "List items",
    ///       "responses": { "200": { "description": "OK" } } } },
    ///     "/items/{id}": { "get": { "operationId": "getitems", "summary": "Get item",
    ///       "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Items", "version": "1.0" },
    ///   "paths": {
    ///     "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///       "responses": { "200": { "description": "OK" } } } },
    ///     "/items/{id}": { "get": { "operationId": "GetItem", "summary": "Get item",
    ///       "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "operation-id-unique",
        severity: Error,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "`operationId`s must be unique, also ignoring case",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let mut first: HashMap<String, usize> = HashMap::new();
    for (i, op) in ctx.operations().iter().enumerate() {
        let Some(id) = op.operation_id.as_deref().filter(|s| !s.is_empty()) else {
            continue;
        };
        match first.get(&id.to_lowercase()) {
            None => {
                first.insert(id.to_lowercase(), i);
            }
            Some(&j) => {
                let other = &ctx.operations()[j];
                let other_id = other.operation_id.as_deref().unwrap_or_default();
                let how = if other_id == id {
                    ""
                } else {
                    " (ignoring case)"
                };
                out.push(
                    RULE.diagnostic(format!(
                        "operationId `{id}` is already used by `{}`{how}",
                        other.label()
                    ))
                    .at(op.pointer_to("operationId"))
                    .related_at(other.pointer_to("operationId"), "first used here")
                    .operation(Some(id))
                    .help("give each operation its own operationId; if one is a new version, name it like `GetItems_V2`"),
                );
            }
        }
    }
}
