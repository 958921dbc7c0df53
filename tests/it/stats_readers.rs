//! Every reader on the research samples: formats detected from content, rows resolved as
//! in `samples/expected/raw-samples-resolved.json`.

use std::collections::BTreeMap;

use connlint::stats::{StatsFormat, StatsOptions};

type View = BTreeMap<String, BTreeMap<String, u64>>;

fn expected_raw(samples: &std::path::Path) -> BTreeMap<String, View> {
    let text = std::fs::read_to_string(samples.join("expected/raw-samples-resolved.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn check_raw(file: &str, format: &str, adjust: impl FnOnce(&mut View)) {
    let Some(samples) = crate::support::stats::samples() else {
        return;
    };
    let report = crate::support::stats::analyze_samples(&samples, &[file]);
    assert_eq!(report.sources[0].format, format, "{file}");
    let mut expected = expected_raw(&samples)
        .remove(file)
        .unwrap_or_else(|| panic!("{file} not in expected"));
    adjust(&mut expected);
    assert_eq!(
        crate::support::stats::resolved_view(&report),
        expected,
        "{file}"
    );
}

#[test]
fn app_insights_raw_requests() {
    // REPORT.md §2.1: synthetic (availability test) rows are skipped; the reference
    // checker counted the one synthetic health probe, connlint leaves it out.
    check_raw(
        "appinsights/requests-raw-portal-export.csv",
        "appinsights-requests (csv)",
        |e| {
            e.remove("UNMATCHED GET /v2/health");
        },
    );
    let Some(samples) = crate::support::stats::samples() else {
        return;
    };
    let report = crate::support::stats::analyze_samples(
        &samples,
        &["appinsights/requests-raw-portal-export.csv"],
    );
    let source = &report.sources[0];
    assert_eq!(source.rows, 6);
    assert_eq!(source.filtered_rows.values().sum::<u64>(), 1);
    // itemCount 4 on the first row
    let get = report
        .operations
        .iter()
        .find(|o| o.operation_id.as_deref() == Some("GetInvoice"))
        .unwrap();
    assert_eq!(get.responses.by_status.get(&200), Some(&4));
}

#[test]
fn apim_resource_specific_rows() {
    check_raw(
        "apim/apimanagementgatewaylogs-raw-portal-export.csv",
        "apim (csv)",
        |_| {},
    );
}

#[test]
fn apim_azure_diagnostics_rows() {
    check_raw(
        "apim/azurediagnostics-gatewaylogs-raw-portal-export.csv",
        "apim (csv)",
        |_| {},
    );
}

#[test]
fn custom_code_events() {
    check_raw(
        "custom-code/customevents-raw-portal-export.csv",
        "custom-events (csv)",
        |_| {},
    );
}

#[test]
fn w3c_log() {
    check_raw("appservice/u_ex25061409.log", "w3c", |_| {});
}

#[test]
fn har_session() {
    check_raw("har/power-apps-session.har", "har", |_| {});
    let Some(samples) = crate::support::stats::samples() else {
        return;
    };
    let report = crate::support::stats::analyze_samples(&samples, &["har/power-apps-session.har"]);
    // the page asset is left out; the direct API call and the failed request are kept
    assert_eq!(report.sources[0].filtered_rows.values().sum::<u64>(), 1);
    assert_eq!(report.connector.responses.no_response, 1);
}

#[test]
fn otlp_spans() {
    check_raw("otel/spans.otlp.jsonl", "otlp-spans", |_| {});
}

#[test]
fn every_aggregate_sample_is_detected() {
    let Some(samples) = crate::support::stats::samples() else {
        return;
    };
    for (file, format) in [
        ("canonical/stats.csv", "canonical (csv)"),
        ("canonical/stats.json", "canonical (canonical json)"),
        ("canonical/stats-by-path.csv", "canonical (csv)"),
        ("canonical/connector-totals.csv", "canonical (csv)"),
        (
            "appinsights/requests-summary-portal-export.csv",
            "canonical (csv)",
        ),
        (
            "appinsights/az-monitor-app-insights-query.json",
            "canonical (kql-json)",
        ),
        (
            "appinsights/apprequests-az-log-analytics-query.json",
            "canonical (kql-json)",
        ),
        (
            "apim/gatewaylogs-summary-portal-export.csv",
            "canonical (csv)",
        ),
        (
            "frontdoor/frontdoor-accesslog-summary-portal-export.csv",
            "canonical (csv)",
        ),
        (
            "otel/http-server-request-duration.otlp.json",
            "otlp-metrics",
        ),
    ] {
        let report = crate::support::stats::analyze_samples(&samples, &[file]);
        assert_eq!(report.sources[0].format, format, "{file}");
        assert!(report.sources[0].requests > 0, "{file}");
        assert_eq!(
            report.window.start.as_deref(),
            Some("2025-06-01T00:00:00Z"),
            "{file}"
        );
        assert_eq!(
            report.window.end.as_deref(),
            Some("2025-07-01T00:00:00Z"),
            "{file}"
        );
    }
}

#[test]
fn forced_formats() {
    let Some(samples) = crate::support::stats::samples() else {
        return;
    };
    let (def, props) = crate::support::stats::connector(&samples);
    let forced = |format: StatsFormat, file: &str| {
        let options = StatsOptions {
            format: Some(format),
            ..StatsOptions::default()
        };
        connlint::stats::analyze(&def, Some(&props), &[samples.join(file)], &options)
    };
    assert!(forced(StatsFormat::Canonical, "canonical/stats.csv").is_ok());
    assert!(forced(StatsFormat::Har, "har/power-apps-session.har").is_ok());
    assert!(forced(
        StatsFormat::OtlpMetrics,
        "otel/http-server-request-duration.otlp.json"
    )
    .is_ok());
    let wrong = forced(StatsFormat::Har, "canonical/stats.csv").unwrap_err();
    assert!(wrong.to_string().contains("forced to `har`"), "{wrong}");
    let wrong = forced(StatsFormat::AppInsightsRequests, "canonical/stats.csv").unwrap_err();
    assert!(
        wrong.to_string().contains("appinsights-requests"),
        "{wrong}"
    );
    let wrong = forced(StatsFormat::W3c, "canonical/stats.json").unwrap_err();
    assert!(wrong.to_string().contains("forced to `w3c`"), "{wrong}");
}
