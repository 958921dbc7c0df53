use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a definition without a top-level `x-ms-connector-metadata` array. For custom
    /// connectors this is only a hint.
    ///
    /// ## Why is this bad?
    /// Certification requires it (Step 3b): it carries the publisher's website, privacy
    /// policy and the connector's categories. The validator rejects a definition without
    /// it ("The 'x-ms-connector-metadata' property is required").
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {} }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {},
    ///   "x-ms-connector-metadata": [
    ///     { "propertyName": "Website", "propertyValue": "https://contoso.com" },
    ///     { "propertyName": "Privacy policy", "propertyValue": "https://contoso.com/privacy" },
    ///     { "propertyName": "Categories", "propertyValue": "Productivity;Collaboration" } ] }
    /// ```
    pub static RULE = {
        id: "connector-metadata-required",
        severity: Error,
        scope: Definition,
        custom: Info,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission",
        summary: "the top-level `x-ms-connector-metadata` array is required",
    };
}

const HELP: &str = "add \"x-ms-connector-metadata\": [{\"propertyName\": \"Website\", …}, {\"propertyName\": \"Privacy policy\", …}, {\"propertyName\": \"Categories\", …}] at the top level";

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    if !ctx.root.is_object() {
        return;
    }
    match ctx.root.get("x-ms-connector-metadata") {
        None => out.push(
            RULE.diagnostic("the definition has no `x-ms-connector-metadata`")
                .at("")
                .help(HELP),
        ),
        Some(m) if m.as_array().is_none() => out.push(
            RULE.diagnostic(format!(
                "`x-ms-connector-metadata` is {}, not an array",
                m.type_name()
            ))
            .at("/x-ms-connector-metadata")
            .help(HELP),
        ),
        Some(_) => {}
    }
}
