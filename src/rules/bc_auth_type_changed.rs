use crate::diagnostic::Diagnostic;
use crate::diagnostic::FileKind;
use crate::rules::ChangeContext;
use crate::syntax::Node;

crate::declare_rule! {
    /// ## What it does
    /// With a previous version, reports a change of the connector's authentication: the
    /// kinds of `securityDefinitions` (`apiKey`, `basic`, `oauth2`), or, when the previous
    /// apiProperties.json is known, the types of its `connectionParameters`.
    ///
    /// ## Why is this bad?
    /// Microsoft: "Changing the authentication type of your connector in an update isn't
    /// allowed." Every existing connection was made with the old kind of credentials.
    /// Publish a new connector for the new authentication instead.
    ///
    /// ## Previous version
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {},
    ///   "securityDefinitions": { "key": { "type": "apiKey", "in": "header", "name": "X-Key" } } }
    /// ```
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {},
    ///   "securityDefinitions": { "oauth": { "type": "oauth2", "flow": "accessCode",
    ///     "authorizationUrl": "https://login.contoso.com/authorize",
    ///     "tokenUrl": "https://login.contoso.com/token", "scopes": {} } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {},
    ///   "securityDefinitions": { "key": { "type": "apiKey", "in": "header", "name": "X-Key" } } }
    /// ```
    pub static RULE = {
        id: "bc-auth-type-changed",
        severity: Error,
        scope: Change,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-updates",
        summary: "the authentication type changed",
    };
}

/// The sorted, distinct `type`s of the entries of an object (`securityDefinitions`,
/// `connectionParameters`).
fn kinds(node: Option<&Node>) -> Vec<String> {
    let mut out: Vec<String> = node
        .and_then(Node::members)
        .unwrap_or_default()
        .iter()
        .filter_map(|m| m.value.get_str("type").map(str::to_string))
        .collect();
    out.sort();
    out.dedup();
    out
}

fn shown(kinds: &[String]) -> String {
    if kinds.is_empty() {
        "none".to_string()
    } else {
        kinds.join(", ")
    }
}

pub fn check(ctx: &ChangeContext, out: &mut Vec<Diagnostic>) {
    let old = kinds(ctx.previous_root.get("securityDefinitions"));
    let new = kinds(ctx.current.root.get("securityDefinitions"));
    if old != new {
        let at = if ctx.current.root.get("securityDefinitions").is_some() {
            "/securityDefinitions"
        } else {
            ""
        };
        out.push(
            RULE.diagnostic(format!(
                "the security definitions were {} in {} and are {} now",
                shown(&old),
                ctx.source,
                shown(&new)
            ))
            .at(at)
            .help("keep the authentication of the published connector; a different authentication needs a new connector"),
        );
    }
    let connection = |props: Option<&Node>| {
        props
            .and_then(|p| p.get("properties"))
            .and_then(|p| p.get("connectionParameters"))
            .map(|c| kinds(Some(c)))
    };
    let current = ctx.current.connector.properties;
    if let (Some(old), Some(new)) = (connection(ctx.previous_properties), connection(current)) {
        if old != new {
            out.push(
                RULE.diagnostic(format!(
                    "the connection parameters were of type {} in {} and are {} now",
                    shown(&old),
                    ctx.source,
                    shown(&new)
                ))
                .at("/properties/connectionParameters")
                .in_file(FileKind::Properties)
                .help("keep the authentication of the published connector; a different authentication needs a new connector"),
            );
        }
    }
}
