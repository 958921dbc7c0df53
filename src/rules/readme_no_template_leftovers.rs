use crate::diagnostic::Diagnostic;
use crate::rules::ConnectorContext;
use crate::source::Span;

crate::declare_rule! {
    /// ## What it does
    /// Reports text left over from Microsoft's readme template in `readme.md` or
    /// `intro.md`: the instructions ("Required. One paragraph…", "Optional. How to get
    /// started…"), "Publisher's Name", and the placeholder headings `### Operation 1` and
    /// `### Question 1` with their sample text.
    ///
    /// ## Why is this bad?
    /// The readme becomes the connector's public documentation; template instructions in it
    /// show an unfinished submission, and reviewers send it back.
    ///
    /// ## Example
    /// ```text
    /// ## Publisher: Publisher's Name
    /// ### Operation 1
    /// Description of operation 1.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ## Publisher: Contoso Ltd
    /// ### Create a ticket
    /// Creates a support ticket in the selected queue.
    /// ```
    pub static RULE = {
        id: "readme-no-template-leftovers",
        severity: Error,
        scope: Connector,
        source: "https://github.com/microsoft/PowerPlatformConnectors/blob/dev/templates/certified-connectors/readme.md",
        summary: "no text left over from the readme template",
    };
}

/// Template phrases, matched case-insensitively at any place of a line.
pub const LEFTOVERS: &[&str] = &[
    "Publisher's Name",
    "Required. One paragraph",
    "Required. It should be the company",
    "Required. For Independent-Publisher-Connector",
    "Required. Any plans or licenses",
    "Required. Describe actions, triggers",
    "Required. Explain the authentication method",
    "Required. Include any known issues",
    "Required. Add instructions on how to deploy",
    "Optional. How to get started",
    "Optional. Include frequently asked questions",
    "Optional. Add instructions on how to deploy",
    "Description of operation 1",
    "Description of operation 2",
    "Answer to question 1",
    "Answer to question 2",
];

/// Placeholder headings, matched exactly (after the `#`s).
pub const HEADINGS: &[&str] = &[
    "Operation 1",
    "Operation 2",
    "Question 1",
    "Question 2",
    "Title",
];

pub fn check(ctx: &ConnectorContext, out: &mut Vec<Diagnostic>) {
    for doc in &ctx.docs {
        let lower = doc.text.to_lowercase();
        for phrase in LEFTOVERS {
            if let Some(i) = lower.find(&phrase.to_lowercase()) {
                out.push(
                    RULE.diagnostic(format!("template text `{phrase}` is left in the file"))
                        .in_file(doc.kind)
                        .with_span(Span::new(i, i + phrase.len()))
                        .help("replace the template's instructions and placeholders with your connector's own text"),
                );
            }
        }
        for h in super::support::markdown::headings(doc.text) {
            if HEADINGS.iter().any(|p| h.text.eq_ignore_ascii_case(p)) {
                out.push(
                    RULE.diagnostic(format!("the template heading `{}` is left in the file", h.text))
                        .in_file(doc.kind)
                        .with_span(h.span)
                        .help("replace the placeholder heading with the real name: the connector, an operation or a question"),
                );
            }
        }
    }
}
