use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;
use crate::syntax::pointer::join;

crate::declare_rule! {
    /// ## What it does
    /// Reports a security definition whose `type` is not `oauth2`, `apiKey` or `basic`.
    ///
    /// ## Why is this bad?
    /// Power Platform connectors authenticate with OAuth 2.0, an API key, basic
    /// authentication, or nothing; other schemes cannot be configured in a connection.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {},
    ///   "securityDefinitions": { "bearer": { "type": "http", "scheme": "bearer" } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {},
    ///   "securityDefinitions": { "api_key": { "type": "apiKey", "in": "header", "name": "Authorization" } } }
    /// ```
    pub static RULE = {
        id: "auth-type-supported",
        severity: Error,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/submit-certification",
        summary: "authentication is OAuth 2.0, API key, basic or none",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let Some(defs) = ctx.root.get("securityDefinitions") else {
        return;
    };
    for m in defs.members().unwrap_or_default() {
        let ty = m.value.get("type");
        let ok = matches!(
            ty.and_then(|t| t.as_str()),
            Some("oauth2" | "apiKey" | "basic")
        );
        if !ok {
            let shown = ty
                .and_then(|t| t.as_str())
                .map(|s| format!("`{s}`"))
                .unwrap_or_else(|| "missing".into());
            out.push(
                RULE.diagnostic(format!("the security definition `{}` has type {shown}", m.key))
                    .at(if ty.is_some() { join(&join("/securityDefinitions", &m.key), "type") } else { join("/securityDefinitions", &m.key) })
                    .help("use \"oauth2\", \"apiKey\" or \"basic\"; a bearer token is an apiKey in the Authorization header"),
            );
        }
    }
}
