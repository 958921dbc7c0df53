crate::declare_rule! {
    /// ## What it does
    /// Reports a connector file that could not be read from disk (permissions, a
    /// directory where a file was expected, a broken link).
    ///
    /// ## How to fix
    /// Check the file's permissions and that it is a regular file.
    pub static RULE = {
        id: "file-unreadable",
        severity: Error,
        scope: File,
        source: "https://github.com/microsoft/PowerPlatformConnectors/blob/dev/README.md",
        summary: "a connector file could not be read",
    };
}
