//! Property test: random definitions, written with random indentation, key order, line
//! endings and inline or multi-line objects (JSON, and block YAML), survive the edit
//! `tooltips --write` makes: the result is the original text plus inserted text only,
//! it re-parses to the same document plus the new keys, and nothing is left to add.

use std::cell::Cell;
use std::path::Path;

use connlint::docgen::tooltips;
use connlint::model::build_definition;
use connlint::syntax::edit::{self, KeyEdit};
use connlint::syntax::Format;
use proptest::prelude::*;
use serde_json::{Map, Value};

#[derive(Debug, Clone)]
struct Style {
    yaml: bool,
    indent: String,
    crlf: bool,
    colon_space: bool,
    /// Bit i: whether the i-th JSON object is written on one line.
    inline_bits: u64,
}

struct Writer<'a> {
    style: &'a Style,
    objects: Cell<u32>,
    out: String,
}

impl Writer<'_> {
    fn eol(&self) -> &'static str {
        if self.style.crlf {
            "\r\n"
        } else {
            "\n"
        }
    }

    fn json(&mut self, v: &Value, depth: usize) {
        match v {
            Value::Object(m) if !m.is_empty() => {
                let n = self.objects.get();
                self.objects.set(n + 1);
                let inline = depth > 0 && self.style.inline_bits >> (n % 64) & 1 == 1;
                let colon = if self.style.colon_space { ": " } else { ":" };
                self.out.push('{');
                for (i, (k, val)) in m.iter().enumerate() {
                    if i > 0 {
                        self.out.push(',');
                    }
                    if inline {
                        self.out.push(' ');
                    } else {
                        self.out.push_str(self.eol());
                        self.out.push_str(&self.style.indent.repeat(depth + 1));
                    }
                    self.out.push_str(&serde_json::to_string(k).unwrap());
                    self.out.push_str(colon);
                    self.json(val, if inline { depth } else { depth + 1 });
                }
                if inline {
                    self.out.push_str(" }");
                } else {
                    self.out.push_str(self.eol());
                    self.out.push_str(&self.style.indent.repeat(depth));
                    self.out.push('}');
                }
            }
            Value::Array(items) if !items.is_empty() => {
                self.out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.out.push(',');
                    }
                    self.out.push_str(self.eol());
                    self.out.push_str(&self.style.indent.repeat(depth + 1));
                    self.json(item, depth + 1);
                }
                self.out.push_str(self.eol());
                self.out.push_str(&self.style.indent.repeat(depth));
                self.out.push(']');
            }
            other => self.out.push_str(&serde_json::to_string(other).unwrap()),
        }
    }

    /// Block YAML; scalars as JSON (valid YAML flow scalars).
    fn yaml_map(&mut self, m: &Map<String, Value>, depth: usize) {
        let pad = self.style.indent.replace('\t', "  ");
        let pad = if pad.is_empty() {
            "  ".to_string()
        } else {
            pad
        };
        for (k, v) in m {
            self.out.push_str(&pad.repeat(depth));
            self.out.push_str(&serde_json::to_string(k).unwrap());
            self.out.push(':');
            match v {
                Value::Object(inner) if !inner.is_empty() => {
                    self.out.push_str(self.eol());
                    self.yaml_map(inner, depth + 1);
                }
                Value::Array(items) if !items.is_empty() => {
                    self.out.push_str(self.eol());
                    for item in items {
                        match item {
                            Value::Object(inner) if !inner.is_empty() => {
                                let prefix = format!("{}- ", pad.repeat(depth + 1));
                                self.yaml_item(inner, &prefix, &pad);
                            }
                            other => {
                                self.out.push_str(&pad.repeat(depth + 1));
                                self.out.push_str("- ");
                                self.out.push_str(&serde_json::to_string(other).unwrap());
                                self.out.push_str(self.eol());
                            }
                        }
                    }
                }
                other => {
                    self.out.push(' ');
                    self.out.push_str(&serde_json::to_string(other).unwrap());
                    self.out.push_str(self.eol());
                }
            }
        }
    }

    fn yaml_item(&mut self, m: &Map<String, Value>, prefix: &str, pad: &str) {
        // The keys of a sequence item line up after "- ".
        let inner_indent = " ".repeat(prefix.len());
        for (i, (k, v)) in m.iter().enumerate() {
            if i == 0 {
                self.out.push_str(prefix);
            } else {
                self.out.push_str(&inner_indent);
            }
            self.out.push_str(&serde_json::to_string(k).unwrap());
            self.out.push(':');
            match v {
                Value::Object(inner) if !inner.is_empty() => {
                    self.out.push_str(self.eol());
                    let deeper = format!("{inner_indent}{pad}");
                    self.yaml_nested(inner, &deeper, pad);
                }
                other => {
                    self.out.push(' ');
                    self.out.push_str(&serde_json::to_string(other).unwrap());
                    self.out.push_str(self.eol());
                }
            }
        }
    }

    fn yaml_nested(&mut self, m: &Map<String, Value>, indent: &str, pad: &str) {
        for (k, v) in m {
            self.out.push_str(indent);
            self.out.push_str(&serde_json::to_string(k).unwrap());
            self.out.push(':');
            match v {
                Value::Object(inner) if !inner.is_empty() => {
                    self.out.push_str(self.eol());
                    self.yaml_nested(inner, &format!("{indent}{pad}"), pad);
                }
                other => {
                    self.out.push(' ');
                    self.out.push_str(&serde_json::to_string(other).unwrap());
                    self.out.push_str(self.eol());
                }
            }
        }
    }
}

fn render(v: &Value, style: &Style) -> String {
    let mut w = Writer {
        style,
        objects: Cell::new(0),
        out: String::new(),
    };
    if style.yaml {
        w.yaml_map(v.as_object().unwrap(), 0);
    } else {
        w.json(v, 0);
        w.out.push_str(w.eol());
    }
    w.out
}

fn name() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "top",
        "invoiceId",
        "customer_name",
        "$filter",
        "asOf",
        "status",
        "q",
        "api-version",
        "dueDate",
        "includeArchived",
        "amount",
        "note",
        "Ünïcode",
        "quote\"d",
        "x",
    ])
    .prop_map(str::to_string)
}

/// A parameter object: some of its keys, in a random order.
fn parameter(location: &'static str) -> impl Strategy<Value = Vec<(String, Value)>> {
    (
        name(),
        prop::option::of(prop::sample::select(vec![
            "string", "integer", "boolean", "number",
        ])),
        prop::option::of(prop::sample::select(vec![
            "date",
            "date-time",
            "email",
            "int32",
        ])),
        prop::option::of(prop::sample::select(vec!["Label", "top", ""])),
        prop::option::of(prop::sample::select(vec![
            "A good description of it.",
            "x",
            "",
        ])),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            move |(name, ty, format, summary, description, required, with_enum)| {
                let mut keys: Vec<(String, Value)> =
                    vec![("name".into(), name.into()), ("in".into(), location.into())];
                if location == "path" || required {
                    keys.push(("required".into(), true.into()));
                }
                if let Some(t) = ty {
                    keys.push(("type".into(), t.into()));
                }
                if let Some(f) = format {
                    keys.push(("format".into(), f.into()));
                }
                if let Some(s) = summary {
                    keys.push(("x-ms-summary".into(), s.into()));
                }
                if let Some(d) = description {
                    keys.push(("description".into(), d.into()));
                }
                if with_enum {
                    keys.push(("enum".into(), serde_json::json!(["a", "b"])));
                }
                keys
            },
        )
        .prop_shuffle()
}

fn body() -> impl Strategy<Value = Vec<(String, Value)>> {
    (
        prop::collection::vec((name(), any::<bool>()), 0..4),
        any::<bool>(),
    )
        .prop_map(|(props, described)| {
            let mut properties = Map::new();
            for (n, with_summary) in props {
                let mut p = Map::new();
                p.insert("type".into(), "string".into());
                if with_summary {
                    p.insert("x-ms-summary".into(), "Label".into());
                }
                properties.insert(n, Value::Object(p));
            }
            let mut keys: Vec<(String, Value)> = vec![
                ("name".into(), "body".into()),
                ("in".into(), "body".into()),
                (
                    "schema".into(),
                    serde_json::json!({"type": "object", "properties": properties}),
                ),
            ];
            if described {
                keys.push(("description".into(), "The thing to send.".into()));
            }
            keys
        })
        .prop_shuffle()
}

fn operation() -> impl Strategy<Value = Value> {
    (
        prop::collection::vec(
            prop_oneof![
                parameter("query"),
                parameter("header"),
                parameter("path"),
                body()
            ],
            0..4,
        ),
        prop::sample::select(vec!["List items", "Get an item", "Create an item"]),
        any::<bool>(),
    )
        .prop_map(|(params, summary, summary_first)| {
            let mut op = Map::new();
            let params: Vec<Value> = params
                .into_iter()
                .map(|keys| Value::Object(keys.into_iter().collect()))
                .collect();
            if summary_first {
                op.insert("summary".into(), summary.into());
            }
            op.insert("parameters".into(), Value::Array(params));
            op.insert(
                "responses".into(),
                serde_json::json!({"200": {"description": "OK"}}),
            );
            if !summary_first {
                op.insert("summary".into(), summary.into());
            }
            Value::Object(op)
        })
}

fn document() -> impl Strategy<Value = Value> {
    prop::collection::vec(operation(), 1..4).prop_map(|ops| {
        let mut paths = Map::new();
        for (i, op) in ops.into_iter().enumerate() {
            let mut item = Map::new();
            item.insert("get".into(), op);
            paths.insert(format!("/p{i}"), Value::Object(item));
        }
        serde_json::json!({"swagger": "2.0", "info": {"title": "T", "version": "1"}, "paths": paths})
    })
}

fn style() -> impl Strategy<Value = Style> {
    (
        any::<bool>(),
        prop::sample::select(vec!["", " ", "  ", "    ", "\t"]),
        any::<bool>(),
        any::<bool>(),
        any::<u64>(),
    )
        .prop_map(|(yaml, indent, crlf, colon_space, inline_bits)| Style {
            yaml,
            indent: indent.to_string(),
            crlf,
            colon_space,
            inline_bits,
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn tooltips_write_changes_only_inserted_keys(doc in document(), style in style()) {
        let text = render(&doc, &style);
        let (path, format) = if style.yaml {
            (Path::new("apiDefinition.swagger.yaml"), Format::Yaml)
        } else {
            (Path::new("apiDefinition.swagger.json"), Format::Json)
        };
        let parsed = edit::reparse(path, &text, Some(format));
        prop_assert!(parsed.problems.is_empty(), "generated text does not parse: {:?}\n{}", parsed.problems, text);
        let root = parsed.root.unwrap();
        prop_assert_eq!(root.to_value(), doc.clone());
        let def = build_definition(&root);
        // As `tooltips --write` does: questions for the publisher are never written.
        let edits: Vec<KeyEdit> = tooltips::suggest(&root, &def, &tooltips::Evidence::new())
            .into_iter()
            .filter(|s| s.is_missing() && !s.todo)
            .map(|s| KeyEdit { pointer: s.pointer, key: s.key.to_string(), value: s.value.into(), replace: false })
            .collect();
        let splices = edit::plan(&text, &root, format, &edits).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert!(splices.iter().all(|s| s.span.is_empty()));
        let new_text = edit::apply(&text, &splices);
        // Byte-exact outside the inserted text: cutting the inserted pieces out of the
        // new text gives the old text back.
        let mut removed = String::new();
        let (mut old_pos, mut new_pos) = (0, 0);
        for s in &splices {
            let at = s.span.start as usize;
            let len = at - old_pos;
            removed.push_str(&new_text[new_pos..new_pos + len]);
            new_pos += len;
            old_pos = at;
            prop_assert_eq!(&new_text[new_pos..new_pos + s.insert.len()], s.insert.as_str());
            new_pos += s.insert.len();
        }
        removed.push_str(&new_text[new_pos..]);
        prop_assert_eq!(&removed, &text);
        // Inserted text uses the file's line endings.
        for s in &splices {
            let bare_lf = s.insert.matches('\n').count() - s.insert.matches("\r\n").count();
            if style.crlf {
                prop_assert_eq!(bare_lf, 0, "LF in a CRLF file: {:?}", s.insert);
            } else {
                prop_assert!(!s.insert.contains('\r'));
            }
        }
        // Same document plus the new keys; nothing left to add.
        edit::verify(path, &root, &new_text, format, &edits).map_err(|e| TestCaseError::fail(format!("{e}\n{text}\n---\n{new_text}")))?;
        let again = edit::reparse(path, &new_text, Some(format)).root.unwrap();
        let def2 = build_definition(&again);
        let left: Vec<_> = tooltips::suggest(&again, &def2, &tooltips::Evidence::new()).into_iter().filter(|s| s.is_missing() && !s.todo).collect();
        prop_assert!(left.is_empty(), "still missing: {:?}", left);
    }
}

/// The text events of a Markdown document, and whether it is exactly one list item
/// holding one paragraph (no HTML, no other block).
fn inline_text(md: &str) -> (String, bool) {
    use pulldown_cmark::{Event, Parser, Tag};
    let mut text = String::new();
    let mut blocks = Vec::new();
    let mut html = false;
    for event in Parser::new(md) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::Html(_) | Event::InlineHtml(_) => html = true,
            Event::Start(tag) if !matches!(tag, Tag::Emphasis | Tag::Strong | Tag::Link { .. }) => {
                blocks.push(
                    format!("{tag:?}")
                        .split([' ', '(', '{'])
                        .next()
                        .unwrap_or_default()
                        .to_string(),
                );
            }
            _ => {}
        }
    }
    let one_item = blocks == ["List", "Item"] || blocks == ["List", "Item", "Paragraph"];
    (text, one_item && !html)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    /// Escaped text placed in a list item and wrapped stays one list item of plain text,
    /// whatever Markdown or HTML it contains.
    #[test]
    fn escaped_text_cannot_inject_markup(
        raw in "(https://x\\.example/[a-z_]{0,5} )?[a-zA-Z0-9<>*_`#\\\\\\[\\]()!&|~{}@.:/ =+'\"\n\t-]{0,80}",
        width in 20usize..80,
    ) {
        let escaped = connlint::docgen::markdown::escape_inline(&raw);
        let md = format!("- {escaped}\n");
        let wrapped = connlint::docgen::markdown::wrap(&md, width);
        let expected = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        for doc in [&md, &wrapped] {
            let (text, one_item) = inline_text(doc);
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if expected.is_empty() {
                continue;
            }
            prop_assert!(one_item, "structure changed:\n{}", doc);
            prop_assert_eq!(&text, &expected, "text changed:\n{}", doc);
        }
    }
}
