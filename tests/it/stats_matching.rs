//! The 38 matching test vectors of the telemetry research (rules C0–C10).

use connlint::stats::matcher::unwrap_invoke_path;
use connlint::stats::{MatchOptions, Matcher, PathKind, PathMatch};

#[test]
fn all_38_vectors() {
    let Some(samples) = crate::support::stats::samples() else {
        return;
    };
    let (def, props) = crate::support::stats::connector(&samples);
    let matcher = Matcher::new(&def, Some(&props), &MatchOptions::default());
    let name = |i: usize| {
        matcher.operations()[i]
            .operation_id
            .clone()
            .unwrap_or_default()
    };
    let mut reader = csv::Reader::from_path(samples.join("matching/test-vectors.csv")).unwrap();
    let headers = reader.headers().unwrap().clone();
    let col = |n: &str| headers.iter().position(|h| h == n).unwrap();
    let (c_id, c_method, c_observed, c_kind) =
        (col("id"), col("method"), col("observed"), col("kind"));
    let (c_outcome, c_ops, c_inferred) = (
        col("expected_outcome"),
        col("expected_operation_ids"),
        col("expected_inferred_template"),
    );
    let mut failures = Vec::new();
    let mut ran = 0;
    for record in reader.records() {
        let r = record.unwrap();
        let (id, method, observed, kind) = (&r[c_id], &r[c_method], &r[c_observed], &r[c_kind]);
        let (outcome, ops, inferred) = match kind {
            "operation_id" | "apim_operation_id" => match matcher.resolve_operation_id(observed) {
                Some((i, _)) => ("matched".to_string(), name(i), String::new()),
                None => (
                    "unknown_operation_id".to_string(),
                    String::new(),
                    String::new(),
                ),
            },
            _ => {
                let (path, path_kind) = match kind {
                    "powerapps_invoke_url" => (
                        unwrap_invoke_path(observed).expect("an /apim/ URL"),
                        PathKind::RawPath,
                    ),
                    "route_template" => (observed.to_string(), PathKind::RouteTemplate),
                    _ => (observed.to_string(), PathKind::RawPath),
                };
                match matcher.match_path(method, &path, path_kind) {
                    PathMatch::Matched { operation, .. } => {
                        ("matched".into(), name(operation), String::new())
                    }
                    PathMatch::Ambiguous { operations, .. } => {
                        let mut names: Vec<String> = operations.into_iter().map(name).collect();
                        names.sort();
                        ("ambiguous".into(), names.join("|"), String::new())
                    }
                    PathMatch::UndocumentedMethod { inferred, .. } => {
                        ("undocumented_method".into(), String::new(), inferred)
                    }
                    PathMatch::Ignored => ("ignored".into(), String::new(), String::new()),
                    PathMatch::Unmatched { inferred } => {
                        ("unmatched".into(), String::new(), inferred)
                    }
                }
            }
        };
        ran += 1;
        let want_inferred = &r[c_inferred];
        if outcome != r[c_outcome]
            || ops != r[c_ops]
            || (!want_inferred.is_empty() && inferred != want_inferred)
        {
            failures.push(format!(
                "vector {id}: {method} {observed} ({kind}) → {outcome} {ops} {inferred}; expected {} {} {want_inferred}",
                &r[c_outcome], &r[c_ops]
            ));
        }
    }
    assert_eq!(ran, 38, "expected 38 vectors");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
