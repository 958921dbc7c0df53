use super::support::text::find_word;
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an `info.title` containing the word "API" or "Connector" (whole words, any
    /// case). Power Platform product names in the title are reported by
    /// `info-no-product-names`.
    ///
    /// ## Why is this bad?
    /// Microsoft's validator rejects them ("The value 'title' contains at least one of the
    /// restricted words: 'api, connector'"): every connector is an API connector, so the
    /// words only take space from the 30 characters.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso API", "version": "1.0" }, "paths": {} }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {} }
    /// ```
    pub static RULE = {
        id: "info-title-restricted-words",
        severity: Error,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission#give-your-connector-a-title",
        summary: "`info.title` contains \"API\" or \"Connector\"",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let Some(title) = ctx.root.get("info").and_then(|i| i.get_str("title")) else {
        return;
    };
    let lower = title.to_lowercase();
    let found: Vec<&str> = ["api", "connector"]
        .into_iter()
        .filter_map(|w| find_word(&lower, w).map(|at| &title[at..at + w.len()]))
        .collect();
    if !found.is_empty() {
        let words = found
            .iter()
            .map(|w| format!("`{w}`"))
            .collect::<Vec<_>>()
            .join(" and ");
        out.push(
            RULE.diagnostic(format!(
                "the title `{title}` contains the restricted word{} {words}",
                if found.len() > 1 { "s" } else { "" }
            ))
            .at("/info/title")
            .help("remove \"API\" and \"Connector\" from the title: name the service, e.g. \"Contoso\" instead of \"Contoso API Connector\""),
        );
    }
}
