//! Webhook triggers: registering when a flow is saved, and removing when it is turned off
//! or deleted.

use super::super::facts::Role;
use super::super::knowledge::{self, Cause};
use super::words::{article, code, codes, italic, list, noun_of_label, with_description};
use super::{Entry, Seen, Todo, Topic, Writer};

pub(super) fn entries(w: &Writer) -> Vec<Entry> {
    let mut out = Vec::new();
    let service = w.service();
    // Triggers that fail to register for the same reasons share a bullet: (the text
    // after "fails", the triggers, their statuses).
    type Group = (String, Vec<usize>, Vec<Seen>);
    let mut groups: Vec<Group> = Vec::new();
    // Triggers whose failures only the publisher can explain: (trigger, statuses, count).
    let mut asks: Vec<(usize, Vec<u16>, u64)> = Vec::new();
    for (i, f) in w.facts.ops.iter().enumerate() {
        if f.role != Role::WebhookTrigger || f.internal || f.deprecated {
            continue;
        }
        let seen = w.seen_with(i, |c| {
            !matches!(
                c,
                Cause::Credentials | Cause::Throttled | Cause::ConnectorFault
            )
        });
        let mut clauses = Vec::new();
        let mut known = Vec::new();
        let mut unknown = Vec::new();
        for s in &seen {
            let cause = knowledge::cause(s.status).unwrap_or(Cause::Input);
            if let Some(said) = f.said(s.status) {
                // "with `400 Bad Request` when …", from the definition's own words.
                let sentence = with_description("", "fails", s.status, said);
                clauses.push(
                    sentence
                        .trim_start_matches(" fails ")
                        .trim_end_matches('.')
                        .to_string(),
                );
                known.push(*s);
                continue;
            }
            let watched = f.fields.iter().find(|x| x.required && !x.picked);
            let why = match cause {
                Cause::NotFound => Some(match watched {
                    Some(field) => {
                        let what = noun_of_label(&field.label)
                            .map(|n| format!("{} {n}", article(&n)))
                            .unwrap_or_else(|| "something".into());
                        format!(
                            "when {} names {what} that was deleted",
                            italic(&field.label)
                        )
                    }
                    None => "when what the trigger watches was deleted".to_string(),
                }),
                Cause::Timeout | Cause::Unavailable | Cause::ServerFault => Some(format!(
                    "when {service} is slow or unavailable: save the flow again later"
                )),
                _ => None,
            };
            match why {
                Some(why) => {
                    clauses.push(format!("with {} {why}", code(s.status)));
                    known.push(*s);
                }
                None => unknown.push(*s),
            }
        }
        if !unknown.is_empty() {
            asks.push((
                i,
                unknown.iter().map(|s| s.status).collect(),
                unknown.iter().map(|s| s.count).sum(),
            ));
        }
        let text = match clauses.as_slice() {
            [] => continue,
            [one] => one.clone(),
            [rest @ .., last] => format!("{}, or {last}", rest.join(", ")),
        };
        match groups.iter_mut().find(|g| g.0 == text) {
            Some(g) => {
                g.1.push(i);
                g.2.extend(known);
            }
            None => groups.push((text, vec![i], known)),
        }
    }
    for (text, triggers, seen) in groups {
        let names = list(
            &triggers.iter().map(|&i| w.name(i)).collect::<Vec<_>>(),
            "or",
        );
        let mut e = Entry::new(
            Topic::Webhooks,
            format!("Saving a flow that starts with {names} fails {text}."),
            seen.iter().map(|s| s.count).sum(),
        );
        e.actions = w.plain_names(&triggers);
        e.statuses = seen.iter().map(|s| s.status).collect();
        out.push(e);
    }
    for (i, statuses, cost) in asks {
        let name = w.facts.ops[i].plain_name();
        let mut e = Entry::question(
            Topic::Webhooks,
            cost,
            Todo {
                question: format!(
                    "saving a flow that starts with {name} fails with {}: why, and how do makers fix it?",
                    list(
                        &statuses
                            .iter()
                            .map(|&s| knowledge::status_text(s))
                            .collect::<Vec<_>>(),
                        "or"
                    )
                ),
                keywords: vec!["webhook", "subscription", "duplicate", "already", "403", "409"],
                about: vec![name.to_lowercase()],
            },
        );
        e.actions = vec![name];
        e.statuses = statuses;
        out.push(e);
    }
    // Removing a webhook: failures leave it behind.
    for (i, f) in w.facts.ops.iter().enumerate() {
        if f.role != Role::WebhookDeletion {
            continue;
        }
        let seen: Vec<Seen> = w.seen_with(i, |c| {
            !matches!(c, Cause::NotFound | Cause::Gone | Cause::Credentials)
        });
        if seen.is_empty() {
            continue;
        }
        let trigger = w.facts.ops.iter().position(|t| {
            t.role == Role::WebhookTrigger && f.op.path.starts_with(t.op.path.trim_end_matches('/'))
        });
        let which = trigger.map_or("a webhook trigger".to_string(), |t| w.name(t));
        let statuses: Vec<u16> = seen.iter().map(|s| s.status).collect();
        let text = format!(
            "Turning off or deleting a flow that starts with {which} can leave its webhook behind in {service} when removing it fails ({}). Remove the webhook in {service}.",
            codes(&statuses, "or")
        );
        let mut e = Entry::new(Topic::Webhooks, text, seen.iter().map(|s| s.count).sum());
        e.statuses = statuses;
        out.push(e);
    }
    out
}
