use super::support::markdown::Section;
use super::support::readme_sections::check_section;
use crate::diagnostic::Diagnostic;
use crate::rules::{ConnectorContext, Profile};

crate::declare_rule! {
    /// ## What it does
    /// Reports a certified (or custom) connector's readme without a `## Deployment
    /// Instructions` section, or with an empty one. The section is optional for
    /// independent publishers.
    ///
    /// ## Why is this bad?
    /// The certified template marks it "Required": it tells makers how to deploy the
    /// connector as a custom connector before certification completes. Half of the
    /// deployed certified readmes lack it, hence a warning.
    ///
    /// ## Example
    /// ```text
    /// # Contoso Tickets
    /// ## Known Issues and Limitations
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ## Deployment Instructions
    /// Run `paconn create` with apiDefinition.swagger.json and apiProperties.json.
    /// ```
    pub static RULE = {
        id: "readme-section-deployment",
        severity: Warning,
        scope: Connector,
        custom: Info,
        source: "https://github.com/microsoft/PowerPlatformConnectors/blob/dev/templates/certified-connectors/readme.md",
        summary: "the readme of a certified connector has `## Deployment Instructions`",
    };
}

pub fn check(ctx: &ConnectorContext, out: &mut Vec<Diagnostic>) {
    if ctx.profile == Profile::IndependentPublisher {
        return;
    }
    check_section(&RULE, Section::Deployment, ctx, out, "add `## Deployment Instructions`: how to deploy the connector as a custom connector (e.g. with paconn create)");
}
