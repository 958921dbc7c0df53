//! The files of a connector folder, for the package rules.

use crate::diagnostic::FileKind;
use crate::rules::ConnectorContext;

/// The names of the files in the connector folder (as the lint listed them), sorted.
pub fn file_names(ctx: &ConnectorContext) -> Vec<String> {
    ctx.files.iter().map(|f| f.name.clone()).collect()
}

/// Whether the folder is a connector folder (it holds `apiProperties.json` or
/// `apiDefinition.swagger.json`, in any case). Package rules stay quiet for a lone
/// definition file linted on its own.
pub fn is_connector_folder(names: &[String]) -> bool {
    names.iter().any(|n| {
        matches!(
            crate::discover::kind_of(n),
            Some(FileKind::Properties | FileKind::Definition)
        )
    })
}

/// Where a finding about the whole folder points: the definition when it exists, else
/// apiProperties.json (discovery guarantees one of them).
pub fn anchor_file(ctx: &ConnectorContext, names: &[String]) -> FileKind {
    let has_definition = names
        .iter()
        .any(|n| crate::discover::kind_of(n) == Some(FileKind::Definition));
    if has_definition || ctx.properties.is_none() {
        FileKind::Definition
    } else {
        FileKind::Properties
    }
}
