use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;
use crate::syntax::pointer::join;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `type` that is not a Swagger 2.0 type, and a `format` that does not go
    /// with its type: `int32`/`int64` only on integers (or numbers), `float`/`double` only
    /// on numbers, date, binary and the like only on strings. Free-form string formats
    /// (`email`, `uri`, `html`, …) are accepted.
    ///
    /// ## Why is this bad?
    /// The designer picks the input control and the conversion from type and format; an
    /// unknown pair is rejected (UnrecognizedTypeFormat) or silently treated as a string.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {},
    ///   "definitions": { "Item": { "type": "object",
    ///     "properties": { "count": { "type": "string", "format": "int32" } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {},
    ///   "definitions": { "Item": { "type": "object",
    ///     "properties": { "count": { "type": "integer", "format": "int32" } } } } }
    /// ```
    pub static RULE = {
        id: "schema-type-format",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "`type` is known and `format` goes with it",
    };
}

pub const TYPES: &[&str] = &[
    "string", "number", "integer", "boolean", "array", "object", "file", "null",
];

/// The types a known format belongs to; `None` for formats connlint does not judge.
fn format_types(format: &str) -> Option<&'static [&'static str]> {
    Some(match format {
        "int32" | "int64" => &["integer", "number"],
        "float" | "double" | "decimal" => &["number"],
        "byte" | "binary" | "date" | "date-time" | "password" | "uuid" | "time" => {
            &["string", "file"]
        }
        _ => return None,
    })
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let walk = ctx.objects();
    for obj in walk.typed() {
        let Some(t) = obj.node.get("type") else {
            continue;
        };
        let Some(ty) = t.as_str() else {
            out.push(
                RULE.diagnostic(format!("`type` is {}, not a string", t.type_name()))
                    .at(join(&walk.pointer(obj), "type"))
                    .help("Swagger 2.0 takes one type name; for \"may be null\" use x-nullable"),
            );
            continue;
        };
        if !TYPES.contains(&ty) {
            let near = TYPES
                .iter()
                .find(|k| {
                    k.eq_ignore_ascii_case(ty)
                        || crate::text::edit_distance(k, &ty.to_ascii_lowercase()) <= 2
                })
                .map(|k| format!(" (did you mean `{k}`?)"))
                .unwrap_or_default();
            out.push(
                RULE.diagnostic(format!("`{ty}` is not a Swagger type{near}"))
                    .at(join(&walk.pointer(obj), "type"))
                    .help(
                        "use string, number, integer, boolean, array, object (or file for uploads)",
                    ),
            );
            continue;
        }
        let Some(format) = obj.node.get_str("format") else {
            continue;
        };
        if let Some(types) = format_types(format) {
            if !types.contains(&ty) {
                out.push(
                    RULE.diagnostic(format!(
                        "the format `{format}` does not go with type `{ty}`"
                    ))
                    .at(join(&walk.pointer(obj), "format"))
                    .help(format!(
                        "use type `{}` for format `{format}`, or remove the format",
                        types[0]
                    )),
                );
            }
        }
    }
}
