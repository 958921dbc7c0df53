//! Tabular rows: column names, the row schemas they reveal, and turning one row into an
//! [`Observation`]. CSV files and both KQL JSON envelopes share this layer, so a raw
//! `requests` export reads the same whether it came as CSV or as JSON.

use serde::Deserialize as _;

use super::matcher::PathKind;
use super::time::Timestamp;

/// The columns any supported row schema reads. Names are matched case-insensitively after
/// a trailing ` [UTC]` (Azure portal exports) is removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Col {
    OperationId,
    Method,
    Path,
    SamplePath,
    Status,
    Count,
    WindowStart,
    WindowEnd,
    Timestamp,
    Url,
    ResultCode,
    ItemCount,
    Name,
    ClientType,
    SyntheticSource,
    ApimOperationId,
    ResponseCode,
    Category,
    CustomDimensions,
    UriStem,
    ScStatus,
}

pub(crate) const COLUMN_COUNT: usize = 21;

const NAMES: &[(&str, Col)] = &[
    ("operation_id", Col::OperationId),
    ("method", Col::Method),
    ("path", Col::Path),
    ("sample_path", Col::SamplePath),
    ("status", Col::Status),
    ("count", Col::Count),
    ("window_start", Col::WindowStart),
    ("window_end", Col::WindowEnd),
    ("timestamp", Col::Timestamp),
    ("timegenerated", Col::Timestamp),
    ("url", Col::Url),
    ("url_s", Col::Url),
    ("resultcode", Col::ResultCode),
    ("itemcount", Col::ItemCount),
    ("name", Col::Name),
    ("client_type", Col::ClientType),
    ("clienttype", Col::ClientType),
    ("operation_syntheticsource", Col::SyntheticSource),
    ("syntheticsource", Col::SyntheticSource),
    ("operationid", Col::ApimOperationId),
    ("operationid_s", Col::ApimOperationId),
    ("method_s", Col::Method),
    ("responsecode", Col::ResponseCode),
    ("responsecode_d", Col::ResponseCode),
    ("category", Col::Category),
    ("customdimensions", Col::CustomDimensions),
    ("csuristem", Col::UriStem),
    ("csmethod", Col::Method),
    ("scstatus", Col::ScStatus),
];

impl Col {
    /// The column a header name stands for. Allocation-free.
    pub(crate) fn from_header(raw: &str) -> Option<Col> {
        let mut name = raw.trim().trim_start_matches('\u{feff}').trim();
        let cut = name.len().saturating_sub(5);
        if name
            .get(cut..)
            .is_some_and(|tail| tail.eq_ignore_ascii_case("[utc]"))
        {
            name = name[..cut].trim_end();
        }
        NAMES
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, c)| *c)
    }

    /// The name to show in messages.
    pub(crate) fn label(self) -> &'static str {
        NAMES
            .iter()
            .find(|(_, c)| *c == self)
            .map(|(n, _)| *n)
            .unwrap_or("?")
    }

    fn bit(self) -> u32 {
        1 << (self as u32)
    }
}

/// The set of columns a file has.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ColumnSet(u32);

impl ColumnSet {
    pub(crate) fn insert(&mut self, col: Col) {
        self.0 |= col.bit();
    }
    pub(crate) fn has(self, col: Col) -> bool {
        self.0 & col.bit() != 0
    }
}

/// What the rows of a tabular file are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowSchema {
    /// `connector-response-stats/v1` (what the sample KQL prints).
    Canonical,
    /// Raw App Insights `requests` / `AppRequests` rows.
    AppInsightsRequests,
    /// Raw `ApiManagementGatewayLogs` or `AzureDiagnostics` GatewayLogs rows.
    ApimGatewayLogs,
    /// Raw `customEvents` rows sent by the connector's custom code.
    CustomEvents,
    /// `AppServiceHTTPLogs` rows (the W3C fields as a table).
    AppServiceHttpLogs,
}

impl RowSchema {
    /// The schema a set of columns reveals, in priority order.
    pub(crate) fn detect(cols: ColumnSet) -> Option<RowSchema> {
        [
            RowSchema::Canonical,
            RowSchema::AppInsightsRequests,
            RowSchema::ApimGatewayLogs,
            RowSchema::CustomEvents,
            RowSchema::AppServiceHttpLogs,
        ]
        .into_iter()
        .find(|s| s.missing(cols).is_none())
    }

    /// What a file needs for this schema, or `None` when it has it.
    pub(crate) fn missing(self, c: ColumnSet) -> Option<&'static str> {
        let ok = match self {
            RowSchema::Canonical => {
                c.has(Col::Status)
                    && c.has(Col::Count)
                    && (c.has(Col::OperationId) || c.has(Col::Path) || c.has(Col::SamplePath))
            }
            RowSchema::AppInsightsRequests => c.has(Col::ResultCode) && c.has(Col::Url),
            RowSchema::ApimGatewayLogs => {
                c.has(Col::ResponseCode) && (c.has(Col::ApimOperationId) || c.has(Col::Url))
            }
            RowSchema::CustomEvents => c.has(Col::CustomDimensions) && c.has(Col::Name),
            RowSchema::AppServiceHttpLogs => c.has(Col::ScStatus) && c.has(Col::UriStem),
        };
        (!ok).then_some(self.requirement())
    }

    fn requirement(self) -> &'static str {
        match self {
            RowSchema::Canonical => "`status`, `count`, and `operation_id` or `path`",
            RowSchema::AppInsightsRequests => "`resultCode` and `url` (and optionally `itemCount`)",
            RowSchema::ApimGatewayLogs => "`ResponseCode` and `OperationId` or `Url` (or `responseCode_d`, `operationId_s`, `url_s`)",
            RowSchema::CustomEvents => "`name` and `customDimensions`",
            RowSchema::AppServiceHttpLogs => "`ScStatus` and `CsUriStem`",
        }
    }

    /// The `--stats-format` name.
    pub fn name(self) -> &'static str {
        match self {
            RowSchema::Canonical => "canonical",
            RowSchema::AppInsightsRequests => "appinsights-requests",
            RowSchema::ApimGatewayLogs => "apim",
            RowSchema::CustomEvents => "custom-events",
            RowSchema::AppServiceHttpLogs => "appservice-httplogs",
        }
    }

    /// The message when no schema fits.
    pub(crate) fn no_schema_message(found: &[String]) -> String {
        let shown: Vec<&str> = found.iter().take(12).map(String::as_str).collect();
        format!(
            "the columns ({}{}) fit no supported format; a canonical file needs {}; raw App Insights rows need {}; API Management rows need {}",
            shown.join(", "),
            if found.len() > shown.len() { ", …" } else { "" },
            RowSchema::Canonical.requirement(),
            RowSchema::AppInsightsRequests.requirement(),
            RowSchema::ApimGatewayLogs.requirement(),
        )
    }
}

/// One row's values by column, trimmed. `None` = the file has no such column or the
/// value is null.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RowView<'a> {
    pub(crate) values: [Option<&'a str>; COLUMN_COUNT],
}

impl<'a> RowView<'a> {
    pub(crate) fn empty() -> Self {
        RowView {
            values: [None; COLUMN_COUNT],
        }
    }
    pub(crate) fn set(&mut self, col: Col, value: &'a str) {
        let slot = &mut self.values[col as usize];
        if slot.is_none() || slot.is_some_and(str::is_empty) {
            *slot = Some(value.trim());
        }
    }
    pub(crate) fn get(&self, col: Col) -> Option<&'a str> {
        self.values[col as usize]
    }
    /// The value, `None` when absent or empty.
    pub(crate) fn text(&self, col: Col) -> Option<&'a str> {
        self.get(col).filter(|s| !s.is_empty())
    }
}

/// When a row happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RowTime {
    /// No timestamp: the row counts as in the window.
    Unknown,
    At(Timestamp),
    /// An aggregate over `[start, end)`.
    Window {
        start: Option<Timestamp>,
        end: Timestamp,
    },
    /// An aggregate whose window is the file's (`window` of a canonical JSON document),
    /// known only when the file has been read.
    FileWindow,
}

/// One observed (request key, status, count), as every reader produces it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Observation<'a> {
    /// Empty = none.
    pub operation_id: &'a str,
    /// Any case; empty = unknown.
    pub method: &'a str,
    /// Empty = none.
    pub path: &'a str,
    pub path_kind: PathKind,
    /// 100–599, or 0 for "no HTTP response".
    pub status: u16,
    pub count: u64,
    pub time: RowTime,
}

/// Why a row was left out on purpose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum FilterReason {
    Browser,
    Synthetic,
    OtherEvent,
    OtherCategory,
    NotHttp,
    ClientSpan,
    OtherHost,
    NoRoute,
}

impl FilterReason {
    pub(crate) fn label(self) -> &'static str {
        match self {
            FilterReason::Browser => "browser telemetry (client_Type Browser)",
            FilterReason::Synthetic => "synthetic traffic (availability tests, bots)",
            FilterReason::OtherEvent => "other custom events",
            FilterReason::OtherCategory => "other diagnostic categories",
            FilterReason::NotHttp => "requests without a URL (not HTTP)",
            FilterReason::ClientSpan => "non-server spans",
            FilterReason::OtherHost => "requests to other hosts (page assets, telemetry)",
            FilterReason::NoRoute => "metric points without http.route",
        }
    }
}

/// What a row contributed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RowOutcome {
    Counted,
    Filtered(FilterReason),
}

/// A row that cannot be used, and the column at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RowProblem {
    pub column: Option<Col>,
    pub message: String,
}

impl RowProblem {
    pub(crate) fn new(column: Option<Col>, message: impl Into<String>) -> Self {
        RowProblem {
            column,
            message: message.into(),
        }
    }
}

/// Settings extraction needs.
#[derive(Debug, Clone)]
pub(crate) struct ExtractSettings {
    pub custom_event_name: String,
    /// Requests one APIM log row stands for (100 / sampling percent).
    pub apim_row_weight: u64,
}

const HTTP_METHODS: [&str; 7] = ["GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS"];

/// 100–599, else 0 ("no HTTP response"): `0`, empty, `Canceled`, `200.5`, …
pub(crate) fn parse_status(text: &str) -> u16 {
    let t = text.trim();
    let value = match t.parse::<u32>() {
        Ok(n) => Some(n),
        Err(_) => t
            .parse::<f64>()
            .ok()
            .filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f < 1000.0)
            .map(|f| f as u32),
    };
    match value {
        Some(n @ 100..=599) => n as u16,
        _ => 0,
    }
}

/// A request count: a whole number ≥ 0, written as a number or a string (`"48210"`,
/// `48210.0`).
pub(crate) fn parse_count(text: &str, col: Col) -> Result<u64, RowProblem> {
    let t = text.trim();
    if t.is_empty() {
        return Err(RowProblem::new(
            Some(col),
            format!("`{}` is empty; write a whole number ≥ 0", col.label()),
        ));
    }
    if let Ok(n) = t.parse::<u64>() {
        return Ok(n);
    }
    match t.parse::<f64>() {
        Ok(f) if f.fract() == 0.0 && (0.0..1.8e19).contains(&f) => Ok(f as u64),
        _ => Err(RowProblem::new(
            Some(col),
            format!(
                "`{}` is \"{}\", not a whole number ≥ 0",
                col.label(),
                shorten(t)
            ),
        )),
    }
}

fn parse_time(text: &str, col: Col) -> Result<Timestamp, RowProblem> {
    Timestamp::parse(text).ok_or_else(|| {
        RowProblem::new(
            Some(col),
            format!(
                "`{}` is \"{}\", not a date (write 2025-06-01T00:00:00Z or the portal's 6/1/2025, 12:00:00.000 AM)",
                col.label(),
                shorten(text)
            ),
        )
    })
}

pub(crate) fn shorten(text: &str) -> String {
    if text.chars().count() <= 40 {
        text.to_string()
    } else {
        let mut s: String = text.chars().take(37).collect();
        s.push('…');
        s
    }
}

/// The HTTP method that starts an App Insights `name` (`GET Invoices/List`), or "".
fn method_from_name(name: &str) -> &str {
    let first = name.split(' ').next().unwrap_or("");
    if HTTP_METHODS.iter().any(|m| m.eq_ignore_ascii_case(first)) {
        first
    } else {
        ""
    }
}

fn row_time(row: &RowView) -> Result<RowTime, RowProblem> {
    let start = row
        .text(Col::WindowStart)
        .map(|t| parse_time(t, Col::WindowStart))
        .transpose()?;
    let end = row
        .text(Col::WindowEnd)
        .map(|t| parse_time(t, Col::WindowEnd))
        .transpose()?;
    if let Some(end) = end {
        if start.is_some_and(|s| s > end) {
            return Err(RowProblem::new(
                Some(Col::WindowStart),
                "`window_start` is after `window_end`",
            ));
        }
        return Ok(RowTime::Window { start, end });
    }
    if let Some(start) = start {
        return Ok(RowTime::At(start));
    }
    match row.text(Col::Timestamp) {
        Some(t) => Ok(RowTime::At(parse_time(t, Col::Timestamp)?)),
        None => Ok(RowTime::Unknown),
    }
}

/// Turns one row into an observation and hands it to `sink`.
pub(crate) fn extract(
    schema: RowSchema,
    row: &RowView,
    settings: &ExtractSettings,
    file_window: bool,
    sink: &mut impl FnMut(&Observation),
) -> Result<RowOutcome, RowProblem> {
    match schema {
        RowSchema::Canonical => {
            let operation_id = row.text(Col::OperationId).unwrap_or("");
            let path = row
                .text(Col::SamplePath)
                .or_else(|| row.text(Col::Path))
                .unwrap_or("");
            if operation_id.is_empty() && path.is_empty() {
                return Err(RowProblem::new(
                    Some(Col::OperationId),
                    "the row has neither `operation_id` nor `path`",
                ));
            }
            let count = parse_count(row.get(Col::Count).unwrap_or(""), Col::Count)?;
            let mut time = row_time(row)?;
            if time == RowTime::Unknown && file_window {
                time = RowTime::FileWindow;
            }
            sink(&Observation {
                operation_id,
                method: row.text(Col::Method).unwrap_or(""),
                path,
                path_kind: PathKind::RawPath,
                status: parse_status(row.get(Col::Status).unwrap_or("")),
                count,
                time,
            });
            Ok(RowOutcome::Counted)
        }
        RowSchema::AppInsightsRequests => {
            if row
                .text(Col::ClientType)
                .is_some_and(|t| t.eq_ignore_ascii_case("browser"))
            {
                return Ok(RowOutcome::Filtered(FilterReason::Browser));
            }
            if row.text(Col::SyntheticSource).is_some() {
                return Ok(RowOutcome::Filtered(FilterReason::Synthetic));
            }
            let Some(url) = row.text(Col::Url) else {
                return Ok(RowOutcome::Filtered(FilterReason::NotHttp));
            };
            let count = match row.text(Col::ItemCount) {
                Some(t) => parse_count(t, Col::ItemCount)?,
                None => 1,
            };
            let time = match row.text(Col::Timestamp) {
                Some(t) => RowTime::At(parse_time(t, Col::Timestamp)?),
                None => RowTime::Unknown,
            };
            sink(&Observation {
                operation_id: "",
                method: method_from_name(row.text(Col::Name).unwrap_or("")),
                path: url,
                path_kind: PathKind::RawPath,
                status: parse_status(row.get(Col::ResultCode).unwrap_or("")),
                count,
                time,
            });
            Ok(RowOutcome::Counted)
        }
        RowSchema::ApimGatewayLogs => {
            if row
                .text(Col::Category)
                .is_some_and(|c| !c.eq_ignore_ascii_case("gatewaylogs"))
            {
                return Ok(RowOutcome::Filtered(FilterReason::OtherCategory));
            }
            let operation_id = row.text(Col::ApimOperationId).unwrap_or("");
            let path = row.text(Col::Url).unwrap_or("");
            if operation_id.is_empty() && path.is_empty() {
                return Err(RowProblem::new(
                    Some(Col::Url),
                    "the row has neither `OperationId` nor `Url`",
                ));
            }
            let time = match row.text(Col::Timestamp) {
                Some(t) => RowTime::At(parse_time(t, Col::Timestamp)?),
                None => RowTime::Unknown,
            };
            sink(&Observation {
                operation_id,
                method: row.text(Col::Method).unwrap_or(""),
                path,
                path_kind: PathKind::RawPath,
                status: parse_status(row.get(Col::ResponseCode).unwrap_or("")),
                count: settings.apim_row_weight,
                time,
            });
            Ok(RowOutcome::Counted)
        }
        RowSchema::CustomEvents => {
            if row.text(Col::Name) != Some(settings.custom_event_name.as_str()) {
                return Ok(RowOutcome::Filtered(FilterReason::OtherEvent));
            }
            let dims_text = row.text(Col::CustomDimensions).unwrap_or("{}");
            let dims: CustomDimensions = serde_json::from_str(dims_text).map_err(|e| {
                RowProblem::new(
                    Some(Col::CustomDimensions),
                    format!("`customDimensions` is not a JSON object ({e})"),
                )
            })?;
            let Some(operation_id) = dims.operation_id.filter(|s| !s.trim().is_empty()) else {
                return Err(RowProblem::new(
                    Some(Col::CustomDimensions),
                    "`customDimensions` has no `operationId`",
                ));
            };
            let count = match row.text(Col::ItemCount) {
                Some(t) => parse_count(t, Col::ItemCount)?,
                None => 1,
            };
            let time = match row.text(Col::Timestamp) {
                Some(t) => RowTime::At(parse_time(t, Col::Timestamp)?),
                None => RowTime::Unknown,
            };
            sink(&Observation {
                operation_id: &operation_id,
                method: dims.method.as_deref().unwrap_or(""),
                path: "",
                path_kind: PathKind::RawPath,
                status: parse_status(dims.status_code.as_deref().unwrap_or("")),
                count,
                time,
            });
            Ok(RowOutcome::Counted)
        }
        RowSchema::AppServiceHttpLogs => {
            let Some(path) = row.text(Col::UriStem) else {
                return Err(RowProblem::new(Some(Col::UriStem), "`CsUriStem` is empty"));
            };
            let time = match row.text(Col::Timestamp) {
                Some(t) => RowTime::At(parse_time(t, Col::Timestamp)?),
                None => RowTime::Unknown,
            };
            sink(&Observation {
                operation_id: "",
                method: row.text(Col::Method).unwrap_or(""),
                path,
                path_kind: PathKind::RawPath,
                status: parse_status(row.get(Col::ScStatus).unwrap_or("")),
                count: 1,
                time,
            });
            Ok(RowOutcome::Counted)
        }
    }
}

/// The custom-code event's dimensions; values may be strings or numbers.
#[derive(serde::Deserialize)]
struct CustomDimensions {
    #[serde(rename = "operationId", default, deserialize_with = "text_or_number")]
    operation_id: Option<String>,
    #[serde(rename = "statusCode", default, deserialize_with = "text_or_number")]
    status_code: Option<String>,
    #[serde(default, deserialize_with = "text_or_number")]
    method: Option<String>,
}

/// A JSON string or number, as text.
pub(crate) fn text_or_number<'de, D: serde::Deserializer<'de>>(
    de: D,
) -> Result<Option<String>, D::Error> {
    let value = serde_json::Value::deserialize(de)?;
    Ok(match value {
        serde_json::Value::String(s) => Some(s),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers() {
        assert_eq!(
            Col::from_header("window_start [UTC]"),
            Some(Col::WindowStart)
        );
        assert_eq!(
            Col::from_header("\u{feff}Operation_ID"),
            Some(Col::OperationId)
        );
        assert_eq!(
            Col::from_header("TimeGenerated [UTC]"),
            Some(Col::Timestamp)
        );
        assert_eq!(Col::from_header("responseCode_d"), Some(Col::ResponseCode));
        assert_eq!(Col::from_header("sampled_rows"), None);
        assert_eq!(
            NAMES.iter().map(|(_, c)| *c as usize).max(),
            Some(COLUMN_COUNT - 1)
        );
    }

    #[test]
    fn statuses_and_counts() {
        assert_eq!(parse_status("200"), 200);
        assert_eq!(parse_status(" 404 "), 404);
        assert_eq!(parse_status("502.0"), 502);
        assert_eq!(parse_status("0"), 0);
        assert_eq!(parse_status("Canceled"), 0);
        assert_eq!(parse_status("600"), 0);
        assert_eq!(parse_count("48210", Col::Count), Ok(48210));
        assert_eq!(parse_count("12.0", Col::Count), Ok(12));
        assert!(parse_count("-3", Col::Count).is_err());
        assert!(parse_count("many", Col::Count).is_err());
        assert!(parse_count("", Col::Count).is_err());
        assert_eq!(method_from_name("GET Invoices/List"), "GET");
        assert_eq!(method_from_name("Invoices/List"), "");
    }
}
