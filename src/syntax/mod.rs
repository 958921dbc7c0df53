//! The positioned document: a tree that keeps every key and value with its byte span,
//! in file order, duplicates included. JSON and YAML both parse into it.

pub mod edit;
pub mod json;
pub mod markdown;
pub mod pointer;
pub mod yaml;

use crate::source::{SourceFile, Span};

/// A value in a positioned document.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub span: Span,
    pub kind: NodeKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    Null,
    Bool(bool),
    /// A number, kept as written.
    Number(Box<str>),
    String(String),
    Array(Vec<Node>),
    Object(Object),
}

/// The members of an object, in file order, duplicates included. An object of more than
/// [`INDEXED_FROM`] members carries a hash index of its keys, so that looking up a key
/// (`#/definitions/Name`, `/paths/~1items`) does not scan every member: a 10 MB
/// definition's `$ref`s took 40 s that way.
#[derive(Debug, Clone, Default)]
pub struct Object {
    members: Vec<Member>,
    index: Option<Box<KeyIndex>>,
}

/// Objects with more members than this get a key index.
pub const INDEXED_FROM: usize = 16;

/// Open addressing over member positions; the slot of the last of duplicate keys wins.
#[derive(Debug, Clone)]
struct KeyIndex {
    /// Member position + 1; 0 is an empty slot.
    slots: Box<[u32]>,
}

/// Keyed per process (SipHash with random keys): a file cannot choose keys that collide.
fn key_hash(key: &str) -> usize {
    use std::hash::BuildHasher;
    static STATE: std::sync::OnceLock<std::collections::hash_map::RandomState> =
        std::sync::OnceLock::new();
    STATE
        .get_or_init(std::collections::hash_map::RandomState::new)
        .hash_one(key) as usize
}

impl KeyIndex {
    fn build(members: &[Member]) -> KeyIndex {
        let size = (members.len() * 2).next_power_of_two();
        let mut slots = vec![0u32; size].into_boxed_slice();
        let mask = size - 1;
        for (i, m) in members.iter().enumerate() {
            let mut at = key_hash(&m.key) & mask;
            loop {
                match slots[at] {
                    0 => break,
                    s if members[s as usize - 1].key == m.key => break,
                    _ => at = (at + 1) & mask,
                }
            }
            slots[at] = i as u32 + 1;
        }
        KeyIndex { slots }
    }

    fn find(&self, members: &[Member], key: &str) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let mut at = key_hash(key) & mask;
        loop {
            match self.slots[at] {
                0 => return None,
                s if members[s as usize - 1].key == key => return Some(s as usize - 1),
                _ => at = (at + 1) & mask,
            }
        }
    }
}

impl Object {
    pub fn new(members: Vec<Member>) -> Object {
        let index = (members.len() > INDEXED_FROM).then(|| Box::new(KeyIndex::build(&members)));
        Object { members, index }
    }

    pub fn as_slice(&self) -> &[Member] {
        &self.members
    }

    /// The member for `key`; the last of duplicate keys.
    pub fn member(&self, key: &str) -> Option<&Member> {
        match &self.index {
            Some(index) => index.find(&self.members, key).map(|i| &self.members[i]),
            None => self.members.iter().rev().find(|m| m.key == key),
        }
    }
}

impl From<Vec<Member>> for Object {
    fn from(members: Vec<Member>) -> Object {
        Object::new(members)
    }
}

impl PartialEq for Object {
    fn eq(&self, other: &Object) -> bool {
        self.members == other.members
    }
}

impl std::ops::Deref for Object {
    type Target = [Member];
    fn deref(&self) -> &[Member] {
        &self.members
    }
}

impl<'a> IntoIterator for &'a Object {
    type Item = &'a Member;
    type IntoIter = std::slice::Iter<'a, Member>;
    fn into_iter(self) -> Self::IntoIter {
        self.members.iter()
    }
}

/// One `key: value` pair of an object. Objects keep every member, duplicates included.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub key: String,
    pub key_span: Span,
    pub value: Node,
}

impl Node {
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::String(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_bool(&self) -> Option<bool> {
        match self.kind {
            NodeKind::Bool(b) => Some(b),
            _ => None,
        }
    }
    pub fn as_i64(&self) -> Option<i64> {
        match &self.kind {
            NodeKind::Number(n) => n.parse::<i64>().ok().or_else(|| {
                n.parse::<f64>()
                    .ok()
                    .filter(|f| f.fract() == 0.0)
                    .map(|f| f as i64)
            }),
            _ => None,
        }
    }
    pub fn as_array(&self) -> Option<&[Node]> {
        match &self.kind {
            NodeKind::Array(items) => Some(items),
            _ => None,
        }
    }
    pub fn members(&self) -> Option<&[Member]> {
        match &self.kind {
            NodeKind::Object(members) => Some(members.as_slice()),
            _ => None,
        }
    }
    pub fn is_object(&self) -> bool {
        matches!(self.kind, NodeKind::Object(_))
    }

    /// The member for `key`. Like every JSON consumer Microsoft's tooling uses, the last
    /// of duplicate keys wins.
    pub fn member(&self, key: &str) -> Option<&Member> {
        match &self.kind {
            NodeKind::Object(object) => object.member(key),
            _ => None,
        }
    }
    /// The value for `key` (last one wins).
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.member(key).map(|m| &m.value)
    }
    pub fn get_str(&self, key: &str) -> Option<&str> {
        self.get(key).and_then(Node::as_str)
    }

    /// A short name for the value's type, for messages.
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            NodeKind::Null => "null",
            NodeKind::Bool(_) => "a boolean",
            NodeKind::Number(_) => "a number",
            NodeKind::String(_) => "a string",
            NodeKind::Array(_) => "an array",
            NodeKind::Object(_) => "an object",
        }
    }

    /// Converts to a `serde_json::Value` (last duplicate wins), for payloads that rules
    /// inspect as plain data.
    pub fn to_value(&self) -> serde_json::Value {
        use serde_json::Value;
        match &self.kind {
            NodeKind::Null => Value::Null,
            NodeKind::Bool(b) => Value::Bool(*b),
            NodeKind::Number(n) => serde_json::from_str::<serde_json::Number>(n)
                .map(Value::Number)
                .unwrap_or_else(|_| Value::String(n.to_string())),
            NodeKind::String(s) => Value::String(s.clone()),
            NodeKind::Array(items) => Value::Array(items.iter().map(Node::to_value).collect()),
            NodeKind::Object(members) => {
                let mut map = serde_json::Map::new();
                for m in members {
                    map.insert(m.key.clone(), m.value.to_value());
                }
                Value::Object(map)
            }
        }
    }
}

/// The syntax-level problems a parser found.
#[derive(Debug, Clone, PartialEq, Eq, Copy)]
pub enum ProblemKind {
    /// Not valid JSON/YAML at this place.
    Syntax,
    /// The same key twice in one object.
    DuplicateKey,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxProblem {
    pub kind: ProblemKind,
    pub span: Span,
    pub message: String,
    pub help: String,
    /// For duplicate keys: the JSON pointer of the key.
    pub pointer: Option<String>,
    /// Where the earlier, overridden occurrence is (duplicate keys) or the opening
    /// bracket (unbalanced brackets).
    pub related: Option<(Span, String)>,
    /// The text that mends the problem by replacing `span`, where the parser knows it (a
    /// trailing comma removed, a missing one added), and whether that is safe.
    pub fix: Option<(String, crate::diagnostic::Applicability)>,
}

/// The result of parsing one file.
#[derive(Debug)]
pub struct Document {
    /// `None` when the file could not be read into a tree at all.
    pub root: Option<Node>,
    pub problems: Vec<SyntaxProblem>,
    pub format: Format,
    /// How many keys repeat an earlier key of their object: every one, although only the
    /// first [`MAX_DUPLICATE_KEY_PROBLEMS`] are in `problems`.
    pub duplicate_keys: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Yaml,
}

impl Document {
    /// True when the tree exists but syntax errors had to be recovered from.
    pub fn recovered(&self) -> bool {
        self.root.is_some() && self.problems.iter().any(|p| p.kind == ProblemKind::Syntax)
    }
}

/// Parses a file according to its extension or, failing that, its first byte.
pub fn parse(file: &SourceFile) -> Document {
    let ext = file
        .path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase());
    let looks_json = file.text[file.content_start()..]
        .trim_start()
        .starts_with(['{', '[']);
    match ext.as_deref() {
        Some("yaml" | "yml") if !looks_json => yaml::parse(file),
        Some("json") => json::parse(file),
        _ if looks_json => json::parse(file),
        _ => yaml::parse(file),
    }
}

/// How many duplicate keys of one file become problems. A generated file can repeat a key
/// a million times; one finding each took 1.2 GB and 400 MB of output, and said nothing
/// the first hundred do not.
pub const MAX_DUPLICATE_KEY_PROBLEMS: usize = 100;

/// Finds the members that repeat a key within their object, anywhere in the tree,
/// reporting each repetition with the pointer of the key, up to
/// [`MAX_DUPLICATE_KEY_PROBLEMS`] (the first one then says how many there are). Returns
/// how many there are. Pointers are built only for the duplicates reported.
pub fn duplicate_keys(root: &Node, problems: &mut Vec<SyntaxProblem>) -> usize {
    struct Found<'p> {
        problems: &'p mut Vec<SyntaxProblem>,
        first: usize,
        count: usize,
    }
    fn report(path: &[Token], m: &Member, first: Span, found: &mut Found) {
        found.count += 1;
        if found.count > MAX_DUPLICATE_KEY_PROBLEMS {
            return;
        }
        let mut pointer_text = String::new();
        for t in path {
            match t {
                Token::Key(k) => pointer::push_token(&mut pointer_text, k),
                Token::Index(i) => {
                    pointer_text.push('/');
                    pointer_text.push_str(&i.to_string());
                }
            }
        }
        pointer::push_token(&mut pointer_text, &m.key);
        found.problems.push(SyntaxProblem {
            kind: ProblemKind::DuplicateKey,
            span: m.key_span,
            message: format!(
                "duplicate key `{}`: JSON readers keep only the last one, so the earlier value is silently lost",
                m.key
            ),
            help: "remove one of the two, or merge them into one".into(),
            pointer: Some(pointer_text),
            related: Some((first, "first defined here".into())),
            fix: None,
        });
    }
    fn walk<'a>(node: &'a Node, path: &mut Vec<Token<'a>>, found: &mut Found) {
        match &node.kind {
            NodeKind::Object(members) => {
                if members.len() <= 16 {
                    for (i, m) in members.iter().enumerate() {
                        if let Some(first) = members[..i].iter().find(|o| o.key == m.key) {
                            report(path, m, first.key_span, found);
                        }
                    }
                } else {
                    let mut seen: std::collections::HashMap<&str, Span> =
                        std::collections::HashMap::with_capacity(members.len());
                    for m in members {
                        if let Some(first) = seen.insert(&m.key, m.key_span) {
                            report(path, m, first, found);
                            seen.insert(&m.key, first);
                        }
                    }
                }
                for m in members {
                    path.push(Token::Key(&m.key));
                    walk(&m.value, path, found);
                    path.pop();
                }
            }
            NodeKind::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    path.push(Token::Index(i));
                    walk(item, path, found);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    let mut found = Found {
        first: problems.len(),
        problems,
        count: 0,
    };
    walk(root, &mut Vec::new(), &mut found);
    let (first, count) = (found.first, found.count);
    if count > MAX_DUPLICATE_KEY_PROBLEMS {
        if let Some(p) = problems.get_mut(first) {
            p.message.push_str(&format!(
                " ({} duplicate keys in this file; the first {MAX_DUPLICATE_KEY_PROBLEMS} are reported)",
                crate::text::thousands(count as u64)
            ));
        }
    }
    count
}

/// A step of a path through the tree, turned into pointer text only when needed.
#[derive(Debug, Clone, Copy)]
enum Token<'a> {
    Key(&'a str),
    Index(usize),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(key: &str, value: i64) -> Member {
        Member {
            key: key.into(),
            key_span: Span::default(),
            value: Node {
                span: Span::default(),
                kind: NodeKind::Number(value.to_string().into()),
            },
        }
    }

    /// Small and indexed objects answer alike: the last of duplicate keys, or nothing.
    #[test]
    fn indexed_lookup_keeps_the_last_duplicate() {
        for n in [3usize, INDEXED_FROM + 1, 1000] {
            let mut members: Vec<Member> = (0..n).map(|i| member(&format!("k{i}"), 0)).collect();
            members.push(member("k1", 7));
            members.push(member("", 8));
            let object = Object::new(members);
            assert_eq!(object.index.is_some(), n > INDEXED_FROM);
            let node = Node {
                span: Span::default(),
                kind: NodeKind::Object(object),
            };
            assert_eq!(node.get("k1").and_then(Node::as_i64), Some(7), "{n}");
            assert_eq!(node.get("").and_then(Node::as_i64), Some(8), "{n}");
            assert_eq!(
                node.get(&format!("k{}", n - 1)).and_then(Node::as_i64),
                Some(0)
            );
            assert!(node.get("k").is_none() && node.get(&format!("k{n}")).is_none());
        }
    }
}
