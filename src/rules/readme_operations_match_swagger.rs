use super::support::markdown::{find_section, headings, normalize, slice, Section};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::FileKind;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Compares the readme's `## Supported Operations` section with the definition: it
    /// reports visible operations (not internal, not deprecated) whose summary or
    /// operationId the section does not mention, and `###` entries of the section that
    /// match no operation (stale after a rename or removal).
    ///
    /// ## Why is this bad?
    /// The section is the readme's promise of what the connector does; reviewers check it
    /// against the definition, and makers trust it. A hint: it detects drift.
    ///
    /// ## Example
    /// ```text
    /// ## Supported Operations
    /// ### Create a ticket            (while the definition also has "List tickets")
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ## Supported Operations
    /// ### Create a ticket
    /// ### List tickets
    /// ```
    pub static RULE = {
        id: "readme-operations-match-swagger",
        severity: Info,
        scope: Connector,
        source: "https://github.com/microsoft/PowerPlatformConnectors/blob/dev/templates/certified-connectors/readme.md",
        summary: "the readme's Supported Operations match the definition",
    };
}

/// A summary or operationId as the readme may mention it: normalised, without a
/// deprecation marker.
fn key(s: &str) -> String {
    normalize(s)
        .split(' ')
        .filter(|w| *w != "deprecated")
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let Some(doc) = ctx
        .connector
        .docs
        .iter()
        .find(|d| d.kind == FileKind::Readme)
    else {
        return;
    };
    let hs = headings(doc.text);
    let Some(section) = find_section(&hs, Section::SupportedOperations) else {
        return;
    };
    let text = normalize(slice(doc.text, section.body));
    let visible: Vec<_> = ctx
        .operations()
        .iter()
        .filter(|o| {
            !o.deprecated
                && !o
                    .visibility
                    .as_deref()
                    .is_some_and(|v| v.eq_ignore_ascii_case("internal"))
        })
        .collect();
    let missing: Vec<String> = visible
        .iter()
        .filter(|o| {
            let by_summary = o
                .summary
                .as_deref()
                .map(key)
                .is_some_and(|s| !s.is_empty() && text.contains(&s));
            let by_id = o
                .operation_id
                .as_deref()
                .map(key)
                .is_some_and(|s| !s.is_empty() && text.contains(&s));
            !by_summary && !by_id
        })
        .map(|o| format!("`{}`", o.display_name()))
        .collect();
    if !missing.is_empty() {
        let shown: Vec<_> = missing.iter().take(5).cloned().collect();
        let more = if missing.len() > 5 {
            format!(" and {} more", missing.len() - 5)
        } else {
            String::new()
        };
        out.push(
            RULE.diagnostic(format!("the readme's `{}` does not mention {}{more}", section.text, shown.join(", ")))
                .in_file(FileKind::Readme)
                .with_span(section.span)
                .help("describe every visible action and trigger under Supported Operations, one `###` heading each"),
        );
    }
    let known: Vec<String> = ctx
        .operations()
        .iter()
        .flat_map(|o| {
            [
                o.summary.as_deref().map(key),
                o.operation_id.as_deref().map(key),
            ]
        })
        .flatten()
        .filter(|s| !s.is_empty())
        .collect();
    for h in hs.iter().filter(|h| {
        h.level > section.level
            && h.span.start >= section.body.start
            && h.span.end <= section.body.end
    }) {
        let n = normalize(&h.text);
        if n.is_empty()
            || known
                .iter()
                .any(|k| n.contains(k.as_str()) || k.contains(n.as_str()))
        {
            continue;
        }
        out.push(
            RULE.diagnostic(format!("the readme describes `{}`, which matches no operation of the definition", h.text))
                .in_file(FileKind::Readme)
                .with_span(h.span)
                .help("name the entry after the operation's summary, or remove it if the operation is gone"),
        );
    }
}
