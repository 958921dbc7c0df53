//! `connlint intro`: the "Known issues and limitations" section of intro.md or readme.md.

use std::path::{Path, PathBuf};

use connlint::diagnostic::FileKind;
use connlint::discover::{self, ConnectorFiles};
use connlint::docgen::content::{self, DocKind, Inputs};
use connlint::docgen::intro;
use connlint::docgen::render::Templates;
use connlint::stats::Thresholds;

use super::load::{load, Loaded};
use super::{print_inert as out, ExitStatus, Failure, Outcome, Result, StatsInput};

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
    /// The configuration file, for its [thresholds] (default: connlint.toml in the
    /// connector's folder or above, as connlint check finds it).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
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
    use connlint::fsutil::ReadRefusal;
    match connlint::fsutil::read_in_tree(path, tree, connlint::fsutil::MAX_FILE_SIZE) {
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
pub fn run(args: &IntroArgs) -> Outcome {
    let (paths, found) = super::connectors(&args.paths)?;
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
    // Which errors are reported follows [thresholds], as in connlint check --stats.
    let thresholds = super::configuration(args.config.as_deref(), &paths[0])?
        .config
        .thresholds
        .to_thresholds();
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
                connlint::eprintln_inert!("connlint: {message}");
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
        connlint::eprintln_inert!(
            "connlint: warning: {r}; the generated text may miss what follows it"
        );
    }
    let (path, kind) = target(&loaded.files, args.file.as_deref());
    let existing = read_doc(&path, &c.root)?;
    // The other Markdown files of the connector (a readme beside intro.md), read for the
    // limits they state.
    let mut docs: Vec<String> = Vec::new();
    for (p, _) in &c.docs {
        if *p == path {
            continue;
        }
        if let Ok(Some(text)) = read_doc(p, &c.root) {
            docs.push(intro::outside_sections(&text));
        }
    }
    if let Some(text) = &existing {
        docs.push(intro::outside_sections(text));
    }
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
        docs,
        notes: existing
            .as_deref()
            .map(intro::publisher_notes)
            .unwrap_or_default(),
    };
    let ctx = content::build(&inputs);
    let sections = intro::render_sections(templates, &ctx, args.common_errors)
        .map_err(|e| Failure(format!("template: {e}")))?;
    if printing {
        if several {
            printed.push_str(&format!("==> {} <==\n", path.display()));
        }
        // The section as --write would leave it: the publisher's notes below the marker.
        let notes = existing
            .as_deref()
            .map(intro::publisher_notes)
            .unwrap_or_default();
        let notes = notes.trim();
        printed.push_str(
            &sections
                .iter()
                .map(|s| {
                    let mut t = s.text(2);
                    if s.kind == connlint::docgen::section::SectionKind::KnownIssues
                        && !notes.is_empty()
                    {
                        t.push('\n');
                        t.push_str(notes);
                        t.push('\n');
                    }
                    t
                })
                .collect::<Vec<_>>()
                .join("\n"),
        );
        if several {
            printed.push('\n');
        }
        return Ok(false);
    }
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
            out(&connlint::fsutil::unified_diff(
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
        connlint::fsutil::write_atomic(&path, new_text.as_bytes())
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
