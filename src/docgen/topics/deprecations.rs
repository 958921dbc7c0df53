//! Deprecated actions makers still have: which fail now (404, 410, or most calls), and
//! what visible action replaces each. Flows that use the others keep running.

use super::super::facts;
use super::words::{codes, list, them};
use super::{Entry, Seen, Todo, Topic, Writer};
use crate::text::capitalize;

/// The sentence of a deprecated operation's description that announces its removal.
fn removal(f: &facts::OpFacts) -> Option<String> {
    let text = crate::docgen::knowledge::plain(f.op.description.as_deref()?);
    crate::docgen::knowledge::sentences(&text)
        .into_iter()
        .find(|s| {
            let l = s.to_lowercase();
            [
                "will be removed",
                "be removed on",
                "end of life",
                "sunset",
                "will stop working",
                "will be retired",
            ]
            .iter()
            .any(|m| l.contains(m))
        })
}

/// The one visible, current operation of the same kind named like a deprecated one with
/// more words: **When a document is signed (Start Signing)** for **When a document is
/// signed (deprecated)**.
fn extended_namesake(ops: &[facts::OpFacts], i: usize) -> Option<usize> {
    let base = ops[i].name.to_lowercase().replace("(deprecated)", "");
    let base = base.split_whitespace().collect::<Vec<_>>().join(" ");
    if base.split_whitespace().count() < 2 {
        return None;
    }
    let mut found = ops.iter().enumerate().filter(|(j, o)| {
        *j != i
            && o.visible()
            && !o.deprecated
            && o.is_trigger() == ops[i].is_trigger()
            && o.name.to_lowercase().starts_with(&format!("{base} "))
    });
    let first = found.next()?.0;
    found.next().is_none().then_some(first)
}

pub(super) fn entry(w: &Writer) -> Option<Entry> {
    let ops = &w.facts.ops;
    // (operation, its visible successors, the status that fails it)
    let mut failing: Vec<(usize, Vec<usize>, Seen)> = Vec::new();
    let mut pairs: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut alone: Vec<usize> = Vec::new();
    for (i, f) in ops.iter().enumerate() {
        if !f.deprecated || f.internal || (w.stats && w.calls[i] == 0) {
            continue;
        }
        let mut successors: Vec<usize> =
            crate::model::deprecation::successor(w.facts.operations, f.op)
                .and_then(|s| s.operation)
                .and_then(|o| ops.iter().position(|x| x.op.pointer == o.pointer))
                .into_iter()
                .collect();
        if successors.is_empty() {
            successors = facts::described_successors(ops, i);
        }
        if successors.is_empty() {
            successors = extended_namesake(ops, i).into_iter().collect();
        }
        // Never a successor makers cannot pick.
        successors.retain(|&j| ops[j].visible() && !ops[j].deprecated);
        let fails = w.seen[i]
            .iter()
            .filter(|s| matches!(s.status, 404 | 410) || s.share >= 0.5)
            .max_by_key(|s| s.count)
            .copied();
        match (fails, successors.is_empty()) {
            (Some(s), _) => failing.push((i, successors, s)),
            (None, false) => pairs.push((i, successors)),
            (None, true) => alone.push(i),
        }
    }
    if failing.is_empty() && pairs.is_empty() && alone.is_empty() {
        return None;
    }
    let marked = |i: usize| ops[i].name.to_lowercase().contains("(deprecated)");
    let same_name = |i: usize, j: usize| {
        let n = ops[i].name.to_lowercase().replace("(deprecated)", "");
        n.split_whitespace().collect::<Vec<_>>().join(" ") == ops[j].name.to_lowercase()
    };
    // "replace it with **A**", "replace each with the action of the same name …",
    // "replace **A** with **B** and **C** with **D**".
    // A successor named like the action it replaces is "the current" one.
    let successor_name = |i: usize, j: usize| {
        if ops[i].name.eq_ignore_ascii_case(&ops[j].name) {
            format!("the current {}", w.name(j))
        } else {
            w.name(j)
        }
    };
    let replace = |pairs: &[(usize, Vec<usize>)], n: usize| -> String {
        let with = |i: usize, js: &[usize]| {
            list(
                &js.iter().map(|&j| successor_name(i, j)).collect::<Vec<_>>(),
                "or",
            )
        };
        match pairs {
            [(i, js)] if n == 1 => format!("replace it with {}", with(*i, js)),
            _ if pairs.len() > 1
                && pairs
                    .iter()
                    .all(|(i, js)| js.len() == 1 && same_name(*i, js[0])) =>
            {
                "replace each with the action of the same name without “(deprecated)”".into()
            }
            _ => format!(
                "replace {}",
                list(
                    &pairs
                        .iter()
                        .map(|(i, js)| format!("{} with {}", w.name(*i), with(*i, js)))
                        .collect::<Vec<_>>(),
                    "and"
                )
            ),
        }
    };
    let mut sentences = Vec::new();
    let mut todo = None;
    let mut cost = 0;
    if !failing.is_empty() {
        failing.sort_by_key(|(_, _, s)| std::cmp::Reverse(s.count));
        cost = failing
            .iter()
            .map(|(i, _, _)| w.cost(*i, &[404, 410]))
            .sum::<u64>()
            .max(1);
        let olds: Vec<usize> = failing.iter().map(|(i, _, _)| *i).collect();
        let statuses: Vec<u16> = failing.iter().map(|(_, _, s)| s.status).collect();
        // Names that say "(deprecated)" need not say it again.
        let mut s = if olds.iter().all(|&i| marked(i)) {
            format!(
                "{} can fail with {}",
                w.names(&olds),
                codes(&statuses, "or")
            )
        } else {
            format!(
                "{} {} deprecated and can fail with {}",
                w.names(&olds),
                if olds.len() == 1 { "is" } else { "are" },
                codes(&statuses, "or"),
            )
        };
        let with: Vec<(usize, Vec<usize>)> = failing
            .iter()
            .filter(|(_, js, _)| !js.is_empty())
            .map(|(i, js, _)| (*i, js.clone()))
            .collect();
        if with.len() == olds.len() {
            s.push_str(&format!(": {}.", replace(&with, olds.len())));
        } else {
            s.push('.');
            if !with.is_empty() {
                // Some have no successor: name the replacements one by one.
                let pairs: Vec<String> = with
                    .iter()
                    .map(|(i, js)| {
                        format!(
                            "{} with {}",
                            w.name(*i),
                            list(
                                &js.iter()
                                    .map(|&j| successor_name(*i, j))
                                    .collect::<Vec<_>>(),
                                "or"
                            )
                        )
                    })
                    .collect();
                s.push_str(&format!(
                    " {}.",
                    capitalize(&format!("replace {}", list(&pairs, "and")))
                ));
            }
        }
        let orphans: Vec<usize> = failing
            .iter()
            .filter(|(_, js, _)| js.is_empty())
            .map(|(i, _, _)| *i)
            .collect();
        if !orphans.is_empty() {
            let names: Vec<String> = orphans.iter().map(|&i| ops[i].name.clone()).collect();
            todo = Some(Todo {
                question: if orphans.len() == 1 {
                    format!("which action replaces {}?", names[0])
                } else {
                    format!("which actions replace {}?", list(&names, "and"))
                },
                keywords: vec!["replace", "instead", "use the"],
                about: names.iter().map(|n| n.to_lowercase()).collect(),
            });
        }
        sentences.push(s);
    }
    if !pairs.is_empty() {
        let olds: Vec<usize> = pairs.iter().map(|(i, _)| *i).collect();
        // Removal announced in a description: replace now, not "when you edit".
        let (ending, going): (Vec<usize>, Vec<usize>) = olds
            .iter()
            .copied()
            .partition(|&i| removal(&ops[i]).is_none());
        let ending_pairs: Vec<(usize, Vec<usize>)> = pairs
            .iter()
            .filter(|(i, _)| ending.contains(i))
            .cloned()
            .collect();
        let going_pairs: Vec<(usize, Vec<usize>)> = pairs
            .iter()
            .filter(|(i, _)| going.contains(i))
            .cloned()
            .collect();
        if !going.is_empty() {
            let k = going.len();
            sentences.push(format!(
                "{} {} deprecated, and {} has announced {} removal: {} now.",
                w.names(&going),
                if k == 1 { "is" } else { "are" },
                w.service(),
                if k == 1 { "its" } else { "their" },
                replace(&going_pairs, k)
            ));
        }
        if !ending.is_empty() {
            let n = ending.len();
            let lead = if ending.iter().all(|&i| marked(i)) {
                format!(
                    "Flows that use {} keep running",
                    list(&ending.iter().map(|&i| w.name(i)).collect::<Vec<_>>(), "or")
                )
            } else {
                format!(
                    "{} {} deprecated. Flows that use {} keep running",
                    w.names(&ending),
                    if n == 1 { "is" } else { "are" },
                    them(n)
                )
            };
            sentences.push(format!(
                "{lead}; when you edit such a flow, {}.",
                replace(&ending_pairs, n)
            ));
        }
    }
    if !alone.is_empty() {
        let (marked_alone, unmarked_alone): (Vec<usize>, Vec<usize>) =
            alone.iter().copied().partition(|&i| marked(i));
        if !unmarked_alone.is_empty() {
            let one = unmarked_alone.len() == 1;
            sentences.push(format!(
                "{} {} deprecated and still {} in existing flows.",
                w.names(&unmarked_alone),
                if one { "is" } else { "are" },
                if one { "runs" } else { "run" }
            ));
        }
        if !marked_alone.is_empty() {
            let one = marked_alone.len() == 1;
            sentences.push(format!(
                "{} still {} in existing flows, but the designer no longer offers {}.",
                w.names(&marked_alone),
                if one { "runs" } else { "run" },
                them(marked_alone.len())
            ));
        }
        if w.stats && todo.is_none() {
            let i = alone[0];
            todo = Some(Todo {
                question: format!("which action replaces {}, if any?", ops[i].name),
                keywords: vec!["replace", "instead", "use the"],
                about: vec![ops[i].name.to_lowercase()],
            });
        }
    }
    let mut e = Entry::new(Topic::Deprecations, sentences.join(" "), cost);
    e.actions = failing
        .iter()
        .map(|(i, _, _)| ops[*i].plain_name())
        .chain(pairs.iter().map(|(i, _)| ops[*i].plain_name()))
        .chain(alone.iter().map(|&i| ops[i].plain_name()))
        .collect();
    e.statuses = failing.iter().map(|(_, _, s)| s.status).collect();
    e.todo = todo;
    Some(e)
}
