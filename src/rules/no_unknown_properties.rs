use super::support::swagger::Kind;
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;
use crate::syntax::pointer::join;

crate::declare_rule! {
    /// ## What it does
    /// Reports a key that the Swagger 2.0 grammar does not define at that place and that
    /// is not an extension (`x-…`): for example `scriptOperations` at the top of the
    /// definition, `nullable` or `oneOf` in a schema, `example` on a parameter.
    ///
    /// ## Why is this bad?
    /// The validator rejects them: "The property 'scriptOperations' is not valid. If this
    /// property is an extension, its name must begin with "x-"" (ExtensionNameNotValid,
    /// AdditionalPropertyNotAllowed). Often they are settings put in the wrong file or
    /// OpenAPI 3 keywords that Swagger 2.0 does not have.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {},
    ///   "scriptOperations": ["ListItems"] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {} }
    /// ```
    pub static RULE = {
        id: "no-unknown-properties",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "keys outside the Swagger 2.0 grammar must be `x-` extensions",
    };
}

const ROOT: &[&str] = &[
    "swagger",
    "info",
    "host",
    "basePath",
    "schemes",
    "consumes",
    "produces",
    "paths",
    "definitions",
    "parameters",
    "responses",
    "securityDefinitions",
    "security",
    "tags",
    "externalDocs",
];
const INFO: &[&str] = &[
    "title",
    "description",
    "termsOfService",
    "contact",
    "license",
    "version",
];
const CONTACT: &[&str] = &["name", "url", "email"];
const LICENSE: &[&str] = &["name", "url"];
const TAG: &[&str] = &["name", "description", "externalDocs"];
const EXTERNAL_DOCS: &[&str] = &["description", "url"];
const PATH_ITEM: &[&str] = &[
    "$ref",
    "get",
    "put",
    "post",
    "delete",
    "options",
    "head",
    "patch",
    "parameters",
];
const OPERATION: &[&str] = &[
    "tags",
    "summary",
    "description",
    "externalDocs",
    "operationId",
    "consumes",
    "produces",
    "parameters",
    "responses",
    "schemes",
    "deprecated",
    "security",
];
const BODY_PARAMETER: &[&str] = &["name", "in", "description", "required", "schema"];
const PARAMETER: &[&str] = &[
    "name",
    "in",
    "description",
    "required",
    "type",
    "format",
    "allowEmptyValue",
    "items",
    "collectionFormat",
    "default",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "enum",
    "multipleOf",
];
const ITEMS: &[&str] = &[
    "type",
    "format",
    "items",
    "collectionFormat",
    "default",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "enum",
    "multipleOf",
];
const HEADER: &[&str] = &[
    "description",
    "type",
    "format",
    "items",
    "collectionFormat",
    "default",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "enum",
    "multipleOf",
];
const RESPONSE: &[&str] = &["description", "schema", "headers", "examples"];
const SCHEMA: &[&str] = &[
    "$ref",
    "format",
    "title",
    "description",
    "default",
    "multipleOf",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "maxProperties",
    "minProperties",
    "required",
    "enum",
    "type",
    "items",
    "allOf",
    "properties",
    "additionalProperties",
    "discriminator",
    "readOnly",
    "xml",
    "externalDocs",
    "example",
];
const SECURITY_SCHEME: &[&str] = &[
    "type",
    "description",
    "name",
    "in",
    "flow",
    "authorizationUrl",
    "tokenUrl",
    "scopes",
];
const XML: &[&str] = &["name", "namespace", "prefix", "attribute", "wrapped"];

/// The keys the grammar allows on an object of this kind (besides `x-` extensions).
pub fn allowed(kind: Kind, in_body: bool) -> &'static [&'static str] {
    match kind {
        Kind::Root => ROOT,
        Kind::Info => INFO,
        Kind::Contact => CONTACT,
        Kind::License => LICENSE,
        Kind::Tag => TAG,
        Kind::ExternalDocs => EXTERNAL_DOCS,
        Kind::PathItem => PATH_ITEM,
        Kind::Operation => OPERATION,
        Kind::Parameter if in_body => BODY_PARAMETER,
        Kind::Parameter => PARAMETER,
        Kind::Items => ITEMS,
        Kind::Header => HEADER,
        Kind::Response => RESPONSE,
        Kind::Schema => SCHEMA,
        Kind::SecurityScheme => SECURITY_SCHEME,
        Kind::Xml => XML,
    }
}

/// Keys of apiProperties.json or OpenAPI 3 that people put in the definition by mistake.
fn hint(key: &str) -> &'static str {
    match key {
        "scriptOperations"
        | "connectionParameters"
        | "policyTemplateInstances"
        | "iconBrandColor"
        | "publisher"
        | "stackOwner"
        | "capabilities" => "; it belongs in apiProperties.json",
        "nullable" | "oneOf" | "anyOf" | "not" | "examples" | "servers" | "components"
        | "requestBody" | "content" | "const" | "deprecated" | "writeOnly" => {
            "; it is an OpenAPI 3 or JSON Schema keyword Swagger 2.0 does not have"
        }
        _ => "",
    }
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let walk = ctx.objects();
    for obj in walk.iter() {
        if obj.kind == Kind::Schema && obj.node.get("$ref").is_some() {
            // `$ref` siblings are `ref-valid`'s concern.
            continue;
        }
        let in_body = obj.node.get_str("in") == Some("body");
        let allowed = allowed(obj.kind, in_body);
        for m in obj.node.members().unwrap_or_default() {
            let k = m.key.as_str();
            if k.starts_with("x-") || k.starts_with("X-") || allowed.contains(&k) {
                continue;
            }
            if obj.kind == Kind::Root && k == "openapi" {
                continue;
            }
            out.push(
                RULE.diagnostic(format!(
                    "`{k}` is not a property of {}{}",
                    obj.kind.noun(),
                    hint(k)
                ))
                .at(join(&walk.pointer(obj), k))
                .help(
                    "remove it; if it is your own extension, give it a name that begins with `x-`",
                ),
            );
        }
    }
}
