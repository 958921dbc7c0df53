//! What connlint knows about errors, inputs and limits in general, written for connlint in
//! its own words (after the error table and troubleshooting advice of Microsoft's "View
//! connector telemetry" page, plus the statuses that page leaves out): what a status means
//! to a maker, what form a value must have according to its description, which query
//! language a field takes, and which sentences state a limit.

/// How the connection signs in, which decides the advice for 401.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AuthKind {
    ApiKey,
    Basic,
    OAuth2,
    /// No `securityDefinitions`.
    #[default]
    None,
}

/// What an error status says about its cause, which decides the topic it is documented
/// under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cause {
    /// 401, 407: the connection's credentials were not accepted.
    Credentials,
    /// 403: known but not allowed.
    Permission,
    /// 402: credit or plan.
    Payment,
    /// 429: the rate limit.
    Throttled,
    /// 400, 422: a value was not accepted.
    Input,
    /// 404.
    NotFound,
    /// 410.
    Gone,
    /// 409.
    Conflict,
    /// 412, 428: the item changed since it was read.
    Changed,
    /// 413, 414, 431.
    TooLarge,
    /// 415, 406.
    MediaType,
    /// 423.
    Locked,
    /// 424.
    Dependency,
    /// 451.
    Legal,
    /// 408, 504, 522, 524: no answer in time.
    Timeout,
    /// 502, 503, 520, 521, 523, 525, 526, 530: the service or the way to it is down.
    Unavailable,
    /// 500 and other 5xx: the service failed.
    ServerFault,
    /// 405, 426, 501, 505: the connector calls the service in a way it does not support.
    /// A fault of the definition, for `check`, never advice for makers.
    ConnectorFault,
}

/// The cause an error status points to, or `None` for a status that is not an error.
pub fn cause(status: u16) -> Option<Cause> {
    Some(match status {
        401 | 407 => Cause::Credentials,
        402 => Cause::Payment,
        403 => Cause::Permission,
        429 => Cause::Throttled,
        400 | 422 => Cause::Input,
        404 => Cause::NotFound,
        410 => Cause::Gone,
        409 => Cause::Conflict,
        412 | 428 => Cause::Changed,
        413 | 414 | 431 => Cause::TooLarge,
        406 | 415 => Cause::MediaType,
        423 => Cause::Locked,
        424 => Cause::Dependency,
        451 => Cause::Legal,
        405 | 426 | 501 | 505 => Cause::ConnectorFault,
        408 | 504 | 522 | 524 => Cause::Timeout,
        502 | 503 | 520 | 521 | 523 | 525 | 526 | 530 => Cause::Unavailable,
        s if (400..500).contains(&s) => Cause::Input,
        s if (500..600).contains(&s) => Cause::ServerFault,
        _ => return None,
    })
}

/// The reason phrase of a status, for the text.
pub fn reason(status: u16) -> &'static str {
    crate::text::status_phrase(status).unwrap_or(match status / 100 {
        4 => "Client Error",
        5 => "Server Error",
        _ => "Error",
    })
}

/// `400 Bad Request`, for a code span.
pub fn status_text(status: u16) -> String {
    format!("{status} {}", reason(status))
}

/// What a status means for a maker, in one sentence: every error status has one.
pub fn meaning(status: u16) -> &'static str {
    match status {
        400 => "The service did not accept a value sent with the request: a field is missing or empty, or a value is not in the form the service expects.",
        401 => "The service did not accept the connection's credentials: they are missing, have expired or were revoked.",
        402 => "The account's plan or credit does not cover the request.",
        403 => "The service knows who is calling but does not allow the request: the account lacks a permission, or has used up an allowance of its plan.",
        404 => "What the action asked for does not exist, or the account cannot see it: an ID may be wrong or point to something deleted.",
        405 => "The service does not allow this kind of request at this address: the connector calls it in a way it does not support.",
        406 => "The service cannot answer in a form the connector accepts.",
        407 => "A proxy between Power Platform and the service asked for credentials.",
        408 => "The service stopped waiting for the request to arrive.",
        409 => "The request clashes with the item's current state, for example because it already exists or was changed at the same time.",
        410 => "What the action asked for has been removed for good.",
        411 | 428 => "The service requires a header the request did not send.",
        412 => "The item changed after it was read, so the service refused a change based on the old version.",
        413 => "The request is larger than the service accepts.",
        414 => "The request's address is longer than the service accepts.",
        415 => "The service does not accept the kind of content sent (its media type or file format).",
        416 => "The part of the file asked for lies outside the file.",
        422 => "The request was well formed, but a value breaks one of the service's rules.",
        423 => "The item is locked, for example while someone else edits it.",
        424 => "The request depended on another one that failed.",
        426 => "The service refuses the protocol the request used.",
        429 => "Too many calls were made in a short time, so the service's rate limit refused this one.",
        431 => "The request's headers are larger than the service accepts.",
        451 => "The service may not provide the item, for legal reasons.",
        500 => "The service failed while handling the request.",
        501 => "The service does not support what the request asked for.",
        502 => "A server between Power Platform and the service got no usable answer from the service.",
        503 => "The service cannot handle requests for the moment, for example during maintenance or under heavy load.",
        504 => "The service took too long to answer, so the call was given up.",
        507 => "The service has no room left to store what was sent.",
        520 => "The service's server returned an answer the network in front of it could not read.",
        521 => "The service's server refused the connection from the network in front of it.",
        522 => "No connection to the service's server could be set up in time.",
        523 => "The service's server could not be reached.",
        524 => "The service's server accepted the connection but did not answer in time.",
        525 | 526 => "The secure connection to the service's server could not be set up.",
        530 => "The service's site could not be reached.",
        s if (400..500).contains(&s) => "The service rejected the request.",
        _ => "The service failed to handle the request.",
    }
}

/// Whether a response description only repeats the status (e.g. "Bad Request", "Error",
/// "Not found.") and so says nothing a maker can use.
pub fn says_nothing(description: &str, status: u16) -> bool {
    // Several sentences: nothing said when none of them says anything.
    let parts = sentences(description);
    if parts.len() > 1 {
        return parts
            .iter()
            .all(|p| says_nothing_once(p, status) || is_stock_advice(p));
    }
    says_nothing_once(description, status)
}

/// Generic advice that fits any failure: "Check input parameters.", "Check the details
/// of the error message.", "Please try again later."
fn is_stock_advice(sentence: &str) -> bool {
    let s: String = sentence
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ')
        .collect();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    [
        "check input parameters",
        "check the input parameters",
        "check the details of the error message",
        "check the error message",
        "see the error message",
        "see error message for details",
        "see the response for details",
        "please try again",
        "please try again later",
        "try again later",
        "contact support",
        "please contact support",
    ]
    .contains(&s.as_str())
}

/// A response description without its sentences that say nothing (a restated status,
/// "Check the details of the error message."), or `None` when none says anything.
pub fn informative(description: &str, status: u16) -> Option<String> {
    let d = without_label(description, status);
    if says_nothing(d, status) {
        return None;
    }
    // Causes the designer already prevents (a missing required value or body) are no
    // news to makers: "Returned if: * the request body is missing. * …".
    let prevented = |p: &str| {
        let l = p.to_lowercase();
        [
            "request body",
            "body is missing",
            "required",
            "parameter is missing",
            "parameters are missing",
            "field is missing",
            "fields are missing",
            "id is missing",
            "not provided",
        ]
        .iter()
        .any(|m| l.contains(m))
    };
    let d = d.replace("\n", " ");
    let bullets: Vec<&str> = d.split(" * ").collect();
    let text = if bullets.len() > 1 {
        bullets
            .iter()
            .filter(|b| !prevented(b))
            .copied()
            .collect::<Vec<_>>()
            .join(" * ")
    } else {
        d.clone()
    };
    let parts = sentences(&text);
    // "Returned if the body is missing. The user may not …": the lead goes on to the
    // next cause when its own is dropped.
    let lead = parts.first().and_then(|first| {
        let l = first.to_lowercase();
        ["returned if ", "returned when "]
            .iter()
            .find(|p| l.starts_with(*p))
            .map(|p| first[..p.len()].to_string())
    });
    let mut kept: Vec<String> = parts
        .into_iter()
        .filter(|p| !(says_nothing_once(p, status) || is_stock_advice(p) || prevented(p)))
        .collect();
    if let (Some(lead), Some(first)) = (lead, kept.first_mut()) {
        if !first.to_lowercase().starts_with(&lead.to_lowercase()) {
            let mut c = first.chars();
            let lowered = match c.next() {
                Some(f) if c.clone().next().is_some_and(char::is_lowercase) => {
                    f.to_lowercase().collect::<String>() + c.as_str()
                }
                _ => first.clone(),
            };
            *first = format!("{lead}{lowered}");
        }
    }
    if kept.is_empty() {
        return None;
    }
    // A lead kept alone ("Returned if:") says nothing either.
    let joined = kept.join(" ");
    let bare = joined.trim_end_matches([':', ' ', '*']).to_lowercase();
    (!matches!(
        bare.as_str(),
        "returned if" | "returned when" | "if" | "when"
    ))
    .then_some(joined)
}

/// A response description's text without a leading label that restates the status
/// ("Unauthorized action - User lacks …" → "User lacks …").
pub fn without_label(description: &str, status: u16) -> &str {
    let d = description.trim();
    for sep in [" - ", ": ", " – "] {
        if let Some((label, rest)) = d.split_once(sep) {
            let words = label.split_whitespace().count();
            if (1..=4).contains(&words) && !rest.trim().is_empty() {
                let l = label.to_lowercase();
                let restates = says_nothing_once(label, status)
                    || [
                        "error",
                        "invalid",
                        "unauthori",
                        "forbidden",
                        "not found",
                        "conflict",
                        "validation",
                        "bad request",
                        "failed",
                        "denied",
                    ]
                    .iter()
                    .any(|w| l.contains(w));
                if restates {
                    return rest.trim();
                }
            }
        }
    }
    d
}

fn says_nothing_once(description: &str, status: u16) -> bool {
    // "Returned if the task is not found.": a 404 that restates itself.
    if status == 404 || status == 410 {
        let l = description.trim().trim_end_matches('.').to_lowercase();
        let l = ["returned if ", "returned when ", "if ", "when "]
            .iter()
            .find_map(|p| l.strip_prefix(p))
            .unwrap_or(&l)
            .to_string();
        let words: Vec<&str> = l.split_whitespace().collect();
        let tail = [
            "is not found",
            "was not found",
            "not found",
            "does not exist",
            "doesn't exist",
            "could not be found",
            "cannot be found",
        ];
        if words.len() <= 6 && tail.iter().any(|t| l.ends_with(t)) {
            return true;
        }
    }
    let norm = |s: &str| {
        s.to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    let d = norm(description);
    let r = norm(reason(status));
    let generic = [
        "error",
        "failure",
        "failed",
        "operationfailed",
        "requestfailed",
        "internalerror",
        "servererror",
        "clienterror",
        "unauthorised",
        "unauthorized",
        "badrequest",
        "notfound",
        "toomanyrequests",
        "forbidden",
        "conflict",
        "unexpectederror",
        "defaulterrorresponse",
        "errorresponse",
        "invalidrequest",
        "resourcenotfound",
        "accessdenied",
        "servicenotavailable",
        "serviceunavailable",
        "internalservererror",
        "thrownerror",
        "unauthorizedaccess",
        "authenticationfailed",
        "requestisinvalid",
        "invalidinput",
        "validationfail",
        "validationfailed",
        "validationerror",
        "badrequesterror",
        "notfounderror",
        "unauthorizederror",
    ];
    let stock = [
        "therequestisinvalid",
        "theserverencounteredanerror",
        "anerroroccurred",
        "anunexpectederroroccurred",
        "authenticationerror",
        "authorizationerror",
        "userisnotauthorized",
        "unauthorizedrequest",
        "theresourcewasnotfound",
        "therequestedresourcewasnotfound",
        "resourcedoesnotexist",
        "invalidparameters",
        "invalidparameter",
        "badrequestinvalidinput",
        "requestthrottled",
        "yourrequestcouldnotbeprocessed",
        "therequestcouldnotbeprocessed",
        "requestcouldnotbeprocessed",
        "somethingwentwrong",
        "therequestisnotauthorized",
        "therequestisntauthorized",
        "requestisnotauthorized",
        "notauthorized",
        "invalidrequest",
        "badrequestinvalidrequest",
        "notfound",
        "thespecifiedresourcewasnotfound",
        "ratelimitexceeded",
        "toomanyrequestsratelimitexceeded",
    ];
    d.is_empty()
        || d == r
        || d == format!("{status}")
        || d == format!("{status}{r}")
        || d == format!("{r}{status}")
        || d.len() < 12
        || generic.contains(&d.as_str())
        || stock.contains(&d.as_str())
        || d.strip_prefix(&status.to_string())
            .is_some_and(|rest| generic.contains(&rest) || stock.contains(&rest))
}

/// A query language a field takes, and how to get a query right.
#[derive(Debug, PartialEq, Eq)]
pub struct QueryLanguage {
    /// "JQL", "an OData filter".
    pub name: &'static str,
    /// A sentence on getting it right, or `None`.
    pub advice: Option<&'static str>,
}

const JQL: QueryLanguage = QueryLanguage {
    name: "JQL",
    advice: Some("Run the query in JIRA's advanced issue search first, then paste it unchanged."),
};
const ODATA: QueryLanguage = QueryLanguage {
    name: "OData filter",
    advice: Some("Text values go in single quotes, and field names must be written exactly as in the action's output."),
};
const SOQL: QueryLanguage = QueryLanguage {
    name: "SOQL",
    advice: Some("Run the query in Salesforce's Developer Console first, then paste it unchanged."),
};
pub const SQL: QueryLanguage = QueryLanguage {
    name: "SQL",
    advice: None,
};
const KQL: QueryLanguage = QueryLanguage {
    name: "KQL",
    advice: None,
};
const GRAPHQL: QueryLanguage = QueryLanguage {
    name: "GraphQL",
    advice: None,
};
const FETCHXML: QueryLanguage = QueryLanguage {
    name: "FetchXML",
    advice: None,
};
const CRON: QueryLanguage = QueryLanguage {
    name: "cron expression",
    advice: None,
};
const REGEX: QueryLanguage = QueryLanguage {
    name: "regular expression",
    advice: None,
};

/// The query language of a field, from its name and description.
pub fn query_language(name: &str, description: &str) -> Option<&'static QueryLanguage> {
    let n = name.to_ascii_lowercase();
    let d = description.to_lowercase();
    let word = |text: &str, w: &str| {
        text.split(|c: char| !c.is_ascii_alphanumeric() && c != '$')
            .any(|t| t == w)
    };
    if n.contains("jql") || word(&d, "jql") {
        return Some(&JQL);
    }
    if n.contains("soql") || word(&d, "soql") {
        return Some(&SOQL);
    }
    if n.contains("fetchxml") || d.contains("fetchxml") {
        return Some(&FETCHXML);
    }
    if n.contains("graphql") || d.contains("graphql") {
        return Some(&GRAPHQL);
    }
    if n.contains("kql") || word(&d, "kql") || d.contains("kusto query") {
        return Some(&KQL);
    }
    if (n == "$filter" || n == "filter" || n.ends_with("filter")) && word(&d, "odata") {
        return Some(&ODATA);
    }
    if n == "$filter" {
        return Some(&ODATA);
    }
    if n.contains("sql") || d.contains("sql query") || d.contains("sql statement") {
        return Some(&SQL);
    }
    if n.contains("cron") || d.contains("cron expression") {
        return Some(&CRON);
    }
    if n.contains("regex") || d.contains("regular expression") {
        return Some(&REGEX);
    }
    None
}

/// The form a field's value must have: from its description first (a format such as
/// `YYYY-MM-DD hh:mm`, ISO 8601, Unix time), then its schema `format`, then a short
/// `pattern`. The description wins over `format`: it is what makers read, and where the
/// two disagree the description is usually what the service really takes.
pub fn form(
    description: &str,
    type_name: Option<&str>,
    format: Option<&str>,
    pattern: Option<&str>,
) -> Option<super::facts::Form> {
    use super::facts::Form;
    let d = description.to_lowercase();
    let format = format.map(str::to_ascii_lowercase);
    if let Some(token) = date_token(description) {
        let has_time = token.chars().any(|c| matches!(c, 'H' | 'h'));
        let has_date = token.chars().any(|c| matches!(c, 'Y' | 'y' | 'D' | 'd'));
        let what = match (has_date, has_time) {
            (true, true) => "a date and time",
            (true, false) => "a date",
            _ => "a time",
        };
        return Some(Form {
            text: format!("{what} in the form {token}"),
            example: Some(example_of(&token)),
        });
    }
    let timed = |d: &str| {
        [
            "date-time",
            "datetime",
            "date and time",
            "timestamp",
            "time",
        ]
        .iter()
        .any(|w| d.contains(w))
    };
    if d.contains("iso 8601") || d.contains("iso-8601") || d.contains("iso8601") {
        let date_only = format.as_deref() == Some("date")
            || (!timed(&d.replace("iso 8601", "")) && format.as_deref() != Some("date-time"));
        return Some(if date_only {
            Form {
                text: "an ISO 8601 date".into(),
                example: Some("2026-01-31".into()),
            }
        } else {
            Form {
                text: "an ISO 8601 date and time".into(),
                example: Some("2026-01-31T13:45:00Z".into()),
            }
        });
    }
    if d.contains("unix time") || d.contains("unix timestamp") || d.contains("epoch") {
        return Some(if d.contains("millisecond") {
            Form {
                text: "a Unix time in milliseconds".into(),
                example: Some("1769867100000".into()),
            }
        } else {
            Form {
                text: "a Unix time in seconds".into(),
                example: Some("1769867100".into()),
            }
        });
    }
    match format.as_deref() {
        Some("date") => {
            return Some(Form {
                text: "a date".into(),
                example: Some("2026-01-31".into()),
            })
        }
        Some("date-time") => {
            return Some(Form {
                text: "a date and time".into(),
                example: Some("2026-01-31T13:45:00Z".into()),
            })
        }
        Some("email") => {
            return Some(Form {
                text: "an email address".into(),
                example: None,
            })
        }
        Some("uri" | "url") => {
            return Some(Form {
                text: "a full web address".into(),
                example: Some("https://example.com/path".into()),
            })
        }
        Some("uuid" | "guid") => {
            return Some(Form {
                text: "a GUID".into(),
                example: Some("3f2504e0-4f89-11d3-9a0c-0305e82c3301".into()),
            })
        }
        _ => {}
    }
    if let Some(p) = pattern.filter(|p| p.len() <= 40) {
        if type_name.is_none_or(|t| t == "string") {
            return Some(Form {
                text: format!("text that matches {p}"),
                example: None,
            });
        }
    }
    None
}

/// A Power Automate expression that gives the current time in a form, for makers to
/// start from: `formatDateTime(utcNow(), 'yyyy-MM-dd HH:mm')` for `YYYY-MM-DD hh:mm`.
pub fn expression(form: &super::facts::Form) -> Option<String> {
    let t = form.text.as_str();
    if let Some(token) = t.split(" in the form ").nth(1) {
        // The description's tokens as .NET format specifiers: YYYY → yyyy, DD → dd, and
        // hours on the 24-hour clock.
        // After the hours, M is minutes (`HH:MM:SS`), not the month.
        let mut after_hours = false;
        let dotnet: String = token
            .chars()
            .map(|c| match c {
                'Y' => 'y',
                'D' => 'd',
                'h' | 'H' => {
                    after_hours = true;
                    'H'
                }
                'M' if after_hours => 'm',
                'S' => 's',
                '\'' => '"',
                c => c,
            })
            .collect();
        return Some(format!("formatDateTime(utcNow(), '{dotnet}')"));
    }
    match t {
        "an ISO 8601 date and time" | "a date and time" => Some("utcNow()".into()),
        "an ISO 8601 date" | "a date" => Some("formatDateTime(utcNow(), 'yyyy-MM-dd')".into()),
        "a Unix time in seconds" => {
            Some("div(sub(ticks(utcNow()), ticks('1970-01-01')), 10000000)".into())
        }
        "a Unix time in milliseconds" => {
            Some("div(sub(ticks(utcNow()), ticks('1970-01-01')), 10000)".into())
        }
        _ => None,
    }
}

/// A date or time format written in a description: `YYYY-MM-DD`, `yyyy-MM-ddTHH:mm:ss`,
/// `'YYYY-MM-DD hh:mm'`, `DD/MM/YYYY`, `YYYYMMDD`.
pub fn date_token(description: &str) -> Option<String> {
    let clean = |w: &str| {
        w.trim_matches(|c: char| matches!(c, '\'' | '"' | '(' | ')' | ',' | ';' | '`' | '[' | ']'))
            .trim_end_matches(['.', ':'])
            .to_string()
    };
    let is_format = |w: &str| {
        let letters: String = w.chars().filter(|c| c.is_ascii_alphabetic()).collect();
        !w.is_empty()
            && w.chars().all(|c| {
                matches!(
                    c,
                    'Y' | 'y'
                        | 'M'
                        | 'D'
                        | 'd'
                        | 'H'
                        | 'h'
                        | 'm'
                        | 's'
                        | 'S'
                        | 'T'
                        | 'Z'
                        | 'f'
                        | 'F'
                        | 'z'
                        | '-'
                        | '/'
                        | ':'
                        | '.'
                        | '\''
                        | '+'
                )
            })
            && letters.len() >= 4
            && (letters.contains("YY")
                || letters.contains("yy")
                || ((letters.contains("DD") || letters.contains("dd")) && letters.contains("MM"))
                || ((letters.contains("HH") || letters.contains("hh"))
                    && (letters.contains("mm") || letters.contains("MM"))))
    };
    let words: Vec<String> = description.split_whitespace().map(clean).collect();
    for (i, w) in words.iter().enumerate() {
        if !is_format(w) {
            continue;
        }
        // A time written after a date, as in `YYYY-MM-DD hh:mm`.
        if let Some(next) = words.get(i + 1) {
            let time_only = is_format(next)
                && next.chars().any(|c| matches!(c, 'H' | 'h'))
                && !next.chars().any(|c| matches!(c, 'Y' | 'y' | 'D' | 'd'));
            if time_only && !w.chars().any(|c| matches!(c, 'H' | 'h')) {
                return Some(format!("{w} {next}").replace('\'', ""));
            }
        }
        return Some(w.replace('\'', ""));
    }
    None
}

/// A value in the form of `token` (31 January 2026, 09:45:00).
pub fn example_of(token: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = token.chars().collect();
    let mut i = 0;
    let mut after_hour = false;
    while i < chars.len() {
        let c = chars[i];
        let run = chars[i..].iter().take_while(|x| **x == c).count();
        let piece = match c {
            'Y' | 'y' if run >= 4 => "2026".to_string(),
            'Y' | 'y' => "26".to_string(),
            'M' if after_hour => "45".to_string(),
            'M' => "01".to_string(),
            'm' if !after_hour && run == 2 && !token.contains('M') => "01".to_string(),
            'm' => "45".to_string(),
            'D' | 'd' => "31".to_string(),
            'H' | 'h' => {
                after_hour = true;
                "09".to_string()
            }
            's' | 'S' if run <= 2 => "00".to_string(),
            'f' | 'F' | 'S' | 's' => "0".repeat(run),
            'z' => "+00:00".to_string(),
            other => other.to_string().repeat(run),
        };
        out.push_str(&piece);
        i += run;
    }
    out
}

/// "at most 50", "at most 160 characters": a maximum a description states, as written.
pub fn stated_maximum(description: &str) -> Option<String> {
    let words: Vec<String> = description
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .collect();
    let number_at = |i: usize| -> Option<(String, usize)> {
        let w = words.get(i)?;
        let core = w.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | '.' | ';' | ':'));
        let n = core.trim_end_matches(|c: char| !c.is_ascii_digit());
        (!n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == ',') && n == core)
            .then(|| (n.to_string(), i + 1))
    };
    for i in 0..words.len() {
        let w = words[i].trim_matches(|c: char| !c.is_alphanumeric());
        let start = match w {
            "max" | "maximum" | "limit" => {
                // "max 100", "maximum is 100", "max allowed 50", "maximum possible value is 100"
                let mut j = i + 1;
                while j < words.len().min(i + 5)
                    && [
                        "is", "of", "allowed", "possible", "value", "=", "size", "number",
                    ]
                    .contains(&words[j].trim_matches(|c: char| !c.is_alphanumeric() && c != '='))
                {
                    j += 1;
                }
                Some(j)
            }
            "most" if i > 0 && words[i - 1] == "at" => Some(i + 1),
            "to" if i > 0 && words[i - 1] == "up" => Some(i + 1),
            "than"
                if i > 1
                    && words[i - 1] == "more"
                    && words[i - 2].trim_matches(|c: char| !c.is_alphanumeric()) == "no" =>
            {
                Some(i + 1)
            }
            _ => None,
        };
        let Some((n, next)) = start.and_then(number_at) else {
            continue;
        };
        let unit = words
            .get(next)
            .map(|u| u.trim_matches(|c: char| !c.is_alphanumeric()))
            .unwrap_or_default();
        return match unit {
            "characters" | "chars" | "character" => Some(format!("at most {n} characters")),
            "items" | "values" | "entries" | "elements" => Some(format!("at most {n} items")),
            u if u.starts_with(|c: char| c.is_ascii_digit())
                || [
                    "mb", "kb", "gb", "m", "k", "bytes", "seconds", "minutes", "days", "hours",
                ]
                .contains(&u) =>
            {
                None
            }
            _ => Some(format!("at most {n}")),
        };
    }
    None
}

/// The sentences of a description that state a condition makers must meet: "Usable
/// only in the support window", "Requires a registered template", "must have the country
/// prefix", "without the + sign". Not deprecation notes, not sentences of more than 35
/// words.
pub fn conditions(text: &str) -> Vec<String> {
    const MARKS: [&str; 36] = [
        " must ",
        "requires ",
        "required:",
        "needs to ",
        " need to ",
        "cannot ",
        "can't ",
        "can not ",
        "not supported",
        "unsupported",
        "not allowed",
        "no more than",
        "at most",
        "at least",
        "limited to",
        " ignored",
        "without the ",
        "case-sensitive",
        "case sensitive",
        "time zone",
        "timezone",
        "permissions required",
        "permission required",
        " only if ",
        " only when ",
        " only in ",
        "usable only",
        " can only ",
        "only available",
        " only works",
        " only accepts",
        " ignore ",
        "kept for",
        "retained for",
        "stored for",
        "the latest ",
    ];
    let within_time = |l: &str| {
        l.split_whitespace()
            .collect::<Vec<_>>()
            .windows(2)
            .any(|w| w[0] == "within" && w[1].starts_with(|c: char| c.is_ascii_digit()))
    };
    sentences(&plain(text))
        .into_iter()
        .filter(|s| {
            let l = format!(" {} ", s.to_lowercase());
            (MARKS.iter().any(|m| l.contains(m)) || within_time(&l))
                && !l.contains("deprecat")
                && !l.contains("will be removed")
                && s.split_whitespace().count() <= 35
                && s.chars().any(char::is_alphabetic)
                && !is_code_like(s)
        })
        .collect()
}

/// A sentence written for programmers: a formula (`Math.floor(frequency * 10)`) or a
/// property's name in camelCase (`frequencyOffset`), which makers never see.
pub fn is_code_like(sentence: &str) -> bool {
    sentence.contains("Math.")
        || sentence.contains("()")
        || sentence.contains("=>")
        || sentence.contains("==")
        || sentence.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.chars().take(2).filter(char::is_ascii_lowercase).count() == 2
                && w.chars().all(|c| c.is_ascii_alphanumeric())
                && w.chars()
                    .zip(w.chars().skip(1))
                    .any(|(a, b)| a.is_ascii_lowercase() && b.is_ascii_uppercase())
        })
}

/// A description as plain text: HTML tags (`<strong>`, `<code>`, `<br>`) and Markdown
/// emphasis taken out, "IMPORTANT:"/"Note:" leads dropped, whitespace collapsed.
pub fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let tag = after.find('>').filter(|&j| {
            let t = after[..j].trim_start_matches('/');
            j < 40
                && t.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && t.chars().all(|c| {
                    c.is_ascii_alphanumeric()
                        || matches!(c, ' ' | '=' | '"' | '\'' | '-' | '/' | ':' | '.')
                })
        });
        match tag {
            Some(j) => {
                out.push(' ');
                rest = &after[j + 1..];
            }
            None => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    let out = out.replace("**", "").replace("__", "");
    let mut t = out.split_whitespace().collect::<Vec<_>>().join(" ");
    for lead in ["IMPORTANT:", "Important:", "NOTE:", "Note:", "Notes:"] {
        t = t.replace(lead, "");
    }
    for lead in [
        "Please also note that ",
        "Please note that ",
        "Note that ",
        "please also note that ",
        "please note that ",
    ] {
        t = t.replace(lead, "");
    }
    t.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" .", ".")
        .replace(" ,", ",")
}

/// The sentences of a text, whitespace collapsed.
pub fn sentences(text: &str) -> Vec<String> {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = flat.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        current.push(c);
        // Not after an abbreviation: "e.g.", "eg.", "i.e.", "etc.", "vs.".
        let abbreviation = c == '.' && {
            let word: String = current
                .trim_end_matches('.')
                .rsplit([' ', '('])
                .next()
                .unwrap_or_default()
                .to_lowercase();
            [
                "e.g", "eg", "i.e", "ie", "etc", "vs", "approx", "incl", "ex", "no",
            ]
            .contains(&word.as_str())
        };
        // "apart.If none": a full stop glued to the next sentence.
        let glued = c == '.'
            && chars.get(i + 1).is_some_and(|n| n.is_uppercase())
            && chars.get(i + 2).is_some_and(|n| n.is_lowercase())
            && chars
                .get(i.wrapping_sub(1))
                .is_some_and(|p| p.is_lowercase());
        let end = matches!(c, '.' | '!' | '?')
            && !abbreviation
            && (chars.get(i + 1).is_none_or(|n| *n == ' ') || glued)
            && !chars.get(i.wrapping_sub(1)).is_some_and(|p| {
                p.is_ascii_digit() && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit())
            });
        if end {
            out.push(current.trim().to_string());
            current.clear();
        }
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_string());
    }
    out
}

/// Whether a sentence states a limit: a quantity together with a limit word.
pub fn states_limit(sentence: &str) -> bool {
    const WORDS: [&str; 22] = [
        "limit",
        "maximum",
        "max ",
        "at most",
        "up to",
        "no more than",
        "per page",
        "per second",
        "per minute",
        "per hour",
        "per day",
        "timeout",
        "time out",
        "times out",
        "timed out",
        "throttl",
        "quota",
        " mb",
        " kb",
        " gb",
        "requests per",
        "calls per",
    ];
    let lower = format!(" {}", sentence.to_lowercase());
    let has_number = sentence.split_whitespace().any(is_quantity);
    let has_word = WORDS.iter().any(|w| lower.contains(w))
        || lower.contains("mb ")
        || lower.contains("mb.")
        || lower.contains("kb.")
        || lower.contains("gb.");
    has_number && has_word && sentence.len() <= 300
}

/// A word that is a quantity: `100`, `1,000`, `2.5`, `25MB`, `30s`, `1-2`, `50%` (not an
/// identifier such as `TCA-9999` or `v2`).
pub fn is_quantity(word: &str) -> bool {
    let w = word.trim_matches(|c: char| {
        matches!(
            c,
            '(' | ')' | ',' | '.' | ';' | ':' | '"' | '\'' | '!' | '?' | '*' | '_'
        )
    });
    if !w.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let digits = w
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, ',' | '.' | '-')))
        .map_or(w.len(), |(i, _)| i);
    let unit = &w[digits..];
    unit.len() <= 3 && unit.chars().all(|c| c.is_ascii_alphabetic() || c == '%')
}

/// Whether a limit sentence is about the rate of calls.
pub fn is_rate_sentence(s: &str) -> bool {
    let l = s.to_lowercase();
    l.contains("rate limit")
        || l.contains("rate-limit")
        || l.contains("throttl")
        || l.contains("quota")
        || [
            "per second",
            "per minute",
            "per hour",
            "per day",
            "a second",
            "a minute",
            "an hour",
            "a day",
            "/s",
            "/min",
            "/ ",
            "every",
        ]
        .iter()
        .any(|w| l.contains(w))
            && (l.contains("request") || l.contains("call"))
}

/// Whether a limit sentence is about sizes.
pub fn is_size_sentence(s: &str) -> bool {
    let l = format!(" {} ", s.to_lowercase());
    [
        " mb",
        " kb",
        " gb",
        "mb ",
        "kb ",
        "gb ",
        "mb.",
        "kb.",
        "gb.",
        "file size",
        "size limit",
    ]
    .iter()
    .any(|w| l.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expressions_for_forms() {
        let e = |text: &str| {
            expression(&super::super::facts::Form {
                text: text.into(),
                example: None,
            })
        };
        assert_eq!(
            e("a date and time in the form YYYY-MM-DD hh:mm").as_deref(),
            Some("formatDateTime(utcNow(), 'yyyy-MM-dd HH:mm')")
        );
        assert_eq!(
            e("a date and time in the form YYYY-MM-DDTHH:MM:SSZ").as_deref(),
            Some("formatDateTime(utcNow(), 'yyyy-MM-ddTHH:mm:ssZ')")
        );
        assert_eq!(e("an ISO 8601 date and time").as_deref(), Some("utcNow()"));
        assert_eq!(
            e("a Unix time in seconds").as_deref(),
            Some("div(sub(ticks(utcNow()), ticks('1970-01-01')), 10000000)")
        );
        assert_eq!(e("an email address"), None);
    }

    #[test]
    fn code_is_not_for_makers() {
        assert!(is_code_like(
            "Checks can have a frequencyOffset between 1 and Math.floor(frequency * 10)."
        ));
        assert!(!is_code_like("Send WhatsApp messages within 24 hours."));
        assert!(!is_code_like("Use the iOS app."));
    }

    #[test]
    fn every_error_status_has_a_cause_and_a_meaning() {
        for s in [
            400, 401, 402, 403, 404, 405, 408, 409, 410, 412, 413, 415, 422, 423, 424, 426, 429,
            451, 500, 501, 502, 503, 504, 520, 521, 522, 523, 524, 525, 526, 530,
        ] {
            assert!(cause(s).is_some(), "{s}");
            let m = meaning(s);
            assert!(m.ends_with('.') && m.len() > 20, "{s}: {m}");
            assert!(!reason(s).is_empty());
        }
        assert_eq!(cause(200), None);
        assert_eq!(cause(402), Some(Cause::Payment));
        assert_eq!(cause(405), Some(Cause::ConnectorFault));
        assert_eq!(reason(524), "A Timeout Occurred");
    }

    #[test]
    fn empty_descriptions_are_recognised() {
        assert!(says_nothing("Bad Request", 400));
        assert!(says_nothing("400", 400));
        assert!(says_nothing("Not found.", 404));
        assert!(says_nothing("Internal Server Error", 500));
        assert!(says_nothing("The request is invalid.", 400));
        assert!(!says_nothing("No invoice has this ID.", 404));
        assert!(says_nothing("Returned if the task is not found.", 404));
        assert_eq!(
            informative("Returned if the request body is missing. The user may not edit the field. The request has an invalid transition.", 400).as_deref(),
            Some("Returned if the user may not edit the field. The request has an invalid transition.")
        );
        assert!(says_nothing("Bad Request. Invalid request.", 400));
        assert!(says_nothing(
            "Invalid request. Check input parameters.",
            400
        ));
        assert!(says_nothing(
            "The request isn't authorized. Check the details of the error message.",
            403
        ));
        assert_eq!(
            without_label("Unauthorized action - User lacks permissions.", 403),
            "User lacks permissions."
        );
        assert_eq!(
            without_label("No ticket has this ID.", 404),
            "No ticket has this ID."
        );
        assert_eq!(
            informative("The request is not authorized. Check the details of the error message. This often means the free translations are used up.", 403).as_deref(),
            Some("This often means the free translations are used up.")
        );
    }

    #[test]
    fn forms_come_from_the_description_first() {
        let f = form(
            "Date to send the message 'YYYY-MM-DD hh:mm'",
            Some("string"),
            Some("date-time"),
            None,
        )
        .unwrap();
        assert_eq!(f.text, "a date and time in the form YYYY-MM-DD hh:mm");
        assert_eq!(f.example.as_deref(), Some("2026-01-31 09:45"));
        let f = form(
            "Start date. Must be in ISO-8601 format.",
            Some("string"),
            None,
            None,
        )
        .unwrap();
        assert_eq!(f.text, "an ISO 8601 date");
        let f = form("Start time in ISO 8601 format", Some("string"), None, None).unwrap();
        assert_eq!(f.text, "an ISO 8601 date and time");
        let f = form(
            "This is a timestamp in ISO 8601 format: YYYY-MM-DDTHH:MM:SSZ.",
            None,
            None,
            None,
        )
        .unwrap();
        assert_eq!(f.example.as_deref(), Some("2026-01-31T09:45:00Z"));
        let f = form(
            "Filter facts to only before a specific date. YYYYMMDD format.",
            None,
            None,
            None,
        )
        .unwrap();
        assert_eq!(f.example.as_deref(), Some("20260131"));
        let f = form("", Some("string"), Some("date-time"), None).unwrap();
        assert_eq!(f.example.as_deref(), Some("2026-01-31T13:45:00Z"));
        assert_eq!(
            form("The name of the board.", Some("string"), None, None),
            None
        );
        assert_eq!(
            date_token("Use the format dd/MM/yyyy."),
            Some("dd/MM/yyyy".into())
        );
        assert_eq!(date_token("My DAD and MOM"), None);
    }

    #[test]
    fn stated_maximums() {
        assert_eq!(
            stated_maximum("Page size max allowed 50"),
            Some("at most 50".into())
        );
        assert_eq!(
            stated_maximum("The message, no more than 160 characters."),
            Some("at most 160 characters".into())
        );
        assert_eq!(
            stated_maximum("Max number of results to return. Default value is 20. Maximum possible value is 100."),
            Some("at most 100".into())
        );
        assert_eq!(stated_maximum("You can attach up to 5M in files."), None);
        assert_eq!(
            stated_maximum("Text to be sent (no more than 160 characters)."),
            Some("at most 160 characters".into())
        );
        assert_eq!(
            plain("<strong>[DEPRECATED]</strong> Instead use <code>PUT /a/{id}</code>."),
            "[DEPRECATED] Instead use PUT /a/{id}."
        );
        assert_eq!(
            sentences("They must be apart.If none are set, now."),
            vec!["They must be apart.", "If none are set, now."]
        );
        assert!(conditions("Only tasks after this date will be returned.").is_empty());
        assert_eq!(
            conditions(
                "Usable only in support window (24 hours after last message from customer)."
            )
            .len(),
            1
        );
        assert_eq!(stated_maximum("The maximum number of results."), None);
    }

    #[test]
    fn query_languages() {
        assert_eq!(
            query_language("jql", "Query to use.").map(|q| q.name),
            Some("JQL")
        );
        assert_eq!(
            query_language("$filter", "").map(|q| q.name),
            Some("OData filter")
        );
        assert_eq!(query_language("name", "The name."), None);
    }

    #[test]
    fn limit_sentences() {
        assert!(states_limit("The API allows 100 requests per minute."));
        assert!(is_rate_sentence("The API allows 100 requests per minute."));
        assert!(states_limit("Files up to 25 MB."));
        assert!(is_size_sentence("Files up to 25 MB."));
        assert!(!states_limit("TCA-9999 Returns current quota limits."));
        assert!(is_quantity("1,000.") && !is_quantity("v2"));
    }
}
