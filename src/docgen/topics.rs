//! The Known-issues section as documentation: one entry per topic (the connection, the
//! rate limit, one cause shared by several actions, an action's inputs, pickers that do
//! not load, webhook registration, deprecations, limits), each written once, in the
//! words makers see in the designer.
//!
//! Telemetry decides what is documented and in what order, never how it is worded: no
//! percentage, count or date from it reaches the text. A status is documented where it is
//! material (see [`Material`]); the costliest topics come first, and the section stops at
//! about [`MAX_WORDS`] words and [`MAX_TODOS`] questions for the publisher.

use std::collections::BTreeMap;

use serde::Serialize;

use super::facts::{ConnectorFacts, Feed, Field, OpFacts, Role};
use super::knowledge::{self, AuthKind, Cause};
use super::markdown::{comment_text, escape_inline};
use crate::stats::{StatsReport, Thresholds};

/// The section stops adding topics once it has about this many words.
pub const MAX_WORDS: usize = 450;
/// At most this many questions for the publisher.
pub const MAX_TODOS: usize = 3;

/// What an entry is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Topic {
    Connection,
    RateLimit,
    Permission,
    Payment,
    NotFound,
    /// One action's own errors: its inputs, conflicts, sizes.
    Action,
    ServiceErrors,
    Pickers,
    Webhooks,
    Deprecations,
    Limits,
}

/// One bullet of the section.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub topic: Topic,
    /// The bullet's Markdown, without the list marker.
    pub text_md: String,
    /// A question for the publisher, as an HTML comment, when only they can answer it.
    pub todo_md: Option<String>,
    /// The actions it names.
    pub actions: Vec<String>,
    /// The statuses it documents.
    pub statuses: Vec<u16>,
    /// How many failed calls it covers (0 without statistics): the order of the section.
    #[serde(skip)]
    pub cost: u64,
    #[serde(skip)]
    todo: Option<Todo>,
    /// Says little beyond what its TODO asks: left out when the publisher's notes answer
    /// it.
    #[serde(skip)]
    thin: bool,
}

/// A question for the publisher, and what in their own notes would answer it.
#[derive(Debug, Clone)]
struct Todo {
    question: String,
    /// Words that, in the publisher's notes, show the question is answered…
    keywords: Vec<&'static str>,
    /// …about one of these (lowercase names), or about the connector when empty.
    about: Vec<String>,
}

impl Entry {
    fn new(topic: Topic, text_md: String, cost: u64) -> Entry {
        Entry {
            topic,
            text_md,
            todo_md: None,
            actions: Vec::new(),
            statuses: Vec::new(),
            cost,
            todo: None,
            thin: false,
        }
    }
    fn words(&self) -> usize {
        self.text_md.split_whitespace().count()
    }
}

/// An error status of an operation that is worth documenting.
#[derive(Debug, Clone, Copy)]
struct Seen {
    status: u16,
    count: u64,
    /// Of the operation's calls.
    share: f64,
}

/// When a status is material: seen at least `min_count` times and in at least
/// `min_share` of the operation's calls (server errors: twice that share, so a rare
/// `500` stays out of the docs).
pub struct Material<'a>(pub &'a Thresholds);

impl Material<'_> {
    fn floor(&self, status: u16) -> f64 {
        let base = self.0.min_share.max(0.001);
        if status >= 500 {
            base * 2.0
        } else {
            base
        }
    }
    /// Whether an operation's `count` responses with `status`, `share` of its calls,
    /// are worth documenting.
    pub fn includes(&self, status: u16, count: u64, share: f64) -> bool {
        count >= self.0.min_count.max(1) && share >= self.floor(status)
    }
}

/// Everything the writers share.
struct Writer<'f, 'a> {
    facts: &'f ConnectorFacts<'a>,
    /// Material errors per operation (parallel to `facts.ops`).
    seen: Vec<Vec<Seen>>,
    /// Calls per operation.
    calls: Vec<u64>,
    stats: bool,
    /// The publisher's own notes, lower case.
    notes: String,
}

impl Writer<'_, '_> {
    fn service(&self) -> String {
        escape_inline(&self.facts.service)
    }
    fn name(&self, i: usize) -> String {
        let f = &self.facts.ops[i];
        let bold = format!("**{}**", escape_inline(&f.name));
        if f.older {
            format!("the older {bold}")
        } else {
            bold
        }
    }
    fn names(&self, ops: &[usize]) -> String {
        list(
            &ops.iter().map(|&i| self.name(i)).collect::<Vec<_>>(),
            "and",
        )
    }
    fn cost(&self, i: usize, statuses: &[u16]) -> u64 {
        self.seen[i]
            .iter()
            .filter(|s| statuses.contains(&s.status))
            .map(|s| s.count)
            .sum()
    }
    fn seen_with(&self, i: usize, f: impl Fn(Cause) -> bool) -> Vec<Seen> {
        self.seen[i]
            .iter()
            .filter(|s| knowledge::cause(s.status).is_some_and(&f))
            .copied()
            .collect()
    }
    /// "often " when a status is a large share of the operation's calls.
    fn often(share: f64) -> &'static str {
        if share >= 0.1 {
            "often "
        } else {
            ""
        }
    }
    fn noted(&self, text: &str) -> bool {
        let t = text.to_lowercase();
        let t = t.trim_end_matches('.');
        !t.is_empty() && self.notes.contains(t)
    }
}

/// The entries of the section, costliest first, within the word and TODO budgets.
pub fn entries(
    facts: &ConnectorFacts,
    stats: Option<&StatsReport>,
    thresholds: &Thresholds,
    notes: &str,
) -> Vec<Entry> {
    let material = Material(thresholds);
    let by_pointer: BTreeMap<&str, &crate::stats::OperationStats> = stats
        .map(|s| {
            s.operations
                .iter()
                .map(|o| (o.pointer.as_str(), o))
                .collect()
        })
        .unwrap_or_default();
    let mut seen = Vec::new();
    let mut calls = Vec::new();
    for f in &facts.ops {
        let s = by_pointer.get(f.op.pointer.as_str());
        calls.push(s.map_or(0, |s| s.responses.requests));
        seen.push(
            s.map(|s| {
                s.errors
                    .iter()
                    .filter(|e| material.includes(e.status, e.count, e.share))
                    .map(|e| Seen {
                        status: e.status,
                        count: e.count,
                        share: e.share,
                    })
                    .collect()
            })
            .unwrap_or_default(),
        );
    }
    let w = Writer {
        facts,
        seen,
        calls,
        stats: stats.is_some(),
        notes: notes.to_lowercase(),
    };
    let mut out: Vec<Entry> = Vec::new();
    out.extend(connection(&w));
    out.extend(rate_limit(&w));
    out.extend(grouped(&w, Cause::Permission));
    out.extend(grouped(&w, Cause::Payment));
    out.extend(not_found(&w));
    out.extend(actions(&w));
    out.extend(service_errors(&w));
    out.extend(pickers(&w));
    out.extend(webhooks(&w));
    out.extend(deprecations(&w));
    out.extend(limits(&w, &out));
    // The costliest first; entries without telemetry keep their order, after the others.
    out.sort_by_key(|e| std::cmp::Reverse(e.cost));
    let mut kept = Vec::new();
    let mut words = 0;
    for e in out {
        let n = e.words();
        if words > 0 && words + n > MAX_WORDS {
            continue;
        }
        words += n;
        kept.push(e);
    }
    let mut todos = 0;
    let mut out = Vec::new();
    for mut e in kept {
        if let Some(t) = e.todo.take() {
            let answered = t.keywords.iter().any(|k| w.notes.contains(k))
                && (t.about.is_empty() || t.about.iter().any(|a| w.notes.contains(a)));
            if answered && e.thin {
                continue;
            }
            if !answered && todos < MAX_TODOS {
                todos += 1;
                e.todo_md = Some(format!("<!-- TODO: {} -->", comment_text(&t.question)));
            }
        }
        e.text_md = sentence_starts(&e.text_md);
        out.push(e);
    }
    out
}

/// Capitalises a sentence that starts with "the older **…**".
fn sentence_starts(text: &str) -> String {
    let mut t = text.replace(". the older ", ". The older ");
    if let Some(rest) = t.strip_prefix("the older ") {
        t = format!("The older {rest}");
    }
    t
}

/// "a", "a and b", "a, b and c".
fn list(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

fn code(status: u16) -> String {
    format!("`{}`", knowledge::status_text(status))
}

/// `` `502 Bad Gateway` or `504 Gateway Timeout` ``, at most three.
fn codes(statuses: &[u16], or: &str) -> String {
    let mut s: Vec<u16> = statuses.to_vec();
    s.sort_unstable();
    s.dedup();
    s.truncate(3);
    list(&s.iter().map(|&x| code(x)).collect::<Vec<_>>(), or)
}

fn italic(label: &str) -> String {
    format!("*{}*", escape_inline(label))
}

/// A response description worked into a sentence about `subject` failing with `status`:
/// a clause becomes "… fails with `404 Not Found` when no ticket has this ID", anything
/// else follows a colon.
fn with_description(subject: &str, verb: &str, status: u16, said: &str) -> String {
    let said = said.split_whitespace().collect::<Vec<_>>().join(" ");
    let said = said.trim_end_matches(['.', ' ']);
    let lower = said.to_lowercase();
    for lead in [
        "returned when ",
        "returned if ",
        "occurs when ",
        "when ",
        "if ",
    ] {
        if lower.starts_with(lead) {
            let rest = &said[lead.len()..];
            let conj = if lead.ends_with("if ") { "if" } else { "when" };
            return format!(
                "{subject} {verb} with {} {conj} {}.",
                code(status),
                escape_inline(rest)
            );
        }
    }
    let first = knowledge::sentences(said)
        .into_iter()
        .next()
        .unwrap_or_default();
    let padded = format!(
        " {} ",
        first.to_lowercase().trim_end_matches(['.', ':', ';'])
    );
    let clause = [
        " is ",
        " are ",
        " was ",
        " were ",
        " has ",
        " have ",
        " had ",
        " does ",
        " do ",
        " did ",
        " exists ",
        " exist ",
        " cannot ",
        " can't ",
        " could ",
        " must ",
        " failed ",
        " fails ",
        " expired ",
        " reached ",
        " exceeded ",
        " isn't ",
        " aren't ",
        " doesn't ",
        " don't ",
        " changed ",
        " belongs ",
        " contains ",
    ]
    .iter()
    .any(|v| padded.contains(v));
    let imperative = [
        "check ", "please ", "try ", "use ", "make ", "ensure ", "verify ",
    ]
    .iter()
    .any(|v| lower.starts_with(v));
    if clause && !imperative {
        return format!(
            "{subject} {verb} with {} when {}.",
            code(status),
            escape_inline(&lower_first(said))
        );
    }
    format!(
        "{subject} {verb} with {}: {}.",
        code(status),
        escape_inline(&lower_first(said))
    )
}

/// Lower-cases the first letter unless the first word is an acronym or a name.
fn lower_first(s: &str) -> String {
    let first = s.split_whitespace().next().unwrap_or_default();
    let mut chars = first.chars();
    let keep = first.len() > 1
        && (chars.next().is_some_and(|c| !c.is_uppercase())
            || chars.any(|c| c.is_uppercase() || c.is_ascii_digit()));
    if keep || first == "I" {
        return s.to_string();
    }
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn verb(n: usize) -> &'static str {
    if n == 1 {
        "fails"
    } else {
        "fail"
    }
}

/// 401s anywhere, and the test connection's failures: the connection and how to mend it.
fn connection(w: &Writer) -> Option<Entry> {
    let mut cost = 0;
    let mut actions = false;
    let mut triggers = false;
    let mut creating: Vec<u16> = Vec::new();
    for (i, f) in w.facts.ops.iter().enumerate() {
        for s in w.seen_with(i, |c| c == Cause::Credentials) {
            cost += s.count;
            match f.role {
                Role::PollingTrigger | Role::WebhookTrigger => triggers = true,
                _ => actions = true,
            }
        }
        if f.test_connection {
            for s in w.seen_with(i, |c| matches!(c, Cause::Credentials | Cause::Permission)) {
                creating.push(s.status);
                cost += if knowledge::cause(s.status) == Some(Cause::Credentials) {
                    0
                } else {
                    s.count
                };
            }
        }
    }
    if cost == 0 && creating.is_empty() {
        return None;
    }
    let c = &w.facts.connection;
    let secret = c.secret();
    let secret_name = secret
        .map(|s| italic(&s.label))
        .unwrap_or_else(|| match c.auth {
            AuthKind::Basic => "password".into(),
            _ => "API key".into(),
        });
    let fresh = match secret.and_then(|s| s.url.as_deref()) {
        Some(url) => format!("create a new one at {}", escape_inline(url)),
        None => "create a new one".into(),
    };
    let who = match (actions, triggers) {
        (true, true) => "actions and triggers",
        (false, true) => "triggers",
        _ => "actions",
    };
    let remedy = match c.auth {
        AuthKind::OAuth2 => "the sign-in has expired or was revoked, for example after a password change: choose *Fix connection* on the connection and sign in again".to_string(),
        AuthKind::Basic
            if secret.is_none_or(|s| s.label.to_lowercase().contains("password")) =>
        {
            format!("the account's password has changed: edit the connection and enter the current {secret_name}")
        }
        AuthKind::None if secret.is_none() => {
            "the connection's credentials are no longer accepted: edit the connection or create a new one".to_string()
        }
        _ => format!("the {secret_name} was revoked or has expired: {fresh} and edit the connection"),
    };
    let mut text = String::from("**Connection.**");
    if !creating.is_empty() {
        let what = match secret {
            Some(_) => format!("the {secret_name} it is given"),
            None => "the credentials it is given".into(),
        };
        text.push_str(&format!(
            " Creating a connection fails with {} when {} does not accept {what}: copy it again, whole and without spaces.",
            codes(&creating, "or"),
            w.service()
        ));
    }
    if cost > 0 && (actions || triggers) {
        text.push_str(&format!(
            " If {who} start failing with {}, {remedy}.",
            code(401)
        ));
    }
    let mut e = Entry::new(Topic::Connection, text, cost);
    e.statuses = vec![401];
    Some(e)
}

/// 429s and the rate limits stated anywhere.
fn rate_limit(w: &Writer) -> Option<Entry> {
    let mut cost = 0;
    let mut actions = false;
    for (i, f) in w.facts.ops.iter().enumerate() {
        for s in w.seen_with(i, |c| c == Cause::Throttled) {
            cost += s.count;
            actions |= !f.is_trigger();
        }
    }
    let stated: Vec<&String> = w
        .facts
        .rate_limits
        .iter()
        .filter(|s| !w.noted(s))
        .take(2)
        .collect();
    if cost == 0 && stated.is_empty() {
        return None;
    }
    let mut text = String::from("**Rate limit.**");
    for s in &stated {
        text.push(' ');
        text.push_str(&escape_inline(s));
        if !s.ends_with(['.', '!', '?']) {
            text.push('.');
        }
    }
    let documented_429 = w
        .facts
        .ops
        .iter()
        .any(|f| f.op.responses.as_ref().is_some_and(|r| r.documents(429)));
    if stated.is_empty() {
        text.push_str(&format!(
            " {} limits how many calls it accepts in a short time; beyond that, calls fail with {}.",
            w.service(),
            code(429)
        ));
    } else if cost > 0 || documented_429 {
        text.push_str(&format!(" Calls beyond it fail with {}.", code(429)));
    }
    if actions || !w.stats {
        text.push_str(&format!(
            " Lower the concurrency of *Apply to each* loops that call {}, or add a *Delay* inside them.",
            w.service()
        ));
    }
    let mut e = Entry::new(Topic::RateLimit, text, cost);
    e.statuses = vec![429];
    e.thin = stated.is_empty();
    if cost > 0 && stated.is_empty() && w.facts.rate_limits.is_empty() {
        e.todo = Some(Todo {
            question: format!(
                "what is {} rate limit: how many calls per second or minute, per connection or per account?",
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
        });
    }
    Some(e)
}

/// Visible actions and triggers (not deprecated: those have their own topic).
fn in_use(f: &OpFacts) -> bool {
    f.visible() && !f.deprecated && f.role != Role::WebhookTrigger
}

/// One bullet for every action that fails for the same general reason (403, 402), unless
/// the definition describes that action's failure in its own words.
fn grouped(w: &Writer, cause: Cause) -> Option<Entry> {
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
    if ops.is_empty() {
        return None;
    }
    ops.sort_by_key(|&i| std::cmp::Reverse(w.cost(i, &statuses)));
    let names = w.names(&ops);
    let service = w.service();
    let (text, todo) = match cause {
        Cause::Permission => (
            format!(
                "{names} {} with {} when the account behind the connection is not allowed to do this in {service}.",
                verb(ops.len()),
                code(403)
            ),
            Some(Todo {
                question: format!(
                    "which {} permission or role does the account need for {}?",
                    w.facts.service,
                    list(
                        &ops.iter().take(3).map(|&i| w.facts.ops[i].plain_name()).collect::<Vec<_>>(),
                        "and"
                    )
                ),
                keywords: vec!["403", "permission", "role", "admin", "licen", "plan"],
                about: ops.iter().map(|&i| w.facts.ops[i].name.to_lowercase()).collect(),
            }),
        ),
        _ => (
            format!(
                "{names} {} with {} when the {service} account has no credit left, or its plan does not cover the request: check the balance and the plan in {service}.",
                verb(ops.len()),
                code(402)
            ),
            None,
        ),
    };
    let mut e = Entry::new(
        if cause == Cause::Permission {
            Topic::Permission
        } else {
            Topic::Payment
        },
        text,
        cost,
    );
    e.actions = ops.iter().map(|&i| w.facts.ops[i].plain_name()).collect();
    e.statuses = statuses;
    e.thin = todo.is_some();
    e.todo = todo;
    Some(e)
}

/// 404s of actions in use, one bullet, naming the fields that point to the item.
fn not_found(w: &Writer) -> Option<Entry> {
    let mut ops = Vec::new();
    let mut cost = 0;
    for (i, f) in w.facts.ops.iter().enumerate() {
        if !in_use(f) {
            continue;
        }
        for s in w.seen_with(i, |c| c == Cause::NotFound) {
            if f.said(s.status).is_some() {
                continue;
            }
            ops.push(i);
            cost += s.count;
        }
    }
    if ops.is_empty() {
        return None;
    }
    ops.sort_by_key(|&i| std::cmp::Reverse(w.cost(i, &[404])));
    let mut labels: Vec<String> = Vec::new();
    for &i in &ops {
        for f in w.facts.ops[i].fields.iter().filter(|f| f.in_path) {
            if !labels.contains(&f.label) {
                labels.push(f.label.clone());
            }
        }
    }
    labels.truncate(3);
    let names = w.names(&ops);
    let text = if labels.is_empty() {
        format!(
            "{names} {} with {} when what {} ask for was deleted, or the account behind the connection cannot see it.",
            verb(ops.len()),
            code(404),
            if ops.len() == 1 { "it" } else { "they" }
        )
    } else {
        let fields = list(&labels.iter().map(|l| italic(l)).collect::<Vec<_>>(), "or");
        format!(
            "{names} {} with {} when {fields} names an item that was deleted, or one the account behind the connection cannot see. Take such values from the output of an earlier action rather than typing them.",
            verb(ops.len()),
            code(404)
        )
    };
    let mut e = Entry::new(Topic::NotFound, text, cost);
    e.actions = ops.iter().map(|&i| w.facts.ops[i].plain_name()).collect();
    e.statuses = vec![404];
    Some(e)
}

/// What an action's own statuses say: its inputs, conflicts, sizes, and the failures the
/// definition describes in its own words.
fn actions(w: &Writer) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut unexplained_inputs: Vec<(usize, Seen)> = Vec::new();
    for (i, f) in w.facts.ops.iter().enumerate() {
        if !in_use(f) {
            continue;
        }
        let own = |c: Cause| {
            matches!(
                c,
                Cause::Input
                    | Cause::Conflict
                    | Cause::Changed
                    | Cause::TooLarge
                    | Cause::MediaType
                    | Cause::Locked
                    | Cause::Dependency
                    | Cause::Legal
                    | Cause::Gone
            )
        };
        let mut seen = w.seen_with(i, own);
        // Statuses of grouped topics that this action's definition explains itself.
        for s in w.seen_with(i, |c| {
            matches!(c, Cause::Permission | Cause::Payment | Cause::NotFound)
                || matches!(c, Cause::ServerFault | Cause::Timeout | Cause::Unavailable)
        }) {
            if f.said(s.status).is_some() {
                seen.push(s);
            }
        }
        if seen.is_empty() {
            continue;
        }
        seen.sort_by_key(|s| std::cmp::Reverse(s.count));
        // An input error about which the definition says nothing: grouped with the
        // other such actions below.
        let unexplained = seen.len() == 1
            && knowledge::cause(seen[0].status) == Some(Cause::Input)
            && f.said(seen[0].status).is_none()
            && !f.fields.iter().any(|x| x.query.is_some())
            && field_facts(&f.fields, 3).is_empty();
        if unexplained {
            unexplained_inputs.push((i, seen[0]));
            continue;
        }
        let (text, todo) = action_text(w, i, &seen);
        let mut e = Entry::new(Topic::Action, text, seen.iter().map(|s| s.count).sum());
        e.actions = vec![f.plain_name()];
        e.statuses = seen.iter().map(|s| s.status).collect();
        e.todo = todo;
        out.push(e);
    }
    out.extend(unexplained_input(w, &unexplained_inputs));
    if !w.stats {
        out.extend(documented(w));
    }
    out
}

/// Actions whose values the service rejects, where the definition says nothing about
/// what a valid value is: one bullet, and one question for the publisher.
fn unexplained_input(w: &Writer, found: &[(usize, Seen)]) -> Option<Entry> {
    if found.is_empty() {
        return None;
    }
    let mut found = found.to_vec();
    found.sort_by_key(|(_, s)| std::cmp::Reverse(s.count));
    let ops: Vec<usize> = found.iter().map(|(i, _)| *i).collect();
    let statuses: Vec<u16> = found.iter().map(|(_, s)| s.status).collect();
    let one = ops.len() == 1;
    let often = if one {
        Writer::often(found[0].1.share)
    } else {
        ""
    };
    let text = format!(
        "{} {often}{} with {} when {} does not accept one of {} values.",
        w.names(&ops),
        verb(ops.len()),
        codes(&statuses, "or"),
        w.service(),
        if one { "its" } else { "their" }
    );
    let names: Vec<String> = ops
        .iter()
        .take(3)
        .map(|&i| w.facts.ops[i].plain_name())
        .collect();
    let mut e = Entry::new(
        Topic::Action,
        text,
        found.iter().map(|(_, s)| s.count).sum(),
    );
    e.actions = ops.iter().map(|&i| w.facts.ops[i].plain_name()).collect();
    e.statuses = statuses;
    e.thin = true;
    e.todo = Some(Todo {
        question: format!(
            "which values of {} does {} reject most often, and what form must they have?",
            list(&names, "and"),
            w.facts.service
        ),
        keywords: vec![
            "400", "422", "format", "must be", "required", "invalid", "valid",
        ],
        about: ops
            .iter()
            .map(|&i| w.facts.ops[i].name.to_lowercase())
            .collect(),
    });
    Some(e)
}

/// Without statistics: the failures the definition itself describes, for up to three
/// actions makers meet first.
fn documented(w: &Writer) -> Vec<Entry> {
    let mut candidates: Vec<(usize, Vec<Seen>)> = w
        .facts
        .ops
        .iter()
        .enumerate()
        .filter(|(_, f)| in_use(f))
        .filter_map(|(i, f)| {
            let said: Vec<Seen> = f
                .says
                .iter()
                .filter(|(s, _)| {
                    knowledge::cause(*s).is_some_and(|c| {
                        !matches!(
                            c,
                            Cause::Credentials
                                | Cause::Throttled
                                | Cause::ConnectorFault
                                | Cause::ServerFault
                                | Cause::Timeout
                                | Cause::Unavailable
                        )
                    })
                })
                .map(|(s, _)| Seen {
                    status: *s,
                    count: 0,
                    share: 0.0,
                })
                .collect();
            (!said.is_empty()).then_some((i, said))
        })
        .collect();
    let rank = |i: usize| match w.facts.ops[i].op.visibility.as_deref() {
        Some(v) if v.eq_ignore_ascii_case("important") => 0,
        None => 1,
        _ => 2,
    };
    candidates.sort_by_key(|(i, _)| rank(*i));
    candidates
        .into_iter()
        .take(3)
        .map(|(i, seen)| {
            let (text, _) = action_text(w, i, &seen);
            let mut e = Entry::new(Topic::Action, text, 0);
            e.actions = vec![w.facts.ops[i].plain_name()];
            e.statuses = seen.iter().map(|s| s.status).collect();
            e
        })
        .collect()
}

/// The sentences of one action's entry.
fn action_text(w: &Writer, i: usize, seen: &[Seen]) -> (String, Option<Todo>) {
    let f = &w.facts.ops[i];
    let name = w.name(i);
    let service = w.service();
    let mut sentences: Vec<String> = Vec::new();
    let mut todo = None;
    // The action's name leads the first sentence; later ones say "It".
    let mut lead = Some(name.clone());
    let subject = |lead: &mut Option<String>| lead.take().unwrap_or_else(|| "It also".into());
    let mut facts_told = false;
    for s in seen {
        let cause = knowledge::cause(s.status).unwrap_or(Cause::Input);
        let often = Writer::often(s.share);
        if let Some(said) = f.said(s.status) {
            let subj = subject(&mut lead);
            sentences.push(with_description(
                &subj,
                &format!("{often}fails"),
                s.status,
                said,
            ));
            if cause == Cause::Input && !facts_told {
                facts_told = true;
                sentences.extend(field_facts(&f.fields, 3));
            }
            continue;
        }
        match cause {
            Cause::Input => {
                if let Some(q) = f.fields.iter().find(|x| x.query.is_some()) {
                    let lang = q.query.unwrap();
                    let subj = subject(&mut lead);
                    sentences.push(format!(
                        "{subj} {often}fails with {} when {service} rejects the {} in {}, for example a misspelled field name or a value that does not exist.",
                        code(s.status),
                        lang.name,
                        italic(&q.label)
                    ));
                    if let Some(a) = lang.advice {
                        sentences.push(a.to_string());
                    }
                    facts_told = true;
                    continue;
                }
                let facts = if facts_told {
                    Vec::new()
                } else {
                    field_facts(&f.fields, 3)
                };
                if !facts.is_empty() {
                    facts_told = true;
                    if sentences.is_empty() {
                        // "**Action.** *Start* must be … Other values fail with `400`."
                        let mut text = title(&name);
                        lead = None;
                        for x in &facts {
                            text.push(' ');
                            text.push_str(x);
                        }
                        text.push_str(&format!(" Other values fail with {}.", code(s.status)));
                        sentences.push(text);
                    } else {
                        let subj = subject(&mut lead);
                        sentences.push(format!(
                            "{subj} fails with {} when a value is not in the form {service} expects.",
                            code(s.status)
                        ));
                        sentences.extend(facts);
                    }
                } else {
                    let subj = subject(&mut lead);
                    sentences.push(format!(
                        "{subj} {often}fails with {} when {service} does not accept one of its values.",
                        code(s.status)
                    ));
                    todo.get_or_insert(Todo {
                        question: format!(
                            "which value of {} does {} reject most often, and what form must it have?",
                            f.name, w.facts.service
                        ),
                        keywords: vec![
                            "400", "422", "format", "must be", "required", "invalid", "valid",
                        ],
                        about: vec![f.name.to_lowercase()],
                    });
                }
            }
            Cause::Conflict => {
                let subj = subject(&mut lead);
                let when = match f.op.method {
                    "post" => format!("when the item already exists in {service}"),
                    "delete" => {
                        todo.get_or_insert(Todo {
                            question: format!(
                                "what state of the item makes {} fail with 409, and how do makers get out of it?",
                                f.name
                            ),
                            keywords: vec!["409", "conflict", "state", "in use"],
                            about: vec![f.name.to_lowercase()],
                        });
                        "when the item's current state does not allow it".to_string()
                    }
                    _ => {
                        "when someone changed the item at the same time: run the flow again".into()
                    }
                };
                sentences.push(format!(
                    "{subj} {often}fails with {} {when}.",
                    code(s.status)
                ));
            }
            Cause::Changed => {
                let subj = subject(&mut lead);
                sentences.push(format!(
                    "{subj} fails with {} when the item changed after it was read: get it again, then repeat the change.",
                    code(s.status)
                ));
            }
            Cause::TooLarge => {
                let subj = subject(&mut lead);
                let note = f.fields.iter().find_map(|x| x.size_note.as_deref());
                match note {
                    Some(n) => sentences.push(format!(
                        "{subj} fails with {} when the request is too large. {}",
                        code(s.status),
                        escape_inline(n)
                    )),
                    None => {
                        sentences.push(format!(
                            "{subj} fails with {} when the request is larger than {service} accepts.",
                            code(s.status)
                        ));
                        todo.get_or_insert(Todo {
                            question: format!(
                                "what is the largest file or request {} accepts?",
                                f.name
                            ),
                            keywords: vec!["413", "mb", "size", "large"],
                            about: vec![f.name.to_lowercase()],
                        });
                    }
                }
            }
            Cause::MediaType => {
                let subj = subject(&mut lead);
                sentences.push(format!(
                    "{subj} fails with {} when the file or content type is not one {service} accepts.",
                    code(s.status)
                ));
                todo.get_or_insert(Todo {
                    question: format!("which file or content types does {} accept?", f.name),
                    keywords: vec!["415", "type", "format"],
                    about: vec![f.name.to_lowercase()],
                });
            }
            Cause::Locked => {
                let subj = subject(&mut lead);
                sentences.push(format!(
                    "{subj} fails with {} while the item is locked in {service}, for example while someone edits it: try again later.",
                    code(s.status)
                ));
            }
            Cause::Dependency => {
                let subj = subject(&mut lead);
                sentences.push(format!(
                    "{subj} fails with {} when another part of the same request failed in {service}.",
                    code(s.status)
                ));
            }
            Cause::Legal => {
                let subj = subject(&mut lead);
                sentences.push(format!(
                    "{subj} fails with {} when {service} may not provide the item, for legal reasons.",
                    code(s.status)
                ));
            }
            Cause::Gone => {
                let subj = subject(&mut lead);
                sentences.push(format!(
                    "{subj} fails with {} when the item was removed for good.",
                    code(s.status)
                ));
            }
            _ => {}
        }
    }
    (sentences.join(" "), todo)
}

/// What the definition says a valid value of the likeliest fields is, one sentence per
/// fact, at most `max`.
fn field_facts(fields: &[Field], max: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut done: Vec<usize> = Vec::new();
    for (i, f) in fields.iter().enumerate() {
        if out.len() == max {
            break;
        }
        if done.contains(&i) || f.picked {
            continue;
        }
        if let Some(form) = &f.form {
            // Fields that share the form are named together.
            let same: Vec<usize> = fields
                .iter()
                .enumerate()
                .filter(|(j, g)| *j >= i && !g.picked && g.form.as_ref() == Some(form))
                .map(|(j, _)| j)
                .collect();
            let labels: Vec<String> = same.iter().map(|&j| italic(&fields[j].label)).collect();
            done.extend(&same);
            let example = form
                .example
                .as_deref()
                .map(|e| format!(", such as {}", super::markdown::code(e)))
                .unwrap_or_default();
            let what = escape_form(&form.text);
            out.push(format!(
                "{} must be {what}{example}.",
                subject_of(
                    &same
                        .iter()
                        .map(|&j| fields[j].label.as_str())
                        .collect::<Vec<_>>()
                ),
            ));
            let _ = labels;
            if let Some(max_text) = &f.max {
                out.push(format!(
                    "{} is {}.",
                    subject_of(&[&f.label]),
                    escape_inline(max_text)
                ));
            }
            continue;
        }
        if let Some(max_text) = &f.max {
            done.push(i);
            out.push(format!(
                "{} is {}.",
                subject_of(&[&f.label]),
                escape_inline(max_text)
            ));
            continue;
        }
    }
    if out.is_empty() {
        for f in fields.iter().filter(|f| !f.choices.is_empty() && !f.picked) {
            if out.len() == max.min(2) {
                break;
            }
            let shown: Vec<String> = f
                .choices
                .iter()
                .take(6)
                .map(|c| super::markdown::code(c))
                .collect();
            if f.choices.len() > 6 {
                continue;
            }
            out.push(format!(
                "{} takes {}.",
                subject_of(&[&f.label]),
                list(&shown, "or")
            ));
        }
    }
    out
}

/// Field labels as the subject of a sentence: "*Start* and *End*", or "The *note*
/// field" when a label starts in lower case (it is the raw name makers see).
fn subject_of(labels: &[&str]) -> String {
    let named = list(&labels.iter().map(|l| italic(l)).collect::<Vec<_>>(), "and");
    if labels
        .first()
        .is_some_and(|l| l.starts_with(|c: char| !c.is_uppercase()))
    {
        let noun = if labels.len() == 1 { "field" } else { "fields" };
        format!("The {named} {noun}")
    } else {
        named
    }
}

/// A form's text, with a format token shown as code: "a date in the form `YYYY-MM-DD`".
fn escape_form(text: &str) -> String {
    match text.split_once(" in the form ") {
        Some((what, token)) => format!(
            "{} in the form {}",
            escape_inline(what),
            super::markdown::code(token)
        ),
        None => match text.split_once("text that matches ") {
            Some((_, pattern)) => format!("text that matches {}", super::markdown::code(pattern)),
            None => escape_inline(text),
        },
    }
}

/// 5xx and timeouts of actions in use: one bullet.
fn service_errors(w: &Writer) -> Option<Entry> {
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
        "{} sometimes {} with {} {why}. The default retry policy of an action retries such failures; leave it on.",
        w.names(&ops),
        verb(ops.len()),
        codes(&statuses, "or"),
    );
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
    e.actions = ops.iter().map(|&i| w.facts.ops[i].plain_name()).collect();
    statuses.sort_unstable();
    statuses.dedup();
    e.statuses = statuses;
    Some(e)
}

/// Internal operations behind pickers and dynamic fields, through the action they serve.
fn pickers(w: &Writer) -> Vec<Entry> {
    let mut out = Vec::new();
    let service = w.service();
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
        let user_names: Vec<String> = {
            let mut v: Vec<usize> = users.iter().map(|u| u.user()).collect();
            v.dedup();
            v.into_iter().map(|u| w.name(u)).collect()
        };
        let of = list(&user_names, "and");
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
                    format!("{} list of {of}", capital(&field))
                };
                (
                    format!("{label} sometimes does not load"),
                    if slow {
                        "select the field again, or enter the value as a custom value".to_string()
                    } else {
                        "check the fields it depends on, then select it again".to_string()
                    },
                )
            }
            Feed::Fields { depends_on, .. } => (
                format!("The fields of {of} sometimes do not load"),
                if depends_on.is_empty() {
                    "select the action's first fields again".to_string()
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
                format!("The outputs of {of} sometimes do not load in later steps"),
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
        let text = format!("{what} ({}) {why}: {remedy}.", codes(&statuses, "or"));
        let mut e = Entry::new(Topic::Pickers, text, seen.iter().map(|s| s.count).sum());
        e.actions = users
            .iter()
            .map(|u| w.facts.ops[u.user()].name.clone())
            .collect();
        e.statuses = statuses;
        out.push(e);
    }
    out
}

/// A bold name as the title of a bullet: "**List orders.**".
fn title(name: &str) -> String {
    match name.strip_suffix("**") {
        Some(inner) if inner.starts_with("**") => format!("{inner}.**"),
        _ => format!("{name}."),
    }
}

/// The sentence with a full stop at its end.
fn terminated(s: &str) -> String {
    if s.ends_with(['.', '!', '?']) {
        s.to_string()
    } else {
        format!("{s}.")
    }
}

/// "JIRA's", "Contoso Tickets'".
fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Webhook triggers: registering when a flow is saved, removing when it is turned off.
fn webhooks(w: &Writer) -> Vec<Entry> {
    let mut out = Vec::new();
    let service = w.service();
    for (i, f) in w.facts.ops.iter().enumerate() {
        if f.role != Role::WebhookTrigger || f.internal {
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
        let mut sentences = Vec::new();
        let mut todo = None;
        for s in &seen {
            let cause = knowledge::cause(s.status).unwrap_or(Cause::Input);
            let subject = format!("Saving a flow that starts with {}", w.name(i));
            if let Some(said) = f.said(s.status) {
                sentences.push(with_description(&subject, "fails", s.status, said));
                continue;
            }
            let why = match cause {
                Cause::Permission => {
                    format!("when the account behind the connection may not create webhooks in {service}")
                }
                Cause::Input => format!("when {service} does not accept the trigger's settings"),
                Cause::Conflict => {
                    todo.get_or_insert(Todo {
                        question: format!(
                            "when does {} refuse to register {} as a duplicate, and how do makers clear it?",
                            w.facts.service, f.name
                        ),
                        keywords: vec!["409", "webhook", "duplicate", "already"],
                        about: vec![f.name.to_lowercase()],
                    });
                    format!("when {service} already has a webhook it considers the same")
                }
                Cause::NotFound => "when what the trigger watches no longer exists".to_string(),
                Cause::Timeout | Cause::Unavailable | Cause::ServerFault => {
                    format!("when {service} is slow or unavailable: save the flow again later")
                }
                _ => format!("when {service} refuses the webhook"),
            };
            sentences.push(format!("{subject} fails with {} {why}.", code(s.status)));
        }
        if !f.fields.is_empty()
            && seen
                .iter()
                .any(|s| knowledge::cause(s.status) == Some(Cause::Input))
        {
            sentences.extend(field_facts(&f.fields, 2));
        }
        let mut e = Entry::new(
            Topic::Webhooks,
            sentences.join(" "),
            seen.iter().map(|s| s.count).sum(),
        );
        e.actions = vec![f.name.clone()];
        e.statuses = seen.iter().map(|s| s.status).collect();
        e.todo = todo;
        out.push(e);
    }
    // Removing a webhook: failures leave it behind.
    for (i, f) in w.facts.ops.iter().enumerate() {
        if f.role != Role::WebhookDeletion {
            continue;
        }
        let seen: Vec<Seen> = w
            .seen_with(i, |c| {
                !matches!(c, Cause::NotFound | Cause::Gone | Cause::Credentials)
            })
            .into_iter()
            .collect();
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

/// Deprecated actions makers still have: what replaces them, and which break now.
fn deprecations(w: &Writer) -> Option<Entry> {
    let ops = &w.facts.ops;
    let mut broken: Vec<String> = Vec::new();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut alone: Vec<usize> = Vec::new();
    let mut cost = 0;
    let mut todo = None;
    for (i, f) in ops.iter().enumerate() {
        if !f.deprecated || f.internal {
            continue;
        }
        if w.stats && w.calls[i] == 0 {
            continue;
        }
        let successor = crate::rules::deprecation::successor(w.facts.operations, f.op)
            .and_then(|s| s.operation)
            .and_then(|o| ops.iter().position(|x| x.op.pointer == o.pointer))
            .or_else(|| super::facts::described_successor(ops, i))
            .filter(|&j| ops[j].visible() && !ops[j].deprecated);
        let failing: Option<Seen> = w.seen[i]
            .iter()
            .filter(|s| matches!(s.status, 404 | 410) || s.share >= 0.2)
            .max_by_key(|s| s.count)
            .copied();
        if let Some(s) = failing {
            cost += w.seen[i].iter().map(|s| s.count).sum::<u64>();
            let often = Writer::often(s.share);
            match successor {
                Some(j) => broken.push(format!(
                    "{} {often}fails with {}: flows that use it break now; replace it with {}.",
                    w.name(i),
                    code(s.status),
                    w.name(j)
                )),
                None => {
                    broken.push(format!(
                        "{} {often}fails with {}: flows that use it break now.",
                        w.name(i),
                        code(s.status)
                    ));
                    todo.get_or_insert(Todo {
                        question: format!("which action replaces {}?", f.name),
                        keywords: vec!["replace", "instead", "use the"],
                        about: vec![f.name.to_lowercase()],
                    });
                }
            }
            continue;
        }
        match successor {
            Some(j) => pairs.push((i, j)),
            None => alone.push(i),
        }
    }
    if broken.is_empty() && pairs.is_empty() && alone.is_empty() {
        return None;
    }
    let marked = |i: usize| ops[i].name.to_lowercase().contains("(deprecated)");
    let unmarked = |i: usize| {
        let n = &ops[i].name;
        let l = n.to_lowercase();
        match l.find("(deprecated)") {
            Some(at) => format!("{}{}", &n[..at], &n[at + "(deprecated)".len()..])
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            None => n.clone(),
        }
    };
    let mut sentences = broken;
    if !pairs.is_empty() {
        let all_marked = pairs.iter().all(|&(i, _)| marked(i));
        let same_names = pairs
            .iter()
            .all(|&(i, j)| unmarked(i).eq_ignore_ascii_case(&ops[j].name));
        let olds: Vec<usize> = pairs.iter().map(|&(i, _)| i).collect();
        let them = if olds.len() == 1 { "it" } else { "them" };
        let mut s = String::new();
        if !all_marked {
            s.push_str(&format!(
                "{} {} deprecated. ",
                w.names(&olds),
                if olds.len() == 1 { "is" } else { "are" }
            ));
            s.push_str(&format!(
                "Flows that use {them} keep running; when you edit such a flow, "
            ));
        } else {
            s.push_str(&format!(
                "Flows that use {} keep running; when you edit such a flow, ",
                list(&olds.iter().map(|&i| w.name(i)).collect::<Vec<_>>(), "or")
            ));
        }
        if same_names && olds.len() > 1 {
            s.push_str("replace each with the action of the same name without “(deprecated)”.");
        } else if olds.len() == 1 {
            s.push_str(&format!("replace {them} with {}.", w.name(pairs[0].1)));
        } else {
            let replacements: Vec<String> = pairs
                .iter()
                .map(|&(i, j)| format!("{} with {}", w.name(i), w.name(j)))
                .collect();
            s.push_str(&format!("replace {}.", list(&replacements, "and")));
        }
        sentences.push(s);
    }
    if !alone.is_empty() {
        let (marked_alone, unmarked_alone): (Vec<usize>, Vec<usize>) =
            alone.iter().copied().partition(|&i| marked(i));
        if !unmarked_alone.is_empty() {
            sentences.push(format!(
                "{} {} deprecated and still {} in existing flows.",
                w.names(&unmarked_alone),
                if unmarked_alone.len() == 1 {
                    "is"
                } else {
                    "are"
                },
                if unmarked_alone.len() == 1 {
                    "runs"
                } else {
                    "run"
                }
            ));
        }
        if !marked_alone.is_empty() {
            let one = marked_alone.len() == 1;
            sentences.push(format!(
                "{} still {} in existing flows, but the designer no longer offers {}.",
                w.names(&marked_alone),
                if one { "runs" } else { "run" },
                if one { "it" } else { "them" }
            ));
        }
        if w.stats {
            if let Some(&i) = alone.first() {
                todo.get_or_insert(Todo {
                    question: format!("which action replaces {}, if any?", ops[i].name),
                    keywords: vec!["replace", "instead", "use the"],
                    about: vec![ops[i].name.to_lowercase()],
                });
            }
        }
    }
    if sentences.is_empty() {
        return None;
    }
    let mut e = Entry::new(Topic::Deprecations, sentences.join(" "), cost);
    e.actions = pairs
        .iter()
        .map(|&(i, _)| ops[i].plain_name())
        .chain(alone.iter().map(|&i| ops[i].plain_name()))
        .collect();
    e.todo = todo;
    Some(e)
}

/// Paging, the limits of fields not named elsewhere, and limits the connector's texts
/// state.
fn limits(w: &Writer, so_far: &[Entry]) -> Option<Entry> {
    let ops = &w.facts.ops;
    let mut sentences = Vec::new();
    let paged: Vec<usize> = (0..ops.len())
        .filter(|&i| in_use(&ops[i]) && ops[i].pageable)
        .collect();
    let paged: Vec<usize> = paged
        .into_iter()
        .filter(|&i| {
            !(w.notes.contains("paginat") || w.notes.contains("paging"))
                || !w.notes.contains(&ops[i].name.to_lowercase())
        })
        .collect();
    if !paged.is_empty() {
        let shown: Vec<String> = paged.iter().take(3).map(|&i| w.name(i)).collect();
        let names = if paged.len() > 3 {
            format!("{} and {} other actions", shown.join(", "), paged.len() - 3)
        } else {
            list(&shown, "and")
        };
        sentences.push(format!(
            "{names} {} results in pages: to get more than the first page, turn on *Pagination* in the action's settings.",
            if paged.len() == 1 { "returns" } else { "return" }
        ));
    }
    let named: Vec<&String> = so_far.iter().flat_map(|e| &e.actions).collect();
    let mut field_limits = 0;
    for (i, f) in ops.iter().enumerate() {
        if field_limits == 3 {
            break;
        }
        if !in_use(f) || named.contains(&&f.name) {
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
    // What the actions' descriptions state, unless an entry already quoted it.
    let quoted: String = so_far.iter().map(|e| e.text_md.as_str()).collect();
    let mut op_limits = 0;
    for (i, f) in ops.iter().enumerate() {
        if !in_use(f) || op_limits == 2 {
            continue;
        }
        for s in &f.stated_limits {
            let t = escape_inline(s);
            if op_limits == 2 || quoted.contains(t.trim_end_matches('.')) || w.noted(s) {
                continue;
            }
            sentences.push(format!("{}: {}", w.name(i), terminated(&lower_first(&t))));
            op_limits += 1;
        }
    }
    for s in w.facts.stated_limits.iter().filter(|s| !w.noted(s)).take(2) {
        sentences.push(terminated(&escape_inline(s)));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_are_worked_into_the_sentence() {
        assert_eq!(
            with_description(
                "**Get a ticket**",
                "fails",
                404,
                "No ticket has this identifier."
            ),
            "**Get a ticket** fails with `404 Not Found` when no ticket has this identifier."
        );
        assert_eq!(
            with_description(
                "**A**",
                "fails",
                400,
                "Returned when the date is in the past"
            ),
            "**A** fails with `400 Bad Request` when the date is in the past."
        );
        assert_eq!(
            with_description("**A**", "fails", 409, "SKU already exists."),
            "**A** fails with `409 Conflict` when SKU already exists."
        );
        assert_eq!(
            with_description("**A**", "fails", 400, "The filter is not valid: check the status value."),
            "**A** fails with `400 Bad Request` when the filter is not valid: check the status value."
        );
        assert_eq!(
            with_description("**A**", "fails", 400, "Invalid request body"),
            "**A** fails with `400 Bad Request`: invalid request body."
        );
        assert_eq!(possessive("JIRA"), "JIRA's");
        assert_eq!(possessive("Contoso Tickets"), "Contoso Tickets'");
    }

    #[test]
    fn lists() {
        assert_eq!(list(&["a".into()], "and"), "a");
        assert_eq!(
            list(&["a".into(), "b".into(), "c".into()], "or"),
            "a, b or c"
        );
    }
}
