//! The terminal rendering of a [`StatsReport`]: the connector's two rates on top, then
//! the operations sorted by errors, each error status with what it means.

use std::fmt::Write as _;

use crate::text::{status_phrase, thousands};

use crate::stats::{
    Documentation, OperationStats, ResponseStats, StatsReport, UnmatchedKind, WindowBasis,
};

/// What an error status usually means for a connector, in our words. Covers the codes of
/// Microsoft's "View connector telemetry" table.
pub fn status_meaning(status: u16) -> Option<&'static str> {
    Some(match status {
        400 => "the service refused the request as malformed or invalid, most often because of an input the maker gave",
        401 => "the caller could not be authenticated: the connection's credentials are missing, wrong or expired",
        403 => "the caller is known but not allowed: missing permission, or an allowance of the API used up",
        404 => "nothing answers at that address: often an action that was removed or deprecated, or an item that does not exist",
        409 => "the change clashes with the current state of the resource; it can succeed once that state is sorted out",
        415 => "the body was sent with a content type the service does not accept",
        426 => "the service will only answer over another protocol version; the client must switch first",
        429 => "too many calls in a short time: the API's rate limit was hit (left out of the success rates)",
        500 => "the service failed unexpectedly while handling the request",
        502 => "a gateway or proxy got no usable answer from the server behind it, e.g. a dropped connection",
        504 => "a gateway stopped waiting for the server behind it: the backend is slow or down",
        522 => "the edge network could not open a connection to the origin server in time",
        523 => "the edge network could not reach the origin server at all (routing or DNS)",
        524 => "the origin accepted the connection but did not answer before the edge timed out",
        _ => return None,
    })
}

struct Style {
    color: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    fn bold(&self, text: &str) -> String {
        self.paint("1", text)
    }
    fn dim(&self, text: &str) -> String {
        self.paint("2", text)
    }
    fn rate(&self, rate: Option<f64>) -> String {
        let text = rate_text(rate);
        match rate {
            Some(r) if r >= 95.0 => self.paint("32", &text),
            Some(r) if r >= 90.0 => self.paint("33", &text),
            Some(_) => self.paint("31", &text),
            None => text,
        }
    }
}

/// A success rate, already in percent: `97.25%`, or `–` without one.
fn rate_text(rate: Option<f64>) -> String {
    rate.map_or_else(|| "–".to_string(), |r| format!("{r:.2}%"))
}

fn pad(text: &str, width: usize) -> String {
    let n = text.chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(n)))
}

fn pad_left(text: &str, width: usize) -> String {
    let n = text.chars().count();
    format!("{}{text}", " ".repeat(width.saturating_sub(n)))
}

fn clip(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_string()
    } else {
        let mut s: String = text.chars().take(width.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

/// `404×2,204 401×120*`: statuses ≥ 400 by count, marked `*` when undocumented and `†`
/// when only `default` covers them.
fn error_codes(op: &OperationStats) -> String {
    let mut errors: Vec<_> = op.errors.iter().collect();
    errors.sort_by(|a, b| b.count.cmp(&a.count).then(a.status.cmp(&b.status)));
    errors
        .iter()
        .map(|e| {
            let mark = match e.documentation {
                Documentation::Undocumented => "*",
                Documentation::DefaultOnly => "†",
                _ => "",
            };
            format!("{}×{}{mark}", e.status, thousands(e.count))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn status_list(r: &ResponseStats) -> String {
    let mut list: Vec<(u16, u64)> = r.by_status.iter().map(|(s, n)| (*s, *n)).collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut parts: Vec<String> = list
        .iter()
        .map(|(s, n)| format!("{s}×{}", thousands(*n)))
        .collect();
    if r.no_response > 0 {
        parts.push(format!("no response×{}", thousands(r.no_response)));
    }
    parts.join(" ")
}

fn error_total(op: &OperationStats) -> u64 {
    op.errors.iter().map(|e| e.count).sum()
}

/// Renders the report for a terminal. `color` adds ANSI colours.
pub fn render_pretty(report: &StatsReport, color: bool) -> String {
    let st = Style { color };
    let mut out = String::new();
    // Every string from the definition or the telemetry goes through `u`: no terminal
    // escape, line break or CI logging command gets into the table.
    let u = |s: &str| crate::text::inert_line(s).into_owned();
    let title = u(report.connector.name.as_deref().unwrap_or("Connector"));
    let _ = writeln!(out, "{}", st.bold(&format!("{title}: observed responses")));
    let window = match (&report.window.start, &report.window.end) {
        (Some(s), Some(e)) => {
            let basis = match report.window.basis {
                WindowBasis::AsOf => "ending at the date given",
                _ => "ending at the newest timestamp",
            };
            format!(
                "{} to {} (last {} days, {basis})",
                u(s),
                u(e),
                report.window.length_days
            )
        }
        _ => "no timestamps in the data: every row counted".to_string(),
    };
    let _ = writeln!(out, "Window: {window}");
    if report.window.requests_outside > 0 {
        let _ = writeln!(
            out,
            "        {} older requests left out",
            thousands(report.window.requests_outside)
        );
    }
    let c = &report.connector.responses;
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "  Success rate                {:>8}   (1xx+2xx+3xx) / N",
        st.rate(c.success_rate)
    );
    let _ = writeln!(
        out,
        "  Certification success rate  {:>8}   (1xx+2xx+3xx − 4xx − 5xx) / N",
        st.rate(c.certification_success_rate)
    );
    let _ = writeln!(
        out,
        "{}",
        st.dim(
            "  The certification formula (Microsoft's \"View connector telemetry\" page) subtracts"
        )
    );
    let _ = writeln!(
        out,
        "{}",
        st.dim(
            "  errors from successes: every 1% of errors costs 2 points, and it can go negative."
        )
    );
    let throttling = if report.throttling_codes.is_empty() {
        "throttling".to_string()
    } else {
        report
            .throttling_codes
            .iter()
            .map(u16::to_string)
            .collect::<Vec<_>>()
            .join("/")
    };
    let _ = writeln!(
        out,
        "  N = {} responses; {} throttled ({throttling}) and {} without an HTTP response left out",
        thousands(c.counted),
        thousands(c.throttled),
        thousands(c.no_response)
    );

    let mut used: Vec<&OperationStats> = report
        .operations
        .iter()
        .filter(|o| o.responses.requests > 0)
        .collect();
    used.sort_by(|a, b| {
        error_total(b)
            .cmp(&error_total(a))
            .then(b.responses.requests.cmp(&a.responses.requests))
    });
    let mut codes_seen: Vec<u16> = Vec::new();
    if !used.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", st.bold("Operations, most errors first"));
        let name = |o: &OperationStats| {
            let mut n = o
                .operation_id
                .as_deref()
                .map(u)
                .unwrap_or_else(|| "(no operationId)".into());
            if o.deprecated {
                n.push_str(" (deprecated)");
            }
            n
        };
        let w_name = used
            .iter()
            .map(|o| name(o).chars().count())
            .max()
            .unwrap_or(9)
            .clamp(9, 40);
        let w_path = used
            .iter()
            .map(|o| u(&o.path).chars().count())
            .max()
            .unwrap_or(4)
            .clamp(4, 36);
        let header = format!(
            "  {} {} {} {:>9} {:>8} {:>8} {:>8}  ERROR CODES",
            pad("OPERATION", w_name),
            pad("METHOD", 6),
            pad("PATH", w_path),
            "CALLS",
            "ERRORS",
            "SUCCESS",
            "CERT."
        );
        let _ = writeln!(out, "{}", st.bold(&header));
        for o in &used {
            for e in &o.errors {
                if !codes_seen.contains(&e.status) {
                    codes_seen.push(e.status);
                }
            }
            let errors = error_total(o);
            let errors_text = pad_left(&thousands(errors), 8);
            let _ = writeln!(
                out,
                "  {} {} {} {:>9} {} {} {}  {}",
                pad(&clip(&name(o), w_name), w_name),
                pad(&u(&o.method), 6),
                pad(&clip(&u(&o.path), w_path), w_path),
                thousands(o.responses.requests),
                if errors > 0 {
                    st.paint("31", &errors_text)
                } else {
                    errors_text
                },
                pad_left(
                    &st.rate(o.responses.success_rate),
                    if color { 17 } else { 8 }
                ),
                pad_left(
                    &st.rate(o.responses.certification_success_rate),
                    if color { 17 } else { 8 }
                ),
                error_codes(o)
            );
        }
        let _ = writeln!(
            out,
            "{}",
            st.dim("  * not documented by the operation   † only `default` covers it")
        );
    }
    let unused: Vec<String> = report
        .operations
        .iter()
        .filter(|o| o.responses.requests == 0 && !o.in_ambiguous_group)
        .map(|o| u(o.operation_id.as_deref().unwrap_or("(no operationId)")))
        .collect();
    if !unused.is_empty() && !used.is_empty() {
        let _ = writeln!(out, "  No calls in the window: {}", unused.join(", "));
    }

    if !codes_seen.is_empty() {
        codes_seen.sort_unstable();
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", st.bold("What the error codes mean"));
        for code in codes_seen {
            let phrase = status_phrase(code).unwrap_or(match code / 100 {
                4 => "client error",
                _ => "server error",
            });
            match status_meaning(code) {
                Some(meaning) => {
                    let _ = writeln!(out, "  {code} {phrase}: {meaning}");
                }
                None => {
                    let _ = writeln!(out, "  {code} {phrase}");
                }
            }
        }
    }

    if !report.ambiguous.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "{}",
            st.bold("Traffic that fits several operations (not split, never guessed)")
        );
        for g in &report.ambiguous {
            let how = if g.via_policy {
                " (routerequesttoendpoint policy)"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "  {}  {} {}{how}: {} calls  {}",
                u(&g.operation_ids.join(" | ")),
                u(&g.method),
                u(&g.path),
                thousands(g.responses.requests),
                status_list(&g.responses)
            );
        }
    }
    if !report.unmatched.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", st.bold("Traffic that matches no operation"));
        for u in &report.unmatched {
            let note = match (&u.kind, &u.fits) {
                (UnmatchedKind::UndocumentedMethod, Some(f)) => {
                    format!(
                        " (the path fits {}, which has no {})",
                        crate::text::inert_line(f),
                        crate::text::inert_line(&u.method)
                    )
                }
                _ => String::new(),
            };
            let method = if u.method.is_empty() { "?" } else { &u.method };
            let _ = writeln!(
                out,
                "  {} {}{note}: {} calls  {}",
                crate::text::inert_line(method),
                crate::text::inert_line(&u.path),
                thousands(u.responses.requests),
                status_list(&u.responses)
            );
        }
    }
    if !report.unknown_operation_ids.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "{}",
            st.bold("operationIds the definition does not have")
        );
        for u in &report.unknown_operation_ids {
            let counted = u
                .counted_as
                .as_deref()
                .map(|c| format!(" (counted by path as {})", crate::text::inert_line(c)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {}{counted}: {} calls  {}",
                crate::text::inert_line(&u.operation_id),
                thousands(u.responses.requests),
                status_list(&u.responses)
            );
        }
    }
    if !report.ignored.is_empty() {
        let parts: Vec<String> = report
            .ignored
            .iter()
            .map(|i| match &i.pattern {
                Some(p) => format!("{} {} ×{}", u(&i.method), u(p), thousands(i.requests)),
                None => format!("{} ×{}", u(&i.method), thousands(i.requests)),
            })
            .collect();
        let _ = writeln!(out);
        let _ = writeln!(out, "Ignored: {}", parts.join(", "));
    }
    if !report.warnings.is_empty() {
        let _ = writeln!(out);
        for w in &report.warnings {
            let _ = writeln!(out, "{} {}", st.paint("33", "warning:"), u(w));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clipping() {
        assert_eq!(clip("abcdef", 4), "abc…");
    }

    #[test]
    fn every_code_of_the_page_has_a_meaning() {
        for code in [
            400, 401, 403, 404, 409, 415, 426, 429, 500, 502, 504, 522, 523, 524,
        ] {
            assert!(status_meaning(code).is_some(), "{code}");
            assert!(status_phrase(code).is_some(), "{code}");
        }
    }
}
