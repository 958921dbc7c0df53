//! Helpers of the `stats_*` tests.

pub use super::samples;

use std::path::{Path, PathBuf};

use connlint::model::{build_definition, Definition};
use connlint::source::SourceFile;
use connlint::stats::{analyze, StatsOptions, StatsReport};
use connlint::syntax::{json, Node};

pub fn parse(path: &Path) -> Node {
    let file = SourceFile::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    json::parse(&file)
        .root
        .unwrap_or_else(|| panic!("{} does not parse", path.display()))
}

pub fn definition_from(path: &Path) -> Definition {
    build_definition(&parse(path))
}

/// The sample connector: its definition and apiProperties.json root.
pub fn connector(samples: &Path) -> (Definition, Node) {
    let def = definition_from(&samples.join("connector/apiDefinition.swagger.json"));
    let props = parse(&samples.join("connector/apiProperties.json"));
    (def, props)
}

/// Analyzes sample files (paths relative to the samples folder) with default options.
pub fn analyze_samples(samples: &Path, files: &[&str]) -> StatsReport {
    analyze_with(samples, files, &StatsOptions::default())
}

pub fn analyze_with(samples: &Path, files: &[&str], options: &StatsOptions) -> StatsReport {
    let (def, props) = connector(samples);
    let paths: Vec<PathBuf> = files.iter().map(|f| samples.join(f)).collect();
    analyze(&def, Some(&props), &paths, options).unwrap_or_else(|e| panic!("{e}"))
}

/// The report as the reference checker's `resolve()` keys it: operation ids, `A|B` for
/// ambiguous groups, `UNMATCHED …`, `UNDOCUMENTED-METHOD …`, `UNKNOWN-OPID …`,
/// `IGNORED …`; values are status → count (`no-response` for status 0).
pub fn resolved_view(
    report: &StatsReport,
) -> std::collections::BTreeMap<String, std::collections::BTreeMap<String, u64>> {
    use connlint::stats::{ResponseStats, UnmatchedKind};
    use std::collections::BTreeMap;
    let counts = |r: &ResponseStats| {
        let mut m: BTreeMap<String, u64> = r
            .by_status
            .iter()
            .map(|(s, n)| (s.to_string(), *n))
            .collect();
        if r.no_response > 0 {
            m.insert("no-response".into(), r.no_response);
        }
        m
    };
    let mut out = BTreeMap::new();
    for o in &report.operations {
        if o.responses.requests > 0 {
            out.insert(
                o.operation_id.clone().unwrap_or_default(),
                counts(&o.responses),
            );
        }
    }
    for g in &report.ambiguous {
        let mut ids = g.operation_ids.clone();
        ids.sort();
        out.insert(ids.join("|"), counts(&g.responses));
    }
    for u in &report.unmatched {
        let key = match u.kind {
            UnmatchedKind::Unmatched => format!("UNMATCHED {} {}", u.method, u.path),
            UnmatchedKind::UndocumentedMethod => format!(
                "UNDOCUMENTED-METHOD {} {} (path fits {})",
                u.method,
                u.path,
                u.fits.clone().unwrap_or_default()
            ),
        };
        out.insert(key, counts(&u.responses));
    }
    for u in &report.unknown_operation_ids {
        if u.counted_as.is_none() {
            out.insert(
                format!("UNKNOWN-OPID {}", u.operation_id),
                counts(&u.responses),
            );
        }
    }
    for i in &report.ignored {
        out.insert(
            format!("IGNORED {}", i.method),
            [("all".to_string(), i.requests)].into_iter().collect(),
        );
    }
    out
}

/// Only the connector's operations, HTTP statuses only (the checker's `op_view`).
pub fn operation_view(
    report: &StatsReport,
) -> std::collections::BTreeMap<String, std::collections::BTreeMap<u16, u64>> {
    report
        .operations
        .iter()
        .filter(|o| !o.responses.by_status.is_empty())
        .map(|o| {
            (
                o.operation_id.clone().unwrap_or_default(),
                o.responses.by_status.clone(),
            )
        })
        .collect()
}
