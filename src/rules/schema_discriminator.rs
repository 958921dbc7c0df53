use super::support::swagger::{properties, Kind};
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;
use crate::syntax::pointer::join;
use crate::syntax::Node;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `discriminator` that does not name a required string property of its
    /// schema.
    ///
    /// ## Why is this bad?
    /// Swagger 2.0's discriminator is the name of a property that says which subtype an
    /// object is; it must be present and a string. The validator rejects anything else
    /// (DiscriminatorMustBeARequiredStringProperty).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {},
    ///   "definitions": { "Pet": { "type": "object", "discriminator": "kind",
    ///     "properties": { "kind": { "type": "string" } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {},
    ///   "definitions": { "Pet": { "type": "object", "discriminator": "kind", "required": ["kind"],
    ///     "properties": { "kind": { "type": "string" } } } } }
    /// ```
    pub static RULE = {
        id: "schema-discriminator",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "`discriminator` names a required string property",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let walk = ctx.objects();
    for obj in walk.iter() {
        if obj.kind != Kind::Schema {
            continue;
        }
        let Some(d) = obj.node.get_str("discriminator") else {
            continue;
        };
        let props = properties(ctx.root, obj.node, &walk.pointer(obj));
        let required = obj
            .node
            .get("required")
            .and_then(Node::as_array)
            .is_some_and(|r| r.iter().any(|x| x.as_str() == Some(d)));
        let prop = props.iter().find(|(n, _, _)| *n == d);
        let problem = match prop {
            None => Some("is not a property of the schema"),
            Some((_, p, _)) if p.get_str("type").is_some_and(|t| t != "string") => {
                Some("is not a string property")
            }
            Some(_) if !required => Some("is not required"),
            _ => None,
        };
        if let Some(problem) = problem {
            out.push(
                RULE.diagnostic(format!("the discriminator `{d}` {problem}"))
                    .at(join(&walk.pointer(obj), "discriminator"))
                    .help(format!(
                        "define `{d}` as a string property and list it in `required`"
                    )),
            );
        }
    }
}
