use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an `x-ms-api-annotation.status` (on `info` or an operation) that is neither
    /// `Preview` nor `Production`, in any case. Values in the wrong case (`production`) are
    /// reported by `extension-value-case`.
    ///
    /// ## Why is this bad?
    /// The status drives the "Preview" badge in the designer; the schema allows only the
    /// two values.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0",
    ///   "x-ms-api-annotation": { "status": "Beta" } }, "paths": {} }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0",
    ///   "x-ms-api-annotation": { "status": "Preview" } }, "paths": {} }
    /// ```
    pub static RULE = {
        id: "api-status-valid",
        severity: Error,
        scope: Definition,
        source: "https://github.com/microsoft/PowerPlatformConnectors/blob/dev/schemas/apiDefinition.swagger.schema.json",
        summary: "`x-ms-api-annotation.status` is `Preview` or `Production`",
    };
}

fn check_one(
    node: Option<&crate::syntax::Node>,
    at: String,
    op: Option<&str>,
    out: &mut Vec<Diagnostic>,
) {
    let Some(status) = node.and_then(|a| a.get("status")) else {
        return;
    };
    let ok = status
        .as_str()
        .is_some_and(|s| s.eq_ignore_ascii_case("preview") || s.eq_ignore_ascii_case("production"));
    if !ok {
        let shown = status
            .as_str()
            .map(|s| format!("`{s}`"))
            .unwrap_or_else(|| status.type_name().to_string());
        out.push(
            RULE.diagnostic(format!(
                "the status {shown} is not `Preview` or `Production`"
            ))
            .at(at)
            .operation(op)
            .help("write \"status\": \"Preview\" or \"status\": \"Production\""),
        );
    }
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    check_one(
        ctx.root
            .get("info")
            .and_then(|i| i.get("x-ms-api-annotation")),
        "/info/x-ms-api-annotation/status".into(),
        None,
        out,
    );
    for op in ctx.operations() {
        if let Some(a) = &op.annotation {
            let node = crate::syntax::pointer::resolve(ctx.root, &a.pointer).map(|t| t.node);
            check_one(
                node,
                format!("{}/status", a.pointer),
                op.operation_id.as_deref(),
                out,
            );
        }
    }
}
