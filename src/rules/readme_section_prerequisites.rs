use super::support::markdown::Section;
use super::support::readme_sections::check_section;
use crate::diagnostic::Diagnostic;
use crate::rules::ConnectorContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a readme without a `## Prerequisites` section (also accepted:
    /// `Pre-requisites`, `Requirements`), or with an empty one.
    ///
    /// ## Why is this bad?
    /// The template marks it "Required": makers need to know which account, plan or
    /// license the service asks for before they try the connector. An error for
    /// independent publishers, a warning for certified connectors.
    ///
    /// ## Example
    /// ```text
    /// # Contoso Tickets
    /// ## Supported Operations
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// # Contoso Tickets
    /// ## Prerequisites
    /// A Contoso Tickets account on the Standard plan.
    /// ```
    pub static RULE = {
        id: "readme-section-prerequisites",
        severity: Warning,
        scope: Connector,
        custom: Info,
        source: "https://github.com/microsoft/PowerPlatformConnectors/blob/dev/templates/certified-connectors/readme.md",
        summary: "the readme has a `## Prerequisites` section",
    };
}

pub fn check(ctx: &ConnectorContext, out: &mut Vec<Diagnostic>) {
    check_section(
        &RULE,
        Section::Prerequisites,
        ctx,
        out,
        "add `## Prerequisites`: the plans, licenses, accounts or tools makers need",
    );
}
