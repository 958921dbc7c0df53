use super::support::swagger::{deref, properties, success_schema};
use crate::diagnostic::Diagnostic;
use crate::model::Operation;
use crate::rules::ChangeContext;
use crate::syntax::{pointer, Node};

crate::declare_rule! {
    /// ## What it does
    /// With a previous version, reports a field of an operation's success response whose
    /// `type` changed (a string that became an integer, an object that became an array),
    /// at any depth of the schema, through `$ref`s, `allOf` and array items.
    ///
    /// ## Why is this bad?
    /// Flows use response fields as dynamic content; when the type changes, the expressions
    /// and actions built on the field break. Microsoft's breaking-change check reports "The
    /// type has been changed for the output field. Existing flows may be broken if they are
    /// using this field." Add a new field (or a new revision of the operation) instead.
    ///
    /// ## Previous version
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/rows": { "get": { "operationId": "GetRows", "summary": "Get rows",
    ///     "responses": { "200": { "description": "OK", "schema": { "type": "object",
    ///       "properties": { "count": { "type": "string" } } } } } } } } }
    /// ```
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/rows": { "get": { "operationId": "GetRows", "summary": "Get rows",
    ///     "responses": { "200": { "description": "OK", "schema": { "type": "object",
    ///       "properties": { "count": { "type": "integer" } } } } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/rows": { "get": { "operationId": "GetRows", "summary": "Get rows",
    ///     "responses": { "200": { "description": "OK", "schema": { "type": "object",
    ///       "properties": { "count": { "type": "string" },
    ///                       "total": { "type": "integer" } } } } } } } } }
    /// ```
    pub static RULE = {
        id: "bc-output-type-changed",
        severity: Error,
        scope: Change,
        source: "https://github.com/microsoft/PowerPlatformConnectors/pull/3910",
        summary: "a response field's type changed",
    };
}

/// One schema of each version at the same place of the response.
struct Pair<'a, 'b> {
    old: &'a Node,
    new: &'b Node,
    new_at: String,
    /// The field path for messages, e.g. `value[].owner.id`.
    field: String,
}

/// For each pair of schemas (by address) compared, the least depth it was compared at.
/// Schemas shared through `$ref` are reached along many paths: walking each path again
/// was exponential in the fan-out (a DAG of fan-out 5, 12 deep: over 5 minutes). A pair
/// is compared again only from a shallower depth, which reaches further.
type Compared = std::collections::HashMap<(usize, usize), usize>;

fn compare(
    ctx: &ChangeContext,
    op: &Operation,
    pair: Pair,
    depth: usize,
    seen: &mut Compared,
    out: &mut Vec<Diagnostic>,
) {
    if depth > 12 {
        return;
    }
    let key = (
        std::ptr::from_ref(pair.old) as usize,
        std::ptr::from_ref(pair.new) as usize,
    );
    match seen.get_mut(&key) {
        Some(least) if *least <= depth => return,
        Some(least) => *least = depth,
        None => {
            seen.insert(key, depth);
        }
    }
    let old_type = pair.old.get_str("type");
    let new_type = pair.new.get_str("type");
    if let (Some(o), Some(n)) = (old_type, new_type) {
        if o != n {
            let field = if pair.field.is_empty() {
                "the response body".to_string()
            } else {
                format!("field `{}`", pair.field)
            };
            out.push(
                RULE.diagnostic(format!(
                    "{field} of {} was {o} in {} and is {n} now",
                    op.name(),
                    ctx.source
                ))
                .at(pointer::join(&pair.new_at, "type"))
                .operation(op.operation_id.as_deref())
                .help("keep the field's type; add a field with the new type (or a new revision of the operation) instead"),
            );
            return;
        }
    }
    let (old_root, new_root) = (ctx.previous_root, ctx.current.root);
    if let (Some(oi), Some(ni)) = (pair.old.get("items"), pair.new.get("items")) {
        let items_at = pointer::join(&pair.new_at, "items");
        if let (Some((o, _)), Some((n, n_at))) =
            (deref(old_root, oi, ""), deref(new_root, ni, &items_at))
        {
            let field = format!("{}[]", pair.field);
            let next = Pair {
                old: o,
                new: n,
                new_at: n_at,
                field,
            };
            compare(ctx, op, next, depth + 1, seen, out);
        }
    }
    let old_props = properties(old_root, pair.old, "");
    if old_props.is_empty() {
        return;
    }
    for (name, n, n_at) in properties(new_root, pair.new, &pair.new_at) {
        let Some((_, o, _)) = old_props.iter().find(|(k, _, _)| *k == name) else {
            continue;
        };
        if let (Some((o, _)), Some((n, n_at))) = (deref(old_root, o, ""), deref(new_root, n, &n_at))
        {
            let field = if pair.field.is_empty() {
                name.to_string()
            } else {
                format!("{}.{name}", pair.field)
            };
            let next = Pair {
                old: o,
                new: n,
                new_at: n_at,
                field,
            };
            compare(ctx, op, next, depth + 1, seen, out);
        }
    }
}

pub fn check(ctx: &ChangeContext, out: &mut Vec<Diagnostic>) {
    let mut found = Vec::new();
    let mut seen = Compared::new();
    for (old, new) in ctx.matched() {
        let Some(new) = new else { continue };
        let (Some((o, _)), Some((n, n_at))) = (
            success_schema(ctx.previous_root, old),
            success_schema(ctx.current.root, new),
        ) else {
            continue;
        };
        let pair = Pair {
            old: o,
            new: n,
            new_at: n_at,
            field: String::new(),
        };
        compare(ctx, new, pair, 0, &mut seen, &mut found);
    }
    // A schema shared through `$ref` is reported once, for the first operation using it.
    let mut seen = std::collections::HashSet::new();
    out.extend(found.into_iter().filter(|d| seen.insert(d.pointer.clone())));
}
