use super::support::extensions::{known_ignoring_case, placement, suggest};
use crate::diagnostic::{Applicability, Diagnostic};
use crate::rules::DefinitionContext;
use crate::syntax::pointer::join;

crate::declare_rule! {
    /// ## What it does
    /// Reports an `x-ms-*` key that is not a Power Platform (or AutoRest) extension, with a
    /// did-you-mean for typos such as `x-ms-visibilty` or `x-ms-summmary`, and a known
    /// extension written in another case (`X-MS-Summary`). Keys close to a known
    /// extension but outside the `x-ms-` prefix (`x-ms_summary`) are reported too.
    ///
    /// ## Why is this bad?
    /// The platform ignores unknown extensions without a word, so a typo silently loses the
    /// label, the visibility or the dynamic values it was meant to set. Deployed connectors
    /// carry such typos (`x-ms-visibilty` 32 times). The repository's schema rejects
    /// unknown `x-ms-*` keys.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "parameters": [ { "name": "top", "in": "query", "type": "integer",
    ///       "x-ms-summary": "Top", "x-ms-visibilty": "advanced" } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "parameters": [ { "name": "top", "in": "query", "type": "integer",
    ///       "x-ms-summary": "Top", "x-ms-visibility": "advanced" } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "extension-name-known",
        severity: Warning,
        scope: Definition,
        applies_to: Swagger2,
        fix: Safe,
        source: "https://github.com/microsoft/PowerPlatformConnectors/blob/dev/schemas/apiDefinition.swagger.schema.json",
        summary: "unknown or misspelt `x-ms-*` extension",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let walk = ctx.objects();
    for obj in walk.iter() {
        for m in obj.node.members().unwrap_or_default() {
            let key = m.key.as_str();
            let bytes = key.as_bytes();
            if bytes.len() < 2
                || !bytes[..2].eq_ignore_ascii_case(b"x-")
                || placement(key).is_some()
            {
                continue;
            }
            let lower = key.to_ascii_lowercase();
            let at = join(&walk.pointer(obj), key);
            if lower.starts_with("x-ms") {
                if let Some(k) = known_ignoring_case(key) {
                    // Only the case differs: the intent is certain.
                    let fix = ctx.rename_key_fix(&at, k, Applicability::Safe);
                    out.push(
                        RULE.diagnostic(format!("`{key}` should be written `{k}`"))
                            .at(at)
                            .help(format!("extension names are case-sensitive: write `{k}`"))
                            .fix(fix),
                    );
                } else if let Some(k) = suggest(key) {
                    // A guess: applied only when asked (--unsafe-fixes).
                    let fix = ctx.rename_key_fix(&at, k, Applicability::Unsafe);
                    out.push(
                        RULE.diagnostic(format!("unknown extension `{key}`; did you mean `{k}`?"))
                            .at(at)
                            .help(format!(
                                "rename the key to `{k}`; the platform ignores unknown extensions"
                            ))
                            .fix(fix),
                    );
                } else {
                    out.push(
                        RULE.diagnostic(format!("`{key}` is not a Power Platform extension"))
                            .at(at)
                            .help("remove it, or use a vendor prefix of your own such as `x-contoso-…`: `x-ms-` is Microsoft's"),
                    );
                }
            } else if let Some(k) = lower
                .contains("ms")
                .then(|| suggest(key))
                .flatten()
                .filter(|k| crate::text::edit_distance(&lower, k) <= 2)
            {
                let fix = ctx.rename_key_fix(&at, k, Applicability::Unsafe);
                out.push(
                    RULE.diagnostic(format!("`{key}` looks like a misspelt `{k}`"))
                        .at(at)
                        .help(format!(
                            "rename the key to `{k}`; the platform ignores unknown extensions"
                        ))
                        .fix(fix),
                );
            }
        }
    }
}
