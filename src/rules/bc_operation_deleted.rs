use crate::diagnostic::Diagnostic;
use crate::rules::ChangeContext;

crate::declare_rule! {
    /// ## What it does
    /// With a previous version (`connlint check --previous` or `--previous-ref`), reports
    /// every operation of the previous version that the current one no longer has,
    /// matched by `operationId` (by method and path for operations without one).
    ///
    /// ## Why is this bad?
    /// Flows and apps that call the operation stop working the day the update ships.
    /// Microsoft's breaking-change check reports it ("The operation has been deleted. This
    /// change breaks existing flows.") and reviewers accept it only when the submitter
    /// confirms nothing uses the operation any more. Deprecate instead: set
    /// `"deprecated": true` and keep the operation until its traffic is gone (`connlint
    /// check --stats` shows it). When the removal is agreed, suppress the finding with a
    /// reason (`x-connlint-ignore` at the top of the definition).
    ///
    /// ## Previous version
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": {
    ///     "/rows": { "get": { "operationId": "GetRows", "summary": "Get rows",
    ///       "responses": { "200": { "description": "OK" } } } },
    ///     "/items": { "get": { "operationId": "GetItems", "summary": "Get items",
    ///       "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": {
    ///     "/items": { "get": { "operationId": "GetItems", "summary": "Get items",
    ///       "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": {
    ///     "/rows": { "get": { "operationId": "GetRows", "summary": "Get rows (deprecated)",
    ///       "deprecated": true, "responses": { "200": { "description": "OK" } } } },
    ///     "/items": { "get": { "operationId": "GetItems", "summary": "Get items",
    ///       "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "bc-operation-deleted",
        severity: Error,
        scope: Change,
        source: "https://github.com/microsoft/PowerPlatformConnectors/pull/4043",
        summary: "an operation of the previous version is gone",
    };
}

pub fn check(ctx: &ChangeContext, out: &mut Vec<Diagnostic>) {
    let at = if ctx.current.root.get("paths").is_some() {
        "/paths"
    } else {
        ""
    };
    for (old, new) in ctx.matched() {
        if new.is_some() {
            continue;
        }
        let deprecated = if old.deprecated {
            " (it was deprecated)"
        } else {
            ""
        };
        out.push(
            RULE.diagnostic(format!(
                "operation {} (`{}`) of {} is gone{deprecated}: flows that use it stop working",
                old.name(),
                old.label(),
                ctx.source
            ))
            .at(at)
            .operation(old.operation_id.as_deref())
            .help("keep the operation and mark it \"deprecated\": true with \"(deprecated)\" in its summary; remove it once nothing calls it, or suppress this finding with the reason the removal was agreed"),
        );
    }
}
