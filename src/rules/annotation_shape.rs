use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;
use crate::syntax::pointer::{join, resolve};
use crate::syntax::Node;

crate::declare_rule! {
    /// ## What it does
    /// Reports an `x-ms-api-annotation` that is not an object, a `family` that is not a
    /// string, a `revision` that is not an integer of 1 or more, and keys other than
    /// `family`, `revision`, `status`, `replacement` and `expires`.
    ///
    /// ## Why is this bad?
    /// The platform reads these fields by type; a revision written as `"2"` or a key such
    /// as `version` is ignored, and the repository's schema rejects them.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/v2/items": { "get": { "operationId": "ListItems_V2", "summary": "List items",
    ///     "x-ms-api-annotation": { "family": "ListItems", "revision": "2" },
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/v2/items": { "get": { "operationId": "ListItems_V2", "summary": "List items",
    ///     "x-ms-api-annotation": { "family": "ListItems", "revision": 2 },
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "annotation-shape",
        severity: Error,
        scope: Definition,
        source: "https://github.com/microsoft/PowerPlatformConnectors/blob/dev/schemas/apiDefinition.swagger.schema.json",
        summary: "`x-ms-api-annotation` has a string family, an integer revision and known keys",
    };
}

const KEYS: [&str; 5] = ["family", "revision", "status", "replacement", "expires"];

fn check_one(a: &Node, at: &str, op: Option<&str>, out: &mut Vec<Diagnostic>) {
    let Some(members) = a.members() else {
        out.push(
            RULE.diagnostic(format!(
                "`x-ms-api-annotation` is {}, not an object",
                a.type_name()
            ))
            .at(at)
            .operation(op)
            .help("write { \"family\": …, \"revision\": …, \"status\": … }"),
        );
        return;
    };
    for m in members {
        let k = m.key.as_str();
        let k_at = join(at, k);
        match k {
            "family" if m.value.as_str().is_none() => out.push(
                RULE.diagnostic(format!("`family` is {}, not a string", m.value.type_name()))
                    .at(k_at)
                    .operation(op)
                    .help(
                        "name the family with a string, usually the first revision's operationId",
                    ),
            ),
            "revision" => {
                let ok = matches!(m.value.kind, crate::syntax::NodeKind::Number(_))
                    && m.value.as_i64().is_some_and(|r| r >= 1);
                if !ok {
                    out.push(
                        RULE.diagnostic("`revision` is not an integer of 1 or more")
                            .at(k_at)
                            .operation(op)
                            .help("write the revision as a number without quotes: 1, 2, 3…"),
                    );
                }
            }
            _ if KEYS.contains(&k) || k.starts_with("x-") => {}
            _ => out.push(
                RULE.diagnostic(format!("`{k}` is not a key of `x-ms-api-annotation`"))
                    .at(k_at)
                    .operation(op)
                    .help("use only family, revision, status and replacement"),
            ),
        }
    }
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    if let Some(a) = ctx
        .root
        .get("info")
        .and_then(|i| i.get("x-ms-api-annotation"))
    {
        check_one(a, "/info/x-ms-api-annotation", None, out);
    }
    for op in ctx.operations() {
        if let Some(a) = &op.annotation {
            if let Some(t) = resolve(ctx.root, &a.pointer) {
                check_one(t.node, &a.pointer, op.operation_id.as_deref(), out);
            }
        }
    }
}
