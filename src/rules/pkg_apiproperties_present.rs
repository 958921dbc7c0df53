use super::support::package::{file_names, is_connector_folder};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::FileKind;
use crate::rules::ConnectorContext;
use crate::source::Span;

crate::declare_rule! {
    /// ## What it does
    /// Reports a connector folder without `apiProperties.json`, or with it under another
    /// letter case.
    ///
    /// ## Why is this bad?
    /// `apiProperties.json` holds the connection parameters, the brand color, the
    /// publisher and the policies; `paconn create` and the certification pipeline need it
    /// next to the definition.
    ///
    /// ## Example
    /// A folder holding only `apiDefinition.swagger.json` and `readme.md`.
    ///
    /// ## Use instead
    /// Add `apiProperties.json`, e.g. from `paconn download` or the repository's template.
    pub static RULE = {
        id: "pkg-apiproperties-present",
        severity: Error,
        scope: Connector,
        custom: Warning,
        source: "https://github.com/microsoft/PowerPlatformConnectors/blob/dev/README.md",
        summary: "the connector folder has no `apiProperties.json`",
    };
}

const NAME: &str = "apiProperties.json";

pub fn check(ctx: &ConnectorContext, out: &mut Vec<Diagnostic>) {
    let names = file_names(ctx);
    if !is_connector_folder(&names) || names.iter().any(|n| n == NAME) {
        return;
    }
    let d = match names.iter().find(|n| n.eq_ignore_ascii_case(NAME)) {
        Some(other) => RULE
            .diagnostic(format!("`apiProperties.json` is named `{other}`"))
            .in_file(FileKind::Properties)
            .help(format!("rename the file to `{NAME}`; the name is case-sensitive")),
        None => RULE
            .diagnostic("the connector folder has no `apiProperties.json`")
            .in_file(FileKind::Definition)
            .help("add apiProperties.json with connectionParameters, iconBrandColor, publisher and stackOwner (`paconn download` writes one)"),
    };
    out.push(d.with_span(Span::new(0, 0)));
}
