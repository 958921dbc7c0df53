use crate::diagnostic::Diagnostic;
use crate::rules::ChangeContext;

crate::declare_rule! {
    /// ## What it does
    /// With a previous version, reports a required parameter that an existing operation
    /// did not have, or had as optional. An internal parameter with a default is not
    /// reported: the platform fills it in.
    ///
    /// ## Why is this bad?
    /// Flows saved before the update do not send the new value, and the service rejects
    /// them; Microsoft's breaking-change check reports "The required parameter has been
    /// added." A new optional parameter is the safe kind of change (operational
    /// versioning guidance); a required one needs a new revision of the operation.
    ///
    /// ## Previous version
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/rows": { "get": { "operationId": "GetRows", "summary": "Get rows",
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/rows": { "get": { "operationId": "GetRows", "summary": "Get rows",
    ///     "parameters": [ { "name": "table", "in": "query", "type": "string", "required": true } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/rows": { "get": { "operationId": "GetRows", "summary": "Get rows",
    ///     "parameters": [ { "name": "table", "in": "query", "type": "string" } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "bc-required-param-added",
        severity: Error,
        scope: Change,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/operational-versioning",
        summary: "an existing operation gained a required parameter",
    };
}

pub fn check(ctx: &ChangeContext, out: &mut Vec<Diagnostic>) {
    for (old, new) in ctx.matched() {
        let Some(new) = new else { continue };
        for p in new.parameters.iter().filter(|p| p.required) {
            let filled_in = p.visibility.as_deref() == Some("internal") && p.default.is_some();
            if filled_in {
                continue;
            }
            let before = old
                .parameters
                .iter()
                .find(|o| o.name == p.name && o.location == p.location);
            let message = match before {
                Some(o) if o.required => continue,
                Some(_) => format!(
                    "parameter `{}` of {} was optional in {} and is required now",
                    p.name,
                    new.name(),
                    ctx.source
                ),
                None => format!(
                    "{} has a new required parameter `{}` ({})",
                    new.name(),
                    p.name,
                    p.location
                ),
            };
            out.push(
                RULE.diagnostic(message)
                    .at(&p.usage_pointer)
                    .operation(new.operation_id.as_deref())
                    .help("make the parameter optional (with a default the service applies), give it a default and x-ms-visibility internal, or add a new revision of the operation"),
            );
        }
    }
}
