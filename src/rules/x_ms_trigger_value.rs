use super::support::swagger::op_node;
use crate::diagnostic::{Applicability, Diagnostic};
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an `x-ms-trigger` that is not `single` or `batch`, and an
    /// `x-ms-trigger-metadata` that is not `{ "kind": "query", "mode": "polling" }`.
    ///
    /// ## Why is this bad?
    /// `x-ms-trigger` says whether a trigger fires once per item (`single`) or once per
    /// array (`batch`); any other value is rejected by the schema, and the platform does
    /// not know how to split the response.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items/new": { "get": { "operationId": "OnNewItems", "summary": "When an item is created",
    ///     "x-ms-trigger": "polling",
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items/new": { "get": { "operationId": "OnNewItems", "summary": "When an item is created",
    ///     "x-ms-trigger": "batch",
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "x-ms-trigger-value",
        severity: Error,
        scope: Definition,
        fix: Safe,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/openapi-extensions",
        summary: "`x-ms-trigger` is `single` or `batch`",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations() {
        let Some(node) = op_node(ctx, op) else {
            continue;
        };
        if let Some(t) = node.get("x-ms-trigger") {
            if !matches!(t.as_str(), Some("single" | "batch")) {
                let shown = t
                    .as_str()
                    .map(|s| format!("`{s}`"))
                    .unwrap_or_else(|| t.type_name().to_string());
                let at = op.pointer_to("x-ms-trigger");
                // `Single` or ` batch `: the value meant is certain.
                let fix = t
                    .as_str()
                    .map(str::trim)
                    .and_then(|v| {
                        ["single", "batch"]
                            .into_iter()
                            .find(|k| k.eq_ignore_ascii_case(v))
                    })
                    .and_then(|k| ctx.replace_string_fix(&at, k, Applicability::Safe));
                out.push(
                    RULE.diagnostic(format!("`x-ms-trigger` of {} is {shown}", op.name()))
                        .at(at)
                        .operation(op.operation_id.as_deref())
                        .help("write \"single\" (one run per item) or \"batch\" (one run per response)")
                        .fix(fix),
                );
            }
        }
        if let Some(m) = node.get("x-ms-trigger-metadata") {
            let ok = m.get_str("kind") == Some("query") && m.get_str("mode") == Some("polling");
            if !ok {
                out.push(
                    RULE.diagnostic(format!(
                        "`x-ms-trigger-metadata` of {} is not {{\"kind\": \"query\", \"mode\": \"polling\"}}",
                        op.name()
                    ))
                    .at(op.pointer_to("x-ms-trigger-metadata"))
                    .operation(op.operation_id.as_deref())
                    .help("write \"x-ms-trigger-metadata\": { \"kind\": \"query\", \"mode\": \"polling\" }, or remove it"),
                );
            }
        }
    }
}
