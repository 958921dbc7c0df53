use super::support::swagger::Kind;
use super::support::text::{starts_lower, words, MINOR_WORDS};
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;
use crate::syntax::pointer::join;

crate::declare_rule! {
    /// ## What it does
    /// Reports an `x-ms-summary` (of a parameter, property or header) that is not in Title
    /// Case: a word other than a small word (`a`, `of`, `to`, …) starts with a lower-case
    /// letter.
    ///
    /// ## Why is this bad?
    /// Microsoft's guidance: "Use title case for x-ms-summary" ("Ticket ID", "Due Date"):
    /// these are field labels, shown next to other connectors' labels.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/tickets": { "get": { "operationId": "ListTickets", "summary": "List tickets",
    ///     "parameters": [ { "name": "due", "in": "query", "type": "string", "x-ms-summary": "Due date" } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/tickets": { "get": { "operationId": "ListTickets", "summary": "List tickets",
    ///     "parameters": [ { "name": "due", "in": "query", "type": "string", "x-ms-summary": "Due Date" } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "x-ms-summary-title-case",
        severity: Info,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/openapi-extensions",
        summary: "`x-ms-summary` labels in Title Case",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let walk = ctx.objects();
    for obj in walk.iter() {
        if !matches!(obj.kind, Kind::Parameter | Kind::Schema | Kind::Header) {
            continue;
        }
        let Some(s) = obj.node.get_str("x-ms-summary") else {
            continue;
        };
        let ws = words(s);
        let bad = ws.iter().enumerate().any(|(i, w)| {
            starts_lower(w)
                && (i == 0 || !MINOR_WORDS.contains(&w.to_lowercase().as_str()))
                && w.chars().any(char::is_alphabetic)
                && !w.chars().skip(1).any(char::is_uppercase)
        });
        if bad {
            out.push(
                RULE.diagnostic(format!("the label `{s}` is not in Title Case"))
                    .at(join(&walk.pointer(obj), "x-ms-summary"))
                    .help("capitalise each word except small words such as a, of, to: e.g. \"Due Date\""),
            );
        }
    }
}
