use super::connector_metadata_categories_allowed::categories;
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports more than two categories in the `Categories` entry of
    /// `x-ms-connector-metadata`.
    ///
    /// ## Why is this bad?
    /// Microsoft allows "a maximum of two" categories; the validator rejects more
    /// (TooManyConnectorCategories).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {},
    ///   "x-ms-connector-metadata": [ { "propertyName": "Categories", "propertyValue": "Data;Productivity;Collaboration" } ] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {},
    ///   "x-ms-connector-metadata": [ { "propertyName": "Categories", "propertyValue": "Data;Productivity" } ] }
    /// ```
    pub static RULE = {
        id: "connector-metadata-categories-max",
        severity: Error,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission",
        summary: "at most two connector categories",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let Some((list, at)) = categories(ctx.root) else {
        return;
    };
    if list.len() > 2 {
        out.push(
            RULE.diagnostic(format!(
                "{} categories are given ({}); at most two are allowed",
                list.len(),
                list.join(", ")
            ))
            .at(at)
            .help("keep the two categories that describe the connector best, separated by `;`"),
        );
    }
}
