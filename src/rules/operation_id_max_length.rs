use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an `operationId` longer than 80 characters.
    ///
    /// ## Why is this bad?
    /// The validator has a length limit on operationIds (OperationIdTooLong, "must be less
    /// than '{0}'") whose value Microsoft does not publish; no deployed connector uses more
    /// than 77 characters, so connlint warns above 80.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": {
    ///     "operationId": "ListAllTheItemsOfTheCurrentUserInTheSelectedWorkspaceSortedByTheirCreationDateDescending",
    ///     "summary": "List items", "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems",
    ///     "summary": "List items", "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "operation-id-max-length",
        severity: Warning,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "`operationId` is longer than 80 characters",
    };
}

pub const MAX: usize = 80;

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations() {
        let Some(id) = op.operation_id.as_deref() else {
            continue;
        };
        let n = id.chars().count();
        if n > MAX {
            out.push(
                RULE.diagnostic(format!(
                    "operationId `{id}` is {n} characters long; keep it to {MAX}"
                ))
                .at(op.pointer_to("operationId"))
                .operation(Some(id))
                .help("shorten the operationId to a verb and a noun, e.g. `ListItems`"),
            );
        }
    }
}
