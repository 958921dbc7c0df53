use crate::diagnostic::Diagnostic;
use crate::rules::DefinitionContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a trigger (`x-ms-trigger`) whose summary does not start with "When".
    ///
    /// ## Why is this bad?
    /// Microsoft's string guidance: trigger summaries are "usually in the format" "When a
    /// … is …", which tells makers at a glance that the card starts a flow.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/tickets/new": { "get": { "operationId": "OnNewTicket", "summary": "New ticket",
    ///     "x-ms-trigger": "batch", "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Contoso", "version": "1.0" },
    ///   "paths": { "/tickets/new": { "get": { "operationId": "OnNewTicket", "summary": "When a ticket is created",
    ///     "x-ms-trigger": "batch", "responses": { "200": { "description": "OK" } } } } } }
    /// ```
    pub static RULE = {
        id: "trigger-summary-when",
        severity: Info,
        scope: Definition,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/connector-string-guidance",
        summary: "trigger summaries start with \"When\"",
    };
}

pub fn check(ctx: &DefinitionContext, out: &mut Vec<Diagnostic>) {
    for op in ctx
        .operations()
        .iter()
        .filter(|o| o.trigger.is_some() && !o.deprecated)
    {
        let Some(s) = op.summary.as_deref() else {
            continue;
        };
        if !s.trim_start().to_lowercase().starts_with("when") {
            out.push(
                RULE.diagnostic(format!("the trigger summary `{s}` does not start with \"When\""))
                    .at(op.pointer_to("summary"))
                    .operation(op.operation_id.as_deref())
                    .help("phrase trigger summaries as \"When a ticket is created\"; descriptions as \"This operation triggers when …\""),
            );
        }
    }
}
