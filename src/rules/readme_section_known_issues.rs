use super::support::markdown::Section;
use super::support::readme_sections::check_section;
use crate::diagnostic::Diagnostic;
use crate::rules::ConnectorContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a readme without a `## Known Issues and Limitations` section (also
    /// accepted: `Known Issues`, `Limitations`, …). An empty section is
    /// `known-issues-substantive`'s concern.
    ///
    /// ## Why is this bad?
    /// The template marks it "Required", and Microsoft asks publishers to list there the
    /// causes of common errors. An error for independent publishers, a warning for
    /// certified connectors (half of the deployed ones lack it).
    ///
    /// ## Example
    /// ```text
    /// # Contoso Tickets
    /// ## Supported Operations
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ## Known Issues and Limitations
    /// The API returns at most 100 tickets per call.
    /// ```
    pub static RULE = {
        id: "readme-section-known-issues",
        severity: Warning,
        scope: Connector,
        custom: Info,
        source: "https://github.com/microsoft/PowerPlatformConnectors/blob/dev/templates/certified-connectors/readme.md",
        summary: "the readme has a `## Known Issues and Limitations` section",
    };
}

pub fn check(ctx: &ConnectorContext, out: &mut Vec<Diagnostic>) {
    check_section(&RULE, Section::KnownIssues, ctx, out, "add `## Known Issues and Limitations`: rate limits, paging limits, timeouts, unsupported features and the errors makers may see");
}
