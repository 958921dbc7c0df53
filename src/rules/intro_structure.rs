use super::support::markdown::{
    find_section, first_line, has_auth, headings, intro, slice, Section,
};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::FileKind;
use crate::rules::ConnectorContext;
use crate::source::Span;

crate::declare_rule! {
    /// ## What it does
    /// Checks `intro.md` against Microsoft's template: a description paragraph before the
    /// first heading (one paragraph of at most eight sentences), then `## Prerequisites`,
    /// `## How to get credentials` (not needed without authentication), `## Get started
    /// with your connector`, `## Known issues and limitations`, `## Common errors and
    /// remedies` and `## FAQ`. Headings are matched tolerantly; order is not checked.
    ///
    /// ## Why is this bad?
    /// `intro.md` becomes the connector's page on Microsoft Learn; the certification
    /// package requires it in this shape.
    ///
    /// ## Example
    /// ```text
    /// ## Prerequisites
    /// A Contoso account.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// Contoso Tickets tracks support tickets for service teams.
    /// ## Prerequisites
    /// ## How to get credentials
    /// ## Get started with your connector
    /// ## Known issues and limitations
    /// ## Common errors and remedies
    /// ## FAQ
    /// ```
    pub static RULE = {
        id: "intro-structure",
        severity: Warning,
        scope: Connector,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/submit-for-certification",
        summary: "`intro.md` follows Microsoft's template",
    };
}

pub fn check(ctx: &ConnectorContext, out: &mut Vec<Diagnostic>) {
    let Some(doc) = intro(ctx) else { return };
    let hs = headings(doc.text);
    let before = hs
        .first()
        .map(|h| h.span.start as usize)
        .unwrap_or(doc.text.len());
    let description = slice(doc.text, Span::new(0, before));
    // A leading `# Title` is tolerated before the description.
    let description = if description.trim().is_empty() && hs.first().is_some_and(|h| h.level == 1) {
        let next = hs
            .get(1)
            .map(|h| h.span.start as usize)
            .unwrap_or(doc.text.len());
        slice(
            doc.text,
            Span::new(
                hs[0].body.start as usize,
                next.max(hs[0].body.start as usize),
            ),
        )
    } else {
        description
    };
    if description.trim().is_empty() {
        out.push(
            RULE.diagnostic("intro.md does not start with a description of the connector")
                .in_file(FileKind::Intro)
                .with_span(first_line(doc.text))
                .help("start with one paragraph (at most eight sentences) on the service's value and what the connector does"),
        );
    } else {
        let paragraphs = description
            .split("\n\n")
            .filter(|p| !p.trim().is_empty())
            .count();
        let sentences = description.matches(['.', '!', '?']).count();
        if paragraphs > 1 || sentences > 8 {
            out.push(
                RULE.diagnostic(format!("the description of intro.md has {paragraphs} paragraphs and about {sentences} sentences"))
                    .in_file(FileKind::Intro)
                    .with_span(first_line(doc.text))
                    .help("keep the description to one paragraph of at most eight sentences"),
            );
        }
    }
    let mut wanted = vec![Section::Prerequisites];
    if has_auth(ctx) != Some(false) {
        wanted.push(Section::ObtainingCredentials);
    }
    wanted.extend([
        Section::GettingStarted,
        Section::KnownIssues,
        Section::CommonErrors,
        Section::Faq,
    ]);
    let missing: Vec<String> = wanted
        .into_iter()
        .filter(|s| find_section(&hs, *s).is_none())
        .map(|s| format!("`## {}`", s.canonical(FileKind::Intro)))
        .collect();
    if !missing.is_empty() {
        out.push(
            RULE.diagnostic(format!("intro.md has no {} section", missing.join(", ")))
                .in_file(FileKind::Intro)
                .with_span(
                    hs.first()
                        .map(|h| h.span)
                        .unwrap_or_else(|| first_line(doc.text)),
                )
                .help("add the sections of Microsoft's intro.md template"),
        );
    }
}
