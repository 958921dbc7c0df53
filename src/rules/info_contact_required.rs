use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a definition without `info.contact` (an error), and a contact without
    /// `name`, `url` or `email` (a warning). For custom connectors a missing contact is
    /// only a hint.
    ///
    /// ## Why is this bad?
    /// Certification requires the publisher's contact (Step 3b of the submission guide);
    /// the validator rejects a definition without it ("The 'contact' property is
    /// required. ValuePath: /info"). Makers and Microsoft support use it to reach you.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {} }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0",
    ///   "contact": { "name": "Contoso Support", "url": "https://contoso.com/support",
    ///     "email": "support@contoso.com" } }, "paths": {} }
    /// ```
    pub static RULE = {
        id: "info-contact-required",
        severity: Error,
        scope: Definition,
        custom: Info,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission",
        summary: "`info.contact` with `name`, `url` and `email` is required",
    };
}

const HELP: &str = "add \"contact\": { \"name\": …, \"url\": …, \"email\": … } to `info` with the publisher's support details";

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let Some(info) = ctx.root.get("info") else {
        return;
    };
    let Some(contact) = info.get("contact") else {
        out.push(
            RULE.diagnostic("`info` has no `contact`")
                .at("/info")
                .help(HELP),
        );
        return;
    };
    let missing: Vec<String> = ["name", "url", "email"]
        .into_iter()
        .filter(|k| contact.get_str(k).is_none_or(|v| v.trim().is_empty()))
        .map(|k| format!("`{k}`"))
        .collect();
    if !missing.is_empty() {
        // The validator requires the object; its fields are Microsoft's advice, and many
        // certified connectors give no `url`.
        let mut d = RULE
            .diagnostic(format!("`info.contact` has no {}", missing.join(", ")))
            .at("/info/contact")
            .help(HELP);
        d.severity = crate::diagnostic::Severity::Warning;
        out.push(d);
    }
}
