//! What the user decided about findings: rule severities from `connlint.toml`, suppressions
//! (`x-connlint-ignore` in the definition, `[[ignore]]` in the configuration) and the
//! baseline. Applied after all findings exist (lint and statistics), before reporting.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::config;
use crate::diagnostic::IGNORE_KEY;
use crate::results::{CheckedConnector, Finding};
use crate::rules::{self, Profile};

/// Whether `pointer` is `scope` or lies below it.
fn covers(scope: &str, pointer: Option<&str>) -> bool {
    match pointer {
        Some(p) => {
            p == scope || (p.starts_with(scope) && p.as_bytes().get(scope.len()) == Some(&b'/'))
        }
        None => scope.is_empty(),
    }
}

/// A baseline: today's findings, keyed by rule, file and pointer (not line numbers, so
/// unrelated edits do not invalidate it).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<BaselineEntry>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct BaselineEntry {
    pub rule: String,
    /// Relative to the baseline file's folder, with `/`.
    pub file: String,
    pub pointer: Option<String>,
    pub count: usize,
}

type Key = (String, String, Option<String>);

fn key_of(finding: &Finding, connector: &CheckedConnector, base: &Path) -> Key {
    let file = finding
        .file
        .map(|i| relative_to(&connector.files[i].path, base))
        .unwrap_or_else(|| relative_to(&connector.dir, base));
    (
        finding.diagnostic.rule.to_string(),
        file,
        finding.diagnostic.pointer.clone(),
    )
}

fn relative_to(path: &Path, base: &Path) -> String {
    let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let base = std::fs::canonicalize(base).unwrap_or_else(|_| base.to_path_buf());
    let rel = abs
        .strip_prefix(&base)
        .map(Path::to_path_buf)
        .unwrap_or(abs);
    rel.to_string_lossy().replace('\\', "/")
}

impl Baseline {
    /// Records the findings of a run.
    pub fn record(connectors: &[CheckedConnector], baseline_file: &Path) -> Baseline {
        let base = baseline_file
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let mut counts: BTreeMap<Key, usize> = BTreeMap::new();
        for c in connectors {
            for f in &c.findings {
                *counts.entry(key_of(f, c, base)).or_default() += 1;
            }
        }
        Baseline {
            version: 1,
            findings: counts
                .into_iter()
                .map(|((rule, file, pointer), count)| BaselineEntry {
                    rule,
                    file,
                    pointer,
                    count,
                })
                .collect(),
        }
    }

    pub fn load(path: &Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let b: Baseline = serde_json::from_str(&text).map_err(|e| {
            format!(
                "{}:{}:{}: not a connlint baseline: {e}",
                path.display(),
                e.line(),
                e.column()
            )
        })?;
        if b.version != 1 {
            return Err(format!(
                "{}: baseline version {} is not supported (expected 1)",
                path.display(),
                b.version
            ));
        }
        Ok(b)
    }

    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }
}

/// What the policy did that the user should hear about.
#[derive(Debug, Default)]
pub struct Outcome {
    pub suppressed: usize,
    pub baselined: usize,
    /// `[[ignore]]` entries of the configuration that matched nothing.
    pub unused_config_ignores: Vec<String>,
    /// Baseline entries that no longer occur.
    pub stale_baseline: Vec<BaselineEntry>,
}

/// The settings `apply` needs.
pub struct Policy<'a> {
    pub config: &'a config::Loaded,
    pub baseline: Option<(&'a Baseline, PathBuf)>,
}

/// Applies severities, suppressions and the baseline to every connector's findings.
pub fn apply(connectors: &mut [CheckedConnector], policy: &Policy) -> Outcome {
    let mut outcome = Outcome::default();
    let mut config_used = vec![false; policy.config.config.ignore.len()];
    let mut remaining: BTreeMap<Key, usize> = BTreeMap::new();
    if let Some((b, _)) = &policy.baseline {
        for e in &b.findings {
            *remaining
                .entry((e.rule.clone(), e.file.clone(), e.pointer.clone()))
                .or_default() += e.count;
        }
    }
    let base = policy.baseline.as_ref().map(|(_, p)| {
        p.parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf()
    });
    for c in connectors.iter_mut() {
        let effective = policy.config.for_connector(&c.dir);
        let profile = effective.profile.unwrap_or_else(|| Profile::detect(&c.dir));
        let mut used = vec![false; c.directives.len()];
        let findings = std::mem::take(&mut c.findings);
        let mut kept = Vec::with_capacity(findings.len());
        for mut f in findings {
            let rule = f.diagnostic.rule;
            if let Some(level) = effective.rules.get(rule) {
                match level.severity() {
                    None => continue,
                    Some(s) => {
                        if rules::find(rule)
                            .is_some_and(|m| m.severity_for(profile) == f.diagnostic.severity)
                        {
                            f.diagnostic.severity = s;
                        }
                    }
                }
            }
            let in_definition = f
                .file
                .is_some_and(|i| c.files[i].kind == crate::diagnostic::FileKind::Definition);
            if in_definition {
                if let Some(i) = c.directives.iter().position(|d| {
                    d.directive.rule == rule
                        && covers(&d.directive.scope, f.diagnostic.pointer.as_deref())
                }) {
                    used[i] = true;
                    outcome.suppressed += 1;
                    continue;
                }
            }
            if let Some(i) = policy
                .config
                .config
                .ignore
                .iter()
                .enumerate()
                .position(|(i, ig)| {
                    ig.rule == rule
                        && policy.config.ignore_applies(i, &c.dir)
                        && ig
                            .pointer
                            .as_deref()
                            .is_none_or(|p| covers(p, f.diagnostic.pointer.as_deref()))
                })
            {
                config_used[i] = true;
                outcome.suppressed += 1;
                continue;
            }
            if let Some(base) = &base {
                let key = key_of(&f, c, base);
                if let Some(n) = remaining.get_mut(&key).filter(|n| **n > 0) {
                    *n -= 1;
                    outcome.baselined += 1;
                    continue;
                }
            }
            kept.push(f);
        }
        c.findings = kept;
        for (d, _) in c.directives.iter().zip(&used).filter(|(_, u)| !**u) {
            let diagnostic = rules::suppression_unused::RULE
                .diagnostic(format!(
                    "this `{IGNORE_KEY}` entry for `{}` matched no finding (reason given: \"{}\")",
                    d.directive.rule, d.directive.reason
                ))
                .at(&d.directive.pointer)
                .help("the problem it was written for is gone: remove the entry");
            c.findings.push(Finding {
                diagnostic,
                file: d.location.map(|(i, _)| i),
                location: d.location.map(|(_, l)| l),
            });
        }
        c.sort_findings();
    }
    for (i, ig) in policy.config.config.ignore.iter().enumerate() {
        if !config_used[i] {
            outcome.unused_config_ignores.push(format!(
                "[[ignore]] rule = \"{}\"{} matched no finding; remove it",
                ig.rule,
                ig.pointer
                    .as_deref()
                    .map(|p| format!(", pointer = \"{p}\""))
                    .unwrap_or_default()
            ));
        }
    }
    outcome.stale_baseline = remaining
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|((rule, file, pointer), count)| BaselineEntry {
            rule,
            file,
            pointer,
            count,
        })
        .collect();
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scope_covers_itself_and_below_only() {
        assert!(covers("/paths/~1a/get", Some("/paths/~1a/get")));
        assert!(covers("/paths/~1a/get", Some("/paths/~1a/get/responses")));
        assert!(!covers("/paths/~1a/get", Some("/paths/~1a/getter")));
        assert!(covers("", Some("/anything")));
        assert!(!covers("/x", None));
    }
}
