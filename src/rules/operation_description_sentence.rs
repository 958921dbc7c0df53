use super::support::text::{ends_like_sentence, excerpt};
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an operation `description` that does not end like a sentence: with `.`,
    /// `!`, `?` or `)`.
    ///
    /// ## Why is this bad?
    /// Microsoft: descriptions "should be full, descriptive sentences, and end in
    /// punctuation"; the coding standards say "end with a period". The description is the
    /// text makers read in the tooltip and on the documentation page.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "description": "Lists the items of the workspace",
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "description": "Lists the items of the workspace.",
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "operation-description-sentence",
        severity: Warning,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission#define-operation-and-parameter-summaries-and-descriptions",
        summary: "operation `description` does not end like a sentence",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations() {
        let Some(d) = op.description.as_deref().filter(|d| !d.trim().is_empty()) else {
            continue;
        };
        if !ends_like_sentence(d) {
            out.push(
                RULE.diagnostic(format!(
                    "the description of {} does not end with a period: `{}`",
                    op.name(),
                    excerpt(d, 50)
                ))
                .at(op.pointer_to("description"))
                .operation(op.operation_id.as_deref())
                .help("write the description as full sentences ending with `.`"),
            );
        }
    }
}
