use crate::diagnostic::Diagnostic;
use crate::model::SpecVersion;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a definition written in OpenAPI 3 (`"openapi": "3.x"`) instead of Swagger
    /// 2.0. (`unknown-spec-version` reports a definition that declares neither.)
    ///
    /// ## Why is this bad?
    /// Power Platform connectors are Swagger 2.0 documents: the validator rejects any other
    /// specification version (SpecificationVersionIncorrect), and the `x-ms-*` extensions
    /// are defined against the Swagger 2.0 grammar.
    ///
    /// ## Example
    /// ```json
    /// { "openapi": "3.0.1", "info": { "title": "Items", "version": "1.0" }, "paths": {} }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Items", "version": "1.0" }, "paths": {} }
    /// ```
    pub static RULE = {
        id: "swagger-version",
        severity: Error,
        scope: Definition,
        custom: Warning,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "connectors are Swagger 2.0 documents, not OpenAPI 3",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    if let SpecVersion::OpenApi3(v) = &ctx.definition.version {
        out.push(
            RULE.diagnostic(format!(
                "the definition is OpenAPI {v}; Power Platform connectors must be Swagger 2.0"
            ))
            .at("/openapi")
            .help("convert the definition to Swagger 2.0 (\"swagger\": \"2.0\", host, basePath, schemes, definitions)"),
        );
    }
}
