use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `host` that is not a bare host name (with an optional port): one with a
    /// scheme (`https://`), a path, a query, spaces or other characters a host cannot have.
    ///
    /// ## Why is this bad?
    /// The platform builds request URLs as scheme + host + basePath + path; the validator
    /// rejects a host that is not a host name (HostNameNotValid).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "host": "https://api.contoso.com/v1", "paths": {} }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "host": "api.contoso.com", "basePath": "/v1", "schemes": ["https"], "paths": {} }
    /// ```
    pub static RULE = {
        id: "host-valid",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "`host` must be a host name without scheme or path",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let Some(host) = ctx.root.get("host") else {
        return;
    };
    let Some(h) = host.as_str() else {
        out.push(
            RULE.diagnostic(format!("`host` is {}, not a string", host.type_name()))
                .at("/host")
                .help("write the host name as a string, e.g. \"api.contoso.com\""),
        );
        return;
    };
    let problem = if h.contains("://") {
        Some("has a scheme")
    } else if h.contains('/') {
        Some("has a path")
    } else if h.contains(['?', '#']) {
        Some("has a query or fragment")
    } else if h.trim().is_empty() {
        Some("is empty")
    } else {
        let (name, port) = match h.rsplit_once(':') {
            Some((n, p)) => (n, Some(p)),
            None => (h, None),
        };
        let name_ok = name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '{' | '}'))
            && !name.starts_with(['.', '-'])
            && !name.ends_with(['-']);
        let port_ok = port.is_none_or(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
        (!name_ok || !port_ok).then_some("is not a valid host name")
    };
    if let Some(problem) = problem {
        out.push(
            RULE.diagnostic(format!("the host `{h}` {problem}"))
                .at("/host")
                .help("write only the host name (and port): scheme goes in `schemes`, the path prefix in `basePath`"),
        );
    }
}
