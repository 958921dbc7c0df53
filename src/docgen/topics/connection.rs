//! The connection: what makers enter when they create it (from apiProperties.json), and
//! what to do when the service stops accepting it (401s anywhere, the test connection's
//! failures). Always the first bullet, as in the sections reviewers accept.

use super::super::facts::{ConnectionField, Role};
use super::super::knowledge::{AuthKind, Cause};
use super::super::markdown::escape_inline;
use super::words::{code, codes, italic, list, lower_first, terminated};
use super::{Entry, Topic, Writer};

pub(super) fn entry(w: &Writer) -> Option<Entry> {
    let mut cost = 0;
    let mut actions = false;
    let mut triggers = false;
    let mut creating: Vec<u16> = Vec::new();
    for (i, f) in w.facts.ops.iter().enumerate() {
        // Every 401, however few: the remedy is the connection's, not one action's.
        if w.signed_out[i] > 0 {
            cost += w.signed_out[i];
            match f.role {
                Role::PollingTrigger | Role::WebhookTrigger => triggers = true,
                _ => actions = true,
            }
        }
        if f.test_connection {
            for s in w.seen_with(i, |c| matches!(c, Cause::Credentials | Cause::Permission)) {
                creating.push(s.status);
                cost += s.count;
            }
        }
    }
    let c = &w.facts.connection;
    let service = w.service();
    let secret = c.secret();
    let secret_name = secret
        .map(|s| italic(&s.label))
        .unwrap_or_else(|| match c.auth {
            AuthKind::Basic => "password".into(),
            _ => "API key".into(),
        });
    // Where keys are made: the field's own text, else the readme.
    let made_at = secret
        .and_then(|s| s.url.clone())
        .or_else(|| c.credential_url.clone())
        .filter(|_| !is_password(secret, c.auth));
    let mut sentences: Vec<String> = Vec::new();
    if !c.choices.is_empty() {
        sentences.push(format!(
            "When you create the connection, choose {}.",
            list(
                &c.choices.iter().map(|x| italic(x)).collect::<Vec<_>>(),
                "or"
            )
        ));
    }
    // What the fields' own descriptions say beyond their labels.
    for f in &c.fields {
        // One note a field, two when the second is short; none the publisher's notes say.
        let notes: Vec<String> = f
            .notes
            .iter()
            .filter(|n| !w.noted(n))
            .enumerate()
            .filter(|(k, n)| *k == 0 || n.split_whitespace().count() <= 12)
            .take(2)
            .map(|(_, n)| escape_inline(&lower_first(n.trim_end_matches('.'))))
            .collect();
        if !notes.is_empty() {
            sentences.push(format!("{}: {}.", italic(&f.label), notes.join("; ")));
        }
        if let Some((_, rest)) = &f.host_part {
            sentences.push(format!(
                "In {}, enter only the part of the address before `{}` (the connector adds it): for `https://contoso{}`, enter `contoso`.",
                italic(&f.label),
                rest,
                rest
            ));
        }
        if f.bearer {
            sentences.push(format!(
                "In {}, type `Bearer ` and then the key.",
                italic(&f.label)
            ));
        }
    }
    if let Some(url) = &made_at {
        if !sentences.iter().any(|s| s.contains(url.as_str())) {
            let at = usize::from(!c.choices.is_empty());
            sentences.insert(
                at,
                format!("Create the {secret_name} at {}.", escape_inline(url)),
            );
        }
    }
    if !creating.is_empty() {
        let what = match secret {
            Some(_) => format!("the {secret_name} it is given"),
            None => "the credentials it is given".into(),
        };
        sentences.push(format!(
            "Creating a connection fails with {} when {service} does not accept {what}: check that it is copied whole, without spaces.",
            codes(&creating, "or"),
        ));
    }
    let signs_in_only = (c.auth == AuthKind::OAuth2 || c.signs_in) && secret.is_none();
    if signs_in_only || secret.is_some() || c.auth != AuthKind::None {
        // Who fails: what the responses show, else everything the connection serves.
        let has_triggers = w.facts.ops.iter().any(|f| f.visible() && f.is_trigger());
        let who = match (actions, triggers) {
            (true, true) => "actions and triggers",
            (false, true) => "triggers",
            (true, false) => "actions",
            (false, false) if has_triggers => "actions and triggers",
            (false, false) => "actions",
        };
        // Where to make it was said above, if anywhere.
        let fresh = match &made_at {
            Some(_) => "create a new one".to_string(),
            None => format!("create a new one in your {service} account"),
        };
        let sign_in_again =
            "the sign-in has expired or was revoked: choose *Fix connection* on the connection and sign in again";
        let remedy = if signs_in_only {
            sign_in_again.to_string()
        } else if is_password(secret, c.auth) {
            format!(
                "the account's password has changed: edit the connection and enter the current {secret_name}"
            )
        } else {
            format!(
                "the {secret_name} is no longer valid, for example because it was regenerated or revoked: {fresh} and edit the connection"
            )
        };
        let entered = if is_password(secret, c.auth) {
            format!("edit the connection and enter the current {secret_name}")
        } else {
            format!("{fresh} and edit the connection")
        };
        let others: Vec<String> = c
            .choices
            .iter()
            .filter(|x| Some(*x) != c.sign_in_choice.as_ref())
            .map(|x| italic(x))
            .collect();
        match &c.sign_in_choice {
            // Several ways to sign in: each has its own remedy.
            Some(choice) if !signs_in_only && !others.is_empty() => sentences.push(format!(
                "If {who} start failing with {}, the connection is no longer accepted. With {}, {entered}; with {}, choose *Fix connection* on the connection and sign in again.",
                code(401),
                list(&others, "or"),
                italic(choice)
            )),
            _ => sentences.push(format!(
                "If {who} start failing with {}, {remedy}.",
                code(401)
            )),
        }
    }
    if sentences.is_empty() {
        return None;
    }
    // Every field makers fill, so that none is left out.
    let mentioned = sentences.join(" ");
    let unnamed: Vec<String> = c
        .fields
        .iter()
        .filter(|f| !mentioned.contains(&italic(&f.label)))
        .map(|f| italic(&f.label))
        .collect();
    if c.fields.len() > 1 && !unnamed.is_empty() && c.choices.is_empty() {
        let all: Vec<String> = c.fields.iter().map(|f| italic(&f.label)).collect();
        sentences.insert(
            usize::from(!c.choices.is_empty()),
            format!("The connection asks for {}.", list(&all, "and")),
        );
    }
    let text = format!(
        "**Connection.** {}",
        sentences
            .iter()
            .map(|s| terminated(s))
            .collect::<Vec<_>>()
            .join(" ")
    );
    let mut e = Entry::new(Topic::Connection, text, cost);
    e.statuses = vec![401];
    Some(e)
}

/// Whether the secret is the account's password, which makers change rather than create.
fn is_password(secret: Option<&ConnectionField>, auth: AuthKind) -> bool {
    secret.is_some_and(|s| s.label.to_lowercase().contains("password"))
        || (auth == AuthKind::Basic && secret.is_none())
}
