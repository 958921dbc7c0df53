use crate::diagnostic::Diagnostic;
use crate::model::paths::{first_overlaps, shape};
use crate::rules::DefinitionContext;
use crate::syntax::pointer::join;

crate::declare_rule! {
    /// ## What it does
    /// Reports two paths of the same method that a request could match both, because one
    /// has a template variable where the other has a fixed segment (`/items/{id}` and
    /// `/items/recent`).
    ///
    /// ## Why is this bad?
    /// The validator warns (PartialDuplicateOperationPath): routing depends on which
    /// template is tried first, and a value such as `recent` for `{id}` reaches the wrong
    /// operation.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": {
    ///     "/items/{id}": { "get": { "operationId": "GetItem", "summary": "Get item",
    ///       "parameters": [ { "name": "id", "in": "path", "required": true, "type": "string" } ],
    ///       "responses": { "200": { "description": "OK" } } } },
    ///     "/items/recent": { "get": { "operationId": "ListRecentItems", "summary": "List recent items",
    ///       "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": {
    ///     "/items/{id}": { "get": { "operationId": "GetItem", "summary": "Get item",
    ///       "parameters": [ { "name": "id", "in": "path", "required": true, "type": "string" } ],
    ///       "responses": { "200": { "description": "OK" } } } },
    ///     "/recent-items": { "get": { "operationId": "ListRecentItems", "summary": "List recent items",
    ///       "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "path-partial-duplicate",
        severity: Warning,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "two paths of one method can match the same request",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let ops = ctx.operations();
    let shapes: Vec<String> = ops.iter().map(|o| shape(&o.path)).collect();
    // An index of the paths, not a comparison of every pair (30,000 operations: 87 s).
    let first = first_overlaps(
        ops.iter()
            .zip(&shapes)
            .map(|(o, s)| (o.method, o.path.as_str(), s.as_str())),
    );
    for (op, other) in ops.iter().zip(first) {
        if let Some(other) = other.map(|j| &ops[j]) {
            out.push(
                RULE.diagnostic(format!(
                    "`{}` can match the same {} requests as `{}`",
                    op.path,
                    op.method.to_ascii_uppercase(),
                    other.path
                ))
                .at(join("/paths", &op.path))
                .operation(op.operation_id.as_deref())
                .help("give the fixed path a segment no value of the variable can take, e.g. `/recent-items` instead of `/items/recent`"),
            );
        }
    }
}
