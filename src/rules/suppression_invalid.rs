crate::declare_rule! {
    /// ## What it does
    /// Reports an `x-connlint-ignore` entry that connlint cannot use: not a list of
    /// objects, an unknown rule id, or no `reason`.
    ///
    /// ## Why is this bad?
    /// A suppression without a reason hides a finding without telling the next person why;
    /// one with a misspelt rule id hides nothing while looking as if it did.
    ///
    /// ## How to fix
    /// Write `"x-connlint-ignore": [{"rule": "missing-error-responses", "reason": "the API
    /// returns errors as 200 with an error body"}]` on the object the finding points at
    /// (or any object above it).
    pub static RULE = {
        id: "suppression-invalid",
        severity: Error,
        scope: File,
        source: "https://swagger.io/specification/v2/",
        summary: "an `x-connlint-ignore` entry without a known rule or a reason",
    };
}
