use crate::diagnostic::Diagnostic;
use crate::model::ModelProblemKind;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a definition that does not declare `"swagger": "2.0"` (or `openapi: 3.x`).
    ///
    /// ## Why is this bad?
    /// Power Platform connectors are Swagger 2.0 documents. Without the version key the
    /// file is not recognised as a definition, and connlint cannot be sure it is reading
    /// one.
    ///
    /// ## Example
    /// ```json
    /// { "info": { "title": "Items", "version": "1.0" }, "paths": {} }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Items", "version": "1.0" }, "paths": {} }
    /// ```
    pub static RULE = {
        id: "unknown-spec-version",
        severity: Error,
        scope: Definition,
        source: "https://swagger.io/specification/v2/",
        summary: "definition declares neither `swagger: \"2.0\"` nor `openapi: 3.x`",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for p in &ctx.definition.problems {
        if p.kind == ModelProblemKind::UnknownVersion {
            out.push(
                RULE.diagnostic(&p.message)
                    .at(&p.pointer)
                    .help(p.help.clone()),
            );
        }
    }
}
