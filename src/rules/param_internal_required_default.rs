use super::support::swagger::{input_properties, unique_parameters};
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a parameter, or a property of a request body, that is `internal` and
    /// `required` but has no `default`. The webhook callback property
    /// (`x-ms-notification-url`) is exempt: the platform fills it.
    ///
    /// ## Why is this bad?
    /// Makers never see an internal field, so nobody can fill it in: the request goes out
    /// without a value the service requires. Microsoft: "For parameters that are internal
    /// and required, you *must* provide default values."
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "parameters": [ { "name": "api-version", "in": "query", "type": "string",
    ///       "required": true, "x-ms-visibility": "internal" } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "parameters": [ { "name": "api-version", "in": "query", "type": "string",
    ///       "required": true, "x-ms-visibility": "internal", "default": "2024-01-01" } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "param-internal-required-default",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/openapi-extensions",
        summary: "internal and required parameters need a `default`",
    };
}

const HELP: &str = "give the field a \"default\" (the value always sent), or make it visible so makers can fill it in";

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for (op, p) in unique_parameters(ctx) {
        let internal = p
            .visibility
            .as_deref()
            .is_some_and(|v| v.eq_ignore_ascii_case("internal"));
        if internal && p.required && p.default.is_none() && p.location != "body" {
            out.push(
                RULE.diagnostic(format!(
                    "parameter `{}` of {} is internal and required but has no `default`",
                    p.name,
                    op.name()
                ))
                .at(&p.pointer)
                .operation(op.operation_id.as_deref())
                .help(HELP),
            );
        }
    }
    let walk = ctx.objects();
    for prop in input_properties(ctx.root, walk) {
        if prop.is_notification_url() {
            continue;
        }
        let (internal, has_default) = (prop.is_internal(), prop.has_default());
        let container = prop
            .resolved
            .get_str("type")
            .is_some_and(|t| t == "object" || t == "array")
            || prop.resolved.get("properties").is_some();
        if internal && prop.required && !has_default && !container {
            out.push(
                RULE.diagnostic(format!(
                    "property `{}` is internal and required but has no `default`",
                    prop.name
                ))
                .at(prop.pointer(walk))
                .help(HELP),
            );
        }
    }
}
