//! Causes many actions share, each one bullet: a missing permission (403), the plan or
//! credit (402), something that no longer exists (404), the service failing or slow (5xx).
//! An action whose definition describes such a failure in its own words is documented
//! with its own bullet instead (`actions`).

use super::super::knowledge::{self, Cause};
use super::super::markdown::escape_inline;
use super::words::{
    article, code, codes, italic, list, noun_of_action, noun_of_label, required_permission,
    terminated, verb,
};
use super::{in_use, Entry, Todo, Topic, Writer};

/// The in-use actions with a material status of `cause` that their definition does not
/// describe, costliest first, with the statuses and their count.
fn undescribed(w: &Writer, cause: Cause) -> (Vec<usize>, Vec<u16>, u64) {
    let mut ops = Vec::new();
    let mut statuses = Vec::new();
    let mut cost = 0;
    for (i, f) in w.facts.ops.iter().enumerate() {
        if !in_use(f) {
            continue;
        }
        for s in w.seen_with(i, |c| c == cause) {
            if f.said(s.status).is_some() {
                continue;
            }
            if !ops.contains(&i) {
                ops.push(i);
            }
            statuses.push(s.status);
            cost += s.count;
        }
    }
    ops.sort_by_key(|&i| std::cmp::Reverse(w.cost(i, &statuses)));
    (ops, statuses, cost)
}

/// 403s: what the description says the account needs, or a question for the publisher.
pub(super) fn permission(w: &Writer) -> Vec<Entry> {
    let (ops, statuses, cost) = undescribed(w, Cause::Permission);
    let mut out = Vec::new();
    let mut unknown = Vec::new();
    for &i in &ops {
        let f = &w.facts.ops[i];
        match required_permission(&f.conditions) {
            Some(what) => {
                let mut e = Entry::new(
                    Topic::Permission,
                    format!(
                        "{} needs {}: without it, it fails with {}.",
                        w.name(i),
                        escape_inline(&what),
                        code(403)
                    ),
                    w.cost(i, &statuses),
                );
                e.actions = vec![f.plain_name()];
                e.statuses = vec![403];
                out.push(e);
            }
            None => unknown.push(i),
        }
    }
    if !unknown.is_empty() {
        let names = w.plain_names(&unknown);
        let mut e = Entry::question(
            Topic::Permission,
            cost,
            Todo {
                question: format!(
                    "which {} permission, role or plan does the account need for {}? (They fail with 403.)",
                    w.facts.service,
                    list(&names, "and")
                ),
                keywords: vec!["403", "permission", "role", "admin", "licen", "plan", "owner"],
                about: names.iter().map(|n| n.to_lowercase()).collect(),
            },
        );
        e.actions = names;
        e.statuses = vec![403];
        out.push(e);
    }
    out
}

/// 402s: the plan or the credit.
pub(super) fn payment(w: &Writer) -> Option<Entry> {
    let (ops, _, cost) = undescribed(w, Cause::Payment);
    if ops.is_empty() {
        return None;
    }
    let service = w.service();
    let mut e = Entry::new(
        Topic::Payment,
        format!(
            "{} {} with {} when the {service} account's plan does not cover the request or its credit has run out: check the plan and the balance in {service}.",
            w.names(&ops),
            verb(ops.len()),
            code(402)
        ),
        cost,
    );
    e.actions = w.plain_names(&ops);
    e.statuses = vec![402];
    Some(e)
}

/// 404s: one bullet for each set of fields that name the missing item, with the noun
/// makers know it by.
pub(super) fn not_found(w: &Writer) -> Vec<Entry> {
    let (ops, _, _) = undescribed(w, Cause::NotFound);
    // Actions that name the item with the same fields share a bullet.
    let mut groups: Vec<(Vec<String>, Vec<usize>)> = Vec::new();
    for &i in &ops {
        let mut labels: Vec<String> = w.facts.ops[i]
            .fields
            .iter()
            .filter(|f| f.in_path)
            .map(|f| f.label.clone())
            .collect();
        labels.sort();
        labels.dedup();
        match groups.iter_mut().find(|(l, _)| *l == labels) {
            Some((_, members)) => members.push(i),
            None => groups.push((labels, vec![i])),
        }
    }
    let mut out = Vec::new();
    for (labels, members) in groups {
        let names = w.names(&members);
        let fails = verb(members.len());
        let first = &w.facts.ops[members[0]];
        let picked: Vec<&str> = first
            .fields
            .iter()
            .filter(|f| f.in_path && f.picked)
            .map(|f| f.label.as_str())
            .collect();
        let typed: Vec<&str> = first
            .fields
            .iter()
            .filter(|f| f.in_path && !f.picked)
            .map(|f| f.label.as_str())
            .collect();
        let mut text = match labels.as_slice() {
            [] => {
                let noun = noun_of_action(&first.name).unwrap_or_else(|| "item".into());
                format!(
                    "{names} {fails} with {} when the {} was deleted, or the account behind the connection cannot see it.",
                    code(404),
                    escape_inline(&noun)
                )
            }
            [one] => {
                let what = match noun_of_label(one).or_else(|| noun_of_action(&first.name)) {
                    Some(n) => format!("{} {}", article(&n), escape_inline(&n)),
                    None => "something".into(),
                };
                format!(
                    "{names} {fails} with {} when {} names {what} that was deleted, or that the account behind the connection cannot see.",
                    code(404),
                    italic(one)
                )
            }
            many => format!(
                "{names} {fails} with {} when {} names something that was deleted, or that the account behind the connection cannot see.",
                code(404),
                list(&many.iter().map(|l| italic(l)).collect::<Vec<_>>(), "or")
            ),
        };
        if !typed.is_empty() {
            text.push_str(&format!(
                " Take {} from the output of an earlier action rather than typing {}.",
                list(&typed.iter().map(|l| italic(l)).collect::<Vec<_>>(), "and"),
                if typed.len() == 1 { "it" } else { "them" }
            ));
        }
        if !picked.is_empty() {
            text.push_str(&format!(
                " Choose {} again from {} list.",
                list(&picked.iter().map(|l| italic(l)).collect::<Vec<_>>(), "and"),
                if picked.len() == 1 { "its" } else { "their" }
            ));
        }
        let cost = members.iter().map(|&i| w.cost(i, &[404])).sum();
        let mut e = Entry::new(Topic::NotFound, text, cost);
        e.actions = w.plain_names(&members);
        e.statuses = vec![404];
        out.push(e);
    }
    out
}

/// 5xx and timeouts: one bullet, with what the actions' descriptions say about their time
/// limits, and a caution where a retry could do the work twice.
pub(super) fn service_errors(w: &Writer) -> Option<Entry> {
    let mut ops = Vec::new();
    let mut statuses = Vec::new();
    let mut causes = Vec::new();
    let mut cost = 0;
    let mut lists = false;
    for (i, f) in w.facts.ops.iter().enumerate() {
        if !in_use(f) {
            continue;
        }
        for s in w.seen_with(i, |c| {
            matches!(c, Cause::ServerFault | Cause::Timeout | Cause::Unavailable)
        }) {
            if f.said(s.status).is_some() {
                continue;
            }
            if !ops.contains(&i) {
                ops.push(i);
            }
            statuses.push(s.status);
            causes.push(knowledge::cause(s.status).unwrap_or(Cause::ServerFault));
            cost += s.count;
            lists |= s.status == 504 && f.op.method == "get" && !f.fields.iter().any(|x| x.in_path);
        }
    }
    if ops.is_empty() {
        return None;
    }
    ops.sort_by_key(|&i| std::cmp::Reverse(w.cost(i, &statuses)));
    causes.sort();
    causes.dedup();
    let service = w.service();
    let why = match causes.as_slice() {
        [Cause::Timeout] => format!("when {service} takes too long to answer"),
        [Cause::Unavailable] => format!("when {service} is unavailable"),
        [Cause::ServerFault] => format!("when {service} fails while handling the request"),
        _ => format!("when {service} fails or is slow to answer"),
    };
    let mut text = format!(
        "{} {} with {} {why}.",
        w.names(&ops),
        verb(ops.len()),
        codes(&statuses, "or"),
    );
    // A call that changes something may have done its work before it failed.
    let changing: Vec<usize> = ops
        .iter()
        .copied()
        .filter(|&i| w.facts.ops[i].op.method != "get")
        .collect();
    if changing.len() < ops.len() {
        text.push_str(" The default retry policy of an action retries such failures; leave it on.");
    }
    if !changing.is_empty() {
        text.push_str(&format!(
            " {} may have done {} work although {} failed: check in {service} before running the flow again.",
            w.names(&changing),
            if changing.len() == 1 { "its" } else { "their" },
            if changing.len() == 1 { "it" } else { "they" }
        ));
    }
    // What the actions' descriptions say about their time limits.
    let timed: Vec<String> = ops
        .iter()
        .flat_map(|&i| {
            w.facts.ops[i]
                .stated_limits
                .iter()
                .filter(|s| {
                    let l = s.to_lowercase();
                    l.contains("time out")
                        || l.contains("timeout")
                        || l.contains("times out")
                        || l.contains("second")
                })
                .map(move |s| (i, s))
        })
        .filter(|(_, s)| !w.noted(s))
        .take(2)
        .map(|(_, s)| terminated(&escape_inline(s)))
        .collect();
    for t in &timed {
        text.push(' ');
        text.push_str(t);
    }
    if lists && timed.is_empty() {
        text.push_str(" If it happens with large requests, ask for less in one call, for example with a filter or a smaller page size.");
    }
    let mut e = Entry::new(Topic::ServiceErrors, text, cost);
    e.actions = w.plain_names(&ops);
    statuses.sort_unstable();
    statuses.dedup();
    e.statuses = statuses;
    Some(e)
}
