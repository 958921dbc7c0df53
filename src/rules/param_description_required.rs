use std::collections::HashSet;

use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a parameter that is not `internal` and has no `description`, and suggests
    /// one built from its name, type, format, enum and default.
    ///
    /// A body parameter without a description is a warning: Microsoft's validator accepts
    /// it, since the body's properties carry their own tooltips.
    ///
    /// ## Why is this bad?
    /// The description is the field's tooltip: where makers learn what to enter. Missing
    /// tooltips are a main cause of 400 errors (the "View connector telemetry" advice), and
    /// certification requires a description on every visible parameter.
    ///
    /// The finding carries the suggestion as a fix; `connlint tooltips --write` applies
    /// the suggestions for the whole definition.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Items", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "parameters": [ { "name": "pageSize", "in": "query", "type": "integer",
    ///       "x-ms-summary": "Page Size" } ],
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
        id: "param-description-required",
        severity: Error,
        scope: Definition,
        custom: Warning,
        fix: Unsafe,
        source: "https://github.com/microsoft/PowerPlatformConnectors/pull/4160",
        summary: "a visible parameter has no `description` (its tooltip)",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let mut seen = HashSet::new();
    let suggestions = std::cell::OnceCell::new();
    for op in ctx.operations() {
        for p in &op.parameters {
            if !crate::suggest::maker_fills(ctx.root, p)
                || p.description
                    .as_deref()
                    .is_some_and(|s| !s.trim().is_empty())
                || !seen.insert(p.pointer.as_str())
            {
                continue;
            }
            let tooltip = crate::suggest::find(
                &suggestions,
                ctx.root,
                ctx.definition,
                &p.pointer,
                "description",
            );
            let mut d = RULE
                .diagnostic(format!(
                    "parameter `{}` of operation {} has no `description`",
                    p.name,
                    op.name()
                ))
                .at(&p.pointer)
                .operation(op.operation_id.as_deref());
            // Microsoft's validator lets a body parameter through without one (116 of the
            // 263 recent independent-publisher connectors in the corpus have such a body):
            // its properties carry the tooltips. Advice, not a rejection.
            if p.location == "body" {
                d.severity = crate::diagnostic::Severity::Warning;
            }
            match tooltip {
                Some(t) if !t.todo => {
                    d = d
                        .help(format!(
                            "add \"description\": {} (the tooltip makers see); `connlint tooltips --write` adds the suggestions for the whole file",
                            serde_json::to_string(&t.value).unwrap_or_default()
                        ))
                        .fix(ctx.add_key_fix(&p.pointer, "description", t.value.as_str(), crate::diagnostic::Applicability::Unsafe));
                }
                Some(t) => {
                    let question = t.value.trim_start_matches("TODO: ");
                    d = d.help(format!(
                        "add a \"description\", one full sentence shown as the field's tooltip; the definition says too little to write one: {question}"
                    ));
                }
                None => {
                    d = d.help("add a \"description\": one full sentence saying what to enter, shown as the field's tooltip");
                }
            }
            out.push(d);
        }
    }
}
