use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an `x-ms-api-annotation.replacement` without `api` or without
    /// `operationId`.
    ///
    /// ## Why is this bad?
    /// The replacement is identified by both the connector (`api`) and the operation; the
    /// validator rejects one without the other
    /// (ApiAnnotationExtensionReplacementInfoMissingApiProperty, …MissingOperationIdProperty).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items (deprecated)",
    ///     "deprecated": true, "x-ms-api-annotation": { "replacement": { "operationId": "ListItems_V2" } },
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items (deprecated)",
    ///     "deprecated": true,
    ///     "x-ms-api-annotation": { "replacement": { "api": "contoso", "operationId": "ListItems_V2" } },
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "annotation-replacement-complete",
        severity: Error,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "`replacement` names both `api` and `operationId`",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations() {
        let Some(a) = &op.annotation else { continue };
        let Some(r) = &a.replacement else { continue };
        let mut missing = Vec::new();
        if r.api.as_deref().is_none_or(|s| s.trim().is_empty()) {
            missing.push("`api`");
        }
        if r.operation_id
            .as_deref()
            .is_none_or(|s| s.trim().is_empty())
        {
            missing.push("`operationId`");
        }
        if !missing.is_empty() {
            out.push(
                RULE.diagnostic(format!("the replacement of {} has no {}", op.name(), missing.join(" or ")))
                    .at(format!("{}/replacement", a.pointer))
                    .operation(op.operation_id.as_deref())
                    .help("write \"replacement\": { \"api\": \"<connector name>\", \"operationId\": \"<new operation>\" }"),
            );
        }
    }
}
