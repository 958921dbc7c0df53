use crate::diagnostic::Diagnostic;
use crate::diagnostic::FileKind;
use crate::rules::{ConnectorContext, Profile};

crate::declare_rule! {
    /// ## What it does
    /// Reports a certified or independent-publisher connector without
    /// `properties.publisher` in `apiProperties.json`, with an empty one, or with the
    /// template's placeholder text.
    ///
    /// ## Why is this bad?
    /// The publisher is shown on the connector's page and its documentation; Microsoft's
    /// submission guide (Step 3a) requires it: the company or organization for certified
    /// connectors, the person's full name (or company) for independent publishers.
    ///
    /// ## Example
    /// ```text
    /// { "properties": { "iconBrandColor": "#da3b01", "stackOwner": "Contoso" } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// { "properties": { "iconBrandColor": "#da3b01", "publisher": "Jane Doe", "stackOwner": "Contoso" } }
    /// ```
    pub static RULE = {
        id: "apiprops-publisher",
        severity: Error,
        scope: Connector,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission",
        summary: "`publisher` is set in apiProperties.json",
    };
}

/// Placeholder texts of the repository's templates.
pub fn is_placeholder(s: &str) -> bool {
    let l = s.trim().to_ascii_lowercase();
    l.is_empty()
        || l.starts_with("name of ")
        || l.starts_with("full name or name of")
        || l == "publisher's name"
        || l == "publisher name"
        || l.contains("<") && l.contains(">")
}

pub fn check(ctx: &ConnectorContext, out: &mut Vec<Diagnostic>) {
    if ctx.profile == Profile::Custom {
        return;
    }
    let Some(props) = ctx.properties.and_then(|r| r.get("properties")) else {
        return;
    };
    let help = if ctx.profile == Profile::IndependentPublisher {
        "write your full name (or your company's name); separate several publishers with commas"
    } else {
        "write the name of the company or organization that publishes the connector"
    };
    match props.get("publisher") {
        None => out.push(
            RULE.diagnostic("apiProperties.json has no `publisher`")
                .in_file(FileKind::Properties)
                .at("/properties")
                .help(help),
        ),
        Some(p) => {
            if let Some(s) = p.as_str().filter(|s| is_placeholder(s)) {
                out.push(
                    RULE.diagnostic(format!("`publisher` is the placeholder `{s}`"))
                        .in_file(FileKind::Properties)
                        .at("/properties/publisher")
                        .help(help),
                );
            }
        }
    }
}
