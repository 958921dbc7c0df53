//! Limits: the rate limit (429s, and the limits stated anywhere), paging, the limits of
//! fields, and the limits and conditions the connector's own texts state.

use super::super::knowledge::{self, Cause};
use super::super::markdown::escape_inline;
use super::words::{
    code, italic, lower_first, makers_words, possessive, required_permission, terminated,
};
use super::{in_use, Entry, Todo, Topic, Writer};

/// The rate limit, when one is stated (the readme, the definition, a throttling policy);
/// without one, 429s are a question for the publisher.
pub(super) fn rate_limit(w: &Writer) -> Option<Entry> {
    let mut cost = 0;
    let mut from_actions = false;
    for (i, f) in w.facts.ops.iter().enumerate() {
        for s in w.seen_with(i, |c| c == Cause::Throttled) {
            cost += s.count;
            from_actions |= in_use(f) && !f.is_trigger();
        }
    }
    let mut stated: Vec<String> = w
        .facts
        .rate_limits
        .iter()
        .filter(|s| !w.noted(s))
        .take(2)
        .map(|s| escape_inline(&makers_words(s)))
        .collect();
    // The limits an action's own description states.
    for (i, f) in w.facts.ops.iter().enumerate() {
        for s in f
            .stated_limits
            .iter()
            .filter(|s| knowledge::is_rate_sentence(s))
        {
            let t = escape_inline(&makers_words(s));
            if stated.len() < 2
                && in_use(f)
                && !w.noted(s)
                && !stated.iter().any(|x| x.eq_ignore_ascii_case(&t))
            {
                stated.push(format!("{}: {}", w.name(i), lower_first(&t)));
            }
        }
    }
    if stated.is_empty() {
        if cost == 0 {
            return None;
        }
        let mut e = Entry::question(
            Topic::RateLimit,
            cost,
            Todo {
                question: format!(
                    "what is {} rate limit (calls per second or minute, per connection or per account), and what should makers do when they reach it?",
                    possessive(&w.facts.service)
                ),
                keywords: vec![
                    "rate limit",
                    "requests per",
                    "calls per",
                    "per second",
                    "per minute",
                    "throttl",
                    "429",
                ],
                about: Vec::new(),
            },
        );
        e.statuses = vec![429];
        return Some(e);
    }
    let mut text = String::from("**Rate limit.**");
    for s in &stated {
        text.push(' ');
        text.push_str(&terminated(s));
    }
    let documented_429 = w
        .facts
        .ops
        .iter()
        .any(|f| f.op.responses.as_ref().is_some_and(|r| r.documents(429)));
    if cost > 0 || documented_429 {
        text.push_str(&format!(" Calls beyond it fail with {}.", code(429)));
    }
    // Loops are what makers can slow down; a trigger's or a picker's calls are not.
    if from_actions || !w.stats {
        text.push_str(&format!(
            " Lower the concurrency of *Apply to each* loops that call {}, or add a *Delay* inside them.",
            w.service()
        ));
    }
    let mut e = Entry::new(Topic::RateLimit, text, cost);
    e.statuses = vec![429];
    Some(e)
}

/// Paging, the limits of fields no other entry names, and the limits and conditions the
/// actions' descriptions and the connector's texts state.
pub(super) fn limits(w: &Writer, named: &[String], said: &str) -> Option<Entry> {
    let ops = &w.facts.ops;
    let mut sentences = Vec::new();
    let paged: Vec<usize> = (0..ops.len())
        .filter(|&i| in_use(&ops[i]) && ops[i].pageable)
        .filter(|&i| {
            !(w.notes.contains("paginat") || w.notes.contains("paging"))
                || !w.notes.contains(&ops[i].name.to_lowercase())
        })
        .collect();
    if !paged.is_empty() {
        sentences.push(format!(
            "{} {} results in pages: to get more than the first page, turn on *Pagination* in the action's settings.",
            w.names(&paged),
            if paged.len() == 1 { "returns" } else { "return" }
        ));
    }
    // The conditions of the actions makers use most, each said once for every action it
    // holds for.
    let mut conditions: Vec<(String, Vec<usize>)> = Vec::new();
    let mut by_use: Vec<usize> = (0..ops.len()).filter(|&i| in_use(&ops[i])).collect();
    by_use.sort_by_key(|&i| std::cmp::Reverse(w.calls[i]));
    for &i in &by_use {
        for c in &ops[i].conditions {
            // A permission an entry already names for this action.
            if required_permission(std::slice::from_ref(c)).is_some()
                && named.contains(&ops[i].plain_name())
                && said.contains(&escape_inline(
                    &required_permission(std::slice::from_ref(c)).unwrap_or_default(),
                ))
            {
                continue;
            }
            let t = match required_permission(std::slice::from_ref(c)) {
                Some(what) => format!("\u{0}needs {}.", escape_inline(&what)),
                None => escape_inline(&makers_words(c)),
            };
            if said.contains(t.trim_end_matches('.')) || w.noted(c) {
                continue;
            }
            match conditions
                .iter_mut()
                .find(|(x, _)| x.eq_ignore_ascii_case(&t))
            {
                Some((_, users)) => users.push(i),
                None => conditions.push((t, vec![i])),
            }
        }
    }
    for (c, users) in conditions.iter().take(3) {
        sentences.push(match c.strip_prefix('\u{0}') {
            // "**Delete Project** needs Administer Jira."
            Some(needs) => {
                let needs = if users.len() > 1 {
                    needs.replacen("needs ", "need ", 1)
                } else {
                    needs.to_string()
                };
                format!("{} {needs}", w.names(users))
            }
            None => format!("{}: {}", w.names(users), terminated(&lower_first(c))),
        });
    }
    let mut field_limits = 0;
    for (i, f) in ops.iter().enumerate() {
        if field_limits == 3 {
            break;
        }
        if !in_use(f) || named.contains(&f.plain_name()) {
            continue;
        }
        if let Some(field) = f
            .fields
            .iter()
            .find(|x| x.max.is_some() && !x.picked && !w.notes.contains(&x.label.to_lowercase()))
        {
            sentences.push(format!(
                "In {}, {} is {}.",
                w.name(i),
                italic(&field.label),
                escape_inline(field.max.as_deref().unwrap_or_default())
            ));
            field_limits += 1;
        }
    }
    // What the actions' descriptions state, unless an entry already says it.
    let mut op_limits = 0;
    for (i, f) in ops.iter().enumerate() {
        if !in_use(f) || op_limits == 2 {
            continue;
        }
        for s in &f.stated_limits {
            let t = escape_inline(s);
            let rate = knowledge::is_rate_sentence(s);
            let trimmed = t.trim_end_matches('.');
            let repeated = said.contains(trimmed)
                || said.contains(&lower_first(trimmed))
                || sentences.iter().any(|x| x.contains(&lower_first(trimmed)));
            if rate || op_limits == 2 || repeated || w.noted(s) {
                continue;
            }
            sentences.push(format!("{}: {}", w.name(i), terminated(&lower_first(&t))));
            op_limits += 1;
        }
    }
    for s in w.facts.stated_limits.iter().filter(|s| !w.noted(s)).take(2) {
        let t = terminated(&escape_inline(s));
        let trimmed = t.trim_end_matches('.');
        if !said.contains(trimmed) && !sentences.iter().any(|x| x.contains(trimmed)) {
            sentences.push(t);
        }
    }
    if sentences.is_empty() {
        return None;
    }
    Some(Entry::new(
        Topic::Limits,
        format!("**Limits.** {}", sentences.join(" ")),
        0,
    ))
}
