//! No input makes the statistics readers panic: every sample cut at many places, with
//! bytes flipped, and random garbage, each gives a report or an error.

use std::path::PathBuf;

use connlint::stats::{analyze, StatsOptions};

/// xorshift64*, deterministic.
fn next(state: &mut u64) -> u64 {
    *state ^= *state >> 12;
    *state ^= *state << 25;
    *state ^= *state >> 27;
    state.wrapping_mul(0x2545_f491_4f6c_dd1d)
}

const SAMPLES: &[&str] = &[
    "canonical/stats.csv",
    "canonical/stats.json",
    "canonical/stats-by-path.csv",
    "appinsights/requests-raw-portal-export.csv",
    "appinsights/az-monitor-app-insights-query.json",
    "appinsights/apprequests-az-log-analytics-query.json",
    "apim/apimanagementgatewaylogs-raw-portal-export.csv",
    "apim/azurediagnostics-gatewaylogs-raw-portal-export.csv",
    "custom-code/customevents-raw-portal-export.csv",
    "appservice/u_ex25061409.log",
    "har/power-apps-session.har",
    "otel/spans.otlp.jsonl",
    "otel/http-server-request-duration.otlp.json",
];

#[test]
fn cut_and_garbled_samples_never_panic() {
    let Some(samples) = crate::support::stats::samples() else {
        return;
    };
    let (def, props) = crate::support::stats::connector(&samples);
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join("input");
    let lenient = StatsOptions {
        skip_bad_rows: true,
        ..StatsOptions::default()
    };
    let mut state = 0x1234_5678_9abc_def1u64;
    let mut runs = 0;
    for name in SAMPLES {
        let bytes = std::fs::read(samples.join(name)).unwrap();
        let step = (bytes.len() / 60).max(1);
        let mut cuts: Vec<usize> = (0..bytes.len()).step_by(step).collect();
        cuts.push(bytes.len());
        for cut in cuts {
            let mut variant = bytes[..cut].to_vec();
            if cut % 2 == 1 && !variant.is_empty() {
                // flip a few bytes, sometimes into invalid UTF-8 or structure characters
                for _ in 0..3 {
                    let i = (next(&mut state) as usize) % variant.len();
                    variant[i] = [b',', b'"', b'{', b'}', b'\n', 0xff, b'9', b'%', b'/', b' ']
                        [(next(&mut state) % 10) as usize];
                }
            }
            std::fs::write(&path, &variant).unwrap();
            for options in [&StatsOptions::default(), &lenient] {
                let _ = analyze(&def, Some(&props), std::slice::from_ref(&path), options);
                runs += 1;
            }
        }
    }
    for _ in 0..200 {
        let len = (next(&mut state) % 400) as usize;
        let garbage: Vec<u8> = (0..len).map(|_| next(&mut state) as u8).collect();
        std::fs::write(&path, &garbage).unwrap();
        let _ = analyze(&def, Some(&props), std::slice::from_ref(&path), &lenient);
        runs += 1;
    }
    assert!(runs > 1000, "{runs}");
}

#[test]
fn huge_counts_saturate_instead_of_overflowing() {
    let Some(samples) = crate::support::stats::samples() else {
        return;
    };
    let (def, props) = crate::support::stats::connector(&samples);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.csv");
    std::fs::write(
        &path,
        "operation_id,status,count\nListInvoices,200,18446744073709551615\nListInvoices,200,18446744073709551615\nListInvoices,500,18446744073709551615\n",
    )
    .unwrap();
    let report = analyze(&def, Some(&props), &[path], &StatsOptions::default()).unwrap();
    assert_eq!(report.connector.responses.requests, u64::MAX);
}
