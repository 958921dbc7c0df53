use crate::diagnostic::Diagnostic;
use crate::model::deprecation::summary_says_deprecated;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an operation that is hidden with `x-ms-visibility: internal` while its
    /// summary says it is deprecated, but that is not `deprecated: true`.
    ///
    /// ## Why is this bad?
    /// Hiding an operation keeps it out of new flows but tells nobody it is retired:
    /// existing flows show no deprecation notice, and tools do not know it is going away.
    /// Microsoft's lifecycle mentions internal visibility only as a step "during the
    /// process of deprecation".
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/rows": { "get": { "operationId": "GetRows", "summary": "Get rows (deprecated)",
    ///     "x-ms-visibility": "internal", "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/rows": { "get": { "operationId": "GetRows", "summary": "Get rows (deprecated)",
    ///     "deprecated": true, "x-ms-visibility": "internal",
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "internal-not-deprecation",
        severity: Info,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/operational-versioning",
        summary: "a deprecated operation hidden as internal instead of flagged",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations().iter().filter(|o| !o.deprecated) {
        let internal = op
            .visibility
            .as_deref()
            .is_some_and(|v| v.eq_ignore_ascii_case("internal"));
        if internal && op.summary.as_deref().is_some_and(summary_says_deprecated) {
            out.push(
                RULE.diagnostic(format!(
                    "{} is hidden as internal and called deprecated, but not flagged `deprecated`",
                    op.name()
                ))
                .at(op.pointer_to("x-ms-visibility"))
                .operation(op.operation_id.as_deref())
                .help("add \"deprecated\": true so existing flows show the deprecation"),
            );
        }
    }
}
