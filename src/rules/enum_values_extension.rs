use super::support::swagger::uses_extension;
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;
use crate::syntax::pointer::join;
use crate::syntax::Node;

crate::declare_rule! {
    /// ## What it does
    /// Reports `x-ms-enum-values` entries without `value` or `displayName`, values listed
    /// twice, and values that are not in the field's `enum`.
    ///
    /// ## Why is this bad?
    /// The designer shows `displayName` in the drop-down and sends `value`; an entry
    /// without either, or for a value the field does not accept, cannot work. The
    /// validator rejects these (MissingEnumValuesDisplayName,
    /// InvalidEnumValuesExtensionValue, DuplicateEnumValuesInExtension).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "parameters": [ { "name": "state", "in": "query", "type": "string", "enum": ["open", "closed"],
    ///       "x-ms-enum-values": [ { "value": "open", "displayName": "Open" }, { "value": "done" } ] } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "parameters": [ { "name": "state", "in": "query", "type": "string", "enum": ["open", "closed"],
    ///       "x-ms-enum-values": [ { "value": "open", "displayName": "Open" },
    ///         { "value": "closed", "displayName": "Closed" } ] } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "enum-values-extension",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "`x-ms-enum-values` entries have `value` and `displayName` from the `enum`",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    if !uses_extension(ctx, "x-ms-enum-values") {
        return;
    }
    let walk = ctx.objects();
    for obj in walk.iter() {
        let Some(list) = obj.node.get("x-ms-enum-values").and_then(Node::as_array) else {
            continue;
        };
        let at = join(&walk.pointer(obj), "x-ms-enum-values");
        let allowed: Option<Vec<serde_json::Value>> = obj
            .node
            .get("enum")
            .and_then(Node::as_array)
            .map(|a| a.iter().map(Node::to_value).collect());
        let mut seen = Vec::new();
        for (i, e) in list.iter().enumerate() {
            let e_at = format!("{at}/{i}");
            let Some(value) = e.get("value") else {
                out.push(
                    RULE.diagnostic("an `x-ms-enum-values` entry has no `value`")
                        .at(&e_at)
                        .help("give each entry the \"value\" sent and the \"displayName\" shown"),
                );
                continue;
            };
            if e.get_str("displayName").is_none_or(|d| d.trim().is_empty()) {
                out.push(
                    RULE.diagnostic(format!(
                        "the `x-ms-enum-values` entry for {} has no `displayName`",
                        value.to_value()
                    ))
                    .at(&e_at)
                    .help("add the \"displayName\" makers see in the drop-down"),
                );
            }
            let v = value.to_value();
            if seen.contains(&v) {
                out.push(
                    RULE.diagnostic(format!("`x-ms-enum-values` lists {v} twice"))
                        .at(join(&e_at, "value"))
                        .help("remove the repeated entry"),
                );
            } else {
                seen.push(v.clone());
            }
            if let Some(allowed) = &allowed {
                if !allowed.contains(&v) {
                    out.push(
                        RULE.diagnostic(format!(
                            "`x-ms-enum-values` has {v}, which is not in `enum`"
                        ))
                        .at(join(&e_at, "value"))
                        .help("add the value to `enum`, or remove the entry"),
                    );
                }
            }
        }
    }
}
