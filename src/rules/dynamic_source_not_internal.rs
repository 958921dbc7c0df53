use super::support::swagger::{uses_extension, Kind};
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;
use crate::syntax::pointer::join;
use crate::syntax::Node;

crate::declare_rule! {
    /// ## What it does
    /// Reports a dynamic extension of an operation's parameter that takes a value from
    /// another parameter (`{"parameter": "x"}` or `{"parameterReference": "x"}`) when that
    /// parameter is `internal`.
    ///
    /// ## Why is this bad?
    /// Makers never fill in an internal parameter, so there is no value to pass on at
    /// design time; the validator rejects it (SourcePropertyInternal). Pass the internal
    /// parameter's default as a static value instead: `{"value": "…"}`.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "parameters": [
    ///       { "name": "region", "in": "query", "type": "string", "required": true, "default": "eu",
    ///         "x-ms-visibility": "internal" },
    ///       { "name": "folder", "in": "query", "type": "string",
    ///         "x-ms-dynamic-values": { "operationId": "ListFolders", "value-path": "id",
    ///           "parameters": { "region": { "parameter": "region" } } } } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "parameters": [
    ///       { "name": "region", "in": "query", "type": "string", "required": true, "default": "eu",
    ///         "x-ms-visibility": "internal" },
    ///       { "name": "folder", "in": "query", "type": "string",
    ///         "x-ms-dynamic-values": { "operationId": "ListFolders", "value-path": "id",
    ///           "parameters": { "region": { "value": "eu" } } } } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "dynamic-source-not-internal",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "dynamic extensions take no value from an internal parameter",
    };
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
        if !matches!(obj.kind, Kind::Parameter | Kind::Schema) {
            continue;
        }
        for ext in super::dynamic_values_target::DYNAMIC {
            let Some(params) = obj.node.get(ext).and_then(|e| e.get("parameters")) else {
                continue;
            };
            let obj_at = walk.pointer(obj);
            // Only inline objects of an operation: its parameters are the sources.
            let Some(op) = ctx
                .operations()
                .iter()
                .find(|o| obj_at.starts_with(&format!("{}/", o.pointer)))
            else {
                continue;
            };
            for m in params.members().unwrap_or_default() {
                let source = m
                    .value
                    .get("parameter")
                    .or_else(|| m.value.get("parameterReference"))
                    .and_then(Node::as_str);
                let Some(source) = source else { continue };
                let Some(p) = op.parameters.iter().find(|p| p.name == source) else {
                    continue;
                };
                if p.visibility
                    .as_deref()
                    .is_some_and(|v| v.eq_ignore_ascii_case("internal"))
                {
                    let value = p
                        .default
                        .as_ref()
                        .map(|d| d.to_string())
                        .unwrap_or_else(|| "…".into());
                    out.push(
                        RULE.diagnostic(format!(
                            "`{ext}` takes `{}` from the internal parameter `{source}`",
                            m.key
                        ))
                        .at(join(&join(&join(&obj_at, ext), "parameters"), &m.key))
                        .operation(op.operation_id.as_deref())
                        .help(format!(
                            "pass the value itself: \"{}\": {{ \"value\": {value} }}",
                            m.key
                        )),
                    );
                }
            }
        }
    }
}
