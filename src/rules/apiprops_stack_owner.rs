use super::apiprops_publisher::is_placeholder;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::FileKind;
use crate::rules::{ConnectorContext, Profile};
use crate::syntax::pointer::join;

crate::declare_rule! {
    /// ## What it does
    /// Reports a certified or independent-publisher connector without
    /// `properties.stackOwner` in `apiProperties.json` (also when it is written in another
    /// case, such as `stackowner`), or with the template's placeholder text.
    ///
    /// ## Why is this bad?
    /// The stack owner is the company that runs the service the connector calls; Microsoft
    /// requires it (submission guide, Step 3a) and contacts it about the service. A key in
    /// the wrong case is not read.
    ///
    /// ## Example
    /// ```text
    /// { "properties": { "iconBrandColor": "#da3b01", "publisher": "Jane Doe" } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// { "properties": { "iconBrandColor": "#da3b01", "publisher": "Jane Doe", "stackOwner": "Contoso Ltd" } }
    /// ```
    pub static RULE = {
        id: "apiprops-stack-owner",
        severity: Error,
        scope: Connector,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission",
        summary: "`stackOwner` is set in apiProperties.json",
    };
}

const HELP: &str =
    "write the name of the company that owns the service the connector calls, as \"stackOwner\"";

pub fn check(ctx: &ConnectorContext, out: &mut Vec<Diagnostic>) {
    if ctx.profile == Profile::Custom {
        return;
    }
    let Some(props) = ctx.properties.and_then(|r| r.get("properties")) else {
        return;
    };
    match props.get("stackOwner") {
        Some(v) => {
            if let Some(s) = v.as_str().filter(|s| is_placeholder(s)) {
                out.push(
                    RULE.diagnostic(format!("`stackOwner` is the placeholder `{s}`"))
                        .in_file(FileKind::Properties)
                        .at("/properties/stackOwner")
                        .help(HELP),
                );
            }
        }
        None => {
            let wrong = props
                .members()
                .unwrap_or_default()
                .iter()
                .find(|m| m.key.eq_ignore_ascii_case("stackOwner"));
            let d = match wrong {
                Some(m) => RULE
                    .diagnostic(format!("`{}` should be written `stackOwner`", m.key))
                    .at(join("/properties", &m.key)),
                None => RULE
                    .diagnostic("apiProperties.json has no `stackOwner`")
                    .at("/properties"),
            };
            out.push(d.in_file(FileKind::Properties).help(HELP));
        }
    }
}
