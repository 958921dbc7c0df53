//! YAML definitions (placeholder until the positioned YAML reader lands).

use super::{Document, Format, ProblemKind, SyntaxProblem};
use crate::source::{SourceFile, Span};

pub fn parse(_file: &SourceFile) -> Document {
    Document {
        root: None,
        problems: vec![SyntaxProblem {
            kind: ProblemKind::Syntax,
            span: Span::at(0),
            message: "YAML definitions are not supported yet".into(),
            help: "convert the definition to JSON".into(),
            pointer: None,
            related: None,
        }],
        format: Format::Yaml,
    }
}
