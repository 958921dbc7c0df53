use super::support::text::{capitalised, words};
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an operation summary in Title Case (three or more words, every word after
    /// the first capitalised) or starting with a lower-case letter. Acronyms and brand
    /// names (`ID`, `iPhone`) are left alone.
    ///
    /// ## Why is this bad?
    /// Microsoft's guidance: "Use sentence case for summary" ("Create a ticket", not
    /// "Create A Ticket"); the designer lists actions of all connectors together.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/tickets": { "post": { "operationId": "CreateTicket", "summary": "Create New Ticket",
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/tickets": { "post": { "operationId": "CreateTicket", "summary": "Create a new ticket",
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "summary-sentence-case",
        severity: Info,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/openapi-extensions",
        summary: "operation summaries in sentence case",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations() {
        let Some(s) = op.summary.as_deref() else {
            continue;
        };
        let ws = words(s);
        let Some(first) = ws.first() else { continue };
        let problem = if first.chars().next().is_some_and(char::is_lowercase)
            && first.chars().all(|c| !c.is_uppercase())
        {
            Some("starts with a lower-case letter")
        } else if ws.len() >= 3
            && ws[1..].iter().all(|w| {
                capitalised(w) || w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
            })
            && ws[1..].iter().filter(|w| capitalised(w)).count() >= 2
        {
            Some("is in Title Case")
        } else {
            None
        };
        if let Some(problem) = problem {
            out.push(
                RULE.diagnostic(format!("the summary `{s}` of {} {problem}", op.name()))
                    .at(op.pointer_to("summary"))
                    .operation(op.operation_id.as_deref())
                    .help("write summaries in sentence case: a capital first letter, lower case after it except names, e.g. \"Create a ticket\""),
            );
        }
    }
}
