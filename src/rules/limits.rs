use super::support::swagger::{is_swagger2, Kind};
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a definition with more than 256 operations, and schemas nested more than 20
    /// levels deep. Microsoft does not publish its limits, so these are hints.
    ///
    /// ## Why is this bad?
    /// The validator has limits on the number of operations and schemas and on schema
    /// depth (TotalOperationsCountExceedsMaxAllowed, SchemaTooDeep, …). The largest
    /// deployed connector has 219 operations; very deep schemas also make the designer
    /// slow and the dynamic content hard to use.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {},
    /// "definitions": { "Deep": { "type": "object", "properties": { "a": { "type": "object",
    /// "properties": { "b": { "type": "object", "properties": { "c": { "type": "object",
    /// "properties": { "d": { "type": "object", "properties": { "e": { "type": "object",
    /// "properties": { "f": { "type": "object", "properties": { "g": { "type": "object",
    /// "properties": { "h": { "type": "object", "properties": { "i": { "type": "object",
    /// "properties": { "j": { "type": "object", "properties": { "k": { "type": "object",
    /// "properties": { "l": { "type": "object", "properties": { "m": { "type": "object",
    /// "properties": { "n": { "type": "object", "properties": { "o": { "type": "object",
    /// "properties": { "p": { "type": "object", "properties": { "q": { "type": "object",
    /// "properties": { "r": { "type": "object", "properties": { "s": { "type": "object",
    /// "properties": { "t": { "type": "object", "properties": { "u": { "type": "string" } } } }
    /// } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {},
    ///   "definitions": { "Flat": { "type": "object", "properties": { "a": { "type": "string" } } } } }
    /// ```
    pub static RULE = {
        id: "limits",
        severity: Info,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "very many operations or very deep schemas",
    };
}

pub const MAX_OPERATIONS: usize = 256;
pub const MAX_DEPTH: usize = 20;

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let n = ctx.operations().len();
    if n > MAX_OPERATIONS {
        out.push(
            RULE.diagnostic(format!(
                "the definition has {n} operations; large connectors may hit the platform's limit"
            ))
            .at("/paths")
            .help("split the connector by area, or remove operations makers do not need"),
        );
    }
    if !is_swagger2(ctx) {
        return;
    }
    let mut reported_roots: Vec<String> = Vec::new();
    let walk = ctx.objects();
    for obj in walk.iter() {
        if obj.kind == Kind::Schema && obj.depth > MAX_DEPTH {
            let at = walk.pointer(obj);
            let root: String = at
                .split("/properties/")
                .next()
                .unwrap_or_default()
                .to_string();
            if reported_roots.contains(&root) {
                continue;
            }
            reported_roots.push(root);
            out.push(
                RULE.diagnostic(format!(
                    "a schema is nested {} levels deep; keep schemas under {MAX_DEPTH} levels",
                    obj.depth
                ))
                .at(&at)
                .help("flatten the schema or cut it with a `$ref` to a shared definition; deep outputs are hard to use in the designer"),
            );
        }
    }
}
