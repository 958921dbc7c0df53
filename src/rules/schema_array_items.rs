use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a schema, parameter or header of `type: array` without `items`.
    ///
    /// ## Why is this bad?
    /// Without `items` the designer cannot offer the elements' fields and makers cannot
    /// build the array; the validator rejects it (ArrayHasNoItems).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {},
    ///   "definitions": { "Item": { "type": "object",
    ///     "properties": { "tags": { "type": "array" } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {},
    ///   "definitions": { "Item": { "type": "object",
    ///     "properties": { "tags": { "type": "array", "items": { "type": "string" } } } } } }
    /// ```
    pub static RULE = {
        id: "schema-array-items",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "`type: array` needs `items`",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let walk = ctx.objects();
    for obj in walk.typed() {
        if obj.node.get_str("type") == Some("array") && obj.node.get("items").is_none() {
            out.push(
                RULE.diagnostic(format!("{} of type array has no `items`", obj.kind.noun()))
                    .at(walk.pointer(obj))
                    .help("describe the elements with \"items\": { \"type\": … }"),
            );
        }
    }
}
