use super::support::package::{anchor_file, file_names, is_connector_folder};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::FileKind;
use crate::rules::ConnectorContext;
use crate::source::Span;

crate::declare_rule! {
    /// ## What it does
    /// Reports a connector folder without a `readme.md`.
    ///
    /// ## Why is this bad?
    /// Microsoft requires a readme for certified and independent-publisher connectors
    /// (policy 5000.1.1.2): it tells reviewers and makers what the connector does, how to
    /// get credentials and what its limits are. For a custom connector it is advice.
    ///
    /// ## Example
    /// A folder holding `apiDefinition.swagger.json` and `apiProperties.json` only.
    ///
    /// ## Use instead
    /// Add `readme.md` following the repository's template (title, `## Publisher`,
    /// `## Prerequisites`, `## Supported Operations`, `## Obtaining Credentials`,
    /// `## Known Issues and Limitations`).
    pub static RULE = {
        id: "pkg-readme-present",
        severity: Error,
        scope: Connector,
        custom: Warning,
        source: "https://github.com/microsoft/PowerPlatformConnectors/blob/dev/README.md",
        summary: "the connector folder has no `readme.md`",
    };
}

pub fn check(ctx: &ConnectorContext, out: &mut Vec<Diagnostic>) {
    if ctx.docs.iter().any(|d| d.kind == FileKind::Readme) {
        return;
    }
    let names = file_names(ctx);
    if !is_connector_folder(&names) {
        return;
    }
    let near = names
        .iter()
        .find(|n| {
            let l = n.to_ascii_lowercase();
            l.starts_with("readme") && l != "readme.md"
        })
        .map(|n| format!("; `{n}` is not read as the readme"))
        .unwrap_or_default();
    out.push(
        RULE.diagnostic(format!("the connector folder has no `readme.md`{near}"))
            .in_file(anchor_file(ctx, &names))
            .with_span(Span::new(0, 0))
            .help("add readme.md from the repository's template: a description, Publisher, Prerequisites, Supported Operations, Obtaining Credentials, Known Issues and Limitations"),
    );
}
