//! Markdown text handling: escaping text that comes from a definition, wrapping lines so
//! the output passes markdownlint's line-length rule, and tidying what a template produced.
//!
//! Everything here works on LF text; [`to_eol`] converts to the line ending of a file at
//! the very end.

/// The line length markdownlint's MD013 allows by default.
pub const WIDTH: usize = 80;

/// Makes text from a definition safe to place inline in Markdown: it cannot open HTML,
/// emphasis, links, code or a new block, and bare URLs become autolinks (markdownlint
/// MD034). Whitespace, newlines included, collapses to single spaces.
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        escape_word(word, &mut out);
    }
    // At the start of a line the text could open a list, or be a rule or a heading's
    // underline.
    let first = out.split(' ').next().unwrap_or_default().to_string();
    let rule =
        !first.is_empty() && (first.bytes().all(|b| b == b'-') || first.bytes().all(|b| b == b'='));
    let digits = first.bytes().take_while(u8::is_ascii_digit).count();
    if rule || first == "+" || first == "-" {
        out.insert(0, '\\');
    } else if digits > 0 && (&first[digits..] == "." || &first[digits..] == ")") {
        out.insert(digits, '\\');
    }
    out
}

fn escape_word(word: &str, out: &mut String) {
    // A link in parentheses: "(https://…)".
    if let Some(inner) = word.strip_prefix('(') {
        if inner.to_ascii_lowercase().starts_with("http") {
            escape_chars("(", out);
            return escape_word(inner, out);
        }
    }
    let lower = word.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        // Trailing sentence punctuation is not part of the URL.
        let url = word.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '"', '\'']);
        let url_ok = url.len() > "https://".len()
            && url
                .chars()
                .all(|c| !c.is_control() && !matches!(c, '<' | '>' | '`' | '\\' | '"'));
        if url_ok {
            out.push('<');
            out.push_str(url);
            out.push('>');
            escape_chars(&word[url.len()..], out);
            return;
        }
    }
    escape_chars(word, out);
}

fn escape_chars(text: &str, out: &mut String) {
    let looks_like_email =
        text.contains('@') && text.rsplit('@').next().is_some_and(|d| d.contains('.'));
    let lower = text.to_ascii_lowercase();
    let www = lower.starts_with("www.");
    for (i, c) in text.char_indices() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '@' if looks_like_email => out.push_str("\\@"),
            // `www.example.com` would be a bare link to markdownlint (MD034).
            '.' if www && i == 3 => out.push_str("\\."),
            ':' if lower[i..].starts_with("://") => out.push_str("\\:"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
}

/// Text for inside an HTML comment: on one line, and unable to end the comment early.
pub fn comment_text(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut s = flat.replace("--", "- -");
    while s.contains("--") {
        s = s.replace("--", "- -");
    }
    s.replace('>', "\u{203a}").replace('<', "\u{2039}")
}

/// A code span holding `text` literally.
pub fn code(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut longest = 0;
    let mut run = 0;
    for c in flat.chars() {
        if c == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    let fence = "`".repeat(longest + 1);
    if flat.is_empty() {
        return String::new();
    }
    if flat.starts_with('`') || flat.ends_with('`') {
        format!("{fence} {flat} {fence}")
    } else {
        format!("{fence}{flat}{fence}")
    }
}

/// The prose of a Markdown text, one string per paragraph, list item or table cell, with
/// the markup taken out (link text kept, code blocks and HTML left out): what the
/// generator reads of a readme's own statements.
pub fn plain_blocks(md: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut out = Vec::new();
    let mut current = String::new();
    let mut in_code = 0usize;
    let mut flush = |current: &mut String| {
        let t = current.split_whitespace().collect::<Vec<_>>().join(" ");
        if !t.is_empty() {
            out.push(t);
        }
        current.clear();
    };
    for event in Parser::new_ext(md, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code += 1,
            Event::End(TagEnd::CodeBlock) => in_code = in_code.saturating_sub(1),
            Event::Text(t) | Event::Code(t) if in_code == 0 => current.push_str(&t),
            Event::SoftBreak | Event::HardBreak => current.push(' '),
            Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::Heading(_),
            )
            | Event::Start(Tag::Item) => flush(&mut current),
            _ => {}
        }
    }
    flush(&mut current);
    out
}

/// Whether a line opens or closes a fenced code block.
fn is_fence(line: &str) -> bool {
    let t = line.trim_start();
    line.len() - t.len() < 4 && (t.starts_with("```") || t.starts_with("~~~"))
}

/// Tidies rendered Markdown: no trailing spaces, no run of blank lines, no leading
/// blank lines, exactly one final newline. Fenced code is left alone except for
/// trailing spaces.
pub fn normalize(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    let mut in_fence = false;
    let mut started = false;
    for line in text.split('\n') {
        if is_fence(line) {
            in_fence = !in_fence;
        }
        let line = line.trim_end();
        if line.is_empty() && !in_fence {
            blank_run += 1;
            continue;
        }
        if started && blank_run > 0 {
            out.push('\n');
        }
        blank_run = 0;
        started = true;
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Wraps lines longer than `width` characters at spaces, keeping list items and their
/// continuation lines indented so the Markdown structure does not change. Headings,
/// table rows and fenced code are never wrapped. A line is never broken before a word
/// that could start a new block (a list marker, `#`, `>`, `<`, `|`, a fence).
pub fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 40);
    let mut in_fence = false;
    let mut in_comment = false;
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if is_fence(line) {
            in_fence = !in_fence;
            out.push_str(line);
            continue;
        }
        let was_in_comment = in_comment;
        update_comment_state(line, &mut in_comment);
        let t = line.trim_start();
        if in_fence
            || line.chars().count() <= width
            || t.starts_with('#')
            || t.starts_with('|')
            || t.starts_with('>')
            || (t.starts_with('[') && t.contains("]:"))
        {
            out.push_str(line);
            continue;
        }
        wrap_line(
            line,
            width,
            was_in_comment || t.starts_with("<!--"),
            &mut out,
        );
    }
    out
}

fn update_comment_state(line: &str, in_comment: &mut bool) {
    let mut rest = line;
    loop {
        if *in_comment {
            match rest.find("-->") {
                Some(i) => {
                    *in_comment = false;
                    rest = &rest[i + 3..];
                }
                None => return,
            }
        } else {
            match rest.find("<!--") {
                Some(i) => {
                    *in_comment = true;
                    rest = &rest[i + 4..];
                }
                None => return,
            }
        }
    }
}

/// The indentation a continuation line of `line` needs, and where its text starts.
fn continuation(line: &str) -> (String, usize) {
    let spaces = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[spaces..];
    let marker = if rest.starts_with("- ") || rest.starts_with("* ") || rest.starts_with("+ ") {
        2
    } else {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=9).contains(&digits)
            && rest[digits..].starts_with(['.', ')'])
            && rest[digits + 1..].starts_with(' ')
        {
            digits + 2
        } else {
            0
        }
    };
    (" ".repeat(spaces + marker), spaces + marker)
}

/// Whether a continuation line may start with `word` without starting a new block.
fn may_start_line(word: &str, block_html: bool) -> bool {
    if block_html {
        // Inside an HTML comment block any word may start a line.
        return true;
    }
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if first.is_alphabetic() {
        return true;
    }
    if first.is_ascii_digit() {
        let digits = word.bytes().take_while(u8::is_ascii_digit).count();
        let after = &word[digits..];
        // `1.` or `2)` alone would be an ordered list marker.
        return !(after == "." || after == ")");
    }
    match first {
        '(' | '"' | '\'' | '\u{201c}' | '\u{2018}' | '\\' => true,
        // Emphasis (`*x*`, `**x**`), never a list marker (`* `) or a rule (`***`).
        '*' => {
            word.trim_start_matches('*')
                .starts_with(|c: char| !c.is_whitespace())
                && !word.starts_with("***")
        }
        '`' => !word.starts_with("```"),
        _ => false,
    }
}

fn wrap_line(line: &str, width: usize, block_html: bool, out: &mut String) {
    let (indent, text_start) = continuation(line);
    // An HTML block keeps the indentation it has (inside a list item, that keeps it there).
    let indent = if block_html {
        " ".repeat(line.len() - line.trim_start_matches(' ').len())
    } else {
        indent
    };
    // Words; a code span stays in one piece (a break inside it would still render).
    let mut words: Vec<String> = Vec::new();
    let mut in_code = false;
    for piece in line[text_start..].split(' ') {
        if in_code {
            let last = words.last_mut().expect("a code span starts in a word");
            last.push(' ');
            last.push_str(piece);
        } else {
            words.push(piece.to_string());
        }
        if piece.matches('`').count() % 2 == 1 {
            in_code = !in_code;
        }
    }
    let first_prefix = &line[..text_start];
    let mut lines: Vec<Vec<String>> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let len_of = |prefix: usize, ws: &[String]| {
        prefix + ws.iter().map(|w| w.chars().count()).sum::<usize>() + ws.len().saturating_sub(1)
    };
    for word in words {
        let prefix = if lines.is_empty() {
            first_prefix.chars().count()
        } else {
            indent.len()
        };
        let mut candidate = current.clone();
        candidate.push(word.clone());
        if current.is_empty() || len_of(prefix, &candidate) <= width {
            current = candidate;
            continue;
        }
        if may_start_line(&word, block_html) {
            lines.push(std::mem::replace(&mut current, vec![word]));
            continue;
        }
        // The word cannot start a line: break earlier, before the last word that can.
        let earlier = (1..current.len()).rev().find(|&k| {
            may_start_line(&current[k], block_html) && len_of(prefix, &current[..k]) <= width
        });
        match earlier {
            Some(k) => {
                let rest = current.split_off(k);
                lines.push(std::mem::replace(&mut current, rest));
                current.push(word);
            }
            None => current.push(word),
        }
    }
    lines.push(current);
    for (i, ws) in lines.iter().enumerate() {
        if i == 0 {
            out.push_str(first_prefix);
        } else {
            out.push('\n');
            out.push_str(&indent);
        }
        out.push_str(&ws.join(" "));
    }
}

pub use crate::text::line_ending;

/// Converts LF text to `eol` line endings.
pub fn to_eol(text: &str, eol: &str) -> String {
    if eol == "\n" {
        text.to_string()
    } else {
        text.replace('\n', eol)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_links() {
        assert_eq!(
            escape_inline("<script>alert(1)</script> *bold* [x](y) `c`"),
            "\\<script\\>alert(1)\\</script\\> \\*bold\\* \\[x\\](y) \\`c\\`"
        );
        assert_eq!(
            escape_inline("See https://example.com/a. Or mail a@b.example\nnow"),
            "See <https://example.com/a>. Or mail a\\@b.example now"
        );
        assert_eq!(escape_inline("www.example.com"), "www\\.example.com");
        assert_eq!(escape_inline("ftp://x"), "ftp\\://x");
        assert_eq!(escape_inline("- a"), "\\- a");
        assert_eq!(escape_inline("1. a"), "1\\. a");
    }

    #[test]
    fn comments_cannot_close_early() {
        assert_eq!(
            comment_text("a --> b <!-- c"),
            "a - -\u{203a} b \u{2039}!- - c"
        );
    }

    #[test]
    fn code_spans_fit_their_content() {
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x"), "`` `x ``");
        assert_eq!(code("plain"), "`plain`");
    }

    #[test]
    fn wraps_list_items_with_their_indentation() {
        let line = "  - **400 Bad Request** (1.2% of calls): the service did not accept the values sent with the request.";
        let wrapped = wrap(line, 40);
        for l in wrapped.lines() {
            assert!(l.chars().count() <= 40, "{l:?}");
        }
        assert!(
            wrapped.lines().skip(1).all(|l| l.starts_with("    ")),
            "{wrapped}"
        );
        assert_eq!(
            wrapped.split_whitespace().collect::<Vec<_>>(),
            line.split_whitespace().collect::<Vec<_>>()
        );
    }

    #[test]
    fn never_starts_a_line_with_a_block_marker() {
        let line = format!("{} - 1. # <!-- x --> > | word", "a".repeat(75));
        let wrapped = wrap(&line, 80);
        for l in wrapped.lines().skip(1) {
            assert!(l.starts_with(char::is_alphanumeric), "{wrapped}");
        }
    }

    #[test]
    fn normalizes_blank_lines() {
        assert_eq!(normalize("\n\na  \n\n\n\nb\n\n"), "a\n\nb\n");
        assert_eq!(normalize("```\n\n\n```\n"), "```\n\n\n```\n");
    }

    #[test]
    fn detects_line_endings() {
        assert_eq!(line_ending("a\r\nb\r\n"), "\r\n");
        assert_eq!(line_ending("a\nb\n"), "\n");
        assert_eq!(to_eol("a\nb\n", "\r\n"), "a\r\nb\r\n");
    }
}
