use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an operation `summary` ending with something other than a letter, a digit
    /// or `)`: a period, a space, a colon, a bracket.
    ///
    /// ## Why is this bad?
    /// Microsoft's string guidance: the summary "shouldn't end with a non-alphanumeric
    /// character, including punctuation or space". A closing parenthesis is allowed (the
    /// `(deprecated)` and `(Preview)` markers).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items.",
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
        id: "operation-summary-trailing-char",
        severity: Error,
        scope: Definition,
        fix: Safe,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/connector-string-guidance",
        summary: "operation `summary` ends with punctuation or space",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations() {
        let Some(s) = op.summary.as_deref() else {
            continue;
        };
        let Some(last) = s.chars().last() else {
            continue;
        };
        if last.is_alphanumeric() || last == ')' {
            continue;
        }
        let shown = match last {
            ' ' => "a space".to_string(),
            '\n' | '\r' => "a line break".to_string(),
            c => format!("`{c}`"),
        };
        out.push(
            RULE.diagnostic(format!(
                "the summary `{}` of {} ends with {shown}",
                s.trim_end(),
                op.name()
            ))
            .fix(ctx.trailing_char_fix(&op.pointer_to("summary"), s))
            .at(op.pointer_to("summary"))
            .operation(op.operation_id.as_deref())
            .help("end the summary with a letter, a digit or `)`: remove the trailing punctuation or space"),
        );
    }
}
