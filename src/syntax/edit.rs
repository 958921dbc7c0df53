//! The one text-edit engine: minimal textual edits to a JSON or YAML document, planned
//! from its positioned tree, applied to its text, and verified by parsing the result
//! again. `check --fix`, `tooltips --write` and `intro --write` all edit through it.
//!
//! - [`plan`] adds keys to an object after its last member, in the style of its siblings
//!   (separator, indentation, line ending), or replaces a value; [`replace_scalar`] and
//!   [`remove_member`] rewrite one string or key, or drop one member.
//! - [`apply`] splices sorted, non-overlapping [`TextEdit`]s into a text.
//! - [`reparse`] parses an edited text as connlint reads the file, [`Soundness`] says
//!   whether it got worse, and [`verify`] proves it is the old document plus exactly the
//!   planned keys. Nothing else in the file changes.

use std::path::Path;

pub use crate::diagnostic::TextEdit;
use crate::source::{SourceFile, Span};
use crate::syntax::{self, pointer, Document, Format, Node, ProblemKind, SyntaxProblem};

/// A key to add to, or a value to replace in, the object at `pointer`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyEdit {
    pub pointer: String,
    pub key: String,
    /// A scalar, written as JSON (which YAML also reads).
    pub value: serde_json::Value,
    /// Replace the existing value of `key` instead of adding the key.
    pub replace: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditError {
    pub pointer: String,
    pub message: String,
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.pointer.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.pointer, self.message)
        }
    }
}

fn err(pointer: &str, message: impl Into<String>) -> EditError {
    EditError {
        pointer: pointer.to_string(),
        message: message.into(),
    }
}

fn quoted(s: &str) -> String {
    serde_json::to_string(s).expect("strings always serialise")
}

fn literal(v: &serde_json::Value) -> String {
    serde_json::to_string(v).expect("values always serialise")
}

/// Plans the text edits for `edits`, sorted. Added keys of one object keep the order
/// given.
pub fn plan(
    text: &str,
    root: &Node,
    format: Format,
    edits: &[KeyEdit],
) -> Result<Vec<TextEdit>, EditError> {
    // (edit, depth of the object): where a nested block mapping ends on the same line as
    // its parent, the deeper object's keys must come first.
    let mut planned: Vec<(TextEdit, usize)> = Vec::new();
    let mut objects: Vec<(&str, Vec<&KeyEdit>)> = Vec::new();
    for e in edits.iter().filter(|e| !e.replace) {
        match objects.iter_mut().find(|(p, _)| *p == e.pointer) {
            Some((_, list)) => list.push(e),
            None => objects.push((&e.pointer, vec![e])),
        }
    }
    for (ptr, adds) in objects {
        let obj = pointer::resolve(root, ptr)
            .ok_or_else(|| err(ptr, "no such place in the definition"))?
            .node;
        if !obj.is_object() {
            return Err(err(
                ptr,
                format!("expected an object, found {}", obj.type_name()),
            ));
        }
        for a in &adds {
            if obj.member(&a.key).is_some() {
                return Err(err(ptr, format!("already has `{}`", a.key)));
            }
        }
        let depth = pointer::tokens(ptr).count();
        planned.push((
            match format {
                Format::Json => json_insert(text, obj, &adds),
                Format::Yaml => yaml_insert(text, obj, &adds, ptr)?,
            },
            depth,
        ));
    }
    for e in edits.iter().filter(|e| e.replace) {
        let obj = pointer::resolve(root, &e.pointer)
            .ok_or_else(|| err(&e.pointer, "no such place in the definition"))?
            .node;
        let m = obj
            .member(&e.key)
            .ok_or_else(|| err(&e.pointer, format!("has no `{}` to replace", e.key)))?;
        let span = m.value.span;
        let old = &text[span.range()];
        if format == Format::Yaml && (old.contains('\n') || old.starts_with(['|', '>'])) {
            return Err(err(
                &e.pointer,
                format!("`{}` is a multi-line YAML scalar; edit it by hand", e.key),
            ));
        }
        planned.push((
            TextEdit {
                span,
                insert: literal(&e.value),
            },
            0,
        ));
    }
    planned.sort_by(|a, b| a.0.span.start.cmp(&b.0.span.start).then(b.1.cmp(&a.1)));
    let edits: Vec<TextEdit> = planned.into_iter().map(|(e, _)| e).collect();
    for pair in edits.windows(2) {
        if pair[0].span.end > pair[1].span.start {
            return Err(err("", "two edits overlap"));
        }
    }
    Ok(edits)
}

fn json_insert(text: &str, obj: &Node, adds: &[&KeyEdit]) -> TextEdit {
    let members = obj.members().unwrap_or_default();
    let Some(last) = members.last() else {
        let inner: Vec<String> = adds
            .iter()
            .map(|a| format!("{}: {}", quoted(&a.key), literal(&a.value)))
            .collect();
        return insertion(obj.span.start as usize + 1, inner.join(", "));
    };
    let colon = &text[last.key_span.end as usize..last.value.span.start as usize];
    let colon = if colon.trim() == ":" {
        colon.to_string()
    } else {
        ": ".into()
    };
    let sep = if members.len() >= 2 {
        let gap =
            &text[members[members.len() - 2].value.span.end as usize..last.key_span.start as usize];
        if gap.trim() == "," {
            gap.to_string()
        } else {
            ", ".to_string()
        }
    } else {
        let ws = &text[obj.span.start as usize + 1..last.key_span.start as usize];
        if ws.trim().is_empty() && ws.contains('\n') {
            format!(",{ws}")
        } else {
            ", ".to_string()
        }
    };
    let mut insert = String::new();
    for a in adds {
        insert.push_str(&sep);
        insert.push_str(&quoted(&a.key));
        insert.push_str(&colon);
        insert.push_str(&literal(&a.value));
    }
    insertion(last.value.span.end as usize, insert)
}

fn yaml_insert(
    text: &str,
    obj: &Node,
    adds: &[&KeyEdit],
    ptr: &str,
) -> Result<TextEdit, EditError> {
    let members = obj.members().unwrap_or_default();
    let flow = text[obj.span.start as usize..].starts_with('{');
    let Some(last) = members.last() else {
        if !flow {
            return Err(err(ptr, "an empty YAML mapping; edit it by hand"));
        }
        let inner: Vec<String> = adds
            .iter()
            .map(|a| format!("{}: {}", a.key, literal(&a.value)))
            .collect();
        return Ok(insertion(obj.span.start as usize + 1, inner.join(", ")));
    };
    if flow {
        let mut insert = String::new();
        for a in adds {
            insert.push_str(&format!(", {}: {}", a.key, literal(&a.value)));
        }
        return Ok(insertion(last.value.span.end as usize, insert));
    }
    let key_start = last.key_span.start as usize;
    let line_start = text[..key_start].rfind('\n').map_or(0, |i| i + 1);
    let prefix = &text[line_start..key_start];
    if !prefix.chars().all(|c| c == ' ' || c == '-') {
        return Err(err(
            ptr,
            "the mapping's last key does not start its line; edit it by hand",
        ));
    }
    let indent = " ".repeat(prefix.chars().count());
    let value_end = (last.value.span.end as usize).max(last.key_span.end as usize);
    let mut line_end = text[value_end..]
        .find('\n')
        .map_or(text.len(), |i| value_end + i);
    if line_end > value_end && text.as_bytes()[line_end - 1] == b'\r' {
        line_end -= 1;
    }
    let rest = text[value_end..line_end].trim();
    if !(rest.is_empty() || rest.starts_with('#')) {
        return Err(err(
            ptr,
            "unexpected text after the mapping's last value; edit it by hand",
        ));
    }
    let eol = if text[line_end..].starts_with("\r\n") {
        "\r\n"
    } else if text[line_end..].starts_with('\n') {
        "\n"
    } else {
        crate::text::line_ending(text)
    };
    let mut insert = String::new();
    for a in adds {
        insert.push_str(eol);
        insert.push_str(&indent);
        insert.push_str(&a.key);
        insert.push_str(": ");
        insert.push_str(&literal(&a.value));
    }
    Ok(insertion(line_end, insert))
}

/// Replaces the scalar (a string or a key) written at `span` with `value`, keeping its
/// quoting: JSON always quotes; YAML keeps plain, single or double quotes. `None` for a
/// multi-line YAML scalar.
pub fn replace_scalar(text: &str, format: Format, span: Span, value: &str) -> Option<TextEdit> {
    let old = text.get(span.range())?;
    let quoted = serde_json::to_string(value).ok()?;
    let insert = match format {
        Format::Json => quoted,
        Format::Yaml => {
            if old.contains('\n') || old.starts_with(['|', '>']) {
                return None;
            }
            if old.starts_with('\'') {
                format!("'{}'", value.replace('\'', "''"))
            } else if !old.starts_with('"') && yaml_plain_ok(value) {
                value.to_string()
            } else {
                quoted
            }
        }
    };
    Some(TextEdit { span, insert })
}

/// Whether `value` can be written as a plain YAML scalar and read back as the same string.
fn yaml_plain_ok(value: &str) -> bool {
    let first_ok = value.chars().next().is_some_and(|c| c.is_alphabetic());
    let chars_ok = value
        .chars()
        .all(|c| c.is_alphanumeric() || " -_.()/".contains(c));
    let reserved = matches!(
        value.to_ascii_lowercase().as_str(),
        "y" | "n" | "yes" | "no" | "true" | "false" | "on" | "off" | "null"
    );
    first_ok && chars_ok && !reserved && !value.ends_with(' ') && !value.contains(" #")
}

/// The edit that removes the member at `pointer` (its key, value and separator), leaving
/// its siblings as they were written, with the member's key. `None` where the layout is
/// unusual (a YAML member that does not start its line, a multi-line flow mapping
/// member…).
pub fn remove_member(text: &str, root: &Node, pointer: &str) -> Option<(String, TextEdit)> {
    let (parent_at, _) = pointer.rsplit_once('/')?;
    let parent = pointer::resolve(root, parent_at)?.node;
    let key_span = pointer::resolve(root, pointer)?.key_span?;
    let members = parent.members()?;
    let i = members.iter().position(|m| m.key_span == key_span)?;
    let flow = text[parent.span.start as usize..].starts_with('{');
    let span = if flow {
        let m = &members[i];
        if members.len() == 1 {
            Span::new(parent.span.start as usize + 1, parent.span.end as usize - 1)
        } else if let Some(next) = members.get(i + 1) {
            Span::new(m.key_span.start as usize, next.key_span.start as usize)
        } else {
            let prev = &members[i - 1];
            Span::new(prev.value.span.end as usize, m.value.span.end as usize)
        }
    } else {
        // A block mapping: the member's whole lines.
        let m = &members[i];
        let start = m.key_span.start as usize;
        let line_start = text[..start].rfind('\n').map_or(0, |p| p + 1);
        if !text[line_start..start].chars().all(|c| c == ' ') {
            return None;
        }
        let end = (m.value.span.end as usize).max(m.key_span.end as usize);
        let line_end = text[end..].find('\n').map_or(text.len(), |p| end + p + 1);
        Span::new(line_start, line_end)
    };
    Some((
        members[i].key.clone(),
        TextEdit {
            span,
            insert: String::new(),
        },
    ))
}

/// An edit that inserts `insert` at byte `at`.
fn insertion(at: usize, insert: String) -> TextEdit {
    TextEdit {
        span: Span::new(at, at),
        insert,
    }
}

/// Applies sorted, non-overlapping edits to a text.
pub fn apply<'e>(text: &str, edits: impl IntoIterator<Item = &'e TextEdit>) -> String {
    let edits: Vec<&TextEdit> = edits.into_iter().collect();
    let mut out =
        String::with_capacity(text.len() + edits.iter().map(|e| e.insert.len()).sum::<usize>());
    let mut pos = 0;
    for e in edits {
        out.push_str(&text[pos..e.span.start as usize]);
        out.push_str(&e.insert);
        pos = e.span.end as usize;
    }
    out.push_str(&text[pos..]);
    out
}

/// Parses an edited text the way connlint reads the file at `path`: as `format`, or
/// with the format detected as the lint detects it.
pub fn reparse(path: &Path, text: &str, format: Option<Format>) -> Document {
    let file = SourceFile::from_bytes(path.to_path_buf(), text.as_bytes().to_vec());
    match format {
        Some(Format::Json) => syntax::json::parse(&file),
        Some(Format::Yaml) => syntax::yaml::parse(&file),
        None => syntax::parse(&file),
    }
}

/// How sound a parsed text is: whether it has a tree, and how many syntax errors and
/// repeated keys it has, with the first message of each kind. An edit must not make a
/// text less sound.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Soundness {
    pub readable: bool,
    pub syntax: (usize, Option<String>),
    pub duplicates: (usize, Option<String>),
}

impl Soundness {
    pub fn of(doc: &Document) -> Soundness {
        let of = |kind: ProblemKind| {
            let mut list = doc.problems.iter().filter(|p| p.kind == kind);
            let first = list.next().map(|p: &SyntaxProblem| p.message.clone());
            (usize::from(first.is_some()) + list.count(), first)
        };
        Soundness {
            readable: doc.root.is_some(),
            syntax: of(ProblemKind::Syntax),
            duplicates: (doc.duplicate_keys, of(ProblemKind::DuplicateKey).1),
        }
    }

    /// What `after` has that `self` (the text before an edit) did not, as words for a
    /// message: "unreadable", "fail to parse (…)", "repeat a key (…)".
    pub fn worsened_by(&self, after: &Soundness) -> Option<String> {
        if self.readable && !after.readable {
            return Some("unreadable".into());
        }
        if after.syntax.0 > self.syntax.0 {
            return Some(format!(
                "fail to parse ({})",
                after.syntax.1.clone().unwrap_or_default()
            ));
        }
        if after.duplicates.0 > self.duplicates.0 {
            return Some(format!(
                "repeat a key ({})",
                after.duplicates.1.clone().unwrap_or_default()
            ));
        }
        None
    }
}

/// Checks that `new_text` parses, without syntax problems, to `old_root` with exactly
/// `edits` applied (added keys last in their objects).
pub fn verify(
    path: &Path,
    old_root: &Node,
    new_text: &str,
    format: Format,
    edits: &[KeyEdit],
) -> Result<(), EditError> {
    let doc = reparse(path, new_text, Some(format));
    if let (_, Some(message)) = Soundness::of(&doc).syntax {
        return Err(err(
            "",
            format!("the edited file would not parse: {message}"),
        ));
    }
    let Some(new_root) = doc.root else {
        return Err(err("", "the edited file would not parse"));
    };
    let mut expected = old_root.to_value();
    for e in edits {
        let target = expected
            .pointer_mut(&e.pointer)
            .and_then(serde_json::Value::as_object_mut)
            .ok_or_else(|| err(&e.pointer, "no such object"))?;
        target.insert(e.key.clone(), e.value.clone());
    }
    if new_root.to_value() != expected {
        return Err(err(
            "",
            "the edited file would not be the same document plus the new keys",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(text: &str, format: Format, edits: &[KeyEdit]) -> String {
        let path = std::path::Path::new(if format == Format::Json {
            "t.json"
        } else {
            "t.yaml"
        });
        let doc = reparse(path, text, Some(format));
        let root = doc.root.unwrap();
        let splices = plan(text, &root, format, edits).unwrap();
        let out = apply(text, &splices);
        verify(path, &root, &out, format, edits).unwrap();
        out
    }

    fn add(pointer: &str, key: &str, value: &str) -> KeyEdit {
        KeyEdit {
            pointer: pointer.into(),
            key: key.into(),
            value: value.into(),
            replace: false,
        }
    }

    #[test]
    fn json_multiline_keeps_indentation_and_crlf() {
        let text =
            "{\r\n  \"p\": {\r\n    \"name\": \"top\",\r\n    \"in\": \"query\"\r\n  }\r\n}\r\n";
        let out = edit(
            text,
            Format::Json,
            &[
                add("/p", "x-ms-summary", "Top"),
                add("/p", "description", "The \"top\"."),
            ],
        );
        assert_eq!(
            out,
            "{\r\n  \"p\": {\r\n    \"name\": \"top\",\r\n    \"in\": \"query\",\r\n    \"x-ms-summary\": \"Top\",\r\n    \"description\": \"The \\\"top\\\".\"\r\n  }\r\n}\r\n"
        );
    }

    #[test]
    fn json_inline_and_single_member_objects() {
        let out = edit(
            "{\"a\": [{ \"name\": \"x\", \"in\":\"path\" }]}",
            Format::Json,
            &[add("/a/0", "k", "v")],
        );
        assert_eq!(
            out,
            "{\"a\": [{ \"name\": \"x\", \"in\":\"path\", \"k\":\"v\" }]}"
        );
        let out = edit(
            "{\"a\": {\n\t\"name\": \"x\"\n}}",
            Format::Json,
            &[add("/a", "k", "v")],
        );
        assert_eq!(out, "{\"a\": {\n\t\"name\": \"x\",\n\t\"k\": \"v\"\n}}");
        let out = edit("{\"a\": {}}", Format::Json, &[add("/a", "k", "v")]);
        assert_eq!(out, "{\"a\": {\"k\": \"v\"}}");
    }

    #[test]
    fn json_replace_value() {
        let text = "{\"a\": {\"description\": \"x\", \"b\": 1}}";
        let e = KeyEdit {
            pointer: "/a".into(),
            key: "description".into(),
            value: "Better.".into(),
            replace: true,
        };
        let doc = reparse(Path::new("t.json"), text, Some(Format::Json));
        let splices = plan(text, doc.root.as_ref().unwrap(), Format::Json, &[e]).unwrap();
        assert_eq!(
            apply(text, &splices),
            "{\"a\": {\"description\": \"Better.\", \"b\": 1}}"
        );
    }

    #[test]
    fn yaml_block_and_flow() {
        let text = "paths:\n  /x:\n    get:\n      parameters:\n        - name: top # the size\n          in: query\n        - {name: q, in: query}\n";
        let out = edit(
            text,
            Format::Yaml,
            &[
                add("/paths/~1x/get/parameters/0", "x-ms-summary", "Top"),
                add("/paths/~1x/get/parameters/1", "x-ms-summary", "Q"),
            ],
        );
        assert_eq!(
            out,
            "paths:\n  /x:\n    get:\n      parameters:\n        - name: top # the size\n          in: query\n          x-ms-summary: \"Top\"\n        - {name: q, in: query, x-ms-summary: \"Q\"}\n"
        );
        let out = edit("- name: a\n", Format::Yaml, &[add("/0", "k", "v")]);
        assert_eq!(out, "- name: a\n  k: \"v\"\n");
    }

    #[test]
    fn refuses_duplicates() {
        let text = "{\"a\": {\"k\": 1}}";
        let doc = reparse(Path::new("t.json"), text, Some(Format::Json));
        assert!(plan(
            text,
            doc.root.as_ref().unwrap(),
            Format::Json,
            &[add("/a", "k", "v")]
        )
        .is_err());
    }
}
