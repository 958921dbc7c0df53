use super::support::swagger::op_node;
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;
use crate::syntax::pointer::join;
use crate::syntax::Node;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `security` requirement (top-level or on an operation) that names no
    /// entry of `securityDefinitions`, gives scopes to a non-OAuth scheme, or names OAuth
    /// scopes the scheme does not declare; and security definitions without the fields
    /// their type needs (`name` and `in` for an API key; `flow`, the URLs and `scopes` for
    /// OAuth 2.0).
    ///
    /// ## Why is this bad?
    /// The platform builds the connection dialog and the token request from these; the
    /// validator rejects inconsistent ones (SecurityRequirementMustBeDefined,
    /// …MustHaveEmptyValue, OAuthSecurityRequirementValueMustBeScopeName,
    /// SecuritySchemePropertyRequired).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {},
    ///   "securityDefinitions": { "api_key": { "type": "apiKey", "in": "header", "name": "X-Api-Key" } },
    ///   "security": [ { "apiKey": [] } ] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {},
    ///   "securityDefinitions": { "api_key": { "type": "apiKey", "in": "header", "name": "X-Api-Key" } },
    ///   "security": [ { "api_key": [] } ] }
    /// ```
    pub static RULE = {
        id: "security-requirement-defined",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "`security` names defined schemes with valid scopes; schemes are complete",
    };
}

fn check_requirements(
    ctx: &DefinitionContext,
    list: &Node,
    at: &str,
    op: Option<&str>,
    out: &mut Vec<Diagnostic>,
) {
    let defs = ctx.root.get("securityDefinitions");
    for (i, req) in list.as_array().unwrap_or_default().iter().enumerate() {
        for m in req.members().unwrap_or_default() {
            let m_at = join(&format!("{at}/{i}"), &m.key);
            let Some(def) = defs.and_then(|d| d.get(&m.key)) else {
                out.push(
                    RULE.diagnostic(format!(
                        "`{}` is not defined in `securityDefinitions`",
                        m.key
                    ))
                    .at(m_at)
                    .operation(op)
                    .help("use the name of a `securityDefinitions` entry"),
                );
                continue;
            };
            let scopes: Vec<&str> = m
                .value
                .as_array()
                .unwrap_or_default()
                .iter()
                .filter_map(Node::as_str)
                .collect();
            if def.get_str("type") == Some("oauth2") {
                let declared = def.get("scopes");
                for s in scopes {
                    if declared.is_some_and(|d| d.get(s).is_none()) {
                        out.push(
                            RULE.diagnostic(format!(
                                "the scope `{s}` is not declared by `{}`",
                                m.key
                            ))
                            .at(&m_at)
                            .operation(op)
                            .help("declare the scope under the scheme's `scopes`, or remove it"),
                        );
                    }
                }
            } else if !scopes.is_empty() {
                out.push(
                    RULE.diagnostic(format!(
                        "`{}` is not OAuth 2.0, so its requirement must be `[]`",
                        m.key
                    ))
                    .at(&m_at)
                    .operation(op)
                    .help("write \"<scheme>\": []"),
                );
            }
        }
    }
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    if let Some(s) = ctx.root.get("security") {
        check_requirements(ctx, s, "/security", None, out);
    }
    for op in ctx.operations() {
        if let Some(s) = op_node(ctx, op).and_then(|n| n.get("security")) {
            check_requirements(
                ctx,
                s,
                &op.pointer_to("security"),
                op.operation_id.as_deref(),
                out,
            );
        }
    }
    let Some(defs) = ctx.root.get("securityDefinitions") else {
        return;
    };
    for m in defs.members().unwrap_or_default() {
        let at = join("/securityDefinitions", &m.key);
        let d = &m.value;
        let needed: &[&str] = match d.get_str("type") {
            Some("apiKey") => &["name", "in"],
            Some("oauth2") => match d.get_str("flow") {
                Some("implicit") => &["authorizationUrl", "scopes"],
                Some("accessCode") => &["authorizationUrl", "tokenUrl", "scopes"],
                Some("password" | "application") => &["tokenUrl", "scopes"],
                _ => &["flow"],
            },
            _ => &[],
        };
        let missing: Vec<String> = needed
            .iter()
            .filter(|k| d.get(k).is_none())
            .map(|k| format!("`{k}`"))
            .collect();
        if !missing.is_empty() {
            out.push(
                RULE.diagnostic(format!("the security definition `{}` has no {}", m.key, missing.join(", ")))
                    .at(&at)
                    .help("complete the scheme: an API key needs `name` and `in`; OAuth 2.0 needs `flow`, its URLs and `scopes`"),
            );
        }
        if d.get_str("type") == Some("apiKey") {
            if let Some(loc) = d.get_str("in").filter(|l| *l != "header" && *l != "query") {
                out.push(
                    RULE.diagnostic(format!("the API key `{}` is sent in `{loc}`", m.key))
                        .at(join(&at, "in"))
                        .help("send the API key in \"header\" or \"query\""),
                );
            }
        }
    }
}
