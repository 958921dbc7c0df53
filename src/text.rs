//! Text helpers shared by every layer. Nothing here knows about connectors.

use std::borrow::Cow;

/// Makes text from a definition, a readme or telemetry safe to print in a terminal or a
/// CI log, where strangers' text must not act:
/// - control characters (C0 but tab and line feed, DEL, C1), bidirectional overrides and
///   the Unicode line and paragraph separators are shown as `\u{..}`, so no terminal
///   escape (ANSI CSI, OSC 8 links, OSC 52 clipboard writes) and no bare carriage return
///   gets through;
/// - Azure Pipelines logging commands (`##vso[`, matched anywhere in a line, any case) and
///   the `##[` form both Azure and GitHub read have their `[` written as `%5B`;
/// - a line that would start a GitHub workflow command (`::`, after any blanks) has its
///   first `:` written as `%3A`. The text's start counts as a line start.
///
/// Text that needs none of this is returned as it is, without a copy.
pub fn inert(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) && !s.contains("##") && !s.contains("::") {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut line_start = true;
    for (i, c) in s.char_indices() {
        if line_start && c != ' ' && c != '\t' {
            line_start = false;
            if s[i..].starts_with("::") {
                out.push_str("%3A");
                continue;
            }
        }
        if c == '\n' {
            line_start = true;
        }
        push_inert_char(&mut out, &s[..i], c);
    }
    Cow::Owned(out)
}

/// Appends `c` as [`inert`] prints it, `before` being the text before it on its line
/// (only its end matters). The line-start rule for `::` is the caller's.
pub fn push_inert_char(out: &mut String, before: &str, c: char) {
    if needs_escape(c) {
        out.push_str(&format!("\\u{{{:x}}}", c as u32));
    } else if c == '[' && ends_with_command_prefix(before) {
        out.push_str("%5B");
    } else {
        out.push(c);
    }
}

/// Like [`inert`], with line breaks shown as `\n` too: for text that must stay on one line.
pub fn inert_line(s: &str) -> Cow<'_, str> {
    if !s.contains('\n') {
        return inert(s);
    }
    Cow::Owned(inert(&s.replace('\n', "\\n")).into_owned())
}

/// `eprintln!` for a message that may hold strangers' text (paths, values from a
/// definition or telemetry): printed through [`inert`].
#[macro_export]
macro_rules! eprintln_inert {
    ($($arg:tt)*) => {
        ::std::eprintln!("{}", $crate::text::inert(&::std::format!($($arg)*)))
    };
}

/// The line ending a text mostly uses: `\r\n` when at least half its lines end so.
pub fn line_ending(text: &str) -> &'static str {
    let crlf = text.matches("\r\n").count();
    let lf = text.matches('\n').count();
    if crlf > 0 && crlf * 2 >= lf {
        "\r\n"
    } else {
        "\n"
    }
}

/// Levenshtein distance, for did-you-mean suggestions.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// `; did you mean `x`?` for the candidate nearest to `word`, when its edit distance is at
/// most `within(candidate)`; empty otherwise. Of two equally near, the first in sort order.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    within: impl Fn(&str) -> usize,
) -> String {
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .min()
        .filter(|(d, c)| *d <= within(c))
        .map(|(_, c)| format!("; did you mean `{c}`?"))
        .unwrap_or_default()
}

/// The first character upper-cased: `summary` → `Summary`.
pub fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// `1 file`, `2 files`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `134695` → `134,695`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A share (0.035) as a percentage: `3.5%`, or two decimals below 0.1% (`0.04%`).
pub fn percent(share: f64) -> String {
    let p = share * 100.0;
    if p > 0.0 && p < 0.1 {
        format!("{p:.2}%")
    } else {
        format!("{p:.1}%")
    }
}

/// The reason phrase of an HTTP status (RFC 9110 and the common extensions), for headings,
/// labels and messages. 520 to 524 are Cloudflare's, seen from connectors behind it.
pub fn status_phrase(status: u16) -> Option<&'static str> {
    Some(match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "Length Required",
        412 => "Precondition Failed",
        413 => "Content Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        416 => "Range Not Satisfiable",
        422 => "Unprocessable Content",
        423 => "Locked",
        424 => "Failed Dependency",
        426 => "Upgrade Required",
        428 => "Precondition Required",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        507 => "Insufficient Storage",
        508 => "Loop Detected",
        511 => "Network Authentication Required",
        520 => "Unknown Error",
        521 => "Web Server Is Down",
        522 => "Connection Timed Out",
        523 => "Origin Is Unreachable",
        524 => "A Timeout Occurred",
        _ => return None,
    })
}

fn needs_escape(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
}

/// Whether `before` ends with `##` or `##vso` (any case): a `[` after it would start a
/// CI logging command.
pub fn ends_with_command_prefix(before: &str) -> bool {
    let b = before.as_bytes();
    b.ends_with(b"##")
        || (b.len() >= 5
            && b[b.len() - 5..b.len() - 3] == *b"##"
            && b[b.len() - 3..].eq_ignore_ascii_case(b"vso"))
}

/// Whether `s` holds a CI command prefix (`##[`, `##vso[`, any case) anywhere.
pub fn has_command_prefix(s: &str) -> bool {
    s.match_indices('[')
        .any(|(i, _)| ends_with_command_prefix(&s[..i]))
}

/// Pretty JSON whose strings cannot start a CI logging command: the `[` of a `##[` or
/// `##vso[` inside a string is written `\u005b`, which every JSON reader reads back as
/// `[`. (A pretty JSON line never starts with `::`, and control characters are escaped by
/// JSON itself.)
pub fn write_json_pretty<W: std::io::Write, T: serde::Serialize + ?Sized>(
    out: W,
    value: &T,
) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(out, InertJson(Default::default()));
    value.serialize(&mut ser)
}

/// [`write_json_pretty`] into a string.
pub fn to_json_pretty<T: serde::Serialize + ?Sized>(value: &T) -> String {
    let mut buf = Vec::new();
    // Serialising values built in memory cannot fail, and the output is UTF-8.
    write_json_pretty(&mut buf, value).expect("in-memory JSON serialises");
    String::from_utf8(buf).expect("JSON is UTF-8")
}

struct InertJson(serde_json::ser::PrettyFormatter<'static>);

impl serde_json::ser::Formatter for InertJson {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut from = 0;
        for (i, _) in fragment.match_indices('[') {
            if ends_with_command_prefix(&fragment[..i]) {
                w.write_all(&fragment.as_bytes()[from..i])?;
                w.write_all(b"\\u005b")?;
                from = i + 1;
            }
        }
        w.write_all(&fragment.as_bytes()[from..])
    }
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(inert("a plain line: 50% [ok]"), Cow::Borrowed(_)));
        assert!(matches!(inert("C# and F#"), Cow::Borrowed(_)));
    }

    #[test]
    fn azure_logging_commands_are_broken_anywhere() {
        assert_eq!(
            inert("x ##vso[task.setvariable variable=PWNED]owned"),
            "x ##vso%5Btask.setvariable variable=PWNED]owned"
        );
        assert_eq!(inert("##VSO[task.complete]"), "##VSO%5Btask.complete]");
        assert_eq!(inert("a ##[error]b"), "a ##%5Berror]b");
        assert!(!has_command_prefix(&inert("##vso[x]##[y]")));
    }

    #[test]
    fn github_commands_only_at_a_line_start() {
        assert_eq!(inert("::error::x"), "%3A:error::x");
        assert_eq!(inert("ok\n  ::add-mask::y"), "ok\n  %3A:add-mask::y");
        assert_eq!(inert("a::b"), "a::b");
    }

    #[test]
    fn control_characters_are_shown() {
        assert_eq!(inert("a\rb"), "a\\u{d}b");
        assert_eq!(inert("\u{1b}[31mred"), "\\u{1b}[31mred");
        assert_eq!(
            inert("\u{1b}]8;;http://x\u{7}link"),
            "\\u{1b}]8;;http://x\\u{7}link"
        );
        assert_eq!(inert("\u{9b}2J"), "\\u{9b}2J");
        assert_eq!(inert("left\u{202e}right"), "left\\u{202e}right");
        assert_eq!(inert("tab\tkept\nand line"), "tab\tkept\nand line");
        assert_eq!(inert_line("one\ntwo"), "one\\ntwo");
        assert_eq!(inert_line("one\n::error::x"), "one\\n::error::x");
    }

    #[test]
    fn json_strings_read_back_unchanged() {
        let value = serde_json::json!({
            "message": "x ##vso[task.setvariable variable=A]b ##[error]c",
            "list": ["[1]", "##VSO[t]"],
        });
        let text = to_json_pretty(&value);
        assert!(!has_command_prefix(&text), "{text}");
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&text).unwrap(),
            value
        );
        assert_eq!(
            text,
            serde_json::to_string_pretty(&value)
                .unwrap()
                .replace("##vso[", "##vso\\u005b")
                .replace("##[", "##\\u005b")
                .replace("##VSO[", "##VSO\\u005b")
        );
    }

    #[test]
    fn a_carriage_return_cannot_start_a_command_line() {
        let forged = "\r##vso[task.setvariable variable=PWNED]owned\r";
        let safe = inert(forged);
        assert!(!safe.contains('\r'));
        assert!(!has_command_prefix(&safe));
    }
    #[test]
    fn distance() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "ab"), 2);
        assert_eq!(edit_distance("é", "e"), 1);
    }

    #[test]
    fn suggestions() {
        let ids = ["superseded-path", "summary-charset"];
        assert_eq!(
            did_you_mean("supersede-path", ids, |_| 4),
            "; did you mean `superseded-path`?"
        );
        assert_eq!(did_you_mean("xyz", ids, |_| 4), "");
        // Equally near: the first in sort order.
        assert_eq!(
            did_you_mean("ab", ["ac", "aa"], |_| 1),
            "; did you mean `aa`?"
        );
    }

    #[test]
    fn numbers() {
        assert_eq!(thousands(134_695), "134,695");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(percent(0.035), "3.5%");
        assert_eq!(percent(0.0004), "0.04%");
        assert_eq!(percent(0.0), "0.0%");
        assert_eq!(plural(1, "fix", "fixes"), "1 fix");
        assert_eq!(plural(0, "fix", "fixes"), "0 fixes");
        assert_eq!(capitalize("équipe"), "Équipe");
        assert_eq!(capitalize(""), "");
    }

    #[test]
    fn every_status_of_the_telemetry_page_has_a_phrase() {
        for code in [
            400, 401, 403, 404, 409, 415, 426, 429, 500, 502, 504, 522, 523, 524,
        ] {
            assert!(status_phrase(code).is_some(), "{code}");
        }
        assert_eq!(status_phrase(524), Some("A Timeout Occurred"));
        assert_eq!(status_phrase(499), None);
    }
}
