use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an operation with no responses at all (an error) and one whose responses
    /// include no 2xx status (a warning).
    ///
    /// ## Why is this bad?
    /// The validator rejects an operation without responses (OperationMustHaveResponse)
    /// and warns about one without a successful response
    /// (OperationShouldHaveSuccessfulResponse): the designer builds the action's outputs
    /// from the success response.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "responses": { "default": { "description": "Error" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "responses": { "200": { "description": "The items." }, "default": { "description": "Error" } } } } } }
    /// ```
    pub static RULE = {
        id: "operation-has-response",
        severity: Error,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "operations document responses, at least one of them 2xx",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations() {
        match &op.responses {
            Some(r) if !r.entries.is_empty() => {
                if !r.has_class(2) {
                    let mut d = RULE
                        .diagnostic(format!("operation {} documents no 2xx response", op.name()))
                        .at(&r.pointer)
                        .operation(op.operation_id.as_deref())
                        .help("document the success response, e.g. \"200\" with the schema of what is returned, or \"204\" when nothing is");
                    d.severity = Severity::Warning;
                    out.push(d);
                }
            }
            Some(r) => out.push(
                RULE.diagnostic(format!("operation {} has an empty `responses`", op.name()))
                    .at(&r.pointer)
                    .operation(op.operation_id.as_deref())
                    .help("document at least the success response, e.g. \"200\": { \"description\": \"…\", \"schema\": … }"),
            ),
            None => out.push(
                RULE.diagnostic(format!("operation {} has no `responses`", op.name()))
                    .at(&op.pointer)
                    .operation(op.operation_id.as_deref())
                    .help("add \"responses\" with at least the success response, e.g. \"200\": { \"description\": \"…\", \"schema\": … }"),
            ),
        }
    }
}
