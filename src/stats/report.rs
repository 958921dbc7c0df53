//! The numbers: per operation and for the connector, as a serde-serialisable
//! [`StatsReport`] (the `--format json` contract of `connlint stats`).
//!
//! Counting rules (REPORT.md §5): statuses outside 100–599 are "no HTTP response" and
//! never in a rate; throttling statuses (429 by default) are left out of numerator and
//! denominator; `N` is what remains. `success_rate` = (1xx+2xx+3xx)/N×100 and
//! `certification_success_rate` = (1xx+2xx+3xx−4xx−5xx)/N×100, the formula of
//! Microsoft's "View connector telemetry" page, which can go negative.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use super::aggregate::{Aggregator, RowRef, Target};
use super::readers::SourceTally;
use super::time::{Timestamp, MILLIS_PER_DAY};
use crate::model::{Definition, Operation, ResponseCode};

/// Everything `connlint stats` reports.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StatsReport {
    pub window: WindowReport,
    pub connector: ConnectorStats,
    /// Statuses left out of both sides of the rates.
    pub throttling_codes: Vec<u16>,
    /// Every operation of the definition, in definition order (unused ones with 0).
    pub operations: Vec<OperationStats>,
    /// Traffic that fits no operation: undocumented endpoints and methods.
    pub unmatched: Vec<UnmatchedEndpoint>,
    /// Traffic that fits several operations equally (never split by guessing).
    pub ambiguous: Vec<AmbiguousGroup>,
    /// operationIds the definition does not have.
    pub unknown_operation_ids: Vec<UnknownOperationId>,
    /// OPTIONS/HEAD and paths on the ignore list.
    pub ignored: Vec<IgnoredTraffic>,
    pub sources: Vec<SourceSummary>,
    pub warnings: Vec<String>,
}

/// The time window the numbers cover.
///
/// Without `as_of`, the window ends at the newest timestamp and starts at the first whole
/// UTC hour that is at most `length_days` earlier (rows are counted by the hour, so the
/// window is up to one hour shorter than the length; memory stays bounded by hours, not
/// rows). With `as_of`, it is exactly `[as_of − length, as_of)`. Aggregate rows (with
/// `window_start`/`window_end`) count whole when their end falls in the window, and
/// `start` then reaches back to their earliest start. Rows without a timestamp always
/// count.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct WindowReport {
    /// RFC 3339; `None` when no row had a timestamp.
    pub start: Option<String>,
    pub end: Option<String>,
    /// The configured length (30 by default).
    pub length_days: f64,
    pub basis: WindowBasis,
    /// Requests left out because they are older than the window (or after `as_of`).
    pub requests_outside: u64,
    /// Requests without a timestamp, counted as in the window.
    pub requests_without_timestamp: u64,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum WindowBasis {
    /// The window ends at the newest timestamp in the data.
    NewestTimestamp,
    /// The window ends at the `as_of` date given.
    AsOf,
    /// No row had a timestamp; everything was counted.
    NoTimestamps,
}

/// Responses by class.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct ClassCounts {
    #[serde(rename = "1xx")]
    pub informational: u64,
    #[serde(rename = "2xx")]
    pub success: u64,
    #[serde(rename = "3xx")]
    pub redirection: u64,
    #[serde(rename = "4xx")]
    pub client_error: u64,
    #[serde(rename = "5xx")]
    pub server_error: u64,
}

/// Counts and rates of one set of responses.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct ResponseStats {
    /// Every request, throttled and unanswered ones included.
    pub requests: u64,
    /// N: the denominator of both rates (no throttling, no "no response").
    pub counted: u64,
    pub throttled: u64,
    /// Requests that got no HTTP status (status 0, `Canceled`, …).
    pub no_response: u64,
    pub by_class: ClassCounts,
    /// HTTP statuses; throttling statuses included (they are excluded only from rates).
    pub by_status: BTreeMap<u16, u64>,
    /// (1xx+2xx+3xx)/N×100; `None` when N is 0.
    pub success_rate: Option<f64>,
    /// (1xx+2xx+3xx−4xx−5xx)/N×100; can be negative.
    pub certification_success_rate: Option<f64>,
}

impl ResponseStats {
    /// Builds the figures from per-status counts (`0` = no HTTP response).
    pub fn from_counts(counts: &BTreeMap<u16, u64>, throttling: &[u16]) -> ResponseStats {
        let mut s = ResponseStats::default();
        let mut ok = 0u64;
        let mut errors = 0u64;
        let add = |to: &mut u64, n: u64| *to = to.saturating_add(n);
        for (&status, &n) in counts {
            add(&mut s.requests, n);
            if status == 0 {
                add(&mut s.no_response, n);
                continue;
            }
            s.by_status.insert(status, n);
            match status / 100 {
                1 => add(&mut s.by_class.informational, n),
                2 => add(&mut s.by_class.success, n),
                3 => add(&mut s.by_class.redirection, n),
                4 => add(&mut s.by_class.client_error, n),
                _ => add(&mut s.by_class.server_error, n),
            }
            if throttling.contains(&status) {
                add(&mut s.throttled, n);
            } else if status < 400 {
                add(&mut ok, n);
            } else {
                add(&mut errors, n);
            }
        }
        s.counted = ok.saturating_add(errors);
        if s.counted > 0 {
            let n = s.counted as f64;
            s.success_rate = Some(ok as f64 / n * 100.0);
            s.certification_success_rate = Some((ok as f64 - errors as f64) / n * 100.0);
        }
        s
    }

    /// 4xx and 5xx responses, throttling excluded.
    pub fn errors(&self, throttling: &[u16]) -> u64 {
        self.by_status
            .iter()
            .filter(|(s, _)| **s >= 400 && !throttling.contains(s))
            .fold(0u64, |acc, (_, n)| acc.saturating_add(*n))
    }
}

/// Where the connector-level figures come from.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum ConnectorBasis {
    /// Operations, ambiguous groups and unknown operationIds (not unmatched paths).
    Operations,
    /// Rows with `operation_id` `*`.
    ConnectorTotals,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ConnectorStats {
    /// The definition's `info.title`.
    pub name: Option<String>,
    pub basis: ConnectorBasis,
    #[serde(flatten)]
    pub responses: ResponseStats,
}

/// How the definition covers an observed error status (C10).
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Documentation {
    /// The exact code is a response key.
    Documented,
    /// A range key (`4XX`) covers it.
    DocumentedRange,
    /// Only `default` covers it.
    DefaultOnly,
    Undocumented,
}

/// One observed error status of an operation.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ErrorStatus {
    pub status: u16,
    pub count: u64,
    /// Of all the operation's requests (throttled and unanswered included).
    pub share: f64,
    pub documentation: Documentation,
    pub first_seen: Option<SourceRow>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OperationStats {
    pub operation_id: Option<String>,
    /// Upper case.
    pub method: String,
    pub path: String,
    pub summary: Option<String>,
    /// JSON pointer of the operation in the definition.
    pub pointer: String,
    pub deprecated: bool,
    /// `x-ms-visibility: internal`: makers never pick it.
    pub internal: bool,
    pub trigger: bool,
    #[serde(flatten)]
    pub responses: ResponseStats,
    /// Statuses ≥ 400, by status.
    pub errors: Vec<ErrorStatus>,
    /// Some traffic could be this operation or another (an ambiguous group with traffic).
    pub in_ambiguous_group: bool,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum UnmatchedKind {
    /// No template fits the path.
    Unmatched,
    /// A template fits the path, but has no operation for the method.
    UndocumentedMethod,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct UnmatchedEndpoint {
    pub kind: UnmatchedKind,
    pub method: String,
    /// The inferred template (ID-like segments become `{param1}`, …).
    pub path: String,
    /// One observed path of the group (query dropped).
    pub sample_path: String,
    /// For undocumented methods: the template the path fits.
    pub fits: Option<String>,
    #[serde(flatten)]
    pub responses: ResponseStats,
    pub first_seen: Option<SourceRow>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AmbiguousGroup {
    pub operation_ids: Vec<String>,
    pub method: String,
    /// The template the traffic fits.
    pub path: String,
    /// The template comes from a `routerequesttoendpoint` policy.
    pub via_policy: bool,
    #[serde(flatten)]
    pub responses: ResponseStats,
    pub first_seen: Option<SourceRow>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct UnknownOperationId {
    pub operation_id: String,
    /// When the row also had a path, what the path matched (the requests are counted
    /// there, not in the connector figures twice).
    pub counted_as: Option<String>,
    #[serde(flatten)]
    pub responses: ResponseStats,
    pub first_seen: Option<SourceRow>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct IgnoredTraffic {
    pub method: String,
    /// The ignore-list pattern; `None` for ignored methods.
    pub pattern: Option<String>,
    pub requests: u64,
}

/// A row of a statistics file.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SourceRow {
    pub file: String,
    /// CSV and W3C: the line.
    pub line: Option<u64>,
    /// JSON rows, HAR entries, OTLP spans and points: the 1-based index.
    pub row: Option<u64>,
}

impl fmt::Display for SourceRow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.row) {
            (Some(l), _) => write!(f, "{}:{l}", self.file),
            (None, Some(r)) => write!(f, "{} (row {r})", self.file),
            _ => f.write_str(&self.file),
        }
    }
}

/// What was read from one file.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SourceSummary {
    pub file: String,
    /// Detected (or forced) format, e.g. `canonical (csv)`, `har`, `w3c`.
    pub format: String,
    pub rows: u64,
    /// Requests the counted rows stand for (before the window).
    pub requests: u64,
    /// Rows left out on purpose, by reason.
    pub filtered_rows: BTreeMap<String, u64>,
    /// Rows skipped as unusable (`skip_bad_rows`).
    pub bad_rows: u64,
    /// The first messages about bad rows.
    pub bad_row_messages: Vec<String>,
}

/// Settings the report needs.
pub(crate) struct ReportSettings<'a> {
    pub throttling: &'a [u16],
    pub window_length_ms: i64,
}

pub(crate) fn build(
    agg: Aggregator,
    def: &Definition,
    files: &[String],
    tallies: Vec<SourceTally>,
    settings: &ReportSettings,
) -> StatsReport {
    let window = agg.resolved_window();
    let throttling = settings.throttling;
    // per target: status → count, and the first row seen
    let mut per_target: Vec<BTreeMap<u16, u64>> = vec![BTreeMap::new(); agg.targets.len()];
    for (&(target, status, bucket), &n) in &agg.counts {
        if Aggregator::in_window(bucket, &window) {
            let c = per_target[target as usize].entry(status).or_insert(0);
            *c = c.saturating_add(n);
        }
    }
    let source_row = |r: &RowRef| SourceRow {
        file: files.get(r.file as usize).cloned().unwrap_or_default(),
        line: r.by_line.then_some(r.position),
        row: (!r.by_line).then_some(r.position),
    };
    let mut first_per_target: std::collections::HashMap<u32, RowRef> =
        std::collections::HashMap::new();
    for (&(target, _), &row) in &agg.first_seen {
        first_per_target
            .entry(target)
            .and_modify(|r| *r = (*r).min(row))
            .or_insert(row);
    }
    let first_of = |target: u32, status: Option<u16>| -> Option<SourceRow> {
        match status {
            Some(s) => agg.first_seen.get(&(target, s)),
            None => first_per_target.get(&target),
        }
        .map(source_row)
    };
    let op_name = |i: usize| -> String {
        def.operations
            .get(i)
            .map(|o| o.operation_id.clone().unwrap_or_else(|| o.label()))
            .unwrap_or_default()
    };

    let mut grouped_ops = vec![false; def.operations.len()];
    let mut ambiguous = Vec::new();
    let mut unmatched = Vec::new();
    let mut unknown = Vec::new();
    let mut ignored = Vec::new();
    let mut connector_counts: BTreeMap<u16, u64> = BTreeMap::new();
    let mut totals_counts: BTreeMap<u16, u64> = BTreeMap::new();
    let mut has_totals = false;
    let mut has_per_operation = false;
    let add_into = |into: &mut BTreeMap<u16, u64>, from: &BTreeMap<u16, u64>| {
        for (s, n) in from {
            let c = into.entry(*s).or_insert(0);
            *c = c.saturating_add(*n);
        }
    };
    for (t, target) in agg.targets.iter().enumerate() {
        let counts = &per_target[t];
        if counts.is_empty() {
            continue;
        }
        let responses = || ResponseStats::from_counts(counts, throttling);
        match target {
            Target::Operation(_) => {
                has_per_operation = true;
                add_into(&mut connector_counts, counts);
            }
            Target::Group {
                operations,
                method,
                template,
                via_policy,
            } => {
                has_per_operation = true;
                add_into(&mut connector_counts, counts);
                for &op in operations {
                    if let Some(g) = grouped_ops.get_mut(op) {
                        *g = true;
                    }
                }
                ambiguous.push(AmbiguousGroup {
                    operation_ids: operations.iter().map(|&i| op_name(i)).collect(),
                    method: method.clone(),
                    path: template.clone(),
                    via_policy: *via_policy,
                    responses: responses(),
                    first_seen: first_of(t as u32, None),
                });
            }
            Target::Unmatched {
                method,
                inferred,
                sample,
            } => unmatched.push(UnmatchedEndpoint {
                kind: UnmatchedKind::Unmatched,
                method: method.clone(),
                path: inferred.clone(),
                sample_path: sample.clone(),
                fits: None,
                responses: responses(),
                first_seen: first_of(t as u32, None),
            }),
            Target::UndocumentedMethod {
                method,
                inferred,
                fits,
                sample,
            } => unmatched.push(UnmatchedEndpoint {
                kind: UnmatchedKind::UndocumentedMethod,
                method: method.clone(),
                path: inferred.clone(),
                sample_path: sample.clone(),
                fits: Some(fits.clone()),
                responses: responses(),
                first_seen: first_of(t as u32, None),
            }),
            Target::Ignored { method, path } => ignored.push(IgnoredTraffic {
                method: method.clone(),
                pattern: path.clone(),
                requests: counts.values().fold(0u64, |a, n| a.saturating_add(*n)),
            }),
            Target::UnknownOperationId { id } => {
                has_per_operation = true;
                add_into(&mut connector_counts, counts);
                unknown.push(UnknownOperationId {
                    operation_id: id.clone(),
                    counted_as: None,
                    responses: responses(),
                    first_seen: first_of(t as u32, None),
                });
            }
            Target::UnknownOperationIdCountedAs { id, counted_as } => {
                unknown.push(UnknownOperationId {
                    operation_id: id.clone(),
                    counted_as: Some(describe_target(
                        &agg.targets,
                        *counted_as as usize,
                        &op_name,
                    )),
                    responses: responses(),
                    first_seen: first_of(t as u32, None),
                });
            }
            Target::ConnectorTotals => {
                has_totals = true;
                add_into(&mut totals_counts, counts);
            }
            Target::Overflow => {}
        }
    }

    let operations: Vec<OperationStats> = def
        .operations
        .iter()
        .enumerate()
        .map(|(i, op)| {
            let counts = &per_target[i];
            let responses = ResponseStats::from_counts(counts, throttling);
            let errors = counts
                .iter()
                .filter(|(s, _)| **s >= 400)
                .map(|(&status, &count)| ErrorStatus {
                    status,
                    count,
                    share: if responses.requests > 0 {
                        count as f64 / responses.requests as f64
                    } else {
                        0.0
                    },
                    documentation: documentation(op, status),
                    first_seen: first_of(i as u32, Some(status)),
                })
                .collect();
            OperationStats {
                operation_id: op.operation_id.clone(),
                method: op.method.to_ascii_uppercase(),
                path: op.path.clone(),
                summary: op.summary.clone(),
                pointer: op.pointer.clone(),
                deprecated: op.deprecated,
                internal: op.visibility.as_deref() == Some("internal"),
                trigger: op.trigger.is_some(),
                responses,
                errors,
                in_ambiguous_group: grouped_ops[i],
            }
        })
        .collect();

    let by_requests = |a: &ResponseStats, b: &ResponseStats| b.requests.cmp(&a.requests);
    unmatched
        .sort_by(|a, b| by_requests(&a.responses, &b.responses).then_with(|| a.path.cmp(&b.path)));
    ambiguous.sort_by(|a, b| by_requests(&a.responses, &b.responses));
    unknown.sort_by(|a, b| {
        by_requests(&a.responses, &b.responses).then_with(|| a.operation_id.cmp(&b.operation_id))
    });
    ignored.sort_by_key(|i| std::cmp::Reverse(i.requests));

    let mut warnings: Vec<String> = Vec::new();
    let (basis, connector_source) = if has_totals {
        if has_per_operation {
            warnings.push("connector figures come from the `*` (connector totals) rows; per-operation rows are not added to them".into());
        }
        (ConnectorBasis::ConnectorTotals, totals_counts)
    } else {
        (ConnectorBasis::Operations, connector_counts)
    };
    for t in &tallies {
        warnings.extend(t.warnings.iter().cloned());
    }
    if agg.mixed_row_windows {
        warnings.push(
            "rows cover different time windows; the report's window spans all of them".into(),
        );
    }
    if agg.overflowed_requests > 0 {
        warnings.push(format!(
            "too many distinct unmatched endpoints: {} requests were counted together as \"other\"",
            agg.overflowed_requests
        ));
    }
    let window_report = WindowReport {
        start: window.start.map(|s| Timestamp(s).to_rfc3339()),
        end: window.end.map(|e| Timestamp(e).to_rfc3339()),
        length_days: settings.window_length_ms as f64 / MILLIS_PER_DAY as f64,
        basis: if window.as_of {
            WindowBasis::AsOf
        } else if window.end.is_some() {
            WindowBasis::NewestTimestamp
        } else {
            WindowBasis::NoTimestamps
        },
        requests_outside: agg.excluded_requests,
        requests_without_timestamp: agg.untimed_requests,
    };
    if let (Some(s), Some(e)) = (window.start, window.end) {
        if e - s > settings.window_length_ms + 3_600_000 {
            warnings.push(format!(
                "aggregate rows cover {:.0} days, more than the {:.0}-day window; they were counted whole",
                (e - s) as f64 / MILLIS_PER_DAY as f64,
                window_report.length_days
            ));
        }
    }
    let sources = tallies
        .into_iter()
        .zip(files)
        .map(|(t, file)| SourceSummary {
            file: file.clone(),
            format: t.format,
            rows: t.rows,
            requests: t.requests,
            filtered_rows: t
                .filtered
                .iter()
                .map(|(r, n)| (r.label().to_string(), *n))
                .collect(),
            bad_rows: t.bad_rows,
            bad_row_messages: t.bad_row_messages,
        })
        .collect();
    StatsReport {
        window: window_report,
        connector: ConnectorStats {
            name: def.title.clone(),
            basis,
            responses: ResponseStats::from_counts(&connector_source, throttling),
        },
        throttling_codes: throttling.to_vec(),
        operations,
        unmatched,
        ambiguous,
        unknown_operation_ids: unknown,
        ignored,
        sources,
        warnings,
    }
}

fn describe_target(targets: &[Target], t: usize, op_name: &dyn Fn(usize) -> String) -> String {
    match targets.get(t) {
        Some(Target::Operation(i)) => op_name(*i),
        Some(Target::Group { operations, .. }) => operations
            .iter()
            .map(|&i| op_name(i))
            .collect::<Vec<_>>()
            .join("|"),
        Some(Target::Unmatched {
            method, inferred, ..
        }) => format!("unmatched {method} {inferred}"),
        Some(Target::UndocumentedMethod {
            method, inferred, ..
        }) => {
            format!("undocumented method {method} {inferred}")
        }
        Some(Target::Ignored { method, .. }) => format!("ignored {method}"),
        _ => "other".into(),
    }
}

/// C10: how `op` documents `status`.
pub fn documentation(op: &Operation, status: u16) -> Documentation {
    let Some(responses) = &op.responses else {
        return Documentation::Undocumented;
    };
    if responses
        .entries
        .iter()
        .any(|r| r.code == ResponseCode::Status(status))
    {
        Documentation::Documented
    } else if responses
        .entries
        .iter()
        .any(|r| matches!(r.code, ResponseCode::Range(c) if u16::from(c) == status / 100))
    {
        Documentation::DocumentedRange
    } else if responses.has_default() {
        Documentation::DefaultOnly
    } else {
        Documentation::Undocumented
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_follow_the_page() {
        let counts: BTreeMap<u16, u64> = [(200, 90), (404, 5), (500, 5), (429, 50), (0, 7)]
            .into_iter()
            .collect();
        let r = ResponseStats::from_counts(&counts, &[429]);
        assert_eq!(r.requests, 157);
        assert_eq!(r.counted, 100);
        assert_eq!(r.throttled, 50);
        assert_eq!(r.no_response, 7);
        assert_eq!(r.success_rate, Some(90.0));
        assert_eq!(r.certification_success_rate, Some(80.0));
        assert_eq!(r.by_class.client_error, 55);
        let bad: BTreeMap<u16, u64> = [(200, 1), (500, 3)].into_iter().collect();
        let r = ResponseStats::from_counts(&bad, &[429]);
        assert_eq!(r.certification_success_rate, Some(-50.0));
        let none = ResponseStats::from_counts(&BTreeMap::new(), &[429]);
        assert_eq!(none.success_rate, None);
    }
}
