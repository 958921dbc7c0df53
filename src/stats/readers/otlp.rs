//! OpenTelemetry OTLP/JSON: server spans, and the `http.server.request.duration` (or
//! legacy `http.server.duration`) histogram, whose points are already per-route counts.
//!
//! A file is a stream of export requests (the collector's file exporter writes one per
//! line; a pretty-printed single request works too). Each request is read whole, then
//! dropped; cumulative metric series are reduced to one counter per series.

use std::collections::BTreeMap;
use std::io::BufRead;

use serde::Deserialize;

use super::{ReadContext, SourceTally};
use crate::stats::aggregate::Aggregator;
use crate::stats::columns::{text_or_number, FilterReason, Observation, RowOutcome, RowTime};
use crate::stats::error::{StatsError, StatsErrorKind};
use crate::stats::matcher::PathKind;
use crate::stats::time::Timestamp;
use crate::stats::StatsFormat;

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct ExportRequest {
    #[serde(default)]
    resource_spans: Vec<ResourceSpans>,
    #[serde(default)]
    resource_metrics: Vec<ResourceMetrics>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ResourceSpans {
    #[serde(default, alias = "instrumentationLibrarySpans")]
    scope_spans: Vec<ScopeSpans>,
}

#[derive(Deserialize)]
struct ScopeSpans {
    #[serde(default)]
    spans: Vec<Span>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Span {
    #[serde(default)]
    kind: Option<serde_json::Value>,
    #[serde(default)]
    attributes: Vec<KeyValue>,
    #[serde(default, deserialize_with = "text_or_number")]
    end_time_unix_nano: Option<String>,
    #[serde(default, deserialize_with = "text_or_number")]
    start_time_unix_nano: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ResourceMetrics {
    #[serde(default, alias = "instrumentationLibraryMetrics")]
    scope_metrics: Vec<ScopeMetrics>,
}

#[derive(Deserialize)]
struct ScopeMetrics {
    #[serde(default)]
    metrics: Vec<Metric>,
}

#[derive(Deserialize)]
struct Metric {
    #[serde(default)]
    name: String,
    #[serde(default)]
    histogram: Option<Histogram>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Histogram {
    #[serde(default)]
    aggregation_temporality: Option<serde_json::Value>,
    #[serde(default)]
    data_points: Vec<HistogramPoint>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct HistogramPoint {
    #[serde(default)]
    attributes: Vec<KeyValue>,
    #[serde(default, deserialize_with = "text_or_number")]
    count: Option<String>,
    #[serde(default, deserialize_with = "text_or_number")]
    start_time_unix_nano: Option<String>,
    #[serde(default, deserialize_with = "text_or_number")]
    time_unix_nano: Option<String>,
}

#[derive(Deserialize)]
struct KeyValue {
    key: String,
    #[serde(default)]
    value: AnyValue,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct AnyValue {
    #[serde(default)]
    string_value: Option<String>,
    #[serde(default, deserialize_with = "text_or_number")]
    int_value: Option<String>,
    #[serde(default)]
    double_value: Option<f64>,
}

fn attribute(attrs: &[KeyValue], names: &[&str]) -> Option<String> {
    names.iter().find_map(|n| {
        let kv = attrs.iter().find(|kv| kv.key == *n)?;
        kv.value
            .string_value
            .clone()
            .or_else(|| kv.value.int_value.clone())
            .or_else(|| kv.value.double_value.map(|d| d.to_string()))
    })
}

fn nanos(text: Option<&str>) -> Option<Timestamp> {
    text.and_then(|t| t.trim().parse::<u64>().ok())
        .filter(|n| *n > 0)
        .map(Timestamp::from_unix_nanos)
}

fn status_of(attrs: &[KeyValue]) -> u16 {
    attribute(attrs, &["http.response.status_code", "http.status_code"])
        .map_or(0, |s| crate::stats::columns::parse_status(&s))
}

/// One cumulative series run: points that share a start time.
#[derive(Debug)]
struct CumulativeRun {
    first_count: u64,
    last_count: u64,
    has_start: bool,
    start: Option<Timestamp>,
    last_time: Option<Timestamp>,
    /// Completed runs of a series without start times (after counter resets).
    carried: u64,
    position: u64,
}

pub(crate) fn read<R: BufRead>(
    input: R,
    ctx: &ReadContext,
    agg: &mut Aggregator,
) -> Result<SourceTally, StatsError> {
    let mut tally = SourceTally::default();
    let mut saw_spans = false;
    let mut saw_metrics = false;
    let mut cumulative: BTreeMap<(String, String, u16, Option<String>), CumulativeRun> =
        BTreeMap::new();
    let mut position = 0u64;
    let stream = serde_json::Deserializer::from_reader(input).into_iter::<ExportRequest>();
    for request in stream {
        let request = request.map_err(|e| super::json::convert_error(e, ctx, None))?;
        if ctx.forced != Some(StatsFormat::OtlpMetrics) {
            for span in request
                .resource_spans
                .iter()
                .flat_map(|r| &r.scope_spans)
                .flat_map(|s| &s.spans)
            {
                saw_spans = true;
                position += 1;
                let server = match &span.kind {
                    Some(serde_json::Value::Number(n)) => n.as_u64() == Some(2),
                    Some(serde_json::Value::String(s)) => s == "SPAN_KIND_SERVER",
                    _ => false,
                };
                if !server {
                    tally.outcome(RowOutcome::Filtered(FilterReason::ClientSpan));
                    continue;
                }
                let attrs = &span.attributes;
                let method =
                    attribute(attrs, &["http.request.method", "http.method"]).unwrap_or_default();
                let (path, kind) = match attribute(attrs, &["http.route"]).filter(|r| !r.is_empty())
                {
                    Some(route) => (route, PathKind::RouteTemplate),
                    None => (
                        attribute(attrs, &["url.path", "http.target"]).unwrap_or_default(),
                        PathKind::RawPath,
                    ),
                };
                if path.is_empty() {
                    let err = ctx.error(
                        StatsErrorKind::Row,
                        format!("span {position}: a server span without http.route, url.path or http.target"),
                    );
                    tally.bad_row(err, ctx.skip_bad_rows)?;
                    continue;
                }
                let time = nanos(span.end_time_unix_nano.as_deref())
                    .or_else(|| nanos(span.start_time_unix_nano.as_deref()))
                    .map_or(RowTime::Unknown, RowTime::At);
                let obs = Observation {
                    operation_id: "",
                    method: &method,
                    path: &path,
                    path_kind: kind,
                    status: status_of(attrs),
                    count: 1,
                    time,
                };
                tally.requests += 1;
                tally.outcome(RowOutcome::Counted);
                agg.add(&obs, ctx.row_ref(position, false));
            }
        }
        if ctx.forced == Some(StatsFormat::OtlpSpans) {
            continue;
        }
        for metric in request
            .resource_metrics
            .iter()
            .flat_map(|r| &r.scope_metrics)
            .flat_map(|s| &s.metrics)
        {
            if metric.name != "http.server.request.duration"
                && metric.name != "http.server.duration"
            {
                continue;
            }
            let Some(histogram) = &metric.histogram else {
                continue;
            };
            saw_metrics = true;
            let cumulative_points = match &histogram.aggregation_temporality {
                Some(serde_json::Value::Number(n)) => n.as_u64() == Some(2),
                Some(serde_json::Value::String(s)) => s == "AGGREGATION_TEMPORALITY_CUMULATIVE",
                _ => false,
            };
            for point in &histogram.data_points {
                position += 1;
                let attrs = &point.attributes;
                let Some(route) = attribute(attrs, &["http.route"]).filter(|r| !r.is_empty())
                else {
                    tally.outcome(RowOutcome::Filtered(FilterReason::NoRoute));
                    continue;
                };
                let count_text = point.count.clone().unwrap_or_default();
                let count = match crate::stats::columns::parse_count(
                    &count_text,
                    crate::stats::columns::Col::Count,
                ) {
                    Ok(c) => c,
                    Err(problem) => {
                        let err = ctx.error(
                            StatsErrorKind::Row,
                            format!("data point {position}: {}", problem.message),
                        );
                        tally.bad_row(err, ctx.skip_bad_rows)?;
                        continue;
                    }
                };
                let method =
                    attribute(attrs, &["http.request.method", "http.method"]).unwrap_or_default();
                let status = status_of(attrs);
                let start = nanos(point.start_time_unix_nano.as_deref());
                let end = nanos(point.time_unix_nano.as_deref());
                tally.outcome(RowOutcome::Counted);
                if cumulative_points {
                    let key = (
                        method.to_ascii_uppercase(),
                        route.clone(),
                        status,
                        point
                            .start_time_unix_nano
                            .clone()
                            .filter(|_| start.is_some()),
                    );
                    let run = cumulative.entry(key).or_insert(CumulativeRun {
                        first_count: count,
                        last_count: count,
                        has_start: start.is_some(),
                        start,
                        last_time: end,
                        carried: 0,
                        position,
                    });
                    if count < run.last_count {
                        // a reset without a new start time: the counter began again at 0
                        run.carried = run
                            .carried
                            .saturating_add(run.last_count.saturating_sub(run.first_count));
                        run.first_count = 0;
                    }
                    if end >= run.last_time {
                        run.last_time = end;
                    }
                    run.last_count = count;
                    continue;
                }
                let time = match (start, end) {
                    (_, Some(e)) => RowTime::Window { start, end: e },
                    (Some(s), None) => RowTime::At(s),
                    (None, None) => RowTime::Unknown,
                };
                tally.requests = tally.requests.saturating_add(count);
                agg.add(
                    &Observation {
                        operation_id: "",
                        method: &method,
                        path: &route,
                        path_kind: PathKind::RouteTemplate,
                        status,
                        count,
                        time,
                    },
                    ctx.row_ref(position, false),
                );
            }
        }
    }
    for ((method, route, status, _), run) in &cumulative {
        let count = if run.has_start {
            run.last_count
        } else {
            run.carried
                .saturating_add(run.last_count.saturating_sub(run.first_count))
        };
        let time = match run.last_time {
            Some(end) => RowTime::Window {
                start: run.start,
                end,
            },
            None => RowTime::Unknown,
        };
        tally.requests = tally.requests.saturating_add(count);
        agg.add(
            &Observation {
                operation_id: "",
                method,
                path: route,
                path_kind: PathKind::RouteTemplate,
                status: *status,
                count,
                time,
            },
            ctx.row_ref(run.position, false),
        );
    }
    tally.format = match (saw_spans, saw_metrics) {
        (true, true) => "otlp-spans+metrics",
        (false, true) => "otlp-metrics",
        _ => "otlp-spans",
    }
    .to_string();
    if !saw_spans && !saw_metrics && tally.rows == 0 {
        tally.warnings.push(format!(
            "{}: no server spans and no http.server.request.duration points",
            ctx.file.display()
        ));
    }
    Ok(tally)
}
