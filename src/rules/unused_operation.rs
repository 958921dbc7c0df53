//! `unused-operation`: operations with no traffic in the window.
//! Produced by [`crate::stats::findings()`].

crate::declare_rule! {
    /// ## What it does
    /// With per-operation statistics (`--stats`), reports each operation that received no
    /// calls in the window. Operations whose traffic could only be counted in an ambiguous
    /// group are not reported. Connector-level totals alone (`operation_id` `*`) never
    /// raise it.
    ///
    /// ## Why is this bad?
    /// It is not a defect, only a fact worth a look: an unused action may be hard to find
    /// (a vague summary, `x-ms-visibility: advanced`), broken in a way that stops makers
    /// from getting as far as calling it, or simply no longer needed. Unused operations
    /// still need documentation and testing at every certification update.
    ///
    /// ## How to fix
    /// Check the operation's summary and description, or deprecate it if nobody needs it.
    pub static RULE = {
        id: "unused-operation",
        severity: Info,
        scope: Statistics,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/telemetry",
        summary: "an operation received no calls in the statistics window",
    };
}
