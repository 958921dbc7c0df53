//! The small pieces of wording every topic uses: lists, status codes, field labels, the
//! nouns makers know things by, and a response description worked into a sentence.

use super::super::knowledge;
use super::super::markdown::escape_inline;

/// "a", "a and b", "a, b and c".
pub fn list(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

/// `` `404 Not Found` ``.
pub fn code(status: u16) -> String {
    format!("`{}`", knowledge::status_text(status))
}

/// `` `502 Bad Gateway` or `504 Gateway Timeout` ``, at most three.
pub fn codes(statuses: &[u16], or: &str) -> String {
    let mut s: Vec<u16> = statuses.to_vec();
    s.sort_unstable();
    s.dedup();
    s.truncate(3);
    list(&s.iter().map(|&x| code(x)).collect::<Vec<_>>(), or)
}

/// A field label as makers see it: `*Start Date*`.
pub fn italic(label: &str) -> String {
    format!("*{}*", escape_inline(label))
}

/// "fails" or "fail".
pub fn verb(n: usize) -> &'static str {
    if n == 1 {
        "fails"
    } else {
        "fail"
    }
}

/// "it" or "them".
pub fn them(n: usize) -> &'static str {
    if n == 1 {
        "it"
    } else {
        "them"
    }
}

/// A bold name as the title of a bullet: "**List orders.**".
pub fn title(name: &str) -> String {
    match name.strip_suffix("**") {
        Some(inner) if inner.starts_with("**") => format!("{inner}.**"),
        _ => format!("{name}."),
    }
}

/// The sentence with a full stop at its end.
pub fn terminated(s: &str) -> String {
    if s.ends_with(['.', '!', '?']) {
        s.to_string()
    } else {
        format!("{s}.")
    }
}

/// "JIRA's", "Contoso Tickets'".
pub fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

/// Lower-cases the first letter unless the first word is an acronym or a name.
pub fn lower_first(s: &str) -> String {
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

/// A word as part of a noun: lower case, unless it is an acronym or a name with capitals
/// inside ("SMS", "WhatsApp").
fn noun_word(w: &str) -> String {
    let inner_capital = w.chars().skip(1).any(|c| c.is_uppercase());
    if inner_capital || w.len() == 1 {
        w.to_string()
    } else {
        w.to_lowercase()
    }
}

/// What a field names, from its label: *Document ID* → "document", *Issue Key* →
/// "issue", *Select Template* → "template"; `None` when nothing is left.
pub fn noun_of_label(label: &str) -> Option<String> {
    const DROP: [&str; 16] = [
        "id",
        "ids",
        "key",
        "uuid",
        "guid",
        "number",
        "no",
        "name",
        "code",
        "select",
        "choose",
        "pick",
        "identifier",
        "uri",
        "url",
        "the",
    ];
    let words: Vec<&str> = label
        .split(|c: char| c.is_whitespace() || c == '_' || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    let kept: Vec<String> = words
        .iter()
        .filter(|w| !DROP.contains(&w.to_lowercase().as_str()))
        .map(|w| noun_word(w))
        .collect();
    let noun = kept.join(" ");
    // A label that is one identifier ("WhatsAppBusinessNumber") names no noun.
    if kept.is_empty()
        || kept.len() > 3
        || noun.eq_ignore_ascii_case(label.trim())
            && !label.contains(' ')
            && label.chars().skip(1).any(char::is_uppercase)
    {
        return None;
    }
    Some(noun)
}

/// What an action works on, from its name: "Create a new project" → "project",
/// "Move an item to a group" → "item", "Send Envelope" → "envelope".
pub fn noun_of_action(name: &str) -> Option<String> {
    const LEADS: [&str; 9] = [
        "a", "an", "the", "new", "all", "one", "multiple", "existing", "your",
    ];
    const STOPS: [&str; 12] = [
        "by", "to", "from", "for", "in", "on", "with", "of", "into", "as", "based", "(",
    ];
    let mut words = name.split_whitespace();
    words.next()?;
    let mut kept: Vec<String> = Vec::new();
    for w in words {
        let lower = w.to_lowercase();
        if kept.is_empty() && LEADS.contains(&lower.as_str()) {
            continue;
        }
        if STOPS.contains(&lower.as_str()) || w.starts_with('(') {
            break;
        }
        kept.push(noun_word(
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'),
        ));
    }
    (!kept.is_empty() && kept.len() <= 3).then(|| kept.join(" "))
}

/// "a" or "an" before a noun.
pub fn article(noun: &str) -> &'static str {
    let first = noun.chars().next().unwrap_or('x').to_ascii_lowercase();
    if "aeio".contains(first) || noun.starts_with("SMS") || noun.starts_with("API") {
        "an"
    } else {
        "a"
    }
}

/// A response description worked into a sentence about `subject` failing with `status`:
/// a clause becomes "… fails with `404 Not Found` when no ticket has this ID", a list of
/// causes ("Returned if: * … * …", "Returned if a. B.") becomes "if …, … or …",
/// anything else follows a colon. At most two sentences of the description are kept, in
/// makers' words: "the user" is the account behind the connection, an endpoint is the
/// action.
pub fn with_description(subject: &str, verb: &str, status: u16, said: &str) -> String {
    let said = makers_words(&said.split_whitespace().collect::<Vec<_>>().join(" "));
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
    let causes: Vec<String> = if listed && items.len() > 1 {
        items
    } else if conj.is_some() {
        // "Returned if a. B. C.": each sentence is one more cause.
        knowledge::sentences(&rest)
            .into_iter()
            .map(|s| s.trim_end_matches(['.', ';']).to_string())
            .collect()
    } else {
        Vec::new()
    };
    if causes.len() > 1 {
        let shown: Vec<String> = causes
            .iter()
            .take(3)
            .map(|i| escape_inline(&lower_first(i)))
            .collect();
        return format!(
            "{subject} {verb} with {} {} {}.",
            code(status),
            conj.unwrap_or("when"),
            list(&shown, "or")
        );
    }
    let sentences = knowledge::sentences(&rest);
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
        " lacks ",
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

/// What an action's description says it needs: "Permissions required: Administer Jira
/// (global permissions)" → "Administer Jira (global permissions)".
pub fn required_permission(conditions: &[String]) -> Option<String> {
    for c in conditions {
        let lower = c.to_lowercase();
        for lead in [
            "permissions required:",
            "permission required:",
            "required permissions:",
            "required scopes:",
            "required scope:",
        ] {
            if let Some(at) = lower.find(lead) {
                let what = c[at + lead.len()..].trim().trim_end_matches('.');
                // "either of: Administer Jira or Creator of the task" says "or" already.
                let what = ["either of:", "Either of:", "one of:", "One of:"]
                    .iter()
                    .find_map(|l| what.strip_prefix(l))
                    .unwrap_or(what)
                    .trim();
                if !what.is_empty() {
                    return Some(what.to_string());
                }
            }
        }
    }
    None
}

/// An API's wording in makers' words: "the user" is the account behind the connection,
/// an "endpoint" is the action.
pub fn makers_words(text: &str) -> String {
    let mut t = text.to_string();
    for (from, to) in [
        ("The user ", "The account behind the connection "),
        ("the user ", "the account behind the connection "),
        ("The caller ", "The account behind the connection "),
        ("the caller ", "the account behind the connection "),
        ("the request includes", "the action sends"),
        ("The request includes", "The action sends"),
        ("this endpoint", "this action"),
        (" params ", " fields "),
        (" param ", " field "),
        (" parameters ", " fields "),
        (" parameter ", " field "),
        ("This endpoint", "This action"),
        ("this operation triggers", "the trigger fires"),
        ("This operation triggers", "The trigger fires"),
        ("this operation", "this action"),
        ("This operation", "This action"),
        ("the endpoint", "the action"),
        ("The endpoint", "The action"),
    ] {
        t = t.replace(from, to);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permissions_as_needed() {
        assert_eq!(
            required_permission(&[
                "Permissions required: either of: Administer Jira or Creator of the task.".into()
            ])
            .as_deref(),
            Some("Administer Jira or Creator of the task")
        );
    }

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
    }

    #[test]
    fn lists_of_causes_read_as_one_clause() {
        assert_eq!(
            with_description("**A**", "fails", 400, "Returned if the body is malformed. The user may not edit a field."),
            "**A** fails with `400 Bad Request` if the body is malformed or the account behind the connection may not edit a field."
        );
        assert_eq!(
            with_description("**A**", "fails", 403, "Returned if:\n\n *  the user lacks a permission.\n *  the plan is free."),
            "**A** fails with `403 Forbidden` if the account behind the connection lacks a permission or the plan is free."
        );
    }

    #[test]
    fn nouns() {
        assert_eq!(noun_of_label("Document ID").as_deref(), Some("document"));
        assert_eq!(noun_of_label("Issue Key").as_deref(), Some("issue"));
        assert_eq!(
            noun_of_label("Select Template").as_deref(),
            Some("template")
        );
        assert_eq!(noun_of_label("ID"), None);
        assert_eq!(
            noun_of_action("Create a new project").as_deref(),
            Some("project")
        );
        assert_eq!(
            noun_of_action("Move an item to a group").as_deref(),
            Some("item")
        );
        assert_eq!(noun_of_action("Send Envelope").as_deref(), Some("envelope"));
        assert_eq!(
            noun_of_action("Create a environment variable").as_deref(),
            Some("environment variable")
        );
        assert_eq!(noun_of_action("Send SMS").as_deref(), Some("SMS"));
        assert_eq!(article("envelope"), "an");
        assert_eq!(article("project"), "a");
    }

    #[test]
    fn lists() {
        assert_eq!(list(&["a".into()], "and"), "a");
        assert_eq!(
            list(&["a".into(), "b".into(), "c".into()], "or"),
            "a, b or c"
        );
        assert_eq!(possessive("JIRA"), "JIRA's");
        assert_eq!(possessive("Contoso Tickets"), "Contoso Tickets'");
    }
}
