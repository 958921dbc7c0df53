use super::support::swagger::metadata_entries;
use super::support::text::is_absolute_url;
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `Website` or `Privacy policy` entry of `x-ms-connector-metadata` whose
    /// value is not an absolute http(s) URL.
    ///
    /// ## Why is this bad?
    /// The values are shown as links on the connector's page; the validator rejects
    /// anything else (UrlNotValid).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {},
    ///   "x-ms-connector-metadata": [ { "propertyName": "Website", "propertyValue": "www.contoso.com" } ] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {},
    ///   "x-ms-connector-metadata": [ { "propertyName": "Website", "propertyValue": "https://www.contoso.com" } ] }
    /// ```
    pub static RULE = {
        id: "connector-metadata-url-valid",
        severity: Error,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission",
        summary: "`Website` and `Privacy policy` must be absolute URLs",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let Some(entries) = metadata_entries(ctx.root) else {
        return;
    };
    for e in &entries {
        let Some(name) = e.name else { continue };
        let n = name.trim().to_ascii_lowercase();
        if n != "website" && n != "privacy policy" {
            continue;
        }
        let Some(v) = e.value else { continue };
        let ok = match v.as_str() {
            Some(s) => s.trim().is_empty() || is_absolute_url(s),
            None => false,
        };
        if !ok {
            let shown = v
                .as_str()
                .map(|s| format!("`{s}`"))
                .unwrap_or_else(|| v.type_name().to_string());
            out.push(
                RULE.diagnostic(format!("the `{name}` value {shown} is not an absolute URL"))
                    .at(format!("{}/propertyValue", e.pointer))
                    .help("write the full address with its scheme, e.g. \"https://contoso.com/privacy\""),
            );
        }
    }
}
