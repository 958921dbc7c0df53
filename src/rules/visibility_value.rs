use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an `x-ms-visibility` value that is not `important`, `advanced` or
    /// `internal` in any case (an error), and the empty value `""` (info: it means
    /// "normal", but says so by omission). Values in the wrong case (`Advanced`) are
    /// reported by `extension-value-case`.
    ///
    /// ## Why is this bad?
    /// Visibility decides whether makers see an operation, parameter or property at once,
    /// under "advanced", or never. The schema allows only the three values; anything else
    /// is ignored or rejected.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "x-ms-visibility": "hidden",
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "x-ms-visibility": "internal",
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "visibility-value",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/openapi-extensions",
        summary: "`x-ms-visibility` is `important`, `advanced` or `internal`",
    };
}

pub const VALUES: [&str; 3] = ["important", "advanced", "internal"];

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for e in ctx.definition.extensions.iter().filter(|e| {
        e.name == "x-ms-visibility" && !e.pointer.ends_with("/properties/x-ms-visibility")
    }) {
        let Some(v) = crate::syntax::pointer::resolve(ctx.root, &e.pointer).map(|t| t.node) else {
            continue;
        };
        let at = e.pointer.clone();
        match v.as_str() {
            Some("") => {
                let mut d = RULE
                    .diagnostic("`x-ms-visibility` is empty")
                    .at(at)
                    .help("remove the key for normal visibility, or write \"important\", \"advanced\" or \"internal\"");
                d.severity = Severity::Info;
                out.push(d);
            }
            Some(s) if VALUES.iter().any(|k| k.eq_ignore_ascii_case(s.trim())) => {}
            _ => {
                let shown = v
                    .as_str()
                    .map(|s| format!("`{s}`"))
                    .unwrap_or_else(|| v.type_name().to_string());
                out.push(
                    RULE.diagnostic(format!(
                        "{shown} is not a visibility; use `important`, `advanced` or `internal`"
                    ))
                    .at(at)
                    .help("write \"important\" (shown first), \"advanced\" (under advanced options) or \"internal\" (hidden); omit the key for normal visibility"),
                );
            }
        }
    }
}
