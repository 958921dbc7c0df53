use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `schemes` list (top-level or on an operation) that is empty, not an array,
    /// or that holds anything but `http` and `https` (such as `ws` or `wss`).
    ///
    /// ## Why is this bad?
    /// Connectors call the service over HTTP(S) only; the validator rejects other schemes
    /// and empty lists (SchemeNotValid, SchemesArrayEmpty, SchemeNotSupported).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "host": "api.contoso.com", "schemes": ["wss"], "paths": {} }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "host": "api.contoso.com", "schemes": ["https"], "paths": {} }
    /// ```
    pub static RULE = {
        id: "schemes-valid",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "`schemes` must list only `http` and `https`",
    };
}

const HELP: &str = "write \"schemes\": [\"https\"]";

fn check_list(node: &crate::syntax::Node, at: &str, out: &mut Vec<Diagnostic>) {
    let Some(items) = node.as_array() else {
        out.push(
            RULE.diagnostic(format!("`schemes` is {}, not an array", node.type_name()))
                .at(at)
                .help(HELP),
        );
        return;
    };
    if items.is_empty() {
        out.push(RULE.diagnostic("`schemes` is empty").at(at).help(HELP));
    }
    for (i, s) in items.iter().enumerate() {
        match s.as_str() {
            Some("http" | "https") => {}
            Some(other) => out.push(
                RULE.diagnostic(format!(
                    "the scheme `{other}` is not supported; use `http` or `https`"
                ))
                .at(format!("{at}/{i}"))
                .help(HELP),
            ),
            None => out.push(
                RULE.diagnostic(format!("a scheme is {}, not a string", s.type_name()))
                    .at(format!("{at}/{i}"))
                    .help(HELP),
            ),
        }
    }
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    if let Some(s) = ctx.root.get("schemes") {
        check_list(s, "/schemes", out);
    }
    for op in ctx.operations() {
        if let Some(s) = super::support::swagger::op_node(ctx, op).and_then(|n| n.get("schemes")) {
            check_list(s, &op.pointer_to("schemes"), out);
        }
    }
}
