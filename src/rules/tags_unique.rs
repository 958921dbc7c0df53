use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a tag declared twice in the top-level `tags` list.
    ///
    /// ## Why is this bad?
    /// Tags group operations; a name defined twice is ambiguous and the validator rejects
    /// it (TagRedefined).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {},
    ///   "tags": [ { "name": "Tickets" }, { "name": "Tickets" } ] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {},
    ///   "tags": [ { "name": "Tickets" }, { "name": "Customers" } ] }
    /// ```
    pub static RULE = {
        id: "tags-unique",
        severity: Error,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "each tag is declared once",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let Some(tags) = ctx.root.get("tags").and_then(|t| t.as_array()) else {
        return;
    };
    let mut seen: Vec<&str> = Vec::new();
    for (i, t) in tags.iter().enumerate() {
        let Some(name) = t.get_str("name") else {
            continue;
        };
        if seen.contains(&name) {
            out.push(
                RULE.diagnostic(format!("the tag `{name}` is declared more than once"))
                    .at(format!("/tags/{i}/name"))
                    .help("remove the repeated tag or merge the two declarations"),
            );
        } else {
            seen.push(name);
        }
    }
}
