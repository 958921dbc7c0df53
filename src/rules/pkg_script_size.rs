use super::support::package::{anchor_file, file_names};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::FileKind;
use crate::rules::ConnectorContext;
use crate::source::Span;

crate::declare_rule! {
    /// ## What it does
    /// Reports a custom-code file (`script.csx`) larger than 1 MB.
    ///
    /// ## Why is this bad?
    /// Microsoft: "the size of your script file can't be more than 1 MB"; a larger script
    /// is rejected when the connector is created or updated.
    ///
    /// ## Example
    /// A `script.csx` of 1.3 MB, e.g. with an embedded data table.
    ///
    /// ## Use instead
    /// Keep the script small: move data to the service, and remember that custom code
    /// must also finish within 5 seconds.
    pub static RULE = {
        id: "pkg-script-size",
        severity: Error,
        scope: Connector,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/write-code",
        summary: "`script.csx` is larger than 1 MB",
    };
}

const LIMIT: u64 = 1024 * 1024;

pub fn check(ctx: &ConnectorContext, out: &mut Vec<Diagnostic>) {
    let names = file_names(ctx);
    for f in ctx
        .files
        .iter()
        .filter(|f| f.name.eq_ignore_ascii_case("script.csx"))
    {
        let (n, Some(size)) = (&f.name, f.size) else {
            continue;
        };
        if size > LIMIT {
            let mut d = RULE
                .diagnostic(format!(
                    "`{n}` is {:.2} MB; custom code is limited to 1 MB",
                    size as f64 / LIMIT as f64
                ))
                .help("shrink the script: move data and logic to the service; custom code must also finish within 5 seconds");
            let scripted = ctx
                .properties
                .and_then(|p| p.get("properties"))
                .and_then(|p| p.get("scriptOperations"))
                .is_some();
            d = if scripted {
                d.in_file(FileKind::Properties)
                    .at("/properties/scriptOperations")
            } else {
                d.in_file(anchor_file(ctx, &names))
                    .with_span(Span::new(0, 0))
            };
            out.push(d);
        }
    }
}
