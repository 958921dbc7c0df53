use super::support::text::is_email;
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an `info.contact.email` that is not a valid ASCII e-mail address.
    ///
    /// ## Why is this bad?
    /// The validator rejects it (ContactEmailNotValid); makers and Microsoft support could
    /// not reach the publisher.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0",
    ///   "contact": { "name": "Contoso", "url": "https://contoso.com", "email": "support at contoso.com" } },
    ///   "paths": {} }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0",
    ///   "contact": { "name": "Contoso", "url": "https://contoso.com", "email": "support@contoso.com" } },
    ///   "paths": {} }
    /// ```
    pub static RULE = {
        id: "info-contact-email-valid",
        severity: Error,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "`info.contact.email` is not a valid e-mail address",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let Some(email) = ctx
        .root
        .get("info")
        .and_then(|i| i.get("contact"))
        .and_then(|c| c.get("email"))
    else {
        return;
    };
    let ok = email
        .as_str()
        .is_some_and(|s| s.trim().is_empty() || is_email(s.trim()));
    if !ok {
        let shown = email
            .as_str()
            .map(|s| format!("`{s}`"))
            .unwrap_or_else(|| email.type_name().to_string());
        out.push(
            RULE.diagnostic(format!("the contact e-mail {shown} is not a valid e-mail address"))
                .at("/info/contact/email")
                .help("write one ASCII address such as support@contoso.com, without a name, `mailto:` or spaces"),
        );
    }
}
