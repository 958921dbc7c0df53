use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an operation whose `description` says the same as its `summary` (ignoring
    /// case, surrounding space and a trailing period).
    ///
    /// ## Why is this bad?
    /// Microsoft's string guidance: "Summary and description text shouldn't be the same."
    /// The description is the place for what the summary cannot say: what is returned,
    /// limits, side effects.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "description": "List items.",
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "description": "Lists the items of the workspace, 50 per page, newest first.",
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "summary-description-differ",
        severity: Warning,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/connector-string-guidance",
        summary: "operation `description` repeats the `summary`",
    };
}

fn norm(s: &str) -> String {
    s.trim().trim_end_matches(['.', '!']).trim().to_lowercase()
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations() {
        let (Some(s), Some(d)) = (op.summary.as_deref(), op.description.as_deref()) else {
            continue;
        };
        if !s.trim().is_empty() && norm(s) == norm(d) {
            out.push(
                RULE.diagnostic(format!(
                    "the description of {} repeats its summary `{}`",
                    op.name(),
                    s.trim()
                ))
                .at(op.pointer_to("description"))
                .operation(op.operation_id.as_deref())
                .help("say in the description what the summary cannot: what the operation returns or changes, its limits and side effects"),
            );
        }
    }
}
