//! The Known-issues section as documentation: one entry per topic (the connection, the
//! rate limit, one cause shared by several actions, an action's inputs, pickers that do
//! not load, webhook registration, deprecations, limits), each written once, in the
//! words makers see in the designer.
//!
//! Telemetry decides what is documented and in what order, never how it is worded: no
//! percentage, count or date from it reaches the text. A status is documented where it is
//! material (see [`Material`]); the connection comes first, then the costliest topics, and
//! the section stops at about [`MAX_WORDS`] words and [`MAX_TODOS`] questions for the
//! publisher.
//!
//! An entry says something a maker can act on, or it is not shown: where only the
//! publisher knows the cause, the entry is a question for them (an HTML comment, which
//! readers never see), and it disappears once their notes below the end marker answer it.

mod actions;
mod connection;
mod deprecations;
mod grouped;
mod limits;
mod pickers;
mod webhooks;
mod words;

use std::collections::BTreeMap;

use serde::Serialize;

use super::facts::{ConnectorFacts, OpFacts, Role};
use super::knowledge::{self, Cause};
use super::markdown::{comment_text, escape_inline};
use crate::stats::{StatsReport, Thresholds};
use words::list;

/// The section stops adding topics once it has about this many words.
pub const MAX_WORDS: usize = 360;
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

/// One bullet of the section, or one question for the publisher.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub topic: Topic,
    /// The bullet's Markdown, without the list marker; empty for an entry that is only
    /// a question for the publisher.
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
    /// Says nothing a maker can act on until the publisher answers its question: shown
    /// only as the question, and left out once their notes answer it.
    #[serde(skip)]
    thin: bool,
    /// A sentence about one action that joins that action's own bullet, when it has one.
    #[serde(skip)]
    addendum: Option<String>,
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
            addendum: None,
        }
    }
    /// An entry that is only a question for the publisher.
    fn question(topic: Topic, cost: u64, todo: Todo) -> Entry {
        let mut e = Entry::new(topic, String::new(), cost);
        e.todo = Some(todo);
        e.thin = true;
        e
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
    /// 401 and 407 responses per operation, however few: each says something about the
    /// connection.
    signed_out: Vec<u64>,
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
    fn plain_names(&self, ops: &[usize]) -> Vec<String> {
        ops.iter()
            .map(|&i| self.facts.ops[i].plain_name())
            .collect()
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
    /// Whether the publisher's notes already say this: the sentence itself, or one of
    /// theirs that holds most of its words.
    fn noted(&self, text: &str) -> bool {
        let t = text.to_lowercase();
        let t = t.trim_end_matches('.');
        if t.is_empty() {
            return false;
        }
        if self.notes.contains(t) {
            return true;
        }
        let words = |s: &str| -> Vec<String> {
            s.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.len() > 3)
                .map(str::to_string)
                .collect()
        };
        let mine = words(t);
        if mine.len() < 3 {
            return false;
        }
        knowledge::sentences(&self.notes).iter().any(|n| {
            let theirs = words(n);
            let shared = mine.iter().filter(|w| theirs.contains(w)).count();
            shared * 10 >= mine.len() * 7
        })
    }
}

/// Visible actions and triggers (not deprecated: those have their own topic).
fn in_use(f: &OpFacts) -> bool {
    f.visible() && !f.deprecated && f.role != Role::WebhookTrigger
}

/// The entries of the section: the connection first, then the costliest topics, within
/// the word and TODO budgets.
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
    let mut signed_out = Vec::new();
    for f in &facts.ops {
        let s = by_pointer.get(f.op.pointer.as_str());
        calls.push(s.map_or(0, |s| s.responses.requests));
        signed_out.push(s.map_or(0, |s| {
            s.errors
                .iter()
                .filter(|e| knowledge::cause(e.status) == Some(Cause::Credentials))
                .map(|e| e.count)
                .sum()
        }));
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
        signed_out,
        stats: stats.is_some(),
        notes: notes.to_lowercase(),
    };
    let mut out: Vec<Entry> = Vec::new();
    out.extend(connection::entry(&w));
    out.extend(limits::rate_limit(&w));
    out.extend(grouped::permission(&w));
    out.extend(grouped::payment(&w));
    out.extend(grouped::not_found(&w));
    out.extend(actions::entries(&w));
    out.extend(limits::conditions(&w));
    out.extend(grouped::service_errors(&w));
    out.extend(pickers::entries(&w));
    out.extend(webhooks::entries(&w));
    out.extend(deprecations::entry(&w));
    // A condition of one action joins that action's bullet.
    let mut k = 0;
    while k < out.len() {
        let host = out[k].addendum.as_ref().and_then(|_| {
            out.iter().position(|h| {
                h.addendum.is_none()
                    && !h.text_md.is_empty()
                    && h.actions == out[k].actions
                    && h.topic != Topic::Deprecations
            })
        });
        match host {
            Some(h) => {
                let e = out.remove(k);
                let h = if h > k { h - 1 } else { h };
                out[h].text_md.push(' ');
                out[h].text_md.push_str(&e.addendum.unwrap_or_default());
                out[h].cost += e.cost;
                out[h].statuses.extend(e.statuses);
                out[h].statuses.sort_unstable();
                out[h].statuses.dedup();
            }
            None => k += 1,
        }
    }
    let named: Vec<String> = out.iter().flat_map(|e| e.actions.clone()).collect();
    let said: String = out.iter().map(|e| e.text_md.as_str()).collect();
    out.extend(limits::limits(&w, &named, &said));
    // The connection first, then the costliest; entries without telemetry keep their
    // order, after the others.
    out.sort_by_key(|e| (e.topic != Topic::Connection, std::cmp::Reverse(e.cost)));
    let mut todos = 0;
    let mut words = 0;
    let mut kept = Vec::new();
    for mut e in out {
        let answered = e.todo.as_ref().is_some_and(|t| {
            t.keywords.iter().any(|k| w.notes.contains(k))
                && (t.about.is_empty() || t.about.iter().any(|a| w.notes.contains(a)))
        });
        if e.thin && (answered || todos == MAX_TODOS) {
            continue;
        }
        let n = e.words();
        if n > 0 && words > 0 && words + n > MAX_WORDS {
            continue;
        }
        words += n;
        if let Some(t) = e.todo.take() {
            if !answered && todos < MAX_TODOS {
                todos += 1;
                e.todo_md = Some(format!("<!-- TODO: {} -->", comment_text(&t.question)));
            }
        }
        e.text_md = sentence_starts(&e.text_md);
        kept.push(e);
    }
    kept
}

/// Capitalises a sentence that starts with "the older **…**".
fn sentence_starts(text: &str) -> String {
    let mut t = text.replace(". the older ", ". The older ");
    if let Some(rest) = t.strip_prefix("the older ") {
        t = format!("The older {rest}");
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The entries for a definition and apiProperties.json, without statistics.
    pub(super) fn entries_of(definition: &str, properties: &str) -> Vec<Entry> {
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

    /// The text of the entries with statistics: `rows` of `operation_id,status,count`.
    fn text_with_stats(definition: &str, rows: &str) -> String {
        let file =
            crate::source::SourceFile::from_bytes("x.json".into(), definition.as_bytes().to_vec());
        let root = crate::syntax::parse(&file).root.expect("test JSON parses");
        let def = crate::model::build_definition(&root);
        let mut csv = String::from("operation_id,status,count,window_start,window_end\n");
        for row in rows.lines().map(str::trim).filter(|r| !r.is_empty()) {
            csv.push_str(&format!(
                "{row},2026-03-01T00:00:00Z,2026-03-31T00:00:00Z\n"
            ));
        }
        let options = crate::stats::StatsOptions::default();
        let mut analysis = crate::stats::Analysis::new(&def, None, &options);
        analysis
            .add_reader(std::path::Path::new("s.csv"), csv.as_bytes())
            .expect("test statistics parse");
        let report = analysis.finish();
        let facts = super::super::facts::gather(&root, &def, None, &[]);
        entries(&facts, Some(&report), &Thresholds::default(), "")
            .iter()
            .map(|e| e.text_md.clone())
            .collect()
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
    fn the_connection_names_its_own_fields() {
        let def = r#"{"swagger": "2.0", "info": {"title": "Checkly", "version": "1"},
            "securityDefinitions": {"k": {"type": "apiKey", "in": "header", "name": "Authorization"}},
            "paths": {}}"#;
        let props = r#"{"properties": {"connectionParameters": {
            "api_key": {"type": "securestring", "uiDefinition": {"displayName": "API Key (in the form 'Bearer apiKey')",
                "description": "The API Key (in the form 'Bearer apiKey') for this api"}}}}}"#;
        let e = &entries_of(def, props)[0];
        assert_eq!(e.topic, Topic::Connection);
        assert!(e.text_md.contains("`Bearer `"), "{}", e.text_md);
        assert!(!e.text_md.contains("user name"), "{}", e.text_md);
    }

    #[test]
    fn every_way_to_sign_in_has_its_remedy() {
        let def = r#"{"swagger": "2.0", "info": {"title": "Scrive", "version": "1"},
            "securityDefinitions": {"o": {"type": "oauth2", "flow": "accessCode",
                "authorizationUrl": "https://x.example/a", "tokenUrl": "https://x.example/t"}},
            "paths": {}}"#;
        let props = r#"{"properties": {"connectionParameterSets": {"values": [
            {"name": "pw", "uiDefinition": {"displayName": "Email/password"}, "parameters": {
                "email": {"type": "string", "uiDefinition": {"displayName": "Email"}},
                "password": {"type": "securestring", "uiDefinition": {"displayName": "Password"}}}},
            {"name": "sso", "uiDefinition": {"displayName": "OAuth/SSO"}, "parameters": {
                "token": {"type": "oauthSetting", "oAuthSettings": {"identityProvider": "oauth2"}}}}]}}}"#;
        let e = &entries_of(def, props)[0];
        assert_eq!(e.topic, Topic::Connection);
        assert!(
            e.text_md.contains("With *Email/password*, edit the connection and enter the current *Password*; with *OAuth/SSO*, choose *Fix connection*"),
            "{}",
            e.text_md
        );
        // Only one of the ways asks for the fields.
        assert!(
            !e.text_md.contains("The connection asks for"),
            "{}",
            e.text_md
        );
    }

    #[test]
    fn an_id_the_outputs_carry_only_in_a_uri() {
        let def = r#"{"swagger": "2.0", "info": {"title": "Calendly", "version": "1"},
            "host": "api.calendly.example", "basePath": "/",
            "paths": {
            "/event_types/{uuid}": {"get": {"operationId": "GetEventType", "summary": "Get Event Type",
                "parameters": [{"name": "uuid", "in": "path", "required": true, "type": "string",
                    "x-ms-summary": "Event Type UUID"}],
                "responses": {"200": {"description": "ok"}, "404": {"description": "Not found"}}}},
            "/event_types": {"get": {"operationId": "ListEventTypes", "summary": "Get Event Types",
                "responses": {"200": {"description": "ok", "schema": {"type": "object", "properties": {
                    "event_uri": {"type": "string", "x-ms-summary": "Event URI"}}}}}}}}}"#;
        let text = text_with_stats(
            def,
            "GetEventType,200,900\nGetEventType,404,100\nListEventTypes,200,500",
        );
        assert!(
            text.contains("*Event Type UUID* takes only the ID at the end of the URIs that other actions return: for `https://api.calendly.example/event_types/AAAA1111`, enter `AAAA1111`."),
            "{text}"
        );
    }

    #[test]
    fn a_successor_named_like_it_with_more_words() {
        let def = r#"{"swagger": "2.0", "info": {"title": "T", "version": "1"}, "paths": {
            "/a": {"get": {"operationId": "Old", "summary": "When a document is signed (deprecated)", "deprecated": true,
                "x-ms-trigger": "single", "responses": {"200": {"description": "ok"}}}},
            "/b": {"get": {"operationId": "New", "summary": "When a document is signed (Start Signing)",
                "x-ms-trigger": "single", "responses": {"200": {"description": "ok"}}}}}}"#;
        let text: String = entries_of(def, "{}")
            .iter()
            .map(|e| e.text_md.clone())
            .collect();
        assert!(
            text.contains("replace it with **When a document is signed (Start Signing)**"),
            "{text}"
        );
    }

    #[test]
    fn payment_in_the_connectors_own_terms() {
        let def = r#"{"swagger": "2.0", "info": {"title": "Boom", "version": "1"}, "paths": {
            "/sms": {"post": {"operationId": "Sms", "summary": "Send SMS",
                "responses": {"200": {"description": "ok"},
                    "402": {"description": "Your request could not be processed because of insufficient funds."}}}}}}"#;
        let text: String = entries_of(def, "{}")
            .iter()
            .map(|e| e.text_md.clone())
            .collect();
        assert!(
            text.contains("**Send SMS** fails with `402 Payment Required` when the Boom account's balance has run out: top it up in Boom."),
            "{text}"
        );
        assert!(!text.contains("insufficient funds"), "{text}");
    }

    #[test]
    fn a_condition_joins_its_actions_bullet() {
        let def = r#"{"swagger": "2.0", "info": {"title": "T", "version": "1"}, "paths": {
            "/search": {"get": {"operationId": "Search", "summary": "Search items",
                "description": "Returns only the latest 100 results.",
                "parameters": [{"name": "q", "in": "query", "type": "string", "required": true,
                    "x-ms-summary": "JQL Query", "description": "A JQL query."}],
                "responses": {"200": {"description": "ok"}}}}}}"#;
        let text = text_with_stats(def, "Search,200,900\nSearch,400,100");
        assert!(
            text.contains("Returns only the latest 100 results.")
                && !text.contains("**Search items**: returns"),
            "{text}"
        );
        assert_eq!(text.matches("**Search items**").count(), 1, "{text}");
    }
}
