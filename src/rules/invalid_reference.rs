use crate::diagnostic::Diagnostic;
use crate::model::ModelProblemKind;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `$ref` that points to nothing in the file, a remote `$ref`, a reference
    /// cycle, or a value of the wrong type where the definition's structure needs a
    /// specific one (`paths` that is not an object, `parameters` that is not an array).
    ///
    /// ## Why is this bad?
    /// Power Platform resolves references within the file only; a broken one fails the
    /// import. connlint never fetches remote references.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Items", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "parameters": [ { "$ref": "#/parameters/Top" } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Items", "version": "1.0" },
    ///   "parameters": { "Top": { "name": "top", "in": "query", "type": "integer" } },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "parameters": [ { "$ref": "#/parameters/Top" } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "invalid-reference",
        severity: Error,
        scope: Definition,
        source: "https://swagger.io/specification/v2/",
        summary: "a `$ref` that cannot be resolved, or a structure of the wrong type",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for p in &ctx.definition.problems {
        if matches!(
            p.kind,
            ModelProblemKind::BrokenReference | ModelProblemKind::WrongType
        ) {
            out.push(
                RULE.diagnostic(&p.message)
                    .at(&p.pointer)
                    .help(p.help.clone()),
            );
        }
    }
}
