//! Causes many actions share, each one bullet: a missing permission (403), the plan or
//! credit (402), something that no longer exists (404), the service failing or slow (5xx).
//! An action whose definition describes such a failure in its own words is documented
//! with its own bullet instead (`actions`).

use super::super::facts::{field_key, Field, OpFacts};
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
            // What a definition says about a 404 or a 402 is what this bullet says.
            let said =
                f.said(s.status).is_some() && !matches!(cause, Cause::NotFound | Cause::Payment);
            if said || f.moot.contains(&s.status) {
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
    // With statistics, only what actions that were refused need: the rest is padding.
    if w.stats {
        for (_, users) in needs.iter_mut() {
            users.retain(|&i| w.seen[i].iter().any(|s| s.status == 403));
        }
        needs.retain(|(_, users)| !users.is_empty());
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
                " Without it, {} with {}.",
                if covered.len() == 1 {
                    "the action fails"
                } else {
                    "they fail"
                },
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

/// 402s: the plan or the credit, as the connector's own texts put it.
pub(super) fn payment(w: &Writer) -> Option<Entry> {
    let (mut ops, _, cost) = undescribed(w, Cause::Payment);
    // Actions whose definition says they can fail with 402, seen or not.
    for (i, f) in w.facts.ops.iter().enumerate() {
        if in_use(f) && f.said(402).is_some() && !ops.contains(&i) && (!w.stats || w.calls[i] > 0) {
            ops.push(i);
        }
    }
    if ops.is_empty() {
        return None;
    }
    let service = w.service();
    let billing = &w.facts.billing;
    let why = match (billing.credit, billing.plan) {
        (true, false) => format!(
            "when the {service} account's balance has run out: top it up in {service}"
        ),
        (false, true) => format!(
            "when the request goes beyond what the {service} plan allows: upgrade the plan in {service}"
        ),
        _ => format!(
            "when the {service} account's plan does not cover the request or its credit has run out: check the plan and the balance in {service}"
        ),
    };
    let mut e = Entry::new(
        Topic::Payment,
        format!(
            "{} {} with {} {why}.",
            w.names(&ops),
            verb(ops.len()),
            code(402)
        ),
        cost.max(1),
    );
    e.actions = w.plain_names(&ops);
    e.statuses = vec![402];
    Some(e)
}

/// 404s: one bullet for every action, naming the fields that say which item, and where
/// makers get a value that works: the field's list, an earlier step's output, or only the
/// last part of a URI another action returns.
pub(super) fn not_found(w: &Writer) -> Vec<Entry> {
    let (members, _, _) = undescribed(w, Cause::NotFound);
    if members.is_empty() {
        return Vec::new();
    }
    // The fields that name the item, in the order of the actions (costliest first).
    let mut fields: Vec<(&Field, usize)> = Vec::new();
    for &i in &members {
        let f = &w.facts.ops[i];
        let mut named: Vec<&Field> = f.fields.iter().filter(|x| x.in_path).collect();
        // An action that changes something names the item it needs in its body.
        if named.is_empty() && f.op.method != "get" {
            named = f
                .fields
                .iter()
                .filter(|x| x.required && !x.picked && x.form.is_none())
                .take(2)
                .collect();
        }
        for x in named {
            if !fields.iter().any(|(y, _)| y.label == x.label) {
                fields.push((x, i));
            }
        }
    }
    let names = w.names(&members);
    let fails = verb(members.len());
    let labels: Vec<String> = fields.iter().map(|(x, _)| italic(&x.label)).collect();
    let mut text = match labels.as_slice() {
        [] => {
            let noun = noun_of_action(&w.facts.ops[members[0]].name)
                .filter(|_| members.len() == 1)
                .unwrap_or_else(|| "item".into());
            format!(
                "{names} {fails} with {} when the {} does not exist, or the account behind the connection cannot see it.",
                code(404),
                escape_inline(&noun)
            )
        }
        [one] => {
            let what = match noun_of_label(&fields[0].0.label) {
                Some(n) => format!("{} {}", article(&n), escape_inline(&n)),
                None => "an item".into(),
            };
            format!(
                "{names} {fails} with {} when {one} is wrong, or names {what} the account behind the connection cannot see.",
                code(404),
            )
        }
        many if many.len() <= 4 => format!(
            "{names} {fails} with {} when {} is wrong, or names an item the account behind the connection cannot see.",
            code(404),
            list(many, "or")
        ),
        _ => format!(
            "{names} {fails} with {} when an ID {} given is wrong, or names an item the account behind the connection cannot see.",
            code(404),
            if members.len() == 1 { "it is" } else { "they are" }
        ),
    };
    // Only the last part of a URI: "*Event Type UUID* takes the UUID at the end of the
    // URIs other actions return".
    let tails: Vec<(&Field, usize)> = fields
        .iter()
        .filter(|(x, _)| !x.picked && x.in_path && uri_tail(w, x))
        .copied()
        .collect();
    if let Some((x, i)) = tails.first() {
        let labels: Vec<String> = tails.iter().map(|(x, _)| italic(&x.label)).collect();
        let example = uri_example(w, *i, x);
        text.push_str(&format!(
            " {} {} only the ID at the end of the URIs that other actions return{}.",
            list(&labels, "and"),
            if tails.len() == 1 { "takes" } else { "take" },
            example
                .map(|(uri, id)| format!(": for `{uri}`, enter `{id}`"))
                .unwrap_or_default()
        ));
    }
    // Where an earlier step's output has the value, for fields without a list.
    let mut sources: Vec<String> = Vec::new();
    for (x, _) in fields.iter().filter(|(x, _)| !x.picked) {
        if let Some(j) = output_source(w, x, &members) {
            sources.push(format!("{} (for {})", w.name(j), italic(&x.label)));
        }
    }
    if !sources.is_empty() {
        // The action, not the output's name: the designer may show it otherwise ("id").
        if sources.len() == 1 {
            let source = sources[0].split(" (for ").next().unwrap_or_default();
            text.push_str(&format!(
                " Take it from the output of an earlier step rather than typing it, for example from {source}."
            ));
        } else {
            text.push_str(&format!(
                " Take them from the output of earlier steps rather than typing them, for example from {}.",
                list(&sources, "and"),
            ));
        }
    }
    let picked: Vec<String> = fields
        .iter()
        .filter(|(x, _)| x.picked)
        .map(|(x, _)| italic(&x.label))
        .collect();
    if !picked.is_empty() {
        text.push_str(&format!(
            " Choose {} again from {}.",
            list(&picked, "and"),
            if picked.len() == 1 {
                "its list"
            } else {
                "their lists"
            }
        ));
    }
    let cost = members.iter().map(|&i| w.cost(i, &[404])).sum();
    let mut e = Entry::new(Topic::NotFound, text, cost);
    e.actions = w.plain_names(&members);
    e.statuses = vec![404];
    vec![e]
}

/// The action whose output has a field's value: one in use, not among the failing ones,
/// whose output has a field of the same name, or that lists or gets the field's item and
/// has an ID; one named for the item first (a check's ID from **List all checks**, not
/// from **List all alert channels**).
fn output_source(w: &Writer, x: &Field, failing: &[usize]) -> Option<usize> {
    let keys = [field_key(&x.name), field_key(&x.label)];
    // "id" or "name" alone could be anything's.
    const VAGUE: [&str; 9] = [
        "", "id", "ids", "key", "name", "uuid", "uri", "url", "value",
    ];
    let singular = |n: &str| n.to_lowercase().trim_end_matches('s').to_string();
    let noun = noun_of_label(&x.label).map(|n| singular(&n));
    let of_item = |o: &OpFacts| {
        noun.is_some()
            && noun_of_action(&o.name).map(|n| singular(&n)) == noun
            && o.outputs.iter().any(|k| k == "id")
    };
    w.facts
        .ops
        .iter()
        .enumerate()
        .filter(|(j, o)| {
            !failing.contains(j)
                && in_use(o)
                && !o.is_trigger()
                && (of_item(o)
                    || keys
                        .iter()
                        .any(|k| !VAGUE.contains(&k.as_str()) && o.outputs.contains(k)))
        })
        .max_by_key(|(j, o)| {
            let lists = o.name.to_lowercase().starts_with("list");
            (of_item(o), lists, std::cmp::Reverse(*j))
        })
        .map(|(j, _)| j)
}

/// Whether a field takes an ID (`…UUID`, `…Id`) that the outputs carry only inside a URI:
/// no output has the field, but one has a URI of the same item.
fn uri_tail(w: &Writer, x: &Field) -> bool {
    let key = field_key(&x.name);
    let label = x.label.to_lowercase();
    let Some(stem) = key.strip_suffix("uuid").or_else(|| {
        label
            .ends_with(" uuid")
            .then(|| key.trim_end_matches("uuid"))
    }) else {
        return false;
    };
    let first = x
        .label
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    let outputs = || {
        w.facts
            .ops
            .iter()
            .filter(|o| in_use(o))
            .flat_map(|o| &o.outputs)
    };
    !outputs().any(|o| *o == key || (!stem.is_empty() && *o == format!("{stem}uuid")))
        && outputs().any(|o| o.ends_with("uri") && o.starts_with(&first))
}

/// An address of the item, from the service's host and the action's path: for
/// `/event_types/{uuid}` on api.calendly.com, (`https://api.calendly.com/event_types/AAAA`,
/// `AAAA`).
fn uri_example(w: &Writer, i: usize, x: &Field) -> Option<(String, String)> {
    let op = &w.facts.ops[i].op;
    let host = w.facts.host.as_deref()?;
    let marker = format!("{{{}}}", x.name);
    let before = op.path.split(&marker).next()?;
    if before.len() == op.path.len() || before.contains('{') {
        return None;
    }
    let base = w
        .facts
        .base_path
        .as_deref()
        .unwrap_or("")
        .trim_end_matches('/');
    let id = "AAAA1111";
    Some((format!("https://{host}{base}{before}{id}"), id.to_string()))
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
