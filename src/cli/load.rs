//! A connector read for `intro` and `tooltips`: its definition with its text and tree,
//! apiProperties.json and the statistics.

use connlint::discover::ConnectorFiles;
use connlint::model::{build_definition, Definition};
use connlint::source::SourceFile;
use connlint::stats::StatsReport;
use connlint::syntax::{self, Format, Node, ProblemKind};

use super::{Failure, Result, StatsInput};

/// A connector read for docgen.
pub struct Loaded {
    pub files: ConnectorFiles,
    pub source: SourceFile,
    pub root: Node,
    pub format: Format,
    /// The first syntax problem the parser recovered from, as `path:line:col: message`.
    pub recovered: Option<String>,
    pub definition: Definition,
    pub properties: Option<Node>,
    pub stats: Option<StatsReport>,
}

fn at(file: &SourceFile, offset: usize) -> String {
    let lc = file.line_col(offset);
    format!("{}:{}:{}", file.path.display(), lc.line, lc.column)
}

/// Reads a connector's definition, apiProperties.json and statistics.
pub fn load(c: &ConnectorFiles, stats: &StatsInput) -> Result<Loaded> {
    let Some(def_path) = &c.definition else {
        return Err(Failure(format!(
            "{}: no apiDefinition.swagger.json in this connector folder",
            c.dir.display()
        )));
    };
    let source = SourceFile::read_in_tree(def_path, &c.root).map_err(|e| {
        Failure(format!(
            "{}: cannot read: {e} ({})",
            def_path.display(),
            e.hint()
        ))
    })?;
    let doc = syntax::parse(&source);
    let first_syntax = doc.problems.iter().find(|p| p.kind == ProblemKind::Syntax);
    let Some(root) = doc.root else {
        return Err(Failure(match first_syntax {
            Some(p) => format!(
                "{}: {} ({})",
                at(&source, p.span.start as usize),
                p.message,
                p.help
            ),
            None => format!("{}: not a readable definition", def_path.display()),
        }));
    };
    let recovered =
        first_syntax.map(|p| format!("{}: {}", at(&source, p.span.start as usize), p.message));
    let definition = build_definition(&root);
    let properties =
        c.properties
            .as_ref()
            .and_then(|p| match SourceFile::read_in_tree(p, &c.root) {
                Ok(f) => {
                    let d = syntax::parse(&f);
                    if d.root.is_none() {
                        connlint::eprintln_inert!(
                            "connlint: {}: cannot be parsed; its policies are ignored",
                            p.display()
                        );
                    }
                    d.root
                }
                Err(e) => {
                    connlint::eprintln_inert!(
                        "connlint: {}: cannot read ({e}); its policies are ignored",
                        p.display()
                    );
                    None
                }
            });
    let stats = stats.read(&definition, properties.as_ref())?;
    if let Some(report) = &stats {
        super::warn_stats(report);
    }
    Ok(Loaded {
        files: c.clone(),
        source,
        root,
        format: doc.format,
        recovered,
        definition,
        properties,
        stats,
    })
}
