use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an `x-ms-api-annotation.replacement` on an operation that is not
    /// `deprecated: true`.
    ///
    /// ## Why is this bad?
    /// `replacement` tells makers what to use instead of a deprecated operation; on a live
    /// operation it is contradictory, and the validator rejects it
    /// (ApiAnnotationExtensionReplacementInfoForNonDeprecatedOperations).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "x-ms-api-annotation": { "replacement": { "api": "contoso", "operationId": "ListItems_V2" } },
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
        id: "annotation-replacement-only-deprecated",
        severity: Error,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "`x-ms-api-annotation.replacement` only on deprecated operations",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations() {
        let Some(a) = &op.annotation else { continue };
        if a.replacement.is_some() && !op.deprecated {
            out.push(
                RULE.diagnostic(format!("{} names a replacement but is not deprecated", op.name()))
                    .at(format!("{}/replacement", a.pointer))
                    .operation(op.operation_id.as_deref())
                    .help("add \"deprecated\": true (and \"(deprecated)\" to summary and description), or remove `replacement`"),
            );
        }
    }
}
