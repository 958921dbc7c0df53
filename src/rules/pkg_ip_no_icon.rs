use super::support::package::{anchor_file, file_names, is_connector_folder};
use crate::diagnostic::Diagnostic;
use crate::rules::{ConnectorContext, Profile};
use crate::source::Span;

crate::declare_rule! {
    /// ## What it does
    /// Reports an icon file (`icon.png` and the like) in an independent-publisher
    /// connector's folder.
    ///
    /// ## Why is this bad?
    /// Independent-publisher connectors get a generic icon from Microsoft; the pull-request
    /// template asks submitters to confirm they are not submitting one.
    ///
    /// ## Example
    /// `independent-publisher-connectors/Contoso/icon.png`.
    ///
    /// ## Use instead
    /// Remove the icon and keep `iconBrandColor` at `#da3b01`.
    pub static RULE = {
        id: "pkg-ip-no-icon",
        severity: Error,
        scope: Connector,
        source: "https://github.com/microsoft/PowerPlatformConnectors/blob/dev/.github/pull_request_template.md",
        summary: "an independent-publisher connector folder contains an icon",
    };
}

pub fn check(ctx: &ConnectorContext, out: &mut Vec<Diagnostic>) {
    if ctx.profile != Profile::IndependentPublisher {
        return;
    }
    let names = file_names(ctx);
    if !is_connector_folder(&names) {
        return;
    }
    for n in &names {
        let l = n.to_ascii_lowercase();
        let image = [".png", ".jpg", ".jpeg", ".svg", ".ico", ".gif", ".bmp"]
            .iter()
            .any(|e| l.ends_with(e));
        if image && l.contains("icon") {
            out.push(
                RULE.diagnostic(format!(
                    "independent-publisher connectors do not ship an icon, but the folder has `{n}`"
                ))
                .in_file(anchor_file(ctx, &names))
                .with_span(Span::new(0, 0))
                .help("remove the icon file: Microsoft applies the generic independent-publisher icon"),
            );
        }
    }
}
