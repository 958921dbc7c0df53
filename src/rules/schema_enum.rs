use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;
use crate::syntax::pointer::join;
use crate::syntax::{Node, NodeKind};

crate::declare_rule! {
    /// ## What it does
    /// Reports an `enum` that is empty, repeats a value, or holds a value that does not
    /// match the declared `type`; and a `default` that does not match the `type`. A value
    /// that is the right one in quotes (`"10"` for an integer, `"true"` for a boolean) is
    /// a warning: the platform converts it, and deployed connectors have many.
    ///
    /// ## Why is this bad?
    /// The designer shows the enum as a drop-down and validates inputs against it; a value
    /// of the wrong type can never be chosen or sent. The validator rejects these
    /// (EnumMustContainAtLeastOneElement, ArrayDuplicateValue, InvalidEnumValue,
    /// DefaultValueMustMatchType).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "parameters": [ { "name": "top", "in": "query", "type": "integer", "enum": [10, 50, "all"] } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "parameters": [ { "name": "top", "in": "query", "type": "integer", "enum": [10, 50, 100] } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "schema-enum",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "`enum` values and `default` match the type, without repeats",
    };
}

/// Whether a value fits a Swagger type.
pub fn fits(value: &Node, ty: &str) -> bool {
    match (ty, &value.kind) {
        (_, NodeKind::Null) => true,
        ("string" | "file", NodeKind::String(_)) => true,
        ("integer", NodeKind::Number(n)) => {
            !n.contains(['.', 'e', 'E']) || value.as_i64().is_some()
        }
        ("number", NodeKind::Number(_)) => true,
        ("boolean", NodeKind::Bool(_)) => true,
        ("array", NodeKind::Array(_)) => true,
        ("object", NodeKind::Object(_)) => true,
        _ => false,
    }
}

/// Whether a string value spells a value of the type (`"10"` for an integer, `"true"`
/// for a boolean): the platform converts these, so they are only a warning.
pub fn coerces(value: &Node, ty: &str) -> bool {
    let Some(s) = value.as_str() else {
        return false;
    };
    match ty {
        "integer" => s.trim().parse::<i64>().is_ok(),
        "number" => s.trim().parse::<f64>().is_ok(),
        "boolean" => matches!(s.trim(), "true" | "false"),
        _ => false,
    }
}

/// A finding for a value that does not fit the type: a warning when it is the type's
/// value in quotes.
fn mismatch(value: &Node, ty: &str, message: String, at: String) -> Diagnostic {
    let mut d = RULE.diagnostic(message).at(at);
    if coerces(value, ty) {
        d.severity = crate::diagnostic::Severity::Warning;
        d.help(format!("write the value without quotes, as a {ty}"))
    } else {
        d.help(format!("write the value as a {ty}, or fix the `type`"))
    }
}

fn shown(v: &Node) -> String {
    match &v.kind {
        NodeKind::String(s) => format!("\"{s}\""),
        NodeKind::Number(n) => n.to_string(),
        NodeKind::Bool(b) => b.to_string(),
        NodeKind::Null => "null".into(),
        _ => v.type_name().into(),
    }
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let walk = ctx.objects();
    for obj in walk.typed() {
        let ty = obj.node.get_str("type");
        if let Some(e) = obj.node.get("enum") {
            let at = join(&walk.pointer(obj), "enum");
            match e.as_array() {
                Some([]) => out.push(
                    RULE.diagnostic("`enum` is empty")
                        .at(&at)
                        .help("list the allowed values, or remove `enum`"),
                ),
                Some(items) => {
                    let mut seen: Vec<serde_json::Value> = Vec::new();
                    for (i, v) in items.iter().enumerate() {
                        let val = v.to_value();
                        if seen.contains(&val) {
                            out.push(
                                RULE.diagnostic(format!("`enum` repeats {}", shown(v)))
                                    .at(format!("{at}/{i}"))
                                    .help("remove the repeated value"),
                            );
                        } else {
                            seen.push(val);
                        }
                        if let Some(t) = ty {
                            if !fits(v, t) {
                                out.push(mismatch(
                                    v,
                                    t,
                                    format!("the enum value {} is not of type `{t}`", shown(v)),
                                    format!("{at}/{i}"),
                                ));
                            }
                        }
                    }
                }
                None => {}
            }
        }
        if let (Some(t), Some(d)) = (ty, obj.node.get("default")) {
            if !fits(d, t) {
                out.push(mismatch(
                    d,
                    t,
                    format!("the default {} is not of type `{t}`", shown(d)),
                    join(&walk.pointer(obj), "default"),
                ));
            }
        }
    }
}
