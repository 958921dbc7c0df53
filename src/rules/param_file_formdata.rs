use super::support::swagger::{consumes, Kind, Place};
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;
use crate::syntax::pointer::join;

crate::declare_rule! {
    /// ## What it does
    /// Reports `type: file` on a parameter that is not `in: formData`, a formData parameter
    /// whose name is not ASCII, a `format: binary` string nested inside a request schema
    /// (it is only supported as the whole body), and a binary formData field in an
    /// operation that consumes `application/x-www-form-urlencoded`.
    ///
    /// ## Why is this bad?
    /// Files travel as multipart form fields or as the whole body; the validator rejects
    /// the other forms (FileParameterMustBeInFormData, InvalidFormDataParameterName,
    /// InvalidStringBinaryProperty, StringBinaryNotSupportedForFormUrlEncoded).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/files": { "post": { "operationId": "UploadFile", "summary": "Upload file",
    ///     "parameters": [ { "name": "file", "in": "query", "type": "file" } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/files": { "post": { "operationId": "UploadFile", "summary": "Upload file",
    ///     "consumes": ["multipart/form-data"],
    ///     "parameters": [ { "name": "file", "in": "formData", "type": "file" } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "param-file-formdata",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "files only as formData or a whole binary body",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let walk = ctx.objects();
    for obj in walk.iter() {
        match obj.kind {
            Kind::Parameter => {
                let name = obj.node.get_str("name").unwrap_or_default();
                if obj.node.get_str("type") == Some("file") && obj.location != Some("formData") {
                    out.push(
                        RULE.diagnostic(format!(
                            "parameter `{name}` is a file but is not in formData"
                        ))
                        .at(join(&walk.pointer(obj), "type"))
                        .help("send files as \"in\": \"formData\" with \"consumes\": [\"multipart/form-data\"], or as a body whose schema is a binary string"),
                    );
                }
                if obj.location == Some("formData") && !name.is_ascii() {
                    out.push(
                        RULE.diagnostic(format!(
                            "formData parameter `{name}` has a non-ASCII name"
                        ))
                        .at(join(&walk.pointer(obj), "name"))
                        .help("use ASCII letters, digits, `-` and `_` in form field names"),
                    );
                }
            }
            Kind::Schema
                if obj.role == super::support::swagger::Role::Input
                    && obj.place != Place::BodyRoot
                    && obj.node.get_str("format") == Some("binary")
                    && obj.node.get_str("type") == Some("string") =>
            {
                out.push(
                    RULE.diagnostic("a binary string is nested inside the request schema")
                        .at(join(&walk.pointer(obj), "format"))
                        .help("send binary content as the whole body (schema: type string, format binary) or as a formData file; inside JSON, use format byte (base64)"),
                );
            }
            _ => {}
        }
    }
    for op in ctx.operations() {
        let urlencoded = consumes(ctx, op)
            .iter()
            .all(|c| c.starts_with("application/x-www-form-urlencoded"));
        if !urlencoded || consumes(ctx, op).is_empty() {
            continue;
        }
        for p in op.parameters.iter().filter(|p| p.location == "formData") {
            if p.type_name.as_deref() == Some("file") || p.format.as_deref() == Some("binary") {
                out.push(
                    RULE.diagnostic(format!(
                        "binary formData parameter `{}` of {} cannot be sent url-encoded",
                        p.name,
                        op.name()
                    ))
                    .at(&p.usage_pointer)
                    .operation(op.operation_id.as_deref())
                    .help("consume \"multipart/form-data\" to upload files"),
                );
            }
        }
    }
}
