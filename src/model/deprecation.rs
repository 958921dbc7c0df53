//! Shared knowledge about deprecation: markers in text, versioned paths and ids, and how
//! to find the operation that replaces another.

use super::Operation;

/// Whether a summary says the operation is deprecated (any mention counts: summaries are
/// short, so "deprecated" in one is always about the operation).
pub fn summary_says_deprecated(summary: &str) -> bool {
    summary.to_lowercase().contains("deprecat")
}

/// Whether a description marks the operation as deprecated. Descriptions are longer and
/// may mention deprecated *fields*, so only marker forms count: `(deprecated)`,
/// `[deprecated]`, a leading `Deprecated:`/`DEPRECATED -`, a trailing `deprecated`, or
/// "this operation/action/trigger is deprecated".
pub fn description_marks_deprecated(description: &str) -> bool {
    let d = description.trim().to_lowercase();
    let d = d.trim_end_matches(['.', '!', ' ']);
    d.contains("(deprecated)")
        || d.contains("[deprecated]")
        || d.starts_with("deprecated")
        || d.ends_with("deprecated")
        || ["operation", "action", "trigger", "endpoint", "method"]
            .iter()
            .any(|w| {
                d.contains(&format!("this {w} is deprecated"))
                    || d.contains(&format!("this {w} has been deprecated"))
            })
}

/// A path with its version segment (`v2`, `V1.1`) taken out, and that version.
pub fn path_version(path: &str) -> Option<(String, (u32, u32))> {
    let segments: Vec<&str> = path.split('/').collect();
    for (i, seg) in segments.iter().enumerate() {
        if let Some(v) = parse_version(seg) {
            let mut key = segments.clone();
            key[i] = "{version}";
            return Some((key.join("/").to_lowercase(), v));
        }
    }
    None
}

fn parse_version(seg: &str) -> Option<(u32, u32)> {
    let rest = seg.strip_prefix(['v', 'V'])?;
    let (major, minor) = match rest.split_once('.') {
        Some((a, b)) => (a, b),
        None => (rest, "0"),
    };
    if major.is_empty()
        || !major.bytes().all(|b| b.is_ascii_digit())
        || !minor.bytes().all(|b| b.is_ascii_digit())
        || minor.is_empty()
    {
        return None;
    }
    Some((major.parse().ok()?, minor.parse().ok()?))
}

/// An operationId without a trailing revision suffix (`GetItems_V2` → `GetItems`, 2).
pub fn id_version(id: &str) -> (&str, u32) {
    let bytes = id.as_bytes();
    let mut i = bytes.len();
    while i > 0 && bytes[i - 1].is_ascii_digit() {
        i -= 1;
    }
    if i < bytes.len() && i > 1 && matches!(bytes[i - 1], b'V' | b'v') {
        let n: u32 = id[i..].parse().unwrap_or(1);
        let base = id[..i - 1].trim_end_matches('_');
        if !base.is_empty() {
            return (base, n);
        }
    }
    (id, 1)
}

/// The operation that replaces `op`, and how connlint knows.
pub struct Successor<'a> {
    /// The replacing operation when it is in this definition.
    pub operation: Option<&'a Operation>,
    /// How to name it in a message.
    pub name: String,
    pub evidence: &'static str,
}

/// Finds what replaces `op`: `x-ms-api-annotation.replacement`, a newer revision in its
/// family, a newer version of its path, or an operationId with a higher `_V<n>` suffix.
pub fn successor<'a>(ops: &'a [Operation], op: &Operation) -> Option<Successor<'a>> {
    let named = |o: &'a Operation, evidence| Successor {
        operation: Some(o),
        name: o.name(),
        evidence,
    };
    if let Some(r) = op.annotation.as_ref().and_then(|a| a.replacement.as_ref()) {
        if let Some(id) = &r.operation_id {
            if let Some(o) = ops.iter().find(|o| o.operation_id.as_deref() == Some(id)) {
                return Some(named(o, "x-ms-api-annotation.replacement"));
            }
            let name = match &r.api {
                Some(api) => format!("`{id}` of connector `{api}`"),
                None => format!("`{id}`"),
            };
            return Some(Successor {
                operation: None,
                name,
                evidence: "x-ms-api-annotation.replacement",
            });
        }
    }
    let best = |candidates: Vec<(&'a Operation, (u32, u32))>| {
        candidates
            .into_iter()
            .max_by_key(|(o, v)| (!o.deprecated, *v))
            .map(|(o, _)| o)
    };
    if let Some(a) = &op.annotation {
        if let Some(family) = &a.family {
            let mine = a.revision.unwrap_or(1);
            let newer: Vec<_> = ops
                .iter()
                .filter_map(|o| {
                    let oa = o.annotation.as_ref()?;
                    let r = oa.revision?;
                    (oa.family.as_ref() == Some(family) && r > mine && o.pointer != op.pointer)
                        .then_some((o, (r as u32, 0)))
                })
                .collect();
            if let Some(o) = best(newer) {
                return Some(named(
                    o,
                    "a newer revision in its x-ms-api-annotation family",
                ));
            }
        }
    }
    if let Some((key, v)) = path_version(&op.path) {
        let newer: Vec<_> = ops
            .iter()
            .filter(|o| o.method == op.method)
            .filter_map(|o| {
                let (k, ov) = path_version(&o.path)?;
                (k == key && ov > v).then_some((o, ov))
            })
            .collect();
        if let Some(o) = best(newer) {
            return Some(named(o, "a newer version of its path"));
        }
    }
    if let Some(id) = &op.operation_id {
        let (base, v) = id_version(id);
        let newer: Vec<_> = ops
            .iter()
            .filter_map(|o| {
                let (b, ov) = id_version(o.operation_id.as_deref()?);
                (b.eq_ignore_ascii_case(base) && ov > v).then_some((o, (ov, 0)))
            })
            .collect();
        if let Some(o) = best(newer) {
            return Some(named(o, "an operationId with a higher version suffix"));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers() {
        assert!(summary_says_deprecated("Get rows (deprecated)"));
        assert!(summary_says_deprecated("DEPRECATED: Get rows"));
        assert!(!summary_says_deprecated("Get rows"));
        assert!(description_marks_deprecated("Gets rows (deprecated)."));
        assert!(description_marks_deprecated("[DEPRECATED] Gets rows"));
        assert!(description_marks_deprecated(
            "This action has been deprecated. Use Get rows V2."
        ));
        assert!(!description_marks_deprecated(
            "The `top` parameter is deprecated; use `limit`, which this action supports."
        ));
    }

    #[test]
    fn versions() {
        assert_eq!(
            path_version("/v1/items"),
            Some(("/{version}/items".into(), (1, 0)))
        );
        assert_eq!(
            path_version("/api/V2.1/Items"),
            Some(("/api/{version}/items".into(), (2, 1)))
        );
        assert_eq!(path_version("/items/{id}"), None);
        assert_eq!(path_version("/vendors"), None);
        assert_eq!(id_version("GetItems_V2"), ("GetItems", 2));
        assert_eq!(id_version("GetItemsV3"), ("GetItems", 3));
        assert_eq!(id_version("GetItems"), ("GetItems", 1));
        assert_eq!(id_version("Base64"), ("Base64", 1));
        assert_eq!(id_version("V2"), ("V2", 1));
    }
}
