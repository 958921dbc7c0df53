use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an `info.title` that does not end with a letter, a digit or `)`: trailing
    /// space, line break, period or other punctuation. A closing parenthesis is accepted,
    /// as the validator does (deployed titles such as `Asite (UAE)`).
    ///
    /// ## Why is this bad?
    /// Microsoft: the title "can't end in a non-alphanumeric character, including carriage
    /// return, new line, or blank space"; the validator (ValueMustEndWithAlphanumeric) and
    /// the certification bot reject it.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso Tickets ", "version": "1.0" }, "paths": {} }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso Tickets", "version": "1.0" }, "paths": {} }
    /// ```
    pub static RULE = {
        id: "info-title-trailing-char",
        severity: Error,
        scope: Definition,
        fix: Safe,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission#give-your-connector-a-title",
        summary: "`info.title` ends with punctuation or space",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let Some(title) = ctx.root.get("info").and_then(|i| i.get_str("title")) else {
        return;
    };
    let Some(last) = title.chars().last() else {
        return;
    };
    if !last.is_alphanumeric() && last != ')' {
        let shown = match last {
            ' ' => "a space".to_string(),
            '\n' | '\r' => "a line break".to_string(),
            '\t' => "a tab".to_string(),
            c => format!("`{c}`"),
        };
        let fix = ctx.trailing_char_fix("/info/title", title);
        out.push(
            RULE.diagnostic(format!("the title `{}` ends with {shown}", title.trim_end()))
                .at("/info/title")
                .help("end the title with a letter, a digit or `)`: remove trailing spaces, line breaks and punctuation")
                .fix(fix),
        );
    }
}
