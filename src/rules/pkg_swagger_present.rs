use super::support::package::{file_names, is_connector_folder};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::FileKind;
use crate::rules::ConnectorContext;
use crate::source::Span;

crate::declare_rule! {
    /// ## What it does
    /// Reports a connector folder without a file named exactly `apiDefinition.swagger.json`:
    /// the definition is missing, named differently (`apiDefination.swagger.json`,
    /// `MyService.swagger.json`) or spelt in another case (`apidefinition.swagger.json`).
    ///
    /// ## Why is this bad?
    /// The certification package and the repository's pipelines look for the definition
    /// under that exact name (policy 5000.1.1.3); under any other name it is never
    /// validated, and on a case-sensitive file system it is not found at all.
    ///
    /// ## Example
    /// A folder holding `apiProperties.json`, `readme.md` and `apiDefination.swagger.json`.
    ///
    /// ## Use instead
    /// Rename the definition to `apiDefinition.swagger.json`.
    pub static RULE = {
        id: "pkg-swagger-present",
        severity: Error,
        scope: Connector,
        custom: Warning,
        source: "https://github.com/microsoft/PowerPlatformConnectors/blob/dev/README.md",
        summary: "the connector folder has no `apiDefinition.swagger.json` under that exact name",
    };
}

const NAME: &str = "apiDefinition.swagger.json";

pub fn check(ctx: &ConnectorContext, out: &mut Vec<Diagnostic>) {
    let names = file_names(ctx);
    if !is_connector_folder(&names) || names.iter().any(|n| n == NAME) {
        return;
    }
    if let Some(other) = names.iter().find(|n| n.eq_ignore_ascii_case(NAME)) {
        out.push(
            RULE.diagnostic(format!("the definition is named `{other}`, not `{NAME}`"))
                .in_file(FileKind::Definition)
                .with_span(Span::new(0, 0))
                .help(format!(
                    "rename the file to `{NAME}`; the name is case-sensitive"
                )),
        );
        return;
    }
    let candidate = names.iter().find(|n| {
        let l = n.to_ascii_lowercase();
        (l.ends_with(".swagger.json") || l.ends_with(".swagger.yaml") || l.contains("apidefin"))
            && l != "apiproperties.json"
    });
    let message = match candidate {
        Some(c) => format!("the connector folder has no `{NAME}`; `{c}` looks like the definition"),
        None => format!("the connector folder has no `{NAME}`"),
    };
    out.push(
        RULE.diagnostic(message)
            .in_file(FileKind::Properties)
            .with_span(Span::new(0, 0))
            .help(format!(
                "save the OpenAPI definition beside apiProperties.json as `{NAME}`"
            )),
    );
}
