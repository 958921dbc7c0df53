use super::support::swagger::{uses_extension, Kind};
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;
use crate::syntax::pointer::join;
use crate::syntax::Node;

crate::declare_rule! {
    /// ## What it does
    /// Reports an `x-ms-dynamic-values` inside an operation's body schema that takes a
    /// value from another body property (`{"parameter": "x"}` where `x` is not a parameter
    /// of the operation) but has no `x-ms-dynamic-list` companion, and likewise an
    /// `x-ms-dynamic-schema` without `x-ms-dynamic-properties`; and companions that
    /// disagree with the original (different `operationId`, or an `itemValuePath` that is
    /// not the `value-path`). Shared `#/definitions` are not judged: which operation's
    /// parameters they see is unknown.
    ///
    /// ## Why is this bad?
    /// Inside a body, `{"parameter": "name"}` cannot say which field it means; the newer
    /// companion extensions refer to fields by path (`parameterReference`). Microsoft
    /// asks for both, and the validator rejects the gap
    /// (DynamicListExtensionRequiredFor…, DynamicPropertiesExtensionRequiredFor…,
    /// DynamicPropertiesItemValuePathMismatch).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "post": { "operationId": "CreateItem", "summary": "Create item",
    ///     "parameters": [ { "name": "body", "in": "body", "schema": { "type": "object", "properties": {
    ///       "drive": { "type": "string" },
    ///       "folder": { "type": "string",
    ///         "x-ms-dynamic-values": { "operationId": "ListFolders", "value-path": "id",
    ///           "parameters": { "drive": { "parameter": "drive" } } } } } } } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "post": { "operationId": "CreateItem", "summary": "Create item",
    ///     "parameters": [ { "name": "body", "in": "body", "schema": { "type": "object", "properties": {
    ///       "drive": { "type": "string" },
    ///       "folder": { "type": "string",
    ///         "x-ms-dynamic-values": { "operationId": "ListFolders", "value-path": "id",
    ///           "parameters": { "drive": { "parameter": "drive" } } },
    ///         "x-ms-dynamic-list": { "operationId": "ListFolders", "itemValuePath": "id",
    ///           "parameters": { "drive": { "parameterReference": "body/drive" } } } } } } } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "dynamic-list-companion",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/openapi-extensions",
        summary: "dynamic values and schemas in bodies need their `x-ms-dynamic-list`/`-properties` companion",
    };
}

/// The names a dynamic extension takes from other fields with `{"parameter": "name"}`.
fn sources(ext: &Node) -> Vec<&str> {
    ext.get("parameters")
        .and_then(Node::members)
        .unwrap_or_default()
        .iter()
        .filter_map(|m| m.value.get("parameter").and_then(Node::as_str))
        .collect()
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    if !uses_extension(ctx, "x-ms-dynamic-values") && !uses_extension(ctx, "x-ms-dynamic-schema") {
        return;
    }
    let walk = ctx.objects();
    for obj in walk.iter() {
        if obj.kind != Kind::Schema
            || (obj.node.get("x-ms-dynamic-values").is_none()
                && obj.node.get("x-ms-dynamic-schema").is_none())
        {
            continue;
        }
        let obj_at = walk.pointer(obj);
        // The operation whose body holds this schema, when it is written inline.
        let op = ctx
            .operations()
            .iter()
            .find(|o| obj_at.starts_with(&format!("{}/", o.pointer)));
        for (old, new, old_path, new_path) in [
            (
                "x-ms-dynamic-values",
                "x-ms-dynamic-list",
                "value-path",
                "itemValuePath",
            ),
            (
                "x-ms-dynamic-schema",
                "x-ms-dynamic-properties",
                "value-path",
                "itemValuePath",
            ),
        ] {
            let Some(o) = obj.node.get(old) else { continue };
            let at = join(&obj_at, old);
            match obj.node.get(new) {
                None => {
                    // `{"parameter": "x"}` is ambiguous when `x` is not a parameter of the
                    // operation (it can only mean a body property).
                    let Some(op) = op else { continue };
                    let ambiguous: Vec<&str> = sources(o)
                        .into_iter()
                        .filter(|s| {
                            !op.parameters
                                .iter()
                                .any(|p| p.location != "body" && p.name == *s)
                        })
                        .collect();
                    if let Some(first) = ambiguous.first() {
                        out.push(
                            RULE.diagnostic(format!(
                                "`{old}` takes `{first}` from a body property but has no `{new}`"
                            ))
                            .at(&at)
                            .operation(op.operation_id.as_deref())
                            .help(format!("add `{new}` with the same operationId, referring to the property by path: {{ \"parameterReference\": \"body/{first}\" }}")),
                        );
                    }
                }
                Some(n) => {
                    let new_at = join(&obj_at, new);
                    if let (Some(a), Some(b)) = (o.get_str("operationId"), n.get_str("operationId"))
                    {
                        if a != b {
                            out.push(
                                RULE.diagnostic(format!("`{new}` calls `{b}` but `{old}` calls `{a}`"))
                                    .at(join(&new_at, "operationId"))
                                    .help("both extensions describe the same call: use the same operationId"),
                            );
                        }
                    }
                    if let (Some(vp), Some(ivp)) = (o.get_str(old_path), n.get_str(new_path)) {
                        let expected = vp.strip_suffix("/properties").unwrap_or(vp);
                        if ivp != expected && ivp != vp {
                            out.push(
                                RULE.diagnostic(format!(
                                    "`{new_path}` is `{ivp}` but `{old}` has `{old_path}` `{vp}`"
                                ))
                                .at(join(&new_at, new_path))
                                .help(format!("write \"{new_path}\": \"{expected}\"")),
                            );
                        }
                    }
                }
            }
        }
    }
}
