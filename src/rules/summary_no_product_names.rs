use super::support::text::product_name;
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an operation summary or description, or a parameter `x-ms-summary` or
    /// description, that names a Power Platform product (Power Apps, Power Automate, Logic
    /// Apps, Copilot Studio, …).
    ///
    /// ## Why is this bad?
    /// Microsoft: summaries and descriptions "can't contain any of the Microsoft Power
    /// Platform product names". The validator has only been seen enforcing this on `info`,
    /// hence a warning here.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "description": "Lists the items for use in a Power Automate flow.",
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "description": "Lists the items of the current workspace.",
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "summary-no-product-names",
        severity: Warning,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission#define-operation-and-parameter-summaries-and-descriptions",
        summary: "summaries and descriptions name a Power Platform product",
    };
}

const HELP: &str = "describe the operation without naming Power Apps, Power Automate, Logic Apps or Copilot Studio (say \"flow\" or \"app\" if needed)";

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let mut seen_params = std::collections::HashSet::new();
    for op in ctx.operations() {
        for (key, value) in [("summary", &op.summary), ("description", &op.description)] {
            if let Some(name) = value.as_deref().and_then(product_name) {
                out.push(
                    RULE.diagnostic(format!(
                        "the {key} of {} names the product `{name}`",
                        op.name()
                    ))
                    .at(op.pointer_to(key))
                    .operation(op.operation_id.as_deref())
                    .help(HELP),
                );
            }
        }
        for p in &op.parameters {
            if !seen_params.insert(p.pointer.clone()) {
                continue;
            }
            for (key, value) in [
                ("x-ms-summary", &p.summary),
                ("description", &p.description),
            ] {
                if let Some(name) = value.as_deref().and_then(product_name) {
                    out.push(
                        RULE.diagnostic(format!(
                            "the {key} of parameter `{}` names the product `{name}`",
                            p.name
                        ))
                        .at(crate::syntax::pointer::join(&p.pointer, key))
                        .operation(op.operation_id.as_deref())
                        .help(HELP),
                    );
                }
            }
        }
    }
}
