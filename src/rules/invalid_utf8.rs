crate::declare_rule! {
    /// ## What it does
    /// Reports bytes that are not valid UTF-8, at the exact byte.
    ///
    /// ## Why is this bad?
    /// Connector files must be UTF-8. A file saved as Latin-1 or Windows-1252 turns
    /// characters such as `ø` or a soft hyphen into invalid bytes, which Microsoft's
    /// tools reject or show as garbage.
    ///
    /// connlint replaces each invalid byte with `?` so that the rest of the file can
    /// still be linted at exact positions.
    ///
    /// ## How to fix
    /// Re-save the file as UTF-8 in your editor, or convert it with
    /// `iconv -f WINDOWS-1252 -t UTF-8`.
    pub static RULE = {
        id: "invalid-utf8",
        severity: Error,
        scope: File,
        source: "https://www.rfc-editor.org/rfc/rfc8259#section-8.1",
        summary: "file contains bytes that are not valid UTF-8",
    };
}
