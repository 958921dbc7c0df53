//! YAML definitions, read into the same positioned tree as JSON.
//!
//! The event parser is `granit-parser`: it reports every event with exact byte offsets into
//! the text, which is all the tree needs. On top of it this module adds what a linter needs:
//! the YAML 1.2 core schema for plain scalars (`yes`/`no`/`on`/`off` stay strings), duplicate
//! keys kept in order, aliases expanded under a budget (no "billion laughs"), and error
//! messages with a hint the author can act on.
//!
//! Spans: a scalar covers its source text, quotes included; a block scalar covers its `|` or
//! `>` header through its last non-blank content byte. A flow collection covers its brackets;
//! a block collection runs from its first key or `-` to the end of its last child.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use granit_parser::{
    ErrorKind, Event, Marker, Parser, ScalarStyle, ScanError, StructureStyle, Tag,
};

use super::{duplicate_keys, Document, Format, Member, Node, NodeKind, ProblemKind, SyntaxProblem};
use crate::source::{SourceFile, Span};

/// How many aliases one file may expand.
const MAX_ALIAS_EXPANSIONS: usize = 10_000;
/// How many nodes may be copied, in total, to remember anchors and expand aliases. Nested
/// aliases multiply: this budget is what stops a few lines from expanding into billions
/// of nodes.
const MAX_COPIED_NODES: usize = 1_000_000;
/// How many bytes of keys and scalars may be copied, in total, for anchors and aliases.
/// Few nodes can still be much text: one 100 KB anchored string and 9,999 aliases of it
/// (a 170 KB file) reached 1 GB.
const MAX_COPIED_BYTES: usize = 16 * 1024 * 1024;

/// What copying a node costs: its nodes, and the bytes of its keys and scalars.
#[derive(Debug, Clone, Copy, Default)]
struct Cost {
    nodes: usize,
    bytes: usize,
}

impl Cost {
    fn add(&mut self, other: Cost) {
        self.nodes = self.nodes.saturating_add(other.nodes);
        self.bytes = self.bytes.saturating_add(other.bytes);
    }
    fn over_budget(self) -> bool {
        self.nodes > MAX_COPIED_NODES || self.bytes > MAX_COPIED_BYTES
    }
}

pub fn parse(file: &SourceFile) -> Document {
    // The parser is fuzzed upstream, but a linter run over a whole repository must not die
    // on one odd file: a panic in it becomes a syntax problem.
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read(file)));
    let (root, mut problems) = outcome.unwrap_or_else(|_| {
        (
            None,
            vec![syntax(
                Span::at(file.content_start()),
                "the YAML parser failed on this file",
                "convert the definition to JSON, or report this file to the connlint maintainers",
            )],
        )
    });
    let duplicates = match &root {
        Some(root) => duplicate_keys(root, &mut problems),
        None => 0,
    };
    problems.sort_by_key(|p| p.span.start);
    Document {
        root,
        problems,
        format: Format::Yaml,
        duplicate_keys: duplicates,
    }
}

/// Marker for "reading stopped"; the reason is the builder's `fatal`.
struct Fatal;

fn read(file: &SourceFile) -> (Option<Node>, Vec<SyntaxProblem>) {
    let text: &str = &file.text;
    let options = granit_parser::options! { emit_comments: false };
    let mut builder = Builder::new(text);
    let mut documents = 0usize;
    let mut first_ended = false;

    for next in Parser::new_from_str_with_options(text, options) {
        let (event, span) = match next {
            Ok(item) => item,
            Err(err) => {
                let problem = scan_error(text, &err);
                if first_ended {
                    // The first document is complete; the error is in what follows it.
                    builder.problems.push(problem);
                    break;
                }
                return (None, vec![problem]);
            }
        };
        let range =
            offset(text, &span.start)..offset(text, &span.end).max(offset(text, &span.start));
        let step = match event {
            Event::DocumentStart(..) => {
                documents += 1;
                if documents > 1 {
                    builder.problems.push(syntax(
                        Span::new(range.start, range.end),
                        "only the first YAML document is read; this file holds more than one",
                        "a connector definition is one document: remove this `---` and what follows, or move it to its own file",
                    ));
                    break;
                }
                Ok(())
            }
            Event::DocumentEnd => {
                // Only an explicit `...` closes the document for good: an implicit end is
                // the parser's look-ahead, and an error right after it belongs to the tree.
                first_ended = !range.is_empty();
                Ok(())
            }
            Event::Scalar(value, style, anchor, tag) => {
                builder.scalar(value, style, anchor, tag.as_deref(), range.clone())
            }
            Event::SequenceStart(style, anchor, _) => {
                builder.open(range.start, style, anchor, false);
                Ok(())
            }
            Event::MappingStart(style, anchor, _) => {
                builder.open(range.start, style, anchor, true);
                Ok(())
            }
            Event::SequenceEnd | Event::MappingEnd => builder.close(range.end),
            Event::Alias(id) => builder.alias(id, range.clone()),
            _ => Ok(()),
        };
        if step.is_err() {
            return (None, builder.fatal.into_iter().collect());
        }
        builder.last_end = range.end;
    }

    if documents == 0 {
        let start = file.content_start();
        let rest = text.get(start..).unwrap_or("");
        let message = if rest.trim().is_empty() {
            "the file is empty"
        } else {
            "the file holds no YAML value, only comments"
        };
        return (
            None,
            vec![syntax(
                Span::at(start),
                message,
                "a connector definition is a YAML mapping: start it with `swagger: \"2.0\"`",
            )],
        );
    }
    (builder.root, builder.problems)
}

/// A collection being read.
struct Frame {
    start: usize,
    /// The end of the last child read so far (block collections end there).
    end: usize,
    flow: bool,
    anchor: usize,
    /// Nodes in this collection, itself included, and the bytes of their text.
    size: Cost,
    content: Content,
}

enum Content {
    Seq(Vec<Node>),
    Map {
        members: Vec<Member>,
        expect: Expect,
    },
}

/// What the next node of a mapping is.
enum Expect {
    Key,
    Value {
        key: String,
        key_span: Span,
    },
    /// The value of a member whose key could not be used.
    SkipValue,
}

struct Builder<'a> {
    text: &'a str,
    stack: Vec<Frame>,
    /// Anchored nodes by anchor id, with what copying them costs.
    anchors: HashMap<usize, (Node, Cost)>,
    root: Option<Node>,
    problems: Vec<SyntaxProblem>,
    fatal: Option<SyntaxProblem>,
    /// End offset of the previous event.
    last_end: usize,
    expansions: usize,
    copied: Cost,
}

impl<'a> Builder<'a> {
    fn new(text: &'a str) -> Self {
        Builder {
            text,
            stack: Vec::new(),
            anchors: HashMap::new(),
            root: None,
            problems: Vec::new(),
            fatal: None,
            last_end: 0,
            expansions: 0,
            copied: Cost::default(),
        }
    }

    fn expects_key(&self) -> bool {
        matches!(
            self.stack.last(),
            Some(Frame {
                content: Content::Map {
                    expect: Expect::Key,
                    ..
                },
                ..
            })
        )
    }

    fn scalar(
        &mut self,
        value: Cow<'_, str>,
        style: ScalarStyle,
        anchor: usize,
        tag: Option<&Tag>,
        range: Range<usize>,
    ) -> Result<(), Fatal> {
        let span = match style {
            ScalarStyle::Literal | ScalarStyle::Folded => self.block_scalar_span(range.clone()),
            _ => Span::new(range.start, range.end),
        };
        // An empty plain scalar (`key:` with nothing after it) comes as `~` with an empty span.
        let empty = style == ScalarStyle::Plain && range.is_empty();
        let raw_key = if self.expects_key() {
            Some(if empty {
                String::new()
            } else {
                value.to_string()
            })
        } else {
            None
        };
        let kind = if empty {
            NodeKind::Null
        } else if style != ScalarStyle::Plain || tag.and_then(Tag::core_suffix) == Some("str") {
            NodeKind::String(value.into_owned())
        } else {
            resolve_plain(value)
        };
        let bytes = match &kind {
            NodeKind::String(s) => s.len(),
            NodeKind::Number(n) => n.len(),
            _ => 0,
        };
        self.complete(
            Node { span, kind },
            Cost { nodes: 1, bytes },
            anchor,
            raw_key,
        )
    }

    fn open(&mut self, start: usize, style: StructureStyle, anchor: usize, mapping: bool) {
        let content = if mapping {
            Content::Map {
                members: Vec::new(),
                expect: Expect::Key,
            }
        } else {
            Content::Seq(Vec::new())
        };
        self.stack.push(Frame {
            start,
            end: start,
            flow: style == StructureStyle::Flow,
            anchor,
            size: Cost { nodes: 1, bytes: 0 },
            content,
        });
    }

    fn close(&mut self, event_end: usize) -> Result<(), Fatal> {
        let Some(frame) = self.stack.pop() else {
            return Ok(());
        };
        let end = if frame.flow { event_end } else { frame.end };
        let kind = match frame.content {
            Content::Seq(items) => NodeKind::Array(items),
            Content::Map { members, .. } => NodeKind::Object(members.into()),
        };
        let node = Node {
            span: Span::new(frame.start, end.max(frame.start)),
            kind,
        };
        self.complete(node, frame.size, frame.anchor, None)
    }

    fn alias(&mut self, id: usize, range: Range<usize>) -> Result<(), Fatal> {
        let span = Span::new(range.start, range.end);
        let Some((node, size)) = self.anchors.get(&id) else {
            // Only an anchor still being read can be missing: the parser rejects unknown ones.
            let name = self.text.get(range.clone()).unwrap_or("*");
            self.problems.push(syntax(
                span,
                format!("the alias `{name}` refers to a node that contains it"),
                "a YAML node cannot include itself: write the value out instead of using the alias",
            ));
            return self.complete(
                Node {
                    span,
                    kind: NodeKind::Null,
                },
                Cost { nodes: 1, bytes: 0 },
                0,
                None,
            );
        };
        let size = *size;
        self.expansions += 1;
        self.copied.add(size);
        if self.expansions > MAX_ALIAS_EXPANSIONS || self.copied.over_budget() {
            return Err(self.too_many_expansions(span));
        }
        let mut copy = node.clone();
        copy.span = span;
        self.complete(copy, size, 0, None)
    }

    fn too_many_expansions(&mut self, span: Span) -> Fatal {
        self.fatal = Some(syntax(
            span,
            format!(
                "the YAML aliases expand to too much data (more than {MAX_ALIAS_EXPANSIONS} expansions, {MAX_COPIED_NODES} copied values or {} MiB of copied text), so the file is not read",
                MAX_COPIED_BYTES / (1024 * 1024)
            ),
            "write the repeated values out, or use fewer and smaller `&anchor`/`*alias` pairs: a connector definition does not need them",
        ));
        Fatal
    }

    /// Places a finished node in its parent (or as the root).
    fn complete(
        &mut self,
        node: Node,
        size: Cost,
        anchor: usize,
        raw_key: Option<String>,
    ) -> Result<(), Fatal> {
        if anchor != 0 {
            self.copied.add(size);
            if self.copied.over_budget() {
                return Err(self.too_many_expansions(node.span));
            }
            self.anchors.insert(anchor, (node.clone(), size));
        }
        let Some(frame) = self.stack.last_mut() else {
            if self.root.is_none() {
                self.root = Some(node);
            }
            return Ok(());
        };
        frame.end = frame.end.max(node.span.end as usize);
        frame.size.add(size);
        match &mut frame.content {
            Content::Seq(items) => items.push(node),
            Content::Map { members, expect } => match std::mem::replace(expect, Expect::Key) {
                Expect::Key => match raw_key.or_else(|| key_text(&node.kind)) {
                    Some(key) => {
                        *expect = Expect::Value {
                            key,
                            key_span: node.span,
                        }
                    }
                    None => {
                        *expect = Expect::SkipValue;
                        self.problems.push(syntax(
                            node.span,
                            format!(
                                "a mapping key must be plain text, but this key is {}; the member is ignored",
                                node.type_name()
                            ),
                            "use a plain string as the key: JSON, and so connector definitions, only have string keys",
                        ));
                    }
                },
                Expect::Value { key, key_span } => members.push(Member {
                    key,
                    key_span,
                    value: node,
                }),
                Expect::SkipValue => {}
            },
        }
        Ok(())
    }

    /// The span of a `|` or `>` block scalar: from its header to its last non-blank byte.
    /// The parser's span covers the content only, from its first line to the line after it.
    fn block_scalar_span(&self, range: Range<usize>) -> Span {
        let bytes = self.text.as_bytes();
        let content_start = range.start.min(bytes.len());
        let mut end = range.end.min(bytes.len());
        while end > content_start && bytes[end - 1].is_ascii_whitespace() {
            end -= 1;
        }
        // The header is on the last non-blank line before the content.
        let mut header_line_end = content_start;
        while header_line_end > 0 && bytes[header_line_end - 1].is_ascii_whitespace() {
            header_line_end -= 1;
        }
        let line_start = bytes[..header_line_end]
            .iter()
            .rposition(|&b| b == b'\n' || b == b'\r')
            .map_or(0, |p| p + 1);
        let from = line_start.max(self.last_end).min(header_line_end);
        let header = (from..header_line_end).find_map(|p| block_header_at(bytes, p, line_start));
        match header {
            Some((start, _)) if end > content_start => Span::new(start, end),
            Some((start, header_end)) => Span::new(start, header_end),
            None => Span::new(content_start, end),
        }
    }
}

/// A block scalar header (`|`, `>-`, `|2+`...) starting at `p`: returns its range.
fn block_header_at(bytes: &[u8], p: usize, line_start: usize) -> Option<(usize, usize)> {
    if !matches!(bytes.get(p), Some(b'|' | b'>')) {
        return None;
    }
    if p > line_start && !matches!(bytes[p - 1], b' ' | b'\t') {
        return None;
    }
    let mut q = p + 1;
    while matches!(bytes.get(q), Some(b'0'..=b'9' | b'+' | b'-')) {
        q += 1;
    }
    match bytes.get(q) {
        None | Some(b' ' | b'\t' | b'\r' | b'\n') => Some((p, q)),
        _ => None,
    }
}

/// The text of a scalar used as a key through an alias.
fn key_text(kind: &NodeKind) -> Option<String> {
    match kind {
        NodeKind::String(s) => Some(s.clone()),
        NodeKind::Number(n) => Some(n.to_string()),
        NodeKind::Bool(b) => Some(b.to_string()),
        NodeKind::Null => Some("null".into()),
        NodeKind::Array(_) | NodeKind::Object(_) => None,
    }
}

/// Resolves a plain scalar by the YAML 1.2 core schema (decimal numbers only).
fn resolve_plain(value: Cow<'_, str>) -> NodeKind {
    match &*value {
        "" | "~" | "null" | "Null" | "NULL" => NodeKind::Null,
        "true" | "True" | "TRUE" => NodeKind::Bool(true),
        "false" | "False" | "FALSE" => NodeKind::Bool(false),
        v if is_decimal_number(v) => NodeKind::Number(v.into()),
        _ => NodeKind::String(value.into_owned()),
    }
}

/// `[-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`: the core schema's
/// decimal integers and floats.
fn is_decimal_number(s: &str) -> bool {
    fn digits(b: &[u8], mut i: usize) -> usize {
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        i
    }
    let b = s.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'-' | b'+')));
    let int_end = digits(b, i);
    let has_int = int_end > i;
    i = int_end;
    if b.get(i) == Some(&b'.') {
        let frac_end = digits(b, i + 1);
        if !has_int && frac_end == i + 1 {
            return false;
        }
        i = frac_end;
    } else if !has_int {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(b.get(j), Some(b'-' | b'+')) {
            j += 1;
        }
        let exp_end = digits(b, j);
        if exp_end == j {
            return false;
        }
        i = exp_end;
    }
    i == b.len()
}

/// The byte offset of a parser marker (string input always has one; the character index is
/// the fallback).
fn offset(text: &str, marker: &Marker) -> usize {
    marker
        .byte_offset()
        .unwrap_or_else(|| {
            text.char_indices()
                .nth(marker.index())
                .map_or(text.len(), |(i, _)| i)
        })
        .min(text.len())
}

fn syntax(span: Span, message: impl Into<String>, help: impl Into<String>) -> SyntaxProblem {
    SyntaxProblem {
        kind: ProblemKind::Syntax,
        span,
        message: message.into(),
        help: help.into(),
        pointer: None,
        related: None,
        fix: None,
    }
}

fn scan_error(text: &str, err: &ScanError) -> SyntaxProblem {
    let mut at = offset(text, err.marker());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let kind = err.kind();
    if matches!(
        kind,
        ErrorKind::TabInBlockIndentation | ErrorKind::TabInIndentation | ErrorKind::TabNotAllowed
    ) {
        // Point at the tab itself, not at what follows it.
        let line_start = text[..at].rfind(['\n', '\r']).map_or(0, |p| p + 1);
        if let Some(tab) = text[line_start..at].find('\t') {
            at = line_start + tab;
        }
    }
    let span = match text[at..].chars().next() {
        Some(c) if c != '\n' && c != '\r' => Span::new(at, at + c.len_utf8()),
        _ => Span::at(at),
    };
    let (message, help) = describe(kind);
    syntax(span, message, help)
}

fn closing(open: char) -> char {
    match open {
        '[' => ']',
        '{' => '}',
        c => c,
    }
}

/// The parser's error in plain words, and what to do about it.
fn describe(kind: &ErrorKind) -> (String, String) {
    const TABS: &str = "YAML indentation must use spaces, not tabs: replace the tab with spaces";
    const INDENT: &str = "YAML nesting is given by indentation with spaces: align this line with its sibling entries, deeper than its parent key";
    let (message, help): (Cow<'static, str>, Cow<'static, str>) = match kind {
        ErrorKind::TabInBlockIndentation
        | ErrorKind::TabInIndentation
        | ErrorKind::TabNotAllowed
        | ErrorKind::TabAtBlockScalarStart => {
            ("a tab character is used for indentation".into(), TABS.into())
        }
        ErrorKind::TabInPlainScalar => (
            "a tab character appears where YAML does not allow one".into(),
            "YAML indentation must use spaces, not tabs: replace the tab with spaces, or quote the value if the tab belongs to it".into(),
        ),
        ErrorKind::MappingValueNotAllowed | ErrorKind::InvalidColonPlacement => (
            "a `: ` cannot appear here".into(),
            "if the value itself contains `: `, put it in quotes; if a nested key was meant, put it on its own line, indented under its parent key".into(),
        ),
        ErrorKind::ExpectedBlockMappingKey => (
            "expected a key at this indentation".into(),
            "the keys of one mapping must start in the same column: indent this line (with spaces) like its sibling keys".into(),
        ),
        ErrorKind::ExpectedBlockSequenceEntry => (
            "expected a `- ` list item at this indentation".into(),
            "the items of one list must start in the same column: align this `-` with the other items".into(),
        ),
        ErrorKind::SimpleKeyExpected | ErrorKind::InvalidSimpleKey => (
            "expected `key: value`, but there is no `:` after this key".into(),
            "add `: ` after the key; if this text continues the previous value, quote that value".into(),
        ),
        ErrorKind::InvalidIndentation
        | ErrorKind::InvalidBlockScalarIndent
        | ErrorKind::InvalidQuotedScalarIndent
        | ErrorKind::InvalidFlowScalarIndent => {
            ("this line is not indented correctly".into(), INDENT.into())
        }
        ErrorKind::UnclosedQuotedScalar => (
            "this quoted string is never closed".into(),
            "add the closing quote; inside double quotes write a quote as `\\\"`, inside single quotes as `''`".into(),
        ),
        ErrorKind::UnclosedFlowCollection { open } => (
            format!("this `{open}` is never closed").into(),
            format!("add the matching `{}`", closing(*open)).into(),
        ),
        ErrorKind::MismatchedFlowCollectionEnd { open, close } => (
            format!("this `{open}` is closed by `{close}`").into(),
            format!("close it with `{}`, or look for a missing or extra bracket inside it", closing(*open)).into(),
        ),
        ErrorKind::MisplacedFlowCollectionEnd => (
            "this closing bracket has no matching opening bracket".into(),
            "remove it, or add the missing opening bracket".into(),
        ),
        ErrorKind::ExpectedFlowMappingSeparator => (
            "expected `,` or `}` after this entry of a `{...}` mapping".into(),
            "separate the entries with commas and close the mapping with `}`".into(),
        ),
        ErrorKind::ExpectedFlowSequenceSeparator => (
            "expected `,` or `]` after this item of a `[...]` list".into(),
            "separate the items with commas and close the list with `]`".into(),
        ),
        ErrorKind::UnexpectedEofFlowSequence
        | ErrorKind::UnexpectedEofFlowMapping
        | ErrorKind::UnexpectedEofImplicitFlowMapping
        | ErrorKind::UnexpectedEofBlockSequence
        | ErrorKind::UnexpectedEofBlockMapping
        | ErrorKind::UnexpectedEof => (
            "the file ends in the middle of a value".into(),
            "the file may be truncated: complete the value and close every open bracket and quote".into(),
        ),
        ErrorKind::UnknownAnchor => (
            "this alias refers to an anchor that is not defined".into(),
            "define the anchor with `&name` on a value before using `*name`, or quote the value if the `*` is meant literally".into(),
        ),
        ErrorKind::UnexpectedCharacter { character } => (
            format!("`{}` cannot start a plain value", character.escape_default()).into(),
            "put the value in quotes".into(),
        ),
        ErrorKind::ExpectedNodeContent => (
            "expected a value here".into(),
            "write a value, or remove the stray indicator character".into(),
        ),
        ErrorKind::UnknownQuotedScalarEscape
        | ErrorKind::InvalidQuotedScalarHexEscape
        | ErrorKind::InvalidLowSurrogateHexEscape
        | ErrorKind::InvalidLowSurrogate
        | ErrorKind::MissingLowSurrogate
        | ErrorKind::UnpairedLowSurrogate
        | ErrorKind::InvalidUnicodeEscape => (
            "invalid escape sequence in a double-quoted string".into(),
            "write a backslash as `\\\\`, or use single quotes, in which a backslash has no special meaning".into(),
        ),
        ErrorKind::CommentNotSeparated => (
            "a `#` comment must be preceded by a space".into(),
            "add a space before `#`, or quote the value if the `#` belongs to it".into(),
        ),
        ErrorKind::CommentInterceptedScalar => (
            "a comment interrupts a value that continues on the next line".into(),
            "move the comment, or quote the multi-line value".into(),
        ),
        ErrorKind::RecursionLimitExceeded => (
            "the nesting is too deep".into(),
            "a connector definition does not need hundreds of nesting levels: flatten the structure".into(),
        ),
        ErrorKind::BomInsideDocument => (
            "a byte-order mark (U+FEFF) appears inside the document".into(),
            "remove the invisible U+FEFF character".into(),
        ),
        ErrorKind::BlockEntryInFlowCollection | ErrorKind::BlockSequenceEntryNotAllowed => (
            "a `- ` list item is not allowed here".into(),
            "put list items on their own lines, indented under their key, or write the list as `[a, b]`".into(),
        ),
        ErrorKind::ExpectedDocumentStart | ErrorKind::InvalidDocumentEnd => (
            "unexpected content after the end of the document".into(),
            "remove it; if the document should go on, look above this line for an extra closing bracket or a line indented too little".into(),
        ),
        ErrorKind::InvalidTrailingSingleQuotedScalar | ErrorKind::InvalidTrailingDoubleQuotedScalar => (
            "unexpected text after the closing quote".into(),
            "a quoted value ends at its closing quote: move the text inside the quotes, or start a new entry on its own line".into(),
        ),
        ErrorKind::InvalidMappingValueWhitespace => (
            "a `:` after a key must be followed by a space".into(),
            "add a space after the `:`".into(),
        ),
        ErrorKind::InvalidBlockEntryWhitespace => (
            "a `-` list indicator must be followed by a space".into(),
            "add a space after the `-`".into(),
        ),
        other => {
            let text = other.to_string();
            (
                if text.is_empty() { "invalid YAML".into() } else { text.into() },
                "fix the YAML syntax here: indent with spaces only, put `: ` after each key, and close every quote and bracket".into(),
            )
        }
    };
    (message.into_owned(), help.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Decoding;

    fn file(text: &str) -> SourceFile {
        SourceFile::from_text("t.yaml".into(), text.into(), Decoding::Utf8)
    }

    fn root(text: &str) -> Node {
        let doc = parse(&file(text));
        assert_eq!(doc.format, Format::Yaml);
        assert!(
            doc.problems.is_empty(),
            "unexpected problems: {:?}",
            doc.problems
        );
        doc.root.expect("a tree")
    }

    fn s(start: u32, end: u32) -> Span {
        Span { start, end }
    }

    fn number(n: &str) -> NodeKind {
        NodeKind::Number(n.into())
    }

    #[test]
    fn block_mapping_and_sequence_spans_are_exact() {
        let text = "a: 1\nb:\n  - x\n  - 'y'\nc: {d: e, f: [1, 2]}\n";
        let root = root(text);
        assert_eq!(root.span, s(0, 42));
        let m = root.members().unwrap();
        assert_eq!(m.len(), 3);
        assert_eq!((m[0].key.as_str(), m[0].key_span), ("a", s(0, 1)));
        assert_eq!(
            m[0].value,
            Node {
                span: s(3, 4),
                kind: number("1")
            }
        );
        assert_eq!((m[1].key.as_str(), m[1].key_span), ("b", s(5, 6)));
        assert_eq!(m[1].value.span, s(10, 21));
        let items = m[1].value.as_array().unwrap();
        assert_eq!(
            items[0],
            Node {
                span: s(12, 13),
                kind: NodeKind::String("x".into())
            }
        );
        assert_eq!(
            items[1],
            Node {
                span: s(18, 21),
                kind: NodeKind::String("y".into())
            }
        );
        assert_eq!(&text[m[1].value.span.range()], "- x\n  - 'y'");
        assert_eq!((m[2].key.as_str(), m[2].key_span), ("c", s(22, 23)));
        let c = &m[2].value;
        assert_eq!(c.span, s(25, 42));
        assert_eq!(&text[c.span.range()], "{d: e, f: [1, 2]}");
        let d = c.member("d").unwrap();
        assert_eq!((d.key_span, d.value.span), (s(26, 27), s(29, 30)));
        let f = c.get("f").unwrap();
        assert_eq!(f.span, s(35, 41));
        assert_eq!(
            f.as_array().unwrap(),
            &[
                Node {
                    span: s(36, 37),
                    kind: number("1")
                },
                Node {
                    span: s(39, 40),
                    kind: number("2")
                }
            ]
        );
    }

    #[test]
    fn nested_block_collections_end_at_their_last_child() {
        let text = "paths:\n  /items:\n    get:\n      tags: [a]\n      x: 1\n\n# end\n";
        let root = root(text);
        assert_eq!(root.span, s(0, 52));
        let paths = root.get("paths").unwrap();
        assert_eq!(paths.span, s(9, 52));
        let get = paths.get("/items").unwrap().get("get").unwrap();
        assert_eq!(&text[get.span.range()], "tags: [a]\n      x: 1");
        // A list of mappings: each item starts at its first key.
        let text = "- name: a\n  in: query\n- name: b\n";
        let root = self::root(text);
        assert_eq!(root.span, s(0, 31));
        let items = root.as_array().unwrap();
        assert_eq!(items[0].span, s(2, 21));
        assert_eq!(items[1].span, s(24, 31));
    }

    #[test]
    fn block_scalars_span_from_header_to_last_content() {
        let text = "a: |\n  text\n  more\nb: >-\n  fold\nc: |\nd: |-  # note | here\n\n  x\n\n";
        let root = root(text);
        let a = root.get("a").unwrap();
        assert_eq!(a.span, s(3, 18));
        assert_eq!(a.as_str(), Some("text\nmore\n"));
        let b = root.get("b").unwrap();
        assert_eq!(b.span, s(22, 31));
        assert_eq!(b.as_str(), Some("fold"));
        let c = root.get("c").unwrap();
        assert_eq!(&text[c.span.range()], "|");
        assert_eq!(c.as_str(), Some(""));
        let d = root.get("d").unwrap();
        assert_eq!(&text[d.span.range()], "|-  # note | here\n\n  x");
        assert_eq!(d.as_str(), Some("\nx"));
    }

    #[test]
    fn plain_scalars_follow_the_core_schema_and_quoted_ones_are_strings() {
        let text = "a: true\nb: 'true'\nc: \"12\"\nd: 12\ne: -1.5e3\nf: ~\ng:\nh: yes\ni: off\nj: FALSE\nk: null\nl: 0x1F\nm: 1.2.3\nn: .5\no: !!str 7\np: \"a\\tb\"\nq: 'it''s'\n";
        let root = root(text);
        let kind = |k: &str| root.get(k).unwrap().kind.clone();
        assert_eq!(kind("a"), NodeKind::Bool(true));
        assert_eq!(kind("b"), NodeKind::String("true".into()));
        assert_eq!(kind("c"), NodeKind::String("12".into()));
        assert_eq!(kind("d"), number("12"));
        assert_eq!(kind("e"), number("-1.5e3"));
        assert_eq!(kind("f"), NodeKind::Null);
        assert_eq!(kind("g"), NodeKind::Null);
        assert_eq!(kind("h"), NodeKind::String("yes".into()));
        assert_eq!(kind("i"), NodeKind::String("off".into()));
        assert_eq!(kind("j"), NodeKind::Bool(false));
        assert_eq!(kind("k"), NodeKind::Null);
        assert_eq!(kind("l"), NodeKind::String("0x1F".into()));
        assert_eq!(kind("m"), NodeKind::String("1.2.3".into()));
        assert_eq!(kind("n"), number(".5"));
        assert_eq!(kind("o"), NodeKind::String("7".into()));
        assert_eq!(kind("p"), NodeKind::String("a\tb".into()));
        assert_eq!(kind("q"), NodeKind::String("it's".into()));
        // Spans include the quotes.
        assert_eq!(&text[root.get("c").unwrap().span.range()], "\"12\"");
        assert_eq!(&text[root.get("q").unwrap().span.range()], "'it''s'");
    }

    #[test]
    fn flow_style_collections() {
        let text = "{a: [1, {b: c}], 'd': \"e\", f: []}";
        let root = root(text);
        assert_eq!(root.span, s(0, 33));
        let a = root.get("a").unwrap();
        assert_eq!(&text[a.span.range()], "[1, {b: c}]");
        assert_eq!(&text[a.as_array().unwrap()[1].span.range()], "{b: c}");
        let d = root.member("d").unwrap();
        assert_eq!(&text[d.key_span.range()], "'d'");
        assert_eq!(&text[d.value.span.range()], "\"e\"");
        assert_eq!(
            root.get("f").unwrap().as_array().map(<[Node]>::len),
            Some(0)
        );
    }

    #[test]
    fn duplicate_keys_are_kept_and_reported_with_pointer() {
        let text = "a: 1\nb:\n  x: 1\n  x: 2\na: 3\n";
        let doc = parse(&file(text));
        let root = doc.root.as_ref().unwrap();
        let keys: Vec<&str> = root
            .members()
            .unwrap()
            .iter()
            .map(|m| m.key.as_str())
            .collect();
        assert_eq!(keys, ["a", "b", "a"]);
        assert_eq!(root.get("a").unwrap().kind, number("3"));
        assert_eq!(doc.problems.len(), 2);
        assert!(doc
            .problems
            .iter()
            .all(|p| p.kind == ProblemKind::DuplicateKey));
        assert_eq!(doc.problems[0].pointer.as_deref(), Some("/b/x"));
        assert_eq!(doc.problems[0].span, s(17, 18));
        assert_eq!(doc.problems[0].related.as_ref().unwrap().0, s(10, 11));
        assert_eq!(doc.problems[1].pointer.as_deref(), Some("/a"));
        assert_eq!(doc.problems[1].span, s(22, 23));
        assert!(!doc.recovered());
    }

    #[test]
    fn aliases_resolve_to_a_copy_at_the_alias() {
        let text = "base: &b {k: v}\nuse: *b\nlist: [&s x, *s]\n";
        let root = root(text);
        let base = root.get("base").unwrap();
        let used = root.get("use").unwrap();
        assert_eq!(used.span, s(21, 23));
        assert_eq!(used.kind, base.kind);
        let list = root.get("list").unwrap().as_array().unwrap();
        assert_eq!(
            list[1],
            Node {
                span: s(37, 39),
                kind: NodeKind::String("x".into())
            }
        );
        // An alias as a key.
        let root = self::root("k: &name title\n*name : 2\n");
        assert_eq!(root.get("title").unwrap().kind, number("2"));
    }

    #[test]
    fn alias_expansion_is_bounded() {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        let names: Vec<String> = (b'b'..=b'j').map(|c| (c as char).to_string()).collect();
        let mut prev = "a".to_string();
        for n in &names {
            let refs = vec![format!("*{prev}"); 10].join(", ");
            text.push_str(&format!("{n}: &{n} [{refs}]\n"));
            prev = n.clone();
        }
        let doc = parse(&file(&text));
        assert!(doc.root.is_none());
        assert_eq!(doc.problems.len(), 1);
        assert!(doc.problems[0]
            .message
            .contains("aliases expand to too much"));
    }

    /// Few nodes, much text: one 100 KB string and 9,999 aliases of it reached 1 GB.
    #[test]
    fn alias_expansion_is_bounded_by_bytes() {
        let mut text = format!("big: &big \"{}\"\nlist:\n", "x".repeat(100_000));
        for _ in 0..9_999 {
            text.push_str("  - *big\n");
        }
        let doc = parse(&file(&text));
        assert!(doc.root.is_none());
        assert_eq!(doc.problems.len(), 1, "{:?}", doc.problems);
        assert!(
            doc.problems[0].message.contains("16 MiB of copied text"),
            "{}",
            doc.problems[0].message
        );
        // Under the budget, aliases of long strings are fine.
        let small = text.lines().take(100).collect::<Vec<_>>().join("\n");
        let doc = parse(&file(&small));
        assert_eq!(
            doc.root
                .unwrap()
                .get("list")
                .unwrap()
                .as_array()
                .unwrap()
                .len(),
            98
        );
    }

    #[test]
    fn self_referencing_alias_is_a_recovered_problem() {
        let doc = parse(&file("a: &x [1, *x]\n"));
        let root = doc.root.as_ref().unwrap();
        let items = root.get("a").unwrap().as_array().unwrap();
        assert_eq!(
            items[1],
            Node {
                span: s(10, 12),
                kind: NodeKind::Null
            }
        );
        assert_eq!(doc.problems.len(), 1);
        assert!(doc.recovered());
    }

    #[test]
    fn collection_keys_are_skipped_with_a_problem() {
        let doc = parse(&file("? [a]\n: 1\nb: 2\n"));
        let root = doc.root.as_ref().unwrap();
        let keys: Vec<&str> = root
            .members()
            .unwrap()
            .iter()
            .map(|m| m.key.as_str())
            .collect();
        assert_eq!(keys, ["b"]);
        assert_eq!(doc.problems.len(), 1);
        assert_eq!(doc.problems[0].kind, ProblemKind::Syntax);
        assert_eq!(doc.problems[0].span, s(2, 5));
    }

    fn error(text: &str) -> (SyntaxProblem, crate::source::LineCol) {
        let f = file(text);
        let doc = parse(&f);
        assert!(doc.root.is_none(), "expected an error for {text:?}");
        assert_eq!(doc.problems.len(), 1, "{:?}", doc.problems);
        let p = doc.problems.into_iter().next().unwrap();
        assert_eq!(p.kind, ProblemKind::Syntax);
        assert!(p.pointer.is_none() && p.related.is_none());
        let at = f.line_col(p.span.start as usize);
        (p, at)
    }

    #[test]
    fn syntax_errors_have_position_and_hint() {
        let (p, at) = error("a:\n\tb: 1\n");
        assert_eq!((at.line, at.column), (2, 1));
        assert_eq!(p.span, s(3, 4));
        assert!(
            p.help
                .contains("YAML indentation must use spaces, not tabs"),
            "{}",
            p.help
        );

        let (p, at) = error("info:\n  title: x\n version: 1\n");
        assert_eq!((at.line, at.column), (3, 2));
        assert!(p.message.contains("key"), "{}", p.message);

        let (p, at) = error("a: 1\nb\n");
        assert_eq!((at.line, at.column), (2, 1));
        assert!(p.help.contains(':'));

        let (p, at) = error("a: x\nb: \"open\n");
        assert_eq!((at.line, at.column), (2, 4));
        assert!(p.message.contains("quoted"), "{}", p.message);

        let (p, at) = error("a: [1, 2\n");
        assert_eq!((at.line, at.column), (1, 4));
        assert!(p.help.contains(']'));

        let (p, at) = error("{a: 1}\nb: 2\n");
        assert_eq!((at.line, at.column), (2, 1));
        assert!(p.message.contains("after the end"), "{}", p.message);

        let (_, at) = error("x:\n  y: *nope\n");
        assert_eq!((at.line, at.column), (2, 6));
    }

    #[test]
    fn json_read_as_yaml_gives_the_same_tree() {
        let text = "{\n  \"swagger\": \"2.0\",\n  \"info\": {\"title\": \"T\", \"version\": \"1.0\"},\n  \"paths\": {},\n  \"x\": [1, -2.5, 1e3, true, false, null, \"\\u00e9\\n\"],\n  \"compact\":{\"k\":1}\n}\n";
        let yaml = root(text);
        let json = crate::syntax::json::parse(&SourceFile::from_text(
            "t.json".into(),
            text.into(),
            Decoding::Utf8,
        ));
        assert!(json.problems.is_empty());
        assert_eq!(Some(yaml), json.root);
    }

    #[test]
    fn byte_order_mark_is_accepted() {
        let f = SourceFile::from_text(
            "t.yaml".into(),
            "\u{feff}a: 1\n".into(),
            Decoding::Utf8WithBom,
        );
        let doc = parse(&f);
        assert!(doc.problems.is_empty());
        let root = doc.root.unwrap();
        assert_eq!(root.span, s(3, 7));
        assert_eq!(root.members().unwrap()[0].key_span, s(3, 4));

        let doc = parse(&file("\u{feff}"));
        assert!(doc.root.is_none());
        assert_eq!(doc.problems[0].message, "the file is empty");
    }

    #[test]
    fn empty_files_and_multiple_documents() {
        for text in ["", "  \n\n"] {
            let doc = parse(&file(text));
            assert!(doc.root.is_none());
            assert_eq!(doc.problems.len(), 1);
            assert_eq!(doc.problems[0].message, "the file is empty");
        }
        let doc = parse(&file("# just a comment\n"));
        assert!(doc.root.is_none());
        assert_eq!(doc.problems.len(), 1);

        let doc = parse(&file("a: 1\n---\nb: 2\n"));
        let root = doc.root.as_ref().unwrap();
        assert_eq!(root.members().unwrap().len(), 1);
        assert_eq!(doc.problems.len(), 1);
        assert_eq!(doc.problems[0].span, s(5, 8));
        assert!(doc.problems[0]
            .message
            .contains("only the first YAML document is read"));

        // After an explicit `...`, an error belongs to the next document: the first stays.
        let doc = parse(&file("a: 1\n...\n]\n"));
        assert_eq!(doc.root.unwrap().span, s(0, 4));
        assert_eq!(doc.problems.len(), 1);
        assert_eq!(doc.problems[0].span, s(9, 10));

        // An explicit start and end of a single document are fine.
        let root = self::root("---\na: 1\n...\n");
        assert_eq!(root.span, s(4, 8));
    }

    #[test]
    fn multibyte_text_and_crlf_keep_byte_offsets() {
        let text = "é: ü\r\nb: \"ç\"\r\n";
        let root = root(text);
        let m = root.members().unwrap();
        assert_eq!((m[0].key_span, m[0].value.span), (s(0, 2), s(4, 6)));
        assert_eq!((m[1].key_span, m[1].value.span), (s(8, 9), s(11, 15)));
        assert_eq!(root.span, s(0, 15));
    }

    #[test]
    fn never_panics_and_spans_stay_in_bounds() {
        fn check(node: &Node, text: &str) {
            assert!(
                text.get(node.span.range()).is_some(),
                "{:?} in {text:?}",
                node.span
            );
            match &node.kind {
                NodeKind::Array(items) => items.iter().for_each(|n| check(n, text)),
                NodeKind::Object(members) => members.iter().for_each(|m| {
                    assert!(text.get(m.key_span.range()).is_some());
                    check(&m.value, text)
                }),
                _ => {}
            }
        }
        let sample = "\u{feff}swagger: '2.0'\ninfo: {title: \"Tést\", version: 1.0}\npaths:\n  /a:\n    get: &op\n      summary: |\n        Text ü\n      parameters:\n        - {name: x, in: query}\n        - name: y\n  /b: {get: *op}\n";
        let chars: Vec<(usize, char)> = sample.char_indices().collect();
        for &(cut, _) in &chars {
            for text in [
                sample[..cut].to_string(),
                format!(
                    "{}{}",
                    &sample[..cut],
                    &sample[cut..].replacen(|c: char| c != '\n', "\t", 1)
                ),
                format!("{}:{}", &sample[..cut], &sample[cut..]),
                format!("{}[{}", &sample[..cut], &sample[cut..]),
            ] {
                let doc = parse(&file(&text));
                if let Some(root) = &doc.root {
                    check(root, &text);
                }
                for p in &doc.problems {
                    assert!(text.get(p.span.range()).is_some(), "{p:?} in {text:?}");
                }
                assert!(doc.root.is_some() || !doc.problems.is_empty());
            }
        }
    }
}
