use crate::diagnostic::Diagnostic;
use crate::diagnostic::FileKind;
use crate::rules::ConnectorContext;

crate::declare_rule! {
    /// ## What it does
    /// For a certification package (a `.zip` named on the command line: `connlint check
    /// package.zip`), reports a package that does not hold, at its root, exactly one
    /// Markdown file, named `intro.md`, and exactly one `.zip` (the solution).
    /// `customProperties.json` may sit beside them (connectors with several kinds of
    /// authentication).
    ///
    /// ## Why is this bad?
    /// Microsoft's submission steps require intro.md in the package, and its package
    /// validator counts exactly one `*.md` and one `*.zip` at the root (policy 5000.1.1.5:
    /// "Package should have three files: a valid CRM package, intro.md, customProperties.json
    /// in case of multi auth"). Anything else bounces at submission.
    ///
    /// ## How to fix
    /// Put intro.md (see `connlint intro`) and the solution zip exported from Power
    /// Platform at the root of the package zip, and nothing else but customProperties.json.
    pub static RULE = {
        id: "pkg-intro-md-present",
        severity: Error,
        scope: Connector,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-policy-errors",
        summary: "a certification package holds intro.md and one solution zip",
    };
}

pub fn check(ctx: &ConnectorContext, out: &mut Vec<Diagnostic>) {
    let Some(entries) = ctx.package else {
        return;
    };
    let lower: Vec<String> = entries.iter().map(|e| e.to_ascii_lowercase()).collect();
    let md: Vec<&String> = lower.iter().filter(|e| e.ends_with(".md")).collect();
    let zips = lower.iter().filter(|e| e.ends_with(".zip")).count();
    let mut report = |message: String, help: &'static str| {
        out.push(
            RULE.diagnostic(message)
                .in_file(FileKind::Package)
                .help(help),
        );
    };
    match md.as_slice() {
        [] => report(
            "the package has no intro.md".into(),
            "add intro.md at the root of the package (connlint intro writes its known-issues section)",
        ),
        [one] if one.as_str() != "intro.md" => report(
            format!("the package's Markdown file is `{one}`, not intro.md"),
            "name the file intro.md, at the root of the package",
        ),
        [_] => {}
        many => report(
            format!(
                "the package holds {} Markdown files; it must hold exactly one, intro.md",
                many.len()
            ),
            "keep only intro.md at the root of the package",
        ),
    }
    if zips != 1 {
        report(
            format!("the package holds {zips} .zip files; it must hold exactly one, the solution"),
            "put the solution zip exported from Power Platform at the root of the package, and no other zip",
        );
    }
}
