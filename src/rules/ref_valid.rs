use super::support::swagger::Kind;
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;
use crate::syntax::pointer::{join, resolve};
use crate::syntax::Node;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `$ref` that points into the wrong section (a schema must refer to
    /// `#/definitions/…`, a parameter to `#/parameters/…`, a response to `#/responses/…`),
    /// and a `$ref` whose target is itself only a `$ref` (errors); and keys written beside
    /// a `$ref` (other than `x-` extensions and a schema's `description`), which are
    /// ignored (a warning: generated definitions often carry them). References that
    /// resolve to nothing are `invalid-reference`'s.
    ///
    /// ## Why is this bad?
    /// The validator rejects each (SchemaReferenceNotValid, ParameterReferenceNotValid,
    /// ResponseReferenceNotValid, *RefLoopNotAllowed, AdditionalPropertyNotAllowedAdjacentToRef).
    /// Keys beside a `$ref` look like they refine the reference but are dropped.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "responses": { "200": { "description": "OK", "schema": { "$ref": "#/parameters/Item" } } } } } },
    ///   "parameters": { "Item": { "name": "item", "in": "query", "type": "string" } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "responses": { "200": { "description": "OK", "schema": { "$ref": "#/definitions/Item" } } } } } },
    ///   "definitions": { "Item": { "type": "object", "properties": { "id": { "type": "string" } } } } }
    /// ```
    pub static RULE = {
        id: "ref-valid",
        severity: Error,
        scope: Definition,
        applies_to: Swagger2,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "`$ref`s point to the right section, not to another `$ref`, and stand alone",
    };
}

/// Whether a local reference points at a node that is itself only a `$ref`, memoised
/// per reference text.
struct Chains<'a> {
    root: &'a Node,
    seen: std::collections::HashMap<&'a str, bool>,
}

impl<'a> Chains<'a> {
    fn is_chain(&mut self, local: &'a str) -> bool {
        let root = self.root;
        *self
            .seen
            .entry(local)
            .or_insert_with(|| resolve(root, local).is_some_and(|t| t.node.get("$ref").is_some()))
    }
}

/// Checks one `$ref` holder; `at` builds its pointer (only when there is a finding).
fn check_ref<'a>(
    chains: &mut Chains<'a>,
    holder: &'a Node,
    at: &dyn Fn() -> String,
    section: &str,
    siblings_allowed: &[&str],
    out: &mut Vec<Diagnostic>,
) {
    let Some(target) = holder.get_str("$ref") else {
        return;
    };
    let Some(local) = target.strip_prefix('#') else {
        return;
    };
    let in_section = local
        .strip_prefix('/')
        .and_then(|l| l.strip_prefix(section))
        .is_some_and(|l| l.starts_with('/'));
    if !in_section {
        out.push(
            RULE.diagnostic(format!(
                "`{target}` is not under `#/{section}/`, where this reference must point"
            ))
            .at(join(&at(), "$ref"))
            .help(format!(
                "move the referenced object under #/{section} and refer to it there"
            )),
        );
    } else if chains.is_chain(local) {
        out.push(
            RULE.diagnostic(format!("`{target}` is itself only a reference"))
                .at(join(&at(), "$ref"))
                .help("refer directly to the final object instead of chaining references"),
        );
    }
    for m in holder.members().unwrap_or_default() {
        let k = m.key.as_str();
        if k == "$ref" || k.starts_with("x-") || siblings_allowed.contains(&k) {
            continue;
        }
        // Deployed connectors (AutoRest output) carry such keys: a warning, not an error.
        let mut d = RULE
            .diagnostic(format!("`{k}` beside `$ref` is ignored"))
            .at(join(&at(), k))
            .help("remove the key, or put it in the referenced object");
        d.severity = crate::diagnostic::Severity::Warning;
        out.push(d);
    }
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let mut chains = Chains {
        root: ctx.root,
        seen: Default::default(),
    };
    let walk = ctx.objects();
    for obj in walk.iter() {
        if obj.kind == Kind::Schema && obj.node.get("$ref").is_some() {
            check_ref(
                &mut chains,
                obj.node,
                &|| walk.pointer(obj),
                "definitions",
                &["description"],
                out,
            );
        }
        if obj.kind == Kind::Operation {
            if let Some(responses) = obj.node.get("responses") {
                for m in responses.members().unwrap_or_default() {
                    if !m.key.starts_with("x-") && m.value.get("$ref").is_some() {
                        let at = || join(&join(&walk.pointer(obj), "responses"), &m.key);
                        check_ref(&mut chains, &m.value, &at, "responses", &[], out);
                    }
                }
            }
        }
    }
    for entries in ctx.parameter_lists() {
        for e in entries {
            if e.raw.get("$ref").is_some() {
                let usage = e.usage.clone();
                check_ref(
                    &mut chains,
                    e.raw,
                    &|| usage.clone(),
                    "parameters",
                    &[],
                    out,
                );
            }
        }
    }
}
