use std::collections::BTreeMap;

use super::support::swagger::{fingerprint, Kind, Obj, Place};
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an inline response or body schema with properties that is written out
    /// identically in three or more places, instead of once under `#/definitions`.
    ///
    /// ## Why is this bad?
    /// Microsoft's coding standards ask for shared definitions; copies drift apart and
    /// inflate the definition towards its 1 MB limit.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": {
    ///     "/a": { "get": { "operationId": "A", "summary": "A", "responses": { "200": { "description": "OK", "schema": { "type": "object", "properties": { "id": { "type": "string" } } } } } } },
    ///     "/b": { "get": { "operationId": "B", "summary": "B", "responses": { "200": { "description": "OK", "schema": { "type": "object", "properties": { "id": { "type": "string" } } } } } } },
    ///     "/c": { "get": { "operationId": "C", "summary": "C", "responses": { "200": { "description": "OK", "schema": { "type": "object", "properties": { "id": { "type": "string" } } } } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "definitions": { "Item": { "type": "object", "properties": { "id": { "type": "string" } } } },
    ///   "paths": {
    ///     "/a": { "get": { "operationId": "A", "summary": "A", "responses": { "200": { "description": "OK", "schema": { "$ref": "#/definitions/Item" } } } } },
    ///     "/b": { "get": { "operationId": "B", "summary": "B", "responses": { "200": { "description": "OK", "schema": { "$ref": "#/definitions/Item" } } } } },
    ///     "/c": { "get": { "operationId": "C", "summary": "C", "responses": { "200": { "description": "OK", "schema": { "$ref": "#/definitions/Item" } } } } } } }
    /// ```
    pub static RULE = {
        id: "reuse-definitions",
        severity: Info,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/coding-standards",
        summary: "a schema repeated inline in several places",
    };
}

pub const MIN_COPIES: usize = 3;

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let mut copies: BTreeMap<u64, Vec<&Obj>> = BTreeMap::new();
    let walk = ctx.objects();
    for obj in walk.iter() {
        if obj.kind != Kind::Schema || !matches!(obj.place, Place::ResponseRoot | Place::BodyRoot) {
            continue;
        }
        if obj.node.get("properties").is_none() {
            continue;
        }
        copies.entry(fingerprint(obj.node)).or_default().push(obj);
    }
    for places in copies.into_values() {
        if places.len() >= MIN_COPIES {
            out.push(
                RULE.diagnostic(format!(
                    "this schema is written out identically in {} places",
                    places.len()
                ))
                .at(walk.pointer(places[0]))
                .help("define it once under #/definitions and refer to it with \"$ref\""),
            );
        }
    }
}
