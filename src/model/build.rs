//! Builds a [`Definition`] from a positioned tree.

use super::*;
use crate::syntax::pointer::{self, join};
use crate::syntax::{Node, NodeKind};

/// Builds the model. Never fails: what cannot be understood becomes a [`ModelProblem`].
pub fn build_definition(root: &Node) -> Definition {
    let mut b = Builder {
        root,
        problems: Vec::new(),
    };
    let version = b.version();
    let info = root.get("info");
    let title = info.and_then(|i| i.get_str("title")).map(str::to_string);
    let status = info
        .and_then(|i| i.get("x-ms-api-annotation"))
        .and_then(|a| a.get_str("status"))
        .map(str::to_string);
    let (host, base_path) = match &version {
        Some(SpecVersion::OpenApi3(_)) => server_parts(root),
        _ => (
            root.get_str("host").map(str::to_string),
            root.get_str("basePath").map(str::to_string),
        ),
    };
    let operations = b.operations();
    let mut extensions = Vec::new();
    collect_extensions(root, &mut extensions);
    Definition {
        version: version.unwrap_or(SpecVersion::Swagger2),
        title,
        host,
        base_path,
        status,
        operations,
        extensions,
        problems: b.problems,
    }
}

fn server_parts(root: &Node) -> (Option<String>, Option<String>) {
    let url = root
        .get("servers")
        .and_then(Node::as_array)
        .and_then(|s| s.first())
        .and_then(|s| s.get_str("url"));
    let Some(url) = url else { return (None, None) };
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    match rest.find('/') {
        Some(i) if url.contains("://") => {
            (Some(rest[..i].to_string()), Some(rest[i..].to_string()))
        }
        _ if url.starts_with('/') => (None, Some(url.to_string())),
        _ => (Some(rest.to_string()), None),
    }
}

/// Every `x-ms-*` key in the tree with its pointer; pointer text is built only for them.
fn collect_extensions(root: &Node, out: &mut Vec<Extension>) {
    fn walk<'a>(
        node: &'a Node,
        path: &mut Vec<std::borrow::Cow<'a, str>>,
        out: &mut Vec<Extension>,
    ) {
        match &node.kind {
            NodeKind::Object(members) => {
                for m in members {
                    path.push(std::borrow::Cow::Borrowed(&m.key));
                    if m.key.starts_with("x-ms-") {
                        let mut p = String::new();
                        for t in path.iter() {
                            pointer::push_token(&mut p, t);
                        }
                        out.push(Extension {
                            name: m.key.clone(),
                            pointer: p,
                        });
                    }
                    walk(&m.value, path, out);
                    path.pop();
                }
            }
            NodeKind::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    path.push(std::borrow::Cow::Owned(i.to_string()));
                    walk(item, path, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    walk(root, &mut Vec::new(), out);
}

fn own_extensions(node: &Node, at: &str) -> Vec<Extension> {
    node.members()
        .unwrap_or_default()
        .iter()
        .filter(|m| m.key.starts_with("x-ms-"))
        .map(|m| Extension {
            name: m.key.clone(),
            pointer: join(at, &m.key),
        })
        .collect()
}

struct Builder<'a> {
    root: &'a Node,
    problems: Vec<ModelProblem>,
}

impl<'a> Builder<'a> {
    fn problem(&mut self, kind: ModelProblemKind, pointer: String, message: String, help: &str) {
        self.problems.push(ModelProblem {
            kind,
            pointer,
            message,
            help: help.to_string(),
        });
    }

    fn version(&mut self) -> Option<SpecVersion> {
        if let Some(v) = self.root.get("swagger") {
            if v.as_str() == Some("2.0") {
                return Some(SpecVersion::Swagger2);
            }
            let shown = v
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|| v.type_name().to_string());
            self.problem(
                ModelProblemKind::UnknownVersion,
                "/swagger".into(),
                format!("`swagger` is `{shown}`; connectors use Swagger \"2.0\""),
                "write \"swagger\": \"2.0\" (a string)",
            );
            return Some(SpecVersion::Swagger2);
        }
        if let Some(v) = self.root.get_str("openapi") {
            if v.starts_with('3') {
                return Some(SpecVersion::OpenApi3(v.to_string()));
            }
        }
        if self.root.is_object() {
            self.problem(
                ModelProblemKind::UnknownVersion,
                String::new(),
                "not a Swagger 2.0 or OpenAPI 3 document: it has no `swagger` or `openapi` key"
                    .into(),
                "a connector definition starts with \"swagger\": \"2.0\"",
            );
        } else {
            self.problem(
                ModelProblemKind::WrongType,
                String::new(),
                format!("the document is {}, not an object", self.root.type_name()),
                "a connector definition is a JSON object with `swagger`, `info` and `paths`",
            );
        }
        None
    }

    /// Follows local `$ref`s ([`super::refs::follow`]), recording why a chain stops
    /// before an object. Returns the node and its pointer.
    fn deref(&mut self, node: &'a Node, at: &str) -> Option<(&'a Node, String)> {
        use super::refs::Stop;
        let stopped = match super::refs::follow(self.root, node, at) {
            Ok(found) => return Some(found),
            Err(s) => s,
        };
        let (kind, message, help) = match &stopped.stop {
            Stop::NotString => (
                ModelProblemKind::WrongType,
                format!(
                    "`$ref` must be a string, found {}",
                    stopped.last.get("$ref").map_or("nothing", Node::type_name)
                ),
                "write the reference as \"#/definitions/Name\"",
            ),
            Stop::Remote(target) => (
                ModelProblemKind::BrokenReference,
                format!(
                    "`{target}` is a remote reference; connlint never fetches remote references"
                ),
                "connectors must be self-contained: copy the referenced object under #/definitions",
            ),
            Stop::Broken(target) => (
                ModelProblemKind::BrokenReference,
                format!("`{target}` points to nothing in this file"),
                "fix the name, or add the missing object where the reference points",
            ),
            Stop::Cycle => (
                ModelProblemKind::BrokenReference,
                "this `$ref` is part of a reference cycle".into(),
                "make the chain of references end at an object",
            ),
        };
        self.problem(kind, stopped.ref_at, message, help);
        None
    }

    fn operations(&mut self) -> Vec<Operation> {
        let mut ops = Vec::new();
        let Some(paths) = self.root.member("paths") else {
            return ops;
        };
        let Some(path_items) = paths.value.members() else {
            self.problem(
                ModelProblemKind::WrongType,
                "/paths".into(),
                format!(
                    "`paths` must be an object, found {}",
                    paths.value.type_name()
                ),
                "map each path to its operations: \"paths\": { \"/items\": { \"get\": { … } } }",
            );
            return ops;
        };
        for item in path_items {
            let item_at = join("/paths", &item.key);
            let Some(members) = item.value.members() else {
                continue;
            };
            let shared = item
                .value
                .get("parameters")
                .map(|p| self.parameters(p, &join(&item_at, "parameters")))
                .unwrap_or_default();
            for m in members {
                let Some(method) = METHODS.iter().find(|x| **x == m.key) else {
                    continue;
                };
                let at = join(&item_at, &m.key);
                if !m.value.is_object() {
                    self.problem(
                        ModelProblemKind::WrongType,
                        at,
                        format!("operation `{}` must be an object, found {}", m.key, m.value.type_name()),
                        "describe the operation as an object with operationId, summary, parameters and responses",
                    );
                    continue;
                }
                ops.push(self.operation(&m.value, at, method, &item.key, &shared));
            }
        }
        ops
    }

    fn operation(
        &mut self,
        node: &'a Node,
        at: String,
        method: &'static str,
        path: &str,
        shared: &[Parameter],
    ) -> Operation {
        let text = |k: &str| node.get_str(k).map(str::to_string);
        let mut parameters: Vec<Parameter> = node
            .get("parameters")
            .map(|p| self.parameters(p, &join(&at, "parameters")))
            .unwrap_or_default();
        for p in shared {
            if !parameters
                .iter()
                .any(|own| own.name == p.name && own.location == p.location)
            {
                parameters.push(p.clone());
            }
        }
        let responses = node.member("responses").map(|r| {
            let r_at = join(&at, "responses");
            self.responses(&r.value, r_at)
        });
        let annotation = node.get("x-ms-api-annotation").map(|a| {
            let a_at = join(&at, "x-ms-api-annotation");
            ApiAnnotation {
                family: a.get_str("family").map(str::to_string),
                revision: a.get("revision").and_then(|r| {
                    r.as_i64()
                        .or_else(|| r.as_str().and_then(|s| s.trim().parse().ok()))
                }),
                status: a.get_str("status").map(str::to_string),
                replacement: a.get("replacement").map(|r| Replacement {
                    api: r.get_str("api").map(str::to_string),
                    operation_id: r.get_str("operationId").map(str::to_string),
                }),
                pointer: a_at,
            }
        });
        Operation {
            method,
            path: path.to_string(),
            operation_id: text("operationId"),
            summary: text("summary"),
            description: text("description"),
            deprecated: node.get("deprecated").and_then(Node::as_bool) == Some(true),
            visibility: text("x-ms-visibility"),
            annotation,
            trigger: text("x-ms-trigger"),
            parameters,
            responses,
            extensions: own_extensions(node, &at),
            pointer: at,
        }
    }

    fn parameters(&mut self, list: &'a Node, at: &str) -> Vec<Parameter> {
        let Some(items) = list.as_array() else {
            self.problem(
                ModelProblemKind::WrongType,
                at.to_string(),
                format!("`parameters` must be an array, found {}", list.type_name()),
                "list parameters as an array of objects",
            );
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let usage = join(at, &i.to_string());
            let Some((node, pointer)) = self.deref(item, &usage) else {
                continue;
            };
            if !node.is_object() {
                continue;
            }
            let schema = node
                .get("schema")
                .and_then(|s| self.deref(s, &join(&pointer, "schema")))
                .map(|(s, _)| s);
            let from_schema = |k: &str| schema.and_then(|s| s.get_str(k)).map(str::to_string);
            let text = |k: &str| node.get_str(k).map(str::to_string);
            out.push(Parameter {
                name: text("name").unwrap_or_default(),
                location: text("in").unwrap_or_default(),
                required: node.get("required").and_then(Node::as_bool) == Some(true),
                type_name: text("type").or_else(|| from_schema("type")),
                format: text("format").or_else(|| from_schema("format")),
                description: text("description"),
                summary: text("x-ms-summary"),
                visibility: text("x-ms-visibility"),
                enum_values: node
                    .get("enum")
                    .or_else(|| schema.and_then(|s| s.get("enum")))
                    .and_then(Node::as_array)
                    .map(|a| a.iter().map(Node::to_value).collect())
                    .unwrap_or_default(),
                default: node
                    .get("default")
                    .or_else(|| schema.and_then(|s| s.get("default")))
                    .map(Node::to_value),
                pattern: text("pattern").or_else(|| from_schema("pattern")),
                extensions: own_extensions(node, &pointer),
                usage_pointer: usage,
                pointer,
            });
        }
        out
    }

    fn responses(&mut self, node: &'a Node, at: String) -> Responses {
        let mut entries = Vec::new();
        match node.members() {
            Some(members) => {
                for m in members {
                    if m.key.starts_with("x-") {
                        continue;
                    }
                    let usage = join(&at, &m.key);
                    let resolved = self.deref(&m.value, &usage);
                    let (description, has_schema) = match resolved {
                        Some((r, _)) => (
                            r.get_str("description").map(str::to_string),
                            r.get("schema").is_some() || r.get("content").is_some(),
                        ),
                        None => (None, false),
                    };
                    entries.push(Response {
                        code: ResponseCode::parse(&m.key),
                        pointer: usage,
                        description,
                        has_schema,
                    });
                }
            }
            None => self.problem(
                ModelProblemKind::WrongType,
                at.clone(),
                format!("`responses` must be an object, found {}", node.type_name()),
                "map status codes to responses: \"responses\": { \"200\": { \"description\": \"OK\" } }",
            ),
        }
        Responses {
            pointer: at,
            entries,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Decoding, SourceFile};

    fn model(text: &str) -> Definition {
        let f = SourceFile::from_text("t.json".into(), text.into(), Decoding::Utf8);
        let d = crate::syntax::json::parse(&f);
        build_definition(d.root.as_ref().unwrap())
    }

    #[test]
    fn builds_operations_with_refs_and_shared_parameters() {
        let d = model(
            r##"{"swagger": "2.0", "basePath": "/api",
            "parameters": {"Id": {"name": "id", "in": "path", "required": true, "type": "string", "x-ms-summary": "Id"}},
            "responses": {"Err": {"description": "Bad", "schema": {"type": "object"}}},
            "paths": {"/items/{id}": {
                "parameters": [{"$ref": "#/parameters/Id"}],
                "get": {"operationId": "GetItem", "summary": "Get item",
                        "x-ms-api-annotation": {"family": "GetItem", "revision": 2, "status": "Production"},
                        "responses": {"200": {"description": "OK"}, "404": {"$ref": "#/responses/Err"}, "default": {"description": "x"}}},
                "x-ms-notes": 1,
                "delete": {"deprecated": true, "parameters": [{"$ref": "#/parameters/Nope"}]}
            }}}"##,
        );
        assert_eq!(d.base_path.as_deref(), Some("/api"));
        assert_eq!(d.operations.len(), 2);
        let get = &d.operations[0];
        assert_eq!(get.pointer, "/paths/~1items~1{id}/get");
        assert_eq!(get.parameters.len(), 1);
        assert_eq!(get.parameters[0].pointer, "/parameters/Id");
        assert_eq!(
            get.parameters[0].usage_pointer,
            "/paths/~1items~1{id}/parameters/0"
        );
        assert_eq!(get.parameters[0].summary.as_deref(), Some("Id"));
        let r = get.responses.as_ref().unwrap();
        assert!(r.documents(404) && !r.documents(500) && r.has_default());
        assert!(r.entries[1].has_schema);
        assert_eq!(get.annotation.as_ref().unwrap().revision, Some(2));
        let del = &d.operations[1];
        assert!(del.deprecated && del.responses.is_none());
        assert_eq!(d.problems.len(), 1);
        assert_eq!(d.problems[0].kind, ModelProblemKind::BrokenReference);
        assert_eq!(
            d.problems[0].pointer,
            "/paths/~1items~1{id}/delete/parameters/0/$ref"
        );
        assert!(d.extensions.iter().any(|e| e.name == "x-ms-notes"));
    }

    #[test]
    fn reference_cycles_end() {
        let d = model(
            r##"{"swagger": "2.0", "parameters": {"A": {"$ref": "#/parameters/B"}, "B": {"$ref": "#/parameters/A"}},
            "paths": {"/x": {"get": {"parameters": [{"$ref": "#/parameters/A"}]}}}}"##,
        );
        assert_eq!(d.operations[0].parameters.len(), 0);
        assert!(d.problems[0].message.contains("cycle"));
    }

    #[test]
    fn openapi3_servers_and_ranges() {
        let d = model(
            r#"{"openapi": "3.0.1", "servers": [{"url": "https://api.example.com/v1"}],
            "paths": {"/x": {"get": {"parameters": [{"name": "q", "in": "query", "schema": {"type": "integer"}}],
            "responses": {"200": {"description": "ok"}, "4XX": {"description": "client"}}}}}}"#,
        );
        assert_eq!(d.version, SpecVersion::OpenApi3("3.0.1".into()));
        assert_eq!(d.host.as_deref(), Some("api.example.com"));
        assert_eq!(d.base_path.as_deref(), Some("/v1"));
        assert_eq!(
            d.operations[0].parameters[0].type_name.as_deref(),
            Some("integer")
        );
        assert!(d.operations[0].responses.as_ref().unwrap().documents(404));
    }

    #[test]
    fn not_a_definition() {
        let d = model(r#"{"name": "x"}"#);
        assert_eq!(d.problems[0].kind, ModelProblemKind::UnknownVersion);
    }
}
