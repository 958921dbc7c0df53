use super::support::swagger::{is_webhook, op_node};
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;
use crate::syntax::pointer::join;

crate::declare_rule! {
    /// ## What it does
    /// Reports `x-ms-notification` on an operation that is not a trigger or that is itself
    /// a webhook, and an `x-ms-notification.operationId` that does not name a webhook
    /// trigger of the definition.
    ///
    /// ## Why is this bad?
    /// `x-ms-notification` links a trigger to the webhook operation that delivers its
    /// events; anywhere else it has no meaning, and the validator rejects it
    /// (NotificationExtensionSupportedForTriggerOnly,
    /// NotificationExtensionNotSupportedInWebhookOperation, NotificationOperationMustBeWebhook).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "x-ms-notification": { "operationId": "OnItemCreated" },
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "x-ms-notification-usage",
        severity: Error,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "`x-ms-notification` only on triggers, pointing to a webhook",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations() {
        let Some(n) = op_node(ctx, op).and_then(|n| n.get("x-ms-notification")) else {
            continue;
        };
        let at = op.pointer_to("x-ms-notification");
        if op.trigger.is_none() {
            out.push(
                RULE.diagnostic(format!(
                    "`x-ms-notification` on {}, which is not a trigger",
                    op.name()
                ))
                .at(&at)
                .operation(op.operation_id.as_deref())
                .help("remove it, or make the operation a trigger with x-ms-trigger"),
            );
            continue;
        }
        if is_webhook(ctx, op) {
            out.push(
                RULE.diagnostic(format!("`x-ms-notification` on the webhook operation {}", op.name()))
                    .at(&at)
                    .operation(op.operation_id.as_deref())
                    .help("put `x-ms-notification` on the trigger that the webhook delivers to, not on the webhook"),
            );
            continue;
        }
        if let Some(id) = n.get_str("operationId") {
            let target = ctx
                .operations()
                .iter()
                .find(|o| o.operation_id.as_deref() == Some(id));
            if !target.is_some_and(|t| is_webhook(ctx, t)) {
                out.push(
                    RULE.diagnostic(format!(
                        "`x-ms-notification` of {} names `{id}`, which is not a webhook trigger",
                        op.name()
                    ))
                    .at(join(&at, "operationId"))
                    .operation(op.operation_id.as_deref())
                    .help("name the webhook registration operation of this connector"),
                );
            }
        }
    }
}
