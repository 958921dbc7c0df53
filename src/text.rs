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
}
