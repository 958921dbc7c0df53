use super::support::swagger::metadata_entries;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a category in the `Categories` entry of `x-ms-connector-metadata` that is
    /// not one of Microsoft's categories (an error), or one written in another case (a
    /// warning, e.g. `Social media` for `Social Media`).
    ///
    /// ## Why is this bad?
    /// The validator rejects unknown categories (InvalidConnectorCategory); reviewers ask
    /// for categories "from this list". Categories decide where the connector is listed.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {},
    ///   "x-ms-connector-metadata": [ { "propertyName": "Categories", "propertyValue": "Ticketing" } ] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {},
    ///   "x-ms-connector-metadata": [ { "propertyName": "Categories", "propertyValue": "IT Operations;Productivity" } ] }
    /// ```
    pub static RULE = {
        id: "connector-metadata-categories-allowed",
        severity: Error,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission",
        summary: "connector categories must come from Microsoft's list",
    };
}

pub const CATEGORIES: &[&str] = &[
    "AI",
    "Business Management",
    "Business Intelligence",
    "Collaboration",
    "Commerce",
    "Communication",
    "Content and Files",
    "Finance",
    "Data",
    "Human Resources",
    "Internet of Things",
    "IT Operations",
    "Lifestyle and Entertainment",
    "Marketing",
    "Productivity",
    "Sales and CRM",
    "Security",
    "Social Media",
    "Website",
];

/// The `;`-separated categories and the pointer of their value.
pub fn categories(root: &crate::syntax::Node) -> Option<(Vec<String>, String)> {
    let entries = metadata_entries(root)?;
    let e = entries.iter().find(|e| {
        e.name
            .is_some_and(|n| n.trim().eq_ignore_ascii_case("Categories"))
    })?;
    let v = e.value?.as_str()?;
    let list = v
        .split([';', ','])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    Some((list, format!("{}/propertyValue", e.pointer)))
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let Some((list, at)) = categories(ctx.root) else {
        return;
    };
    for c in list {
        if CATEGORIES.contains(&c.as_str()) {
            continue;
        }
        match CATEGORIES.iter().find(|k| k.eq_ignore_ascii_case(&c)) {
            Some(k) => {
                let mut d = RULE
                    .diagnostic(format!("the category `{c}` should be written `{k}`"))
                    .at(&at)
                    .help(format!(
                        "write the category exactly as Microsoft lists it: \"{k}\""
                    ));
                d.severity = Severity::Warning;
                out.push(d);
            }
            None => {
                let near = CATEGORIES
                    .iter()
                    .min_by_key(|k| {
                        crate::text::edit_distance(&k.to_lowercase(), &c.to_lowercase())
                    })
                    .filter(|k| {
                        crate::text::edit_distance(&k.to_lowercase(), &c.to_lowercase()) <= 3
                    })
                    .map(|k| format!(" (did you mean `{k}`?)"))
                    .unwrap_or_default();
                out.push(
                    RULE.diagnostic(format!("`{c}` is not a connector category{near}"))
                        .at(&at)
                        .help(format!("use at most two of: {}", CATEGORIES.join(", "))),
                );
            }
        }
    }
}
