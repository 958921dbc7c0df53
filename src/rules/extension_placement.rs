use super::support::extensions::{placement, Placement};
use super::support::swagger::{Kind, Role};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::DefinitionContext;
use crate::syntax::pointer::join;

crate::declare_rule! {
    /// ## What it does
    /// Reports a known `x-ms-*` extension written where it has no effect: operation
    /// extensions (`x-ms-trigger`, `x-ms-pageable`, `x-ms-api-annotation`, …) elsewhere than
    /// on operations, `x-ms-connector-metadata` below the top level,
    /// `x-ms-notification-content` elsewhere than on a path item, `x-ms-url-encoding`
    /// elsewhere than on path parameters (query parameters are
    /// `query-param-no-url-encoding`'s), `x-ms-notification-url` in a response, and a
    /// dynamic extension (`x-ms-dynamic-values`, …) on a body parameter instead of in its
    /// schema. Misplaced `x-ms-summary`, `x-ms-visibility`, `x-ms-url-encoding` and
    /// `x-ms-test-value` are warnings: they are only ignored there, and deployed connectors
    /// carry many (`x-ms-summary` on operations and responses).
    ///
    /// ## Why is this bad?
    /// The platform reads each extension at one place and silently ignores it elsewhere;
    /// the repository's schema and the validator reject misplaced ones
    /// (DynamicExtensionDefinitionNotAllowedInParameter,
    /// NotificationUrlNotAllowedInThisPosition).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "parameters": [ { "name": "top", "in": "query", "type": "integer", "x-ms-trigger": "single" } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "x-ms-trigger": "batch",
    ///     "parameters": [ { "name": "top", "in": "query", "type": "integer" } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "extension-placement",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://github.com/microsoft/PowerPlatformConnectors/blob/dev/schemas/apiDefinition.swagger.schema.json",
        summary: "`x-ms-*` extensions only where the platform reads them",
    };
}

fn names(kinds: &[Kind]) -> String {
    let mut v: Vec<&str> = kinds
        .iter()
        .map(|k| match k {
            Kind::Root => "the document root",
            Kind::Info => "info",
            Kind::Operation => "operations",
            Kind::PathItem => "path items",
            Kind::Parameter => "parameters",
            Kind::Schema => "schemas",
            Kind::Items => "parameter items",
            Kind::Header => "response headers",
            _ => "other objects",
        })
        .collect();
    v.dedup();
    v.join(", ")
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let walk = ctx.objects();
    for obj in walk.iter() {
        for m in obj.node.members().unwrap_or_default() {
            let name = m.key.as_str();
            if !name.starts_with("x-ms-") {
                continue;
            }
            let Some(Placement::On(kinds)) = placement(name) else {
                continue;
            };
            let at = join(&walk.pointer(obj), name);
            // Errors where Microsoft's schema or validator rejects the placement; a
            // warning for extensions that are merely ignored where they stand (labels and
            // visibility on operations, responses or tags, encodings on schemas).
            let strict = !matches!(
                name,
                "x-ms-summary" | "x-ms-visibility" | "x-ms-url-encoding" | "x-ms-test-value"
            );
            let problem: Option<(String, String)> = if !kinds.contains(&obj.kind) {
                Some((
                    format!("`{name}` is not read on {}", obj.kind.noun()),
                    format!("move `{name}` to {}", names(kinds)),
                ))
            } else if name == "x-ms-url-encoding"
                && obj.kind == Kind::Parameter
                && !matches!(obj.location, Some("path" | "query"))
            {
                Some((
                    format!(
                        "`x-ms-url-encoding` is only read on path parameters, not on a {} parameter",
                        obj.location.unwrap_or("?")
                    ),
                    "remove it: only path values are URL-encoded by the connector".into(),
                ))
            } else if name.starts_with("x-ms-dynamic-")
                && obj.kind == Kind::Parameter
                && obj.location == Some("body")
            {
                Some((
                    format!("`{name}` is on a body parameter"),
                    format!("move `{name}` into the body parameter's `schema`"),
                ))
            } else if name == "x-ms-notification-url" && obj.role == Role::Output {
                Some((
                    "`x-ms-notification-url` is in a response schema".into(),
                    "mark the callback URL property of the webhook registration request body"
                        .into(),
                ))
            } else {
                None
            };
            if let Some((message, help)) = problem {
                let mut d = RULE.diagnostic(message).at(at).help(help);
                if !strict {
                    d.severity = Severity::Warning;
                }
                out.push(d);
            }
        }
    }
}
