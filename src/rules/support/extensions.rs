//! The `x-ms-*` extensions Power Platform knows, and where each may be written.
//!
//! Sources: Microsoft's "OpenAPI extensions" page (the "Applies to" of each extension),
//! the repository's `apiDefinition.swagger.schema.json`, and extensions deployed
//! connectors rely on that the schema lacks (`x-ms-openai-data`,
//! `x-ms-require-user-confirmation`). AutoRest's `x-ms-*` extensions are known too: they
//! are harmless in a connector and appear in definitions generated from Azure specs.

use super::swagger::Kind;

/// Where an extension may be written.
#[derive(Debug, Clone, Copy)]
pub enum Placement {
    /// Only on these kinds of object.
    On(&'static [Kind]),
    /// Anywhere (AutoRest extensions, documentation extensions).
    Anywhere,
}

use Kind::*;

const VALUE_HOLDERS: &[Kind] = &[Parameter, Schema, Items, Header];

/// Every known extension with its placement.
pub const KNOWN: &[(&str, Placement)] = &[
    ("x-ms-summary", Placement::On(VALUE_HOLDERS)),
    (
        "x-ms-visibility",
        Placement::On(&[Operation, Parameter, Schema, Items, Header]),
    ),
    ("x-ms-url-encoding", Placement::On(&[Parameter])),
    ("x-ms-skip-url-encoding", Placement::On(&[Parameter])),
    (
        "x-ms-dynamic-values",
        Placement::On(&[Parameter, Schema, Items]),
    ),
    (
        "x-ms-dynamic-list",
        Placement::On(&[Parameter, Schema, Items]),
    ),
    ("x-ms-dynamic-schema", Placement::On(&[Parameter, Schema])),
    (
        "x-ms-dynamic-properties",
        Placement::On(&[Parameter, Schema]),
    ),
    ("x-ms-dynamic-tree", Placement::On(&[Parameter, Schema])),
    ("x-ms-connector-metadata", Placement::On(&[Root])),
    (
        "x-ms-capabilities",
        Placement::On(&[Root, Operation, Parameter, Schema]),
    ),
    ("x-ms-trigger", Placement::On(&[Operation])),
    ("x-ms-trigger-hint", Placement::On(&[Operation])),
    ("x-ms-trigger-metadata", Placement::On(&[Operation])),
    ("x-ms-trigger-value", Placement::On(&[Parameter, Schema])),
    ("x-ms-notification", Placement::On(&[Operation])),
    ("x-ms-notification-content", Placement::On(&[PathItem])),
    ("x-ms-notification-url", Placement::On(&[Parameter, Schema])),
    ("x-ms-api-annotation", Placement::On(&[Info, Operation])),
    ("x-ms-operation-context", Placement::On(&[Operation])),
    ("x-ms-pageable", Placement::On(&[Operation])),
    ("x-ms-safe-operation", Placement::On(&[Operation])),
    ("x-ms-no-generic-test", Placement::On(&[Operation])),
    ("x-ms-openai-data", Placement::On(&[Operation])),
    (
        "x-ms-require-user-confirmation",
        Placement::On(&[Operation]),
    ),
    ("x-ms-openai-manifest", Placement::On(&[Root])),
    (
        "x-ms-openai-published-to-copilots",
        Placement::On(&[Root, Info]),
    ),
    (
        "x-ms-enum-values",
        Placement::On(&[Parameter, Schema, Items]),
    ),
    (
        "x-ms-test-value",
        Placement::On(&[Parameter, Schema, Items]),
    ),
    ("x-ms-media-kind", Placement::On(&[Parameter, Schema])),
    ("x-ms-editor", Placement::On(&[Parameter, Schema])),
    ("x-ms-editor-options", Placement::On(&[Parameter, Schema])),
    (
        "x-ms-localizeDefaultValue",
        Placement::On(&[Parameter, Schema]),
    ),
    ("x-ms-explicit-input", Placement::On(&[Parameter, Schema])),
    ("x-ms-deployment-version", Placement::On(&[Info])),
    ("x-ms-keywords", Placement::On(&[Info])),
    ("x-ms-docs", Placement::Anywhere),
    ("x-ms-parameter-location", Placement::On(&[Parameter])),
    // AutoRest (Azure REST specs).
    ("x-ms-enum", Placement::Anywhere),
    ("x-ms-mutability", Placement::Anywhere),
    ("x-ms-client-name", Placement::Anywhere),
    ("x-ms-client-flatten", Placement::Anywhere),
    ("x-ms-discriminator-value", Placement::Anywhere),
    ("x-ms-identifiers", Placement::Anywhere),
    ("x-ms-secret", Placement::Anywhere),
    ("x-ms-azure-resource", Placement::Anywhere),
    ("x-ms-long-running-operation", Placement::Anywhere),
    ("x-ms-long-running-operation-options", Placement::Anywhere),
    ("x-ms-parameterized-host", Placement::Anywhere),
    ("x-ms-api-version", Placement::Anywhere),
    ("x-ms-parameter-grouping", Placement::Anywhere),
    ("x-ms-paths", Placement::Anywhere),
    ("x-ms-examples", Placement::Anywhere),
    ("x-ms-external", Placement::Anywhere),
    ("x-ms-error-response", Placement::Anywhere),
    ("x-ms-header-collection-prefix", Placement::Anywhere),
    ("x-ms-client-default", Placement::Anywhere),
    ("x-ms-flatten", Placement::Anywhere),
];

/// The placement of a known extension (exact name).
pub fn placement(name: &str) -> Option<Placement> {
    static BY_NAME: std::sync::OnceLock<std::collections::HashMap<&'static str, Placement>> =
        std::sync::OnceLock::new();
    if !name.starts_with("x-ms-") {
        return None;
    }
    BY_NAME
        .get_or_init(|| KNOWN.iter().copied().collect())
        .get(name)
        .copied()
}

/// Whether `name` is a known extension, ignoring case.
pub fn known_ignoring_case(name: &str) -> Option<&'static str> {
    KNOWN
        .iter()
        .map(|(n, _)| *n)
        .find(|n| n.eq_ignore_ascii_case(name))
}

/// The known extension closest to a misspelt one, when it is close enough to be a typo.
pub fn suggest(name: &str) -> Option<&'static str> {
    let cleaned: String = name
        .trim()
        .trim_end_matches([':', ' '])
        .to_ascii_lowercase();
    let mut best: Option<(&'static str, usize)> = None;
    for (known, _) in KNOWN {
        let d = crate::text::edit_distance(&cleaned, &known.to_ascii_lowercase());
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((known, d));
        }
    }
    // A key with a trailing word ("x-ms-summary title") is the known name plus junk.
    if let Some(prefix) = KNOWN.iter().map(|(n, _)| *n).find(|n| {
        cleaned.starts_with(&n.to_ascii_lowercase())
            && cleaned[n.len()..].starts_with([' ', ':', '_'])
    }) {
        return Some(prefix);
    }
    let (known, d) = best?;
    let limit = if known.len() > 12 { 3 } else { 2 };
    (d <= limit).then_some(known)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_are_recognised() {
        assert_eq!(suggest("x-ms-visibilty"), Some("x-ms-visibility"));
        assert_eq!(suggest("x-ms-summmary"), Some("x-ms-summary"));
        assert_eq!(suggest("x-ms-sumamry"), Some("x-ms-summary"));
        assert_eq!(suggest("x-ms-api-annotations"), Some("x-ms-api-annotation"));
        assert_eq!(suggest("x-ms-summary title"), Some("x-ms-summary"));
        assert_eq!(suggest("x-ms-summary:"), Some("x-ms-summary"));
        assert_eq!(suggest("x-ms-contoso-internal-id"), None);
    }
}
