use super::support::swagger::is_swagger2;
use crate::diagnostic::{Applicability, Diagnostic};
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an `x-ms-visibility` value or an `x-ms-api-annotation.status` value written
    /// in another case than the canonical one: `Advanced` for `advanced`, `production` for
    /// `Production`.
    ///
    /// ## Why is this bad?
    /// The schema's enums are case-sensitive. The platform evidently accepts other cases
    /// (deployed connectors use them), but other tools may not; the canonical form is
    /// free.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/rows": { "get": { "operationId": "GetRows", "summary": "Get rows",
    ///     "x-ms-visibility": "Advanced", "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/rows": { "get": { "operationId": "GetRows", "summary": "Get rows",
    ///     "x-ms-visibility": "advanced", "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "extension-value-case",
        severity: Warning,
        scope: Definition,
        fix: Safe,
        source: "https://github.com/microsoft/PowerPlatformConnectors/blob/dev/schemas/apiDefinition.swagger.schema.json",
        summary: "`x-ms-visibility` and `status` values in canonical case",
    };
}

fn report(
    ctx: &DefinitionContext,
    value: &str,
    canonical: &[&str],
    at: String,
    out: &mut Vec<Diagnostic>,
) {
    if canonical.contains(&value) {
        return;
    }
    if let Some(c) = canonical
        .iter()
        .find(|c| c.eq_ignore_ascii_case(value.trim()))
    {
        let fix = ctx.replace_string_fix(&at, c, Applicability::Safe);
        out.push(
            RULE.diagnostic(format!("`{value}` should be written `{c}`"))
                .at(at)
                .help(format!("write \"{c}\""))
                .fix(fix),
        );
    }
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    if is_swagger2(ctx) {
        for e in ctx.definition.extensions.iter().filter(|e| {
            e.name == "x-ms-visibility" && !e.pointer.ends_with("/properties/x-ms-visibility")
        }) {
            let value =
                crate::syntax::pointer::resolve(ctx.root, &e.pointer).and_then(|t| t.node.as_str());
            if let Some(v) = value {
                report(
                    ctx,
                    v,
                    &super::visibility_value::VALUES,
                    e.pointer.clone(),
                    out,
                );
            }
        }
    }
    if let Some(s) = ctx
        .root
        .get("info")
        .and_then(|i| i.get("x-ms-api-annotation"))
        .and_then(|a| a.get_str("status"))
    {
        report(
            ctx,
            s,
            &["Preview", "Production"],
            "/info/x-ms-api-annotation/status".into(),
            out,
        );
    }
    for op in ctx.operations() {
        if let Some(a) = &op.annotation {
            if let Some(s) = &a.status {
                report(
                    ctx,
                    s,
                    &["Preview", "Production"],
                    format!("{}/status", a.pointer),
                    out,
                );
            }
        }
    }
}
