use super::support::swagger::{Kind, Place};
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;
use crate::syntax::pointer::join;

crate::declare_rule! {
    /// ## What it does
    /// Reports `type: file` in a schema anywhere but at the root of a response schema
    /// (formData parameters, where `file` is also allowed, are `param-file-formdata`'s).
    ///
    /// ## Why is this bad?
    /// Swagger 2.0 allows `file` only for formData parameters and whole response bodies;
    /// the validator rejects it elsewhere (SchemaTypeFileNotValid). Inside JSON, a file is a
    /// base64 string (`format: byte`).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {},
    ///   "definitions": { "Upload": { "type": "object",
    ///     "properties": { "content": { "type": "file" } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {},
    ///   "definitions": { "Upload": { "type": "object",
    ///     "properties": { "content": { "type": "string", "format": "byte" } } } } }
    /// ```
    pub static RULE = {
        id: "schema-file-type",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "`type: file` only at the root of a response schema",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let walk = ctx.objects();
    for obj in walk.iter() {
        if obj.kind != Kind::Schema || obj.node.get_str("type") != Some("file") {
            continue;
        }
        if obj.place == Place::ResponseRoot || obj.place == Place::Definition {
            continue;
        }
        out.push(
            RULE.diagnostic("`type: file` is only allowed for a whole response body")
                .at(join(&walk.pointer(obj), "type"))
                .help("inside JSON use \"type\": \"string\", \"format\": \"byte\" (base64); upload files as formData or a binary body"),
        );
    }
}
