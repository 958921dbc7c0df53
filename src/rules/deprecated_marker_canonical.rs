use crate::diagnostic::{Applicability, Diagnostic};
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a deprecated operation whose summary marks the deprecation in another form
    /// than a trailing ` (deprecated)`: `[DEPRECATED]`, `DEPRECATED:`, `Deprecated - `,
    /// `(DEPRECATED)`.
    ///
    /// ## Why is this bad?
    /// Microsoft's example is `"summary": "Get rows (deprecated)"`; one form across
    /// connectors reads better in the designer and lets tools find deprecated operations.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/rows": { "get": { "operationId": "GetRows", "summary": "[DEPRECATED] Get rows",
    ///     "deprecated": true, "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/rows": { "get": { "operationId": "GetRows", "summary": "Get rows (deprecated)",
    ///     "deprecated": true, "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "deprecated-marker-canonical",
        severity: Info,
        scope: Definition,
        fix: Safe,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/deprecate-operation",
        summary: "the deprecation marker is a trailing ` (deprecated)`",
    };
}

/// The summary with its deprecation marker in the canonical form, or `None` when the
/// marker is part of a sentence connlint should not rewrite ("Use X; this is deprecated").
fn canonical(summary: &str) -> Option<String> {
    const SEPARATORS: &[char] = &[' ', '-', ':', '\u{2013}'];
    let mut t = summary.trim().to_string();
    for marker in ["[deprecated]", "(deprecated)"] {
        while let Some(at) = t.to_ascii_lowercase().find(marker) {
            t.replace_range(at..at + marker.len(), " ");
        }
    }
    let mut t = t.trim_matches(SEPARATORS);
    if t.len() >= 10 && t[..10].eq_ignore_ascii_case("deprecated") {
        t = t[10..].trim_start_matches(SEPARATORS);
    }
    if t.len() >= 10
        && t.is_char_boundary(t.len() - 10)
        && t[t.len() - 10..].eq_ignore_ascii_case("deprecated")
    {
        t = t[..t.len() - 10].trim_end_matches(SEPARATORS);
    }
    let t = t.trim_matches(SEPARATORS);
    let starts_well = t.starts_with(|c: char| c.is_alphanumeric());
    if !starts_well || t.to_ascii_lowercase().contains("deprecat") {
        return None;
    }
    Some(format!("{t} (deprecated)"))
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations().iter().filter(|o| o.deprecated) {
        let Some(s) = op.summary.as_deref() else {
            continue;
        };
        let lower = s.to_lowercase();
        if !lower.contains("deprecat") || s.trim_end().ends_with(" (deprecated)") {
            continue;
        }
        let at = op.pointer_to("summary");
        let canonical =
            canonical(s).filter(|c| c.chars().count() <= super::operation_summary_max_length::MAX);
        let (help, fix) = match canonical {
            Some(better) => (
                format!("write \"{better}\""),
                ctx.replace_string_fix(&at, &better, Applicability::Safe),
            ),
            None => (
                "end the summary with \" (deprecated)\" and move other words to the description"
                    .to_string(),
                None,
            ),
        };
        out.push(
            RULE.diagnostic(format!(
                "the summary `{s}` marks the deprecation in a non-standard form"
            ))
            .at(at)
            .operation(op.operation_id.as_deref())
            .help(help)
            .fix(fix),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::canonical;

    #[test]
    fn marker_forms_seen_in_real_connectors() {
        for (from, to) in [
            ("DEPRECATED: Get rows", "Get rows (deprecated)"),
            ("Get rows [DEPRECATED]", "Get rows (deprecated)"),
            ("Get rows (DEPRECATED)", "Get rows (deprecated)"),
            ("Get rows (Deprecated)", "Get rows (deprecated)"),
            ("Deprecated - Create record", "Create record (deprecated)"),
            ("Create record - DEPRECATED", "Create record (deprecated)"),
            ("[Deprecated] Create event", "Create event (deprecated)"),
        ] {
            assert_eq!(canonical(from).as_deref(), Some(to), "{from}");
        }
        assert_eq!(canonical("Deprecated, use Get rows V2 instead"), None);
        assert_eq!(canonical("DEPRECATED"), None);
    }
}
