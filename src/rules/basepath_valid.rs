use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `basePath` that does not start with `/`, or that has a query, fragment or
    /// spaces.
    ///
    /// ## Why is this bad?
    /// The platform joins host, basePath and path into the request URL; the validator
    /// rejects a basePath that is not an absolute path (BasePathNotValid).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "host": "api.contoso.com", "basePath": "v1", "paths": {} }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "host": "api.contoso.com", "basePath": "/v1", "paths": {} }
    /// ```
    pub static RULE = {
        id: "basepath-valid",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "`basePath` must start with `/`",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let Some(bp) = ctx.root.get("basePath") else {
        return;
    };
    let problem = match bp.as_str() {
        None => Some(format!("`basePath` is {}, not a string", bp.type_name())),
        Some(s) if !s.starts_with('/') => {
            Some(format!("the basePath `{s}` does not start with `/`"))
        }
        Some(s) if s.contains(['?', '#', ' ']) => {
            Some(format!("the basePath `{s}` has a query, fragment or space"))
        }
        Some(_) => None,
    };
    if let Some(message) = problem {
        out.push(
            RULE.diagnostic(message)
                .at("/basePath")
                .help("write the path prefix shared by all operations, starting with `/`, e.g. \"/v1\" (or \"/\")"),
        );
    }
}
