//! The lint driver: reads each connector's files once, builds the model, runs the rules,
//! and resolves every diagnostic to a file position.

use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostic::FileKind;
use crate::diagnostic::{Applicability, Diagnostic, Fix, TextEdit};
use crate::discover::ConnectorFiles;
use crate::model::build_definition;
use crate::results::{
    highlight, resolve, CheckedConnector, CheckedFile, FileStatus, Finding, Location,
    PlacedDirective,
};
use crate::rules::{self, DefinitionContext};
use crate::source::{Decoding, SourceFile, Span};
use crate::syntax::{self, pointer, Document, Node, ProblemKind};

#[derive(Debug, Clone, Default)]
pub struct LintOptions {
    /// Keep source text for snippet rendering.
    pub keep_sources: bool,
    /// Keep the model and apiProperties tree (for `--stats`).
    pub keep_model: bool,
    /// Profiles set by configuration, by connector folder (detected from the folder otherwise).
    pub profiles: Vec<(PathBuf, rules::Profile)>,
    /// Texts to read instead of the files on disk (`check --fix --dry-run` lints its
    /// fixed texts without writing them).
    pub overlay: Option<Arc<std::collections::HashMap<PathBuf, String>>>,
    /// Earlier versions of definitions, by the path of the current definition, for the
    /// breaking-change rules (`check --previous`, `--previous-ref`).
    pub previous: Option<Arc<std::collections::HashMap<PathBuf, Previous>>>,
}

/// An earlier version of a connector's definition (and apiProperties.json).
#[derive(Debug, Clone)]
pub struct Previous {
    /// Where it comes from, for messages: a path, or the git revision.
    pub source: String,
    pub definition: String,
    pub properties: Option<String>,
}

/// Lints many connectors in parallel, in a stable order.
pub fn lint_all(connectors: &[ConnectorFiles], options: &LintOptions) -> Vec<CheckedConnector> {
    lint_all_with_progress(connectors, options, &|| {})
}

/// Like [`lint_all`], calling `done` after each connector (from worker threads).
pub fn lint_all_with_progress(
    connectors: &[ConnectorFiles],
    options: &LintOptions,
    done: &(dyn Fn() + Sync),
) -> Vec<CheckedConnector> {
    connectors
        .par_iter()
        .map(|c| {
            let checked = lint_connector(c, options);
            done();
            checked
        })
        .collect()
}

/// A file read and parsed, before rules run.
struct LoadedFile {
    path: PathBuf,
    kind: FileKind,
    source: Option<Arc<SourceFile>>,
    /// The tree, for JSON/YAML files that could be parsed.
    root: Option<Node>,
    format: syntax::Format,
    status: FileStatus,
    diagnostics: Vec<Diagnostic>,
    /// For a certification package: the names at the root of the zip.
    package_entries: Option<Vec<String>>,
}

/// Reads a certification package: the names of the entries at the root of the zip.
fn load_package(path: &std::path::Path, tree: &std::path::Path) -> LoadedFile {
    let listing = crate::fsutil::open_in_tree(path, tree)
        .map_err(|e| e.to_string())
        .and_then(|(f, _)| {
            zip::ZipArchive::new(f).map_err(|e| format!("not a readable zip archive: {e}"))
        })
        .and_then(|archive| {
            let mut names = Vec::new();
            for name in archive.file_names() {
                let name = name.map_err(|e| format!("an entry name cannot be read: {e}"))?;
                if !name.trim_end_matches('/').contains('/') {
                    names.push(name.into_owned());
                }
            }
            names.sort();
            Ok(names)
        });
    let (status, diagnostics, package_entries) = match listing {
        Ok(names) => (FileStatus::Ok, Vec::new(), Some(names)),
        Err(e) => (
            FileStatus::Unreadable,
            vec![rules::file_unreadable::RULE
                .diagnostic(format!("cannot read the package {}: {e}", path.display()))
                .help("a certification package is a .zip with intro.md and the solution .zip at its root")
                .in_file(FileKind::Package)],
            None,
        ),
    };
    LoadedFile {
        path: path.to_path_buf(),
        kind: FileKind::Package,
        source: None,
        root: None,
        format: syntax::Format::Json,
        status,
        diagnostics,
        package_entries,
    }
}

fn load(
    path: &std::path::Path,
    tree: &std::path::Path,
    kind: FileKind,
    options: &LintOptions,
) -> LoadedFile {
    if kind == FileKind::Package {
        return load_package(path, tree);
    }
    let overlaid = options.overlay.as_ref().and_then(|o| o.get(path));
    let read = match overlaid {
        Some(text) => Ok(SourceFile::from_bytes(
            path.to_path_buf(),
            text.clone().into_bytes(),
        )),
        None => SourceFile::read_in_tree(path, tree),
    };
    let source = match read {
        Ok(s) => Arc::new(s),
        Err(e) => {
            let hint = e.hint();
            return LoadedFile {
                path: path.to_path_buf(),
                kind,
                source: None,
                root: None,
                format: syntax::Format::Json,
                status: FileStatus::Unreadable,
                diagnostics: vec![rules::file_unreadable::RULE
                    .diagnostic(format!("cannot read {}: {e}", path.display()))
                    .help(hint)
                    .in_file(kind)],
                package_entries: None,
            };
        }
    };
    let mut diagnostics = encoding_diagnostics(&source, kind);
    let repaired = matches!(source.decoding, Decoding::Repaired { .. });
    let mut format = syntax::Format::Json;
    let (root, status) = match kind {
        FileKind::Definition | FileKind::Properties => {
            let doc = syntax::parse(&source);
            format = doc.format;
            diagnostics.extend(syntax_diagnostics(&doc));
            let status = if doc.root.is_none() {
                FileStatus::Unreadable
            } else if doc.recovered() || repaired {
                FileStatus::Recovered
            } else {
                FileStatus::Ok
            };
            (doc.root, status)
        }
        FileKind::Readme | FileKind::Intro | FileKind::Package => {
            let status = if repaired {
                FileStatus::Recovered
            } else {
                FileStatus::Ok
            };
            (None, status)
        }
    };
    for d in &mut diagnostics {
        d.file = kind;
    }
    LoadedFile {
        path: path.to_path_buf(),
        kind,
        source: Some(source),
        root,
        format,
        status,
        diagnostics,
        package_entries: None,
    }
}

/// The files of the connector folder for the connector rules, with the sizes of the
/// fixed texts where `--fix` has changed them.
fn folder_files(
    connector: &ConnectorFiles,
    options: &LintOptions,
) -> Vec<crate::fsutil::FolderFile> {
    let mut files = crate::fsutil::list_files(&connector.dir, &connector.root);
    if let Some(overlay) = &options.overlay {
        for f in &mut files {
            if let Some(text) = overlay.get(&connector.dir.join(&f.name)) {
                f.size = Some(text.len() as u64);
            }
        }
    }
    files
}

/// Runs the breaking-change rules: the previous version against the current one.
fn check_change(
    previous: &Previous,
    current: &DefinitionContext,
    out: &mut Vec<Diagnostic>,
    notes: &mut Vec<String>,
) {
    let parse = |text: &str, name: &str| {
        let file = SourceFile::from_bytes(PathBuf::from(name), text.as_bytes().to_vec());
        syntax::parse(&file)
    };
    let definition = parse(&previous.definition, &previous.source);
    let Some(root) = definition.root else {
        let why = definition
            .problems
            .first()
            .map(|p| p.message.clone())
            .unwrap_or_default();
        notes.push(format!(
            "{}: the previous version cannot be read ({why}); the breaking-change rules did not run",
            previous.source
        ));
        return;
    };
    let properties = previous
        .properties
        .as_deref()
        .and_then(|text| parse(text, "apiProperties.json").root);
    let model = build_definition(&root);
    let ctx = rules::ChangeContext {
        previous_root: &root,
        previous: &model,
        previous_properties: properties.as_ref(),
        source: &previous.source,
        current,
    };
    out.extend(rules::check_change(&ctx));
}

/// Lints one connector: reads every file once, runs the rules, then resolves each
/// diagnostic in the file it points into.
pub fn lint_connector(connector: &ConnectorFiles, options: &LintOptions) -> CheckedConnector {
    let mut files: Vec<LoadedFile> = connector
        .files()
        .map(|(p, k)| load(p, &connector.root, k, options))
        .collect();
    let index_of = |kind: FileKind| files.iter().position(|f| f.kind == kind);
    let definition_at = index_of(FileKind::Definition);
    let properties_at = index_of(FileKind::Properties);

    let profile = options
        .profiles
        .iter()
        .find(|(dir, _)| *dir == connector.dir)
        .map(|(_, p)| *p)
        .unwrap_or_else(|| rules::Profile::detect(&connector.dir));
    let mut rule_diagnostics = Vec::new();
    let mut notes = Vec::new();
    let mut directives = Vec::new();
    let mut operations = 0;
    let mut definition = None;
    {
        let package = files.iter().find_map(|f| f.package_entries.as_deref());
        let folder = if package.is_some() {
            Vec::new()
        } else {
            folder_files(connector, options)
        };
        let ctx = rules::ConnectorContext {
            dir: &connector.dir,
            profile,
            package,
            properties: properties_at.and_then(|i| files[i].root.as_ref()),
            files: &folder,
            definition: definition_at.and_then(|i| files[i].source.as_deref()),
            docs: files
                .iter()
                .filter(|f| matches!(f.kind, FileKind::Readme | FileKind::Intro))
                .filter_map(|f| {
                    Some(rules::ConnectorDoc {
                        kind: f.kind,
                        text: f.source.as_deref()?.text.as_ref(),
                    })
                })
                .collect(),
        };
        if ctx.package.is_some() {
            rule_diagnostics.extend(rules::check_package(&ctx));
        } else {
            rule_diagnostics.extend(rules::check_connector(&ctx));
        }
        if let Some(root) = definition_at.and_then(|i| files[i].root.as_ref()) {
            let (found, problems) = rules::suppression_invalid::check(root);
            directives = found;
            rule_diagnostics.extend(problems);
            let model = build_definition(root);
            let file = &files[definition_at.unwrap_or(0)];
            let dctx = DefinitionContext {
                root,
                definition: &model,
                connector: &ctx,
                text: file.source.as_deref().map(|s| &*s.text).unwrap_or(""),
                format: file.format,
                walk: Default::default(),
                parameters: Default::default(),
                parameter_objects: Default::default(),
            };
            rule_diagnostics.extend(rules::check_definition(&dctx));
            let previous = options
                .previous
                .as_ref()
                .zip(connector.definition.as_ref())
                .and_then(|(p, path)| p.get(path));
            if let Some(previous) = previous {
                check_change(previous, &dctx, &mut rule_diagnostics, &mut notes);
            }
            operations = model.operations.len();
            definition = Some(model);
        }
    }
    for mut d in rule_diagnostics {
        // Profile downgrades apply to findings raised at the rule's default severity;
        // rules that choose a severity themselves (info vs warning) keep theirs.
        if let Some(meta) = rules::find(d.rule) {
            if d.severity == meta.default_severity {
                d.severity = meta.severity_for(profile);
            }
        }
        match files.iter_mut().find(|f| f.kind == d.file) {
            Some(f) => f.diagnostics.push(d),
            None => files[definition_at.unwrap_or(0)].diagnostics.push(d),
        }
    }

    let mut out = CheckedConnector {
        dir: connector.dir.clone(),
        files: Vec::with_capacity(files.len()),
        findings: Vec::new(),
        operations,
        definition: if options.keep_model { definition } else { None },
        properties: None,
        definition_tree: None,
        directives: directives
            .into_iter()
            .map(|directive| PlacedDirective {
                directive,
                location: None,
            })
            .collect(),
        notes,
    };
    // Place each suppression now, while the tree exists, for the unused-suppression report.
    if let Some(i) = definition_at {
        if let (Some(root), Some(source)) = (files[i].root.as_ref(), files[i].source.as_ref()) {
            for d in &mut out.directives {
                let target = pointer::resolve_nearest(root, &d.directive.pointer);
                let span = highlight(target, source);
                d.location = Some((i, Location::of(span, source)));
            }
        }
    }
    for (index, f) in files.into_iter().enumerate() {
        match &f.source {
            Some(source) => {
                out.findings
                    .extend(resolve(f.diagnostics, f.root.as_ref(), source, index))
            }
            None => out
                .findings
                .extend(f.diagnostics.into_iter().map(|diagnostic| Finding {
                    diagnostic,
                    file: Some(index),
                    location: None,
                })),
        }
        let source = f.source;
        if options.keep_model {
            match (f.kind, f.root, &source) {
                (FileKind::Properties, root, _) => out.properties = root,
                (FileKind::Definition, Some(root), Some(src)) => {
                    out.definition_tree = Some((root, src.clone(), index))
                }
                _ => {}
            }
        }
        out.files.push(CheckedFile {
            path: f.path,
            kind: f.kind,
            status: f.status,
            source: if options.keep_sources { source } else { None },
        });
    }
    // The findings outlive the trees they were built beside. Copied now that the trees are
    // gone, they sit together instead of pinning the trees' freed pages: peak memory over
    // the corpus drops by half.
    out.findings = out.findings.to_vec();
    out
}

/// Byte-order mark and invalid UTF-8.
fn encoding_diagnostics(source: &SourceFile, kind: FileKind) -> Vec<Diagnostic> {
    match &source.decoding {
        Decoding::Utf8 => Vec::new(),
        // A BOM is harmless in Markdown; only JSON forbids it.
        Decoding::Utf8WithBom if matches!(kind, FileKind::Readme | FileKind::Intro) => Vec::new(),
        Decoding::Utf8WithBom => vec![rules::byte_order_mark::RULE
            .diagnostic("file starts with a UTF-8 byte-order mark")
            .with_span(Span::new(0, 3))
            .help("save the file as UTF-8 without BOM; strict JSON readers reject it")
            .fix(Some(Fix {
                description: "remove the byte-order mark".into(),
                applicability: Applicability::Safe,
                edits: vec![TextEdit {
                    span: Span::new(0, 3),
                    insert: String::new(),
                }],
            }))],
        Decoding::Repaired { invalid } => {
            let shown = invalid.len().min(20);
            let more = if invalid.len() > shown {
                format!(
                    " ({} invalid sequences in this file; the first {shown} are reported)",
                    invalid.len()
                )
            } else {
                String::new()
            };
            invalid[..shown]
                .iter()
                .enumerate()
                .map(|(i, &(offset, byte))| {
                    let guess = match legacy_char(byte) {
                        Some(c) => format!(" (`{c}` in Windows-1252)"),
                        None => String::new(),
                    };
                    rules::invalid_utf8::RULE
                        .diagnostic(format!(
                            "byte 0x{byte:02X} is not valid UTF-8{guess}{}",
                            if i == 0 { more.as_str() } else { "" }
                        ))
                        .with_span(Span::new(offset, offset + 1))
                        .help("the file is probably saved as Latin-1 or Windows-1252; re-save it as UTF-8")
                })
                .collect()
        }
    }
}

/// What a byte means in Windows-1252 (a superset of Latin-1's printable range), the
/// encoding files that are not UTF-8 are usually in.
fn legacy_char(byte: u8) -> Option<char> {
    const HIGH: [char; 32] = [
        '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0', '\0',
        '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9f => Some(HIGH[usize::from(byte - 0x80)]).filter(|c| *c != '\0'),
        0xa0..=0xff => Some(char::from(byte)),
        _ => None,
    }
}

/// Syntax problems as diagnostics.
fn syntax_diagnostics(doc: &Document) -> Vec<Diagnostic> {
    let mut out = Vec::with_capacity(doc.problems.len() + 1);
    for p in &doc.problems {
        let meta = match p.kind {
            ProblemKind::Syntax => &rules::syntax_error::RULE,
            ProblemKind::DuplicateKey => &rules::duplicate_key::RULE,
        };
        let mut d = meta
            .diagnostic(&p.message)
            .with_span(p.span)
            .help(p.help.clone());
        d.pointer = p.pointer.clone();
        d.fix = p.fix.as_ref().map(|(insert, applicability)| Fix {
            description: match insert.as_str() {
                "" => "remove the marked text".to_string(),
                text => format!("write `{text}` there"),
            },
            applicability: *applicability,
            edits: vec![TextEdit {
                span: p.span,
                insert: insert.clone(),
            }],
        });
        if let Some((span, label)) = &p.related {
            d = d.related(*span, label);
        }
        out.push(d);
    }
    if doc.root.is_none() {
        if let Some(first) = out
            .iter_mut()
            .find(|d| d.rule == rules::syntax_error::RULE.id)
        {
            first.message.push_str("; the file could not be linted");
        }
    }
    out
}
