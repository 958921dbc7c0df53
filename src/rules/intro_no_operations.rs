use super::support::markdown::{find_section, headings, intro, Section};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::FileKind;
use crate::rules::ConnectorContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an `intro.md` with a section that documents the connector's operations
    /// (`## Supported Operations`, `## Actions`, …).
    ///
    /// ## Why is this bad?
    /// Microsoft generates the list of actions and triggers of the documentation page from
    /// the definition: "Don't include information about your connector's actions or
    /// triggers within the intro.md". A hand-written list goes stale.
    ///
    /// ## Example
    /// ```text
    /// ## Supported Operations
    /// ### Create a ticket
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ## Get started with your connector
    /// Create a connection with your API key, then add "Create a ticket" to a flow.
    /// ```
    pub static RULE = {
        id: "intro-no-operations",
        severity: Warning,
        scope: Connector,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/submit-for-certification",
        summary: "`intro.md` does not document actions and triggers",
    };
}

pub fn check(ctx: &ConnectorContext, out: &mut Vec<Diagnostic>) {
    let Some(doc) = intro(ctx) else { return };
    let hs = headings(doc.text);
    if let Some(h) = find_section(&hs, Section::SupportedOperations) {
        out.push(
            RULE.diagnostic(format!("intro.md documents operations in `{}`", h.text))
                .in_file(FileKind::Intro)
                .with_span(h.span)
                .help("remove the section: the documentation page lists actions and triggers from the definition; describe scenarios in `## Get started with your connector` instead"),
        );
    }
}
