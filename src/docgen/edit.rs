//! Minimal textual edits to a JSON or YAML definition: add keys to an object after its
//! last member, in the style of its siblings (separator, indentation, line ending), or
//! replace one string value. Nothing else in the file changes, and [`verify`] re-parses
//! the result to prove it is the old document plus exactly the edits.

use crate::source::{Decoding, SourceFile};
use crate::syntax::{self, pointer, Format, Node, ProblemKind};

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

/// One splice: remove `remove` bytes at `at`, then insert `insert` there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Splice {
    pub at: usize,
    pub remove: usize,
    pub insert: String,
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

/// Plans the splices for `edits`. Added keys of one object keep the order given.
pub fn plan(
    text: &str,
    root: &Node,
    format: Format,
    edits: &[KeyEdit],
) -> Result<Vec<Splice>, EditError> {
    // (splice, depth of the object): where a nested block mapping ends on the same line as
    // its parent, the deeper object's keys must come first.
    let mut planned: Vec<(Splice, usize)> = Vec::new();
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
            Splice {
                at: span.start as usize,
                remove: span.len(),
                insert: literal(&e.value),
            },
            0,
        ));
    }
    planned.sort_by(|a, b| a.0.at.cmp(&b.0.at).then(b.1.cmp(&a.1)));
    let splices: Vec<Splice> = planned.into_iter().map(|(s, _)| s).collect();
    for pair in splices.windows(2) {
        if pair[0].at + pair[0].remove > pair[1].at {
            return Err(err("", "two edits overlap"));
        }
    }
    Ok(splices)
}

fn json_insert(text: &str, obj: &Node, adds: &[&KeyEdit]) -> Splice {
    let members = obj.members().unwrap_or_default();
    let Some(last) = members.last() else {
        let inner: Vec<String> = adds
            .iter()
            .map(|a| format!("{}: {}", quoted(&a.key), literal(&a.value)))
            .collect();
        return Splice {
            at: obj.span.start as usize + 1,
            remove: 0,
            insert: inner.join(", "),
        };
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
    Splice {
        at: last.value.span.end as usize,
        remove: 0,
        insert,
    }
}

fn yaml_insert(text: &str, obj: &Node, adds: &[&KeyEdit], ptr: &str) -> Result<Splice, EditError> {
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
        return Ok(Splice {
            at: obj.span.start as usize + 1,
            remove: 0,
            insert: inner.join(", "),
        });
    };
    if flow {
        let mut insert = String::new();
        for a in adds {
            insert.push_str(&format!(", {}: {}", a.key, literal(&a.value)));
        }
        return Ok(Splice {
            at: last.value.span.end as usize,
            remove: 0,
            insert,
        });
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
        super::markdown::line_ending(text)
    };
    let mut insert = String::new();
    for a in adds {
        insert.push_str(eol);
        insert.push_str(&indent);
        insert.push_str(&a.key);
        insert.push_str(": ");
        insert.push_str(&literal(&a.value));
    }
    Ok(Splice {
        at: line_end,
        remove: 0,
        insert,
    })
}

/// Applies splices (sorted, not overlapping) to a text.
pub fn apply(text: &str, splices: &[Splice]) -> String {
    let mut out =
        String::with_capacity(text.len() + splices.iter().map(|s| s.insert.len()).sum::<usize>());
    let mut pos = 0;
    for s in splices {
        out.push_str(&text[pos..s.at]);
        out.push_str(&s.insert);
        pos = s.at + s.remove;
    }
    out.push_str(&text[pos..]);
    out
}

/// Parses a text the way connlint reads a definition.
pub fn parse(path: &std::path::Path, text: &str, format: Format) -> syntax::Document {
    let file = SourceFile::from_text(path.to_path_buf(), text.to_string(), Decoding::Utf8);
    match format {
        Format::Json => syntax::json::parse(&file),
        Format::Yaml => syntax::yaml::parse(&file),
    }
}

/// Checks that `new_text` parses, without syntax problems, to `old_root` with exactly
/// `edits` applied (added keys last in their objects).
pub fn verify(
    path: &std::path::Path,
    old_root: &Node,
    new_text: &str,
    format: Format,
    edits: &[KeyEdit],
) -> Result<(), EditError> {
    let doc = parse(path, new_text, format);
    if let Some(p) = doc.problems.iter().find(|p| p.kind == ProblemKind::Syntax) {
        return Err(err(
            "",
            format!("the edited file would not parse: {}", p.message),
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
        let doc = parse(path, text, format);
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
        let doc = parse(std::path::Path::new("t.json"), text, Format::Json);
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
        let doc = parse(std::path::Path::new("t.json"), text, Format::Json);
        assert!(plan(
            text,
            doc.root.as_ref().unwrap(),
            Format::Json,
            &[add("/a", "k", "v")]
        )
        .is_err());
    }
}
