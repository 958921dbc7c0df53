use super::support::text::{excerpt, looks_non_english};
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a title, description or operation summary that does not look English: mostly
    /// non-Latin letters, or clearly more German, French, Spanish, Portuguese or Dutch
    /// function words than English ones. A heuristic, so a warning.
    ///
    /// ## Why is this bad?
    /// Microsoft requires the title, descriptions and summaries in English (validator code
    /// ValueMustBeInEnglish); the platform localises them from English.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso",
    ///   "description": "Verwalten Sie die Tickets und die Kunden mit der Contoso Plattform.",
    ///   "version": "1.0" }, "paths": {} }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso",
    ///   "description": "Manage the tickets and the customers of the Contoso platform.",
    ///   "version": "1.0" }, "paths": {} }
    /// ```
    pub static RULE = {
        id: "info-english",
        severity: Warning,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission",
        summary: "title, description or summary does not look English",
    };
}

const HELP: &str =
    "write titles, descriptions and summaries in English; the platform translates them";

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    if let Some(info) = ctx.root.get("info") {
        for key in ["title", "description"] {
            if let Some(s) = info.get_str(key) {
                if let Some(lang) = looks_non_english(s) {
                    out.push(
                        RULE.diagnostic(format!(
                            "`info.{key}` does not look English ({lang}): `{}`",
                            excerpt(s, 40)
                        ))
                        .at(format!("/info/{key}"))
                        .help(HELP),
                    );
                }
            }
        }
    }
    for op in ctx.operations() {
        if let Some(s) = &op.summary {
            if let Some(lang) = looks_non_english(s) {
                out.push(
                    RULE.diagnostic(format!(
                        "the summary of {} does not look English ({lang}): `{}`",
                        op.name(),
                        excerpt(s, 40)
                    ))
                    .at(op.pointer_to("summary"))
                    .operation(op.operation_id.as_deref())
                    .help(HELP),
                );
            }
        }
    }
}
