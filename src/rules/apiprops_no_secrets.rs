use crate::diagnostic::FileKind;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::ConnectorContext;
use crate::syntax::pointer::join;
use crate::syntax::Node;

crate::declare_rule! {
    /// ## What it does
    /// Reports secrets in `apiProperties.json`: an OAuth `clientSecret` that is not a
    /// placeholder, a default value for a `securestring` connection parameter, and a
    /// policy that sets an authentication header or query parameter to a literal value.
    /// An OAuth `clientId` that looks real (a GUID or a long random string) is a warning:
    /// it is not secret, but the README asks for placeholders.
    ///
    /// ## Why is this bad?
    /// The repository is public. The README: the file must not contain "any sensitive or
    /// specific information, for example client ids or client secrets"; Microsoft fills in
    /// its own app registration when it deploys the connector.
    ///
    /// ## Example
    /// ```text
    /// "oAuthSettings": { "identityProvider": "oauth2", "clientId": "contoso-app", "clientSecret": "p4ssw0rd-8d1f…" }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// "oAuthSettings": { "identityProvider": "oauth2", "clientId": "[[DUMMY]]" }
    /// ```
    pub static RULE = {
        id: "apiprops-no-secrets",
        severity: Error,
        scope: Connector,
        source: "https://github.com/microsoft/PowerPlatformConnectors/blob/dev/README.md",
        summary: "no client secrets, keys or real client ids in apiProperties.json",
    };
}

/// Whether a value is a placeholder rather than a real credential.
pub fn is_placeholder(s: &str) -> bool {
    let l = s.trim().to_ascii_lowercase();
    l.is_empty()
        || l.len() < 6
        || l.contains("dummy")
        || l.contains("placeholder")
        || l.contains("your")
        || l.contains("enter")
        || l.contains("test")
        || l.contains("example")
        || l.contains("secret")
        || l.contains("client")
        || l.contains("value")
        || l.starts_with(['<', '[', '{', '*', '@', '$'])
        || l.chars()
            .all(|c| c == 'x' || c == '*' || c == '-' || c == '0')
}

fn looks_real_id(s: &str) -> bool {
    let t = s.trim();
    if is_placeholder(t) {
        return false;
    }
    let guid = t.len() == 36
        && t.chars().enumerate().all(|(i, c)| {
            if [8, 13, 18, 23].contains(&i) {
                c == '-'
            } else {
                c.is_ascii_hexdigit()
            }
        });
    guid || (t.len() >= 20
        && t.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.'))
}

fn sensitive_name(n: &str) -> bool {
    let l = n.to_ascii_lowercase();
    [
        "authorization",
        "api-key",
        "apikey",
        "api_key",
        "token",
        "secret",
        "password",
        "subscription-key",
    ]
    .iter()
    .any(|w| l.contains(w))
}

pub fn check(ctx: &ConnectorContext, out: &mut Vec<Diagnostic>) {
    let Some(props) = ctx.properties.and_then(|r| r.get("properties")) else {
        return;
    };
    let push = |out: &mut Vec<Diagnostic>,
                at: String,
                message: String,
                help: &str,
                sev: Option<Severity>| {
        let mut d = RULE
            .diagnostic(message)
            .in_file(FileKind::Properties)
            .at(at)
            .help(help.to_string());
        if let Some(s) = sev {
            d.severity = s;
        }
        out.push(d);
    };
    for p in props
        .get("connectionParameters")
        .and_then(Node::members)
        .unwrap_or_default()
    {
        let at = join("/properties/connectionParameters", &p.key);
        if let Some(o) = p.value.get("oAuthSettings") {
            let o_at = join(&at, "oAuthSettings");
            if o.get_str("clientSecret")
                .is_some_and(|s| !is_placeholder(s))
            {
                push(out, join(&o_at, "clientSecret"), format!("the connection parameter `{}` contains a client secret", p.key), "remove the secret (and rotate it: it is public now); leave clientSecret out, Microsoft uses its own app", None);
            }
            if let Some(id) = o.get_str("clientId").filter(|s| looks_real_id(s)) {
                push(out, join(&o_at, "clientId"), format!("the clientId `{id}` of `{}` looks like a real app registration", p.key), "replace it with a placeholder such as \"[[DUMMY]]\"; Microsoft configures its own app when it deploys the connector", Some(Severity::Warning));
            }
        }
        if p.value.get_str("type") == Some("securestring")
            && p.value
                .get_str("defaultValue")
                .is_some_and(|s| !is_placeholder(s))
        {
            push(
                out,
                join(&at, "defaultValue"),
                format!(
                    "the secure connection parameter `{}` has a default value",
                    p.key
                ),
                "remove the default: makers enter their own secret when they create a connection",
                None,
            );
        }
    }
    for (i, inst) in props
        .get("policyTemplateInstances")
        .and_then(Node::as_array)
        .unwrap_or_default()
        .iter()
        .enumerate()
    {
        let Some(params) = inst.get("parameters") else {
            continue;
        };
        let name = params
            .get_str("x-ms-apimTemplateParameter.name")
            .unwrap_or_default();
        let Some(value) = params.get_str("x-ms-apimTemplateParameter.value") else {
            continue;
        };
        if sensitive_name(name)
            && !value.contains('@')
            && !is_placeholder(value)
            && value.len() >= 8
        {
            push(
                out,
                format!("/properties/policyTemplateInstances/{i}/parameters/x-ms-apimTemplateParameter.value"),
                format!("the policy sets `{name}` to a literal value"),
                "take the value from the connection: \"@connectionParameters('api_key')\"; never commit a key",
                None,
            );
        }
    }
}
