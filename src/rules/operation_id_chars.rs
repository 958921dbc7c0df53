use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an `operationId` with characters other than letters, digits and `_`: hyphens,
    /// dots, slashes, spaces and the like.
    ///
    /// ## Why is this bad?
    /// The platform sanitises operationIds and strips those characters (validator warning
    /// OperationIdSanitized: "avoid the usage of non-alphanumeric characters"), so the id
    /// flows and the SDK see differs from the one you wrote. `_` is fine: Microsoft's own
    /// versioned ids look like `GetItems_V2`.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "list-items", "summary": "List items",
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "operation-id-chars",
        severity: Warning,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "`operationId` has characters other than letters, digits and `_`",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations() {
        let Some(id) = op.operation_id.as_deref() else {
            continue;
        };
        let mut bad: Vec<char> = id
            .chars()
            .filter(|c| !(c.is_ascii_alphanumeric() || *c == '_'))
            .collect();
        bad.dedup();
        if bad.is_empty() {
            continue;
        }
        let shown = bad
            .iter()
            .map(|c| {
                if *c == ' ' {
                    "a space".to_string()
                } else {
                    format!("`{c}`")
                }
            })
            .collect::<Vec<_>>()
            .join(", ");
        let suggestion: String = id
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .filter(|w| !w.is_empty())
            .map(|w| {
                let mut cs = w.chars();
                cs.next()
                    .map(|f| f.to_ascii_uppercase().to_string() + cs.as_str())
                    .unwrap_or_default()
            })
            .collect();
        out.push(
            RULE.diagnostic(format!("operationId `{id}` contains {shown}"))
                .at(op.pointer_to("operationId"))
                .operation(Some(id))
                .help(format!(
                    "use letters, digits and `_` only, e.g. `{suggestion}`; renaming a published operation breaks existing flows, so do it in a new revision"
                )),
        );
    }
}
