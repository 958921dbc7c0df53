//! The shared check behind the `readme-section-*` rules.

use super::markdown::{find_section, first_line, headings, readme, slice, Section};
use crate::diagnostic::FileKind;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{ConnectorContext, Profile, RuleMeta};

/// Reports a missing (or empty) template section of the readme. Independent publishers
/// get errors (their reviews enforce the template); certified connectors warnings (half
/// of the deployed ones predate it); custom connectors hints (via the rule's `custom:`).
pub fn check_section(
    rule: &'static RuleMeta,
    section: Section,
    ctx: &ConnectorContext,
    out: &mut Vec<Diagnostic>,
    help: &str,
) {
    let Some(doc) = readme(ctx) else { return };
    let hs = headings(doc.text);
    let severity = |mut d: Diagnostic| {
        if ctx.profile == Profile::IndependentPublisher {
            d.severity = Severity::Error;
        }
        d
    };
    match find_section(&hs, section) {
        None => {
            let anchor = hs
                .first()
                .map(|h| h.span)
                .unwrap_or_else(|| first_line(doc.text));
            out.push(severity(
                rule.diagnostic(format!(
                    "the readme has no `{}` section",
                    section.canonical(FileKind::Readme)
                ))
                .in_file(FileKind::Readme)
                .with_span(anchor)
                .help(help.to_string()),
            ));
        }
        Some(h) => {
            // `## Publisher: Name` carries its content in the heading.
            if section == Section::Publisher
                && h.text.contains(':')
                && h.text
                    .split(':')
                    .nth(1)
                    .is_some_and(|n| !n.trim().is_empty())
            {
                return;
            }
            let body = slice(doc.text, h.body);
            if body.trim().is_empty() && !matches!(section, Section::KnownIssues) {
                out.push(severity(
                    rule.diagnostic(format!("the readme's `{}` section is empty", h.text))
                        .in_file(FileKind::Readme)
                        .with_span(h.span)
                        .help(help.to_string()),
                ));
            }
        }
    }
}
