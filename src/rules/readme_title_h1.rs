use super::support::markdown::{first_line, headings, readme, slice};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::FileKind;
use crate::rules::ConnectorContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a readme whose first heading is not a level-1 title (`# Contoso`), or whose
    /// title is not followed by a description paragraph before the next heading.
    ///
    /// ## Why is this bad?
    /// Microsoft's readme template starts with `# Title` and "one paragraph, two to three
    /// sentences about the service and the connector"; it is what reviewers and makers
    /// read first. Many older certified readmes skip it, hence a warning (a hint for
    /// custom connectors).
    ///
    /// ## Example
    /// ```text
    /// ## Prerequisites
    /// A Contoso account.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// # Contoso Tickets
    /// Contoso Tickets tracks support tickets. This connector creates and searches tickets.
    ///
    /// ## Prerequisites
    /// A Contoso account.
    /// ```
    pub static RULE = {
        id: "readme-title-h1",
        severity: Warning,
        scope: Connector,
        custom: Info,
        source: "https://github.com/microsoft/PowerPlatformConnectors/blob/dev/templates/certified-connectors/readme.md",
        summary: "the readme starts with `# Title` and a description paragraph",
    };
}

pub fn check(ctx: &ConnectorContext, out: &mut Vec<Diagnostic>) {
    let Some(doc) = readme(ctx) else { return };
    let hs = headings(doc.text);
    let Some(first) = hs.first() else {
        if !doc.text.trim().is_empty() {
            out.push(
                RULE.diagnostic("the readme has no headings")
                    .in_file(FileKind::Readme)
                    .with_span(first_line(doc.text))
                    .help("start with `# <Connector name>` and a short description, then the template's `##` sections"),
            );
        }
        return;
    };
    if first.level != 1 {
        out.push(
            RULE.diagnostic(format!("the readme's first heading `{}` is not a level-1 title", first.text))
                .in_file(FileKind::Readme)
                .with_span(first.span)
                .help("start the readme with `# <Connector name>` followed by one paragraph about the service and the connector"),
        );
        return;
    }
    // The description: text between the title and the first sub-heading.
    let next = hs
        .get(1)
        .map(|h| h.span.start as usize)
        .unwrap_or(doc.text.len());
    let between = slice(
        doc.text,
        crate::source::Span::new(
            first.body.start as usize,
            next.max(first.body.start as usize),
        ),
    );
    if between.trim().is_empty() {
        out.push(
            RULE.diagnostic(format!("the title `{}` is not followed by a description", first.text))
                .in_file(FileKind::Readme)
                .with_span(first.span)
                .help("add one paragraph of two or three sentences about the service and what the connector does"),
        );
    }
}
