//! Errors of the statistics readers: always a file, a position when one is known, and a
//! reason a publisher can act on.

use std::fmt;
use std::path::PathBuf;

/// What went wrong, for callers that branch on it (exit codes, tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatsErrorKind {
    /// The file could not be opened or read.
    Io,
    /// The file is empty.
    Empty,
    /// Not UTF-8 (UTF-16 from PowerShell or Excel, Latin-1, …).
    Encoding,
    /// The content is not one of the supported formats, or not the forced one.
    UnknownFormat,
    /// The header (CSV), `#Fields` line (W3C) or column list (KQL JSON) is unusable.
    Header,
    /// One row is unusable (a non-numeric count, a wrong number of fields, …).
    Row,
    /// Not valid JSON.
    Syntax,
    /// The JSON ends before it is complete.
    Truncated,
}

/// An error in a statistics file, displayed as `file:line:column: reason`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatsError {
    pub file: PathBuf,
    /// 1-based.
    pub line: Option<u64>,
    /// 1-based, in characters.
    pub column: Option<u64>,
    pub kind: StatsErrorKind,
    pub message: String,
}

impl StatsError {
    pub(crate) fn new(
        file: impl Into<PathBuf>,
        kind: StatsErrorKind,
        message: impl Into<String>,
    ) -> Self {
        StatsError {
            file: file.into(),
            line: None,
            column: None,
            kind,
            message: message.into(),
        }
    }

    pub(crate) fn at(mut self, line: Option<u64>, column: Option<u64>) -> Self {
        self.line = line;
        self.column = column;
        self
    }
}

impl fmt::Display for StatsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = self.file.display();
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{file}:{l}:{c}: {}", self.message),
            (Some(l), None) => write!(f, "{file}:{l}: {}", self.message),
            _ => write!(f, "{file}: {}", self.message),
        }
    }
}

impl std::error::Error for StatsError {}
