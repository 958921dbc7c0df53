use super::support::markdown::Section;
use super::support::readme_sections::check_section;
use crate::diagnostic::Diagnostic;
use crate::rules::ConnectorContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a readme without a `## Supported Operations` section (also accepted:
    /// `Supported Actions`, `Actions and Triggers`, …), or with an empty one.
    ///
    /// ## Why is this bad?
    /// The template marks it "Required. Describe actions, triggers, and other
    /// endpoints": reviewers compare it with the definition. An error for independent
    /// publishers, a warning for certified connectors.
    ///
    /// ## Example
    /// ```text
    /// # Contoso Tickets
    /// ## Prerequisites
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ## Supported Operations
    /// ### Create a ticket
    /// Creates a support ticket.
    /// ```
    pub static RULE = {
        id: "readme-section-supported-operations",
        severity: Warning,
        scope: Connector,
        custom: Info,
        source: "https://github.com/microsoft/PowerPlatformConnectors/blob/dev/templates/certified-connectors/readme.md",
        summary: "the readme has a `## Supported Operations` section",
    };
}

pub fn check(ctx: &ConnectorContext, out: &mut Vec<Diagnostic>) {
    check_section(&RULE, Section::SupportedOperations, ctx, out, "add `## Supported Operations` with a `###` heading and a sentence for each action and trigger");
}
