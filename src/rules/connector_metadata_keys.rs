use super::support::swagger::metadata_entries;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports `x-ms-connector-metadata` without the `Website`, `Privacy policy` and
    /// `Categories` entries (an error), an entry without a `propertyValue` (an error), and
    /// a `propertyName` written in another case than Microsoft's, such as `Privacy Policy`
    /// (a warning). For custom connectors, missing entries are only a hint.
    ///
    /// ## Why is this bad?
    /// The validator rejects missing entries (ConnectorMetadataPropertiesMissing, "The
    /// connector metadata property 'Categories' is required"). Microsoft's guide says not
    /// to change the `propertyName`s; deployed connectors show the validator compares them
    /// without regard to case, hence only a warning for the case.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {},
    ///   "x-ms-connector-metadata": [
    ///     { "propertyName": "Website", "propertyValue": "https://contoso.com" },
    ///     { "propertyName": "Privacy policy", "propertyValue": "https://contoso.com/privacy" } ] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {},
    ///   "x-ms-connector-metadata": [
    ///     { "propertyName": "Website", "propertyValue": "https://contoso.com" },
    ///     { "propertyName": "Privacy policy", "propertyValue": "https://contoso.com/privacy" },
    ///     { "propertyName": "Categories", "propertyValue": "Productivity" } ] }
    /// ```
    pub static RULE = {
        id: "connector-metadata-keys",
        severity: Error,
        scope: Definition,
        custom: Info,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission",
        summary: "`x-ms-connector-metadata` needs `Website`, `Privacy policy` and `Categories`",
    };
}

pub const KEYS: [&str; 3] = ["Website", "Privacy policy", "Categories"];

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let Some(entries) = metadata_entries(ctx.root) else {
        return;
    };
    let mut missing = Vec::new();
    for key in KEYS {
        match entries
            .iter()
            .find(|e| e.name.is_some_and(|n| n.trim().eq_ignore_ascii_case(key)))
        {
            None => missing.push(format!("`{key}`")),
            Some(e) => {
                let name = e.name.unwrap_or_default();
                if name != key {
                    let mut d = RULE
                        .diagnostic(format!(
                            "the connector metadata property `{name}` should be written `{key}`"
                        ))
                        .at(format!("{}/propertyName", e.pointer))
                        .help(format!(
                            "write the propertyName exactly as documented: \"{key}\""
                        ));
                    d.severity = Severity::Warning;
                    out.push(d);
                }
                let empty = match e.value {
                    None => true,
                    Some(v) => v.as_str().is_some_and(|s| s.trim().is_empty()),
                };
                if empty {
                    out.push(
                        RULE.diagnostic(format!(
                            "the connector metadata property `{name}` has no `propertyValue`"
                        ))
                        .at(&e.pointer)
                        .help(match key {
                            "Categories" => "give one or two categories separated by `;`, e.g. \"Productivity;Collaboration\"",
                            _ => "give the absolute URL, e.g. \"https://contoso.com\"",
                        }),
                    );
                }
            }
        }
    }
    if !missing.is_empty() {
        out.push(
            RULE.diagnostic(format!(
                "`x-ms-connector-metadata` has no {} entry",
                missing.join(", ")
            ))
            .at("/x-ms-connector-metadata")
            .help("add {\"propertyName\": \"Website\", \"propertyValue\": \"https://…\"}, {\"propertyName\": \"Privacy policy\", \"propertyValue\": \"https://…\"} and {\"propertyName\": \"Categories\", \"propertyValue\": \"…\"}"),
        );
    }
}
