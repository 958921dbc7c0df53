use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `host` that looks like a development, test or staging address: a
    /// subdomain label such as `dev`, `test`, `staging`, `stage`, `sandbox`, `qa` or `uat`
    /// (alone or joined with `-`), `localhost`, or an IP address. The registrable domain
    /// itself (`swapi.dev`, `test.com`) is not judged. A heuristic, so a warning (a hint for
    /// custom connectors).
    ///
    /// ## Why is this bad?
    /// Microsoft: "Provide a production version of the host URL. Staging, dev, and test
    /// host URLs aren't allowed."
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "host": "api-staging.contoso.com", "paths": {} }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "host": "api.contoso.com", "paths": {} }
    /// ```
    pub static RULE = {
        id: "host-production",
        severity: Warning,
        scope: Definition,
        applies_to: Swagger2,
        custom: Info,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission",
        summary: "`host` looks like a development, test or staging host",
    };
}

const WORDS: &[&str] = &[
    "dev",
    "develop",
    "development",
    "test",
    "testing",
    "staging",
    "stage",
    "stg",
    "sandbox",
    "qa",
    "uat",
    "preprod",
    "localhost",
];

/// The word of a host that marks it as non-production.
pub fn non_production(host: &str) -> Option<String> {
    let name = host
        .split(':')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if !name.is_empty()
        && name
            .split('.')
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_digit()))
    {
        return Some(name);
    }
    if name == "localhost" {
        return Some(name);
    }
    // The registrable domain (the last two labels) is the service's name, not an
    // environment: `swapi.dev` and `test.com` are production hosts of their own.
    let labels: Vec<&str> = name.split('.').collect();
    let keep = labels.len().saturating_sub(2);
    for label in &labels[..keep] {
        for part in label.split(['-', '_']) {
            if WORDS.contains(&part) {
                return Some(part.to_string());
            }
        }
    }
    None
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let Some(h) = ctx.root.get_str("host") else {
        return;
    };
    if let Some(word) = non_production(h) {
        out.push(
            RULE.diagnostic(format!(
                "the host `{h}` looks like a non-production host (`{word}`)"
            ))
            .at("/host")
            .help("point the connector at the production host; staging, dev and test hosts are not allowed in certified connectors"),
        );
    }
}
