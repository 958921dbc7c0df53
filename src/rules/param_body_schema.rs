use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;
use crate::syntax::pointer::join;

crate::declare_rule! {
    /// ## What it does
    /// Reports a body parameter without `schema`, a body parameter with keywords of its own
    /// that belong in the schema (`type`, `format`, `items`, `enum`, …), and a non-body
    /// parameter with a `schema`.
    ///
    /// ## Why is this bad?
    /// In Swagger 2.0 a body is described by its `schema`, and other parameters by `type`;
    /// the validator rejects the mix (BodyParameterSchemaRequired,
    /// BodyParameterPropertyNotValid, NonBodyParameterSchemaNotValid).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "post": { "operationId": "CreateItem", "summary": "Create item",
    ///     "parameters": [ { "name": "body", "in": "body", "type": "object" } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "post": { "operationId": "CreateItem", "summary": "Create item",
    ///     "parameters": [ { "name": "body", "in": "body", "schema": { "type": "object" } } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "param-body-schema",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "body parameters have a `schema` and nothing else does",
    };
}

const BODY_ONLY_IN_SCHEMA: &[&str] = &[
    "type",
    "format",
    "items",
    "collectionFormat",
    "enum",
    "default",
    "allowEmptyValue",
    "maximum",
    "minimum",
    "maxLength",
    "minLength",
    "pattern",
];

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for (obj_at, node, location) in ctx.parameter_objects() {
        let (node, location): (&crate::syntax::Node, Option<&str>) = (node, *location);
        let name = node.get_str("name").unwrap_or_default();
        if location == Some("body") {
            if node.get("schema").is_none() {
                out.push(
                    RULE.diagnostic(format!("body parameter `{name}` has no `schema`"))
                        .at(obj_at.as_str())
                        .help("describe the body with \"schema\": { \"type\": \"object\", \"properties\": … }"),
                );
            }
            for key in BODY_ONLY_IN_SCHEMA {
                if node.get(key).is_some() {
                    out.push(
                        RULE.diagnostic(format!(
                            "body parameter `{name}` has `{key}`, which belongs in its schema"
                        ))
                        .at(join(obj_at, key))
                        .help(format!("move `{key}` into the parameter's `schema`")),
                    );
                }
            }
        } else if node.get("schema").is_some() {
            let loc = location.unwrap_or("?");
            out.push(
                RULE.diagnostic(format!(
                    "{loc} parameter `{name}` has a `schema`; only body parameters do"
                ))
                .at(join(obj_at, "schema"))
                .help("describe the parameter with `type` (and `format`, `items`) instead of `schema`"),
            );
        }
    }
}
