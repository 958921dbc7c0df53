//! `deprecated-in-use`: deprecated operations that still receive calls.
//! Produced by [`crate::stats::findings()`].

crate::declare_rule! {
    /// ## What it does
    /// With statistics (`--stats`), reports every operation marked `deprecated: true` that
    /// still received calls in the window, with the count, its share of the connector's
    /// calls, and the operation that replaces it when connlint can tell.
    ///
    /// ## Why is this bad?
    /// Deprecation hides an action from new flows, but flows built before keep calling it.
    /// Those makers need to hear what to use instead before the operation is removed;
    /// removing it while it is still called turns their runs into 404 failures, the most
    /// common error Microsoft's telemetry page attributes to removed operations.
    ///
    /// ## How to fix
    /// Name the replacement in the deprecated operation's summary and description, say in
    /// `intro.md` how to move to it, and keep the operation until its calls stop.
    pub static RULE = {
        id: "deprecated-in-use",
        severity: Warning,
        scope: Statistics,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/deprecate-operation",
        summary: "a deprecated operation still receives calls",
    };
}
