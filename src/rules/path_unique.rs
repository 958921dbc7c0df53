use crate::diagnostic::Diagnostic;
use crate::model::paths::shape;
use crate::rules::DefinitionContext;
use crate::syntax::pointer::join;

crate::declare_rule! {
    /// ## What it does
    /// Reports two paths that are the same when compared without regard to case, or that
    /// differ only in the names of their template variables (`/items/{id}` and
    /// `/items/{itemId}`), when they share an HTTP method. A trailing `/` makes a different
    /// path, as the validator sees it.
    ///
    /// ## Why is this bad?
    /// The platform cannot tell the requests apart; the validator rejects them
    /// (PathRedefined, DuplicateOperationPath).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": {
    ///     "/items/{id}": { "get": { "operationId": "GetItem", "summary": "Get item",
    ///       "parameters": [ { "name": "id", "in": "path", "required": true, "type": "string" } ],
    ///       "responses": { "200": { "description": "OK" } } } },
    ///     "/Items/{itemId}": { "get": { "operationId": "GetItemById", "summary": "Get item by ID",
    ///       "parameters": [ { "name": "itemId", "in": "path", "required": true, "type": "string" } ],
    ///       "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": {
    ///     "/items/{id}": { "get": { "operationId": "GetItem", "summary": "Get item",
    ///       "parameters": [ { "name": "id", "in": "path", "required": true, "type": "string" } ],
    ///       "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "path-unique",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "no two paths are the same ignoring case and variable names",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let ops = ctx.operations();
    let mut first: std::collections::HashMap<(&str, String), usize> = Default::default();
    for (i, op) in ops.iter().enumerate() {
        let key = (op.method, shape(&op.path));
        match first.get(&key) {
            Some(&j) if ops[j].path != op.path => {
                let other = &ops[j];
                out.push(
                    RULE.diagnostic(format!(
                        "`{}` is the same path as `{}` for {}",
                        op.path,
                        other.path,
                        op.method.to_ascii_uppercase()
                    ))
                    .at(join("/paths", &op.path))
                    .operation(op.operation_id.as_deref())
                    .help("merge the two operations, or give one a distinct path"),
                );
            }
            Some(_) => {}
            None => {
                first.insert(key, i);
            }
        }
    }
}
