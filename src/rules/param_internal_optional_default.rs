use super::support::swagger::{input_properties, unique_parameters};
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a parameter, or a property of a request body, that is `internal` and has a
    /// `default` but is not `required`.
    ///
    /// ## Why is this bad?
    /// The platform sends the default of an internal field only when the field is
    /// required; an optional internal field is never sent, so the default has no effect
    /// (validator InternalPropertyWithDefaultOptional, PropertyMustBeRequired).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "parameters": [ { "name": "format", "in": "query", "type": "string",
    ///       "x-ms-visibility": "internal", "default": "json" } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "parameters": [ { "name": "format", "in": "query", "type": "string", "required": true,
    ///       "x-ms-visibility": "internal", "default": "json" } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "param-internal-optional-default",
        severity: Warning,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "an internal field with a `default` must be `required` to be sent",
    };
}

const HELP: &str = "mark the field \"required\": true so its default is sent, or drop the default";

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for (op, p) in unique_parameters(ctx) {
        let internal = p
            .visibility
            .as_deref()
            .is_some_and(|v| v.eq_ignore_ascii_case("internal"));
        if internal && !p.required && p.default.is_some() && p.location != "body" {
            out.push(
                RULE.diagnostic(format!(
                    "parameter `{}` of {} is internal with a default but not required, so it is never sent",
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
        if internal && !prop.required && has_default {
            out.push(
                RULE.diagnostic(format!(
                    "property `{}` is internal with a default but not required, so it is never sent",
                    prop.name
                ))
                .at(prop.pointer(walk))
                .help(HELP),
            );
        }
    }
}
