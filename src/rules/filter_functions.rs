use super::support::swagger::{uses_extension, Kind, Role};
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;
use crate::syntax::pointer::join;

crate::declare_rule! {
    /// ## What it does
    /// Reports an `x-ms-capabilities.filterFunctions` list that is empty, repeats a
    /// function, names a function that is not an OData filter function, or sits anywhere
    /// but in a response schema.
    ///
    /// ## Why is this bad?
    /// The list tells the platform which OData functions it may delegate to the service
    /// (Power Apps delegation); a wrong list breaks or silently un-delegates queries. The
    /// validator rejects these (FilterFunctions…).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/rows": { "get": { "operationId": "ListRows", "summary": "List rows",
    ///     "responses": { "200": { "description": "OK", "schema": { "type": "object",
    ///       "properties": { "value": { "type": "array", "items": { "type": "object" } } },
    ///       "x-ms-capabilities": { "filterFunctions": ["eq", "like"] } } } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/rows": { "get": { "operationId": "ListRows", "summary": "List rows",
    ///     "responses": { "200": { "description": "OK", "schema": { "type": "object",
    ///       "properties": { "value": { "type": "array", "items": { "type": "object" } } },
    ///       "x-ms-capabilities": { "filterFunctions": ["eq", "contains"] } } } } } } } }
    /// ```
    pub static RULE = {
        id: "filter-functions",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "`filterFunctions` lists known OData functions, in a response schema",
    };
}

pub const FUNCTIONS: &[&str] = &[
    "eq",
    "ne",
    "gt",
    "ge",
    "lt",
    "le",
    "and",
    "or",
    "not",
    "contains",
    "startswith",
    "endswith",
    "length",
    "indexof",
    "replace",
    "substring",
    "substringof",
    "tolower",
    "toupper",
    "trim",
    "concat",
    "year",
    "month",
    "day",
    "hour",
    "minute",
    "second",
    "date",
    "time",
    "now",
    "totaloffsetminutes",
    "totalseconds",
    "floor",
    "ceiling",
    "round",
    "sum",
    "min",
    "max",
    "average",
    "countdistinct",
    "null",
    "add",
    "sub",
    "mul",
    "div",
    "mod",
    "negate",
    "in",
];

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    if !uses_extension(ctx, "x-ms-capabilities") {
        return;
    }
    let walk = ctx.objects();
    for obj in walk.iter() {
        let Some(list) = obj
            .node
            .get("x-ms-capabilities")
            .and_then(|c| c.get("filterFunctions"))
        else {
            continue;
        };
        let at = join(
            &join(&walk.pointer(obj), "x-ms-capabilities"),
            "filterFunctions",
        );
        if obj.kind != Kind::Schema || obj.role == Role::Input {
            out.push(
                RULE.diagnostic(format!(
                    "`filterFunctions` on {}; it belongs in a response schema",
                    obj.kind.noun()
                ))
                .at(&at)
                .help("move the capability to the schema of the response that lists the records"),
            );
            continue;
        }
        let Some(items) = list.as_array() else {
            continue;
        };
        if items.is_empty() {
            out.push(
                RULE.diagnostic("`filterFunctions` is empty").at(&at).help(
                    "list the OData functions the service supports, or remove the capability",
                ),
            );
        }
        let mut seen = Vec::new();
        for (i, f) in items.iter().enumerate() {
            let Some(name) = f.as_str() else { continue };
            if seen.contains(&name) {
                out.push(
                    RULE.diagnostic(format!("`filterFunctions` lists `{name}` twice"))
                        .at(format!("{at}/{i}"))
                        .help("remove the repeated function"),
                );
            }
            seen.push(name);
            if !FUNCTIONS.contains(&name) {
                out.push(
                    RULE.diagnostic(format!("`{name}` is not an OData filter function"))
                        .at(format!("{at}/{i}"))
                        .help("use OData function names such as eq, ne, gt, lt, and, or, contains, startswith"),
                );
            }
        }
    }
}
