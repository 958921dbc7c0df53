use crate::diagnostic::{Diagnostic, Directive, IGNORE_KEY};
use crate::syntax::{pointer, Node, NodeKind};

crate::declare_rule! {
    /// ## What it does
    /// Reports an `x-connlint-ignore` entry that connlint cannot use: not a list of
    /// objects, an unknown rule id, or no `reason`.
    ///
    /// ## Why is this bad?
    /// A suppression without a reason hides a finding without telling the next person why;
    /// one with a misspelt rule id hides nothing while looking as if it did.
    ///
    /// ## How to fix
    /// Write `"x-connlint-ignore": [{"rule": "missing-error-responses", "reason": "the API
    /// returns errors as 200 with an error body"}]` on the object the finding points at
    /// (or any object above it).
    pub static RULE = {
        id: "suppression-invalid",
        severity: Error,
        scope: File,
        source: "https://swagger.io/specification/v2/",
        summary: "an `x-connlint-ignore` entry without a known rule or a reason",
    };
}

/// The check of this rule, which is the `x-connlint-ignore` parser: reads the entries of a
/// definition. The valid ones are returned for the policy to apply; the malformed ones
/// become this rule's findings.
pub fn check(root: &Node) -> (Vec<Directive>, Vec<Diagnostic>) {
    let mut directives = Vec::new();
    let mut problems = Vec::new();
    walk(root, &mut Vec::new(), &mut directives, &mut problems);
    (directives, problems)
}

/// A step of the path to the current node; pointer text is built only where an
/// `x-connlint-ignore` key is found (most documents have none).
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

fn walk<'a>(
    node: &'a Node,
    path: &mut Vec<Step<'a>>,
    out: &mut Vec<Directive>,
    problems: &mut Vec<Diagnostic>,
) {
    match &node.kind {
        NodeKind::Object(members) => {
            for m in members {
                if m.key == IGNORE_KEY {
                    let scope = pointer_of(path);
                    let at = pointer::join(&scope, &m.key);
                    read_entries(&m.value, &scope, &at, out, problems);
                } else {
                    path.push(Step::Key(&m.key));
                    walk(&m.value, path, out, problems);
                    path.pop();
                }
            }
        }
        NodeKind::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Step::Index(i));
                walk(item, path, out, problems);
                path.pop();
            }
        }
        _ => {}
    }
}

fn pointer_of(path: &[Step]) -> String {
    let mut p = String::new();
    for step in path {
        match step {
            Step::Key(k) => pointer::push_token(&mut p, k),
            Step::Index(i) => {
                p.push('/');
                p.push_str(&i.to_string());
            }
        }
    }
    p
}

fn read_entries(
    value: &Node,
    scope: &str,
    at: &str,
    out: &mut Vec<Directive>,
    problems: &mut Vec<Diagnostic>,
) {
    let invalid = |message: String, at: String| {
        RULE.diagnostic(message)
            .at(at)
            .help("write a list of {\"rule\": \"<rule id>\", \"reason\": \"<why>\"} objects")
    };
    let Some(items) = value.as_array() else {
        problems.push(invalid(
            format!("`{IGNORE_KEY}` must be a list, found {}", value.type_name()),
            at.to_string(),
        ));
        return;
    };
    for (i, item) in items.iter().enumerate() {
        let item_at = format!("{at}/{i}");
        let rule = item.get_str("rule");
        let reason = item
            .get_str("reason")
            .map(str::trim)
            .filter(|r| !r.is_empty());
        match (rule, reason) {
            (Some(rule), Some(reason)) if crate::rules::find(rule).is_some() => {
                out.push(Directive {
                    scope: scope.to_string(),
                    rule: rule.to_string(),
                    reason: reason.to_string(),
                    pointer: item_at,
                })
            }
            (Some(rule), Some(_)) => problems.push(invalid(
                format!("`{rule}` is not a connlint rule, so this entry suppresses nothing"),
                pointer::join(&item_at, "rule"),
            )),
            (None, _) => problems.push(invalid(
                "suppression entry without a `rule`".into(),
                item_at,
            )),
            (Some(rule), None) => problems.push(invalid(
                format!("suppression of `{rule}` has no `reason`: say why the finding is accepted"),
                item_at,
            )),
        }
    }
}
