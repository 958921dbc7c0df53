//! What an action's own statuses say (its inputs, conflicts, sizes, and the failures the
//! definition describes in its own words), one bullet per cause: actions that fail for
//! the same reason share it. A cause only the publisher knows is a question for them.

use super::super::facts::{Field, OpFacts};
use super::super::knowledge::{self, Cause};
use super::super::markdown::{code as code_span, escape_inline};
use super::words::{
    article, code, codes, italic, list, lower_first, noun_of_action, terminated, title, verb,
    with_description,
};
use super::{in_use, Entry, Seen, Todo, Topic, Writer};

pub(super) fn entries(w: &Writer) -> Vec<Entry> {
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
                    Cause::Permission | Cause::ServerFault | Cause::Timeout | Cause::Unavailable
                ) && f.said(s.status).is_some();
                if own || explained {
                    clauses.push(clause(w, i, *s));
                }
            }
        }
    } else {
        // Without statistics: the failures the definition describes, for the actions
        // makers meet first, up to four bullets.
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
    group(w, clauses)
}

/// Whether a status the definition describes is worth a bullet without statistics.
fn documentable(status: u16) -> bool {
    knowledge::cause(status).is_some_and(|c| {
        !matches!(
            c,
            Cause::Credentials
                // Their own topics (`grouped`).
                | Cause::NotFound
                | Cause::Payment
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
    /// A reason that follows from the status and the action.
    Reason(String),
    /// Only the publisher knows: a question for them.
    Ask(Ask),
    /// Another bullet says it.
    Covered,
}

/// Questions for the publisher.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ask {
    /// Which values the service rejects (400, 422 with nothing said about valid values).
    Values,
    Size,
    MediaType,
    /// What state of the item makes the action fail with 409.
    State,
}

/// Whether an operation creates an item: its name says so, or it posts to a collection.
fn creates(f: &OpFacts) -> bool {
    let name =
        f.op.operation_id
            .as_deref()
            .unwrap_or_default()
            .to_lowercase();
    let summary = f.name.to_lowercase();
    let starts = |words: &[&str]| {
        words
            .iter()
            .any(|v| name.starts_with(v) || summary.starts_with(v))
    };
    let named = starts(&[
        "create", "add", "new", "insert", "register", "upload", "post",
    ]);
    let acting = starts(&[
        "send",
        "void",
        "cancel",
        "approve",
        "close",
        "start",
        "stop",
        "move",
        "archive",
        "publish",
        "submit",
        "complete",
        "resend",
        "assign",
        "duplicate",
        "copy",
    ]);
    named || (!acting && !f.op.path.trim_end_matches('/').ends_with('}'))
}

/// What the action works on, for the text: "the project".
fn the_noun(f: &OpFacts) -> String {
    format!(
        "the {}",
        escape_inline(&noun_of_action(&f.name).unwrap_or_else(|| "item".into()))
    )
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
                    let facts = value_facts(f, 4);
                    let stated = f.conditions.iter().any(|c| {
                        super::words::required_permission(std::slice::from_ref(c)).is_none()
                            && !knowledge::is_rate_sentence(c)
                    });
                    if !facts.is_empty() {
                        ClauseKind::Facts(facts)
                    } else if stated {
                        // Its description's conditions say it (`limits::conditions`).
                        ClauseKind::Covered
                    } else {
                        ClauseKind::Ask(Ask::Values)
                    }
                }
            }
            Cause::Conflict if f.op.method == "post" && creates(f) => {
                let noun = noun_of_action(&f.name).unwrap_or_else(|| "item".into());
                // The fields that tell one item from another, where their descriptions
                // say so ("must be unique"); never a guess from the required fields.
                let keys: Vec<String> = f
                    .fields
                    .iter()
                    .filter(|x| !x.picked && !x.in_path)
                    .filter(|x| x.rules.iter().any(|r| r.to_lowercase().contains("unique")))
                    .take(2)
                    .map(|x| italic(&x.label))
                    .collect();
                let same = if keys.is_empty() {
                    String::new()
                } else {
                    format!(" with the same {}", list(&keys, "or"))
                };
                ClauseKind::Reason(format!(
                    "when {} {}{same} already exists in {service}",
                    if same.is_empty() { "the" } else { article(&noun) },
                    escape_inline(&noun)
                ))
            }
            Cause::Conflict => ClauseKind::Ask(Ask::State),
            Cause::Changed => ClauseKind::Reason(format!(
                "when {} changed after it was read: get it again, then repeat the change",
                the_noun(f)
            )),
            Cause::TooLarge => match f.fields.iter().find_map(|x| x.size_note.as_deref()) {
                Some(note) => ClauseKind::Reason(format!(
                    "when the file is too large. {}",
                    terminated(&escape_inline(note)).trim_end_matches('.')
                )),
                None => ClauseKind::Ask(Ask::Size),
            },
            Cause::MediaType => ClauseKind::Ask(Ask::MediaType),
            Cause::Locked => ClauseKind::Reason(format!(
                "while {} is locked in {service}, for example while someone edits it: try again later",
                the_noun(f)
            )),
            Cause::Dependency => ClauseKind::Reason(format!(
                "when another part of the same request failed in {service}"
            )),
            Cause::Legal => ClauseKind::Reason(format!(
                "when {service} may not provide {}, for legal reasons",
                the_noun(f)
            )),
            _ => ClauseKind::Reason(format!("when {} was removed for good", the_noun(f))),
        }
    };
    Clause {
        op: i,
        seen: s,
        kind,
    }
}

/// The bullets of the clauses: one per cause, naming every action it applies to.
fn group(w: &Writer, clauses: Vec<Clause>) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut with_facts: Vec<(usize, Seen, Vec<Fact>)> = Vec::new();
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
            ClauseKind::Said(d) => format!("said {} {}", c.seen.status, d.to_lowercase()),
            ClauseKind::Query { label, lang } => {
                format!("query {} {label} {}", c.seen.status, lang.name)
            }
            ClauseKind::Reason(why) => format!("reason {} {why}", c.seen.status),
            ClauseKind::Ask(a) => format!("ask {}", *a as u8),
            ClauseKind::Covered => continue,
        };
        match keyed.iter_mut().find(|k| k.0 == key) {
            Some(k) => k.1.push((c.op, c.seen)),
            None => keyed.push((key, vec![(c.op, c.seen)], c)),
        }
    }
    let service = w.service();
    for (_, mut members, c) in keyed {
        members.sort_by_key(|(_, s)| std::cmp::Reverse(s.count));
        let mut ops: Vec<usize> = Vec::new();
        for (i, _) in &members {
            if !ops.contains(i) {
                ops.push(*i);
            }
        }
        let mut statuses: Vec<u16> = members.iter().map(|(_, s)| s.status).collect();
        statuses.sort_unstable();
        statuses.dedup();
        let status = c.seen.status;

        let names = w.names(&ops);
        let fails = verb(ops.len()).to_string();
        let plain = w.plain_names(&ops);
        let cost = members.iter().map(|(_, s)| s.count).sum();
        let text = match &c.kind {
            ClauseKind::Said(said) => {
                let mut text = with_description(&names, &fails, status, said);
                if knowledge::cause(status) == Some(Cause::Input) {
                    // What the definition says a valid value is, where all share it.
                    let facts = value_facts(&w.facts.ops[ops[0]], 4);
                    for f in facts.iter().filter(|f| {
                        ops.iter()
                            .all(|&i| value_facts(&w.facts.ops[i], 4).contains(f))
                    }) {
                        text.push(' ');
                        text.push_str(&f.text);
                    }
                }
                text
            }
            ClauseKind::Query { label, lang } => {
                let mut text = format!(
                    "{names} {fails} with {} when {service} rejects the {} in {}, for example a misspelled field name or a value that does not exist.",
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
            ClauseKind::Facts(_) | ClauseKind::Covered => continue,
            ClauseKind::Reason(why) => format!("{names} {fails} with {} {why}.", code(status)),
            ClauseKind::Ask(ask) => {
                let they = list(&plain.iter().take(3).cloned().collect::<Vec<_>>(), "and");
                let plural = ops.len() > 1;
                let about: Vec<String> = plain.iter().map(|n| n.to_lowercase()).collect();
                let todo = match ask {
                    Ask::Values => Todo {
                        question: format!(
                            "{they} {} with {}: which values does {} reject, and what form must they have?",
                            verb(ops.len()),
                            knowledge::status_text(status),
                            w.facts.service
                        ),
                        keywords: vec!["400", "422", "format", "must be", "required", "invalid", "valid"],
                        about,
                    },
                    Ask::Size => Todo {
                        question: format!(
                            "what is the largest file or request {they} {}? (413)",
                            if plural { "accept" } else { "accepts" }
                        ),
                        keywords: vec!["413", "mb", "size", "large"],
                        about,
                    },
                    Ask::MediaType => Todo {
                        question: format!(
                            "which file or content types {} {they} accept? (415)",
                            if plural { "do" } else { "does" }
                        ),
                        keywords: vec!["415", "type", "format"],
                        about,
                    },
                    Ask::State => Todo {
                        question: format!(
                            "{they} {} with 409 Conflict: in what state, and how do makers get out of it?",
                            verb(ops.len())
                        ),
                        keywords: vec!["409", "conflict", "state", "in use", "already"],
                        about,
                    },
                };
                let mut e = Entry::question(Topic::Action, cost, todo);
                e.actions = plain;
                e.statuses = statuses;
                out.push(e);
                continue;
            }
        };
        let mut e = Entry::new(Topic::Action, text, cost);
        e.actions = plain;
        e.statuses = statuses;
        out.push(e);
    }
    out.extend(fact_groups(w, &with_facts));
    out
}

/// Actions whose input errors the definition explains with facts about their values:
/// one bullet for each set of actions that share a fact, each fact said once, naming the
/// actions it holds for ("In **A** and **B**, *Page size* is at most 50.").
fn fact_groups(w: &Writer, found: &[(usize, Seen, Vec<Fact>)]) -> Vec<Entry> {
    // Union-find over shared facts.
    let mut parent: Vec<usize> = (0..found.len()).collect();
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
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                parent[rb] = ra;
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of: Vec<Option<usize>> = vec![None; found.len()];
    for k in 0..found.len() {
        let r = root(&mut parent, k);
        match group_of[r] {
            Some(g) => groups[g].push(k),
            None => {
                group_of[r] = Some(groups.len());
                groups.push(vec![k]);
            }
        }
    }
    let mut out = Vec::new();
    // An expression is given once in the section.
    let mut given: Vec<String> = Vec::new();
    for mut members in groups {
        members.sort_by_key(|&k| std::cmp::Reverse(found[k].1.count));
        let mut ops: Vec<usize> = Vec::new();
        for &k in &members {
            if !ops.contains(&found[k].0) {
                ops.push(found[k].0);
            }
        }
        let mut statuses: Vec<u16> = members.iter().map(|&k| found[k].1.status).collect();
        statuses.sort_unstable();
        statuses.dedup();
        // Each fact, with the actions it holds for, in the order of the costliest action.
        let mut facts: Vec<(&Fact, Vec<usize>)> = Vec::new();
        for &k in &members {
            for f in &found[k].2 {
                match facts.iter_mut().find(|(g, _)| *g == f) {
                    Some((_, holders)) => {
                        if !holders.contains(&found[k].0) {
                            holders.push(found[k].0)
                        }
                    }
                    None => facts.push((f, vec![found[k].0])),
                }
            }
        }
        facts.sort_by_key(|(f, holders)| {
            (
                std::cmp::Reverse(f.form),
                std::cmp::Reverse(holders.len() == ops.len()),
            )
        });
        facts.truncate(5);
        // The consequence goes with a form if there is one (the likeliest cause), else
        // with the first fact that states a requirement.
        let consequence = facts.iter().position(|(f, _)| f.form).or_else(|| {
            facts
                .iter()
                .position(|(f, _)| f.requirement || super::limits::requires(&f.text))
        });
        let one = ops.len() == 1;
        let fails = if one {
            "the action fails"
        } else {
            "these actions fail"
        };
        let mut sentences: Vec<String> = Vec::new();
        for (k, (f, holders)) in facts.iter().enumerate() {
            let mut text = f.text.trim_end_matches('.').to_string();
            if holders.len() < ops.len() {
                text = format!("In {}, {}", w.names(holders), lower_first(&text));
            }
            if consequence == Some(k) {
                let fails = if holders.len() < ops.len() && holders.len() == 1 {
                    "it fails"
                } else {
                    fails
                };
                text.push_str(&format!(
                    "; otherwise {fails} with {}",
                    codes(&statuses, "or")
                ));
            }
            sentences.push(terminated(&text));
            if let Some(then) = f.then.as_ref().filter(|t| !given.contains(t)) {
                given.push(then.clone());
                sentences.push(then.clone());
            }
        }
        let lead = if one {
            title(&w.name(ops[0]))
        } else {
            // After a colon, the first sentence goes on in lower case.
            if let Some(first) = sentences.first_mut() {
                *first = lower_first(first);
            }
            format!("{}:", w.names(&ops))
        };
        let text = format!("{lead} {}", sentences.join(" "));
        let mut e = Entry::new(
            Topic::Action,
            text,
            members.iter().map(|&k| found[k].1.count).sum(),
        );
        e.actions = w.plain_names(&ops);
        e.statuses = statuses;
        out.push(e);
    }
    out
}

/// A sentence about valid values, and the fields it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Fact {
    pub text: String,
    /// What to do, said after the consequence: "In a flow, use `utcNow()`."
    pub then: Option<String>,
    /// A form a value must have: the likeliest cause of a 400.
    pub form: bool,
    pub labels: Vec<String>,
    /// A form or a limit: a value can break it.
    pub requirement: bool,
}

/// What the definition says a valid value of an action's likeliest fields is, and the
/// conditions its description states, one sentence each, at most `max`.
fn value_facts(f: &OpFacts, max: usize) -> Vec<Fact> {
    let mut out = field_facts(&f.fields, max);
    // A rule several fields share is said once for all of them.
    let mut rules: Vec<(&str, Vec<&str>)> = Vec::new();
    for field in f.fields.iter().filter(|x| !x.picked) {
        for rule in &field.rules {
            match rules.iter_mut().find(|(r, _)| r.eq_ignore_ascii_case(rule)) {
                Some((_, labels)) => labels.push(&field.label),
                None => rules.push((rule, vec![&field.label])),
            }
        }
    }
    for (rule, labels) in rules {
        if out.len() >= max {
            break;
        }
        out.push(Fact {
            text: format!(
                "{}: {}",
                list(&labels.iter().map(|l| italic(l)).collect::<Vec<_>>(), "and"),
                terminated(&escape_inline(&lower_first(rule)))
            ),
            labels: labels.iter().map(|l| l.to_string()).collect(),
            requirement: false,
            then: None,
            form: false,
        });
    }
    // The conditions of the action's description have bullets of their own
    // (`limits::conditions`), for every action that states them.
    out
}

/// What the definition says a valid value of the likeliest fields is, one sentence per
/// fact, at most `max`.
pub(super) fn field_facts(fields: &[Field], max: usize) -> Vec<Fact> {
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
            requirement: true,
            then: None,
            form: false,
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
                .map(|e| format!(", such as {}", code_span(e)))
                .unwrap_or_default();
            out.push(Fact {
                text: format!(
                    "{} must be {}{example}.",
                    subject_of(&labels),
                    escape_form(&form.text)
                ),
                labels: labels.iter().map(|l| l.to_string()).collect(),
                requirement: true,
                // Not where the service reads the time in another time zone than UTC.
                then: knowledge::expression(form)
                    .filter(|_| {
                        !f.rules.iter().any(|r| {
                            let r = r.to_lowercase();
                            r.contains("time zone") || r.contains("timezone")
                        })
                    })
                    .map(|e| {
                        let dated = !e.contains("HH") && e.contains("dd");
                        format!(
                            "In a flow, {} gives the current {} in this form.",
                            code_span(&e),
                            if dated { "date" } else { "time" }
                        )
                    }),
                form: true,
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
    out
}

/// Field labels as the subject of a sentence: "*Start* and *End*", or "The *note*
/// field" when a label starts in lower case (it is the raw name makers see).
pub(super) fn subject_of(labels: &[&str]) -> String {
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
        Some((what, token)) => format!("{} in the form {}", escape_inline(what), code_span(token)),
        None => match text.split_once("text that matches ") {
            Some((_, pattern)) => format!("text that matches {}", code_span(pattern)),
            None => escape_inline(text),
        },
    }
}
