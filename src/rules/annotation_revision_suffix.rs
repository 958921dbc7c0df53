use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an operation with `x-ms-api-annotation.revision` 2 or higher whose
    /// `operationId` does not end with that revision (`_V2`, or `V2`).
    ///
    /// ## Why is this bad?
    /// Microsoft names revisions `GetItems_V2`, `GetItems_V3`; the validator warns otherwise
    /// (OperationIdShouldEndWithRevision). The suffix tells makers and reviewers which
    /// version a flow uses.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/v2/items": { "get": { "operationId": "ListAllItems", "summary": "List items",
    ///     "x-ms-api-annotation": { "family": "ListItems", "revision": 2 },
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/v2/items": { "get": { "operationId": "ListItems_V2", "summary": "List items",
    ///     "x-ms-api-annotation": { "family": "ListItems", "revision": 2 },
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "annotation-revision-suffix",
        severity: Warning,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "the operationId of revision N ends with `_VN`",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations() {
        let (Some(a), Some(id)) = (&op.annotation, op.operation_id.as_deref()) else {
            continue;
        };
        let Some(r) = a.revision.filter(|r| *r >= 2) else {
            continue;
        };
        let lower = id.to_ascii_lowercase();
        if !lower.ends_with(&format!("v{r}")) {
            let base = id
                .trim_end_matches(|c: char| c.is_ascii_digit())
                .trim_end_matches(['V', 'v', '_']);
            out.push(
                RULE.diagnostic(format!("operationId `{id}` is revision {r} but does not end with `V{r}`"))
                    .at(op.pointer_to("operationId"))
                    .operation(Some(id))
                    .help(format!("name revision {r} like `{base}_V{r}` (a new revision is a new operation, so renaming it does not break flows of the old one)")),
            );
        }
    }
}
