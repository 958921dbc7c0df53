use super::support::swagger::{deref, properties, success_schema, uses_extension, Kind};
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;
use crate::syntax::pointer::join;
use crate::syntax::Node;

crate::declare_rule! {
    /// ## What it does
    /// Checks the operation a dynamic extension calls (`x-ms-dynamic-values`,
    /// `x-ms-dynamic-list`, `x-ms-dynamic-schema`, `x-ms-dynamic-properties`): its
    /// `operationId` must exist, every key of its `parameters` must be a parameter of that
    /// operation, the operation's required parameters must be supplied (errors); and a
    /// `value-collection` should name an array in the operation's success response (a
    /// warning: response schemas of deployed connectors are often loose).
    ///
    /// ## Why is this bad?
    /// The designer calls the named operation to fill the drop-down or build the fields;
    /// when the call cannot be made the maker sees an empty list or an error. The validator
    /// rejects these (OperationIdNotFound, OperationParameterNameNotFound,
    /// OperationMissingRequiredProperty, InvokedOperationShouldProduceArray).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "parameters": [ { "name": "folder", "in": "query", "type": "string",
    ///       "x-ms-dynamic-values": { "operationId": "ListFolder", "value-path": "id", "value-title": "name" } } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": {
    ///     "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///       "parameters": [ { "name": "folder", "in": "query", "type": "string",
    ///         "x-ms-dynamic-values": { "operationId": "ListFolders", "value-collection": "value",
    ///           "value-path": "id", "value-title": "name" } } ],
    ///       "responses": { "200": { "description": "OK" } } } },
    ///     "/folders": { "get": { "operationId": "ListFolders", "summary": "List folders",
    ///       "x-ms-visibility": "internal",
    ///       "responses": { "200": { "description": "OK", "schema": { "type": "object",
    ///         "properties": { "value": { "type": "array", "items": { "type": "object",
    ///           "properties": { "id": { "type": "string" }, "name": { "type": "string" } } } } } } } } } } } }
    /// ```
    pub static RULE = {
        id: "dynamic-values-target",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "dynamic extensions call an existing operation with its parameters",
    };
}

pub const DYNAMIC: [&str; 4] = [
    "x-ms-dynamic-values",
    "x-ms-dynamic-list",
    "x-ms-dynamic-schema",
    "x-ms-dynamic-properties",
];

/// Follows a `/`-separated property path through a schema; `None` when the schema does
/// not say (no listed properties, additionalProperties, dynamic), `Some(Err(segment))`
/// when a segment is missing, `Some(Ok(schema))` at the end.
fn follow<'a>(
    root: &'a Node,
    schema: &'a Node,
    at: &str,
    path: &str,
) -> Option<Result<&'a Node, String>> {
    let mut cur = schema;
    let mut cur_at = at.to_string();
    for seg in path.split(['/', '.']).filter(|s| !s.is_empty()) {
        let props = properties(root, cur, &cur_at);
        if props.is_empty() || cur.get("additionalProperties").is_some() {
            return None;
        }
        let Some((_, node, p_at)) = props.into_iter().find(|(n, _, _)| *n == seg) else {
            return Some(Err(seg.to_string()));
        };
        let (n, a) = deref(root, node, &p_at)?;
        cur = n;
        cur_at = a;
    }
    Some(Ok(cur))
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    if !uses_extension(ctx, "x-ms-dynamic-values")
        && !uses_extension(ctx, "x-ms-dynamic-list")
        && !uses_extension(ctx, "x-ms-dynamic-schema")
        && !uses_extension(ctx, "x-ms-dynamic-properties")
    {
        return;
    }
    let walk = ctx.objects();
    for obj in walk.iter() {
        if !matches!(obj.kind, Kind::Parameter | Kind::Schema | Kind::Items) {
            continue;
        }
        for ext in DYNAMIC {
            let Some(value) = obj.node.get(ext) else {
                continue;
            };
            let at = join(&walk.pointer(obj), ext);
            let Some(id) = value.get_str("operationId") else {
                if value.is_object() {
                    out.push(
                        RULE.diagnostic(format!("`{ext}` has no `operationId`"))
                            .at(&at)
                            .help("name the operation that returns the values in \"operationId\""),
                    );
                }
                continue;
            };
            let Some(target) = ctx
                .operations()
                .iter()
                .find(|o| o.operation_id.as_deref() == Some(id))
            else {
                out.push(
                    RULE.diagnostic(format!("`{ext}` calls `{id}`, which is not an operation of this connector"))
                        .at(join(&at, "operationId"))
                        .help("use the operationId of an operation of this definition (usually an internal GET)"),
                );
                continue;
            };
            let has_body = target.parameters.iter().any(|p| p.location == "body");
            let given: Vec<&str> = value
                .get("parameters")
                .and_then(Node::members)
                .unwrap_or_default()
                .iter()
                .map(|m| m.key.as_str())
                .collect();
            for key in &given {
                if !has_body && !target.parameters.iter().any(|p| p.name == *key) {
                    out.push(
                        RULE.diagnostic(format!(
                            "`{ext}` passes `{key}`, which `{id}` does not take"
                        ))
                        .at(join(&join(&at, "parameters"), key))
                        .help(format!("use the name of one of `{id}`'s parameters")),
                    );
                }
            }
            for p in &target.parameters {
                let internal = p
                    .visibility
                    .as_deref()
                    .is_some_and(|v| v.eq_ignore_ascii_case("internal"));
                if p.required
                    && p.default.is_none()
                    && !internal
                    && p.location != "body"
                    && !given.contains(&p.name.as_str())
                {
                    out.push(
                        RULE.diagnostic(format!("`{ext}` does not pass `{}`, which `{id}` requires", p.name))
                            .at(&at)
                            .help(format!("add \"{}\": {{ \"parameter\": … }} or {{ \"value\": … }} to its \"parameters\"", p.name)),
                    );
                }
            }
            if ext == "x-ms-dynamic-values" {
                let Some((schema, s_at)) = success_schema(ctx.root, target) else {
                    continue;
                };
                let collection = value.get_str("value-collection").unwrap_or("");
                // The platform does not check responses against their schema at run
                // time, and deployed connectors have loose ones: warnings.
                let before = out.len();
                match follow(ctx.root, schema, &s_at, collection) {
                    Some(Err(seg)) => out.push(
                        RULE.diagnostic(format!(
                            "`value-collection` `{collection}` is not in the response of `{id}` (no `{seg}`)"
                        ))
                        .at(join(&at, "value-collection"))
                        .help(format!("name the array property of `{id}`'s response that holds the values")),
                    ),
                    Some(Ok(arr)) if arr.get_str("type").is_some_and(|t| t != "array") => {
                        let what = if collection.is_empty() { "the response".to_string() } else { format!("`{collection}`") };
                        out.push(
                            RULE.diagnostic(format!("{what} of `{id}` is not an array"))
                                .at(if collection.is_empty() { at.clone() } else { join(&at, "value-collection") })
                                .help("point `value-collection` at the array of values in the response"),
                        );
                    }
                    _ => {}
                }
                for d in &mut out[before..] {
                    d.severity = crate::diagnostic::Severity::Warning;
                }
            }
        }
    }
}
