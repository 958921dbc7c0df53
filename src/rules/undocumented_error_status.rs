//! `undocumented-error-status`: observed error statuses the definition does not document.
//! Produced by [`crate::stats::findings()`].

crate::declare_rule! {
    /// ## What it does
    /// With statistics (`--stats`), reports each 4xx or 5xx status an operation really
    /// returned that its `responses` do not document, with how often it happened and its
    /// share of the operation's calls. A softer variant (info) reports statuses that only
    /// `default` covers. Small numbers are left out: a status is reported when it was seen
    /// at least 10 times and in at least 0.5% of the operation's calls, or at least 100
    /// times (both thresholds are configurable).
    ///
    /// ## Why is this bad?
    /// Makers meet these errors in their flows and apps, and the definition gives them
    /// nothing to go on: no description of the cause, no remedy. Microsoft's certification
    /// guidance asks publishers to explain common 4xx and 5xx errors in the "Known issues
    /// and limitations" section of `intro.md`, and a documented response is where that
    /// explanation starts. A `default` response is better than nothing, but its single
    /// description cannot say which of several failures happened.
    ///
    /// ## How to fix
    /// Add a response for the status (e.g. `"409": { "description": "An invoice with this
    /// number already exists; choose another number." }`), and mention it in `intro.md`.
    pub static RULE = {
        id: "undocumented-error-status",
        severity: Warning,
        scope: Statistics,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/telemetry#error-codes",
        summary: "an operation returned an error status its responses do not document",
    };
}
