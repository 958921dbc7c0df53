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
    /// At most `max` names, then "and N other actions".
    fn names_capped(&self, ops: &[usize], max: usize) -> String {
        if ops.len() <= max {
            return self.names(ops);
        }
        let shown: Vec<String> = ops[..max - 1].iter().map(|&i| self.name(i)).collect();
        format!(
            "{} and {} other actions",
            shown.join(", "),
            ops.len() - (max - 1)
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
/// a clause becomes "… fails with `404 Not Found` when no ticket has this ID", a list of
/// causes ("Returned if: * … * …") becomes "if …, or …", anything else follows a colon.
/// At most two sentences of the description are kept.
fn with_description(subject: &str, verb: &str, status: u16, said: &str) -> String {
    let said = said.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut rest = said.trim().trim_end_matches(['.', ' ']).to_string();
    let mut conj = None;
    for (lead, c) in [
        ("returned when", "when"),
        ("returned if", "if"),
        ("occurs when", "when"),
        ("happens when", "when"),
        ("when", "when"),
        ("if", "if"),
    ] {
        let lower = rest.to_lowercase();
        if lower.starts_with(lead) && rest[lead.len()..].starts_with([' ', ':']) {
            rest = rest[lead.len()..]
                .trim_start_matches([' ', ':'])
                .to_string();
            conj = Some(c);
            break;
        }
    }
    // "* a. * b." or "- a - b": a list of causes.
    let items: Vec<String> = rest
        .split(" * ")
        .flat_map(|p| p.split(" - "))
        .map(|p| {
            p.trim_start_matches(['*', '-', ' '])
                .trim()
                .trim_end_matches(['.', ';', ' '])
                .to_string()
        })
        .filter(|p| !p.is_empty())
        .collect();
    let listed = rest.trim_start().starts_with(['*', '-'])
        || items.len() > 1 && (rest.contains(" * ") || rest.contains(". - "));
    if listed && items.len() > 1 {
        let shown: Vec<String> = items
            .iter()
            .take(3)
            .map(|i| escape_inline(&lower_first(i)))
            .collect();
        let clause = list(&shown, "or");
        return format!(
            "{subject} {verb} with {} {} {clause}.",
            code(status),
            conj.unwrap_or("when")
        );
    }
    let sentences = knowledge::sentences(&rest);
    // "Returned if a. B. C.": each sentence is one more cause.
    if conj.is_some() && sentences.len() > 1 {
        let shown: Vec<String> = sentences
            .iter()
            .take(3)
            .map(|s| escape_inline(&lower_first(s.trim_end_matches(['.', ';']))))
            .collect();
        return format!(
            "{subject} {verb} with {} {} {}.",
            code(status),
            conj.unwrap_or("when"),
            list(&shown, "or")
        );
    }
    let first = sentences.first().cloned().unwrap_or_default();
    let first = first.trim_end_matches(['.', ':', ';']);
    let more: Vec<String> = sentences
        .iter()
        .skip(1)
        .take(1)
        .map(|s| terminated(&escape_inline(s)))
        .collect();
    let tail = if more.is_empty() {
        String::new()
    } else {
        format!(" {}", more.join(" "))
    };
    if let Some(c) = conj {
        return format!(
            "{subject} {verb} with {} {c} {}.{tail}",
            code(status),
            escape_inline(&lower_first(first))
        );
    }
    let padded = format!(" {} ", first.to_lowercase());
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
        "check ", "please ", "try ", "use ", "make ", "ensure ", "verify ", "this ", "it ",
        "that ", "these ",
    ]
    .iter()
    .any(|v| first.to_lowercase().starts_with(v));
    let joint = if clause && !imperative { " when" } else { ":" };
    format!(
        "{subject} {verb} with {}{joint} {}.{tail}",
        code(status),
        escape_inline(&lower_first(first))
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
    let mut stated: Vec<String> = w
        .facts
        .rate_limits
        .iter()
        .filter(|s| !w.noted(s))
        .take(2)
        .map(|s| escape_inline(s))
        .collect();
    // The limits an action's own description states.
    for (i, f) in w.facts.ops.iter().enumerate() {
        for s in f
            .stated_limits
            .iter()
            .filter(|s| knowledge::is_rate_sentence(s))
        {
            let t = escape_inline(s);
            if stated.len() < 2
                && in_use(f)
                && !w.noted(s)
                && !stated.iter().any(|x| x.eq_ignore_ascii_case(&t))
            {
                stated.push(format!("{}: {}", w.name(i), lower_first(&t)));
            }
        }
    }
    if cost == 0 && stated.is_empty() {
        return None;
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

/// What an action's own statuses say (its inputs, conflicts, sizes, and the failures
/// the definition describes in its own words), one bullet per cause: actions that fail
/// for the same reason share it.
fn actions(w: &Writer) -> Vec<Entry> {
    let mut clauses = Vec::new();
    if w.stats {
        for (i, f) in w.facts.ops.iter().enumerate() {
            if !in_use(f) {
                continue;
            }
            for s in &w.seen[i] {
                let Some(cause) = knowledge::cause(s.status) else {
                    continue;
                };
                let own = matches!(
                    cause,
                    Cause::Input
                        | Cause::Conflict
                        | Cause::Changed
                        | Cause::TooLarge
                        | Cause::MediaType
                        | Cause::Locked
                        | Cause::Dependency
                        | Cause::Legal
                        | Cause::Gone
                );
                // Statuses of the grouped topics go here when the definition explains
                // them for this action.
                let explained = matches!(
                    cause,
                    Cause::Permission
                        | Cause::Payment
                        | Cause::NotFound
                        | Cause::ServerFault
                        | Cause::Timeout
                        | Cause::Unavailable
                ) && f.said(s.status).is_some();
                if own || explained {
                    clauses.push(clause(w, i, *s));
                }
            }
        }
    } else {
        // Without statistics: the failures the definition describes, for the three
        // actions makers meet first.
        let mut ops: Vec<usize> = (0..w.facts.ops.len())
            .filter(|&i| in_use(&w.facts.ops[i]))
            .filter(|&i| w.facts.ops[i].says.iter().any(|(s, _)| documentable(*s)))
            .collect();
        let rank = |i: usize| match w.facts.ops[i].op.visibility.as_deref() {
            Some(v) if v.eq_ignore_ascii_case("important") => 0,
            None => 1,
            _ => 2,
        };
        ops.sort_by_key(|&i| rank(i));
        let mut bullets = 0;
        for &i in &ops {
            let n = w.facts.ops[i]
                .says
                .iter()
                .filter(|(s, _)| documentable(*s))
                .count();
            if bullets > 0 && bullets + n > 4 {
                continue;
            }
            bullets += n;
            for (status, _) in &w.facts.ops[i].says {
                if documentable(*status) {
                    let seen = Seen {
                        status: *status,
                        count: 0,
                        share: 0.0,
                    };
                    clauses.push(clause(w, i, seen));
                }
            }
        }
    }
    group_clauses(w, clauses)
}

/// Whether a status the definition describes is worth a bullet without statistics.
fn documentable(status: u16) -> bool {
    knowledge::cause(status).is_some_and(|c| {
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
}

/// One action's status, before grouping.
struct Clause {
    op: usize,
    seen: Seen,
    kind: ClauseKind,
}

enum ClauseKind {
    /// The definition's own description of the status.
    Said(String),
    /// The status of an action whose query (JQL, OData, …) the service rejected.
    Query {
        label: String,
        lang: &'static knowledge::QueryLanguage,
    },
    /// What the definition says a valid value is.
    Facts(Vec<Fact>),
    /// A rejected value, and nothing said about what a valid one is.
    Unexplained,
    /// A reason that follows from the status, and the publisher's question if any.
    Reason(String, Option<Ask>),
}

/// Questions for the publisher about a group of actions.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ask {
    Size,
    MediaType,
    StateConflict,
}

/// Whether an operation creates an item: its name says so, or it posts to a collection.
fn creates(f: &OpFacts) -> bool {
    let name =
        f.op.operation_id
            .as_deref()
            .unwrap_or_default()
            .to_lowercase();
    let summary = f.name.to_lowercase();
    let verbs = [
        "create", "add", "new", "insert", "register", "upload", "post",
    ];
    let named = verbs
        .iter()
        .any(|v| name.starts_with(v) || summary.starts_with(v));
    let acts = [
        "send", "void", "cancel", "approve", "close", "start", "stop", "move", "archive",
        "publish", "submit", "complete", "resend", "assign",
    ];
    let acting = acts
        .iter()
        .any(|v| name.starts_with(v) || summary.starts_with(v));
    named || (!acting && !f.op.path.trim_end_matches('/').ends_with('}'))
}

fn clause(w: &Writer, i: usize, s: Seen) -> Clause {
    let f = &w.facts.ops[i];
    let service = w.service();
    let cause = knowledge::cause(s.status).unwrap_or(Cause::Input);
    let kind = if let Some(said) = f.said(s.status) {
        ClauseKind::Said(said.split_whitespace().collect::<Vec<_>>().join(" "))
    } else {
        match cause {
            Cause::Input => {
                if let Some(q) = f.fields.iter().find(|x| x.query.is_some()) {
                    ClauseKind::Query {
                        label: q.label.clone(),
                        lang: q.query.unwrap_or(&knowledge::SQL),
                    }
                } else {
                    let facts = field_facts(&f.fields, 3);
                    if facts.is_empty() {
                        ClauseKind::Unexplained
                    } else {
                        ClauseKind::Facts(facts)
                    }
                }
            }
            Cause::Conflict => match f.op.method {
                "post" if creates(f) => {
                    ClauseKind::Reason(format!("when the item already exists in {service}"), None)
                }
                "put" | "patch" => ClauseKind::Reason(
                    "when someone changed the item at the same time: run the flow again".into(),
                    None,
                ),
                _ => ClauseKind::Reason(
                    "when the item's current state does not allow it".into(),
                    Some(Ask::StateConflict),
                ),
            },
            Cause::Changed => ClauseKind::Reason(
                "when the item changed after it was read: get it again, then repeat the change".into(),
                None,
            ),
            Cause::TooLarge => match f.fields.iter().find_map(|x| x.size_note.as_deref()) {
                Some(note) => ClauseKind::Reason(
                    format!("when the request is too large. {}", terminated(&escape_inline(note)).trim_end_matches('.')),
                    None,
                ),
                None => ClauseKind::Reason(
                    format!("when the request is larger than {service} accepts"),
                    Some(Ask::Size),
                ),
            },
            Cause::MediaType => ClauseKind::Reason(
                format!("when the file or content type is not one {service} accepts"),
                Some(Ask::MediaType),
            ),
            Cause::Locked => ClauseKind::Reason(
                format!("while the item is locked in {service}, for example while someone edits it: try again later"),
                None,
            ),
            Cause::Dependency => ClauseKind::Reason(
                format!("when another part of the same request failed in {service}"),
                None,
            ),
            Cause::Legal => ClauseKind::Reason(
                format!("when {service} may not provide the item, for legal reasons"),
                None,
            ),
            _ => ClauseKind::Reason("when the item was removed for good".into(), None),
        }
    };
    Clause {
        op: i,
        seen: s,
        kind,
    }
}

/// The bullets of the clauses: one per cause, naming every action it applies to.
fn group_clauses(w: &Writer, clauses: Vec<Clause>) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut with_facts: Vec<(usize, Seen, Vec<Fact>)> = Vec::new();
    let mut unexplained: Vec<(usize, Seen)> = Vec::new();
    // Clauses with equal keys share a bullet: (key, the actions and their statuses, the
    // first clause).
    type Keyed = (String, Vec<(usize, Seen)>, Clause);
    let mut keyed: Vec<Keyed> = Vec::new();
    for c in clauses {
        let key = match &c.kind {
            ClauseKind::Facts(facts) => {
                with_facts.push((c.op, c.seen, facts.clone()));
                continue;
            }
            ClauseKind::Unexplained => {
                unexplained.push((c.op, c.seen));
                continue;
            }
            ClauseKind::Said(d) => format!("said {} {}", c.seen.status, d.to_lowercase()),
            ClauseKind::Query { label, lang } => {
                format!("query {} {label} {}", c.seen.status, lang.name)
            }
            ClauseKind::Reason(why, _) => format!("reason {} {why}", c.seen.status),
        };
        match keyed.iter_mut().find(|k| k.0 == key) {
            Some(k) => k.1.push((c.op, c.seen)),
            None => keyed.push((key, vec![(c.op, c.seen)], c)),
        }
    }
    let service = w.service();
    for (_, mut members, c) in keyed {
        members.sort_by_key(|(_, s)| std::cmp::Reverse(s.count));
        let ops: Vec<usize> = members.iter().map(|(i, _)| *i).collect();
        let status = c.seen.status;
        let often = if ops.len() == 1 {
            Writer::often(members[0].1.share)
        } else {
            ""
        };
        let names = w.names_capped(&ops, 5);
        let verb = format!("{often}{}", verb(ops.len()));
        let plain: Vec<String> = ops.iter().map(|&i| w.facts.ops[i].plain_name()).collect();
        let mut todo = None;
        let text = match &c.kind {
            ClauseKind::Said(said) => {
                let mut text = with_description(&names, &verb, status, said);
                if knowledge::cause(status) == Some(Cause::Input) {
                    // What the definition says a valid value is, where all share it.
                    let facts = field_facts(&w.facts.ops[ops[0]].fields, 3);
                    for f in facts.iter().filter(|f| {
                        ops.iter()
                            .all(|&i| field_facts(&w.facts.ops[i].fields, 3).contains(f))
                    }) {
                        text.push(' ');
                        text.push_str(&f.text);
                    }
                }
                text
            }
            ClauseKind::Query { label, lang } => {
                let mut text = format!(
                    "{names} {verb} with {} when {service} rejects the {} in {}, for example a misspelled field name or a value that does not exist.",
                    code(status),
                    lang.name,
                    italic(label)
                );
                if let Some(a) = lang.advice {
                    text.push(' ');
                    text.push_str(a);
                }
                text
            }
            ClauseKind::Reason(why, ask) => {
                let they = list(&plain.iter().take(3).cloned().collect::<Vec<_>>(), "and");
                let plural = ops.len() > 1;
                todo = ask.map(|a| match a {
                    Ask::Size => Todo {
                        question: format!(
                            "what is the largest file or request {they} {}?",
                            if plural { "accept" } else { "accepts" }
                        ),
                        keywords: vec!["413", "mb", "size", "large"],
                        about: plain.iter().map(|n| n.to_lowercase()).collect(),
                    },
                    Ask::MediaType => Todo {
                        question: format!(
                            "which file or content types {} {they} accept?",
                            if plural { "do" } else { "does" }
                        ),
                        keywords: vec!["415", "type", "format"],
                        about: plain.iter().map(|n| n.to_lowercase()).collect(),
                    },
                    Ask::StateConflict => Todo {
                        question: format!(
                            "what state of the item makes {they} fail with 409, and how do makers get out of it?"
                        ),
                        keywords: vec!["409", "conflict", "state", "in use"],
                        about: plain.iter().map(|n| n.to_lowercase()).collect(),
                    },
                });
                format!("{names} {verb} with {} {why}.", code(status))
            }
            ClauseKind::Facts(_) | ClauseKind::Unexplained => continue,
        };
        let mut e = Entry::new(
            Topic::Action,
            text,
            members.iter().map(|(_, s)| s.count).sum(),
        );
        e.actions = plain;
        e.statuses = vec![status];
        e.todo = todo;
        out.push(e);
    }
    out.extend(fact_groups(w, &with_facts));
    out.extend(unexplained_input(w, &unexplained));
    out
}

/// Actions whose input errors the definition explains with the same fields' facts
/// (shared date formats, page sizes): one bullet per set of actions that share a fact,
/// each fact said once.
fn fact_groups(w: &Writer, found: &[(usize, Seen, Vec<Fact>)]) -> Vec<Entry> {
    // Union-find over shared fact sentences.
    let mut group: Vec<usize> = (0..found.len()).collect();
    fn root(g: &mut [usize], mut x: usize) -> usize {
        while g[x] != x {
            g[x] = g[g[x]];
            x = g[x];
        }
        x
    }
    for a in 0..found.len() {
        for b in a + 1..found.len() {
            if found[a].2.iter().any(|f| found[b].2.contains(f)) {
                let (ra, rb) = (root(&mut group, a), root(&mut group, b));
                group[rb] = ra;
            }
        }
    }
    let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for k in 0..found.len() {
        let r = root(&mut group, k);
        by_root.entry(r).or_default().push(k);
    }
    let mut out = Vec::new();
    for members in by_root.into_values() {
        let mut members = members;
        members.sort_by_key(|&k| std::cmp::Reverse(found[k].1.count));
        let mut ops: Vec<usize> = Vec::new();
        for &k in &members {
            if !ops.contains(&found[k].0) {
                ops.push(found[k].0);
            }
        }
        let mut facts: Vec<&Fact> = Vec::new();
        for &k in &members {
            for f in &found[k].2 {
                if !facts.contains(&f) && facts.len() < 4 {
                    facts.push(f);
                }
            }
        }
        let statuses: Vec<u16> = members.iter().map(|&k| found[k].1.status).collect();
        let lead = if ops.len() == 1 {
            title(&w.name(ops[0]))
        } else {
            format!("{}:", w.names_capped(&ops, 5))
        };
        let text = format!("{lead} {}", with_otherwise(&facts, &statuses));
        let mut e = Entry::new(
            Topic::Action,
            text,
            members.iter().map(|&k| found[k].1.count).sum(),
        );
        e.actions = ops.iter().map(|&i| w.facts.ops[i].plain_name()).collect();
        e.statuses = statuses;
        out.push(e);
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
    let mut ops: Vec<usize> = Vec::new();
    for (i, _) in &found {
        if !ops.contains(i) {
            ops.push(*i);
        }
    }
    let statuses: Vec<u16> = found.iter().map(|(_, s)| s.status).collect();
    let one = ops.len() == 1;
    let often = if one {
        Writer::often(found[0].1.share)
    } else {
        ""
    };
    let text = format!(
        "{} {often}{} with {} when {} does not accept one of {} values.",
        w.names_capped(&ops, 5),
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

/// What the definition says a valid value of the likeliest fields is, one sentence per
/// fact, at most `max`.
fn field_facts(fields: &[Field], max: usize) -> Vec<Fact> {
    let mut out = Vec::new();
    let mut done: Vec<usize> = Vec::new();
    // A limit, said once for every field that has it: "*A* and *B* are at most 50."
    let max_fact = |f: &Field, text: &str, done: &mut Vec<usize>| {
        let same: Vec<usize> = fields
            .iter()
            .enumerate()
            .filter(|(_, g)| !g.picked && g.max.as_deref() == Some(text))
            .map(|(j, _)| j)
            .collect();
        done.extend(&same);
        let labels: Vec<&str> = if same.is_empty() {
            vec![f.label.as_str()]
        } else {
            same.iter().map(|&j| fields[j].label.as_str()).collect()
        };
        Fact {
            text: format!(
                "{} {} {}.",
                subject_of(&labels),
                if labels.len() == 1 { "is" } else { "are" },
                escape_inline(text)
            ),
            labels: labels.iter().map(|l| l.to_string()).collect(),
        }
    };
    for (i, f) in fields.iter().enumerate() {
        if out.len() >= max {
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
            done.extend(&same);
            let labels: Vec<&str> = same.iter().map(|&j| fields[j].label.as_str()).collect();
            let example = form
                .example
                .as_deref()
                .map(|e| format!(", such as {}", super::markdown::code(e)))
                .unwrap_or_default();
            out.push(Fact {
                text: format!(
                    "{} must be {}{example}.",
                    subject_of(&labels),
                    escape_form(&form.text)
                ),
                labels: labels.iter().map(|l| l.to_string()).collect(),
            });
            if let Some(max_text) = &f.max {
                if !done.iter().any(|&j| {
                    j != i
                        && fields[j].max.as_deref() == Some(max_text.as_str())
                        && fields[j].form.is_none()
                }) {
                    let fact = max_fact(f, max_text, &mut done);
                    out.push(fact);
                }
            }
            continue;
        }
        if let Some(max_text) = &f.max {
            done.push(i);
            let fact = max_fact(f, max_text, &mut done);
            out.push(fact);
        }
    }
    if out.is_empty() {
        for f in fields.iter().filter(|f| !f.choices.is_empty() && !f.picked) {
            if out.len() == max.min(2) {
                break;
            }
            // A yes/no field is a switch in the designer: nothing to get wrong.
            let boolean =
                f.choices.len() == 2 && f.choices.iter().all(|c| c == "true" || c == "false");
            if f.choices.len() > 6 || boolean {
                continue;
            }
            let shown: Vec<String> = f.choices.iter().map(|c| super::markdown::code(c)).collect();
            out.push(Fact {
                text: format!("{} takes {}.", subject_of(&[&f.label]), list(&shown, "or")),
                labels: vec![f.label.clone()],
            });
        }
    }
    out
}

/// A sentence about valid values, and the fields it names.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Fact {
    text: String,
    labels: Vec<String>,
}

/// "Other values of *Start*, *End* and *Page size* fail with `400 Bad Request`."
/// The facts, and what happens to other values: "*Start* must be a date, such as
/// `2026-01-31`; other values fail with `400 Bad Request`."
fn with_otherwise(facts: &[&Fact], statuses: &[u16]) -> String {
    let mut labels: Vec<&str> = Vec::new();
    for f in facts {
        for l in &f.labels {
            if !labels.contains(&l.as_str()) {
                labels.push(l);
            }
        }
    }
    let texts: Vec<&str> = facts.iter().map(|f| f.text.as_str()).collect();
    if let [one] = texts.as_slice() {
        return format!(
            "{}; other values fail with {}.",
            one.trim_end_matches('.'),
            codes(statuses, "or")
        );
    }
    let fields = if labels.len() <= 3 {
        list(&labels.iter().map(|l| italic(l)).collect::<Vec<_>>(), "and")
    } else {
        "these fields".to_string()
    };
    format!(
        "{} Other values of {fields} fail with {}.",
        texts.join(" "),
        codes(statuses, "or")
    )
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
    // Triggers that fail to register for the same reasons share a bullet.
    // (the text after "fails", the triggers, their statuses, the question)
    type Group = (String, Vec<usize>, Vec<Seen>, Option<Todo>);
    let mut groups: Vec<Group> = Vec::new();
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
        if seen.is_empty() {
            continue;
        }
        let mut clauses = Vec::new();
        let mut todo = None;
        for s in &seen {
            let cause = knowledge::cause(s.status).unwrap_or(Cause::Input);
            if let Some(said) = f.said(s.status) {
                // "with `400 Bad Request` when …" from the definition's own words.
                let sentence = with_description("", "fails", s.status, said);
                clauses.push(
                    sentence
                        .trim_start_matches(" fails ")
                        .trim_end_matches('.')
                        .to_string(),
                );
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
                    format!("when {service} is slow or unavailable (save the flow again later)")
                }
                _ => format!("when {service} refuses the webhook"),
            };
            clauses.push(format!("with {} {why}", code(s.status)));
        }
        let mut text = match clauses.as_slice() {
            [one] => one.clone(),
            [rest @ .., last] => format!("{}, or {last}", rest.join(", ")),
            [] => continue,
        };
        if seen
            .iter()
            .any(|s| knowledge::cause(s.status) == Some(Cause::Input))
        {
            let facts = field_facts(&f.fields, 2);
            if !facts.is_empty() {
                let facts: Vec<&str> = facts.iter().map(|f| f.text.as_str()).collect();
                text = format!("{text}. {}", facts.join(" "));
                text = text.trim_end_matches('.').to_string();
            }
        }
        match groups.iter_mut().find(|g| g.0 == text) {
            Some(g) => {
                g.1.push(i);
                g.2.extend(seen);
            }
            None => groups.push((text, vec![i], seen, todo)),
        }
    }
    for (text, triggers, seen, todo) in groups {
        let names = list(
            &triggers.iter().map(|&i| w.name(i)).collect::<Vec<_>>(),
            "or",
        );
        let mut e = Entry::new(
            Topic::Webhooks,
            format!("Saving a flow that starts with {names} fails {text}."),
            seen.iter().map(|s| s.count).sum(),
        );
        e.actions = triggers
            .iter()
            .map(|&i| w.facts.ops[i].plain_name())
            .collect();
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

/// Deprecated actions makers still have: which break now, what replaces them.
fn deprecations(w: &Writer) -> Option<Entry> {
    let ops = &w.facts.ops;
    // (operation, its visible successor, the status that breaks it)
    let mut broken: Vec<(usize, Option<usize>, Seen)> = Vec::new();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut alone: Vec<usize> = Vec::new();
    for (i, f) in ops.iter().enumerate() {
        if !f.deprecated || f.internal || (w.stats && w.calls[i] == 0) {
            continue;
        }
        let successor = crate::rules::deprecation::successor(w.facts.operations, f.op)
            .and_then(|s| s.operation)
            .and_then(|o| ops.iter().position(|x| x.op.pointer == o.pointer))
            .or_else(|| super::facts::described_successor(ops, i))
            .filter(|&j| ops[j].visible() && !ops[j].deprecated);
        // Gone for good (404, 410), or failing on most calls.
        let failing = w.seen[i]
            .iter()
            .filter(|s| matches!(s.status, 404 | 410) || s.share >= 0.5)
            .max_by_key(|s| s.count)
            .copied();
        match (failing, successor) {
            (Some(s), succ) => broken.push((i, succ, s)),
            (None, Some(j)) => pairs.push((i, j)),
            (None, None) => alone.push(i),
        }
    }
    if broken.is_empty() && pairs.is_empty() && alone.is_empty() {
        return None;
    }
    let marked = |i: usize| ops[i].name.to_lowercase().contains("(deprecated)");
    let same_name = |i: usize, j: usize| {
        let n = ops[i].name.to_lowercase().replace("(deprecated)", "");
        n.split_whitespace().collect::<Vec<_>>().join(" ") == ops[j].name.to_lowercase()
    };
    let replace = |pairs: &[(usize, usize)], them: &str| -> String {
        match pairs {
            [(_, j)] => format!("replace {them} with {}", w.name(*j)),
            _ if pairs.iter().all(|&(i, j)| same_name(i, j)) => {
                "replace each with the action of the same name without “(deprecated)”".into()
            }
            _ => format!(
                "replace {}",
                list(
                    &pairs
                        .iter()
                        .map(|&(i, j)| format!("{} with {}", w.name(i), w.name(j)))
                        .collect::<Vec<_>>(),
                    "and"
                )
            ),
        }
    };
    let mut sentences = Vec::new();
    let mut todo = None;
    let mut cost = 0;
    if !broken.is_empty() {
        broken.sort_by_key(|(_, _, s)| std::cmp::Reverse(s.count));
        cost = broken
            .iter()
            .map(|(i, _, _)| w.cost(*i, &[404, 410]))
            .sum::<u64>()
            .max(1);
        let olds: Vec<usize> = broken.iter().map(|(i, _, _)| *i).collect();
        let one = olds.len() == 1;
        let often = if broken.iter().all(|(_, _, s)| s.share >= 0.1) {
            "often "
        } else {
            ""
        };
        let statuses: Vec<u16> = broken.iter().map(|(_, _, s)| s.status).collect();
        let mut s = format!(
            "{} {often}{} with {}: flows that use {} break now.",
            w.names(&olds),
            verb(olds.len()),
            codes(&statuses, "or"),
            if one { "it" } else { "them" }
        );
        let with: Vec<(usize, usize)> = broken
            .iter()
            .filter_map(|(i, j, _)| j.map(|j| (*i, j)))
            .collect();
        if with.len() == olds.len() {
            let them = if one { "it" } else { "them" };
            s.push(' ');
            s.push_str(&capital(&replace(&with, them)));
            s.push('.');
        } else if !with.is_empty() {
            let pairs: Vec<String> = with
                .iter()
                .map(|&(i, j)| format!("{} with {}", w.name(i), w.name(j)))
                .collect();
            s.push_str(&format!(" Replace {}.", list(&pairs, "and")));
        }
        if let Some((i, _, _)) = broken.iter().find(|(_, j, _)| j.is_none()) {
            todo = Some(Todo {
                question: format!("which action replaces {}?", ops[*i].name),
                keywords: vec!["replace", "instead", "use the"],
                about: vec![ops[*i].name.to_lowercase()],
            });
        }
        sentences.push(s);
    }
    if !pairs.is_empty() {
        let olds: Vec<usize> = pairs.iter().map(|&(i, _)| i).collect();
        let one = olds.len() == 1;
        let them = if one { "it" } else { "them" };
        let lead = if olds.iter().all(|&i| marked(i)) {
            let other = if broken.is_empty() { "" } else { " the other" };
            if one {
                format!("Flows that use{other} {} keep running", w.name(olds[0]))
            } else {
                format!(
                    "Flows that use{other} {} keep running",
                    list(&olds.iter().map(|&i| w.name(i)).collect::<Vec<_>>(), "or")
                )
            }
        } else {
            format!(
                "{} {} deprecated. Flows that use {them} keep running",
                w.names(&olds),
                if one { "is" } else { "are" }
            )
        };
        sentences.push(format!(
            "{lead}; when you edit such a flow, {}.",
            replace(&pairs, them)
        ));
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
                if one { "it" } else { "them" }
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
    e.actions = broken
        .iter()
        .map(|(i, _, _)| ops[*i].plain_name())
        .chain(pairs.iter().map(|&(i, _)| ops[i].plain_name()))
        .chain(alone.iter().map(|&i| ops[i].plain_name()))
        .collect();
    e.statuses = broken.iter().map(|(_, _, s)| s.status).collect();
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
            let rate = knowledge::is_rate_sentence(s);
            if rate
                || op_limits == 2
                || quoted.contains(&lower_first(t.trim_end_matches('.')))
                || quoted.contains(t.trim_end_matches('.'))
                || w.noted(s)
            {
                continue;
            }
            sentences.push(format!("{}: {}", w.name(i), terminated(&lower_first(&t))));
            op_limits += 1;
        }
    }
    for s in w.facts.stated_limits.iter().filter(|s| !w.noted(s)).take(2) {
        let t = terminated(&escape_inline(s));
        if !quoted.contains(t.trim_end_matches('.'))
            && !sentences
                .iter()
                .any(|x| x.contains(t.trim_end_matches('.')))
        {
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
    fn lists_of_causes_read_as_one_clause() {
        assert_eq!(
            with_description("**A**", "fails", 400, "Returned if the body is missing. The user may not edit a field."),
            "**A** fails with `400 Bad Request` if the body is missing or the user may not edit a field."
        );
        assert_eq!(
            with_description(
                "**A**",
                "fails",
                403,
                "Returned if:\n\n *  the user lacks a permission.\n *  the plan is free."
            ),
            "**A** fails with `403 Forbidden` if the user lacks a permission or the plan is free."
        );
    }

    /// The entries for a definition and apiProperties.json, without statistics.
    fn entries_of(definition: &str, properties: &str) -> Vec<Entry> {
        let parse = |text: &str| {
            let file =
                crate::source::SourceFile::from_bytes("x.json".into(), text.as_bytes().to_vec());
            crate::syntax::parse(&file).root.expect("test JSON parses")
        };
        let root = parse(definition);
        let props = parse(properties);
        let def = crate::model::build_definition(&root);
        let facts = super::super::facts::gather(&root, &def, Some(&props), &[]);
        entries(&facts, None, &Thresholds::default(), "")
    }

    #[test]
    fn no_successor_that_makers_cannot_see() {
        let def = r#"{"swagger": "2.0", "info": {"title": "T", "version": "1"}, "paths": {
            "/a": {"get": {"operationId": "Old", "summary": "Get boards (deprecated)", "deprecated": true,
                "description": "Deprecated: use Get boards.", "responses": {"200": {"description": "ok"}}}},
            "/b": {"get": {"operationId": "New", "summary": "Get boards", "x-ms-visibility": "Internal",
                "responses": {"200": {"description": "ok"}}}}}}"#;
        let text: String = entries_of(def, "{}")
            .iter()
            .map(|e| e.text_md.clone())
            .collect();
        assert!(text.contains("**Get boards (deprecated)**"), "{text}");
        assert!(!text.contains("with **Get boards**"), "{text}");
    }

    #[test]
    fn a_visible_successor_named_in_the_description_is_used() {
        let def = r#"{"swagger": "2.0", "info": {"title": "T", "version": "1"}, "paths": {
            "/a": {"get": {"operationId": "Old", "summary": "Move Card (deprecated)", "deprecated": true,
                "description": "Please use Move Card instead.", "responses": {"200": {"description": "ok"}}}},
            "/b": {"get": {"operationId": "MoveCard2", "summary": "Move Card",
                "responses": {"200": {"description": "ok"}}}}}}"#;
        let text: String = entries_of(def, "{}")
            .iter()
            .map(|e| e.text_md.clone())
            .collect();
        assert!(
            text.contains("Flows that use **Move Card (deprecated)** keep running; when you edit such a flow, replace it with **Move Card**."),
            "{text}"
        );
        assert!(!text.contains("is deprecated"), "no stutter: {text}");
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
