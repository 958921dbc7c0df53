use crate::diagnostic::Diagnostic;
use crate::rules::ConnectorContext;
use crate::source::Span;

crate::declare_rule! {
    /// ## What it does
    /// Reports what looks like a credential in `readme.md` or `intro.md`: a token of 24 or
    /// more letters and digits on a line that mentions a key, secret, token or password,
    /// and AWS-style access keys (`AKIA…`). A heuristic, so a warning.
    ///
    /// ## Why is this bad?
    /// The readme is public; the repository's README forbids "sensitive or specific
    /// information". A key pasted as an example is often a real one.
    ///
    /// ## Example
    /// ```text
    /// Use the API key 7f3c9a1e5b2d4f6a8c0e1b3d5f7a9c2e in the connection.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// Use the API key from your profile page (it looks like 7f3c…) in the connection.
    /// ```
    pub static RULE = {
        id: "readme-no-secrets",
        severity: Warning,
        scope: Connector,
        source: "https://github.com/microsoft/PowerPlatformConnectors/blob/dev/README.md",
        summary: "no keys or tokens in the readme",
    };
}

fn token_like(w: &str) -> bool {
    w.len() >= 24
        && w.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_+/=.".contains(c))
        && w.chars().any(|c| c.is_ascii_digit())
        && w.chars().any(|c| c.is_ascii_alphabetic())
        && !w.contains("://")
        && !w.contains('.')
        && w.chars().filter(|c| c.is_ascii_digit()).count() >= 4
}

pub fn check(ctx: &ConnectorContext, out: &mut Vec<Diagnostic>) {
    for doc in &ctx.docs {
        let mut offset = 0;
        for line in doc.text.split_inclusive('\n') {
            let l = line.to_lowercase();
            let mentions = ["key", "secret", "token", "password", "bearer"]
                .iter()
                .any(|w| l.contains(w));
            for w in line.split(|c: char| c.is_whitespace() || "`\"'()<>[],;:".contains(c)) {
                let aws = w.len() == 20
                    && w.starts_with("AKIA")
                    && w[4..]
                        .chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
                if aws || (mentions && token_like(w) && !w.contains('-')) {
                    let at = offset + line.find(w).unwrap_or(0);
                    out.push(
                        RULE.diagnostic("this looks like a key or token")
                            .in_file(doc.kind)
                            .with_span(Span::new(at, at + w.len()))
                            .help("remove the value and rotate the credential if it is real; describe where makers find their own"),
                    );
                    break;
                }
            }
            offset += line.len();
        }
    }
}
