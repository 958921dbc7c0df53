//! `connlint intro` and `connlint tooltips`: arguments and command bodies.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::ValueEnum;

use super::content::{self, DocKind, Inputs};
use super::edit::{self, KeyEdit};
use super::intro;
use super::render::Templates;
use super::tooltips::{self, Suggestion};
use crate::cli::{ExitStatus, StatsInput};
use crate::discover::{self, ConnectorFiles, FileKind};
use crate::model::{build_definition, Definition};
use crate::source::{Decoding, SourceFile};
use crate::stats::{StatsOptions, StatsReport, Thresholds};
use crate::syntax::{self, Format, Node, ProblemKind};

/// Arguments of `connlint intro`.
#[derive(clap::Args, Debug)]
#[command(after_help = "\
Without --write, --check or --diff the section is printed. The file is intro.md when the \
connector has one, else its readme.md, else a new intro.md (--file chooses). Text below the \
section's end marker is the publisher's own and is kept by every --write.

Exit codes: 0 done (or up to date); 1 --check or --diff found the file out of date; 2 usage \
error, unreadable definition, statistics or template.

Examples:
  connlint intro fixtures/demo --stats fixtures/demo/stats.csv
  connlint intro fixtures/demo --stats fixtures/demo/stats.csv --write
  connlint intro certified-connectors/Foo --check")]
pub struct IntroArgs {
    /// Connector folders or connector files (a file stands for its folder). Default: the
    /// current directory.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Observed statistics (one connector only), read as `connlint stats` reads them.
    #[command(flatten)]
    pub stats: StatsInput,
    /// The Markdown file: intro.md, readme.md (found in the connector folder whatever its
    /// case), or a path.
    #[arg(long, value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// A minijinja template for the Known issues section instead of the built-in
    /// templates/known-issues.md.j2 (whose header lists the context).
    #[arg(long, value_name = "FILE")]
    pub template: Option<PathBuf>,
    /// Also generate the "Common errors and remedies" section.
    #[arg(long)]
    pub common_errors: bool,
    /// Replace the section in the file (or insert it, or create the file).
    #[arg(long, conflicts_with_all = ["check", "diff"])]
    pub write: bool,
    /// Exit with 1 when the file's section is not what would be generated.
    #[arg(long, conflicts_with = "diff")]
    pub check: bool,
    /// Print a unified diff of the change --write would make; exit 1 if there is one.
    #[arg(long)]
    pub diff: bool,
    /// With --write: print the diff and write nothing.
    #[arg(long, requires = "write")]
    pub dry_run: bool,
}

/// How `connlint tooltips` prints its suggestions.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum TooltipFormat {
    Pretty,
    Json,
}

/// Arguments of `connlint tooltips`.
#[derive(clap::Args, Debug)]
#[command(after_help = "\
Suggests x-ms-summary (the label) and description (the tooltip) for parameters and body \
properties makers fill in, where they are missing or weak; fields of operations whose \
statistics show 400, 415 or 422 responses come first. --write adds the missing keys after \
each object's last member, in the style of its siblings, and changes nothing else.

Exit codes: 0 done; 2 usage error, unreadable definition or statistics, or an edit that \
could not be made safely.

Examples:
  connlint tooltips fixtures/demo
  connlint tooltips fixtures/demo --stats fixtures/demo/stats.csv --format json
  connlint tooltips fixtures/demo --write --dry-run")]
pub struct TooltipsArgs {
    /// Connector folders or connector files. Default: the current directory.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Observed statistics, to rank fields of operations with input errors first.
    #[command(flatten)]
    pub stats: StatsInput,
    #[arg(long, value_enum, default_value_t = TooltipFormat::Pretty)]
    pub format: TooltipFormat,
    /// Add the missing keys to the definition.
    #[arg(long)]
    pub write: bool,
    /// With --write: also replace weak values (equal to the name, too short, too long).
    #[arg(long, requires = "write")]
    pub replace_weak: bool,
    /// With --write: print the diff and write nothing.
    #[arg(long, requires = "write")]
    pub dry_run: bool,
}

/// A failure that ends the command with exit status 2.
struct Failure(String);

type Result<T> = std::result::Result<T, Failure>;

/// Prints generated text (Markdown, diffs, JSON), which quotes the definition: through
/// [`crate::text::inert`], so it cannot act on a terminal or a CI log.
fn out(text: &str) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(crate::text::inert(text).as_bytes())
        .and_then(|_| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure(format!("cannot write output: {e}"))),
    }
}

/// A connector read for docgen.
struct Loaded {
    files: ConnectorFiles,
    source: SourceFile,
    root: Node,
    format: Format,
    /// The first syntax problem the parser recovered from, as `path:line:col: message`.
    recovered: Option<String>,
    definition: Definition,
    properties: Option<Node>,
    stats: Option<StatsReport>,
}

fn connectors(paths: &[PathBuf]) -> Result<Vec<ConnectorFiles>> {
    let paths = if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths.to_vec()
    };
    let found = discover::discover(&paths).map_err(|e| Failure(e.to_string()))?;
    if found.is_empty() {
        return Err(Failure(format!(
            "no connector found in {} (looked for apiDefinition.swagger.json or apiProperties.json)",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    Ok(found)
}

fn at(file: &SourceFile, offset: usize) -> String {
    let lc = file.line_col(offset);
    format!("{}:{}:{}", file.path.display(), lc.line, lc.column)
}

fn stats_options(input: &StatsInput) -> StatsOptions {
    StatsOptions {
        format: input.stats_format,
        window: input.window,
        as_of: input.as_of,
        throttling_codes: input.throttling.clone(),
        skip_bad_rows: input.skip_bad_rows,
        apim_sampling_percent: input.apim_sampling,
        strip_prefixes: input.strip_prefixes.clone(),
        ignore_paths: input.ignore_paths.clone(),
        ..StatsOptions::default()
    }
}

fn load(c: &ConnectorFiles, stats: &StatsInput) -> Result<Loaded> {
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
                        crate::eprintln_inert!(
                            "connlint: {}: cannot be parsed; its policies are ignored",
                            p.display()
                        );
                    }
                    d.root
                }
                Err(e) => {
                    crate::eprintln_inert!(
                        "connlint: {}: cannot read ({e}); its policies are ignored",
                        p.display()
                    );
                    None
                }
            });
    let stats = if stats.files.is_empty() {
        None
    } else {
        let options = stats_options(stats);
        let mut analysis = crate::stats::Analysis::new(&definition, properties.as_ref(), &options);
        for file in &stats.files {
            let added = if file.as_os_str() == "-" {
                analysis.add_reader(Path::new("<stdin>"), std::io::stdin().lock())
            } else {
                analysis.add_file(file)
            };
            added.map_err(|e| Failure(e.to_string()))?;
        }
        let report = analysis.finish();
        for w in &report.warnings {
            crate::eprintln_inert!("connlint: warning: {w}");
        }
        Some(report)
    };
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

fn doc_kind_of(path: &Path) -> DocKind {
    match path
        .file_name()
        .and_then(|n| n.to_str())
        .map(discover::kind_of)
    {
        Some(Some(FileKind::Intro)) => DocKind::Intro,
        Some(Some(FileKind::Readme)) => DocKind::Readme,
        _ => {
            let name = path.to_string_lossy().to_ascii_lowercase();
            if name.ends_with("intro.md") {
                DocKind::Intro
            } else {
                DocKind::Readme
            }
        }
    }
}

/// The Markdown file to generate into, and what kind it is.
fn target(c: &ConnectorFiles, file: Option<&Path>) -> (PathBuf, DocKind) {
    match file {
        Some(f) if f.components().count() == 1 => {
            let name = f.to_string_lossy().to_ascii_lowercase();
            let existing = c.docs.iter().find(|(p, _)| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().to_ascii_lowercase() == name)
            });
            let path = existing.map_or_else(|| c.dir.join(f), |(p, _)| p.clone());
            let kind = doc_kind_of(&path);
            (path, kind)
        }
        Some(f) => (f.to_path_buf(), doc_kind_of(f)),
        None => {
            let pick = |k: FileKind| {
                c.docs
                    .iter()
                    .find(|(_, kind)| *kind == k)
                    .map(|(p, _)| p.clone())
            };
            if let Some(p) = pick(FileKind::Intro) {
                (p, DocKind::Intro)
            } else if let Some(p) = pick(FileKind::Readme) {
                (p, DocKind::Readme)
            } else {
                (c.dir.join("intro.md"), DocKind::Intro)
            }
        }
    }
}

fn read_doc(path: &Path, tree: &Path) -> Result<Option<String>> {
    use crate::fsutil::ReadRefusal;
    match crate::fsutil::read_in_tree(path, tree, crate::fsutil::MAX_FILE_SIZE) {
        Ok(bytes) => String::from_utf8(bytes).map(Some).map_err(|e| {
            Failure(format!(
                "{}: not UTF-8 text (invalid byte at offset {}); connlint does not edit it",
                path.display(),
                e.utf8_error().valid_up_to()
            ))
        }),
        Err(ReadRefusal::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Failure(format!(
            "{}: cannot read: {e} ({}); connlint does not edit it",
            path.display(),
            e.hint()
        ))),
    }
}

/// Runs `connlint intro`.
pub fn intro(args: IntroArgs) -> ExitStatus {
    match run_intro(&args) {
        Ok(status) => status,
        Err(Failure(message)) => {
            crate::eprintln_inert!("connlint: {message}");
            ExitStatus::Error
        }
    }
}

fn run_intro(args: &IntroArgs) -> Result<ExitStatus> {
    let found = connectors(&args.paths)?;
    if !args.stats.files.is_empty() && found.len() > 1 {
        return Err(Failure(format!(
            "--stats belongs to one connector, but the paths hold {}; run connlint intro once per connector",
            found.len()
        )));
    }
    if found.len() > 1
        && args
            .file
            .as_ref()
            .is_some_and(|f| f.components().count() > 1)
    {
        return Err(Failure(
            "--file with a folder in it names one file, but the paths hold several connectors"
                .into(),
        ));
    }
    let user_template = match &args.template {
        Some(p) => Some((
            p.display().to_string(),
            std::fs::read_to_string(p)
                .map_err(|e| Failure(format!("{}: cannot read the template: {e}", p.display())))?,
        )),
        None => None,
    };
    let templates = Templates::new(user_template).map_err(|e| Failure(format!("template: {e}")))?;
    let thresholds = Thresholds::default();
    let printing = !(args.write || args.check || args.diff);
    let mut status = ExitStatus::Success;
    let mut failed = false;
    let mut printed = String::new();
    for c in &found {
        // One connector that cannot be read does not stop the others.
        match intro_one(
            args,
            &templates,
            &thresholds,
            c,
            found.len() > 1,
            &mut printed,
        ) {
            Ok(true) => status = ExitStatus::Findings,
            Ok(false) => {}
            Err(Failure(message)) => {
                crate::eprintln_inert!("connlint: {message}");
                failed = true;
            }
        }
    }
    if printing {
        out(&printed)?;
    }
    Ok(if failed { ExitStatus::Error } else { status })
}

/// One connector: prints, checks, diffs or writes. `Ok(true)` when `--check` or `--diff`
/// found the file out of date.
fn intro_one(
    args: &IntroArgs,
    templates: &Templates,
    thresholds: &Thresholds,
    c: &ConnectorFiles,
    several: bool,
    printed: &mut String,
) -> Result<bool> {
    let printing = !(args.write || args.check || args.diff);
    let loaded = load(c, &args.stats)?;
    if let Some(r) = &loaded.recovered {
        crate::eprintln_inert!(
            "connlint: warning: {r}; the generated text may miss what follows it"
        );
    }
    let (path, kind) = target(&loaded.files, args.file.as_deref());
    let inputs = Inputs {
        root: &loaded.root,
        definition: &loaded.definition,
        properties: loaded.properties.as_ref(),
        stats: loaded.stats.as_ref(),
        thresholds,
        doc: kind,
        definition_name: loaded.source.path.file_name().map_or_else(
            || "the definition".into(),
            |n| n.to_string_lossy().into_owned(),
        ),
    };
    let ctx = content::build(&inputs);
    let sections = intro::render_sections(templates, &ctx, args.common_errors)
        .map_err(|e| Failure(format!("template: {e}")))?;
    if printing {
        if several {
            printed.push_str(&format!("==> {} <==\n", path.display()));
        }
        printed.push_str(
            &sections
                .iter()
                .map(|s| s.text(2))
                .collect::<Vec<_>>()
                .join("\n"),
        );
        if several {
            printed.push('\n');
        }
        return Ok(false);
    }
    let existing = read_doc(&path, &c.root)?;
    let new_text = match &existing {
        Some(old) => intro::update(old, kind, &sections)
            .map_err(|e| Failure(format!("{}: {e}", path.display())))?,
        None => intro::create(templates, &ctx, &sections)
            .map_err(|e| Failure(format!("template: {e}")))?,
    };
    let old_text = existing.as_deref().unwrap_or("");
    let changed = existing.as_deref() != Some(new_text.as_str());
    let shown = path.display();
    if args.check {
        if changed {
            let what = sections
                .iter()
                .map(|s| format!("\"{}\"", s.heading))
                .collect::<Vec<_>>()
                .join(" and ");
            if existing.is_none() {
                out(&format!(
                    "{shown}: does not exist; connlint intro --write creates it\n"
                ))?;
            } else {
                out(&format!("{shown}: {what} is not what connlint intro generates; run connlint intro --write\n"))?;
            }
            if let Some(note) = stale_stats_note(existing.as_deref(), &loaded) {
                out(&format!("{shown}: {note}\n"))?;
            }
        }
        return Ok(changed);
    }
    if args.diff || args.dry_run {
        if changed {
            out(&crate::fsutil::unified_diff(
                old_text,
                &new_text,
                &path,
                existing.is_none(),
            ))?;
        }
        if args.dry_run {
            let verb = match (changed, existing.is_some()) {
                (false, _) => "unchanged",
                (true, true) => "would update",
                (true, false) => "would create",
            };
            out(&format!("{verb} {shown}\n"))?;
        }
        return Ok(args.diff && changed);
    }
    // --write
    if changed {
        crate::fsutil::write_atomic(&path, new_text.as_bytes())
            .map_err(|e| Failure(format!("{shown}: cannot write: {e}")))?;
        let verb = if existing.is_some() {
            "updated"
        } else {
            "created"
        };
        out(&format!("{verb} {shown}\n"))?;
    } else {
        out(&format!("unchanged {shown}\n"))?;
    }
    Ok(false)
}

/// A note when the file's section came from statistics but none were given now.
fn stale_stats_note(existing: Option<&str>, loaded: &Loaded) -> Option<String> {
    if loaded.stats.is_some() {
        return None;
    }
    let text = existing?.split_whitespace().collect::<Vec<_>>().join(" ");
    text.contains("and the responses observed").then(|| {
        "the section was generated with statistics (--stats); give the same files to compare".into()
    })
}

/// Runs `connlint tooltips`.
pub fn tooltips(args: TooltipsArgs) -> ExitStatus {
    match run_tooltips(&args) {
        Ok(status) => status,
        Err(Failure(message)) => {
            crate::eprintln_inert!("connlint: {message}");
            ExitStatus::Error
        }
    }
}

#[derive(serde::Serialize)]
struct FileSuggestions<'a> {
    path: String,
    suggestions: &'a [Suggestion],
    /// With --write: the keys added and values replaced (or that would be, with --dry-run).
    #[serde(skip_serializing_if = "Option::is_none")]
    written: Option<usize>,
}

fn run_tooltips(args: &TooltipsArgs) -> Result<ExitStatus> {
    let found = connectors(&args.paths)?;
    if !args.stats.files.is_empty() && found.len() > 1 {
        return Err(Failure(format!(
            "--stats belongs to one connector, but the paths hold {}; run connlint tooltips once per connector",
            found.len()
        )));
    }
    let mut results: Vec<(String, Vec<Suggestion>, Option<usize>)> = Vec::new();
    let mut report = String::new();
    let mut failed = false;
    for c in &found {
        // One connector that cannot be read or edited does not stop the others.
        match tooltips_one(args, c, &mut report) {
            Ok(r) => results.push(r),
            Err(Failure(message)) => {
                crate::eprintln_inert!("connlint: {message}");
                failed = true;
            }
        }
    }
    match args.format {
        TooltipFormat::Json => {
            let files: Vec<FileSuggestions> = results
                .iter()
                .map(|(path, s, written)| FileSuggestions {
                    path: path.clone(),
                    suggestions: s,
                    written: *written,
                })
                .collect();
            let mut text = crate::text::to_json_pretty(&serde_json::json!({ "files": files }));
            text.push('\n');
            out(&text)?;
            if !report.is_empty() {
                eprint!("{}", crate::text::inert(&report));
            }
        }
        TooltipFormat::Pretty => {
            let mut text = String::new();
            for (path, s, _) in &results {
                text.push_str(&pretty(path, s));
            }
            text.push_str(&report);
            out(&text)?;
        }
    }
    Ok(if failed {
        ExitStatus::Error
    } else {
        ExitStatus::Success
    })
}

/// One connector's suggestions, written when asked for: (path, suggestions, keys written).
fn tooltips_one(
    args: &TooltipsArgs,
    c: &ConnectorFiles,
    report: &mut String,
) -> Result<(String, Vec<Suggestion>, Option<usize>)> {
    let loaded = load(c, &args.stats)?;
    let suggestions = tooltips::suggest(&loaded.root, &loaded.definition, loaded.stats.as_ref());
    let path = loaded.source.path.clone();
    if !args.write {
        return Ok((path.display().to_string(), suggestions, None));
    }
    let edits: Vec<KeyEdit> = suggestions
        .iter()
        .filter(|s| s.is_missing() || args.replace_weak)
        .map(|s| KeyEdit {
            pointer: s.pointer.clone(),
            key: s.key.to_string(),
            value: s.value.clone().into(),
            replace: !s.is_missing(),
        })
        .collect();
    if !edits.is_empty() {
        if let Some(r) = &loaded.recovered {
            return Err(Failure(format!("{r}: fix the syntax error before --write")));
        }
        if matches!(loaded.source.decoding, Decoding::Repaired { .. }) {
            return Err(Failure(format!(
                "{}: not valid UTF-8; connlint does not edit it",
                path.display()
            )));
        }
        let text: &str = &loaded.source.text;
        let splices = edit::plan(text, &loaded.root, loaded.format, &edits)
            .map_err(|e| Failure(format!("{}: {e}", path.display())))?;
        let new_text = edit::apply(text, &splices);
        edit::verify(&path, &loaded.root, &new_text, loaded.format, &edits)
            .map_err(|e| Failure(format!("{}: {e}; nothing was written", path.display())))?;
        if args.dry_run {
            report.push_str(&crate::fsutil::unified_diff(text, &new_text, &path, false));
            report.push_str(&format!(
                "would add or replace {} keys in {}\n",
                edits.len(),
                path.display()
            ));
        } else {
            crate::fsutil::write_atomic(&path, new_text.as_bytes())
                .map_err(|e| Failure(format!("{}: cannot write: {e}", path.display())))?;
            report.push_str(&format!(
                "wrote {} keys to {}\n",
                edits.len(),
                path.display()
            ));
        }
    }
    Ok((path.display().to_string(), suggestions, Some(edits.len())))
}

fn pretty(path: &str, suggestions: &[Suggestion]) -> String {
    if suggestions.is_empty() {
        return format!("{path}: every field makers fill in has a label and a tooltip\n");
    }
    let fields = {
        let mut p: Vec<&str> = suggestions.iter().map(|s| s.pointer.as_str()).collect();
        p.sort_unstable();
        p.dedup();
        p.len()
    };
    let mut text = format!(
        "{path}: {} suggestion{} for {fields} field{}\n",
        suggestions.len(),
        if suggestions.len() == 1 { "" } else { "s" },
        if fields == 1 { "" } else { "s" }
    );
    let mut last_pointer = "";
    for s in suggestions {
        if s.pointer != last_pointer {
            last_pointer = &s.pointer;
            let what = match s.kind {
                tooltips::FieldKind::Parameter => format!("{} parameter `{}`", s.location, s.name),
                tooltips::FieldKind::BodyProperty => format!("body property `{}`", s.name),
            };
            let ops: Vec<&str> = s.used_by.iter().map(|u| u.name.as_str()).collect();
            let errors = if s.input_errors > 0 {
                format!(
                    " ({} input errors in the statistics)",
                    crate::text::thousands(s.input_errors)
                )
            } else {
                String::new()
            };
            text.push_str(&format!(
                "\n  {what} in {}{errors}\n  at {}\n",
                ops.join(", "),
                s.pointer
            ));
        }
        match &s.current {
            None => text.push_str(&format!("    + {}: {}\n", s.key, json_str(&s.value))),
            Some(cur) => text.push_str(&format!(
                "    ~ {}: {} (now {}: {})\n",
                s.key,
                json_str(&s.value),
                json_str(cur),
                s.reason
            )),
        }
    }
    text.push('\n');
    text
}

fn json_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets() {
        let c = ConnectorFiles {
            dir: PathBuf::from("x"),
            root: PathBuf::from("x"),
            definition: None,
            properties: None,
            docs: vec![(PathBuf::from("x/README.md"), FileKind::Readme)],
            package: None,
        };
        assert_eq!(
            target(&c, None),
            (PathBuf::from("x/README.md"), DocKind::Readme)
        );
        assert_eq!(
            target(&c, Some(Path::new("readme.md"))),
            (PathBuf::from("x/README.md"), DocKind::Readme)
        );
        assert_eq!(
            target(&c, Some(Path::new("intro.md"))),
            (PathBuf::from("x/intro.md"), DocKind::Intro)
        );
    }
}
