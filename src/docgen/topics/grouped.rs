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
            if f.said(s.status).is_some() || f.moot.contains(&s.status) {
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

/// Permissions: what the actions' descriptions say they need ("Permissions required:
/// X"), in one bullet, and the 403s of actions whose needs only the publisher knows, as a
/// question.
pub(super) fn permission(w: &Writer) -> Vec<Entry> {
    let (failing, _, _) = undescribed(w, Cause::Permission);
    let mut out = Vec::new();
    // (what is needed, the actions that need it)
    let mut needs: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, f) in w.facts.ops.iter().enumerate() {
        if !in_use(f) {
            continue;
        }
        if let Some(what) = required_permission(&f.conditions) {
            match needs
                .iter_mut()
                .find(|(x, _)| x.eq_ignore_ascii_case(&what))
            {
                Some((_, users)) => users.push(i),
                None => needs.push((what, vec![i])),
            }
        }
    }
    let covered: Vec<usize> = needs.iter().flat_map(|(_, u)| u.clone()).collect();
    if !needs.is_empty() {
        let parts: Vec<String> = needs
            .iter()
            .map(|(what, users)| {
                format!(
                    "{} {} {}",
                    w.names(users),
                    if users.len() == 1 { "needs" } else { "need" },
                    escape_inline(what)
                )
            })
            .collect();
        let cost: u64 = covered.iter().map(|&i| w.cost(i, &[403])).sum();
        let mut text = format!("**Permissions.** {}.", parts.join("; "));
        if cost > 0 || !w.stats {
            text.push_str(&format!(
                " Without it, the action fails with {}.",
                code(403)
            ));
        }
        let mut e = Entry::new(Topic::Permission, text, cost);
        e.actions = w.plain_names(&covered);
        e.statuses = vec![403];
        out.push(e);
    }
    let unknown: Vec<usize> = failing
        .into_iter()
        .filter(|i| !covered.contains(i))
        .collect();
    if !unknown.is_empty() {
        let names = w.plain_names(&unknown);
        let cost = unknown.iter().map(|&i| w.cost(i, &[403])).sum();
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
        // An action that changes something names the item it needs in its body.
        let named_in_body: Vec<String> = if first.op.method == "get" {
            Vec::new()
        } else {
            first
                .fields
                .iter()
                .filter(|f| f.required && !f.picked && !f.in_path && f.form.is_none())
                .take(2)
                .map(|f| italic(&f.label))
                .collect()
        };
        let mut text = match labels.as_slice() {
            [] if !named_in_body.is_empty() => format!(
                "{names} {fails} with {} when {} names something that does not exist, or that the account behind the connection cannot see.",
                code(404),
                list(&named_in_body, "or")
            ),
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
        // Where an action's output has the value: "Take *Message ID* from the output of
        // **Send SMS**." Only where one does.
        for f in first.fields.iter().filter(|f| f.in_path && !f.picked) {
            let keys = [
                super::super::facts::field_key(&f.name),
                super::super::facts::field_key(&f.label),
            ];
            let source = w.facts.ops.iter().enumerate().find(|(j, o)| {
                !members.contains(j)
                    && in_use(o)
                    && keys.iter().any(|k| {
                        // "id" or "name" alone could be anything's.
                        ![
                            "", "id", "ids", "key", "name", "uuid", "uri", "url", "value",
                        ]
                        .contains(&k.as_str())
                            && o.outputs.contains(k)
                    })
            });
            if let Some((j, _)) = source {
                text.push_str(&format!(
                    " Take {} from the output of {} rather than typing it.",
                    italic(&f.label),
                    w.name(j)
                ));
            }
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
