use super::support::swagger::deref;
use crate::diagnostic::{Applicability, Diagnostic};
use crate::model::ResponseCode;
use crate::rules::DefinitionContext;
use crate::syntax::pointer::{join, resolve};

crate::declare_rule! {
    /// ## What it does
    /// Reports a `default` response that has a `schema`.
    ///
    /// ## Why is this bad?
    /// Microsoft: "Don't use default responses with an exact schema definition"; the
    /// validator rejects it ("DefaultResponseHasSchema: The 'default' response should not
    /// have schema definition"). The designer would treat every unexpected status as a
    /// success shape. Document errors with explicit status codes instead.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "responses": { "200": { "description": "OK" },
    ///       "default": { "description": "Error", "schema": { "type": "object",
    ///         "properties": { "message": { "type": "string" } } } } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "responses": { "200": { "description": "OK" },
    ///       "400": { "description": "The filter is not valid." },
    ///       "default": { "description": "Error" } } } } } }
    /// ```
    pub static RULE = {
        id: "response-default-no-schema",
        severity: Error,
        scope: Definition,
        fix: Unsafe,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission#define-exact-operation-responses",
        summary: "the `default` response has a `schema`",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations() {
        let Some(r) = &op.responses else { continue };
        for e in r.entries.iter().filter(|e| e.code == ResponseCode::Default) {
            if !e.has_schema {
                continue;
            }
            let Some(node) = resolve(ctx.root, &e.pointer).map(|t| t.node) else {
                continue;
            };
            let at = match deref(ctx.root, node, &e.pointer) {
                Some((resolved, at))
                    if resolved.get("schema").is_some() && node.get("$ref").is_none() =>
                {
                    join(&at, "schema")
                }
                _ => e.pointer.clone(),
            };
            // Removing the schema drops what it said about error bodies: offered, not
            // applied on its own.
            let fix = at
                .ends_with("/schema")
                .then(|| ctx.remove_member_fix(&at, Applicability::Unsafe))
                .flatten();
            out.push(
                RULE.diagnostic(format!(
                    "the `default` response of {} has a schema",
                    op.name()
                ))
                .fix(fix)
                .at(at)
                .operation(op.operation_id.as_deref())
                .help("remove the schema from `default`; document error bodies under explicit status codes such as \"400\" or \"500\""),
            );
        }
    }
}
