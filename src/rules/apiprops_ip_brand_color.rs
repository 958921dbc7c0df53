use crate::diagnostic::Diagnostic;
use crate::diagnostic::FileKind;
use crate::rules::{ConnectorContext, Profile};

crate::declare_rule! {
    /// ## What it does
    /// Reports an independent-publisher connector whose `iconBrandColor` is not
    /// `#da3b01`.
    ///
    /// ## Why is this bad?
    /// Independent-publisher connectors share Microsoft's generic icon; the repository's
    /// README says they "must set the color to `#da3b01`". All deployed ones do.
    ///
    /// ## Example
    /// ```text
    /// independent-publisher-connectors/Contoso/apiProperties.json: { "properties": { "iconBrandColor": "#0F6CBD" } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// { "properties": { "iconBrandColor": "#da3b01" } }
    /// ```
    pub static RULE = {
        id: "apiprops-ip-brand-color",
        severity: Error,
        scope: Connector,
        source: "https://github.com/microsoft/PowerPlatformConnectors/blob/dev/README.md",
        summary: "independent-publisher connectors use `#da3b01`",
    };
}

pub fn check(ctx: &ConnectorContext, out: &mut Vec<Diagnostic>) {
    if ctx.profile != Profile::IndependentPublisher {
        return;
    }
    let Some(c) = ctx
        .properties
        .and_then(|r| r.get("properties"))
        .and_then(|p| p.get_str("iconBrandColor"))
    else {
        return;
    };
    if !c.eq_ignore_ascii_case("#da3b01") {
        out.push(
            RULE.diagnostic(format!(
                "`iconBrandColor` is `{c}`; independent-publisher connectors use `#da3b01`"
            ))
            .in_file(FileKind::Properties)
            .at("/properties/iconBrandColor")
            .help("write \"iconBrandColor\": \"#da3b01\""),
        );
    }
}
