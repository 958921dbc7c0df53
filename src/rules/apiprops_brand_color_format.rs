use crate::diagnostic::Diagnostic;
use crate::diagnostic::FileKind;
use crate::rules::ConnectorContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an `apiProperties.json` without `properties.iconBrandColor`, or with one
    /// that is not a `#rrggbb` hex color.
    ///
    /// ## Why is this bad?
    /// The brand color is the background of the connector's icon everywhere it is shown;
    /// the schema requires it, and only six-digit hex colors are accepted.
    ///
    /// ## Example
    /// ```text
    /// { "properties": { "iconBrandColor": "blue" } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// { "properties": { "iconBrandColor": "#0F6CBD" } }
    /// ```
    pub static RULE = {
        id: "apiprops-brand-color-format",
        severity: Error,
        scope: Connector,
        source: "https://github.com/microsoft/PowerPlatformConnectors/blob/dev/schemas/paconn-apiProperties.schema.json",
        summary: "`iconBrandColor` is present and `#rrggbb`",
    };
}

/// Whether a string is `#rrggbb`.
pub fn is_hex_color(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].chars().all(|c| c.is_ascii_hexdigit())
}

pub fn check(ctx: &ConnectorContext, out: &mut Vec<Diagnostic>) {
    let Some(props) = ctx.properties.and_then(|r| r.get("properties")) else {
        return;
    };
    match props.get("iconBrandColor") {
        None => out.push(
            RULE.diagnostic("apiProperties.json has no `iconBrandColor`")
                .in_file(FileKind::Properties)
                .at("/properties")
                .help("add \"iconBrandColor\": \"#rrggbb\" with your brand's color (independent publishers use \"#da3b01\")"),
        ),
        Some(c) if !c.as_str().is_some_and(is_hex_color) => out.push(
            RULE.diagnostic(format!(
                "`iconBrandColor` {} is not a `#rrggbb` color",
                c.as_str().map(|s| format!("`{s}`")).unwrap_or_else(|| c.type_name().into())
            ))
            .in_file(FileKind::Properties)
            .at("/properties/iconBrandColor")
            .help("write the color as # followed by six hex digits, e.g. \"#0F6CBD\""),
        ),
        Some(_) => {}
    }
}
