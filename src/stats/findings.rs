//! Findings from statistics (`check --stats`): the statistics rules of
//! [`super::STATISTICS_RULES`], plus `missing-error-responses` raised to an error for
//! operations that really return errors.

use std::collections::HashMap;

use super::report::{Documentation, OperationStats, SourceRow, StatsReport, UnmatchedKind};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Definition, Operation};
use crate::rules::deprecation::successor;
use crate::rules::{
    deprecated_in_use, high_error_rate, missing_error_responses, undocumented_error_status,
    unknown_operation, unused_operation,
};
use crate::syntax::pointer::join;
use crate::text::{percent as pct, status_phrase, thousands};

/// When a finding is worth raising.
#[derive(Debug, Clone, PartialEq)]
pub struct Thresholds {
    /// An undocumented error status is reported when seen at least this often…
    pub min_count: u64,
    /// …and in at least this share of the operation's calls (0.005 = 0.5%)…
    pub min_share: f64,
    /// …or, whatever its share, at least this often.
    pub always_count: u64,
    /// `high-error-rate`: the operation's error share is at least this many times the
    /// connector's…
    pub error_rate_factor: f64,
    /// …and at least this many percentage points above it…
    pub error_rate_margin_points: f64,
    /// …over at least this many counted calls.
    pub error_rate_min_calls: u64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            min_count: 10,
            min_share: 0.005,
            always_count: 100,
            error_rate_factor: 2.0,
            error_rate_margin_points: 2.0,
            error_rate_min_calls: 100,
        }
    }
}

impl Thresholds {
    /// Whether an error seen `count` times in `share` of the calls is reported.
    pub fn reports(&self, count: u64, share: f64) -> bool {
        (count >= self.min_count && share >= self.min_share) || count >= self.always_count
    }
}

fn status_label(status: u16) -> String {
    match status_phrase(status) {
        Some(p) => format!("{status} {p}"),
        None => status.to_string(),
    }
}

fn seen(row: Option<&SourceRow>) -> String {
    row.map(|r| format!("; first seen at {r}"))
        .unwrap_or_default()
}

/// The findings for one definition and the statistics joined to it.
pub fn findings(
    def: &Definition,
    report: &StatsReport,
    thresholds: &Thresholds,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let by_pointer: HashMap<&str, &Operation> = def
        .operations
        .iter()
        .map(|o| (o.pointer.as_str(), o))
        .collect();
    let throttling = &report.throttling_codes;
    let connector = &report.connector.responses;
    let per_operation = report.operations.iter().any(|o| o.responses.requests > 0)
        || !report.ambiguous.is_empty()
        || report
            .unknown_operation_ids
            .iter()
            .any(|u| u.counted_as.is_none());
    for stats in &report.operations {
        let Some(op) = by_pointer.get(stats.pointer.as_str()).copied() else {
            continue;
        };
        undocumented_statuses(op, stats, thresholds, &mut out);
        raised_missing_error_responses(op, stats, thresholds, throttling, &mut out);
        if op.deprecated && stats.responses.requests > 0 {
            out.push(deprecated_call(def, op, stats, connector.requests, report));
        }
        if let Some(d) = high_error(op, stats, report, thresholds) {
            out.push(d);
        }
        if per_operation && stats.responses.requests == 0 && !stats.in_ambiguous_group {
            let window = match (&report.window.start, &report.window.end) {
                (Some(s), Some(e)) => format!(" ({s} to {e})"),
                _ => String::new(),
            };
            out.push(
                unused_operation::RULE
                    .diagnostic(format!(
                        "operation {} received no calls in the statistics window{window}",
                        op.name()
                    ))
                    .at(&op.pointer)
                    .operation(op.operation_id.as_deref())
                    .help("check that makers can find it (summary, description, visibility), or deprecate it if nobody needs it"),
            );
        }
    }
    unknown_traffic(def, report, &mut out);
    out
}

fn undocumented_statuses(
    op: &Operation,
    stats: &OperationStats,
    t: &Thresholds,
    out: &mut Vec<Diagnostic>,
) {
    let mut errors: Vec<_> = stats
        .errors
        .iter()
        .filter(|e| {
            matches!(
                e.documentation,
                Documentation::Undocumented | Documentation::DefaultOnly
            )
        })
        .filter(|e| t.reports(e.count, e.share))
        .collect();
    errors.sort_by(|a, b| b.count.cmp(&a.count).then(a.status.cmp(&b.status)));
    let at = op
        .responses
        .as_ref()
        .map_or_else(|| op.pointer.clone(), |r| r.pointer.clone());
    for e in errors {
        let times = if e.count == 1 { "time" } else { "times" };
        let mut d = undocumented_error_status::RULE.diagnostic(match e.documentation {
            Documentation::DefaultOnly => format!(
                "operation {} returned {} {} {times} ({} of its calls); only `default` documents it",
                op.name(),
                status_label(e.status),
                thousands(e.count),
                pct(e.share)
            ),
            _ => format!(
                "operation {} returned {} {} {times} ({} of its calls), a status its responses do not document",
                op.name(),
                status_label(e.status),
                thousands(e.count),
                pct(e.share)
            ),
        });
        let help = match e.documentation {
            Documentation::DefaultOnly => format!(
                "document \"{}\" on its own: the `default` description cannot say what went wrong or what to do{}",
                e.status,
                seen(e.first_seen.as_ref())
            ),
            _ => format!(
                "add a \"{}\" response whose description says when it happens and what the maker can do, and mention it under \"Known issues and limitations\" in intro.md{}",
                e.status,
                seen(e.first_seen.as_ref())
            ),
        };
        if e.documentation == Documentation::DefaultOnly {
            d.severity = Severity::Info;
        }
        out.push(d.at(&at).operation(op.operation_id.as_deref()).help(help));
    }
}

/// `missing-error-responses` as an error when the operation returned errors of a class
/// it documents nothing for.
fn raised_missing_error_responses(
    op: &Operation,
    stats: &OperationStats,
    t: &Thresholds,
    throttling: &[u16],
    out: &mut Vec<Diagnostic>,
) {
    let Some(mut d) = missing_error_responses::diagnose(op) else {
        return;
    };
    let documents = |class: u8| op.responses.as_ref().is_some_and(|r| r.has_class(class));
    let observed: u64 = stats
        .errors
        .iter()
        .filter(|e| !throttling.contains(&e.status))
        .filter(|e| !documents((e.status / 100) as u8))
        .map(|e| e.count)
        .sum();
    let share = if stats.responses.requests > 0 {
        observed as f64 / stats.responses.requests as f64
    } else {
        0.0
    };
    if observed == 0 || !t.reports(observed, share) {
        return;
    }
    d.severity = Severity::Error;
    d.message.push_str(&format!(
        ", yet it returned {} such error responses in the statistics window ({} of its calls)",
        thousands(observed),
        pct(share)
    ));
    out.push(d);
}

fn deprecated_call(
    def: &Definition,
    op: &Operation,
    stats: &OperationStats,
    connector_requests: u64,
    report: &StatsReport,
) -> Diagnostic {
    let share = if connector_requests > 0 {
        format!(
            " ({} of the connector's calls)",
            pct(stats.responses.requests as f64 / connector_requests as f64)
        )
    } else {
        String::new()
    };
    let next = successor(&def.operations, op);
    let replaced = next
        .as_ref()
        .map(|s| format!("; {} replaces it", s.name))
        .unwrap_or_default();
    let window = match &report.window.start {
        Some(s) => format!(" since {s}"),
        None => String::new(),
    };
    let help = if next.is_some() {
        "tell makers in intro.md how to move to the replacement, and keep the operation until its calls stop"
    } else {
        "name the replacement in its summary and description (or say that nothing replaces it), and keep the operation until its calls stop"
    };
    deprecated_in_use::RULE
        .diagnostic(format!(
            "deprecated operation {} still received {} calls{window}{share}{replaced}",
            op.name(),
            thousands(stats.responses.requests)
        ))
        .at(op.pointer_to("deprecated"))
        .operation(op.operation_id.as_deref())
        .help(help)
}

fn high_error(
    op: &Operation,
    stats: &OperationStats,
    report: &StatsReport,
    t: &Thresholds,
) -> Option<Diagnostic> {
    let throttling = &report.throttling_codes;
    let mine = &stats.responses;
    let all = &report.connector.responses;
    if mine.counted < t.error_rate_min_calls || all.counted == 0 {
        return None;
    }
    let my_share = mine.errors(throttling) as f64 / mine.counted as f64;
    let connector_share = all.errors(throttling) as f64 / all.counted as f64;
    if my_share < connector_share * t.error_rate_factor
        || (my_share - connector_share) * 100.0 < t.error_rate_margin_points
    {
        return None;
    }
    let mut top: Vec<_> = stats
        .errors
        .iter()
        .filter(|e| !throttling.contains(&e.status))
        .collect();
    top.sort_by_key(|e| std::cmp::Reverse(e.count));
    let top: Vec<String> = top
        .iter()
        .take(3)
        .map(|e| format!("{} ×{}", status_label(e.status), thousands(e.count)))
        .collect();
    let factor = if connector_share > 0.0 {
        format!(
            "{:.1}× the connector's {}",
            my_share / connector_share,
            pct(connector_share)
        )
    } else {
        "while the connector's other operations return no errors".to_string()
    };
    Some(
        high_error_rate::RULE
            .diagnostic(format!(
                "operation {} fails {} of its calls (4xx/5xx, throttling excluded), {factor}",
                op.name(),
                pct(my_share)
            ))
            .at(&op.pointer)
            .operation(op.operation_id.as_deref())
            .help(format!(
                "its most frequent errors: {}; 4xx often means inputs makers get wrong, 5xx a failing service or gateway",
                top.join(", ")
            )),
    )
}

fn unknown_traffic(def: &Definition, report: &StatsReport, out: &mut Vec<Diagnostic>) {
    let op_pointer = |name: &str| {
        def.operations
            .iter()
            .find(|o| o.operation_id.as_deref() == Some(name))
            .map(|o| o.pointer.clone())
    };
    for u in &report.unknown_operation_ids {
        let calls = thousands(u.responses.requests);
        match &u.counted_as {
            None => out.push(
                unknown_operation::RULE
                    .diagnostic(format!(
                        "{calls} calls for operationId `{}`, which the definition does not have (an operation of an older version that flows still call?)",
                        u.operation_id
                    ))
                    .at("/paths")
                    .help(format!(
                        "those calls fail for makers: bring the operation back as deprecated with a pointer to its replacement, or say in intro.md which action replaces it{}",
                        seen(u.first_seen.as_ref())
                    )),
            ),
            // counted as unmatched traffic: the unmatched finding below covers it
            Some(counted) if op_pointer(counted).is_none() && !counted.contains('|') => {}
            Some(counted) => {
                let mut d = unknown_operation::RULE
                    .diagnostic(format!(
                        "{calls} calls for operationId `{}`, which the definition does not have, were counted by their path as {counted}",
                        u.operation_id
                    ))
                    .at(op_pointer(counted).unwrap_or_else(|| "/paths".into()))
                    .help(format!(
                        "if that is a removed operation whose path now falls into another template, its errors show up under the wrong operation; statistics keyed by the connector's operationId avoid this{}",
                        seen(u.first_seen.as_ref())
                    ));
                d.severity = Severity::Info;
                if op_pointer(counted).is_some() {
                    d = d.operation(Some(counted));
                }
                out.push(d);
            }
        }
    }
    for u in &report.unmatched {
        let calls = thousands(u.responses.requests);
        let method = if u.method.is_empty() {
            "(any method)"
        } else {
            &u.method
        };
        let d = match (u.kind, &u.fits) {
            (UnmatchedKind::UndocumentedMethod, Some(fits)) => {
                let path_item = if def.operations.iter().any(|o| &o.path == fits) {
                    join("/paths", fits)
                } else {
                    "/paths".into()
                };
                unknown_operation::RULE
                    .diagnostic(format!(
                        "{calls} calls to `{method} {}`: the path fits `{fits}`, which has no {method} operation",
                        u.path
                    ))
                    .at(path_item)
                    .help(format!(
                        "document the operation if makers need it, or find out who calls it (e.g. {}){}",
                        u.sample_path,
                        seen(u.first_seen.as_ref())
                    ))
            }
            _ => {
                let mut d = unknown_operation::RULE
                    .diagnostic(format!(
                        "{calls} calls to `{method} {}`, which matches no operation",
                        u.path
                    ))
                    .at("/paths")
                    .help(format!(
                        "add an operation if this is connector traffic (e.g. {}); ignore the path if it is not (health probes, other clients){}",
                        u.sample_path,
                        seen(u.first_seen.as_ref())
                    ));
                d.severity = Severity::Info;
                d
            }
        };
        out.push(d);
    }
}
