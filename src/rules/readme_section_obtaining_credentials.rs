use super::support::markdown::Section;
use super::support::readme_sections::check_section;
use crate::diagnostic::Diagnostic;
use crate::rules::ConnectorContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a readme without a `## Obtaining Credentials` section (also accepted:
    /// `How to get credentials`, `Authentication`, …), or with an empty one. Connectors
    /// without connection parameters (no authentication) are not concerned.
    ///
    /// ## Why is this bad?
    /// The template marks it "Required": makers must learn how to get an API key or which
    /// account to sign in with. An error for independent publishers, a warning for
    /// certified connectors.
    ///
    /// ## Example
    /// ```text
    /// # Contoso Tickets
    /// ## Supported Operations
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ## Obtaining Credentials
    /// Open your Contoso profile page and copy the API key.
    /// ```
    pub static RULE = {
        id: "readme-section-obtaining-credentials",
        severity: Warning,
        scope: Connector,
        custom: Info,
        source: "https://github.com/microsoft/PowerPlatformConnectors/blob/dev/templates/certified-connectors/readme.md",
        summary: "the readme has a `## Obtaining Credentials` section",
    };
}

pub fn check(ctx: &ConnectorContext, out: &mut Vec<Diagnostic>) {
    if super::support::markdown::has_auth(ctx) == Some(false) {
        return;
    }
    check_section(&RULE, Section::ObtainingCredentials, ctx, out, "add `## Obtaining Credentials`: the authentication method and, step by step, how to get the key or sign in");
}
