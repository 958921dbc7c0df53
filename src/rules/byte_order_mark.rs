crate::declare_rule! {
    /// ## What it does
    /// Reports a UTF-8 byte-order mark (BOM) at the start of a file.
    ///
    /// ## Why is this bad?
    /// JSON forbids a BOM, and strict readers (serde_json, Python's `json` without
    /// `utf-8-sig`) reject the file at line 1, column 1. Microsoft's tools accept it, so
    /// connlint reads the file anyway and only informs you.
    ///
    /// ## How to fix
    /// Save the file as "UTF-8" rather than "UTF-8 with BOM".
    pub static RULE = {
        id: "byte-order-mark",
        severity: Info,
        scope: File,
        fix: Safe,
        source: "https://www.rfc-editor.org/rfc/rfc8259#section-8.1",
        summary: "file starts with a UTF-8 byte-order mark",
    };
}
