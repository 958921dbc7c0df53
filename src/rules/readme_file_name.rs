use super::support::package::file_names;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::FileKind;
use crate::rules::ConnectorContext;
use crate::source::Span;

crate::declare_rule! {
    /// ## What it does
    /// Reports a readme named in another case than `readme.md` (`README.md`,
    /// `Readme.md`, …).
    ///
    /// ## Why is this bad?
    /// The repository's instructions and the templates use `readme.md`; tools on
    /// case-sensitive file systems look for that name. Deployed connectors use nine
    /// casings, so this is only a hint.
    ///
    /// ## Example
    /// ```text
    /// certified-connectors/Contoso/README.md
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// certified-connectors/Contoso/readme.md
    /// ```
    pub static RULE = {
        id: "readme-file-name",
        severity: Info,
        scope: Connector,
        source: "https://github.com/microsoft/PowerPlatformConnectors/blob/dev/README.md",
        summary: "the readme is named `readme.md`",
    };
}

pub fn check(ctx: &ConnectorContext, out: &mut Vec<Diagnostic>) {
    if !ctx.docs.iter().any(|d| d.kind == FileKind::Readme) {
        return;
    }
    let names = file_names(ctx);
    if names.iter().any(|n| n == "readme.md") {
        return;
    }
    if let Some(n) = names.iter().find(|n| n.eq_ignore_ascii_case("readme.md")) {
        out.push(
            RULE.diagnostic(format!("the readme is named `{n}`, not `readme.md`"))
                .in_file(FileKind::Readme)
                .with_span(Span::new(0, 0))
                .help("rename the file to `readme.md` (with `git mv` on case-insensitive file systems)"),
        );
    }
}
