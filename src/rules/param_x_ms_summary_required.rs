use std::collections::HashSet;

use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a parameter makers fill in (not `internal`, not the `body`) without an
    /// `x-ms-summary`, and suggests one built from its name, type and operation.
    ///
    /// ## Why is this bad?
    /// `x-ms-summary` is the field's label in Power Automate and Power Apps; without it
    /// makers see the raw parameter name. Microsoft's validator rejects it ("The
    /// 'x-ms-summary' property is required"). Body parameters are exempt: their
    /// properties carry the labels.
    ///
    /// The finding carries the suggestion as a fix; `connlint tooltips --write` applies
    /// the suggestions for the whole definition.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Items", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "parameters": [ { "name": "pageSize", "in": "query", "type": "integer",
    ///       "description": "How many items to return at most." } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Items", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "parameters": [ { "name": "pageSize", "in": "query", "type": "integer",
    ///       "x-ms-summary": "Page Size", "description": "How many items to return at most." } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "param-x-ms-summary-required",
        severity: Error,
        scope: Definition,
        custom: Warning,
        fix: Unsafe,
        source: "https://github.com/microsoft/PowerPlatformConnectors/pull/1003",
        summary: "a parameter makers fill in has no `x-ms-summary` (its label)",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let mut seen = HashSet::new();
    let suggestions = std::cell::OnceCell::new();
    for op in ctx.operations() {
        for p in &op.parameters {
            if p.location == "body"
                || !crate::suggest::maker_fills(ctx.root, p)
                || p.summary.as_deref().is_some_and(|s| !s.trim().is_empty())
                || !seen.insert(p.pointer.as_str())
            {
                continue;
            }
            let label = crate::suggest::find(
                &suggestions,
                ctx.root,
                ctx.definition,
                &p.pointer,
                "x-ms-summary",
            )
            .map(|s| s.value.clone())
            .unwrap_or_else(|| crate::suggest::label_from_name(&p.name));
            out.push(
                RULE.diagnostic(format!(
                    "parameter `{}` of operation {} has no `x-ms-summary`",
                    p.name,
                    op.name()
                ))
                .at(&p.pointer)
                .operation(op.operation_id.as_deref())
                .help(format!(
                    "add \"x-ms-summary\": {} (the label makers see); `connlint tooltips --write` adds the suggestions for the whole file",
                    serde_json::to_string(&label).unwrap_or_default()
                ))
                .fix(ctx.add_key_fix(&p.pointer, "x-ms-summary", label.as_str(), crate::diagnostic::Applicability::Unsafe)),
            );
        }
    }
}
