//! Shared knowledge of the Swagger 2.0 grammar for the certification rules: a walk that
//! visits every object of the definition knowing what it is (an operation, a parameter,
//! a schema, …), reference resolution, and small accessors over the positioned tree.
//!
//! The walk never follows `$ref`s (each object is visited once, where it is written) and
//! never descends into `x-*` extension values, whose content is free-form.

use crate::model::{Operation, Parameter, SpecVersion, METHODS};
use crate::rules::DefinitionContext;
use crate::syntax::pointer::{self, join};
use crate::syntax::Node;

/// What an object of the definition is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Root,
    Info,
    Contact,
    License,
    Tag,
    ExternalDocs,
    PathItem,
    Operation,
    Parameter,
    /// `items` of a non-body parameter or header.
    Items,
    Response,
    Header,
    Schema,
    SecurityScheme,
    Xml,
}

impl Kind {
    /// How messages name the object.
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Root => "the document root",
            Kind::Info => "`info`",
            Kind::Contact => "`info.contact`",
            Kind::License => "`info.license`",
            Kind::Tag => "a tag",
            Kind::ExternalDocs => "`externalDocs`",
            Kind::PathItem => "a path item",
            Kind::Operation => "an operation",
            Kind::Parameter => "a parameter",
            Kind::Items => "parameter `items`",
            Kind::Response => "a response",
            Kind::Header => "a response header",
            Kind::Schema => "a schema",
            Kind::SecurityScheme => "a security definition",
            Kind::Xml => "`xml`",
        }
    }
}

/// Whether data described by a schema is sent (input) or received (output).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Input,
    Output,
    /// Under `#/definitions`: either, depending on who refers to it.
    Shared,
}

/// Where a schema sits relative to its parent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The `schema` of a body parameter.
    BodyRoot,
    /// The `schema` of a response.
    ResponseRoot,
    /// A top-level entry of `#/definitions`.
    Definition,
    Property,
    Items,
    AdditionalProperties,
    AllOf,
    /// Not a schema.
    None,
}

/// One object of the definition. Its JSON pointer is built on demand by
/// [`Walk::pointer`] (most objects never need one).
#[derive(Debug, Clone)]
pub struct Obj<'a> {
    pub node: &'a Node,
    pub kind: Kind,
    pub role: Role,
    pub place: Place,
    /// Schema nesting depth below the body/response/definition root (0 there).
    pub depth: usize,
    /// For parameters and their items: the `in` of the parameter.
    pub location: Option<&'a str>,
    /// Index of the object's last pointer token in [`Walk`]'s token arena.
    at: u32,
}

/// A pointer token: an object key or an array index.
#[derive(Debug, Clone, Copy)]
enum Tok<'a> {
    Key(&'a str),
    Index(usize),
}

/// Every object of a definition, with the token arena their pointers are built from.
#[derive(Debug, Default)]
pub struct Walk<'a> {
    objs: Vec<Obj<'a>>,
    /// (parent token index, token); index 0 is the root (no token).
    toks: Vec<(u32, Option<Tok<'a>>)>,
}

impl<'a> Walk<'a> {
    pub fn iter(&self) -> std::slice::Iter<'_, Obj<'a>> {
        self.objs.iter()
    }
    /// The objects that carry a JSON-schema `type`: schemas, parameters, `items` and
    /// headers, in file order.
    pub fn typed(&self) -> impl Iterator<Item = &Obj<'a>> + '_ {
        self.objs.iter().filter(|o| {
            matches!(
                o.kind,
                Kind::Schema | Kind::Parameter | Kind::Items | Kind::Header
            )
        })
    }
    /// The last token of an object's pointer when it is a key (a property's name).
    pub fn last_key(&self, obj: &Obj) -> Option<&'a str> {
        match self.toks[obj.at as usize].1 {
            Some(Tok::Key(k)) => Some(k),
            _ => None,
        }
    }
    /// The JSON pointer of an object.
    pub fn pointer(&self, obj: &Obj) -> String {
        self.pointer_at(obj.at)
    }
    fn pointer_at(&self, mut at: u32) -> String {
        let mut chain = Vec::new();
        while at != 0 {
            let (parent, tok) = self.toks[at as usize];
            if let Some(tok) = tok {
                chain.push(tok);
            }
            at = parent;
        }
        let mut p = String::new();
        for tok in chain.iter().rev() {
            match tok {
                Tok::Key(k) => pointer::push_token(&mut p, k),
                Tok::Index(i) => {
                    p.push('/');
                    p.push_str(&i.to_string());
                }
            }
        }
        p
    }
}

/// Whether the definition is Swagger 2.0 (the rules about the Swagger grammar skip
/// OpenAPI 3 documents, which Power Platform does not accept anyway).
pub fn is_swagger2(ctx: &DefinitionContext) -> bool {
    ctx.definition.version == SpecVersion::Swagger2 && ctx.root.get("openapi").is_none()
}

/// Every object of a Swagger 2.0 document, in file order.
pub fn objects(root: &Node) -> Walk<'_> {
    let mut w = Walker {
        walk: Walk {
            objs: Vec::new(),
            toks: vec![(0, None)],
        },
    };
    w.root(root);
    w.walk
}

struct Walker<'a> {
    walk: Walk<'a>,
}

fn entries(node: &Node) -> impl Iterator<Item = (&str, &Node)> {
    node.members()
        .unwrap_or_default()
        .iter()
        .filter(|m| !m.key.starts_with("x-"))
        .map(|m| (m.key.as_str(), &m.value))
}

impl<'a> Walker<'a> {
    /// The token index of `parent` + `/key`.
    fn key(&mut self, parent: u32, key: &'a str) -> u32 {
        self.walk.toks.push((parent, Some(Tok::Key(key))));
        (self.walk.toks.len() - 1) as u32
    }
    fn index(&mut self, parent: u32, i: usize) -> u32 {
        self.walk.toks.push((parent, Some(Tok::Index(i))));
        (self.walk.toks.len() - 1) as u32
    }

    fn push(&mut self, node: &'a Node, at: u32, kind: Kind) {
        self.push_full(node, at, kind, Role::Shared, Place::None, 0, None);
    }

    #[allow(clippy::too_many_arguments)]
    fn push_full(
        &mut self,
        node: &'a Node,
        at: u32,
        kind: Kind,
        role: Role,
        place: Place,
        depth: usize,
        location: Option<&'a str>,
    ) {
        if node.is_object() {
            self.walk.objs.push(Obj {
                node,
                kind,
                role,
                place,
                depth,
                location,
                at,
            });
        }
    }

    fn root(&mut self, root: &'a Node) {
        if !root.is_object() {
            return;
        }
        self.push(root, 0, Kind::Root);
        if let Some(info) = root.get("info") {
            let info_at = self.key(0, "info");
            self.push(info, info_at, Kind::Info);
            if let Some(c) = info.get("contact") {
                let at = self.key(info_at, "contact");
                self.push(c, at, Kind::Contact);
            }
            if let Some(l) = info.get("license") {
                let at = self.key(info_at, "license");
                self.push(l, at, Kind::License);
            }
        }
        if let Some(tags) = root.get("tags").and_then(Node::as_array) {
            let tags_at = self.key(0, "tags");
            for (i, t) in tags.iter().enumerate() {
                let at = self.index(tags_at, i);
                self.push(t, at, Kind::Tag);
                if let Some(d) = t.get("externalDocs") {
                    let d_at = self.key(at, "externalDocs");
                    self.push(d, d_at, Kind::ExternalDocs);
                }
            }
        }
        if let Some(d) = root.get("externalDocs") {
            let at = self.key(0, "externalDocs");
            self.push(d, at, Kind::ExternalDocs);
        }
        if let Some(paths) = root.get("paths") {
            let paths_at = self.key(0, "paths");
            for (path, item) in entries(paths) {
                let at = self.key(paths_at, path);
                self.path_item(item, at);
            }
        }
        if let Some(defs) = root.get("definitions") {
            let defs_at = self.key(0, "definitions");
            for (name, s) in entries(defs) {
                let at = self.key(defs_at, name);
                self.schema(s, at, Role::Shared, Place::Definition, 0);
            }
        }
        if let Some(params) = root.get("parameters") {
            let params_at = self.key(0, "parameters");
            for (name, p) in entries(params) {
                let at = self.key(params_at, name);
                self.parameter(p, at);
            }
        }
        if let Some(responses) = root.get("responses") {
            let responses_at = self.key(0, "responses");
            for (name, r) in entries(responses) {
                let at = self.key(responses_at, name);
                self.response(r, at);
            }
        }
        if let Some(defs) = root.get("securityDefinitions") {
            let defs_at = self.key(0, "securityDefinitions");
            for (name, s) in entries(defs) {
                let at = self.key(defs_at, name);
                self.push(s, at, Kind::SecurityScheme);
            }
        }
    }

    fn path_item(&mut self, item: &'a Node, at: u32) {
        if !item.is_object() {
            return;
        }
        self.push(item, at, Kind::PathItem);
        if let Some(list) = item.get("parameters").and_then(Node::as_array) {
            let list_at = self.key(at, "parameters");
            for (i, p) in list.iter().enumerate() {
                let p_at = self.index(list_at, i);
                self.parameter(p, p_at);
            }
        }
        for m in item.members().unwrap_or_default() {
            if !METHODS.contains(&m.key.as_str()) || m.key == "trace" {
                continue;
            }
            let op_at = self.key(at, &m.key);
            self.push(&m.value, op_at, Kind::Operation);
            if let Some(d) = m.value.get("externalDocs") {
                let d_at = self.key(op_at, "externalDocs");
                self.push(d, d_at, Kind::ExternalDocs);
            }
            if let Some(list) = m.value.get("parameters").and_then(Node::as_array) {
                let list_at = self.key(op_at, "parameters");
                for (i, p) in list.iter().enumerate() {
                    let p_at = self.index(list_at, i);
                    self.parameter(p, p_at);
                }
            }
            if let Some(responses) = m.value.get("responses") {
                let responses_at = self.key(op_at, "responses");
                for (code, r) in entries(responses) {
                    let r_at = self.key(responses_at, code);
                    self.response(r, r_at);
                }
            }
        }
    }

    fn parameter(&mut self, p: &'a Node, at: u32) {
        if !p.is_object() || p.get("$ref").is_some() {
            return;
        }
        let location = p.get_str("in");
        self.push_full(
            p,
            at,
            Kind::Parameter,
            Role::Input,
            Place::None,
            0,
            location,
        );
        if let Some(s) = p.get("schema") {
            let s_at = self.key(at, "schema");
            self.schema(s, s_at, Role::Input, Place::BodyRoot, 0);
        }
        if let Some(items) = p.get("items") {
            let i_at = self.key(at, "items");
            self.items(items, i_at, location);
        }
    }

    fn items(&mut self, items: &'a Node, at: u32, location: Option<&'a str>) {
        if !items.is_object() {
            return;
        }
        self.push_full(
            items,
            at,
            Kind::Items,
            Role::Input,
            Place::None,
            0,
            location,
        );
        if let Some(inner) = items.get("items") {
            let i_at = self.key(at, "items");
            self.items(inner, i_at, location);
        }
    }

    fn response(&mut self, r: &'a Node, at: u32) {
        if !r.is_object() || r.get("$ref").is_some() {
            return;
        }
        self.push(r, at, Kind::Response);
        if let Some(s) = r.get("schema") {
            let s_at = self.key(at, "schema");
            self.schema(s, s_at, Role::Output, Place::ResponseRoot, 0);
        }
        if let Some(headers) = r.get("headers") {
            let headers_at = self.key(at, "headers");
            for (name, h) in entries(headers) {
                let h_at = self.key(headers_at, name);
                self.push(h, h_at, Kind::Header);
                if let Some(items) = h.get("items") {
                    let i_at = self.key(h_at, "items");
                    self.items(items, i_at, None);
                }
            }
        }
    }

    fn schema(&mut self, s: &'a Node, at: u32, role: Role, place: Place, depth: usize) {
        if !s.is_object() || depth > 64 {
            return;
        }
        self.push_full(s, at, Kind::Schema, role, place, depth, None);
        // One pass over the members (file order), rather than a lookup per keyword.
        for m in s.members().unwrap_or_default() {
            let v = &m.value;
            match m.key.as_str() {
                "properties" => {
                    let props_at = self.key(at, "properties");
                    for p in v.members().unwrap_or_default() {
                        let p_at = self.key(props_at, &p.key);
                        self.schema(&p.value, p_at, role, Place::Property, depth + 1);
                    }
                }
                "items" if v.is_object() => {
                    let i_at = self.key(at, "items");
                    self.schema(v, i_at, role, Place::Items, depth + 1)
                }
                "items" => {
                    if let Some(list) = v.as_array() {
                        let i_at = self.key(at, "items");
                        for (i, it) in list.iter().enumerate() {
                            let it_at = self.index(i_at, i);
                            self.schema(it, it_at, role, Place::Items, depth + 1);
                        }
                    }
                }
                "allOf" => {
                    if let Some(all) = v.as_array() {
                        let all_at = self.key(at, "allOf");
                        for (i, it) in all.iter().enumerate() {
                            let it_at = self.index(all_at, i);
                            self.schema(it, it_at, role, Place::AllOf, depth);
                        }
                    }
                }
                "additionalProperties" if v.is_object() => {
                    let ap_at = self.key(at, "additionalProperties");
                    self.schema(v, ap_at, role, Place::AdditionalProperties, depth + 1);
                }
                "xml" => {
                    let x_at = self.key(at, "xml");
                    self.push(v, x_at, Kind::Xml);
                }
                "externalDocs" => {
                    let d_at = self.key(at, "externalDocs");
                    self.push(v, d_at, Kind::ExternalDocs);
                }
                _ => {}
            }
        }
    }
}

/// Whether the definition uses an extension anywhere (a cheap test before a walk).
pub fn uses_extension(ctx: &DefinitionContext, name: &str) -> bool {
    ctx.definition.extensions.iter().any(|e| e.name == name)
}

/// Every parameter object written in the definition (under `#/parameters` and inline in
/// path items and operations; not the `$ref`s), with its pointer and `in`.
pub fn parameter_objects(root: &Node) -> Vec<ParamObject<'_>> {
    parameter_objects_in(root, &parameter_lists(root))
}

/// A parameter object: where it is written, the object, and its `in`.
pub type ParamObject<'a> = (String, &'a Node, Option<&'a str>);

/// [`parameter_objects`] from lists already computed.
pub fn parameter_objects_in<'a>(
    root: &'a Node,
    lists: &[Vec<ParamEntry<'a>>],
) -> Vec<ParamObject<'a>> {
    let mut out = Vec::new();
    if let Some(params) = root.get("parameters") {
        for (name, p) in entries(params) {
            if p.is_object() && p.get("$ref").is_none() {
                out.push((join("/parameters", name), p, p.get_str("in")));
            }
        }
    }
    for list in lists {
        for e in list {
            if e.raw.is_object() && e.raw.get("$ref").is_none() {
                out.push((e.usage.clone(), e.raw, e.raw.get_str("in")));
            }
        }
    }
    out
}

/// Follows local `$ref`s from `node` (written at `at`) to the object they name. Returns
/// `None` for broken, remote or cyclic references (`invalid-reference` reports those).
pub fn deref<'a>(root: &'a Node, node: &'a Node, at: &str) -> Option<(&'a Node, String)> {
    crate::model::refs::resolve(root, node, at)
}

/// The schema of an operation's first success response that has one, resolved, with its
/// pointer. Takes the root, not a context, so that a previous version can be read too.
pub fn success_schema<'a>(root: &'a Node, op: &Operation) -> Option<(&'a Node, String)> {
    let r = op.responses.as_ref()?;
    let e = r
        .entries
        .iter()
        .find(|e| e.code.class() == Some(2) && e.has_schema)?;
    let node = pointer::resolve(root, &e.pointer)?.node;
    let (resp, at) = deref(root, node, &e.pointer)?;
    let schema = resp.get("schema")?;
    deref(root, schema, &join(&at, "schema"))
}

/// The node an operation of the model was built from.
pub fn op_node<'a>(ctx: &DefinitionContext<'a>, op: &Operation) -> Option<&'a Node> {
    pointer::resolve(ctx.root, &op.pointer).map(|t| t.node)
}

/// The node a parameter of the model was built from (after `$ref`).
pub fn param_node<'a>(ctx: &DefinitionContext<'a>, p: &Parameter) -> Option<&'a Node> {
    pointer::resolve(ctx.root, &p.pointer).map(|t| t.node)
}

/// The operations that are triggers (`x-ms-trigger`).
pub fn is_trigger(op: &Operation) -> bool {
    op.trigger.is_some()
}

/// A webhook trigger: a trigger that is not polled (not `GET`, no polling metadata).
pub fn is_webhook(ctx: &DefinitionContext, op: &Operation) -> bool {
    if op.trigger.is_none() || op.method == "get" {
        return false;
    }
    let polling = op_node(ctx, op)
        .and_then(|n| n.get("x-ms-trigger-metadata"))
        .and_then(|m| m.get_str("mode"))
        .is_some_and(|m| m.eq_ignore_ascii_case("polling"));
    !polling
}

/// The body parameter of an operation and its (resolved) schema with the schema's pointer.
pub fn body_schema<'a>(ctx: &DefinitionContext<'a>, op: &Operation) -> Option<(&'a Node, String)> {
    let p = op.parameters.iter().find(|p| p.location == "body")?;
    let node = param_node(ctx, p)?;
    let schema = node.get("schema")?;
    deref(ctx.root, schema, &join(&p.pointer, "schema"))
}

/// The resolved properties of a schema (own and from `allOf`), with their pointers.
pub fn properties<'a>(
    root: &'a Node,
    schema: &'a Node,
    at: &str,
) -> Vec<(&'a str, &'a Node, String)> {
    let mut out = Vec::new();
    collect_properties(root, schema, at, &mut out, 0);
    out
}

fn collect_properties<'a>(
    root: &'a Node,
    schema: &'a Node,
    at: &str,
    out: &mut Vec<(&'a str, &'a Node, String)>,
    depth: usize,
) {
    if depth > 8 {
        return;
    }
    let Some((schema, at)) = deref(root, schema, at) else {
        return;
    };
    if let Some(props) = schema.get("properties") {
        let props_at = join(&at, "properties");
        for m in props.members().unwrap_or_default() {
            out.push((m.key.as_str(), &m.value, join(&props_at, &m.key)));
        }
    }
    if let Some(all) = schema.get("allOf").and_then(Node::as_array) {
        for (i, s) in all.iter().enumerate() {
            collect_properties(root, s, &format!("{at}/allOf/{i}"), out, depth + 1);
        }
    }
}

/// The `type` of a schema or parameter, when it is a string.
pub fn type_of(node: &Node) -> Option<&str> {
    node.get_str("type")
}

/// A string-valued key, trimmed, when present.
pub fn text<'a>(node: &'a Node, key: &str) -> Option<&'a str> {
    node.get_str(key)
}

/// The value of a boolean-ish key (`true` or `"true"`).
pub fn truthy(node: &Node, key: &str) -> bool {
    match node.get(key) {
        Some(v) => {
            v.as_bool() == Some(true) || v.as_str().is_some_and(|s| s.eq_ignore_ascii_case("true"))
        }
        None => false,
    }
}

/// The visibility of a node (`x-ms-visibility`), lower-cased.
pub fn visibility(node: &Node) -> Option<String> {
    node.get_str("x-ms-visibility").map(str::to_ascii_lowercase)
}

/// Whether a node is `internal`.
pub fn is_internal(node: &Node) -> bool {
    crate::model::is_internal_visibility(node.get_str("x-ms-visibility"))
}

/// The template variables of a path, `{name}`, in order.
pub fn template_vars(path: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = path;
    while let Some(i) = rest.find('{') {
        let after = &rest[i + 1..];
        match after.find('}') {
            Some(j) => {
                out.push(&after[..j]);
                rest = &after[j + 1..];
            }
            None => break,
        }
    }
    out
}

/// The media types an operation consumes: its own `consumes`, else the document's.
pub fn consumes<'a>(ctx: &DefinitionContext<'a>, op: &Operation) -> Vec<&'a str> {
    let own = op_node(ctx, op).and_then(|n| n.get("consumes"));
    own.or_else(|| ctx.root.get("consumes"))
        .and_then(Node::as_array)
        .map(|a| a.iter().filter_map(Node::as_str).collect())
        .unwrap_or_default()
}

/// One entry of `x-ms-connector-metadata`.
pub struct MetadataEntry<'a> {
    pub pointer: String,
    pub name: Option<&'a str>,
    pub name_node: Option<&'a Node>,
    pub value: Option<&'a Node>,
}

/// The entries of `x-ms-connector-metadata`, when it is an array.
pub fn metadata_entries(root: &Node) -> Option<Vec<MetadataEntry<'_>>> {
    let items = root.get("x-ms-connector-metadata")?.as_array()?;
    Some(
        items
            .iter()
            .enumerate()
            .map(|(i, e)| MetadataEntry {
                pointer: format!("/x-ms-connector-metadata/{i}"),
                name: e.get_str("propertyName"),
                name_node: e.get("propertyName"),
                value: e.get("propertyValue"),
            })
            .collect(),
    )
}

/// Each parameter object of the definition once (parameters shared through `$ref` or a
/// path item appear in several operations), with the first operation that uses it.
pub fn unique_parameters<'a>(
    ctx: &'a DefinitionContext<'_>,
) -> Vec<(&'a Operation, &'a Parameter)> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for op in ctx.operations() {
        for p in &op.parameters {
            if seen.insert(p.pointer.as_str()) {
                out.push((op, p));
            }
        }
    }
    out
}

/// One entry of a `parameters` list, as written and resolved.
pub struct ParamEntry<'a> {
    /// Where the entry is written.
    pub usage: String,
    /// The entry as written (possibly a `$ref`).
    pub raw: &'a Node,
    /// The parameter object after `$ref`, with its pointer.
    pub resolved: Option<(&'a Node, String)>,
}

/// The entries of every `parameters` list (operations and path items), list by list.
pub fn parameter_lists(root: &Node) -> Vec<Vec<ParamEntry<'_>>> {
    let mut out = Vec::new();
    let Some(paths) = root.get("paths") else {
        return out;
    };
    for item in paths.members().unwrap_or_default() {
        if item.key.starts_with("x-") {
            continue;
        }
        let item_at = join("/paths", &item.key);
        let mut lists = vec![(join(&item_at, "parameters"), item.value.get("parameters"))];
        for m in item.value.members().unwrap_or_default() {
            if METHODS.contains(&m.key.as_str()) {
                let op_at = join(&item_at, &m.key);
                lists.push((join(&op_at, "parameters"), m.value.get("parameters")));
            }
        }
        for (at, list) in lists {
            let Some(items) = list.and_then(Node::as_array) else {
                continue;
            };
            let entries = items
                .iter()
                .enumerate()
                .map(|(i, raw)| {
                    let usage = format!("{at}/{i}");
                    let resolved = deref(root, raw, &usage);
                    ParamEntry {
                        usage,
                        raw,
                        resolved,
                    }
                })
                .collect();
            out.push(entries);
        }
    }
    out
}

/// A structural fingerprint of a value (keys, values and order; not positions), to find
/// identical copies without serialising them.
pub fn fingerprint(node: &Node) -> u64 {
    use std::hash::{Hash, Hasher};
    fn feed(node: &Node, h: &mut std::collections::hash_map::DefaultHasher) {
        use crate::syntax::NodeKind;
        match &node.kind {
            NodeKind::Null => 0u8.hash(h),
            NodeKind::Bool(b) => (1u8, b).hash(h),
            NodeKind::Number(n) => (2u8, n).hash(h),
            NodeKind::String(s) => (3u8, s).hash(h),
            NodeKind::Array(items) => {
                (4u8, items.len()).hash(h);
                for i in items {
                    feed(i, h);
                }
            }
            NodeKind::Object(members) => {
                (5u8, members.len()).hash(h);
                for m in members {
                    m.key.hash(h);
                    feed(&m.value, h);
                }
            }
        }
    }
    let mut h = std::collections::hash_map::DefaultHasher::new();
    feed(node, &mut h);
    h.finish()
}

/// A property of an input (or shared) object schema, with whether the object requires it.
pub struct InputProperty<'a> {
    pub name: &'a str,
    /// The property as written (possibly a `$ref`).
    pub node: &'a Node,
    /// The property after `$ref`.
    pub resolved: &'a Node,
    /// The pointer of the object schema that holds the property.
    parent: usize,
    pub required: bool,
}

impl InputProperty<'_> {
    /// `key` on the property as written or after its `$ref`.
    fn has(&self, key: &str) -> bool {
        self.node.get(key).is_some() || self.resolved.get(key).is_some()
    }
    /// The webhook callback URL, which the platform fills itself.
    pub fn is_notification_url(&self) -> bool {
        self.has("x-ms-notification-url")
    }
    pub fn is_internal(&self) -> bool {
        is_internal(self.node) || is_internal(self.resolved)
    }
    pub fn has_default(&self) -> bool {
        self.has("default")
    }
    /// The property's pointer.
    pub fn pointer(&self, walk: &Walk) -> String {
        join(
            &join(&walk.pointer(&walk.objs[self.parent]), "properties"),
            self.name,
        )
    }
}

/// Every property of object schemas that may be sent (bodies and shared definitions).
pub fn input_properties<'a>(root: &'a Node, walk: &Walk<'a>) -> Vec<InputProperty<'a>> {
    let mut out = Vec::new();
    for (index, obj) in walk.iter().enumerate() {
        if obj.kind != Kind::Schema || obj.role == Role::Output {
            continue;
        }
        let Some(props) = obj.node.get("properties") else {
            continue;
        };
        let required: Vec<&str> = obj
            .node
            .get("required")
            .and_then(Node::as_array)
            .map(|a| a.iter().filter_map(Node::as_str).collect())
            .unwrap_or_default();
        for m in props.members().unwrap_or_default() {
            let resolved = deref(root, &m.value, "")
                .map(|(n, _)| n)
                .unwrap_or(&m.value);
            out.push(InputProperty {
                name: &m.key,
                node: &m.value,
                resolved,
                parent: index,
                required: required.contains(&m.key.as_str()),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_variables() {
        assert_eq!(template_vars("/a/{x}/b/{y}"), vec!["x", "y"]);
        assert!(template_vars("/a").is_empty());
    }
}
