use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an operation whose `x-ms-api-annotation.status` is `Production` while the
    /// connector (`info.x-ms-api-annotation.status`) is `Preview`.
    ///
    /// ## Why is this bad?
    /// An operation cannot be more stable than its connector; the validator rejects it
    /// (OperationStatusAheadOfConnector, ProductionStatusOnBetaService).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0",
    ///   "x-ms-api-annotation": { "status": "Preview" } },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "x-ms-api-annotation": { "status": "Production" },
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0",
    ///   "x-ms-api-annotation": { "status": "Production" } },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "x-ms-api-annotation": { "status": "Production" },
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "status-not-ahead-of-connector",
        severity: Error,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "no `Production` operation in a `Preview` connector",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let preview = ctx
        .definition
        .status
        .as_deref()
        .is_some_and(|s| s.eq_ignore_ascii_case("preview"));
    if !preview {
        return;
    }
    for op in ctx.operations() {
        let Some(a) = &op.annotation else { continue };
        if a.status
            .as_deref()
            .is_some_and(|s| s.eq_ignore_ascii_case("production"))
        {
            out.push(
                RULE.diagnostic(format!(
                    "operation {} is in `Production` but the connector is in `Preview`",
                    op.name()
                ))
                .at(format!("{}/status", a.pointer))
                .operation(op.operation_id.as_deref())
                .help("set the connector's info.x-ms-api-annotation.status to \"Production\", or the operation's to \"Preview\""),
            );
        }
    }
}
