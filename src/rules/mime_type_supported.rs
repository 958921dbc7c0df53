use super::support::swagger::op_node;
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;
use crate::syntax::Node;

crate::declare_rule! {
    /// ## What it does
    /// Reports a media type in `consumes` or `produces` (top-level or on an operation)
    /// other than `application/json`, `text/plain`, `multipart/form-data` and
    /// `application/x-www-form-urlencoded`, once per list. Parameters such as
    /// `; charset=utf-8` are ignored.
    ///
    /// ## Why is this bad?
    /// The validator warns: "The MIME type 'application/text' is not supported. The
    /// supported mime types are: application/json, text/plain, multipart/form-data,
    /// application/x-www-form-urlencoded". Other types may not be sent or parsed as
    /// expected.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "produces": ["application/text"], "paths": {} }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "produces": ["application/json"], "paths": {} }
    /// ```
    pub static RULE = {
        id: "mime-type-supported",
        severity: Warning,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "`consumes`/`produces` media types must be ones Power Platform supports",
    };
}

pub const SUPPORTED: [&str; 4] = [
    "application/json",
    "text/plain",
    "multipart/form-data",
    "application/x-www-form-urlencoded",
];

fn check_list(list: &Node, at: &str, out: &mut Vec<Diagnostic>, op: Option<&str>) {
    let items = list.as_array().unwrap_or_default();
    let bad: Vec<(usize, &str)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, m)| m.as_str().map(|s| (i, s)))
        .filter(|(_, s)| {
            let base = s
                .split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase();
            !SUPPORTED.contains(&base.as_str())
        })
        .collect();
    let Some((first, _)) = bad.first() else {
        return;
    };
    let shown = bad
        .iter()
        .map(|(_, s)| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let what = if bad.len() == 1 {
        format!("the media type {shown} is not supported")
    } else {
        format!("the media types {shown} are not supported")
    };
    out.push(
        RULE.diagnostic(what)
            .at(format!("{at}/{first}"))
            .operation(op)
            .help(format!("use only {}", SUPPORTED.join(", "))),
    );
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for key in ["consumes", "produces"] {
        if let Some(l) = ctx.root.get(key) {
            check_list(l, &format!("/{key}"), out, None);
        }
    }
    for op in ctx.operations() {
        let Some(n) = op_node(ctx, op) else { continue };
        for key in ["consumes", "produces"] {
            if let Some(l) = n.get(key) {
                check_list(l, &op.pointer_to(key), out, op.operation_id.as_deref());
            }
        }
    }
}
