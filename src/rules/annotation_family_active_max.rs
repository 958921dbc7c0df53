use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Operation;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an `x-ms-api-annotation` family with more than two operations that are not
    /// deprecated (an error), and one with more than one non-deprecated operation in
    /// `Production` status, its own or the connector's (a warning).
    ///
    /// ## Why is this bad?
    /// A family is one operation across its revisions; Microsoft's lifecycle keeps at most
    /// the current revision and its successor active, deprecating older ones. The
    /// validator rejects more (OperationFamilyHasManyActiveOperations) and warns about two
    /// in production (OperationFamilyHasManyActiveProductionOperations).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": {
    ///     "/v1/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///       "x-ms-api-annotation": { "family": "ListItems", "revision": 1 },
    ///       "responses": { "200": { "description": "OK" } } } },
    ///     "/v2/items": { "get": { "operationId": "ListItems_V2", "summary": "List items",
    ///       "x-ms-api-annotation": { "family": "ListItems", "revision": 2 },
    ///       "responses": { "200": { "description": "OK" } } } },
    ///     "/v3/items": { "get": { "operationId": "ListItems_V3", "summary": "List items",
    ///       "x-ms-api-annotation": { "family": "ListItems", "revision": 3 },
    ///       "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": {
    ///     "/v1/items": { "get": { "operationId": "ListItems", "summary": "List items (deprecated)",
    ///       "deprecated": true, "x-ms-api-annotation": { "family": "ListItems", "revision": 1 },
    ///       "responses": { "200": { "description": "OK" } } } },
    ///     "/v2/items": { "get": { "operationId": "ListItems_V2", "summary": "List items",
    ///       "x-ms-api-annotation": { "family": "ListItems", "revision": 2 },
    ///       "responses": { "200": { "description": "OK" } } } },
    ///     "/v3/items": { "get": { "operationId": "ListItems_V3", "summary": "List items",
    ///       "x-ms-api-annotation": { "family": "ListItems", "revision": 3, "status": "Preview" },
    ///       "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "annotation-family-active-max",
        severity: Error,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "at most two active operations (one in Production) per family",
    };
}

/// The operations of each family, in file order.
pub fn families(ops: &[Operation]) -> BTreeMap<&str, Vec<&Operation>> {
    let mut map: BTreeMap<&str, Vec<&Operation>> = BTreeMap::new();
    for op in ops {
        if let Some(f) = op.annotation.as_ref().and_then(|a| a.family.as_deref()) {
            map.entry(f).or_default().push(op);
        }
    }
    map
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for (family, members) in families(ctx.operations()) {
        let active: Vec<_> = members.iter().filter(|o| !o.deprecated).collect();
        if active.len() > 2 {
            let names: Vec<String> = active.iter().map(|o| o.name()).collect();
            out.push(
                RULE.diagnostic(format!(
                    "the family `{family}` has {} active operations ({})",
                    active.len(),
                    names.join(", ")
                ))
                .at(&active[2].pointer)
                .operation(active[2].operation_id.as_deref())
                .help("deprecate the older revisions: keep at most the current revision and its successor"),
            );
        }
        let production: Vec<_> = active
            .iter()
            .filter(|o| {
                o.annotation
                    .as_ref()
                    .and_then(|a| a.status.as_deref())
                    .or(ctx.definition.status.as_deref())
                    .is_some_and(|s| s.eq_ignore_ascii_case("production"))
            })
            .collect();
        if production.len() > 1 {
            let mut d = RULE
                .diagnostic(format!(
                    "the family `{family}` has {} active operations in Production",
                    production.len()
                ))
                .at(&production[1].pointer)
                .operation(production[1].operation_id.as_deref())
                .help("deprecate the older revision once the newer one is in Production, or keep the newer one in Preview");
            d.severity = Severity::Warning;
            out.push(d);
        }
    }
}
