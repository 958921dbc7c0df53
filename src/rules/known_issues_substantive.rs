use super::support::markdown::{find_section, headings, is_empty_statement, slice, Section};
use crate::diagnostic::Diagnostic;
use crate::rules::ConnectorContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a "Known Issues and Limitations" section (readme or intro) that is empty or
    /// only says there are none ("None", "N/A", "There are no known issues at this time.").
    ///
    /// ## Why is this bad?
    /// Every service has limits: rate limits, page sizes, timeouts, unsupported features.
    /// Microsoft asks publishers to list the causes of common 4xx/5xx errors there, and it
    /// is the first place makers look when a flow fails. A hint: 288 deployed sections say
    /// "none".
    ///
    /// ## Example
    /// ```text
    /// ## Known Issues and Limitations
    /// There are no known issues at this time.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ## Known Issues and Limitations
    /// The API allows 60 requests per minute; beyond that actions fail with 429.
    /// Search returns at most 100 tickets.
    /// ```
    pub static RULE = {
        id: "known-issues-substantive",
        severity: Info,
        scope: Connector,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/telemetry",
        summary: "the Known Issues section says something",
    };
}

pub fn check(ctx: &ConnectorContext, out: &mut Vec<Diagnostic>) {
    for doc in &ctx.docs {
        let hs = headings(doc.text);
        let Some(h) = find_section(&hs, Section::KnownIssues) else {
            continue;
        };
        if is_empty_statement(slice(doc.text, h.body)) {
            out.push(
                RULE.diagnostic(format!("the `{}` section lists no issue or limitation", h.text))
                    .in_file(doc.kind)
                    .with_span(h.span)
                    .help("list the service's limits (rate limits, page sizes, timeouts), unsupported features, and the errors makers may meet with their remedy"),
            );
        }
    }
}
