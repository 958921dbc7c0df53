//! What an HTTP error status means to a maker, and what they can do about it.
//!
//! Written for connlint from the error table and troubleshooting advice of Microsoft's
//! "View connector telemetry" page, in our own words, plus the common statuses the page
//! leaves out. Where only the connector's publisher can know the cause, `cause_known` is
//! false and the generated text asks the publisher for it instead of guessing.

/// How the connection signs in, which decides the advice for 401.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AuthKind {
    ApiKey,
    Basic,
    OAuth2,
    /// No `securityDefinitions`.
    None,
}

/// The plain-words explanation of one status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusAdvice {
    pub reason: &'static str,
    /// What happened, for a maker.
    pub meaning: &'static str,
    /// What a maker can do, in general.
    pub remedy: String,
    /// Whether the status says enough about its cause that no publisher note is needed.
    pub cause_known: bool,
}

/// The reason phrase of a status, for headings and labels.
pub fn reason(status: u16) -> &'static str {
    crate::text::status_phrase(status).unwrap_or(match status / 100 {
        4 => "Client Error",
        5 => "Server Error",
        _ => "Error",
    })
}

/// The advice for `status`.
pub fn advice(status: u16, auth: AuthKind) -> StatusAdvice {
    let (meaning, remedy, cause_known): (&str, String, bool) = match status {
        400 => (
            "the service did not accept the values sent with the request: a field is missing or empty, or a value is not in the form the service expects.",
            "Check that every required field has a value and that each value has the expected format.".into(),
            false,
        ),
        401 => (
            "the service did not accept the connection's credentials: they are missing, have expired or were revoked.",
            match auth {
                AuthKind::ApiKey => "Edit the connection and enter a valid API key, or create a new connection.".into(),
                AuthKind::Basic => "Edit the connection and enter a current user name and password, or create a new connection.".into(),
                AuthKind::OAuth2 => "Sign in again: fix the connection from the connections list, or create a new connection.".into(),
                AuthKind::None => "Re-create the connection with current credentials.".into(),
            },
            true,
        ),
        403 => (
            "the service knows who is calling but refuses the request: the account may lack a permission or licence, or may have used up an allowance of its plan.",
            "Check that the account behind the connection is allowed to do this in the service.".into(),
            false,
        ),
        404 => (
            "what the action asked for does not exist: an ID may be wrong or point to something deleted, or the action calls an endpoint the service no longer offers.",
            "Check the IDs given to the action, ideally by picking them from the output of an earlier action; if the action is deprecated, move to the action that replaces it.".into(),
            false,
        ),
        405 => (
            "the service does not allow this kind of request at this address.",
            "This needs a fix in the connector; report it to the publisher.".into(),
            false,
        ),
        408 => (
            "the service stopped waiting for the request to arrive.",
            "Try again later.".into(),
            true,
        ),
        409 => (
            "the request clashes with the current state of the item, for example because it already exists or someone changed it at the same time.",
            "Get the item's current state, adjust the input to it, and try again.".into(),
            false,
        ),
        410 => (
            "what the action asked for existed once but has been removed for good.",
            "Stop using the ID or the action that points to it.".into(),
            false,
        ),
        412 => (
            "the item changed since it was last read, so the service refused a change based on the old version.",
            "Read the item again and repeat the change with the fresh values.".into(),
            true,
        ),
        413 => (
            "the request is larger than the service accepts.",
            "Send less data in one call, for example a smaller file or fewer items.".into(),
            false,
        ),
        415 => (
            "the service does not accept the kind of content that was sent (its media type or file format).",
            "Check the file type or content type of the input.".into(),
            false,
        ),
        422 => (
            "the request was well formed, but the service could not act on its values, for example because a value breaks one of the service's rules.",
            "Check the values against the rules of the service.".into(),
            false,
        ),
        426 => (
            "the service refuses the protocol the request used and asks for a newer one.",
            "Only the publisher can fix this; report it.".into(),
            false,
        ),
        429 => (
            "too many calls were made in a short time, so the service's rate limit stopped this one.",
            "Make fewer calls in a short time: add a delay inside loops, lower the concurrency of Apply to each, and leave the action's retry policy on so occasional 429 responses are retried.".into(),
            true,
        ),
        500 => (
            "the service failed while handling the request. The fault is on the service's side, as far as the service tells.",
            "Try again later. If the same input fails every time, contact the publisher's support with the time of the failure.".into(),
            false,
        ),
        501 => (
            "the service does not support what the request asked for.",
            "Only the publisher can fix this; report it.".into(),
            false,
        ),
        502 => (
            "a server between Power Platform and the service got no usable answer from the service, for example because the service closed the connection.",
            "Try again later; the action's default retry policy retries such failures on its own.".into(),
            true,
        ),
        503 => (
            "the service cannot handle requests for the moment, for example during maintenance or under heavy load.",
            "Try again later; the action's default retry policy retries such failures on its own.".into(),
            true,
        ),
        504 => (
            "the service took too long to answer, so the call was given up.",
            "Try again later. If it happens with large requests, ask for less in one call, for example with a filter or a smaller page size.".into(),
            false,
        ),
        522 => (
            "no connection to the service's server could be set up in time (a status some content delivery networks use).",
            "Try again later; if it goes on, the service may be down.".into(),
            true,
        ),
        523 => (
            "the service's server could not be reached: something is wrong with the connection to it (a status some content delivery networks use).",
            "Try again later; if it goes on, the service may be down.".into(),
            true,
        ),
        524 => (
            "a connection to the service was made, but it was closed because the service did not answer in time (a status some content delivery networks use).",
            "Try again later, and ask for less in one call if the request is large.".into(),
            false,
        ),
        s if (400..500).contains(&s) => (
            "the service rejected the request.",
            "Check the values given to the action.".into(),
            false,
        ),
        _ => (
            "the service failed to handle the request.",
            "Try again later.".into(),
            false,
        ),
    };
    StatusAdvice {
        reason: reason(status),
        meaning,
        remedy,
        cause_known,
    }
}

/// Whether a response description only repeats the status (e.g. "Bad Request", "Error",
/// "Not found.") and so says nothing a maker can use.
pub fn says_nothing(description: &str, status: u16) -> bool {
    let norm = |s: &str| {
        s.to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    let d = norm(description);
    let r = norm(reason(status));
    d.is_empty()
        || d == r
        || d == format!("{status}")
        || d == format!("{status}{r}")
        || d.len() < 12
        || [
            "error",
            "failure",
            "failed",
            "operationfailed",
            "requestfailed",
            "internalerror",
            "servererror",
            "clienterror",
            "unauthorised",
            "badrequest",
            "notfound",
            "toomanyrequests",
            "forbidden",
            "conflict",
        ]
        .contains(&d.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_the_page_lists_has_advice() {
        for s in [
            400, 401, 403, 404, 409, 415, 426, 429, 500, 502, 504, 522, 523, 524,
        ] {
            let a = advice(s, AuthKind::ApiKey);
            assert!(a.meaning.ends_with('.') && a.remedy.ends_with('.'), "{s}");
            assert!(!a.reason.is_empty());
        }
        assert_eq!(reason(524), "A Timeout Occurred");
        assert!(advice(401, AuthKind::OAuth2)
            .remedy
            .contains("Sign in again"));
    }

    #[test]
    fn empty_descriptions_are_recognised() {
        assert!(says_nothing("Bad Request", 400));
        assert!(says_nothing("400", 400));
        assert!(says_nothing("Not found.", 404));
        assert!(!says_nothing("No invoice has this ID.", 404));
    }
}
