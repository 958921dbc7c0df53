use crate::diagnostic::Diagnostic;
use crate::rules::ChangeContext;

crate::declare_rule! {
    /// ## What it does
    /// With a previous version, reports an operation whose path template or method
    /// changed while its `operationId` stayed.
    ///
    /// ## Why is this bad?
    /// Existing flows keep the operationId but the calls go somewhere else; Microsoft's
    /// breaking-change check reports "The path template has been changed for the
    /// operation." Add the new path as a new operation (a new revision in the same
    /// `x-ms-api-annotation` family, e.g. `GetRows_V2` on `/v2/rows`) and deprecate the
    /// old one.
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
    ///   "paths": { "/v2/rows": { "get": { "operationId": "GetRows", "summary": "Get rows",
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": {
    ///     "/rows": { "get": { "operationId": "GetRows", "summary": "Get rows (deprecated)",
    ///       "deprecated": true, "responses": { "200": { "description": "OK" } } } },
    ///     "/v2/rows": { "get": { "operationId": "GetRows_V2", "summary": "Get rows",
    ///       "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "bc-path-changed",
        severity: Error,
        scope: Change,
        source: "https://github.com/microsoft/PowerPlatformConnectors/pull/3648",
        summary: "an operation's path or method changed",
    };
}

pub fn check(ctx: &ChangeContext, out: &mut Vec<Diagnostic>) {
    for (old, new) in ctx.matched() {
        let Some(new) = new else { continue };
        if old.path == new.path && old.method == new.method {
            continue;
        }
        out.push(
            RULE.diagnostic(format!(
                "operation {} was `{}` in {} and is `{}` now",
                new.name(),
                old.label(),
                ctx.source,
                new.label()
            ))
            .at(&new.pointer)
            .operation(new.operation_id.as_deref())
            .help("keep the old path and method; add the new one as a new operation (a new revision of its x-ms-api-annotation family, e.g. `…_V2`) and deprecate the old one"),
        );
    }
}
