use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an `info.title` longer than 30 characters.
    ///
    /// ## Why is this bad?
    /// Microsoft's validator rejects it ("The 'title' value goes over the character limit
    /// '30'"): the title must fit the connector tiles and lists. For an
    /// independent-publisher connector, " (Independent Publisher)" is added to the display
    /// name outside the definition and does not count.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso Ticket Management Service", "version": "1.0" }, "paths": {} }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso Tickets", "version": "1.0" }, "paths": {} }
    /// ```
    pub static RULE = {
        id: "info-title-max-length",
        severity: Error,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission#give-your-connector-a-title",
        summary: "`info.title` is longer than 30 characters",
    };
}

pub const MAX: usize = 30;

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let Some(title) = ctx.root.get("info").and_then(|i| i.get_str("title")) else {
        return;
    };
    let n = title.chars().count();
    if n > MAX {
        out.push(
            RULE.diagnostic(format!(
                "the title `{title}` is {n} characters long; the limit is {MAX}"
            ))
            .at("/info/title")
            .help(
                "shorten the title to 30 characters or fewer; put the detail in `info.description`",
            ),
        );
    }
}
