//! A strict JSON parser that keeps positions and recovers where the author's intent is
//! unambiguous.
//!
//! Why our own and not a crate: connector authors need hints they can act on ("add a comma
//! after line 50"), the parser must be strict where `jsonc-parser` is lenient (it accepts a
//! raw TAB inside a string and U+2003 as indentation, both rejected by Microsoft's tools),
//! and it must keep duplicate keys. The grammar is small; the recovery is the point.
//!
//! Recovered (the file is still linted): trailing commas, missing commas between members or
//! elements, raw control characters inside strings, non-JSON whitespace, comments, invalid
//! escapes and malformed numbers. Fatal (the file cannot be linted): anything structural —
//! unbalanced or mismatched brackets, content after the root value, a missing `:`.

use super::{duplicate_keys, Document, Format, Member, Node, NodeKind, ProblemKind, SyntaxProblem};
use crate::diagnostic::Applicability;
use crate::source::{SourceFile, Span};

const MAX_DEPTH: usize = 512;

pub fn parse(file: &SourceFile) -> Document {
    let mut parser = Parser {
        file,
        src: file.text.as_bytes(),
        pos: file.content_start(),
        problems: Vec::new(),
        depth: 0,
        odd_whitespace: None,
        misaligned_close: None,
    };
    let root = parser.document();
    let mut problems = parser.finish();
    let duplicates = match &root {
        Some(root) => duplicate_keys(root, &mut problems),
        None => 0,
    };
    problems.sort_by_key(|p| p.span.start);
    Document {
        root,
        problems,
        format: Format::Json,
        duplicate_keys: duplicates,
    }
}

/// Marker for "parsing stopped"; the reason is already in `problems`.
struct Fatal;

type PResult<T> = Result<T, Fatal>;

struct Parser<'a> {
    file: &'a SourceFile,
    src: &'a [u8],
    pos: usize,
    problems: Vec<SyntaxProblem>,
    depth: usize,
    /// First non-JSON whitespace character seen, and how many there were.
    odd_whitespace: Option<(Span, char, usize)>,
    /// The closing bracket where the current run of brackets that do not line up with their
    /// opening lines starts: (close offset, open offset). Points at the likely culprit of a
    /// structural error.
    misaligned_close: Option<(usize, usize)>,
}

impl<'a> Parser<'a> {
    fn finish(mut self) -> Vec<SyntaxProblem> {
        if let Some((span, c, count)) = self.odd_whitespace {
            let more = if count > 1 {
                format!(" ({count} such characters in this file)")
            } else {
                String::new()
            };
            self.problems.push(SyntaxProblem {
                kind: ProblemKind::Syntax,
                span,
                message: format!(
                    "character {} is not JSON whitespace{more}",
                    describe_char(c)
                ),
                help: "replace it with an ordinary space; only space, tab, CR and LF may separate JSON tokens".into(),
                pointer: None,
                related: None,
                fix: None,
            });
        }
        self.problems
    }

    fn line(&self, offset: usize) -> usize {
        self.file.line_index(offset) + 1
    }

    fn problem(&mut self, span: Span, message: impl Into<String>, help: impl Into<String>) {
        self.problems.push(SyntaxProblem {
            kind: ProblemKind::Syntax,
            span,
            message: message.into(),
            help: help.into(),
            pointer: None,
            related: None,
            fix: None,
        });
    }

    /// A problem with the replacement of its span that mends it.
    fn mendable(
        &mut self,
        span: Span,
        message: impl Into<String>,
        help: impl Into<String>,
        replacement: impl Into<String>,
        applicability: crate::diagnostic::Applicability,
    ) {
        self.problem(span, message, help);
        if let Some(p) = self.problems.last_mut() {
            p.fix = Some((replacement.into(), applicability));
        }
    }

    fn fatal(&mut self, span: Span, message: impl Into<String>, help: impl Into<String>) -> Fatal {
        self.problem(span, message, help);
        Fatal
    }

    fn fatal_related(
        &mut self,
        span: Span,
        message: impl Into<String>,
        help: impl Into<String>,
        related: (Span, String),
    ) -> Fatal {
        self.problem(span, message, help);
        if let Some(p) = self.problems.last_mut() {
            p.related = Some(related);
        }
        Fatal
    }

    /// Adds, to the last problem's help, where a misaligned bracket suggests the real mistake is.
    fn add_alignment_hint(&mut self) {
        if let Some((close, open)) = self.misaligned_close {
            let (cl, ol) = (self.line(close), self.line(open));
            if let Some(p) = self.problems.last_mut() {
                p.help.push_str(&format!(
                    "; the brackets stop lining up at line {cl}, which closes the bracket opened at line {ol}: look there for a missing or extra bracket"
                ));
            }
        }
    }

    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn char_at(&self, pos: usize) -> Option<char> {
        self.file.text.get(pos..).and_then(|s| s.chars().next())
    }

    fn document(&mut self) -> Option<Node> {
        self.skip_ws();
        if self.peek().is_none() {
            let at = Span::at(self.pos);
            self.problem(
                at,
                "the file is empty",
                "a connector definition is a JSON object: start it with `{`",
            );
            return None;
        }
        let root = self.value().ok()?;
        self.skip_ws();
        if self.pos < self.src.len() {
            let close_line = self.line(root.span.end.saturating_sub(1) as usize);
            let end = self.token_end(self.pos);
            let _ = self.fatal_related(
                Span::new(self.pos, end),
                format!(
                    "unexpected content after the end of the document: the root {} already closed at line {close_line}",
                    if root.is_object() { "object" } else { "value" }
                ),
                "a closing bracket too many above that line ends the document early; remove it",
                (
                    Span::new(root.span.end as usize - 1, root.span.end as usize),
                    "the document ends here".into(),
                ),
            );
            self.add_alignment_hint();
            return None;
        }
        Some(root)
    }

    /// End of the token starting at `pos`, for highlighting (at least one character).
    fn token_end(&self, pos: usize) -> usize {
        let c = self.char_at(pos).map(char::len_utf8).unwrap_or(0);
        let mut end = pos + c;
        if self.src.get(pos).is_some_and(|b| b.is_ascii_alphanumeric()) {
            while self
                .src
                .get(end)
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
            {
                end += 1;
            }
        }
        end
    }

    fn skip_ws(&mut self) {
        while let Some(b) = self.peek() {
            match b {
                b' ' | b'\t' | b'\n' | b'\r' => self.pos += 1,
                b'/' if matches!(self.src.get(self.pos + 1), Some(b'/' | b'*')) => {
                    self.comment();
                }
                0x80.. => {
                    let c = self.char_at(self.pos).unwrap_or('\u{fffd}');
                    if c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}' {
                        let span = Span::new(self.pos, self.pos + c.len_utf8());
                        match &mut self.odd_whitespace {
                            Some((_, _, n)) => *n += 1,
                            None => self.odd_whitespace = Some((span, c, 1)),
                        }
                        self.pos += c.len_utf8();
                    } else {
                        return;
                    }
                }
                _ => return,
            }
        }
    }

    fn comment(&mut self) {
        let start = self.pos;
        if self.src[self.pos + 1] == b'/' {
            while self.peek().is_some_and(|b| b != b'\n') {
                self.pos += 1;
            }
        } else {
            self.pos += 2;
            while self.pos < self.src.len() && !self.src[self.pos..].starts_with(b"*/") {
                self.pos += 1;
            }
            self.pos = (self.pos + 2).min(self.src.len());
        }
        let end = self
            .file
            .line_end(self.file.line_index(start))
            .min(self.pos)
            .max(start + 2);
        self.mendable(
            Span::new(start, end),
            "comments are not allowed in JSON",
            "remove the comment; put notes in a `description` instead",
            "",
            Applicability::Unsafe,
        );
    }

    fn value(&mut self) -> PResult<Node> {
        match self.peek() {
            Some(b'{') => self.object(),
            Some(b'[') => self.array(),
            Some(b'"') => {
                let (s, span) = self.string()?;
                Ok(Node {
                    span,
                    kind: NodeKind::String(s),
                })
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') if self.src[self.pos..].starts_with(b"true") => {
                Ok(self.literal(4, NodeKind::Bool(true)))
            }
            Some(b'f') if self.src[self.pos..].starts_with(b"false") => {
                Ok(self.literal(5, NodeKind::Bool(false)))
            }
            Some(b'n') if self.src[self.pos..].starts_with(b"null") => {
                Ok(self.literal(4, NodeKind::Null))
            }
            Some(b'\'') => {
                let end = self.token_end(self.pos);
                Err(self.fatal(
                    Span::new(self.pos, end),
                    "strings must be in double quotes, found `'`",
                    "replace the single quotes with double quotes",
                ))
            }
            Some(_) => {
                let end = self.token_end(self.pos);
                let found = &self.file.text[self.pos..end];
                let help = match found {
                    "True" | "False" | "TRUE" | "FALSE" => "JSON booleans are lower case: `true` or `false`".to_string(),
                    "None" | "NULL" | "Null" | "undefined" => "JSON's empty value is `null`".to_string(),
                    "NaN" | "Infinity" => "JSON has no NaN or Infinity; use a string or null".to_string(),
                    "}" | "]" => "a value is missing here; if the comma before is a leftover, remove it".to_string(),
                    _ => "write a string in double quotes, a number, `true`, `false`, `null`, an object or an array".to_string(),
                };
                Err(self.fatal(
                    Span::new(self.pos, end),
                    format!("expected a value, found `{found}`"),
                    help,
                ))
            }
            None => Err(self.fatal(
                Span::at(self.pos),
                "unexpected end of file where a value was expected",
                "the file looks truncated; complete the value and close the open brackets",
            )),
        }
    }

    fn literal(&mut self, len: usize, kind: NodeKind) -> Node {
        let span = Span::new(self.pos, self.pos + len);
        self.pos += len;
        Node { span, kind }
    }

    fn enter(&mut self, open: usize) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.fatal(
                Span::new(open, open + 1),
                format!("nesting deeper than {MAX_DEPTH} levels"),
                "a connector definition never needs this much nesting; check for a generated loop",
            ));
        }
        Ok(())
    }

    /// Tracks where closing brackets stop lining up with the lines that opened them. An
    /// extra or missing bracket shifts every later pair, so the start of the current run of
    /// misaligned closes is the best guess for where the mistake is.
    fn check_alignment(&mut self, open: usize, close: usize) {
        // Only closing brackets that start their own line, on a different line than the
        // opener; the line starts come from the file's line index (a binary search, not a
        // scan back over a long line).
        let line_start = |p: usize| self.file.line_start(self.file.line_index(p));
        let close_start = line_start(close);
        if close_start <= open
            || self.src[close_start..close]
                .iter()
                .any(|b| *b != b' ' && *b != b'\t')
        {
            return;
        }
        let open_start = line_start(open);
        let open_indent = self.src[open_start..]
            .iter()
            .take_while(|b| **b == b' ' || **b == b'\t')
            .count();
        if close - close_start == open_indent {
            self.misaligned_close = None;
        } else if self.misaligned_close.is_none() {
            self.misaligned_close = Some((close, open));
        }
    }

    fn object(&mut self) -> PResult<Node> {
        let open = self.pos;
        self.enter(open)?;
        self.pos += 1;
        let mut members = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(Node {
                span: Span::new(open, self.pos),
                kind: NodeKind::Object(members.into()),
            });
        }
        loop {
            // A key.
            self.skip_ws();
            let key_start = self.pos;
            let (key, key_span) = match self.peek() {
                Some(b'"') => self.string()?,
                Some(b'}') if !members.is_empty() => {
                    // Only reachable after a comma: handled below. Defensive.
                    self.pos += 1;
                    break;
                }
                Some(c @ (b'{' | b'[')) => {
                    let open_line = self.line(open);
                    let prev_line = self.line(self.prev_significant(key_start));
                    return Err(self.fatal_related(
                        Span::new(key_start, key_start + 1),
                        format!(
                            "expected a property name in double quotes, found `{}`",
                            c as char
                        ),
                        format!(
                            "the object opened at line {open_line} is probably missing its closing `}}` after line {prev_line}"
                        ),
                        (Span::new(open, open + 1), "this object is still open".into()),
                    ));
                }
                Some(b'\'') => {
                    let end = self.token_end(key_start);
                    return Err(self.fatal(
                        Span::new(key_start, end),
                        "property names must be in double quotes, found `'`",
                        "replace the single quotes with double quotes",
                    ));
                }
                Some(b) if b.is_ascii_alphabetic() || b == b'_' || b == b'$' => {
                    let end = self.token_end(key_start);
                    let word = self.file.text[key_start..end].to_string();
                    return Err(self.fatal(
                        Span::new(key_start, end),
                        format!("property names must be in double quotes, found `{word}`"),
                        format!("write it as \"{word}\""),
                    ));
                }
                None => return Err(self.unclosed(open, b'}')),
                Some(_) => {
                    let end = self.token_end(key_start);
                    let found = self.file.text[key_start..end].to_string();
                    return Err(self.fatal(
                        Span::new(key_start, end),
                        format!("expected a property name in double quotes, found `{found}`"),
                        "each member of an object is \"name\": value, separated by commas",
                    ));
                }
            };
            // The colon.
            self.skip_ws();
            if self.peek() != Some(b':') {
                let at = self.pos;
                let end = self.token_end(at).max(at);
                let help = if self.peek().is_some_and(|b| matches!(b, b',' | b'}')) {
                    format!("`{key}` has no value: add `: <value>` after it")
                } else {
                    format!("add `:` between \"{key}\" and its value")
                };
                return Err(self.fatal(
                    Span::new(at, end),
                    format!("expected `:` after the property name \"{key}\""),
                    help,
                ));
            }
            self.pos += 1;
            self.skip_ws();
            let value = self.value()?;
            let value_end = value.span.end as usize;
            members.push(Member {
                key,
                key_span,
                value,
            });
            // What follows the value.
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    let comma = self.pos;
                    self.pos += 1;
                    self.skip_ws();
                    if self.peek() == Some(b'}') {
                        self.mendable(
                            Span::new(comma, comma + 1),
                            "trailing comma: no member follows this comma",
                            "remove the trailing comma",
                            "",
                            Applicability::Safe,
                        );
                        self.check_alignment(open, self.pos);
                        self.pos += 1;
                        break;
                    }
                }
                Some(b'}') => {
                    self.check_alignment(open, self.pos);
                    self.pos += 1;
                    break;
                }
                Some(b'"') => {
                    let line = self.line(value_end.saturating_sub(1));
                    self.mendable(
                        Span::new(value_end, value_end),
                        "missing comma between object members",
                        format!("add a comma after line {line}"),
                        ",",
                        Applicability::Safe,
                    );
                }
                Some(b']') => {
                    let (at, open_line) = (self.pos, self.line(open));
                    let f = self.fatal_related(
                        Span::new(at, at + 1),
                        format!("found `]` where `}}` should close the object opened at line {open_line}"),
                        "the brackets do not match: close this object with `}`, or add the missing `[`",
                        (Span::new(open, open + 1), "this object".into()),
                    );
                    self.add_alignment_hint();
                    return Err(f);
                }
                None => return Err(self.unclosed(open, b'}')),
                Some(_) => {
                    let at = self.pos;
                    let end = self.token_end(at);
                    let found = self.file.text[at..end].to_string();
                    let line = self.line(value_end.saturating_sub(1));
                    return Err(self.fatal(
                        Span::new(at, end),
                        format!("expected `,` or `}}` after the value of \"{}\", found `{found}`", members.last().map(|m| m.key.as_str()).unwrap_or_default()),
                        format!("add a comma after line {line} if another member follows, or close the object with `}}`"),
                    ));
                }
            }
        }
        self.depth -= 1;
        Ok(Node {
            span: Span::new(open, self.pos),
            kind: NodeKind::Object(members.into()),
        })
    }

    fn array(&mut self) -> PResult<Node> {
        let open = self.pos;
        self.enter(open)?;
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(Node {
                span: Span::new(open, self.pos),
                kind: NodeKind::Array(items),
            });
        }
        loop {
            self.skip_ws();
            if self.peek().is_none() {
                return Err(self.unclosed(open, b']'));
            }
            let item = self.value()?;
            let item_end = item.span.end as usize;
            items.push(item);
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    let comma = self.pos;
                    self.pos += 1;
                    self.skip_ws();
                    if self.peek() == Some(b']') {
                        self.mendable(
                            Span::new(comma, comma + 1),
                            "trailing comma: no element follows this comma",
                            "remove the trailing comma",
                            "",
                            Applicability::Safe,
                        );
                        self.check_alignment(open, self.pos);
                        self.pos += 1;
                        break;
                    }
                }
                Some(b']') => {
                    self.check_alignment(open, self.pos);
                    self.pos += 1;
                    break;
                }
                Some(b'{' | b'[' | b'"' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n') => {
                    let line = self.line(item_end.saturating_sub(1));
                    self.mendable(
                        Span::new(item_end, item_end),
                        "missing comma between array elements",
                        format!("add a comma after line {line}"),
                        ",",
                        Applicability::Safe,
                    );
                }
                Some(b'}') => {
                    let (at, open_line) = (self.pos, self.line(open));
                    let prev_line = self.line(item_end.saturating_sub(1));
                    let f = self.fatal_related(
                        Span::new(at, at + 1),
                        format!("found `}}` where `]` should close the array opened at line {open_line}"),
                        format!("add `]` after line {prev_line} to close the array"),
                        (Span::new(open, open + 1), "this array is still open".into()),
                    );
                    return Err(f);
                }
                None => return Err(self.unclosed(open, b']')),
                Some(_) => {
                    let at = self.pos;
                    let end = self.token_end(at);
                    let found = self.file.text[at..end].to_string();
                    return Err(self.fatal(
                        Span::new(at, end),
                        format!("expected `,` or `]` after an array element, found `{found}`"),
                        "separate elements with commas and close the array with `]`",
                    ));
                }
            }
        }
        self.depth -= 1;
        Ok(Node {
            span: Span::new(open, self.pos),
            kind: NodeKind::Array(items),
        })
    }

    /// The offset of the last non-whitespace byte before `pos`.
    fn prev_significant(&self, pos: usize) -> usize {
        let mut p = pos;
        while p > 0 && self.src[p - 1].is_ascii_whitespace() {
            p -= 1;
        }
        p.saturating_sub(1)
    }

    fn unclosed(&mut self, open: usize, closer: u8) -> Fatal {
        let what = if closer == b'}' { "object" } else { "array" };
        let open_line = self.line(open);
        let end = self.src.len();
        let f = self.fatal_related(
            Span::at(end),
            format!(
                "unexpected end of file: the {what} opened at line {open_line} is never closed"
            ),
            format!(
                "add the missing `{}`, or the file is truncated",
                closer as char
            ),
            (
                Span::new(open, open + 1),
                format!("this {what} is never closed"),
            ),
        );
        self.add_alignment_hint();
        f
    }

    fn string(&mut self) -> PResult<(String, Span)> {
        let start = self.pos;
        self.pos += 1;
        let mut out = String::new();
        let mut run_start = self.pos;
        loop {
            // Skip ordinary characters in one go.
            self.pos += self.src[self.pos..]
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .unwrap_or(self.src.len() - self.pos);
            let Some(b) = self.peek() else {
                let line = self.line(start);
                return Err(self.fatal(
                    Span::new(start, start + 1),
                    format!("string starting at line {line} is never closed"),
                    "add the closing `\"`",
                ));
            };
            match b {
                b'"' => {
                    let run = &self.file.text[run_start..self.pos];
                    if out.is_empty() {
                        out = run.to_string();
                    } else {
                        out.push_str(run);
                    }
                    self.pos += 1;
                    return Ok((out, Span::new(start, self.pos)));
                }
                b'\\' => {
                    out.push_str(&self.file.text[run_start..self.pos]);
                    self.escape(&mut out);
                    run_start = self.pos;
                }
                b'\n' | b'\r' => {
                    let line = self.line(start);
                    return Err(self.fatal(
                        Span::new(start, self.pos),
                        format!("string starting at line {line} is not closed before the end of the line"),
                        "close the string with `\"`; to put a line break inside a string, write \\n",
                    ));
                }
                0x00..=0x1f => {
                    let name = match b {
                        b'\t' => "a raw TAB".to_string(),
                        _ => format!("a raw control character U+{b:04X}"),
                    };
                    let escape = match b {
                        b'\t' => "\\t".to_string(),
                        0x08 => "\\b".to_string(),
                        0x0c => "\\f".to_string(),
                        _ => format!("\\u{b:04x}"),
                    };
                    let help = format!("write it as `{escape}`, or replace it with a space");
                    self.mendable(
                        Span::new(self.pos, self.pos + 1),
                        format!("{name} inside a string is not allowed in JSON"),
                        help,
                        escape,
                        Applicability::Safe,
                    );
                    self.pos += 1;
                }
                _ => self.pos += 1,
            }
        }
    }

    fn escape(&mut self, out: &mut String) {
        let start = self.pos;
        self.pos += 1;
        let Some(b) = self.peek() else { return };
        self.pos += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let Some(hi) = self.hex4() else {
                    self.problem(
                        Span::new(start, self.pos),
                        "invalid \\u escape: four hex digits must follow \\u",
                        "write the character as \\uXXXX with four hex digits, or as itself",
                    );
                    return;
                };
                if (0xD800..0xDC00).contains(&hi) && self.src[self.pos..].starts_with(b"\\u") {
                    let save = self.pos;
                    self.pos += 2;
                    match self.hex4() {
                        Some(lo) if (0xDC00..0xE000).contains(&lo) => {
                            let c = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                            out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
                            return;
                        }
                        _ => self.pos = save,
                    }
                }
                char::from_u32(hi).unwrap_or('\u{fffd}')
            }
            _ => {
                let c = self.char_at(start + 1).unwrap_or('?');
                self.pos = start + 1 + c.len_utf8();
                self.mendable(
                    Span::new(start, self.pos),
                    format!("invalid escape `\\{c}` in a string"),
                    format!("JSON knows only \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX; write `\\\\{c}` for a backslash"),
                    format!("\\\\{c}"),
                    Applicability::Safe,
                );
                out.push('\\');
                c
            }
        };
        out.push(c);
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.src.get(self.pos..self.pos + 4)?;
        let s = std::str::from_utf8(digits).ok()?;
        let v = u32::from_str_radix(s, 16).ok()?;
        if !digits.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        self.pos += 4;
        Some(v)
    }

    fn number(&mut self) -> PResult<Node> {
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E'))
        {
            self.pos += 1;
        }
        let raw = &self.file.text[start..self.pos];
        if !valid_number(raw.as_bytes()) {
            let raw = raw.to_string();
            self.problem(
                Span::new(start, self.pos),
                format!("`{raw}` is not a valid JSON number"),
                "JSON numbers have no leading zeros, no leading `+`, and digits on both sides of `.`; or quote it as a string",
            );
        }
        Ok(Node {
            span: Span::new(start, self.pos),
            kind: NodeKind::Number(self.file.text[start..self.pos].into()),
        })
    }
}

/// JSON number grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
fn valid_number(s: &[u8]) -> bool {
    let mut i = 0;
    if s.get(i) == Some(&b'-') {
        i += 1;
    }
    match s.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => {
            while s.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
        }
        _ => return false,
    }
    if s.get(i) == Some(&b'.') {
        i += 1;
        let d = i;
        while s.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == d {
            return false;
        }
    }
    if matches!(s.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(s.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let d = i;
        while s.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == d {
            return false;
        }
    }
    i == s.len()
}

fn describe_char(c: char) -> String {
    let name = match c {
        '\u{a0}' => " NO-BREAK SPACE",
        '\u{2002}' => " EN SPACE",
        '\u{2003}' => " EM SPACE",
        '\u{2009}' => " THIN SPACE",
        '\u{200b}' => " ZERO WIDTH SPACE",
        '\u{3000}' => " IDEOGRAPHIC SPACE",
        '\u{feff}' => " ZERO WIDTH NO-BREAK SPACE (a byte-order mark inside the file)",
        _ => "",
    };
    format!("U+{:04X}{name}", c as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Decoding;

    fn doc(text: &str) -> (SourceFile, Document) {
        let f = SourceFile::from_text("t.json".into(), text.into(), Decoding::Utf8);
        let d = parse(&f);
        (f, d)
    }

    fn at(f: &SourceFile, d: &Document, i: usize) -> (usize, usize) {
        let lc = f.line_col(d.problems[i].span.start as usize);
        (lc.line, lc.column)
    }

    #[test]
    fn parses_values_with_spans() {
        let (_, d) = doc(r#"{"a": [1, -2.5e3, true, null, "x\u00e9\ud83d\ude00"]}"#);
        assert!(d.problems.is_empty(), "{:?}", d.problems);
        let root = d.root.unwrap();
        let arr = root.get("a").unwrap().as_array().unwrap();
        assert_eq!(arr.len(), 5);
        assert_eq!(arr[4].as_str(), Some("xé😀"));
        assert_eq!(arr[1].span, Span::new(10, 16));
    }

    #[test]
    fn trailing_comma_is_recovered_at_the_comma() {
        let (f, d) = doc("{\n  \"a\": 1,\n}");
        assert!(d.root.is_some());
        assert!(d.recovered());
        assert_eq!(d.problems.len(), 1);
        assert_eq!(at(&f, &d, 0), (2, 9));
        assert_eq!(d.problems[0].help, "remove the trailing comma");
    }

    #[test]
    fn missing_comma_names_the_line_to_fix() {
        let (f, d) = doc("{\n  \"a\": 1\n  \"b\": [1\n 2]\n}");
        assert!(d.root.is_some());
        assert_eq!(d.problems.len(), 2);
        assert_eq!(d.problems[0].help, "add a comma after line 2");
        assert_eq!(at(&f, &d, 0), (2, 9));
        assert_eq!(d.problems[1].help, "add a comma after line 3");
        assert_eq!(
            d.root
                .as_ref()
                .unwrap()
                .get("b")
                .unwrap()
                .as_array()
                .unwrap()
                .len(),
            2
        );
    }

    #[test]
    fn raw_tab_in_string_is_recovered() {
        let (f, d) = doc("{\"a\": \"x\ty\"}");
        assert_eq!(d.root.as_ref().unwrap().get_str("a"), Some("x\ty"));
        assert_eq!(at(&f, &d, 0), (1, 9));
        assert!(d.problems[0].help.contains("\\t"));
    }

    #[test]
    fn mismatched_bracket_is_fatal_with_the_opening_line() {
        let (f, d) = doc("{\n \"k\": [\n  \"a\"\n }\n}");
        assert!(d.root.is_none());
        assert_eq!(at(&f, &d, 0), (4, 2));
        assert!(d.problems[0].message.contains("array opened at line 2"));
        assert_eq!(
            d.problems[0].help,
            "add `]` after line 3 to close the array"
        );
    }

    #[test]
    fn content_after_root_is_fatal() {
        let (f, d) = doc("{\n \"a\": {\n  \"b\": 1\n  }\n  }\n},\n\"c\": 2\n}");
        assert!(d.root.is_none());
        assert_eq!(at(&f, &d, 0), (6, 1));
        assert!(d.problems[0].message.contains("closed at line 5"));
        assert!(
            d.problems[0].help.contains("stop lining up at line 4"),
            "{}",
            d.problems[0].help
        );
    }

    #[test]
    fn object_where_key_expected_points_to_missing_brace() {
        let (f, d) = doc("{\n \"p\": [\n  {\n   \"a\": 1,\n  {\n   \"b\": 2\n  }\n ]\n}");
        assert!(d.root.is_none());
        assert_eq!(at(&f, &d, 0), (5, 3));
        assert!(d.problems[0]
            .help
            .contains("missing its closing `}` after line 4"));
    }

    #[test]
    fn duplicate_keys_are_each_reported_with_pointer() {
        let (f, d) = doc("{\"a\": {\"x\": 1, \"x\": 2, \"x\": 3}}");
        assert_eq!(d.problems.len(), 2);
        assert_eq!(d.problems[0].kind, ProblemKind::DuplicateKey);
        assert_eq!(d.problems[0].pointer.as_deref(), Some("/a/x"));
        assert_eq!(at(&f, &d, 1), (1, 24));
        assert_eq!(
            d.root
                .as_ref()
                .unwrap()
                .get("a")
                .unwrap()
                .get("x")
                .unwrap()
                .as_i64(),
            Some(3)
        );
    }

    #[test]
    fn odd_whitespace_is_reported_once_and_recovered() {
        let (_, d) = doc("{\n\u{2003}\u{2003}\"a\": 1\n}");
        assert!(d.root.is_some());
        assert_eq!(d.problems.len(), 1);
        assert!(d.problems[0].message.contains("U+2003 EM SPACE"));
        assert!(d.problems[0].message.contains("2 such"));
    }

    #[test]
    fn truncated_file_names_the_unclosed_object() {
        let (_, d) = doc("{\n \"a\": {\n  \"b\": 1");
        assert!(d.root.is_none());
        assert!(d.problems[0].message.contains("opened at line 2"));
    }

    #[test]
    fn invalid_numbers_and_literals() {
        let (_, d) = doc("{\"a\": 01}");
        assert!(d.root.is_some());
        assert!(d.problems[0].message.contains("`01`"));
        let (_, d) = doc("{\"a\": True}");
        assert!(d.root.is_none());
        assert!(d.problems[0].help.contains("lower case"));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = "[".repeat(10_000);
        let (_, d) = doc(&text);
        assert!(d.root.is_none());
        assert!(d.problems[0].message.contains("nesting"));
    }
}
