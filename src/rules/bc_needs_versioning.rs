use crate::diagnostic::Diagnostic;
use crate::rules::ChangeContext;

crate::declare_rule! {
    /// ## What it does
    /// With a previous version, reports an existing operation that lost a parameter: the
    /// kind of change Microsoft asks to make in a new revision of the operation rather than
    /// in place. (Deleted operations, moved parameters, new required parameters and changed
    /// output types have rules of their own.)
    ///
    /// ## Why is this bad?
    /// Operational versioning: operations should be versioned "whenever an existing
    /// operation adds or removes parameters" or changes its input or output significantly.
    /// Flows saved before the update still send the removed value; the service may reject
    /// it or silently ignore it. Add the new shape as a new revision (`x-ms-api-annotation`
    /// family and revision, `…_V2`) and deprecate the old one.
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
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/rows": { "get": { "operationId": "GetRows", "summary": "Get rows",
    ///     "parameters": [ { "name": "top", "in": "query", "type": "integer" },
    ///                     { "name": "skip", "in": "query", "type": "integer" } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "bc-needs-versioning",
        severity: Warning,
        scope: Change,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/operational-versioning",
        summary: "an existing operation lost a parameter; version it instead",
    };
}

pub fn check(ctx: &ChangeContext, out: &mut Vec<Diagnostic>) {
    for (old, new) in ctx.matched() {
        let Some(new) = new else { continue };
        for p in &old.parameters {
            // A parameter that moved is bc-param-location-changed's.
            if new.parameters.iter().any(|n| n.name == p.name) {
                continue;
            }
            let at = new
                .parameters
                .first()
                .map(|_| new.pointer_to("parameters"))
                .unwrap_or_else(|| new.pointer.clone());
            out.push(
                RULE.diagnostic(format!(
                    "parameter `{}` ({}) of {} in {} is gone",
                    p.name,
                    p.location,
                    new.name(),
                    ctx.source
                ))
                .at(at)
                .operation(new.operation_id.as_deref())
                .help("keep the parameter (mark it x-ms-visibility internal with a default if it no longer matters), or add a new revision of the operation without it and deprecate this one"),
            );
        }
    }
}
