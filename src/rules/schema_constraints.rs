use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;
use crate::syntax::pointer::join;
use crate::syntax::{Node, NodeKind};

crate::declare_rule! {
    /// ## What it does
    /// Reports impossible validation keywords: a minimum above its maximum (`minimum`,
    /// `minLength`, `minItems`, `minProperties`), a negative length or count,
    /// `exclusiveMaximum`/`exclusiveMinimum` without `maximum`/`minimum`, a `multipleOf`
    /// that is not positive, and a `pattern` that is not a regular expression.
    ///
    /// ## Why is this bad?
    /// No value can satisfy them, so the action always fails validation; the validator
    /// rejects them (Min*/Max* errors, Exclusive*, MultipleOfMustBeGreaterThanZero,
    /// PatternShouldBeValidRegularExpression).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "parameters": [ { "name": "top", "in": "query", "type": "integer", "minimum": 100, "maximum": 10 } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "parameters": [ { "name": "top", "in": "query", "type": "integer", "minimum": 10, "maximum": 100 } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "schema-constraints",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "validation keywords that no value can satisfy",
    };
}

fn num(node: &Node, key: &str) -> Option<f64> {
    match &node.get(key)?.kind {
        NodeKind::Number(n) => n.parse().ok(),
        _ => None,
    }
}

/// Whether a pattern is plausibly a regular expression: balanced brackets and groups,
/// nothing dangling. (connlint has no regex engine; this catches the common breakage.)
pub fn pattern_problem(p: &str) -> Option<&'static str> {
    let mut depth = 0i32;
    let mut in_class = false;
    let mut chars = p.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.next().is_none() => return Some("ends with a lone `\\`"),
            '[' if !in_class => in_class = true,
            ']' if in_class => in_class = false,
            '(' if !in_class => depth += 1,
            ')' if !in_class => {
                depth -= 1;
                if depth < 0 {
                    return Some("has a `)` without `(`");
                }
            }
            _ => {}
        }
    }
    if in_class {
        Some("has a `[` without `]`")
    } else if depth > 0 {
        Some("has a `(` without `)`")
    } else {
        None
    }
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let walk = ctx.objects();
    for obj in walk.typed() {
        let n = obj.node;
        let mut push = |key: &str, message: String, help: &str| {
            out.push(
                RULE.diagnostic(message)
                    .at(join(&walk.pointer(obj), key))
                    .help(help.to_string()),
            );
        };
        for (lo, hi) in [
            ("minimum", "maximum"),
            ("minLength", "maxLength"),
            ("minItems", "maxItems"),
            ("minProperties", "maxProperties"),
        ] {
            if let (Some(a), Some(b)) = (num(n, lo), num(n, hi)) {
                if a > b {
                    push(
                        lo,
                        format!("`{lo}` ({a}) is greater than `{hi}` ({b})"),
                        "swap or correct the bounds",
                    );
                }
            }
        }
        for key in [
            "minLength",
            "maxLength",
            "minItems",
            "maxItems",
            "minProperties",
            "maxProperties",
        ] {
            if num(n, key).is_some_and(|v| v < 0.0) {
                push(
                    key,
                    format!("`{key}` is negative"),
                    "lengths and counts are zero or more",
                );
            }
        }
        for (ex, base) in [
            ("exclusiveMaximum", "maximum"),
            ("exclusiveMinimum", "minimum"),
        ] {
            if n.get(ex).is_some() && n.get(base).is_none() {
                push(
                    ex,
                    format!("`{ex}` without `{base}`"),
                    "give the bound it qualifies, or remove it",
                );
            }
        }
        if num(n, "multipleOf").is_some_and(|v| v <= 0.0) {
            push(
                "multipleOf",
                "`multipleOf` is not greater than zero".into(),
                "use a positive number",
            );
        }
        if let Some(p) = n.get_str("pattern") {
            if let Some(problem) = pattern_problem(p) {
                push(
                    "pattern",
                    format!("the pattern `{p}` {problem}"),
                    "fix the regular expression",
                );
            }
        }
    }
}
