use super::support::swagger::is_swagger2;
use crate::diagnostic::Diagnostic;
use crate::model::ResponseCode;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a key of `responses` that is neither a three-digit HTTP status code (100 to
    /// 599) nor `default`.
    ///
    /// ## Why is this bad?
    /// The validator rejects it (ResponseMustBeDefaultOrHttpStatusCode). Swagger 2.0 has
    /// no ranges such as `2XX`.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "responses": { "OK": { "description": "The items." } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "responses": { "200": { "description": "The items." } } } } } }
    /// ```
    pub static RULE = {
        id: "response-code-valid",
        severity: Error,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "response keys are HTTP status codes or `default`",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let swagger = is_swagger2(ctx);
    for op in ctx.operations() {
        let Some(r) = &op.responses else { continue };
        for e in &r.entries {
            let key = crate::syntax::pointer::tokens(&e.pointer)
                .last()
                .unwrap_or_default();
            let bad = match &e.code {
                ResponseCode::Invalid(_) => true,
                ResponseCode::Range(_) => swagger,
                _ => false,
            };
            if bad {
                out.push(
                    RULE.diagnostic(format!(
                        "`{key}` in the responses of {} is not an HTTP status code",
                        op.name()
                    ))
                    .at(&e.pointer)
                    .operation(op.operation_id.as_deref())
                    .help("key each response by its three-digit status code, e.g. \"200\" or \"404\", or use \"default\""),
                );
            }
        }
    }
}
