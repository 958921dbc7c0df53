//! Wording shared by the statistics rules.

use crate::stats::SourceRow;
use crate::text::status_phrase;

/// `404 Not Found`, or the bare number for a status without a phrase.
pub fn status_label(status: u16) -> String {
    match status_phrase(status) {
        Some(p) => format!("{status} {p}"),
        None => status.to_string(),
    }
}

/// `; first seen at file:line`, or nothing.
pub fn seen(row: Option<&SourceRow>) -> String {
    row.map(|r| format!("; first seen at {r}"))
        .unwrap_or_default()
}
