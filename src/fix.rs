//! `connlint check --fix`: applies the fixes that findings carry, as minimal text edits.
//!
//! A pass takes, file by file, the fixes of the findings the run reports (after
//! configuration, suppressions and the baseline), in file order, skipping any fix that
//! touches the bytes of one already taken. The fixed text must parse as well as the old
//! one did, or the file is left alone. The caller lints again with the fixed texts and
//! runs another pass, until nothing changes: a skipped fix gets its turn on a text that
//! already carries its neighbour's change.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

use crate::diagnostic::FileKind;
use crate::diagnostic::{Applicability, Fix, TextEdit};
use crate::discover::ConnectorFiles;
use crate::lint::{lint_connector, LintOptions};
use crate::results::CheckedConnector;
use crate::source::Decoding;
use crate::syntax::edit::{self, Soundness};

/// Passes before giving up on fixes that keep producing new fixes.
pub const MAX_PASSES: usize = 10;

/// Which fixes to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    /// Apply unsafe fixes too (`--unsafe-fixes`).
    pub unsafe_fixes: bool,
}

impl Selection {
    pub fn allows(self, fix: &Fix) -> bool {
        fix.applicability == Applicability::Safe || self.unsafe_fixes
    }
}

/// A file changed by a pass.
#[derive(Debug)]
pub struct Changed {
    pub path: PathBuf,
    /// The text before this pass.
    pub before: std::sync::Arc<str>,
    pub after: String,
    /// How many fixes the pass applied to it.
    pub applied: usize,
}

/// What one pass found to do.
#[derive(Debug, Default)]
pub struct Pass {
    pub changed: Vec<Changed>,
    /// Files left unchanged, with the reason (the fixed text would not parse, or the file
    /// is not clean UTF-8 and rewriting it would change other bytes).
    pub refused: Vec<(PathBuf, String)>,
}

/// What fixing a connector came to. Nothing is written.
#[derive(Debug, Default)]
pub struct Outcome {
    /// By path: the text on disk and the fixed text, for the files that changed.
    pub files: BTreeMap<PathBuf, (Arc<str>, String)>,
    /// How many fixes were applied.
    pub applied: usize,
    /// Files left alone, with why.
    pub refused: Vec<(PathBuf, String)>,
    /// Fixes were still changing the files after [`MAX_PASSES`] passes.
    pub unsettled: bool,
}

impl Outcome {
    /// Adds another connector's outcome.
    pub fn merge(&mut self, other: Outcome) {
        self.files.extend(other.files);
        self.applied += other.applied;
        self.refused.extend(other.refused);
        self.unsettled |= other.unsettled;
    }
}

/// Fixes one connector in memory: lints it (configuration, suppressions and the
/// baseline applied), applies a pass of fixes, lints the fixed texts again, and so on
/// until no fix is left.
pub fn fix_connector(
    connector: &ConnectorFiles,
    options: &LintOptions,
    policy: &crate::policy::Policy,
    selection: Selection,
) -> Outcome {
    let mut out = Outcome {
        unsettled: true,
        ..Outcome::default()
    };
    let mut options = LintOptions {
        keep_sources: true,
        ..options.clone()
    };
    let mut overlay: Arc<HashMap<PathBuf, String>> = Arc::default();
    for _ in 0..MAX_PASSES {
        options.overlay = Some(overlay.clone());
        let mut checked = [lint_connector(connector, &options)];
        options.overlay = None;
        crate::policy::apply(&mut checked, policy);
        let pass = pass(&checked, selection);
        for (path, why) in pass.refused {
            if !out.refused.iter().any(|(p, _)| *p == path) {
                out.refused.push((path, why));
            }
        }
        if pass.changed.is_empty() {
            out.unsettled = false;
            break;
        }
        let texts = Arc::make_mut(&mut overlay);
        for change in pass.changed {
            out.applied += change.applied;
            let entry = out
                .files
                .entry(change.path.clone())
                .or_insert_with(|| (change.before.clone(), String::new()));
            entry.1.clone_from(&change.after);
            texts.insert(change.path, change.after);
        }
    }
    out.files.retain(|_, (before, after)| **before != **after);
    out
}

/// Plans one pass over linted connectors (linted with `keep_sources`).
pub fn pass(connectors: &[CheckedConnector], selection: Selection) -> Pass {
    let mut out = Pass::default();
    for c in connectors {
        let mut by_file: BTreeMap<usize, Vec<(&'static str, &Fix)>> = BTreeMap::new();
        for f in &c.findings {
            if let (Some(file), Some(fix)) = (f.file, f.diagnostic.fix.as_ref()) {
                if selection.allows(fix) && !fix.edits.is_empty() {
                    by_file
                        .entry(file)
                        .or_default()
                        .push((f.diagnostic.rule, fix));
                }
            }
        }
        for (index, mut fixes) in by_file {
            let file = &c.files[index];
            let Some(source) = file.source.as_ref() else {
                continue;
            };
            if matches!(source.decoding, Decoding::Repaired { .. }) {
                out.refused.push((
                    file.path.clone(),
                    "not fixed: the file is not valid UTF-8; fix its encoding first (invalid-utf8)"
                        .into(),
                ));
                continue;
            }
            fixes.sort_by_key(|(_, fix)| fix.edits[0].span.start);
            // Each accepted fix's rule and edits (none when it repeats a taken one).
            let mut accepted: Vec<(&'static str, Vec<&TextEdit>)> = Vec::new();
            let mut taken: Vec<&TextEdit> = Vec::new();
            for (rule, fix) in fixes {
                let same = |e: &TextEdit| taken.iter().any(|t| **t == *e);
                if fix.edits.iter().all(same) {
                    // Another finding asked for exactly this change.
                    accepted.push((rule, Vec::new()));
                    continue;
                }
                let clashes = fix.edits.iter().any(|e| {
                    taken
                        .iter()
                        .any(|t| e.span.start <= t.span.end && t.span.start <= e.span.end)
                });
                if clashes {
                    // It waits for the next pass.
                    continue;
                }
                taken.extend(&fix.edits);
                accepted.push((rule, fix.edits.iter().collect()));
            }
            // Fixes that are fine alone can clash in meaning (two of them giving one
            // object the same new key). Such a fix waits for the next pass, where the rules
            // see the others' result; one that breaks the file on its own is refused.
            let structured = matches!(file.kind, FileKind::Definition | FileKind::Properties);
            let soundness = |text: &str| {
                structured.then(|| Soundness::of(&edit::reparse(&source.path, text, None)))
            };
            let before = soundness(&source.text);
            let result = |chosen: &[usize]| {
                let mut edits: Vec<&TextEdit> = chosen
                    .iter()
                    .flat_map(|&i| accepted[i].1.iter().copied())
                    .collect();
                edits.sort_by_key(|e| e.span.start);
                let text = edit::apply(&source.text, edits);
                let worse = soundness(&text)
                    .and_then(|after| before.as_ref().and_then(|b| b.worsened_by(&after)));
                (text, worse)
            };
            let mut chosen: Vec<usize> = (0..accepted.len()).collect();
            let text = loop {
                let (text, problem) = result(&chosen);
                if problem.is_none() {
                    break text;
                }
                // The longest run of fixes, in file order, that keeps the file as good.
                let (mut good, mut bad) = (0, chosen.len());
                while bad - good > 1 {
                    let mid = (good + bad) / 2;
                    if result(&chosen[..mid]).1.is_none() {
                        good = mid;
                    } else {
                        bad = mid;
                    }
                }
                let culprit = chosen.remove(good);
                if good == 0 {
                    if let Some(why) = result(&[culprit]).1 {
                        out.refused.push((
                            file.path.clone(),
                            format!(
                                "a {} fix was not applied: it would make the file {why}; this is a bug in connlint, please report it",
                                accepted[culprit].0
                            ),
                        ));
                    }
                }
                // Otherwise the culprit waits for the next pass.
            };
            // A fix that rewrites a value as it already is changes nothing.
            if chosen.is_empty() || text == *source.text {
                continue;
            }
            out.changed.push(Changed {
                path: file.path.clone(),
                before: Arc::from(&*source.text),
                after: text,
                applied: chosen.len(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Span;

    #[test]
    fn splices_in_order() {
        let a = TextEdit {
            span: Span::new(0, 1),
            insert: "X".into(),
        };
        let b = TextEdit {
            span: Span::new(3, 3),
            insert: "!".into(),
        };
        assert_eq!(edit::apply("abcdef", [&a, &b]), "Xbc!def");
    }
}
