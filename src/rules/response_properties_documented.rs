use super::support::swagger::{Kind, Obj, Place, Role};
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports, once per inline response schema, the properties that have no
    /// `x-ms-summary` or no `description`. (Properties of shared `#/definitions` are not
    /// counted: they may be inputs too.)
    ///
    /// ## Why is this bad?
    /// Microsoft's string guidance: response properties carry `x-ms-summary` (the name of
    /// the dynamic-content token) and `description` (its tooltip). Without them makers see
    /// raw property names such as `crt_dt`.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/tickets": { "get": { "operationId": "ListTickets", "summary": "List tickets",
    ///     "responses": { "200": { "description": "OK", "schema": { "type": "object",
    ///       "properties": { "crt_dt": { "type": "string" } } } } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/tickets": { "get": { "operationId": "ListTickets", "summary": "List tickets",
    ///     "responses": { "200": { "description": "OK", "schema": { "type": "object",
    ///       "properties": { "crt_dt": { "type": "string", "x-ms-summary": "Created On",
    ///         "description": "When the ticket was created." } } } } } } } } }
    /// ```
    pub static RULE = {
        id: "response-properties-documented",
        severity: Info,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/connector-string-guidance",
        summary: "response properties have `x-ms-summary` and `description`",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    // The walk is pre-order: the properties of a response schema follow its root.
    let objs = ctx.objects();
    let mut groups: Vec<(&Obj, Vec<&str>)> = Vec::new();
    for o in objs.iter() {
        if o.kind != Kind::Schema || o.role != Role::Output {
            continue;
        }
        if o.place == Place::ResponseRoot {
            groups.push((o, Vec::new()));
            continue;
        }
        if o.place != Place::Property || o.node.get("$ref").is_some() {
            continue;
        }
        if o.node.get("x-ms-summary").is_some() && o.node.get("description").is_some() {
            continue;
        }
        if let (Some(group), Some(name)) = (groups.last_mut(), objs.last_key(o)) {
            group.1.push(name);
        }
    }
    for (root, undocumented) in groups {
        if undocumented.is_empty() {
            continue;
        }
        let shown: Vec<String> = undocumented
            .iter()
            .take(5)
            .map(|n| format!("`{n}`"))
            .collect();
        let more = if undocumented.len() > 5 {
            format!(" and {} more", undocumented.len() - 5)
        } else {
            String::new()
        };
        out.push(
            RULE.diagnostic(format!(
                "{} response properties lack `x-ms-summary` or `description`: {}{more}",
                undocumented.len(),
                shown.join(", ")
            ))
            .at(objs.pointer(root))
            .help("give each property an \"x-ms-summary\" (Title Case label) and a \"description\" (one sentence)"),
        );
    }
}
