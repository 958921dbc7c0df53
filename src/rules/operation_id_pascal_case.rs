use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an `operationId` that is not PascalCase (`ListTickets`): one that starts with
    /// a lower-case letter, or that has `_` other than a trailing revision suffix
    /// (`_V2`). Characters the platform strips are `operation-id-chars`'s concern.
    ///
    /// ## Why is this bad?
    /// Microsoft's coding standards ask for PascalCase operationIds; they appear in code
    /// view and in the SDKs generated from connectors. A hint: renaming a published
    /// operation breaks flows.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/tickets": { "get": { "operationId": "list_tickets", "summary": "List tickets",
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/tickets": { "get": { "operationId": "ListTickets", "summary": "List tickets",
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "operation-id-pascal-case",
        severity: Info,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/coding-standards",
        summary: "`operationId` in PascalCase (a `_V2` suffix is fine)",
    };
}

/// The operationId without a revision suffix such as `_V2`.
fn without_revision(id: &str) -> &str {
    if let Some((base, suffix)) = id.rsplit_once('_') {
        let s = suffix.strip_prefix(['V', 'v']).unwrap_or(suffix);
        if !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()) {
            return base;
        }
    }
    id
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations() {
        let Some(id) = op.operation_id.as_deref() else {
            continue;
        };
        if !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            continue;
        }
        let base = without_revision(id);
        let problem = if base.starts_with(|c: char| c.is_ascii_lowercase()) {
            Some("starts with a lower-case letter")
        } else if base.contains('_') {
            Some("contains `_`")
        } else {
            None
        };
        if let Some(problem) = problem {
            out.push(
                RULE.diagnostic(format!("operationId `{id}` {problem}"))
                    .at(op.pointer_to("operationId"))
                    .operation(Some(id))
                    .help("name new operations in PascalCase, e.g. `ListTickets`; keep `_V2` only as a revision suffix"),
            );
        }
    }
}
