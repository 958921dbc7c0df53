use crate::diagnostic::Diagnostic;
use crate::model::deprecation::path_version;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an operation that is not deprecated although a newer version of it exists:
    /// the same method on a newer version of the same path (`/v1/items` beside
    /// `/v2/items`), or an older revision in an `x-ms-api-annotation` family whose newer
    /// revision is in `Production`.
    ///
    /// ## Why is this bad?
    /// Makers see both actions and pick the old one. Microsoft's lifecycle for a new
    /// version: add it in `Preview`, and once it is in `Production` deprecate the old one
    /// (`deprecated: true`, `(deprecated)` in summary and description).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Items", "version": "1.0" },
    ///   "paths": {
    ///     "/v1/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///       "responses": { "200": { "description": "OK" } } } },
    ///     "/v2/items": { "get": { "operationId": "ListItems_V2", "summary": "List items",
    ///       "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Items", "version": "1.0" },
    ///   "paths": {
    ///     "/v1/items": { "get": { "operationId": "ListItems", "summary": "List items (deprecated)",
    ///       "deprecated": true,
    ///       "responses": { "200": { "description": "OK" } } } },
    ///     "/v2/items": { "get": { "operationId": "ListItems_V2", "summary": "List items",
    ///       "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "superseded-path",
        severity: Warning,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/operational-versioning",
        summary: "operation is not deprecated although a newer version of it exists",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let ops = ctx.operations();
    let default_status = ctx.definition.status.as_deref();
    for op in ops.iter().filter(|o| !o.deprecated) {
        // A newer version of the same path, not itself deprecated.
        let by_path = path_version(&op.path).and_then(|(key, v)| {
            ops.iter()
                .filter(|o| o.method == op.method && !o.deprecated)
                .filter_map(|o| {
                    let (k, ov) = path_version(&o.path)?;
                    (k == key && ov > v).then_some((o, ov))
                })
                .max_by_key(|(_, v)| *v)
                .map(|(o, _)| (o, "is a newer version of the same path"))
        });
        // A newer revision of the same family, in Production.
        let by_family = || {
            let a = op.annotation.as_ref()?;
            let family = a.family.as_ref()?;
            let mine = a.revision.unwrap_or(1);
            ops.iter()
                .filter(|o| !o.deprecated && o.pointer != op.pointer)
                .filter_map(|o| {
                    let oa = o.annotation.as_ref()?;
                    let status = oa.status.as_deref().or(default_status)?;
                    let r = oa.revision?;
                    (oa.family.as_ref() == Some(family)
                        && r > mine
                        && status.eq_ignore_ascii_case("production"))
                    .then_some((o, r))
                })
                .max_by_key(|(_, r)| *r)
                .map(|(o, _)| (o, "is a newer revision of its family, in Production"))
        };
        let Some((newer, why)) = by_path.or_else(by_family) else {
            continue;
        };
        let newer_name = match &newer.operation_id {
            Some(id) => format!("`{}` (`{id}`)", newer.label()),
            None => format!("`{}`", newer.label()),
        };
        out.push(
            RULE.diagnostic(format!(
                "operation {} is not deprecated, but {newer_name} {why}",
                op.name()
            ))
            .at(&op.pointer)
            .operation(op.operation_id.as_deref())
            .help("once the new version is in Production, set \"deprecated\": true here and append \"(deprecated)\" to the summary and description; keep the operation so existing flows work"),
        );
    }
}
