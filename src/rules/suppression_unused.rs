crate::declare_rule! {
    /// ## What it does
    /// Reports an `x-connlint-ignore` entry that suppressed nothing in this run.
    ///
    /// ## Why is this bad?
    /// The problem it was written for is gone (or was never there): the entry now only
    /// hides the next, different problem of the same rule in that place.
    ///
    /// ## How to fix
    /// Remove the entry.
    pub static RULE = {
        id: "suppression-unused",
        severity: Warning,
        scope: File,
        source: "https://swagger.io/specification/v2/",
        summary: "an `x-connlint-ignore` entry that matched no finding",
    };
}
