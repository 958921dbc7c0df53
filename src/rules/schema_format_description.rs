use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;
use crate::syntax::pointer::join;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `format: date` or `format: date-time` whose own `description` asks for
    /// another format: a time with a date (`'YYYY-MM-DD hh:mm'` for `date-time`, which is
    /// RFC 3339, `2025-01-31T13:45:00Z`), a date with a time, or another order of day,
    /// month and year (`dd/MM/yyyy` for `date`).
    ///
    /// ## Why is this bad?
    /// One of the two is wrong, and the maker cannot tell which. The designer and the
    /// platform treat `date-time` values as RFC 3339, while the maker follows the
    /// tooltip: whichever the service expects, some flows send the other and fail with
    /// a 400. `connlint tooltips` prints no format example for such a field.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {},
    ///   "definitions": { "Campaign": { "type": "object", "properties": {
    ///     "start_date": { "type": "string", "format": "date-time",
    ///       "description": "Sending date in the format 'YYYY-MM-DD hh:mm'." } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {},
    ///   "definitions": { "Campaign": { "type": "object", "properties": {
    ///     "start_date": { "type": "string",
    ///       "description": "Sending date in the format 'YYYY-MM-DD hh:mm'." } } } } }
    /// ```
    pub static RULE = {
        id: "schema-format-description",
        severity: Warning,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://swagger.io/specification/v2/#data-types",
        summary: "a `format` and the format its description states agree",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let walk = ctx.objects();
    for obj in walk.typed() {
        let (Some(format), Some(description)) =
            (obj.node.get_str("format"), obj.node.get_str("description"))
        else {
            continue;
        };
        let Some(stated) = crate::suggest::stated_format(description) else {
            continue;
        };
        let Some(why) = crate::suggest::format_conflict(format, &stated) else {
            continue;
        };
        let help = if format.eq_ignore_ascii_case("date-time") {
            "if the service takes RFC 3339, write that in the description (2025-01-31T13:45:00Z); if it takes the described format, remove `format` (a plain string)"
        } else {
            "if the service takes year-month-day, write that in the description (2025-01-31); if it takes the described format, remove `format` (a plain string)"
        };
        out.push(
            RULE.diagnostic(why)
                .at(join(&walk.pointer(obj), "format"))
                .help(help),
        );
    }
}
