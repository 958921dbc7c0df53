use super::support::swagger::is_webhook;
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;
use crate::syntax::pointer::{join, resolve};

crate::declare_rule! {
    /// ## What it does
    /// Reports a webhook trigger whose path item has no `x-ms-notification-content`, or
    /// one without a `schema`.
    ///
    /// ## Why is this bad?
    /// `x-ms-notification-content` describes the payload the service posts to the flow;
    /// without it the trigger has no outputs. The validator rejects it
    /// (OperationMustHaveNotificationContentExtension, SchemaDefinitionSetIncorrectly).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/hooks": { "post": { "operationId": "OnItemCreated",
    ///     "summary": "When an item is created", "x-ms-trigger": "single",
    ///     "responses": { "201": { "description": "Created" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/hooks": {
    ///     "x-ms-notification-content": { "description": "The new item.",
    ///       "schema": { "type": "object", "properties": { "id": { "type": "string" } } } },
    ///     "post": { "operationId": "OnItemCreated",
    ///       "summary": "When an item is created", "x-ms-trigger": "single",
    ///       "responses": { "201": { "description": "Created" } } } } } }
    /// ```
    pub static RULE = {
        id: "webhook-notification-content",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "a webhook trigger describes its payload in `x-ms-notification-content`",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations() {
        if !is_webhook(ctx, op) {
            continue;
        }
        let item_at = join("/paths", &op.path);
        let Some(item) = resolve(ctx.root, &item_at).map(|t| t.node) else {
            continue;
        };
        match item.get("x-ms-notification-content") {
            None => out.push(
                RULE.diagnostic(format!("webhook trigger {} has no `x-ms-notification-content`", op.name()))
                    .at(&op.pointer)
                    .operation(op.operation_id.as_deref())
                    .help(format!("add \"x-ms-notification-content\": {{ \"description\": …, \"schema\": … }} to the path item `{}`", op.path)),
            ),
            Some(c) if c.get("schema").is_none() => out.push(
                RULE.diagnostic(format!("the `x-ms-notification-content` of {} has no `schema`", op.name()))
                    .at(join(&item_at, "x-ms-notification-content"))
                    .operation(op.operation_id.as_deref())
                    .help("describe the payload the service sends with a \"schema\""),
            ),
            Some(_) => {}
        }
    }
}
