use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a definition whose `schemes` allow `http`, or that has no `schemes`.
    ///
    /// ## Why is this bad?
    /// Connections carry API keys and tokens; over plain HTTP they travel unencrypted.
    /// Good practice, not a stated certification requirement.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "host": "api.contoso.com", "schemes": ["http", "https"], "paths": {} }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "host": "api.contoso.com", "schemes": ["https"], "paths": {} }
    /// ```
    pub static RULE = {
        id: "https-only",
        severity: Warning,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://cheatsheetseries.owasp.org/cheatsheets/REST_Security_Cheat_Sheet.html",
        summary: "`schemes` is `[\"https\"]`",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    match ctx.root.get("schemes").and_then(|s| s.as_array()) {
        None => {
            if ctx.root.get("host").is_some() {
                out.push(
                    RULE.diagnostic("the definition declares no `schemes`")
                        .at("/host")
                        .help("add \"schemes\": [\"https\"]"),
                );
            }
        }
        Some(list) => {
            if let Some(i) = list.iter().position(|s| s.as_str() == Some("http")) {
                out.push(
                    RULE.diagnostic("the connector may call the service over plain `http`")
                        .at(format!("/schemes/{i}"))
                        .help("serve the API over TLS and write \"schemes\": [\"https\"]"),
                );
            }
        }
    }
}
