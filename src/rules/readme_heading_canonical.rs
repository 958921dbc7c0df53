use super::support::markdown::{headings, normalize, Section};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::FileKind;
use crate::rules::ConnectorContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a readme or intro section heading that connlint recognises but that is not
    /// written as Microsoft's template writes it: `Pre-requisites` for `Prerequisites`,
    /// `How to get credentials` in a readme for `Obtaining Credentials`, `Known issues` for
    /// `Known Issues and Limitations`.
    ///
    /// ## Why is this bad?
    /// Uniform headings let makers and reviewers find the sections, and let tools (Microsoft's
    /// included) extract them. A hint only: the sections are there.
    ///
    /// ## Example
    /// ```text
    /// ## Pre-requisites
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ## Prerequisites
    /// ```
    pub static RULE = {
        id: "readme-heading-canonical",
        severity: Info,
        scope: Connector,
        source: "https://github.com/microsoft/PowerPlatformConnectors/blob/dev/templates/certified-connectors/readme.md",
        summary: "template sections use the template's heading text",
    };
}

const SECTIONS: [Section; 8] = [
    Section::Publisher,
    Section::Prerequisites,
    Section::SupportedOperations,
    Section::ObtainingCredentials,
    Section::GettingStarted,
    Section::KnownIssues,
    Section::Faq,
    Section::Deployment,
];

pub fn check(ctx: &ConnectorContext, out: &mut Vec<Diagnostic>) {
    for doc in &ctx.docs {
        for h in headings(doc.text).iter().filter(|h| h.level == 2) {
            let n = normalize(&h.text);
            let Some(s) = SECTIONS.iter().find(|s| s.matches(&n)) else {
                continue;
            };
            if doc.kind == FileKind::Intro && *s == Section::SupportedOperations {
                continue;
            }
            if !s.is_canonical(doc.kind, &h.text) {
                let canonical = s.canonical(doc.kind);
                out.push(
                    RULE.diagnostic(format!(
                        "the heading `{}` is written `{canonical}` in the template",
                        h.text
                    ))
                    .in_file(doc.kind)
                    .with_span(h.span)
                    .help(format!("write `## {canonical}`")),
                );
            }
        }
    }
}
