//! Pickers and dynamic fields: an internal operation makers never see, named through
//! the visible action and field it serves.

use super::super::facts::Feed;
use super::super::knowledge::{self, Cause};
use super::words::{codes, italic, list};
use super::{Entry, Topic, Writer};
use crate::text::capitalize;

/// Internal operations behind pickers and dynamic fields, through the action they serve.
pub(super) fn entries(w: &Writer) -> Vec<Entry> {
    let mut out = Vec::new();
    let service = w.service();
    // (text with a placeholder for the actions, the actions, cost, statuses)
    let mut groups: Vec<(String, Vec<usize>, u64, Vec<u16>)> = Vec::new();
    for (i, f) in w.facts.ops.iter().enumerate() {
        if f.visible() || f.feeds.is_empty() {
            continue;
        }
        let seen = w.seen_with(i, |c| {
            !matches!(
                c,
                Cause::Credentials | Cause::Throttled | Cause::ConnectorFault
            )
        });
        if seen.is_empty() {
            continue;
        }
        let users: Vec<&Feed> = f
            .feeds
            .iter()
            .filter(|feed| {
                let u = &w.facts.ops[feed.user()];
                u.visible() && !u.deprecated
            })
            .collect();
        let Some(first) = users.first() else { continue };
        let statuses: Vec<u16> = seen.iter().map(|s| s.status).collect();
        let causes: Vec<Cause> = seen
            .iter()
            .filter_map(|s| knowledge::cause(s.status))
            .collect();
        let slow = causes
            .iter()
            .any(|c| matches!(c, Cause::Timeout | Cause::Unavailable | Cause::ServerFault));
        let mut user_ops: Vec<usize> = users.iter().map(|u| u.user()).collect();
        user_ops.dedup();
        // The names go in last: pickers that fail the same way share a bullet.
        let of = "\u{0}";
        let (what, remedy) = match first {
            Feed::Picker { field, .. } => {
                let field = if field.is_empty() {
                    "a".to_string()
                } else {
                    format!("the {}", italic(field))
                };
                let label = if field == "a" {
                    format!("A list of {of}")
                } else {
                    format!("{} list of {of}", capitalize(&field))
                };
                (
                    format!("{label} does not load"),
                    if slow {
                        "select the field again, or enter the value as a custom value".to_string()
                    } else {
                        "check the fields it depends on, then select it again".to_string()
                    },
                )
            }
            Feed::Fields { depends_on, .. } => (
                format!("The fields of {of} do not load"),
                if depends_on.is_empty() {
                    "reopen the action to load them again".to_string()
                } else {
                    format!(
                        "select {} again",
                        list(
                            &depends_on.iter().map(|d| italic(d)).collect::<Vec<_>>(),
                            "and"
                        )
                    )
                },
            ),
            Feed::Outputs { .. } => (
                format!("The outputs of {of} do not load in later steps"),
                "open the action and select its fields again".to_string(),
            ),
        };
        let why = if causes.contains(&Cause::Permission) && !slow {
            "when the account behind the connection may not list what it shows".to_string()
        } else if slow {
            format!("when {service} is slow to answer")
        } else if causes.contains(&Cause::NotFound) {
            "when a value it depends on no longer exists".to_string()
        } else {
            "when a value it depends on is not valid".to_string()
        };
        let template = format!("{what} ({}) {why}: {remedy}.", codes(&statuses, "or"));
        let cost: u64 = seen.iter().map(|s| s.count).sum();
        match groups.iter_mut().find(|g| g.0 == template) {
            Some(g) => {
                for u in user_ops {
                    if !g.1.contains(&u) {
                        g.1.push(u);
                    }
                }
                g.2 += cost;
            }
            None => groups.push((template, user_ops, cost, statuses)),
        }
    }
    for (template, users, cost, statuses) in groups {
        let text = template.replace('\u{0}', &w.names(&users));
        let mut e = Entry::new(Topic::Pickers, text, cost);
        e.actions = users.iter().map(|&u| w.facts.ops[u].plain_name()).collect();
        e.statuses = statuses;
        out.push(e);
    }
    out
}
