use super::support::markdown::{first_line, is_oauth, readme};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::FileKind;
use crate::rules::{ConnectorContext, Profile};

crate::declare_rule! {
    /// ## What it does
    /// Reports an independent-publisher connector that authenticates with OAuth whose
    /// readme does not explain how to register the OAuth app: it must mention the client
    /// ID and the client secret or the redirect URL.
    ///
    /// ## Why is this bad?
    /// Microsoft creates the OAuth app for independent-publisher connectors from the
    /// readme: "The Microsoft Certification Team will use those instructions to create the
    /// app". Without the steps certification stalls.
    ///
    /// ## Example
    /// ```text
    /// ## Obtaining Credentials
    /// Sign in with your Contoso account.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ## Obtaining Credentials
    /// 1. In the Contoso developer portal, create an app.
    /// 2. Set the redirect URL to https://global.consent.azure-apim.net/redirect.
    /// 3. Copy the client ID and client secret into the connection.
    /// ```
    pub static RULE = {
        id: "readme-ip-oauth-app-steps",
        severity: Error,
        scope: Connector,
        source: "https://github.com/microsoft/PowerPlatformConnectors/blob/dev/README.md",
        summary: "an independent-publisher OAuth connector documents the app registration",
    };
}

pub fn check(ctx: &ConnectorContext, out: &mut Vec<Diagnostic>) {
    if ctx.profile != Profile::IndependentPublisher || !is_oauth(ctx) {
        return;
    }
    let Some(doc) = readme(ctx) else { return };
    let l = doc.text.to_lowercase().replace(['_', '-'], " ");
    let client_id = l.contains("client id")
        || l.contains("clientid")
        || l.contains("application id")
        || l.contains("app id");
    let secret_or_redirect =
        l.contains("secret") || l.contains("redirect") || l.contains("callback url");
    if !(client_id && secret_or_redirect) {
        out.push(
            RULE.diagnostic("the connector uses OAuth but the readme does not explain how to register the OAuth app")
                .in_file(FileKind::Readme)
                .with_span(first_line(doc.text))
                .help("under `## Obtaining Credentials`, give step by step how to create the app: where to register it, the redirect URL (https://global.consent.azure-apim.net/redirect), the scopes, and where the client ID and secret are"),
        );
    }
}
