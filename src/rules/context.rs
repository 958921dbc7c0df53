//! What rules see: the context of each kind of rule.

use super::support;
use crate::diagnostic::{Applicability, Fix};
use crate::model::{Definition, Operation};
use crate::syntax::{edit, Node};

use super::Profile;

/// A Markdown document of the connector (readme.md or intro.md).
pub struct ConnectorDoc<'a> {
    pub kind: crate::diagnostic::FileKind,
    pub text: &'a str,
}

/// What every connector rule sees: the files that could be read.
pub struct ConnectorContext<'a> {
    pub dir: &'a std::path::Path,
    pub profile: Profile,
    /// For a certification package (a `.zip`): the names at its root.
    pub package: Option<&'a [String]>,
    /// apiProperties.json, when present and readable.
    pub properties: Option<&'a Node>,
    /// The files of the connector folder with their sizes, listed once by the lint; with
    /// `--fix`, the sizes of the fixed texts. Rules never read the disk themselves.
    pub files: &'a [crate::fsutil::FolderFile],
    /// The definition as the lint read it (the fixed text with `--fix`), when readable.
    pub definition: Option<&'a crate::source::SourceFile>,
    pub docs: Vec<ConnectorDoc<'a>>,
}

/// What a definition rule sees.
pub struct DefinitionContext<'a> {
    pub root: &'a Node,
    pub definition: &'a Definition,
    pub connector: &'a ConnectorContext<'a>,
    /// The definition's text and format, for rules that offer a fix as a text edit.
    pub text: &'a str,
    pub format: crate::syntax::Format,
    /// Every object of the document, walked once for all the rules that need it.
    pub walk: std::cell::OnceCell<support::swagger::Walk<'a>>,
    /// Every `parameters` list, computed once for the rules that need it.
    pub parameters: std::cell::OnceCell<Vec<Vec<support::swagger::ParamEntry<'a>>>>,
    /// Every parameter object, computed once for the rules that need it.
    pub parameter_objects: std::cell::OnceCell<Vec<support::swagger::ParamObject<'a>>>,
}

impl DefinitionContext<'_> {
    /// A fix that adds `key: value` to the object at `pointer`, written in the style of
    /// its siblings (the same edit `connlint tooltips --write` makes).
    pub fn add_key_fix(
        &self,
        pointer: &str,
        key: &str,
        value: impl Into<serde_json::Value>,
        applicability: Applicability,
    ) -> Option<Fix> {
        let value = value.into();
        let description = format!(
            "add {}: {}",
            serde_json::to_string(key).ok()?,
            serde_json::to_string(&value).ok()?
        );
        let edit = edit::KeyEdit {
            pointer: pointer.to_string(),
            key: key.to_string(),
            value,
            replace: false,
        };
        let edits = edit::plan(self.text, self.root, self.format, &[edit]).ok()?;
        Some(Fix {
            description,
            applicability,
            edits,
        })
    }

    /// A fix that replaces the string at `pointer` with `value`, quoted the way the old
    /// one was. `None` when there is no string there or it is a multi-line YAML scalar.
    pub fn replace_string_fix(
        &self,
        pointer: &str,
        value: &str,
        applicability: Applicability,
    ) -> Option<Fix> {
        let node = crate::syntax::pointer::resolve(self.root, pointer)?.node;
        node.as_str()?;
        let edit = edit::replace_scalar(self.text, self.format, node.span, value)?;
        Some(Fix {
            description: format!("write {}", serde_json::to_string(value).ok()?),
            applicability,
            edits: vec![edit],
        })
    }

    /// A fix that renames the key of the member at `pointer` to `key`. `None` when the
    /// object already has that key.
    pub fn rename_key_fix(
        &self,
        pointer: &str,
        key: &str,
        applicability: Applicability,
    ) -> Option<Fix> {
        let (parent, _) = pointer.rsplit_once('/')?;
        let parent = crate::syntax::pointer::resolve(self.root, parent)?.node;
        if parent.member(key).is_some() {
            return None;
        }
        let key_span = crate::syntax::pointer::resolve(self.root, pointer)?.key_span?;
        let edit = edit::replace_scalar(self.text, self.format, key_span, key)?;
        Some(Fix {
            description: format!("rename the key to {}", serde_json::to_string(key).ok()?),
            applicability,
            edits: vec![edit],
        })
    }

    /// A fix that removes the member at `pointer` (its key, value and separator), leaving
    /// its siblings as they were written. `None` where the layout is unusual (see
    /// [`edit::remove_member`]).
    pub fn remove_member_fix(&self, pointer: &str, applicability: Applicability) -> Option<Fix> {
        let (key, edit) = edit::remove_member(self.text, self.root, pointer)?;
        Some(Fix {
            description: format!("remove {}", serde_json::to_string(&key).ok()?),
            applicability,
            edits: vec![edit],
        })
    }

    /// A fix for a text that must end with a letter, a digit or `)`: removing trailing
    /// white space is safe (nobody means it); removing punctuation (`Contoso Inc.`) may
    /// change what the text says, so that fix is unsafe.
    pub fn trailing_char_fix(&self, pointer: &str, text: &str) -> Option<Fix> {
        let ends_well = |t: &str| t.ends_with(|c: char| c.is_alphanumeric() || c == ')');
        let trimmed = text.trim_end();
        if ends_well(trimmed) {
            return self.replace_string_fix(pointer, trimmed, Applicability::Safe);
        }
        let bare = trimmed.trim_end_matches(|c: char| !c.is_alphanumeric() && c != ')');
        if bare.is_empty() {
            return None;
        }
        self.replace_string_fix(pointer, bare, Applicability::Unsafe)
    }
}

impl<'a> DefinitionContext<'a> {
    /// Every object of the document in file order (see [`support::swagger::objects`]), computed on
    /// first use and shared by the rules.
    pub fn objects(&self) -> &support::swagger::Walk<'a> {
        self.walk
            .get_or_init(|| support::swagger::objects(self.root))
    }

    /// The entries of every `parameters` list (see [`support::swagger::parameter_lists`]),
    /// computed on first use and shared by the rules.
    pub fn parameter_lists(&self) -> &[Vec<support::swagger::ParamEntry<'a>>] {
        self.parameters
            .get_or_init(|| support::swagger::parameter_lists(self.root))
    }

    /// Every parameter object (see [`support::swagger::parameter_objects`]), computed on first use
    /// and shared by the rules.
    pub fn parameter_objects(&self) -> &[support::swagger::ParamObject<'a>] {
        self.parameter_objects.get_or_init(|| {
            support::swagger::parameter_objects_in(self.root, self.parameter_lists())
        })
    }

    pub fn operations(&self) -> &[Operation] {
        &self.definition.operations
    }
}

/// What a breaking-change rule sees: the previous version and the current one.
pub struct ChangeContext<'c, 'a> {
    pub previous_root: &'c Node,
    pub previous: &'c Definition,
    /// The previous apiProperties.json, when it was given and readable.
    pub previous_properties: Option<&'c Node>,
    /// Where the previous version comes from, for messages.
    pub source: &'c str,
    pub current: &'c DefinitionContext<'a>,
}

impl<'c, 'a: 'c> ChangeContext<'c, 'a> {
    /// Each operation of the previous version with its counterpart in the current one:
    /// the same operationId, or for operations without one the same method and path.
    pub fn matched(&self) -> Vec<(&'c Operation, Option<&'c Operation>)> {
        let now = &self.current.definition.operations;
        self.previous
            .operations
            .iter()
            .map(|old| {
                let new = match &old.operation_id {
                    Some(id) => now.iter().find(|o| o.operation_id.as_ref() == Some(id)),
                    None => now.iter().find(|o| {
                        o.operation_id.is_none() && o.method == old.method && o.path == old.path
                    }),
                };
                (old, new)
            })
            .collect()
    }
}

/// What a statistics rule sees: the definition and the statistics joined to it
/// (`check --stats`).
pub struct StatisticsContext<'a> {
    pub definition: &'a Definition,
    pub report: &'a crate::stats::StatsReport,
    pub thresholds: &'a crate::stats::Thresholds,
    /// Each operation of the report with its operation in the definition, in the
    /// report's order.
    operations: Vec<(&'a Operation, &'a crate::stats::OperationStats)>,
}

impl<'a> StatisticsContext<'a> {
    pub fn new(
        definition: &'a Definition,
        report: &'a crate::stats::StatsReport,
        thresholds: &'a crate::stats::Thresholds,
    ) -> StatisticsContext<'a> {
        let by_pointer: std::collections::HashMap<&str, &Operation> = definition
            .operations
            .iter()
            .map(|o| (o.pointer.as_str(), o))
            .collect();
        let operations = report
            .operations
            .iter()
            .filter_map(|s| Some((*by_pointer.get(s.pointer.as_str())?, s)))
            .collect();
        StatisticsContext {
            definition,
            report,
            thresholds,
            operations,
        }
    }

    /// The operations the statistics counted, with their numbers.
    pub fn operations(
        &self,
    ) -> impl Iterator<Item = (&'a Operation, &'a crate::stats::OperationStats)> + '_ {
        self.operations.iter().copied()
    }
}
