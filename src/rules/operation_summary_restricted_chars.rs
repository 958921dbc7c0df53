use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an operation `summary` containing any of `/ \ < > * % & ?`.
    ///
    /// ## Why is this bad?
    /// The validator rejects it: "Summary string contains any of the restricted characters
    /// [/\<>*%&?]" (RestrictedCharactersInSummary). Microsoft's string guidance also asks
    /// for no slashes.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "post": { "operationId": "UpsertItem", "summary": "Create/update item",
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "post": { "operationId": "UpsertItem", "summary": "Create or update item",
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "operation-summary-restricted-chars",
        severity: Error,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "operation `summary` contains one of `/ \\ < > * % & ?`",
    };
}

pub const RESTRICTED: &[char] = &['/', '\\', '<', '>', '*', '%', '&', '?'];

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations() {
        let Some(s) = op.summary.as_deref() else {
            continue;
        };
        let mut found: Vec<char> = s.chars().filter(|c| RESTRICTED.contains(c)).collect();
        found.dedup();
        if found.is_empty() {
            continue;
        }
        let shown = found
            .iter()
            .map(|c| format!("`{c}`"))
            .collect::<Vec<_>>()
            .join(", ");
        out.push(
            RULE.diagnostic(format!(
                "the summary `{s}` of {} contains the restricted character{} {shown}",
                op.name(),
                if found.len() > 1 { "s" } else { "" }
            ))
            .at(op.pointer_to("summary"))
            .operation(op.operation_id.as_deref())
            .help("replace the characters with words: \"or\" for `/`, \"and\" for `&`, \"percent\" for `%`; drop `?`"),
        );
    }
}
