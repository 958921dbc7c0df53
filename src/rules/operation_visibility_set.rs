use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an operation without `x-ms-visibility`.
    ///
    /// ## Why is this bad?
    /// Microsoft's checklist: "No operations are missing a … visibility information".
    /// Setting it says deliberately whether makers see the action first (`important`),
    /// among the rest (`advanced`) or never (`internal`). Not enforced (most deployed
    /// operations have none), hence a hint.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/tickets": { "get": { "operationId": "ListTickets", "summary": "List tickets",
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/tickets": { "get": { "operationId": "ListTickets", "summary": "List tickets",
    ///     "x-ms-visibility": "important", "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "operation-visibility-set",
        severity: Info,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission",
        summary: "operations set `x-ms-visibility`",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations() {
        if op.visibility.is_none() {
            out.push(
                RULE.diagnostic(format!(
                    "operation {} does not set `x-ms-visibility`",
                    op.name()
                ))
                .at(&op.pointer)
                .operation(op.operation_id.as_deref())
                .help("add \"x-ms-visibility\": \"important\", \"advanced\" or \"internal\""),
            );
        }
    }
}
