use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an operation with more than one 2xx response that has a schema.
    ///
    /// ## Why is this bad?
    /// The designer builds the action's outputs from one success schema; the validator
    /// warns (OperationHasManyResponsesWithSchema) because the others are ignored.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "post": { "operationId": "CreateItem", "summary": "Create item",
    ///     "responses": {
    ///       "200": { "description": "Updated.", "schema": { "type": "object", "properties": { "id": { "type": "string" } } } },
    ///       "201": { "description": "Created.", "schema": { "type": "object", "properties": { "id": { "type": "string" } } } } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "post": { "operationId": "CreateItem", "summary": "Create item",
    ///     "responses": {
    ///       "201": { "description": "Created.", "schema": { "type": "object", "properties": { "id": { "type": "string" } } } } } } } } }
    /// ```
    pub static RULE = {
        id: "response-single-schema",
        severity: Warning,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "more than one success response has a schema",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations() {
        let Some(r) = &op.responses else { continue };
        let with: Vec<_> = r
            .entries
            .iter()
            .filter(|e| e.code.class() == Some(2) && e.has_schema)
            .collect();
        if with.len() > 1 {
            let keys: Vec<String> = with
                .iter()
                .map(|e| {
                    format!(
                        "`{}`",
                        crate::syntax::pointer::tokens(&e.pointer)
                            .last()
                            .unwrap_or_default()
                    )
                })
                .collect();
            out.push(
                RULE.diagnostic(format!(
                    "{} success responses of {} have a schema ({})",
                    with.len(),
                    op.name(),
                    keys.join(", ")
                ))
                .at(&with[1].pointer)
                .operation(op.operation_id.as_deref())
                .help("keep the schema on the main success response only; the designer uses one"),
            );
        }
    }
}
