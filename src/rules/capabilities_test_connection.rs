use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a top-level `x-ms-capabilities.testConnection` whose `operationId` is
    /// missing or names no operation of the definition.
    ///
    /// ## Why is this bad?
    /// The platform calls that operation to check a new connection; when it does not exist,
    /// creating a connection fails.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "x-ms-capabilities": { "testConnection": { "operationId": "GetMe" } },
    ///   "paths": { "/me": { "get": { "operationId": "GetCurrentUser", "summary": "Get current user",
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "x-ms-capabilities": { "testConnection": { "operationId": "GetCurrentUser" } },
    ///   "paths": { "/me": { "get": { "operationId": "GetCurrentUser", "summary": "Get current user",
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "capabilities-test-connection",
        severity: Error,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/openapi-extensions",
        summary: "`testConnection` names an existing operation",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let Some(tc) = ctx
        .root
        .get("x-ms-capabilities")
        .and_then(|c| c.get("testConnection"))
    else {
        return;
    };
    let at = "/x-ms-capabilities/testConnection";
    match tc.get_str("operationId") {
        None => out.push(
            RULE.diagnostic("`testConnection` has no `operationId`")
                .at(at)
                .help("name a cheap GET operation that succeeds with valid credentials"),
        ),
        Some(id) => {
            if !ctx
                .operations()
                .iter()
                .any(|o| o.operation_id.as_deref() == Some(id))
            {
                out.push(
                    RULE.diagnostic(format!("`testConnection` calls `{id}`, which is not an operation of this connector"))
                        .at(format!("{at}/operationId"))
                        .help("use the operationId of an existing operation, e.g. one that returns the current user"),
                );
            }
        }
    }
}
