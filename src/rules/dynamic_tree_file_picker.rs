use super::support::swagger::{uses_extension, Kind};
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;
use crate::syntax::pointer::join;

crate::declare_rule! {
    /// ## What it does
    /// Reports an `x-ms-capabilities` with `file-picker` on a parameter or property that
    /// has no `x-ms-dynamic-tree`.
    ///
    /// ## Why is this bad?
    /// The file picker browses the tree that `x-ms-dynamic-tree` describes (which
    /// operations open and browse folders); without it the picker has nothing to show
    /// (validator DynamicTreeExtensionMissing).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/files/{id}": { "get": { "operationId": "GetFile", "summary": "Get file",
    ///     "parameters": [ { "name": "id", "in": "path", "required": true, "type": "string",
    ///       "x-ms-capabilities": { "file-picker": { "open": { "operationId": "ListRoot" } } } } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/files/{id}": { "get": { "operationId": "GetFile", "summary": "Get file",
    ///     "parameters": [ { "name": "id", "in": "path", "required": true, "type": "string",
    ///       "x-ms-dynamic-tree": { "settings": { "canSelectParentNodes": false, "canSelectLeafNodes": true },
    ///         "open": { "operationId": "ListRoot", "itemValuePath": "id", "itemTitlePath": "name" } } } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "dynamic-tree-file-picker",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "a file picker needs `x-ms-dynamic-tree`",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    if !uses_extension(ctx, "x-ms-capabilities") {
        return;
    }
    let walk = ctx.objects();
    for obj in walk.iter() {
        if !matches!(obj.kind, Kind::Parameter | Kind::Schema) {
            continue;
        }
        let Some(caps) = obj.node.get("x-ms-capabilities") else {
            continue;
        };
        if caps.get("file-picker").is_some() && obj.node.get("x-ms-dynamic-tree").is_none() {
            out.push(
                RULE.diagnostic(format!("{} has a file picker but no `x-ms-dynamic-tree`", obj.kind.noun()))
                    .at(join(&join(&walk.pointer(obj), "x-ms-capabilities"), "file-picker"))
                    .help("describe the folders to browse with x-ms-dynamic-tree (settings, open, browse)"),
            );
        }
    }
}
