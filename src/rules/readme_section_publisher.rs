use super::support::markdown::Section;
use super::support::readme_sections::check_section;
use crate::diagnostic::Diagnostic;
use crate::rules::ConnectorContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a readme without a `## Publisher: <name>` heading (or a `## Publisher`
    /// section with the name in its text). Matching is tolerant of case and punctuation.
    ///
    /// ## Why is this bad?
    /// The template marks it "Required": it names the company (certified) or the person
    /// (independent publisher) behind the connector. Independent-publisher reviews enforce
    /// it (an error there); for certified connectors it is a warning, as half of the
    /// deployed readmes predate the template.
    ///
    /// ## Example
    /// ```text
    /// # Contoso Tickets
    /// Contoso Tickets tracks support tickets.
    /// ## Prerequisites
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// # Contoso Tickets
    /// Contoso Tickets tracks support tickets.
    /// ## Publisher: Contoso Ltd
    /// ## Prerequisites
    /// ```
    pub static RULE = {
        id: "readme-section-publisher",
        severity: Warning,
        scope: Connector,
        custom: Info,
        source: "https://github.com/microsoft/PowerPlatformConnectors/blob/dev/templates/certified-connectors/readme.md",
        summary: "the readme has a `## Publisher: <name>` section",
    };
}

pub fn check(ctx: &ConnectorContext, out: &mut Vec<Diagnostic>) {
    check_section(&RULE, Section::Publisher, ctx, out, "add `## Publisher: <name>`: your company (certified) or your full name (independent publisher)");
}
