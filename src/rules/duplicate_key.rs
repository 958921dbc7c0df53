crate::declare_rule! {
    /// ## What it does
    /// Reports a key that appears twice in the same object.
    ///
    /// ## Why is this bad?
    /// JSON readers keep only the last value, silently: the earlier one (often a
    /// description or an `operationId` someone meant to keep) is lost, and what you read in
    /// the file is not what Power Platform uses.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Items", "title": "Item API" }, "paths": {} }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Item API" }, "paths": {} }
    /// ```
    pub static RULE = {
        id: "duplicate-key",
        severity: Warning,
        scope: File,
        source: "https://www.rfc-editor.org/rfc/rfc8259#section-4",
        summary: "the same key twice in one object; the first value is lost",
    };
}
