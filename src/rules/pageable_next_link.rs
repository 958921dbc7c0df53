use super::support::swagger::op_node;
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;
use crate::syntax::pointer::join;

crate::declare_rule! {
    /// ## What it does
    /// Reports an `x-ms-pageable` without `nextLinkName`, or whose `nextLinkName` is not
    /// `nextLink` or `@odata.nextLink`.
    ///
    /// ## Why is this bad?
    /// The platform follows the next-page link only under those names
    /// (InvalidNextLinkNameValue); with another name, pagination silently stops after the
    /// first page. Rename the property with the `updatenextlink` policy if the service
    /// uses another name.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "x-ms-pageable": { "nextLinkName": "next_page" },
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///     "x-ms-pageable": { "nextLinkName": "nextLink" },
    ///     "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "pageable-next-link",
        severity: Error,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "`x-ms-pageable.nextLinkName` is `nextLink` or `@odata.nextLink`",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx.operations() {
        let Some(p) = op_node(ctx, op).and_then(|n| n.get("x-ms-pageable")) else {
            continue;
        };
        let at = op.pointer_to("x-ms-pageable");
        match p.get_str("nextLinkName") {
            Some("nextLink" | "@odata.nextLink") => {}
            Some(other) => out.push(
                RULE.diagnostic(format!("`nextLinkName` of {} is `{other}`", op.name()))
                    .at(join(&at, "nextLinkName"))
                    .operation(op.operation_id.as_deref())
                    .help("use \"nextLink\" or \"@odata.nextLink\"; rename the service's property with the updatenextlink policy template"),
            ),
            None => out.push(
                RULE.diagnostic(format!("`x-ms-pageable` of {} has no `nextLinkName`", op.name()))
                    .at(at)
                    .operation(op.operation_id.as_deref())
                    .help("write \"x-ms-pageable\": { \"nextLinkName\": \"nextLink\" }"),
            ),
        }
    }
}
