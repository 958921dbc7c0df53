use super::support::swagger::{body_schema, deref, is_internal, is_webhook, op_node, properties};
use crate::diagnostic::Diagnostic;
use crate::model::Operation;
use crate::rules::DefinitionContext;
use crate::syntax::Node;

crate::declare_rule! {
    /// ## What it does
    /// Checks a webhook trigger's registration request: one property of its body (or one
    /// parameter) must carry `x-ms-notification-url: true`, be a string, be listed in
    /// `required` at every level of the body schema, and be `internal` (itself or through
    /// an ancestor). Whether the body parameter itself is required is not checked: many
    /// deployed webhooks leave it optional.
    ///
    /// ## Why is this bad?
    /// The platform puts the flow's callback URL into that field when the trigger is
    /// registered; if it is missing, optional or visible, the service never learns where
    /// to send events, or makers are asked for a URL they cannot know. The validator
    /// rejects each case (WebhookOperationsMissingNotificationUrlProperty,
    /// NotificationUrlNotString, NotificationUrlNotRequired, NotificationUrlNotInternal).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/hooks": {
    ///     "x-ms-notification-content": { "schema": { "type": "object" } },
    ///     "post": { "operationId": "OnItemCreated", "summary": "When an item is created",
    ///       "x-ms-trigger": "single",
    ///       "parameters": [ { "name": "body", "in": "body", "required": true, "schema": {
    ///         "type": "object", "properties": { "callbackUrl": { "type": "string",
    ///           "x-ms-notification-url": true } } } } ],
    ///       "responses": { "201": { "description": "Created" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/hooks": {
    ///     "x-ms-notification-content": { "schema": { "type": "object" } },
    ///     "post": { "operationId": "OnItemCreated", "summary": "When an item is created",
    ///       "x-ms-trigger": "single",
    ///       "parameters": [ { "name": "body", "in": "body", "required": true, "schema": {
    ///         "type": "object", "required": ["callbackUrl"], "properties": { "callbackUrl": {
    ///           "type": "string", "x-ms-notification-url": true, "x-ms-visibility": "internal" } } } } ],
    ///       "responses": { "201": { "description": "Created" } } } } } }
    /// ```
    pub static RULE = {
        id: "webhook-notification-url",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "a webhook trigger has an internal, required string `x-ms-notification-url` property",
    };
}

struct Found<'a> {
    node: &'a Node,
    pointer: String,
    required_chain: bool,
    internal_chain: bool,
}

fn search<'a>(
    root: &'a Node,
    schema: &'a Node,
    at: &str,
    required: bool,
    internal: bool,
    depth: usize,
    out: &mut Option<Found<'a>>,
) {
    if depth > 12 || out.is_some() {
        return;
    }
    let Some((schema, at)) = deref(root, schema, at) else {
        return;
    };
    let req: Vec<&str> = schema
        .get("required")
        .and_then(Node::as_array)
        .map(|a| a.iter().filter_map(Node::as_str).collect())
        .unwrap_or_default();
    for (name, prop, p_at) in properties(root, schema, &at) {
        let resolved = deref(root, prop, &p_at).map(|(n, _)| n).unwrap_or(prop);
        let r = required && req.contains(&name);
        let i = internal || is_internal(prop) || is_internal(resolved);
        let flagged = prop
            .get("x-ms-notification-url")
            .or_else(|| resolved.get("x-ms-notification-url"));
        if flagged.is_some_and(|f| f.as_bool() == Some(true) || f.as_str() == Some("true")) {
            *out = Some(Found {
                node: resolved,
                pointer: p_at,
                required_chain: r,
                internal_chain: i,
            });
            return;
        }
        search(root, prop, &p_at, r, i, depth + 1, out);
    }
}

fn check_op(ctx: &DefinitionContext, op: &Operation, out: &mut Vec<Diagnostic>) {
    // A parameter may carry the URL (e.g. in the query).
    for p in &op.parameters {
        let node = super::support::swagger::param_node(ctx, p);
        if node.and_then(|n| n.get("x-ms-notification-url")).is_some() {
            return;
        }
    }
    let mut found = None;
    if let Some((schema, at)) = body_schema(ctx, op) {
        let body_internal = op.parameters.iter().any(|p| {
            p.location == "body"
                && p.visibility
                    .as_deref()
                    .is_some_and(|v| v.eq_ignore_ascii_case("internal"))
        });
        search(
            ctx.root,
            schema,
            &at,
            true,
            body_internal || is_internal(schema),
            0,
            &mut found,
        );
    }
    let Some(f) = found else {
        out.push(
            RULE.diagnostic(format!("webhook trigger {} has no property marked `x-ms-notification-url`", op.name()))
                .at(&op.pointer)
                .operation(op.operation_id.as_deref())
                .help("mark the callback URL property of the registration body with \"x-ms-notification-url\": true, \"x-ms-visibility\": \"internal\", and make it required"),
        );
        return;
    };
    let mut problems = Vec::new();
    if f.node.get_str("type").is_some_and(|t| t != "string") {
        problems.push("is not a string");
    }
    if !f.required_chain {
        problems.push("is not required at every level");
    }
    if !f.internal_chain {
        problems.push("is not internal");
    }
    if !problems.is_empty() {
        out.push(
            RULE.diagnostic(format!(
                "the notification URL property of {} {}",
                op.name(),
                problems.join(", ")
            ))
            .at(&f.pointer)
            .operation(op.operation_id.as_deref())
            .help("make it \"type\": \"string\" with \"x-ms-visibility\": \"internal\", and list it (and each parent object) in `required`"),
        );
    }
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations() {
        if is_webhook(ctx, op) && op_node(ctx, op).is_some() {
            check_op(ctx, op, out);
        }
    }
}
