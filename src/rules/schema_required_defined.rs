use super::support::swagger::{properties, Kind, Role};
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;
use crate::syntax::pointer::join;
use crate::syntax::Node;

crate::declare_rule! {
    /// ## What it does
    /// Reports a schema's `required` list that names a property the schema does not
    /// define, that is empty, or that sits on a schema that is not an object; and a
    /// required property of a request schema that is `readOnly`.
    ///
    /// ## Why is this bad?
    /// The designer marks required fields with an asterisk and refuses to run without them;
    /// a name with no property is a field nobody can fill in. The validator rejects these
    /// (RequiredPropertyDefinitionMissing, RequiredPropertyArrayEmpty,
    /// RequiredPropertyNotOnObject, RequiredReadOnlyPropertyNotAllowedAsInput).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {},
    ///   "definitions": { "Item": { "type": "object", "required": ["name"],
    ///     "properties": { "title": { "type": "string" } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" }, "paths": {},
    ///   "definitions": { "Item": { "type": "object", "required": ["title"],
    ///     "properties": { "title": { "type": "string" } } } } }
    /// ```
    pub static RULE = {
        id: "schema-required-defined",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "`required` names defined properties of an object schema",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let walk = ctx.objects();
    for obj in walk.iter() {
        if obj.kind != Kind::Schema {
            continue;
        }
        let Some(req) = obj.node.get("required") else {
            continue;
        };
        let Some(list) = req.as_array() else {
            continue;
        };
        let at = join(&walk.pointer(obj), "required");
        if list.is_empty() {
            out.push(
                RULE.diagnostic("`required` is an empty list")
                    .at(&at)
                    .help("remove the empty `required`, or list the required properties"),
            );
            continue;
        }
        let ty = obj.node.get_str("type");
        if ty.is_some_and(|t| t != "object") {
            out.push(
                RULE.diagnostic(format!(
                    "`required` is on a schema of type `{}`, not an object",
                    ty.unwrap_or_default()
                ))
                .at(&at)
                .help("put `required` on the object schema that holds the properties"),
            );
            continue;
        }
        let props = properties(ctx.root, obj.node, &walk.pointer(obj));
        // A schema with additionalProperties, or no properties at all, may define the
        // names elsewhere (dynamic schemas): only judge schemas that list properties.
        if props.is_empty()
            || obj
                .node
                .get("additionalProperties")
                .is_some_and(|a| a.is_object() || a.as_bool() == Some(true))
        {
            continue;
        }
        for (i, name) in list.iter().enumerate() {
            let Some(name) = name.as_str() else { continue };
            match props.iter().find(|(n, _, _)| *n == name) {
                None => out.push(
                    RULE.diagnostic(format!(
                        "`{name}` is required but the schema has no property `{name}`"
                    ))
                    .at(format!("{at}/{i}"))
                    .help("define the property under `properties`, or fix the name in `required`"),
                ),
                Some((_, node, _)) => {
                    let read_only = node.get("readOnly").and_then(Node::as_bool) == Some(true);
                    if read_only && obj.role == Role::Input {
                        out.push(
                            RULE.diagnostic(format!(
                                "`{name}` is required in a request but `readOnly`"
                            ))
                            .at(format!("{at}/{i}"))
                            .help("a read-only property cannot be sent: drop it from `required` or remove `readOnly`"),
                        );
                    }
                }
            }
        }
    }
}
