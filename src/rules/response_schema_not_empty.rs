use super::support::swagger::deref;
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;
use crate::syntax::pointer::{join, resolve};
use crate::syntax::Node;

crate::declare_rule! {
    /// ## What it does
    /// Reports a success response whose schema is empty: `{}`, or an object type without
    /// `properties`, `additionalProperties`, `allOf` or a dynamic schema
    /// (`x-ms-dynamic-schema`, `x-ms-dynamic-properties`).
    ///
    /// ## Why is this bad?
    /// Microsoft: "Empty response schemas aren't allowed", except when the response is
    /// dynamic. An empty schema gives makers no fields to use.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "responses": { "200": { "description": "The items.", "schema": { "type": "object" } } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "responses": { "200": { "description": "The items.", "schema": { "type": "object",
    ///       "properties": { "count": { "type": "integer" } } } } } } } } }
    /// ```
    pub static RULE = {
        id: "response-schema-not-empty",
        severity: Warning,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission#define-exact-operation-responses",
        summary: "a success response has an empty schema",
    };
}

/// Whether a (resolved) schema describes nothing.
pub fn is_empty_schema(s: &Node) -> bool {
    let Some(members) = s.members() else {
        return false;
    };
    let describes = members.iter().any(|m| {
        matches!(
            m.key.as_str(),
            "properties"
                | "additionalProperties"
                | "allOf"
                | "items"
                | "$ref"
                | "x-ms-dynamic-schema"
                | "x-ms-dynamic-properties"
        )
    });
    let typed = s.get_str("type");
    !describes && typed.is_none_or(|t| t == "object")
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations() {
        let Some(r) = &op.responses else { continue };
        for e in r.entries.iter().filter(|e| e.code.class() == Some(2)) {
            let Some(resp) = resolve(ctx.root, &e.pointer).map(|t| t.node) else {
                continue;
            };
            let Some((resp, resp_at)) = deref(ctx.root, resp, &e.pointer) else {
                continue;
            };
            let Some(schema) = resp.get("schema") else {
                continue;
            };
            let schema_at = join(&resp_at, "schema");
            let Some((target, _)) = deref(ctx.root, schema, &schema_at) else {
                continue;
            };
            if is_empty_schema(target) {
                out.push(
                    RULE.diagnostic(format!(
                        "the schema of the success response of {} is empty",
                        op.name()
                    ))
                    .at(schema_at)
                    .operation(op.operation_id.as_deref())
                    .help("list the response's properties, or make the schema dynamic with x-ms-dynamic-schema; remove the schema if there is no body"),
                );
            }
        }
    }
}
