use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an operation summary with characters other than letters, digits, spaces and
    /// parentheses (commas, hyphens, apostrophes, colons…). The characters the validator
    /// rejects (`/ \ < > * % & ?`) are `operation-summary-restricted-chars`'s.
    ///
    /// ## Why is this bad?
    /// Microsoft's submission guide says summaries "contain only alphanumeric characters or
    /// parentheses". The validator does not enforce it, and deployed connectors use
    /// commas and hyphens, hence a hint.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/tickets": { "get": { "operationId": "ListTickets", "summary": "List tickets - all",
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/tickets": { "get": { "operationId": "ListTickets", "summary": "List all tickets",
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "summary-charset",
        severity: Info,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission#define-operation-and-parameter-summaries-and-descriptions",
        summary: "summaries use only letters, digits, spaces and parentheses",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations() {
        let Some(s) = op.summary.as_deref() else {
            continue;
        };
        let mut other: Vec<char> = s
            .chars()
            .filter(|c| !(c.is_alphanumeric() || *c == ' ' || *c == '(' || *c == ')'))
            .filter(|c| !super::operation_summary_restricted_chars::RESTRICTED.contains(c))
            .collect();
        other.dedup();
        if !other.is_empty() {
            let shown = other
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", ");
            out.push(
                RULE.diagnostic(format!("the summary `{s}` of {} contains {shown}", op.name()))
                    .at(op.pointer_to("summary"))
                    .operation(op.operation_id.as_deref())
                    .help("keep summaries to letters, digits, spaces and parentheses; put details in the description"),
            );
        }
    }
}
