//! Limits: the rate limit (429s, and the limits stated anywhere), paging, the limits of
//! fields, and the limits and conditions the connector's own texts state.

use super::super::knowledge::{self, Cause};
use super::super::markdown::escape_inline;
use super::words::{code, italic, lower_first, makers_words, possessive, terminated};
use super::{in_use, Entry, Todo, Topic, Writer};
use crate::text::capitalize;

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
        let mut e = Entry::question(Topic::RateLimit, cost, rate_question(w));
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
    // An action's own limit says nothing of the others'.
    if cost > 0 && w.facts.rate_limits.is_empty() {
        e.todo = Some(rate_question(w));
    }
    Some(e)
}

fn rate_question(w: &Writer) -> Todo {
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
    }
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

/// The conditions the actions' descriptions state ("Usable only in support window",
/// "Requires registered template"), one bullet each, for every action that states it:
/// the costliest first (the 400s of those actions), then those of the actions makers use
/// most.
pub(super) fn conditions(w: &Writer) -> Vec<Entry> {
    let ops = &w.facts.ops;
    // (the condition as written, the actions that state it)
    let mut found: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, f) in ops.iter().enumerate() {
        if !in_use(f) {
            continue;
        }
        for c in &f.conditions {
            // A maximum a field of the action already states is said with the field.
            let field_says = knowledge::stated_maximum(c).is_some_and(|m| {
                f.fields
                    .iter()
                    .any(|x| x.max.as_deref() == Some(m.as_str()))
            });
            if super::words::required_permission(std::slice::from_ref(c)).is_some()
                || knowledge::is_rate_sentence(c)
                || w.noted(c)
                || field_says
            {
                continue;
            }
            let key = super::super::facts::field_key(c);
            match found
                .iter_mut()
                .find(|(x, _)| super::super::facts::field_key(x) == key)
            {
                Some((_, users)) => users.push(i),
                None => found.push((c.clone(), vec![i])),
            }
        }
    }
    let mut out: Vec<Entry> = Vec::new();
    let mut quiet: Vec<(u64, Entry)> = Vec::new();
    for (c, users) in found {
        let failed: Vec<u16> = users
            .iter()
            .flat_map(|&i| w.seen_with(i, |k| k == Cause::Input))
            .map(|s| s.status)
            .collect();
        let cost: u64 = users.iter().map(|&i| w.cost(i, &failed)).sum();
        let one = users.len() == 1;
        let mut text = format!(
            "{}: {}",
            subject(w, &users),
            lower_first(escape_inline(&makers_words(&c)).trim_end_matches('.'))
        );
        // Only a short rule is what a 400 breaks; a long sentence says several things.
        if cost > 0 && requires(&c) && c.split_whitespace().count() <= 16 {
            text.push_str(&format!(
                "; otherwise {} with {}",
                if one { "it fails" } else { "they fail" },
                super::words::codes(&failed, "or")
            ));
        }
        let mut e = Entry::new(Topic::Action, terminated(&text), cost);
        e.actions = w.plain_names(&users);
        e.statuses = failed;
        if one {
            // Said in the action's own bullet, if it has one.
            let (_, sentence) = text.split_once(": ").unwrap_or(("", &text));
            e.addendum = Some(terminated(&capitalize(sentence)));
        }
        if cost > 0 {
            out.push(e);
        } else {
            let calls = users.iter().map(|&i| w.calls[i]).sum();
            quiet.push((calls, e));
        }
    }
    quiet.sort_by_key(|(calls, _)| std::cmp::Reverse(*calls));
    out.extend(quiet.into_iter().take(3).map(|(_, e)| e));
    out
}

/// The actions a condition holds for, as the subject of a sentence: their names, or, for
/// many, the word of their names that only they share: "The actions with “Free-form” in
/// their name".
fn subject(w: &Writer, users: &[usize]) -> String {
    let ops = &w.facts.ops;
    if users.len() > 4 {
        let words_of = |i: usize| -> Vec<String> {
            ops[i]
                .name
                .split_whitespace()
                .map(|x| {
                    x.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                        .to_string()
                })
                .filter(|x| x.len() >= 4)
                .collect()
        };
        let others: Vec<usize> = (0..ops.len())
            .filter(|&i| in_use(&ops[i]) && !users.contains(&i))
            .collect();
        for word in words_of(users[0]) {
            let lw = word.to_lowercase();
            let has = |i: usize| words_of(i).iter().any(|x| x.to_lowercase() == lw);
            if users.iter().all(|&i| has(i)) && !others.iter().any(|&i| has(i)) {
                return format!(
                    "The actions with “{}” in their name (such as {})",
                    escape_inline(&word),
                    w.name(users[0])
                );
            }
        }
    }
    w.names(users)
}

/// Whether a sentence states a requirement a value or a call can break ("must",
/// "requires", "only", "at most"), rather than how the service behaves.
pub(super) fn requires(sentence: &str) -> bool {
    let l = format!(" {} ", sentence.to_lowercase());
    [
        " must ",
        "requires",
        "required",
        // "only" as a condition ("usable only in", "only if"), not "returns only".
        " only if ",
        " only when ",
        " only in ",
        " only within ",
        "usable only",
        "can only",
        "only accepts",
        "only works",
        "only supports",
        "cannot",
        "can't",
        "can not",
        "not allowed",
        "at most",
        "at least",
        "no more than",
        "limited to",
        "maximum",
        "minimum",
    ]
    .iter()
    .any(|m| l.contains(m))
}
