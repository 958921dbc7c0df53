//! `unknown-operation`: traffic for operations or paths the definition does not have.
//! Produced by [`crate::stats::findings()`].

crate::declare_rule! {
    /// ## What it does
    /// With statistics (`--stats`), reports traffic the definition cannot account for:
    /// operationIds it does not have (typically operations of an older connector version
    /// that flows still call), methods a documented path does not offer, and paths that
    /// match no operation (reported as info, since backend logs also hold health probes
    /// and other non-connector calls; ignore those with an ignore list).
    ///
    /// ## Why is this bad?
    /// Calls to an operation that no longer exists fail, usually with 404, and count
    /// against the connector's success rate. Microsoft's telemetry guidance attributes 404s
    /// to exactly this: makers calling an operation that was removed or deprecated.
    /// Unmatched paths can also mean the definition is incomplete.
    ///
    /// ## How to fix
    /// Bring a removed operation back as `deprecated: true` with a pointer to its
    /// replacement, or tell makers in `intro.md` which action replaces it. Add operations
    /// for endpoints makers really use; ignore paths that are not connector traffic.
    pub static RULE = {
        id: "unknown-operation",
        severity: Warning,
        scope: Statistics,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/telemetry",
        summary: "traffic for an operationId, method or path the definition does not have",
    };
}
