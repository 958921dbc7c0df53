//! The typed connector model, built once from the positioned tree.
//!
//! One model for Swagger 2.0 and OpenAPI 3.x: operations, parameters, responses and
//! every `x-ms-*` extension, each with the JSON pointer of where it is written. Rules read
//! this model; they never look at text.

mod build;
pub mod deprecation;
pub mod paths;
pub mod refs;

pub use build::build_definition;

use serde_json::Value;

/// Which specification the definition follows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpecVersion {
    Swagger2,
    OpenApi3(String),
}

/// HTTP methods an operation can have, in the order Swagger lists them.
pub const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// A connector definition (`apiDefinition.swagger.json`).
#[derive(Debug, Clone)]
pub struct Definition {
    pub version: SpecVersion,
    pub title: Option<String>,
    pub host: Option<String>,
    /// `basePath` (Swagger 2.0) or the path of the first server URL (OpenAPI 3).
    pub base_path: Option<String>,
    /// `info.x-ms-api-annotation.status`, the default status of operations.
    pub status: Option<String>,
    pub operations: Vec<Operation>,
    /// Every `x-ms-*` key in the document, in file order.
    pub extensions: Vec<Extension>,
    /// Problems met while building the model (broken `$ref`s, wrong types).
    pub problems: Vec<ModelProblem>,
}

/// One operation: a method on a path.
#[derive(Debug, Clone)]
pub struct Operation {
    /// Pointer to the operation object, e.g. `/paths/~1items/get`.
    pub pointer: String,
    pub method: &'static str,
    pub path: String,
    pub operation_id: Option<String>,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub deprecated: bool,
    pub visibility: Option<String>,
    pub annotation: Option<ApiAnnotation>,
    /// `x-ms-trigger` (`single` or `batch`) for triggers.
    pub trigger: Option<String>,
    /// Path-level parameters merged with the operation's own (the operation's win).
    pub parameters: Vec<Parameter>,
    /// `None` when the operation has no `responses` object.
    pub responses: Option<Responses>,
    /// `x-ms-*` keys on the operation object.
    pub extensions: Vec<Extension>,
}

/// Whether an `x-ms-visibility` value hides what it is on from makers. Compared without
/// regard to case, as Microsoft's validator and the designer do: `"Internal"` hides too.
pub fn is_internal_visibility(value: Option<&str>) -> bool {
    value.is_some_and(|v| v.trim().eq_ignore_ascii_case("internal"))
}

impl Operation {
    /// Whether makers never see the operation (`x-ms-visibility: internal`).
    pub fn is_internal(&self) -> bool {
        is_internal_visibility(self.visibility.as_deref())
    }
    /// `GET /items` style label.
    pub fn label(&self) -> String {
        format!("{} {}", self.method.to_ascii_uppercase(), self.path)
    }
    /// The name a maker sees: the summary, else the operationId, else method and path.
    pub fn display_name(&self) -> String {
        self.summary
            .clone()
            .or_else(|| self.operation_id.clone())
            .unwrap_or_else(|| self.label())
    }
    /// Pointer to `/…/summary`, or the operation when there is none.
    pub fn pointer_to(&self, key: &str) -> String {
        crate::syntax::pointer::join(&self.pointer, key)
    }
    /// The operationId when present, else `METHOD /path`, for messages.
    pub fn name(&self) -> String {
        self.operation_id
            .as_ref()
            .map(|id| format!("`{id}`"))
            .unwrap_or_else(|| format!("`{}`", self.label()))
    }
    /// Whether makers find the operation in the designer: neither `internal` nor
    /// `deprecated` (a deprecated action stays only in the flows that already use it).
    pub fn shown_to_makers(&self) -> bool {
        !self.is_internal() && !self.deprecated
    }
}

/// The name makers see for each operation. Where a deprecated operation shares its
/// summary with one that is not, the summary stays (it is what the maker's old flow
/// shows) and the text tells them apart by the deprecation; operations that share a summary
/// otherwise get their operationId added.
pub fn display_names(ops: &[Operation]) -> Vec<String> {
    let base: Vec<String> = ops.iter().map(Operation::display_name).collect();
    base.iter()
        .enumerate()
        .map(|(i, name)| {
            let shared: Vec<usize> = (0..ops.len())
                .filter(|&j| j != i && base[j].eq_ignore_ascii_case(name))
                .collect();
            let distinct_by_deprecation = !shared.is_empty()
                && shared
                    .iter()
                    .all(|&j| ops[j].deprecated != ops[i].deprecated)
                && (ops[i].deprecated || shared.iter().all(|&j| ops[j].deprecated));
            match (
                &ops[i].operation_id,
                shared.is_empty() || distinct_by_deprecation,
            ) {
                (Some(id), false) if id != name => format!("{name} ({id})"),
                _ => name.clone(),
            }
        })
        .collect()
}

/// `x-ms-api-annotation` on an operation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ApiAnnotation {
    pub pointer: String,
    pub family: Option<String>,
    pub revision: Option<i64>,
    pub status: Option<String>,
    pub replacement: Option<Replacement>,
}

/// `x-ms-api-annotation.replacement`: the operation that replaces a deprecated one.
#[derive(Debug, Clone, PartialEq)]
pub struct Replacement {
    pub api: Option<String>,
    pub operation_id: Option<String>,
}

/// A parameter as the operation sees it (references resolved).
#[derive(Debug, Clone)]
pub struct Parameter {
    /// Where the parameter object is written (the target of a `$ref`).
    pub pointer: String,
    /// Where the operation lists it (differs from `pointer` for `$ref` parameters).
    pub usage_pointer: String,
    pub name: String,
    /// `query`, `header`, `path`, `formData`, `body` or `cookie`.
    pub location: String,
    pub required: bool,
    /// `type`, or `schema.type` (OpenAPI 3 and body parameters).
    pub type_name: Option<String>,
    pub format: Option<String>,
    pub description: Option<String>,
    /// `x-ms-summary`: the label makers see.
    pub summary: Option<String>,
    pub visibility: Option<String>,
    pub enum_values: Vec<Value>,
    pub default: Option<Value>,
    pub pattern: Option<String>,
    pub extensions: Vec<Extension>,
}

impl Parameter {
    /// Whether makers never see the parameter (`x-ms-visibility: internal`).
    pub fn is_internal(&self) -> bool {
        is_internal_visibility(self.visibility.as_deref())
    }
}

/// The `responses` object of an operation.
#[derive(Debug, Clone)]
pub struct Responses {
    pub pointer: String,
    pub entries: Vec<Response>,
}

impl Responses {
    pub fn has_class(&self, class: u8) -> bool {
        self.entries.iter().any(|r| r.code.class() == Some(class))
    }
    pub fn has_default(&self) -> bool {
        self.entries.iter().any(|r| r.code == ResponseCode::Default)
    }
    /// Whether `status` is documented by an exact code or a range (`4XX`).
    pub fn documents(&self, status: u16) -> bool {
        self.entries.iter().any(|r| match r.code {
            ResponseCode::Status(s) => s == status,
            ResponseCode::Range(c) => u16::from(c) == status / 100,
            _ => false,
        })
    }
}

#[derive(Debug, Clone)]
pub struct Response {
    pub code: ResponseCode,
    pub pointer: String,
    pub description: Option<String>,
    pub has_schema: bool,
}

/// A key of a `responses` object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResponseCode {
    /// An exact status such as 404.
    Status(u16),
    /// An OpenAPI 3 range such as `4XX` (the class digit).
    Range(u8),
    Default,
    /// Anything else, kept as written.
    Invalid(String),
}

impl ResponseCode {
    pub fn parse(key: &str) -> ResponseCode {
        if key == "default" {
            return ResponseCode::Default;
        }
        let b = key.as_bytes();
        if b.len() == 3 && (b'1'..=b'5').contains(&b[0]) {
            if b[1..].iter().all(u8::is_ascii_digit) {
                if let Ok(s) = key.parse() {
                    return ResponseCode::Status(s);
                }
            }
            if b[1..].eq_ignore_ascii_case(b"xx") {
                return ResponseCode::Range(b[0] - b'0');
            }
        }
        ResponseCode::Invalid(key.to_string())
    }
    /// 1 to 5 for statuses and ranges.
    pub fn class(&self) -> Option<u8> {
        match self {
            ResponseCode::Status(s) => Some((s / 100) as u8),
            ResponseCode::Range(c) => Some(*c),
            _ => None,
        }
    }
}

/// An `x-ms-*` key and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Extension {
    pub name: String,
    pub pointer: String,
}

/// Something wrong with the document's structure, found while building the model.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelProblem {
    pub kind: ModelProblemKind,
    pub pointer: String,
    pub message: String,
    pub help: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModelProblemKind {
    /// No `swagger: "2.0"` or `openapi: 3.x` key.
    UnknownVersion,
    /// A local `$ref` that points nowhere, a remote one (never fetched), or a cycle.
    BrokenReference,
    /// A value of the wrong type where the model expects something specific.
    WrongType,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn response_codes() {
        assert_eq!(ResponseCode::parse("404"), ResponseCode::Status(404));
        assert_eq!(ResponseCode::parse("4XX"), ResponseCode::Range(4));
        assert_eq!(ResponseCode::parse("5xx"), ResponseCode::Range(5));
        assert_eq!(ResponseCode::parse("default"), ResponseCode::Default);
        assert_eq!(
            ResponseCode::parse("20"),
            ResponseCode::Invalid("20".into())
        );
        assert_eq!(
            ResponseCode::parse("600"),
            ResponseCode::Invalid("600".into())
        );
        assert_eq!(ResponseCode::Range(4).class(), Some(4));
    }

    #[test]
    fn shown_to_makers() {
        let op = |visibility: Option<&str>, deprecated: bool| Operation {
            pointer: String::new(),
            method: "get",
            path: "/x".into(),
            operation_id: None,
            summary: None,
            description: None,
            deprecated,
            visibility: visibility.map(str::to_string),
            annotation: None,
            trigger: None,
            parameters: Vec::new(),
            responses: None,
            extensions: Vec::new(),
        };
        assert!(op(None, false).shown_to_makers());
        assert!(op(Some("advanced"), false).shown_to_makers());
        assert!(!op(Some("Internal"), false).shown_to_makers());
        assert!(!op(None, true).shown_to_makers());
    }
}
