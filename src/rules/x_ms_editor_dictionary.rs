use super::support::swagger::uses_extension;
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;
use crate::syntax::pointer::join;

crate::declare_rule! {
    /// ## What it does
    /// Reports `x-ms-editor: dictionary` on something that is not an object with
    /// `additionalProperties`.
    ///
    /// ## Why is this bad?
    /// The dictionary editor lets makers enter free key/value pairs, which only an object
    /// with `additionalProperties` can hold; the validator rejects it elsewhere
    /// (InvalidCustomEditorExtensionDictionaryValue).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {},
    ///   "definitions": { "Item": { "type": "object", "properties": {
    ///     "labels": { "type": "string", "x-ms-editor": "dictionary" } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {},
    ///   "definitions": { "Item": { "type": "object", "properties": {
    ///     "labels": { "type": "object", "additionalProperties": { "type": "string" },
    ///       "x-ms-editor": "dictionary" } } } } }
    /// ```
    pub static RULE = {
        id: "x-ms-editor-dictionary",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "`x-ms-editor: dictionary` only on objects with `additionalProperties`",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    if !uses_extension(ctx, "x-ms-editor") {
        return;
    }
    let walk = ctx.objects();
    for obj in walk.iter() {
        if obj.node.get_str("x-ms-editor") != Some("dictionary") {
            continue;
        }
        let ok = obj.node.get_str("type").is_none_or(|t| t == "object")
            && obj
                .node
                .get("additionalProperties")
                .is_some_and(|a| a.is_object() || a.as_bool() == Some(true));
        if !ok {
            out.push(
                RULE.diagnostic(format!("`x-ms-editor: dictionary` on {} that is not an object with `additionalProperties`", obj.kind.noun()))
                    .at(join(&walk.pointer(obj), "x-ms-editor"))
                    .help("make it \"type\": \"object\" with \"additionalProperties\": { \"type\": \"string\" }, or remove the editor"),
            );
        }
    }
}
