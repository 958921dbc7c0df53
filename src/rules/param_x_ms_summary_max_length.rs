use super::support::swagger::Kind;
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;
use crate::syntax::pointer::join;

crate::declare_rule! {
    /// ## What it does
    /// Reports an `x-ms-summary` longer than 80 characters on a parameter or a schema
    /// property.
    ///
    /// ## Why is this bad?
    /// `x-ms-summary` is a field label. Microsoft: "Operation and parameter summaries
    /// should be … 80 characters or shorter"; no deployed connector goes over 80.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "parameters": [ { "name": "top", "in": "query", "type": "integer",
    ///       "x-ms-summary": "The maximum number of items that the service returns in one single page of the results",
    ///       "description": "How many items to return." } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "parameters": [ { "name": "top", "in": "query", "type": "integer", "x-ms-summary": "Page Size",
    ///       "description": "The maximum number of items that the service returns in one page of results." } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "param-x-ms-summary-max-length",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission#define-operation-and-parameter-summaries-and-descriptions",
        summary: "`x-ms-summary` is longer than 80 characters",
    };
}

pub const MAX: usize = 80;

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let walk = ctx.objects();
    for obj in walk.iter() {
        if !matches!(obj.kind, Kind::Parameter | Kind::Schema | Kind::Header) {
            continue;
        }
        let Some(s) = obj.node.get_str("x-ms-summary") else {
            continue;
        };
        let n = s.chars().count();
        if n > MAX {
            out.push(
                RULE.diagnostic(format!(
                    "the `x-ms-summary` of {} is {n} characters long; the limit is {MAX}",
                    obj.kind.noun()
                ))
                .at(join(&walk.pointer(obj), "x-ms-summary"))
                .help("keep the label short; move the explanation to `description`"),
            );
        }
    }
}
