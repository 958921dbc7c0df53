use crate::diagnostic::Diagnostic;
use crate::rules::ChangeContext;

crate::declare_rule! {
    /// ## What it does
    /// With a previous version, reports a parameter of an operation that moved: the same
    /// name, another `in` (query, header, path, body, formData).
    ///
    /// ## Why is this bad?
    /// Flows saved with the old definition keep sending the value where it was; Microsoft's
    /// breaking-change check reports "The location has been changed for the parameter.
    /// Existing flows will continue to send the parameter in the old location." Keep the
    /// old location, or add a new revision of the operation.
    ///
    /// ## Previous version
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/rows": { "get": { "operationId": "GetRows", "summary": "Get rows",
    ///     "parameters": [ { "name": "top", "in": "query", "type": "integer" } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/rows": { "get": { "operationId": "GetRows", "summary": "Get rows",
    ///     "parameters": [ { "name": "top", "in": "header", "type": "integer" } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/rows": { "get": { "operationId": "GetRows", "summary": "Get rows",
    ///     "parameters": [ { "name": "top", "in": "query", "type": "integer" } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "bc-param-location-changed",
        severity: Error,
        scope: Change,
        source: "https://github.com/microsoft/PowerPlatformConnectors/pull/3648",
        summary: "a parameter moved to another location (`in`)",
    };
}

pub fn check(ctx: &ChangeContext, out: &mut Vec<Diagnostic>) {
    for (old, new) in ctx.matched() {
        let Some(new) = new else { continue };
        for p in &new.parameters {
            let moved = old
                .parameters
                .iter()
                .find(|o| o.name == p.name && o.location != p.location);
            let stayed = old
                .parameters
                .iter()
                .any(|o| o.name == p.name && o.location == p.location);
            if let (Some(o), false) = (moved, stayed) {
                out.push(
                    RULE.diagnostic(format!(
                        "parameter `{}` of {} was in {} in {} and is in {} now",
                        p.name,
                        new.name(),
                        o.location,
                        ctx.source,
                        p.location
                    ))
                    .at(crate::syntax::pointer::join(&p.pointer, "in"))
                    .operation(new.operation_id.as_deref())
                    .help("keep the parameter where it was, or add a new revision of the operation with the new location"),
                );
            }
        }
    }
}
