//! Observed error statistics (issue 3): read a connector's telemetry, match each request
//! to an operation, and compute per-operation and connector numbers. Numbers only: the
//! findings they lead to are the statistics rules' (`Statistics` entries of `rules::registry::RULES`).
//!
//! The design follows the research report in `shared/reference/telemetry/REPORT.md`:
//! readers for the canonical `connector-response-stats/v1` format and the sources it
//! lists (§(a), §(b)), matching rules C0–C10 (§(c)), and the counting rules of §5.
//!
//! ```text
//! files ─► readers (format detected, rows streamed) ─► Observation
//!        ─► Aggregator (Matcher: C0–C10; counters by target × status × hour)
//!        ─► StatsReport (window, rates) ─► report::stats (pretty) / serde JSON / rules
//! ```
//!
//! Every reader streams: rows are counted as they are read and never kept, so memory
//! depends on the number of distinct (operation, status, hour) keys, not on rows.

pub mod error;
pub mod matcher;
pub mod report;
pub mod thresholds;
pub mod time;

mod aggregate;
mod columns;
mod readers;

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use crate::model::Definition;
use crate::syntax::Node;

pub use error::{StatsError, StatsErrorKind};
pub use matcher::{MatchOptions, Matcher, OperationIdRule, PathKind, PathMatch};
pub use report::{
    AmbiguousGroup, ClassCounts, ConnectorBasis, ConnectorStats, Documentation, ErrorStatus,
    IgnoredTraffic, OperationStats, ResponseStats, SourceRow, SourceSummary, StatsReport,
    UnknownOperationId, UnmatchedEndpoint, UnmatchedKind, WindowBasis, WindowReport,
};
pub use thresholds::Thresholds;
pub use time::{parse_as_of, parse_window_length, Timestamp};

/// A statistics format, to force one (`--stats-format`) instead of detecting it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatsFormat {
    /// `connector-response-stats/v1`, CSV or JSON (also the portal exports of the KQL).
    Canonical,
    /// App Insights / Log Analytics query results: `{"tables":[…]}` or the CLI's array.
    KqlJson,
    /// Raw App Insights `requests` / `AppRequests` rows (CSV or KQL JSON).
    AppInsightsRequests,
    /// Raw API Management gateway logs (`ApiManagementGatewayLogs` or `AzureDiagnostics`).
    ApimGatewayLogs,
    /// Raw `customEvents` rows sent by the connector's custom code.
    CustomEvents,
    /// A HAR file from a Power Apps session.
    Har,
    /// A W3C extended log (IIS, App Service).
    W3c,
    /// OTLP JSON server spans.
    OtlpSpans,
    /// OTLP JSON `http.server.request.duration` histograms.
    OtlpMetrics,
}

impl StatsFormat {
    pub const ALL: [StatsFormat; 9] = [
        StatsFormat::Canonical,
        StatsFormat::KqlJson,
        StatsFormat::AppInsightsRequests,
        StatsFormat::ApimGatewayLogs,
        StatsFormat::CustomEvents,
        StatsFormat::Har,
        StatsFormat::W3c,
        StatsFormat::OtlpSpans,
        StatsFormat::OtlpMetrics,
    ];

    /// The `--stats-format` value.
    pub fn name(self) -> &'static str {
        match self {
            StatsFormat::Canonical => "canonical",
            StatsFormat::KqlJson => "kql-json",
            StatsFormat::AppInsightsRequests => "appinsights-requests",
            StatsFormat::ApimGatewayLogs => "apim",
            StatsFormat::CustomEvents => "custom-events",
            StatsFormat::Har => "har",
            StatsFormat::W3c => "w3c",
            StatsFormat::OtlpSpans => "otlp-spans",
            StatsFormat::OtlpMetrics => "otlp-metrics",
        }
    }
}

impl FromStr for StatsFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        StatsFormat::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                let names: Vec<&str> = StatsFormat::ALL.iter().map(|f| f.name()).collect();
                format!(
                    "unknown statistics format `{s}`; use one of {}",
                    names.join(", ")
                )
            })
    }
}

impl std::fmt::Display for StatsFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// How to read and count.
#[derive(Debug, Clone, PartialEq)]
pub struct StatsOptions {
    /// Force a format instead of detecting it from the content.
    pub format: Option<StatsFormat>,
    /// Window length (default 30 days, the page's "monthly").
    pub window: Duration,
    /// End of the window; default: the newest timestamp in the data.
    pub as_of: Option<Timestamp>,
    /// Statuses excluded from both sides of the rates (default 429).
    pub throttling_codes: Vec<u16>,
    /// Turn bad rows into counted warnings instead of errors.
    pub skip_bad_rows: bool,
    /// API Management diagnostics sampling percentage; each log row then counts
    /// 100/percent requests.
    pub apim_sampling_percent: Option<f64>,
    /// More path prefixes to strip before matching (C2), e.g. an APIM API URL suffix.
    pub strip_prefixes: Vec<String>,
    /// Globs (`*`, `?`) of unmatched paths to report as ignored (e.g. `/v2/health`).
    pub ignore_paths: Vec<String>,
    /// Methods ignored unless documented (default OPTIONS and HEAD).
    pub ignore_methods: Vec<String>,
    /// The custom-code event name (default `ConnectorOperationCompleted`).
    pub custom_event_name: String,
    /// Hosts whose direct calls in a HAR count (the definition's `host` always does).
    pub api_hosts: Vec<String>,
    /// Distinct unmatched endpoints kept before the rest is counted as "other".
    pub max_unmatched_endpoints: usize,
}

impl Default for StatsOptions {
    fn default() -> Self {
        StatsOptions {
            format: None,
            window: Duration::from_secs(30 * 86_400),
            as_of: None,
            throttling_codes: vec![429],
            skip_bad_rows: false,
            apim_sampling_percent: None,
            strip_prefixes: Vec::new(),
            ignore_paths: Vec::new(),
            ignore_methods: vec!["OPTIONS".into(), "HEAD".into()],
            custom_event_name: "ConnectorOperationCompleted".into(),
            api_hosts: Vec::new(),
            max_unmatched_endpoints: 10_000,
        }
    }
}

/// Reads every file and computes the report. Any unreadable file or (without
/// `skip_bad_rows`) bad row is an error: no partial numbers.
pub fn analyze(
    def: &Definition,
    properties: Option<&Node>,
    files: &[PathBuf],
    options: &StatsOptions,
) -> Result<StatsReport, StatsError> {
    let mut analysis = Analysis::new(def, properties, options);
    for file in files {
        analysis.add_file(file)?;
    }
    Ok(analysis.finish())
}

/// An analysis fed one source at a time (files, or readers such as stdin).
pub struct Analysis<'d> {
    def: &'d Definition,
    options: &'d StatsOptions,
    agg: aggregate::Aggregator,
    settings: columns::ExtractSettings,
    api_hosts: Vec<String>,
    names: Vec<String>,
    tallies: Vec<readers::SourceTally>,
}

impl<'d> Analysis<'d> {
    /// Builds the matcher for the definition (and its apiProperties.json root, for
    /// `routerequesttoendpoint` policies).
    pub fn new(def: &'d Definition, properties: Option<&Node>, options: &'d StatsOptions) -> Self {
        let matcher = Matcher::new(
            def,
            properties,
            &MatchOptions {
                strip_prefixes: options.strip_prefixes.clone(),
                ignore_methods: options.ignore_methods.clone(),
            },
        );
        let window_ms = i64::try_from(options.window.as_millis())
            .unwrap_or(i64::MAX / 4)
            .max(time::MILLIS_PER_HOUR);
        let agg = aggregate::Aggregator::new(
            matcher,
            window_ms,
            options.as_of,
            options.ignore_paths.clone(),
            options.max_unmatched_endpoints.max(1),
        );
        let apim_row_weight = match options.apim_sampling_percent {
            Some(p) if p > 0.0 && p <= 100.0 => (100.0 / p).round().max(1.0) as u64,
            _ => 1,
        };
        let mut api_hosts = options.api_hosts.clone();
        if let Some(host) = &def.host {
            api_hosts.push(host.split(':').next().unwrap_or(host).to_string());
        }
        Analysis {
            def,
            options,
            agg,
            settings: columns::ExtractSettings {
                custom_event_name: options.custom_event_name.clone(),
                apim_row_weight,
            },
            api_hosts,
            names: Vec::new(),
            tallies: Vec::new(),
        }
    }

    /// Reads one file.
    pub fn add_file(&mut self, path: &Path) -> Result<(), StatsError> {
        let index = self.names.len() as u32;
        let ctx = readers::ReadContext {
            file: path,
            file_index: index,
            forced: self.options.format,
            skip_bad_rows: self.options.skip_bad_rows,
            settings: &self.settings,
            api_hosts: &self.api_hosts,
        };
        let tally = readers::read_file(&ctx, &mut self.agg)?;
        self.record(path, tally);
        Ok(())
    }

    /// Reads one source from a reader; `name` is what messages call it.
    pub fn add_reader<R: BufRead>(&mut self, name: &Path, reader: R) -> Result<(), StatsError> {
        let index = self.names.len() as u32;
        let ctx = readers::ReadContext {
            file: name,
            file_index: index,
            forced: self.options.format,
            skip_bad_rows: self.options.skip_bad_rows,
            settings: &self.settings,
            api_hosts: &self.api_hosts,
        };
        let tally = readers::read_source(reader, &ctx, &mut self.agg)?;
        self.record(name, tally);
        Ok(())
    }

    fn record(&mut self, name: &Path, mut tally: readers::SourceTally) {
        if tally.format.starts_with("apim") && self.options.apim_sampling_percent.is_none() {
            tally.warnings.push(format!(
                "{}: API Management logs carry no ItemCount; if diagnostics sample below 100%, counts are too low (and with \"always log errors\" the success rate is too low): give the sampling percentage",
                name.display()
            ));
        }
        self.names.push(name.display().to_string());
        self.tallies.push(tally);
    }

    /// The report over everything read.
    pub fn finish(self) -> StatsReport {
        let window_ms = i64::try_from(self.options.window.as_millis())
            .unwrap_or(i64::MAX / 4)
            .max(time::MILLIS_PER_HOUR);
        report::build(
            self.agg,
            self.def,
            &self.names,
            self.tallies,
            &report::ReportSettings {
                throttling: &self.options.throttling_codes,
                window_length_ms: window_ms,
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use std::io::{BufReader, Read};

    use super::*;
    use crate::source::{Decoding, SourceFile};
    use crate::syntax::json;

    const DEFINITION: &str = r#"{ "swagger": "2.0", "info": { "title": "Items", "version": "1.0" },
      "host": "api.items.example", "basePath": "/v1",
      "paths": { "/items/{id}": { "get": { "operationId": "GetItem",
        "responses": { "200": { "description": "OK" } } } } } }"#;

    const ROWS: u64 = 200_000;
    const START_MS: i64 = 1_748_736_000_000; // 2025-06-01
    const SPAN_MS: i64 = 60 * 86_400_000;

    fn time_of(i: u64) -> i64 {
        START_MS + (i as i64) * (SPAN_MS / ROWS as i64)
    }

    /// Raw App Insights rows, generated on the fly: the input is never in memory whole.
    struct GeneratedRows {
        next: u64,
        line: Vec<u8>,
        pos: usize,
    }

    impl Read for GeneratedRows {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            if self.pos == self.line.len() {
                self.line.clear();
                self.pos = 0;
                if self.next == 0 {
                    self.line.extend_from_slice(
                        b"timestamp,name,url,resultCode,itemCount,client_Type\n",
                    );
                } else if self.next <= ROWS {
                    let i = self.next - 1;
                    let ts = time::Timestamp(time_of(i)).to_rfc3339();
                    let status = if i.is_multiple_of(10) { 404 } else { 200 };
                    let path = if i % 50 == 1 {
                        format!("/v1/other/{i:06}")
                    } else {
                        format!("/v1/items/ID-{i}")
                    };
                    let client = if i % 1000 == 7 { "Browser" } else { "PC" };
                    self.line.extend_from_slice(
                        format!("{ts},GET Items/Get,https://api.items.example{path}?x=1,{status},1,{client}\n").as_bytes(),
                    );
                } else {
                    return Ok(0);
                }
                self.next += 1;
            }
            let n = out.len().min(self.line.len() - self.pos);
            out[..n].copy_from_slice(&self.line[self.pos..self.pos + n]);
            self.pos += n;
            Ok(n)
        }
    }

    #[test]
    fn streaming_200k_rows_keeps_memory_flat() {
        let file = SourceFile::from_text("d.json".into(), DEFINITION.into(), Decoding::Utf8);
        let def = crate::model::build_definition(&json::parse(&file).root.expect("parses"));
        let options = StatsOptions::default();
        let mut analysis = Analysis::new(&def, None, &options);
        let input = BufReader::new(GeneratedRows {
            next: 0,
            line: Vec::new(),
            pos: 0,
        });
        analysis
            .add_reader(Path::new("generated.csv"), input)
            .expect("the generated rows are valid");
        // counters: (targets × statuses × hours of the window), not rows
        let live = analysis.agg.counts.len();
        assert!(live <= 3 * 2 * (31 * 24), "{live} counters for {ROWS} rows");
        assert_eq!(analysis.tallies[0].rows, ROWS);

        let end = time_of(ROWS - 1);
        let first_hour_ms = (end - 30 * 86_400_000 + 3_599_999).div_euclid(3_600_000) * 3_600_000;
        let (mut ok, mut not_found, mut other, mut outside, mut browser) =
            (0u64, 0u64, 0u64, 0u64, 0u64);
        for i in 0..ROWS {
            if i % 1000 == 7 {
                browser += 1;
                continue;
            }
            if time_of(i) < first_hour_ms {
                outside += 1;
            } else if i % 50 == 1 {
                other += 1;
            } else if i % 10 == 0 {
                not_found += 1;
            } else {
                ok += 1;
            }
        }
        let report = analysis.finish();
        assert_eq!(
            report.sources[0].filtered_rows.values().sum::<u64>(),
            browser
        );
        assert_eq!(report.window.requests_outside, outside);
        let op = &report.operations[0];
        assert_eq!(op.responses.by_status.get(&200).copied().unwrap_or(0), ok);
        assert_eq!(
            op.responses.by_status.get(&404).copied().unwrap_or(0),
            not_found
        );
        assert_eq!(report.unmatched.len(), 1);
        assert_eq!(report.unmatched[0].path, "/v1/other/{param1}");
        assert_eq!(report.unmatched[0].responses.requests, other);
        assert_eq!(report.connector.responses.requests, ok + not_found);
        assert_eq!(
            report.window.end.as_deref(),
            Some(time::Timestamp(end).to_rfc3339().as_str())
        );
    }
}
