use super::support::swagger::template_vars;
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;
use crate::syntax::pointer::join;

crate::declare_rule! {
    /// ## What it does
    /// Reports a path parameter whose name is not a variable of the path, and a path
    /// variable (`{id}`) that no path parameter of the operation declares.
    ///
    /// ## Why is this bad?
    /// The platform substitutes path parameters into the template by name; a mismatch
    /// leaves `{id}` in the URL or drops the value. The validator rejects both
    /// (PathParameterNotDefinedInTemplate, OperationMissingPathParameter).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items/{id}": { "get": { "operationId": "GetItem", "summary": "Get item",
    ///     "parameters": [ { "name": "itemId", "in": "path", "type": "string", "required": true } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items/{id}": { "get": { "operationId": "GetItem", "summary": "Get item",
    ///     "parameters": [ { "name": "id", "in": "path", "type": "string", "required": true } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "path-param-in-template",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "path parameters and path template variables match",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations() {
        let vars = template_vars(&op.path);
        for p in op.parameters.iter().filter(|p| p.location == "path") {
            if !vars.contains(&p.name.as_str()) {
                out.push(
                    RULE.diagnostic(format!(
                        "path parameter `{}` of {} is not in the path `{}`",
                        p.name,
                        op.name(),
                        op.path
                    ))
                    .at(&p.usage_pointer)
                    .operation(op.operation_id.as_deref())
                    .help("name the parameter exactly like the `{variable}` in the path, or move it to the query"),
                );
            }
        }
        for v in vars {
            if !op
                .parameters
                .iter()
                .any(|p| p.location == "path" && p.name == v)
            {
                out.push(
                    RULE.diagnostic(format!(
                        "the path variable `{{{v}}}` of {} has no path parameter",
                        op.name()
                    ))
                    .at(join("/paths", &op.path))
                    .operation(op.operation_id.as_deref())
                    .help(format!(
                        "declare {{ \"name\": \"{v}\", \"in\": \"path\", \"required\": true, \"type\": \"string\" }} in the operation's parameters"
                    )),
                );
            }
        }
    }
}
