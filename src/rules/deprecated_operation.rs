use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::model::deprecation::{successor, summary_says_deprecated};
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports every operation with `deprecated: true` (info), and raises it to a warning
    /// when the deprecation lacks what Microsoft asks for: the `(deprecated)` marker at the
    /// end of both `summary` and `description`, and a successor (a newer revision in the
    /// same `x-ms-api-annotation` family, or an `x-ms-api-annotation.replacement`). The
    /// message names the successor when connlint finds one (also a newer `/v2/` path or a
    /// `_V2` operationId).
    ///
    /// ## Why is this bad?
    /// The designer hides deprecated operations from new flows, but existing flows keep
    /// calling them. Makers reading an old flow only learn that an action is deprecated,
    /// and what to use instead, from its summary and description.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Items", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "description": "Lists items.", "deprecated": true,
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Items", "version": "1.0" },
    ///   "paths": {
    ///     "/items": { "get": { "operationId": "ListItems", "summary": "List items (deprecated)",
    ///       "description": "Lists items (deprecated).", "deprecated": true,
    ///       "x-ms-api-annotation": { "family": "ListItems", "revision": 1 },
    ///       "responses": { "200": { "description": "OK" } } } },
    ///     "/v2/items": { "get": { "operationId": "ListItems_V2", "summary": "List items",
    ///       "description": "Lists items.",
    ///       "x-ms-api-annotation": { "family": "ListItems", "revision": 2 },
    ///       "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// The passing example still reports this rule at `info` severity for `ListItems`:
    /// the rule lists every deprecated operation. The doc test checks that no warning is
    /// raised.
    pub static RULE = {
        id: "deprecated-operation",
        severity: Info,
        scope: Definition,
        fix: Safe,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/deprecate-operation",
        summary: "deprecated operation; a warning when it lacks the (deprecated) marker or a successor",
    };
}

/// Appends the `(deprecated)` marker to the texts that lack it, the way Microsoft's
/// example does: `Get rows (deprecated)`, `This operation gets rows (deprecated).`
fn marker_fix(
    ctx: &DefinitionContext,
    op: &crate::model::Operation,
    unmarked: &[&str],
) -> Option<Fix> {
    let mut edits = Vec::new();
    for key in unmarked {
        let text = match *key {
            "summary" => op.summary.as_deref(),
            _ => op.description.as_deref(),
        }?;
        let body = text.trim_end();
        let marked = match body.strip_suffix('.') {
            Some(sentence) => format!("{} (deprecated).", sentence.trim_end()),
            None if body.is_empty() => return None,
            None => format!("{body} (deprecated)"),
        };
        // A marker that makes the summary too long would trade a warning for an error.
        if *key == "summary" && marked.chars().count() > super::operation_summary_max_length::MAX {
            return None;
        }
        let fix = ctx.replace_string_fix(&op.pointer_to(key), &marked, Applicability::Safe)?;
        edits.extend(fix.edits);
    }
    if edits.is_empty() {
        return None;
    }
    edits.sort_by_key(|e| e.span.start);
    Some(Fix {
        description: format!("append \"(deprecated)\" to the {}", unmarked.join(" and ")),
        applicability: Applicability::Safe,
        edits,
    })
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let ops = ctx.operations();
    for op in ops.iter().filter(|o| o.deprecated) {
        let mut unmarked = Vec::new();
        match op.summary.as_deref() {
            Some(s) if summary_says_deprecated(s) => {}
            _ => unmarked.push("summary"),
        }
        if let Some(d) = op.description.as_deref() {
            if !summary_says_deprecated(d) {
                unmarked.push("description");
            }
        }
        let next = successor(ops, op);
        let mut lacks = Vec::new();
        let mut help = Vec::new();
        if !unmarked.is_empty() {
            lacks.push(format!(
                "its {} do{} not say \"(deprecated)\"",
                unmarked.join(" and "),
                if unmarked.len() == 1 { "es" } else { "" }
            ));
            help.push(format!(
                "append \"(deprecated)\" to the {}",
                unmarked.join(" and ")
            ));
        }
        if next.is_none() {
            lacks.push("no successor is declared".to_string());
            help.push("put the old and new operations in one `x-ms-api-annotation` family (revision 1 and 2), or say in the readme that nothing replaces it".into());
        }
        let replaced = next
            .as_ref()
            .map(|s| format!("; {} replaces it ({})", s.name, s.evidence))
            .unwrap_or_default();
        let (severity, message) = if lacks.is_empty() {
            (
                Severity::Info,
                format!("operation {} is deprecated{replaced}", op.name()),
            )
        } else {
            (
                Severity::Warning,
                format!(
                    "operation {} is deprecated but {}{replaced}",
                    op.name(),
                    lacks.join(" and ")
                ),
            )
        };
        let mut d = RULE
            .diagnostic(message)
            .at(op.pointer_to("deprecated"))
            .operation(op.operation_id.as_deref())
            .fix(marker_fix(ctx, op, &unmarked));
        d.severity = severity;
        d = d.help(if help.is_empty() {
            "nothing to fix: existing flows keep working; remove the operation only once nothing calls it (`connlint check --stats` shows its traffic)".to_string()
        } else {
            help.join("; ")
        });
        out.push(d);
    }
}
