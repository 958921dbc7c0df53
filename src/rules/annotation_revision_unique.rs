use super::annotation_family_active_max::families;
use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports two operations of one `x-ms-api-annotation` family with the same
    /// `revision`, and a family in which more than one operation has no revision.
    ///
    /// ## Why is this bad?
    /// The revision orders the versions of an operation: the designer offers the newest
    /// and marks the others. Two equal or missing revisions leave the order undefined; the
    /// validator rejects them (OperationFamilyHasDuplicateRevisions,
    /// OperationFamilyHasManyEmptyRevisions).
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": {
    ///     "/v1/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///       "x-ms-api-annotation": { "family": "ListItems", "revision": 1 },
    ///       "responses": { "200": { "description": "OK" } } } },
    ///     "/v2/items": { "get": { "operationId": "ListItems_V2", "summary": "List items",
    ///       "x-ms-api-annotation": { "family": "ListItems", "revision": 1 },
    ///       "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": {
    ///     "/v1/items": { "get": { "operationId": "ListItems", "summary": "List items",
    ///       "x-ms-api-annotation": { "family": "ListItems", "revision": 1 },
    ///       "responses": { "200": { "description": "OK" } } } },
    ///     "/v2/items": { "get": { "operationId": "ListItems_V2", "summary": "List items",
    ///       "x-ms-api-annotation": { "family": "ListItems", "revision": 2 },
    ///       "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "annotation-revision-unique",
        severity: Error,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules",
        summary: "revisions in a family are unique, and at most one is missing",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for (family, members) in families(ctx.operations()) {
        let mut seen: Vec<i64> = Vec::new();
        let mut without = 0;
        for op in &members {
            let a = op
                .annotation
                .as_ref()
                .expect("family members have an annotation");
            match a.revision {
                Some(r) if seen.contains(&r) => out.push(
                    RULE.diagnostic(format!(
                        "revision {r} appears twice in the family `{family}`"
                    ))
                    .at(format!("{}/revision", a.pointer))
                    .operation(op.operation_id.as_deref())
                    .help("number the revisions of a family 1, 2, 3…, the newest highest"),
                ),
                Some(r) => seen.push(r),
                None => {
                    without += 1;
                    if without == 2 {
                        out.push(
                            RULE.diagnostic(format!(
                                "more than one operation of the family `{family}` has no revision"
                            ))
                            .at(&a.pointer)
                            .operation(op.operation_id.as_deref())
                            .help("give every member of the family a \"revision\" number"),
                        );
                    }
                }
            }
        }
    }
}
