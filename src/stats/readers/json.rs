//! Streaming JSON: the canonical `connector-response-stats/v1` document, the App Insights
//! / Log Analytics REST envelope (`tables[].columns/rows`), the `az monitor
//! log-analytics query` array of objects, and HAR files.
//!
//! serde seeds walk the document and hand each row to the aggregator as soon as it is
//! read; a row's values live in reused buffers, so memory does not grow with rows.

use std::fmt::{self, Write as _};
use std::io::BufRead;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use super::{count_row, ReadContext, SourceTally};
use crate::stats::aggregate::Aggregator;
use crate::stats::columns::{
    Col, ColumnSet, FilterReason, Observation, RowOutcome, RowSchema, RowTime, RowView,
    COLUMN_COUNT,
};
use crate::stats::error::{StatsError, StatsErrorKind};
use crate::stats::matcher::{unwrap_invoke_path, PathKind};
use crate::stats::time::Timestamp;
use crate::stats::StatsFormat;

pub(crate) const CANONICAL_SCHEMA: &str = "connector-response-stats/v1";

struct State<'x> {
    ctx: &'x ReadContext<'x>,
    agg: &'x mut Aggregator,
    tally: SourceTally,
    values: Vec<String>,
    present: [bool; COLUMN_COUNT],
    schema: Option<RowSchema>,
    /// KQL table columns by position.
    table_columns: Vec<Option<Col>>,
    table_width: usize,
    /// Key names of the first object row, for messages.
    first_row_names: Option<Vec<String>>,
    file_window: Option<(Option<Timestamp>, Timestamp)>,
    /// Rows of a canonical document take the document's `window`.
    in_document_rows: bool,
    row_index: u64,
    container: Option<&'static str>,
    error_kind: Option<StatsErrorKind>,
    extra_tables: u64,
}

impl State<'_> {
    fn forced_allows(&self, key: &str) -> bool {
        let Some(forced) = self.ctx.forced else {
            return true;
        };
        match key {
            "rows" => matches!(
                forced,
                StatsFormat::Canonical
                    | StatsFormat::AppInsightsRequests
                    | StatsFormat::ApimGatewayLogs
                    | StatsFormat::CustomEvents
            ),
            "tables" | "[" => matches!(
                forced,
                StatsFormat::KqlJson
                    | StatsFormat::Canonical
                    | StatsFormat::AppInsightsRequests
                    | StatsFormat::ApimGatewayLogs
                    | StatsFormat::CustomEvents
            ),
            "log" => forced == StatsFormat::Har,
            _ => true,
        }
    }

    fn fail<E: de::Error>(&mut self, kind: StatsErrorKind, message: impl fmt::Display) -> E {
        self.error_kind = Some(kind);
        E::custom(message)
    }

    fn clear_row(&mut self) {
        for v in &mut self.values {
            v.clear();
        }
        self.present = [false; COLUMN_COUNT];
    }

    fn set_table_columns<E: de::Error>(&mut self, columns: &[KqlColumn]) -> Result<(), E> {
        let mut set = ColumnSet::default();
        self.table_columns = columns
            .iter()
            .map(|c| {
                let col = Col::from_header(&c.name).filter(|col| !set.has(*col));
                if let Some(col) = col {
                    set.insert(col);
                }
                col
            })
            .collect();
        self.table_width = columns.len();
        let names: Vec<String> = columns.iter().map(|c| c.name.clone()).collect();
        match self.ctx.row_schema(set, &names) {
            Ok(schema) => {
                self.schema = Some(schema);
                Ok(())
            }
            Err(msg) => Err(self.fail(StatsErrorKind::Header, format!("bad columns: {msg}"))),
        }
    }

    /// Counts the row in `values`.
    fn finish_row<E: de::Error>(&mut self) -> Result<(), E> {
        self.row_index += 1;
        let schema = match self.schema {
            Some(s) => s,
            None => {
                let mut set = ColumnSet::default();
                for (i, p) in self.present.iter().enumerate() {
                    if *p {
                        if let Some((_, col)) = COLUMNS.iter().find(|(idx, _)| *idx == i) {
                            set.insert(*col);
                        }
                    }
                }
                let names = self.first_row_names.take().unwrap_or_default();
                match self.ctx.row_schema(set, &names) {
                    Ok(s) => {
                        self.schema = Some(s);
                        s
                    }
                    Err(msg) => {
                        return Err(self.fail(
                            StatsErrorKind::Header,
                            format!("row {}: {msg}", self.row_index),
                        ))
                    }
                }
            }
        };
        let mut view = RowView::empty();
        for (i, col) in COLUMNS {
            if self.present[*i] {
                view.set(*col, &self.values[*i]);
            }
        }
        let row_ref = self.ctx.row_ref(self.row_index, false);
        let result = count_row(
            schema,
            &view,
            self.ctx,
            self.in_document_rows,
            row_ref,
            self.agg,
            &mut self.tally,
        );
        if let Err(problem) = result {
            let message = format!("row {}: {}", self.row_index, problem.message);
            if self.ctx.skip_bad_rows {
                let err = self.ctx.error(StatsErrorKind::Row, message);
                let _ = self.tally.bad_row(err, true);
            } else {
                return Err(self.fail(StatsErrorKind::Row, message));
            }
        }
        Ok(())
    }

    fn har_entry(&mut self, entry: serde_json::Value) -> Result<(), String> {
        self.row_index += 1;
        let entry: HarEntry = serde_json::from_value(entry)
            .map_err(|e| format!("entry {}: not a HAR entry ({e})", self.row_index))?;
        let url = entry.request.url.as_str();
        let (host, url_path) = split_url(url);
        let header = |name: &str| {
            entry
                .request
                .headers
                .iter()
                .find(|h| h.name.eq_ignore_ascii_case(name))
                .map(|h| h.value.as_str())
        };
        let wrapped = url_path
            .trim_end_matches('/')
            .ends_with("/invoke")
            .then(|| header("x-ms-request-url"))
            .flatten();
        let (method, path) = match wrapped {
            Some(inner) => (
                header("x-ms-request-method").unwrap_or("").to_string(),
                unwrap_invoke_path(inner).unwrap_or_else(|| inner.to_string()),
            ),
            None if self
                .ctx
                .api_hosts
                .iter()
                .any(|h| h.eq_ignore_ascii_case(host)) =>
            {
                (entry.request.method.clone(), url.to_string())
            }
            None => {
                self.tally
                    .outcome(RowOutcome::Filtered(FilterReason::OtherHost));
                return Ok(());
            }
        };
        let status = match entry.response.status {
            Some(s @ 100..=599) => s as u16,
            _ => 0,
        };
        let time = entry
            .started
            .as_deref()
            .and_then(Timestamp::parse)
            .map_or(RowTime::Unknown, RowTime::At);
        let obs = Observation {
            operation_id: "",
            method: &method,
            path: &path,
            path_kind: PathKind::RawPath,
            status,
            count: 1,
            time,
        };
        self.tally.requests += 1;
        self.tally.outcome(RowOutcome::Counted);
        self.agg.add(&obs, self.ctx.row_ref(self.row_index, false));
        Ok(())
    }
}

/// `(index into values, column)` for every column.
const COLUMNS: &[(usize, Col)] = &[
    (Col::OperationId as usize, Col::OperationId),
    (Col::Method as usize, Col::Method),
    (Col::Path as usize, Col::Path),
    (Col::SamplePath as usize, Col::SamplePath),
    (Col::Status as usize, Col::Status),
    (Col::Count as usize, Col::Count),
    (Col::WindowStart as usize, Col::WindowStart),
    (Col::WindowEnd as usize, Col::WindowEnd),
    (Col::Timestamp as usize, Col::Timestamp),
    (Col::Url as usize, Col::Url),
    (Col::ResultCode as usize, Col::ResultCode),
    (Col::ItemCount as usize, Col::ItemCount),
    (Col::Name as usize, Col::Name),
    (Col::ClientType as usize, Col::ClientType),
    (Col::SyntheticSource as usize, Col::SyntheticSource),
    (Col::ApimOperationId as usize, Col::ApimOperationId),
    (Col::ResponseCode as usize, Col::ResponseCode),
    (Col::Category as usize, Col::Category),
    (Col::CustomDimensions as usize, Col::CustomDimensions),
    (Col::UriStem as usize, Col::UriStem),
    (Col::ScStatus as usize, Col::ScStatus),
];

/// `https://host:443/path?q` → (`host`, `/path?q`).
fn split_url(url: &str) -> (&str, &str) {
    let Some(i) = url.find("://") else {
        return ("", url);
    };
    let rest = &url[i + 3..];
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let host = authority.rsplit('@').next().unwrap_or(authority);
    let host = host.split(':').next().unwrap_or(host);
    let path = &rest[end..];
    let path = path.find(['?', '#']).map_or(path, |q| &path[..q]);
    (host, path)
}

#[derive(Deserialize)]
struct KqlColumn {
    name: String,
}

#[derive(Deserialize)]
struct HarEntry {
    #[serde(rename = "startedDateTime", default)]
    started: Option<String>,
    request: HarRequest,
    response: HarResponse,
}

#[derive(Deserialize)]
struct HarRequest {
    #[serde(default)]
    method: String,
    url: String,
    #[serde(default)]
    headers: Vec<HarHeader>,
}

#[derive(Deserialize)]
struct HarHeader {
    name: String,
    #[serde(default)]
    value: String,
}

#[derive(Deserialize)]
struct HarResponse {
    #[serde(default)]
    status: Option<i64>,
}

#[derive(Deserialize)]
struct FileWindow {
    #[serde(default)]
    start: Option<String>,
    #[serde(default)]
    end: Option<String>,
}

pub(crate) fn read<R: BufRead>(
    input: R,
    ctx: &ReadContext,
    agg: &mut Aggregator,
) -> Result<SourceTally, StatsError> {
    let mut state = State {
        ctx,
        agg,
        tally: SourceTally::default(),
        values: vec![String::new(); COLUMN_COUNT],
        present: [false; COLUMN_COUNT],
        schema: None,
        table_columns: Vec::new(),
        table_width: 0,
        first_row_names: None,
        file_window: None,
        in_document_rows: false,
        row_index: 0,
        container: None,
        error_kind: None,
        extra_tables: 0,
    };
    let mut de = serde_json::Deserializer::from_reader(input);
    let result = TopSeed(&mut state)
        .deserialize(&mut de)
        .and_then(|()| de.end());
    if let Err(e) = result {
        return Err(convert_error(e, ctx, state.error_kind));
    }
    let Some(container) = state.container else {
        return Err(ctx.error(
            StatsErrorKind::UnknownFormat,
            format!("not a statistics JSON file: expected a `{CANONICAL_SCHEMA}` document (`rows`), a KQL result (`tables`), an array of row objects, a HAR file (`log.entries`) or OTLP JSON"),
        ));
    };
    let window = state.file_window;
    state.agg.resolve_pending(window);
    let mut tally = state.tally;
    tally.format = match state.schema {
        Some(schema) if container != "har" => format!("{} ({container})", schema.name()),
        _ => container.to_string(),
    };
    if state.extra_tables > 0 {
        tally.warnings.push(format!(
            "{}: only the first of {} result tables was read",
            ctx.file.display(),
            state.extra_tables + 1
        ));
    }
    Ok(tally)
}

/// Turns a serde_json error into a positioned [`StatsError`].
pub(crate) fn convert_error(
    e: serde_json::Error,
    ctx: &ReadContext,
    hint: Option<StatsErrorKind>,
) -> StatsError {
    use serde_json::error::Category;
    let (line, column) = (e.line() as u64, e.column() as u64);
    let full = e.to_string();
    let suffix = format!(" at line {line} column {column}");
    let message = full.strip_suffix(&suffix).unwrap_or(&full).to_string();
    let (kind, message) = match e.classify() {
        Category::Io => (
            StatsErrorKind::Io,
            format!("cannot read the file: {message}"),
        ),
        Category::Eof => (
            StatsErrorKind::Truncated,
            "the JSON ends before it is complete (is the file truncated?)".to_string(),
        ),
        Category::Syntax if message.contains("unicode") || message.contains("UTF-8") => (
            StatsErrorKind::Encoding,
            format!("{message}: the file is not valid UTF-8; save it as UTF-8"),
        ),
        Category::Syntax => (StatsErrorKind::Syntax, format!("not valid JSON: {message}")),
        Category::Data => (hint.unwrap_or(StatsErrorKind::Row), message),
    };
    let position = (line > 0).then_some(line);
    ctx.error(kind, message)
        .at(position, position.map(|_| column.max(1)))
}

/// The document root.
struct TopSeed<'s, 'x>(&'s mut State<'x>);

impl<'de> DeserializeSeed<'de> for TopSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for TopSeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object or array of statistics")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        let state = self.0;
        if !state.forced_allows("[") {
            return Err(state.fail(
                StatsErrorKind::UnknownFormat,
                "the file is an array of rows, not the forced format",
            ));
        }
        state.container = Some("kql-json");
        ObjectRowsSeed(state).visit_seq(seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let state = self.0;
        while let Some(key) = map.next_key::<String>()? {
            if !state.forced_allows(&key) {
                let forced = state.ctx.forced.map_or("", StatsFormat::name);
                return Err(state.fail(
                    StatsErrorKind::UnknownFormat,
                    format!("the format was forced to `{forced}`, but the file has a `{key}` key of another format"),
                ));
            }
            match key.as_str() {
                "schema" => {
                    let value: serde_json::Value = map.next_value()?;
                    let text = value.as_str().unwrap_or("");
                    if text.starts_with("connector-response-stats/") && text != CANONICAL_SCHEMA {
                        return Err(state.fail(
                            StatsErrorKind::UnknownFormat,
                            format!(
                                "`schema` is \"{text}\"; this connlint reads `{CANONICAL_SCHEMA}`"
                            ),
                        ));
                    }
                }
                "window" => {
                    let w: FileWindow = map.next_value()?;
                    let parse =
                        |text: Option<String>, name: &str| -> Result<Option<Timestamp>, String> {
                            match text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
                                None => Ok(None),
                                Some(t) => Timestamp::parse(t).map(Some).ok_or_else(|| {
                                    format!("`window.{name}` is \"{t}\", not a date")
                                }),
                            }
                        };
                    let start = parse(w.start, "start");
                    let end = parse(w.end, "end");
                    match (start, end) {
                        (Ok(s), Ok(Some(e))) => state.file_window = Some((s, e)),
                        (Ok(_), Ok(None)) => {}
                        (Err(m), _) | (_, Err(m)) => {
                            return Err(state.fail(StatsErrorKind::Header, m));
                        }
                    }
                }
                "rows" => {
                    state.container = Some("canonical json");
                    state.in_document_rows = true;
                    map.next_value_seed(ObjectRowsSeed(state))?;
                    state.in_document_rows = false;
                }
                "tables" => {
                    state.container = Some("kql-json");
                    map.next_value_seed(TablesSeed(state))?;
                }
                "log" => {
                    state.container = Some("har");
                    map.next_value_seed(HarLogSeed(state))?;
                }
                "resourceSpans" | "resourceMetrics" => {
                    return Err(state.fail(
                        StatsErrorKind::UnknownFormat,
                        format!("OTLP data (`{key}`) after other keys; read it with --stats-format otlp-spans or otlp-metrics"),
                    ));
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// An array of row objects (canonical `rows`, or the log-analytics CLI array).
struct ObjectRowsSeed<'s, 'x>(&'s mut State<'x>);

impl<'de> DeserializeSeed<'de> for ObjectRowsSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for ObjectRowsSeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of row objects")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let state = self.0;
        while seq.next_element_seed(ObjectRowSeed(&mut *state))?.is_some() {}
        Ok(())
    }
}

/// One row object: keys are column names.
struct ObjectRowSeed<'s, 'x>(&'s mut State<'x>);

impl<'de> DeserializeSeed<'de> for ObjectRowSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ObjectRowSeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a row object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let state = self.0;
        state.clear_row();
        let record_names = state.schema.is_none();
        if record_names {
            state.first_row_names = Some(Vec::new());
        }
        while let Some(col) = map.next_key_seed(ColumnKeySeed {
            names: if record_names {
                state.first_row_names.as_mut()
            } else {
                None
            },
        })? {
            match col {
                Some(col) if !state.present[col as usize] => {
                    let i = col as usize;
                    let present = map.next_value_seed(ScalarSeed(&mut state.values[i]))?;
                    state.present[i] = present;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        state.finish_row()
    }
}

/// A key of a row object, as the column it names (allocation-free unless recording).
struct ColumnKeySeed<'n> {
    names: Option<&'n mut Vec<String>>,
}

impl<'de> DeserializeSeed<'de> for ColumnKeySeed<'_> {
    type Value = Option<Col>;
    fn deserialize<D: de::Deserializer<'de>>(self, de: D) -> Result<Option<Col>, D::Error> {
        de.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for ColumnKeySeed<'_> {
    type Value = Option<Col>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a column name")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Option<Col>, E> {
        if let Some(names) = self.names {
            if !v.eq_ignore_ascii_case("TableName") {
                names.push(v.to_string());
            }
        }
        Ok(Col::from_header(v))
    }
}

/// A scalar cell into a reused buffer; `true` when not null. Objects and arrays (e.g.
/// `customDimensions`) are kept as JSON text.
struct ScalarSeed<'b>(&'b mut String);

impl<'de> DeserializeSeed<'de> for ScalarSeed<'_> {
    type Value = bool;
    fn deserialize<D: de::Deserializer<'de>>(self, de: D) -> Result<bool, D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ScalarSeed<'_> {
    type Value = bool;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a value")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<bool, E> {
        self.0.push_str(v);
        Ok(true)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<bool, E> {
        let _ = write!(self.0, "{v}");
        Ok(true)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<bool, E> {
        let _ = write!(self.0, "{v}");
        Ok(true)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<bool, E> {
        let _ = write!(self.0, "{v}");
        Ok(true)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<bool, E> {
        self.0.push_str(if v { "true" } else { "false" });
        Ok(true)
    }
    fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_none<E: de::Error>(self) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<bool, A::Error> {
        let value = serde_json::Value::deserialize(de::value::MapAccessDeserializer::new(map))?;
        self.0.push_str(&value.to_string());
        Ok(true)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<bool, A::Error> {
        let value = serde_json::Value::deserialize(de::value::SeqAccessDeserializer::new(seq))?;
        self.0.push_str(&value.to_string());
        Ok(true)
    }
}

/// `tables`: the first table is read; later ones are skipped with a warning.
struct TablesSeed<'s, 'x>(&'s mut State<'x>);

impl<'de> DeserializeSeed<'de> for TablesSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for TablesSeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of result tables")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let state = self.0;
        if seq.next_element_seed(TableSeed(&mut *state))?.is_none() {
            return Ok(());
        }
        while seq.next_element::<IgnoredAny>()?.is_some() {
            state.extra_tables += 1;
        }
        Ok(())
    }
}

struct TableSeed<'s, 'x>(&'s mut State<'x>);

impl<'de> DeserializeSeed<'de> for TableSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for TableSeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a result table with `columns` and `rows`")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let state = self.0;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "columns" => {
                    let columns: Vec<KqlColumn> = map.next_value()?;
                    state.set_table_columns(&columns)?;
                }
                "rows" => {
                    if state.table_columns.is_empty() {
                        return Err(state.fail(
                            StatsErrorKind::Header,
                            "the table's `rows` come before its `columns`, so the values have no names",
                        ));
                    }
                    map.next_value_seed(ArrayRowsSeed(&mut *state))?;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

struct ArrayRowsSeed<'s, 'x>(&'s mut State<'x>);

impl<'de> DeserializeSeed<'de> for ArrayRowsSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for ArrayRowsSeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of rows")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let state = self.0;
        while seq.next_element_seed(ArrayRowSeed(&mut *state))?.is_some() {}
        Ok(())
    }
}

/// One row of a KQL table: values by column position.
struct ArrayRowSeed<'s, 'x>(&'s mut State<'x>);

impl<'de> DeserializeSeed<'de> for ArrayRowSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for ArrayRowSeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a row (an array of values)")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let state = self.0;
        state.clear_row();
        let mut index = 0;
        loop {
            let col = state.table_columns.get(index).copied().flatten();
            let more = match col {
                Some(col) => {
                    let i = col as usize;
                    match seq.next_element_seed(ScalarSeed(&mut state.values[i]))? {
                        Some(present) => {
                            state.present[i] = present;
                            true
                        }
                        None => false,
                    }
                }
                None => seq.next_element::<IgnoredAny>()?.is_some(),
            };
            if !more {
                break;
            }
            index += 1;
        }
        if index != state.table_width {
            let message = format!(
                "row {}: the row has {index} values, the table has {} columns",
                state.row_index + 1,
                state.table_width
            );
            if state.ctx.skip_bad_rows {
                state.row_index += 1;
                let err = state.ctx.error(StatsErrorKind::Row, message);
                let _ = state.tally.bad_row(err, true);
                return Ok(());
            }
            return Err(state.fail(StatsErrorKind::Row, message));
        }
        state.finish_row()
    }
}

/// HAR `log`: its `entries`.
struct HarLogSeed<'s, 'x>(&'s mut State<'x>);

impl<'de> DeserializeSeed<'de> for HarLogSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for HarLogSeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a HAR `log` object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let state = self.0;
        while let Some(key) = map.next_key::<String>()? {
            if key == "entries" {
                map.next_value_seed(HarEntriesSeed(&mut *state))?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

struct HarEntriesSeed<'s, 'x>(&'s mut State<'x>);

impl<'de> DeserializeSeed<'de> for HarEntriesSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for HarEntriesSeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of HAR entries")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let state = self.0;
        while let Some(entry) = seq.next_element::<serde_json::Value>()? {
            if let Err(message) = state.har_entry(entry) {
                if state.ctx.skip_bad_rows {
                    let err = state.ctx.error(StatsErrorKind::Row, message);
                    let _ = state.tally.bad_row(err, true);
                } else {
                    return Err(state.fail(StatsErrorKind::Row, message));
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert_eq!(
            split_url("https://api.example:443/v2/x?y=1"),
            ("api.example", "/v2/x")
        );
        assert_eq!(split_url("https://u:p@h.example"), ("h.example", ""));
        assert_eq!(split_url("/v2/x"), ("", "/v2/x"));
    }
}
