//! Readers: detect a file's format from its first bytes and stream its rows into the
//! [`Aggregator`]. No reader keeps rows: each is turned into an observation and counted
//! as soon as it is read.

mod csv;
mod json;
mod otlp;
mod w3c;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::Path;

use super::aggregate::{Aggregator, RowRef};
use super::columns::{
    extract, ExtractSettings, FilterReason, Observation, RowOutcome, RowProblem, RowSchema, RowView,
};
use super::error::{StatsError, StatsErrorKind};
use super::StatsFormat;

/// How many bad-row messages a source keeps (the count is always exact).
const KEPT_BAD_ROW_MESSAGES: usize = 20;

/// What one reader needs besides the bytes.
pub(crate) struct ReadContext<'a> {
    pub file: &'a Path,
    pub file_index: u32,
    pub forced: Option<StatsFormat>,
    pub skip_bad_rows: bool,
    pub settings: &'a ExtractSettings,
    /// Hosts whose direct calls in a HAR are connector calls (the definition's `host`).
    pub api_hosts: &'a [String],
}

impl ReadContext<'_> {
    pub(crate) fn error(&self, kind: StatsErrorKind, message: impl Into<String>) -> StatsError {
        StatsError::new(self.file, kind, message)
    }

    pub(crate) fn row_ref(&self, position: u64, by_line: bool) -> RowRef {
        RowRef {
            file: self.file_index,
            position,
            by_line,
        }
    }

    /// The schema to read rows with: forced, or detected from the columns.
    pub(crate) fn row_schema(
        &self,
        columns: super::columns::ColumnSet,
        names: &[String],
    ) -> Result<RowSchema, String> {
        let forced = match self.forced {
            Some(StatsFormat::Canonical) => Some(RowSchema::Canonical),
            Some(StatsFormat::AppInsightsRequests) => Some(RowSchema::AppInsightsRequests),
            Some(StatsFormat::ApimGatewayLogs) => Some(RowSchema::ApimGatewayLogs),
            Some(StatsFormat::CustomEvents) => Some(RowSchema::CustomEvents),
            _ => None,
        };
        match forced {
            Some(schema) => match schema.missing(columns) {
                None => Ok(schema),
                Some(need) => Err(format!(
                    "the columns ({}) do not fit format `{}`, which needs {need}",
                    names.join(", "),
                    schema.name()
                )),
            },
            None => RowSchema::detect(columns).ok_or_else(|| RowSchema::no_schema_message(names)),
        }
    }
}

/// What a reader saw in one file.
#[derive(Debug, Default)]
pub(crate) struct SourceTally {
    pub format: String,
    pub rows: u64,
    pub requests: u64,
    pub filtered: BTreeMap<FilterReason, u64>,
    pub bad_rows: u64,
    pub bad_row_messages: Vec<String>,
    pub warnings: Vec<String>,
}

impl SourceTally {
    /// Records a bad row: an error, or (with `skip_bad_rows`) a counted warning.
    pub(crate) fn bad_row(&mut self, err: StatsError, skip: bool) -> Result<(), StatsError> {
        if !skip {
            return Err(err);
        }
        self.bad_rows += 1;
        if self.bad_row_messages.len() < KEPT_BAD_ROW_MESSAGES {
            self.bad_row_messages.push(err.to_string());
        }
        Ok(())
    }

    pub(crate) fn outcome(&mut self, outcome: RowOutcome) {
        self.rows += 1;
        if let RowOutcome::Filtered(reason) = outcome {
            *self.filtered.entry(reason).or_insert(0) += 1;
        }
    }
}

/// Extracts one tabular row and counts it; used by the CSV and JSON readers.
pub(crate) fn count_row(
    schema: RowSchema,
    row: &RowView,
    ctx: &ReadContext,
    file_window: bool,
    row_ref: RowRef,
    agg: &mut Aggregator,
    tally: &mut SourceTally,
) -> Result<(), RowProblem> {
    let mut requests = 0;
    let outcome = extract(
        schema,
        row,
        ctx.settings,
        file_window,
        &mut |obs: &Observation| {
            requests = u64::saturating_add(requests, obs.count);
            agg.add(obs, row_ref);
        },
    )?;
    tally.requests = tally.requests.saturating_add(requests);
    tally.outcome(outcome);
    Ok(())
}

/// Reads one file.
pub(crate) fn read_file(
    ctx: &ReadContext,
    agg: &mut Aggregator,
) -> Result<SourceTally, StatsError> {
    let file = std::fs::File::open(ctx.file)
        .map_err(|e| ctx.error(StatsErrorKind::Io, format!("cannot open the file: {e}")))?;
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(ctx.error(
            StatsErrorKind::Io,
            "this is a directory, not a statistics file",
        ));
    }
    read_source(BufReader::with_capacity(1 << 17, file), ctx, agg)
}

/// The family of a file, from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Container {
    Csv,
    W3c,
    Json,
    Otlp,
}

/// Reads one source from any buffered reader.
pub(crate) fn read_source<R: BufRead>(
    mut input: R,
    ctx: &ReadContext,
    agg: &mut Aggregator,
) -> Result<SourceTally, StatsError> {
    let container = {
        let prefix = input
            .fill_buf()
            .map_err(|e| ctx.error(StatsErrorKind::Io, format!("cannot read the file: {e}")))?;
        let container = detect(prefix).map_err(|(kind, msg)| ctx.error(kind, msg))?;
        let bom = if prefix.starts_with(b"\xef\xbb\xbf") {
            3
        } else {
            0
        };
        input.consume(bom);
        container
    };
    let container = check_forced(container, ctx)?;
    let mut tally = match container {
        Container::Csv => csv::read(input, ctx, agg)?,
        Container::W3c => w3c::read(input, ctx, agg)?,
        Container::Json => json::read(input, ctx, agg)?,
        Container::Otlp => otlp::read(input, ctx, agg)?,
    };
    if tally.bad_rows > 0 {
        tally.warnings.push(format!(
            "{}: skipped {} bad row{}",
            ctx.file.display(),
            tally.bad_rows,
            if tally.bad_rows == 1 { "" } else { "s" }
        ));
    }
    Ok(tally)
}

fn check_forced(found: Container, ctx: &ReadContext) -> Result<Container, StatsError> {
    let Some(forced) = ctx.forced else {
        return Ok(found);
    };
    let fits = match forced {
        StatsFormat::W3c => found == Container::W3c,
        StatsFormat::Har | StatsFormat::KqlJson => found == Container::Json,
        StatsFormat::OtlpSpans | StatsFormat::OtlpMetrics => {
            matches!(found, Container::Otlp | Container::Json)
        }
        StatsFormat::Canonical
        | StatsFormat::AppInsightsRequests
        | StatsFormat::ApimGatewayLogs
        | StatsFormat::CustomEvents => matches!(found, Container::Csv | Container::Json),
    };
    if !fits {
        let what = match found {
            Container::Csv => "CSV",
            Container::W3c => "a W3C log",
            Container::Json => "JSON",
            Container::Otlp => "OTLP JSON",
        };
        return Err(ctx.error(
            StatsErrorKind::UnknownFormat,
            format!(
                "the format was forced to `{}`, but the file is {what}",
                forced.name()
            ),
        ));
    }
    Ok(match (forced, found) {
        (StatsFormat::OtlpSpans | StatsFormat::OtlpMetrics, _) => Container::Otlp,
        _ => found,
    })
}

fn detect(prefix: &[u8]) -> Result<Container, (StatsErrorKind, String)> {
    let encoding = |what: &str| {
        (
            StatsErrorKind::Encoding,
            format!("the file is {what}, not UTF-8; save it as UTF-8 (CSV UTF-8 in Excel, `-Encoding utf8` in PowerShell)"),
        )
    };
    if prefix.starts_with(b"\xff\xfe") || prefix.starts_with(b"\xfe\xff") {
        return Err(encoding("UTF-16 (it starts with a UTF-16 byte-order mark)"));
    }
    let head = &prefix[..prefix.len().min(4096)];
    if head.contains(&0) {
        return Err(encoding("UTF-16 or binary (it contains NUL bytes)"));
    }
    let body = prefix.strip_prefix(b"\xef\xbb\xbf").unwrap_or(prefix);
    let Some(first) = body.iter().position(|b| !b.is_ascii_whitespace()) else {
        return Err((StatsErrorKind::Empty, "the file is empty".into()));
    };
    Ok(match body[first] {
        b'{' if matches!(
            first_json_key(&body[first..]),
            Some("resourceSpans" | "resourceMetrics")
        ) =>
        {
            Container::Otlp
        }
        b'{' | b'[' => Container::Json,
        b'#' => Container::W3c,
        _ => Container::Csv,
    })
}

/// The first key of a JSON object, read from a prefix of the file.
fn first_json_key(text: &[u8]) -> Option<&str> {
    let rest = text.strip_prefix(b"{")?;
    let start = rest.iter().position(|b| !b.is_ascii_whitespace())?;
    let rest = rest[start..].strip_prefix(b"\"")?;
    let end = rest.iter().position(|&b| b == b'"' || b == b'\\')?;
    std::str::from_utf8(&rest[..end]).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detection() {
        assert_eq!(detect(b"operation_id,status,count\n"), Ok(Container::Csv));
        assert_eq!(detect(b"\xef\xbb\xbf{\"rows\":[]}"), Ok(Container::Json));
        assert_eq!(detect(b"  [ {\"a\":1} ]"), Ok(Container::Json));
        assert_eq!(detect(b"{ \"resourceSpans\": []}"), Ok(Container::Otlp));
        assert_eq!(detect(b"#Software: IIS\n"), Ok(Container::W3c));
        assert_eq!(
            detect(b"\xff\xfeo\x00p\x00").map_err(|e| e.0),
            Err(StatsErrorKind::Encoding)
        );
        assert_eq!(detect(b"  \n").map_err(|e| e.0), Err(StatsErrorKind::Empty));
    }
}
