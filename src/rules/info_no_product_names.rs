use super::support::text::product_name;
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an `info.title` or `info.description` that names a Power Platform product:
    /// Power Apps, Power Automate, Logic Apps, Copilot Studio, Power Virtual Agents or
    /// Microsoft Flow (with or without the space).
    ///
    /// ## Why is this bad?
    /// Microsoft: the title and description "can't contain any Power Platform product
    /// names"; the validator rejects them ("The value 'description' contains at least one
    /// of the restricted words: 'power apps, power automate, logic apps'"). The connector
    /// works in all of them, so naming one is both wrong and a trademark concern.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso",
    ///   "description": "Use Contoso tickets in your Power Automate flows and Power Apps.",
    ///   "version": "1.0" }, "paths": {} }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso",
    ///   "description": "Contoso tracks support tickets. Create, update and search tickets.",
    ///   "version": "1.0" }, "paths": {} }
    /// ```
    pub static RULE = {
        id: "info-no-product-names",
        severity: Error,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission",
        summary: "`info.title` or `info.description` names a Power Platform product",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let Some(info) = ctx.root.get("info") else {
        return;
    };
    for key in ["title", "description"] {
        if let Some(name) = info.get_str(key).and_then(product_name) {
            out.push(
                RULE.diagnostic(format!("`info.{key}` names the product `{name}`"))
                    .at(format!("/info/{key}"))
                    .help("describe what the service does without naming Power Apps, Power Automate, Logic Apps or Copilot Studio: the connector works in all of them"),
            );
        }
    }
}
