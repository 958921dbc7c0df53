use std::collections::BTreeMap;

use super::support::swagger::fingerprint;
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a parameter written inline, identically, in three or more operations,
    /// instead of once under `#/parameters` and referred to with `$ref`.
    ///
    /// ## Why is this bad?
    /// Microsoft's coding standards ask for shared parameters; copies drift apart (one
    /// gets a fixed description, the others do not) and make the definition larger.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": {
    ///     "/a": { "get": { "operationId": "A", "summary": "A", "parameters": [ { "name": "team", "in": "query", "type": "string" } ], "responses": { "200": { "description": "OK" } } } },
    ///     "/b": { "get": { "operationId": "B", "summary": "B", "parameters": [ { "name": "team", "in": "query", "type": "string" } ], "responses": { "200": { "description": "OK" } } } },
    ///     "/c": { "get": { "operationId": "C", "summary": "C", "parameters": [ { "name": "team", "in": "query", "type": "string" } ], "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "parameters": { "Team": { "name": "team", "in": "query", "type": "string" } },
    ///   "paths": {
    ///     "/a": { "get": { "operationId": "A", "summary": "A", "parameters": [ { "$ref": "#/parameters/Team" } ], "responses": { "200": { "description": "OK" } } } },
    ///     "/b": { "get": { "operationId": "B", "summary": "B", "parameters": [ { "$ref": "#/parameters/Team" } ], "responses": { "200": { "description": "OK" } } } },
    ///     "/c": { "get": { "operationId": "C", "summary": "C", "parameters": [ { "$ref": "#/parameters/Team" } ], "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "reuse-parameters",
        severity: Info,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/coding-standards",
        summary: "a parameter repeated inline in several operations",
    };
}

pub const MIN_COPIES: usize = 3;

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let mut copies: BTreeMap<u64, (&str, Vec<String>)> = BTreeMap::new();
    for entries in ctx.parameter_lists() {
        for e in entries {
            let Some((node, at)) = e.resolved.as_ref() else {
                continue;
            };
            if *at != e.usage || node.get_str("in") == Some("body") {
                continue; // a $ref already, or a body (schemas are reuse-definitions')
            }
            let name = node.get_str("name").unwrap_or_default();
            copies
                .entry(fingerprint(node))
                .or_insert_with(|| (name, Vec::new()))
                .1
                .push(e.usage.clone());
        }
    }
    for (name, places) in copies.into_values() {
        if places.len() < MIN_COPIES {
            continue;
        }
        out.push(
            RULE.diagnostic(format!(
                "parameter `{name}` is written out identically in {} operations",
                places.len()
            ))
            .at(&places[0])
            .help("define it once under #/parameters and refer to it with \"$ref\""),
        );
    }
}
