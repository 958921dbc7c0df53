use crate::diagnostic::FileKind;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::DefinitionContext;
use crate::syntax::Node;

crate::declare_rule! {
    /// ## What it does
    /// Checks the policy template instances of `apiProperties.json`
    /// (`policyTemplateInstances`): each names a known template (an unknown one is a
    /// warning: Microsoft adds templates faster than the schema), gives the parameters the
    /// template requires (e.g. `x-ms-apimTemplateParameter.name` and `.value` for
    /// `setheader`), and applies to operations that exist in the definition
    /// (`x-ms-apimTemplate-operationName`).
    ///
    /// ## Why is this bad?
    /// A policy without its required parameters is rejected when the connector is
    /// deployed; one that names a renamed or deleted operation silently stops applying,
    /// so the header, route or paging fix it carried is gone.
    ///
    /// ## Example
    /// ```text
    /// "policyTemplateInstances": [ { "templateId": "setheader", "title": "Set version",
    ///   "parameters": { "x-ms-apimTemplateParameter.name": "Api-Version",
    ///     "x-ms-apimTemplate-operationName": ["ListItem"] } } ]
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// "policyTemplateInstances": [ { "templateId": "setheader", "title": "Set version",
    ///   "parameters": { "x-ms-apimTemplateParameter.name": "Api-Version",
    ///     "x-ms-apimTemplateParameter.value": "2024-01-01",
    ///     "x-ms-apimTemplate-operationName": ["ListItems"] } } ]
    /// ```
    pub static RULE = {
        id: "apiprops-policy-template",
        severity: Error,
        scope: Connector,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/policy-templates",
        summary: "policy templates are known, complete and apply to existing operations",
    };
}

/// Known templates and the parameters each requires (from the repository's schema).
pub const TEMPLATES: &[(&str, &[&str])] = &[
    (
        "convertarraytoobject",
        &[
            "propertyParentPath",
            "keyWithinCollectionPath",
            "newPropertyPath",
        ],
    ),
    (
        "convertobjecttoarray",
        &["propertyParentPath", "newPropertyPath"],
    ),
    ("dynamichosturl", &["urlTemplate"]),
    (
        "encodepropertyvalue",
        &["propertyParentPath", "newPropertyPath"],
    ),
    ("pollingtrigger", &["triggerConfig", "triggerDataPath"]),
    ("routerequesttoendpoint", &["newPath"]),
    ("setheader", &["name", "value"]),
    (
        "setproperty",
        &[
            "newPropertyParentPathTemplate",
            "newPropertySubPathTemplate",
            "propertyValuePathTemplate",
        ],
    ),
    ("setqueryparameter", &["name", "value"]),
    (
        "setvaluefromurl",
        &[
            "parameterTemplate",
            "parameterValueUrl",
            "parameterValuePathTemplate",
        ],
    ),
    (
        "stringreplace",
        &[
            "propertyParentPath",
            "sourceString",
            "replacementString",
            "newPropertyPath",
        ],
    ),
    (
        "stringtoarray",
        &[
            "propertyParentPath",
            "delimiterList",
            "childPropertyName",
            "newPropertyPath",
        ],
    ),
    ("updatenextlink", &["nextLinkPropertyName"]),
    // Documented by Microsoft, missing from the schema.
    ("setconnectionstatustounauthenticated", &[]),
    ("dynamicsubdomain", &[]),
    ("routetoendpoint", &[]),
];

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    let Some(list) = ctx
        .connector
        .properties
        .and_then(|r| r.get("properties"))
        .and_then(|p| p.get("policyTemplateInstances"))
        .and_then(Node::as_array)
    else {
        return;
    };
    for (i, inst) in list.iter().enumerate() {
        let at = format!("/properties/policyTemplateInstances/{i}");
        let Some(id) = inst.get_str("templateId") else {
            continue;
        };
        let title = inst
            .get_str("title")
            .map(|t| format!(" (`{t}`)"))
            .unwrap_or_default();
        let Some((_, required)) = TEMPLATES.iter().find(|(t, _)| t.eq_ignore_ascii_case(id)) else {
            let mut d = RULE
                .diagnostic(format!("`{id}` is not a known policy template{title}"))
                .in_file(FileKind::Properties)
                .at(format!("{at}/templateId"))
                .help("check the template name against Microsoft's list (setheader, setqueryparameter, routerequesttoendpoint, dynamichosturl, updatenextlink, …)");
            d.severity = Severity::Warning;
            out.push(d);
            continue;
        };
        let params = inst.get("parameters");
        let missing: Vec<String> = required
            .iter()
            .map(|r| format!("x-ms-apimTemplateParameter.{r}"))
            .filter(|k| params.and_then(|p| p.get(k)).is_none())
            .collect();
        if !missing.is_empty() {
            out.push(
                RULE.diagnostic(format!(
                    "the `{id}` policy{title} lacks {}",
                    missing
                        .iter()
                        .map(|m| format!("`{m}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
                .in_file(FileKind::Properties)
                .at(if params.is_some() {
                    format!("{at}/parameters")
                } else {
                    at.clone()
                })
                .help("give the parameters the template requires"),
            );
        }
        let ops = params
            .and_then(|p| p.get("x-ms-apimTemplate-operationName"))
            .and_then(Node::as_array)
            .unwrap_or_default();
        for (j, op) in ops.iter().enumerate() {
            let Some(name) = op.as_str() else { continue };
            if !ctx
                .operations()
                .iter()
                .any(|o| o.operation_id.as_deref() == Some(name))
            {
                out.push(
                    RULE.diagnostic(format!("the `{id}` policy{title} applies to `{name}`, which is not an operation of the definition"))
                        .in_file(FileKind::Properties)
                        .at(format!("{at}/parameters/x-ms-apimTemplate-operationName/{j}"))
                        .help("use the operationId of an existing operation; renaming an operation leaves its policies behind"),
                );
            }
        }
    }
}
