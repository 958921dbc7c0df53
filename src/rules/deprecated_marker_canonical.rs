use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a deprecated operation whose summary marks the deprecation in another form
    /// than a trailing ` (deprecated)`: `[DEPRECATED]`, `DEPRECATED:`, `Deprecated - `,
    /// `(DEPRECATED)`.
    ///
    /// ## Why is this bad?
    /// Microsoft's example is `"summary": "Get rows (deprecated)"`; one form across
    /// connectors reads better in the designer and lets tools find deprecated operations.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/rows": { "get": { "operationId": "GetRows", "summary": "[DEPRECATED] Get rows",
    ///     "deprecated": true, "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/rows": { "get": { "operationId": "GetRows", "summary": "Get rows (deprecated)",
    ///     "deprecated": true, "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "deprecated-marker-canonical",
        severity: Info,
        scope: Definition,
        summary: "the deprecation marker is a trailing ` (deprecated)`",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations().iter().filter(|o| o.deprecated) {
        let Some(s) = op.summary.as_deref() else {
            continue;
        };
        let lower = s.to_lowercase();
        if !lower.contains("deprecat") || s.trim_end().ends_with(" (deprecated)") {
            continue;
        }
        let base = s
            .replace("[DEPRECATED]", "")
            .replace("(DEPRECATED)", "")
            .replace("(Deprecated)", "")
            .trim()
            .trim_start_matches(|c: char| c.is_alphabetic() && "DEPRECATEDdeprecated".contains(c))
            .trim_start_matches([':', '-', ' '])
            .trim_end_matches(['-', ' '])
            .to_string();
        let base = if base.to_lowercase().ends_with("deprecated") {
            base[..base.len() - "deprecated".len()]
                .trim_end_matches([' ', '-'])
                .to_string()
        } else {
            base
        };
        out.push(
            RULE.diagnostic(format!(
                "the summary `{s}` marks the deprecation in a non-standard form"
            ))
            .at(op.pointer_to("summary"))
            .operation(op.operation_id.as_deref())
            .help(format!("write \"{base} (deprecated)\"")),
        );
    }
}
