use crate::diagnostic::Diagnostic;
use crate::diagnostic::FileKind;
use crate::rules::{ConnectorContext, Profile};

crate::declare_rule! {
    /// ## What it does
    /// Reports a certified connector whose `iconBrandColor` is `#007ee5` (the default of
    /// the custom-connector wizard) or `#ffffff` (white).
    ///
    /// ## Why is this bad?
    /// Microsoft asks certified connectors for their own brand color: the default blue
    /// makes the connector look like an uncustomised custom connector, and white makes
    /// the icon invisible on white backgrounds.
    ///
    /// ## Example
    /// ```text
    /// certified-connectors/Contoso/apiProperties.json: { "properties": { "iconBrandColor": "#007ee5" } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// { "properties": { "iconBrandColor": "#0F6CBD" } }
    /// ```
    pub static RULE = {
        id: "apiprops-brand-color-forbidden",
        severity: Error,
        scope: Connector,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission",
        summary: "certified connectors do not use `#007ee5` or `#ffffff`",
    };
}

pub fn check(ctx: &ConnectorContext, out: &mut Vec<Diagnostic>) {
    if ctx.profile != Profile::Certified {
        return;
    }
    let Some(c) = ctx
        .properties
        .and_then(|r| r.get("properties"))
        .and_then(|p| p.get_str("iconBrandColor"))
    else {
        return;
    };
    let why = match c.to_ascii_lowercase().as_str() {
        "#007ee5" => "the default color of custom connectors",
        "#ffffff" => "white, invisible on white backgrounds",
        _ => return,
    };
    out.push(
        RULE.diagnostic(format!("`iconBrandColor` `{c}` is {why}"))
            .in_file(FileKind::Properties)
            .at("/properties/iconBrandColor")
            .help("use your brand's color as the icon background"),
    );
}
