use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;
use crate::syntax::pointer::join;

crate::declare_rule! {
    /// ## What it does
    /// Reports a path (a key of `paths`) that does not start with `/`; that has a `?` or
    /// `#` (a query or fragment), a `*`, or unbalanced `{}`; whose template variables span
    /// segments or carry defaults (`{id=1}`); and a path item that is a `$ref`.
    ///
    /// ## Why is this bad?
    /// The validator rejects each of these (OperationPathMustStartWithSlash,
    /// OperationPathMayNotContainQueryOrFragment, OperationPathContainsUnsupportedCharacters,
    /// OperationPathTemplateNotValid, OperationPathVariablesContainDefaults,
    /// PathItemRefNotSuppored). Query parameters belong in `parameters`.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items?active=true": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "parameters": [ { "name": "active", "in": "query", "type": "boolean", "default": true,
    ///       "x-ms-summary": "Active", "description": "Only active items." } ],
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "path-syntax",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "paths start with `/` and hold no query, fragment, `*` or malformed template",
    };
}

/// What is wrong with a path template, if anything.
pub fn problem(path: &str) -> Option<String> {
    if !path.starts_with('/') {
        return Some("does not start with `/`".into());
    }
    if path.contains('?') || path.contains('#') {
        return Some("contains a query or fragment (`?` or `#`)".into());
    }
    if path.contains('*') {
        return Some("contains `*`".into());
    }
    for segment in path.split('/') {
        let mut depth = 0i32;
        for c in segment.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            if !(0..=1).contains(&depth) {
                return Some(format!("has unbalanced braces in `{segment}`"));
            }
        }
        if depth != 0 {
            return Some(format!("has unbalanced braces in `{segment}`"));
        }
    }
    for var in super::support::swagger::template_vars(path) {
        if var.contains('=') {
            return Some(format!("gives the variable `{{{var}}}` a default"));
        }
        if var.trim().is_empty() {
            return Some("has an empty template variable `{}`".into());
        }
    }
    None
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let Some(paths) = ctx.root.get("paths") else {
        return;
    };
    for m in paths.members().unwrap_or_default() {
        if m.key.starts_with("x-") {
            continue;
        }
        let at = join("/paths", &m.key);
        if let Some(p) = problem(&m.key) {
            out.push(
                RULE.diagnostic(format!("the path `{}` {p}", m.key))
                    .at(&at)
                    .help("write the path as `/segment/{variable}`: no query string, fragment, `*` or defaults; declare query values as `in: query` parameters"),
            );
        }
        if m.value.get("$ref").is_some() {
            out.push(
                RULE.diagnostic(format!("the path item `{}` is a `$ref`", m.key))
                    .at(join(&at, "$ref"))
                    .help(
                        "write the operations inline: references on path items are not supported",
                    ),
            );
        }
    }
}
