crate::declare_rule! {
    /// ## What it does
    /// Reports JSON or YAML that does not follow the format's grammar, at the exact place,
    /// with a hint: a trailing or missing comma, a raw control character inside a string,
    /// whitespace JSON does not allow, comments, unbalanced or mismatched brackets.
    ///
    /// ## Why is this bad?
    /// Microsoft's tools (paconn, the certification pipeline) reject a file that is not
    /// valid JSON; nothing in it is seen.
    ///
    /// Where the author's intent is unambiguous (a trailing comma, a missing comma between
    /// two members, a raw TAB in a string) connlint recovers and lints the rest of the
    /// file; the file's status is then `recovered`. Otherwise the file is `unreadable` and
    /// connlint goes on with the other files.
    ///
    /// ## Example
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Items", }, "paths": {} }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "swagger": "2.0", "info": { "title": "Items" }, "paths": {} }
    /// ```
    pub static RULE = {
        id: "syntax-error",
        severity: Error,
        scope: File,
        fix: Safe,
        source: "https://www.rfc-editor.org/rfc/rfc8259",
        summary: "file is not valid JSON or YAML",
    };
}
