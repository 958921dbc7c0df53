use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;
use crate::syntax::pointer::join;

crate::declare_rule! {
    /// ## What it does
    /// Reports, on parameters, a `collectionFormat` that is not `csv`, `ssv`, `tsv`, `pipes`
    /// or `multi`, `multi` outside query and formData parameters, and a `collectionFormat`
    /// on a parameter that is not an array.
    ///
    /// ## Why is this bad?
    /// The platform serialises array parameters according to `collectionFormat`; other
    /// values are rejected (CollectionFormatValueNotSupported), and `multi` (repeated
    /// keys) only exists for query strings and forms.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "parameters": [ { "name": "ids", "in": "header", "type": "array",
    ///       "items": { "type": "string" }, "collectionFormat": "multi" } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "parameters": [ { "name": "ids", "in": "header", "type": "array",
    ///       "items": { "type": "string" }, "collectionFormat": "csv" } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "collection-format",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "`collectionFormat` is supported where it is used",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for (obj_at, node, location) in ctx.parameter_objects() {
        let (node, location): (&crate::syntax::Node, Option<&str>) = (node, *location);
        let Some(cf) = node.get_str("collectionFormat") else {
            continue;
        };
        let at = join(obj_at, "collectionFormat");
        if !["csv", "ssv", "tsv", "pipes", "multi"].contains(&cf) {
            out.push(
                RULE.diagnostic(format!("`{cf}` is not a collection format"))
                    .at(&at)
                    .help("use csv, ssv, tsv, pipes or (for query and formData) multi"),
            );
        } else if cf == "multi" && !matches!(location, Some("query" | "formData")) {
            out.push(
                RULE.diagnostic("`multi` is only supported for query and formData parameters")
                    .at(&at)
                    .help("use csv (comma-separated) for this parameter"),
            );
        }
        if node.get_str("type").is_some_and(|t| t != "array") {
            out.push(
                RULE.diagnostic("`collectionFormat` on a parameter that is not an array")
                    .at(&at)
                    .help("remove `collectionFormat`, or make the parameter an array with `items`"),
            );
        }
    }
}
