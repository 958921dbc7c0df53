use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an `info.description` that is missing, shorter than 30 characters or longer
    /// than 500.
    ///
    /// ## Why is this bad?
    /// The description is shown on the connector's page and in the designer. Microsoft's
    /// validator requires 30 to 500 characters ("The 'description' value must be between
    /// '30' and '500' characters").
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "description": "Tickets.", "version": "1.0" }, "paths": {} }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso",
    ///   "description": "Contoso tracks support tickets. Create, update and search tickets.",
    ///   "version": "1.0" }, "paths": {} }
    /// ```
    pub static RULE = {
        id: "info-description-length",
        severity: Error,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission#write-a-description-for-your-connector",
        summary: "`info.description` is missing or not 30 to 500 characters long",
    };
}

pub const MIN: usize = 30;
pub const MAX: usize = 500;
const HELP: &str = "describe the service and what the connector does in 30 to 500 characters, in English, without naming Power Platform products";

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let Some(info) = ctx.root.get("info") else {
        return;
    };
    let Some(d) = info.get_str("description") else {
        out.push(
            RULE.diagnostic("`info` has no `description`")
                .at("/info")
                .help(HELP),
        );
        return;
    };
    let n = d.chars().count();
    if !(MIN..=MAX).contains(&n) {
        let how = if n < MIN {
            "shorter than 30"
        } else {
            "longer than 500"
        };
        out.push(
            RULE.diagnostic(format!(
                "`info.description` is {n} characters long, {how}; it must be between {MIN} and {MAX} characters"
            ))
            .at("/info/description")
            .help(HELP),
        );
    }
}
