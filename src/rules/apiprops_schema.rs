use crate::diagnostic::Diagnostic;
use crate::diagnostic::FileKind;
use crate::rules::ConnectorContext;
use crate::syntax::pointer::join;
use crate::syntax::Node;

crate::declare_rule! {
    /// ## What it does
    /// Checks the shape of `apiProperties.json` against the repository's schema (extended
    /// with the keys deployed connectors rely on, `scriptOperations` and
    /// `connectionParameterSets`): a top-level `properties` object; only known keys in it
    /// (with a did-you-mean for misspellings such as `stackowner`); strings, arrays and
    /// objects where the schema wants them; and connection parameters with a known
    /// `type`.
    ///
    /// ## Why is this bad?
    /// The certification pipeline validates `apiProperties.json` separately; unknown or
    /// misspelt keys are ignored by the platform (a misspelt `stackOwner` is a missing
    /// one) and rejected by the validator.
    ///
    /// ## Example
    /// ```text
    /// { "properties": { "iconBrandColor": "#0F6CBD", "stackowner": "Contoso" } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// { "properties": { "iconBrandColor": "#0F6CBD", "stackOwner": "Contoso" } }
    /// ```
    pub static RULE = {
        id: "apiprops-schema",
        severity: Error,
        scope: Connector,
        source: "https://github.com/microsoft/PowerPlatformConnectors/blob/dev/schemas/paconn-apiProperties.schema.json",
        summary: "`apiProperties.json` follows the connector properties schema",
    };
}

const KEYS: &[&str] = &[
    "iconBrandColor",
    "publisher",
    "stackOwner",
    "capabilities",
    "connectionParameters",
    "connectionParameterSets",
    "policyTemplateInstances",
    "scriptOperations",
];

const PARAM_TYPES: &[&str] = &[
    "string",
    "securestring",
    "int",
    "bool",
    "gatewaySetting",
    "oauthSetting",
];

fn push(out: &mut Vec<Diagnostic>, at: String, message: String, help: &str) {
    out.push(
        RULE.diagnostic(message)
            .in_file(FileKind::Properties)
            .at(at)
            .help(help.to_string()),
    );
}

fn want(out: &mut Vec<Diagnostic>, node: &Node, at: &str, what: &str, ok: bool) {
    if !ok {
        push(
            out,
            at.to_string(),
            format!(
                "`{}` is {}, not {what}",
                at.rsplit('/').next().unwrap_or(at),
                node.type_name()
            ),
            "use the type the connector properties schema gives for this key",
        );
    }
}

pub fn check(ctx: &ConnectorContext, out: &mut Vec<Diagnostic>) {
    let Some(root) = ctx.properties else { return };
    let Some(members) = root.members() else {
        push(
            out,
            String::new(),
            format!("apiProperties.json is {}, not an object", root.type_name()),
            "write { \"properties\": { … } }",
        );
        return;
    };
    for m in members {
        if m.key != "properties" && m.key != "$schema" {
            push(
                out,
                join("", &m.key),
                format!("`{}` is not a top-level key of apiProperties.json", m.key),
                "put connector settings inside the top-level \"properties\" object",
            );
        }
    }
    let Some(props) = root.get("properties") else {
        push(
            out,
            String::new(),
            "apiProperties.json has no `properties` object".into(),
            "write { \"properties\": { \"iconBrandColor\": …, \"connectionParameters\": … } }",
        );
        return;
    };
    for m in props.members().unwrap_or_default() {
        let k = m.key.as_str();
        let at = join("/properties", k);
        if !KEYS.contains(&k) {
            let near = KEYS
                .iter()
                .find(|c| {
                    c.eq_ignore_ascii_case(k)
                        || crate::text::edit_distance(
                            &c.to_ascii_lowercase(),
                            &k.to_ascii_lowercase(),
                        ) <= 2
                })
                .map(|c| format!(" (did you mean `{c}`?)"))
                .unwrap_or_default();
            push(
                out,
                at,
                format!("`{k}` is not a connector property{near}"),
                "remove it or fix its name; the platform ignores unknown keys",
            );
            continue;
        }
        let v = &m.value;
        match k {
            "iconBrandColor" | "publisher" | "stackOwner" => {
                want(out, v, &at, "a string", v.as_str().is_some())
            }
            "capabilities" | "scriptOperations" => {
                want(out, v, &at, "an array", v.as_array().is_some());
                for (i, item) in v.as_array().unwrap_or_default().iter().enumerate() {
                    want(
                        out,
                        item,
                        &format!("{at}/{i}"),
                        "a string",
                        item.as_str().is_some(),
                    );
                }
            }
            "policyTemplateInstances" => {
                want(out, v, &at, "an array", v.as_array().is_some());
                for (i, item) in v.as_array().unwrap_or_default().iter().enumerate() {
                    let i_at = format!("{at}/{i}");
                    if item.get_str("templateId").is_none() {
                        push(
                            out,
                            i_at,
                            "a policy template instance has no `templateId`".into(),
                            "name the policy template, e.g. \"setheader\"",
                        );
                    }
                }
            }
            "connectionParameters" => {
                want(out, v, &at, "an object", v.is_object());
                for p in v.members().unwrap_or_default() {
                    let p_at = join(&at, &p.key);
                    let name_ok = p.key.split(':').count() <= 2
                        && p.key.split(':').all(|s| {
                            !s.is_empty()
                                && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                        });
                    if !name_ok {
                        push(out, p_at.clone(), format!("the connection parameter name `{}` has characters other than letters, digits and `_`", p.key), "name connection parameters with letters, digits and `_`");
                    }
                    match p.value.get("type") {
                        None => push(out, p_at, format!("the connection parameter `{}` has no `type`", p.key), "give it a type: string, securestring, int, bool, oauthSetting or gatewaySetting"),
                        Some(t) if !t.as_str().is_some_and(|s| PARAM_TYPES.contains(&s)) => push(
                            out,
                            join(&p_at, "type"),
                            format!("`{}` is not a connection parameter type", t.as_str().unwrap_or(t.type_name())),
                            "use string, securestring, int, bool, oauthSetting or gatewaySetting",
                        ),
                        Some(t) if t.as_str() == Some("oauthSetting") => {
                            let idp = p.value.get("oAuthSettings").and_then(|o| o.get_str("identityProvider"));
                            if idp.is_none() {
                                push(out, p_at, format!("the OAuth connection parameter `{}` has no `oAuthSettings.identityProvider`", p.key), "add \"oAuthSettings\": { \"identityProvider\": \"oauth2\", … }");
                            }
                        }
                        Some(_) => {}
                    }
                }
            }
            "connectionParameterSets" => want(out, v, &at, "an object", v.is_object()),
            _ => {}
        }
    }
}
