use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a definition without a non-empty `info.title`.
    ///
    /// ## Why is this bad?
    /// The title is the connector's name in the designer, in the connector list and on its
    /// documentation page. Microsoft: it "must exist and be written in English".
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": " ", "version": "1.0" }, "paths": {} }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso Tickets", "version": "1.0" }, "paths": {} }
    /// ```
    pub static RULE = {
        id: "info-title-required",
        severity: Error,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission#give-your-connector-a-title",
        summary: "`info.title` is missing or empty",
    };
}

const HELP: &str = "give the connector a short English name in `info.title`, at most 30 characters, e.g. \"Contoso Tickets\"";

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let Some(info) = ctx.root.get("info") else {
        if ctx.root.is_object() {
            out.push(
                RULE.diagnostic("the definition has no `info` object, so no title")
                    .at("")
                    .help(HELP),
            );
        }
        return;
    };
    match info.get("title") {
        None => out.push(
            RULE.diagnostic("`info` has no `title`")
                .at("/info")
                .help(HELP),
        ),
        Some(t) => match t.as_str() {
            Some(s) if !s.trim().is_empty() => {}
            Some(_) => out.push(
                RULE.diagnostic("`info.title` is empty")
                    .at("/info/title")
                    .help(HELP),
            ),
            None => out.push(
                RULE.diagnostic(format!("`info.title` is {}, not a string", t.type_name()))
                    .at("/info/title")
                    .help(HELP),
            ),
        },
    }
}
