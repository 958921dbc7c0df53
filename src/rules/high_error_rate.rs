//! `high-error-rate`: operations that fail much more often than the connector as a whole.
//! Produced by [`crate::stats::findings()`].

crate::declare_rule! {
    /// ## What it does
    /// With statistics (`--stats`), reports an operation whose share of 4xx and 5xx
    /// responses (throttling excluded) is well above the connector's: by default at least
    /// twice the connector's share and at least 2 percentage points more, over at least
    /// 100 counted calls. The message names the operation's most frequent error statuses.
    ///
    /// ## Why is this bad?
    /// Certification looks at the connector's success rate, and Microsoft's formula
    /// subtracts every error from the successes, so one failing operation drags the whole
    /// connector down twice as fast as its error count suggests. Makers also judge a
    /// connector by its worst action.
    ///
    /// ## How to fix
    /// Look at the listed statuses: 4xx often means inputs makers get wrong (add
    /// validation, better parameter descriptions, defaults), 5xx means the service or its
    /// gateway fails (fix the backend, raise timeouts, document the limitation).
    pub static RULE = {
        id: "high-error-rate",
        severity: Warning,
        scope: Statistics,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/telemetry",
        summary: "an operation's error share is well above the connector's",
    };
}
