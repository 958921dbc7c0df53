//! `connlint tooltips`: labels and tooltips for the parameters makers fill in.

use std::path::PathBuf;

use clap::ValueEnum;

use connlint::discover::ConnectorFiles;
use connlint::docgen::tooltips::{self, Suggestion};
use connlint::source::Decoding;
use connlint::syntax::edit::{self, KeyEdit};

use super::load::load;
use super::{print_inert as out, ExitStatus, Failure, Outcome, Result, StatsInput};

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

#[derive(serde::Serialize)]
struct FileSuggestions<'a> {
    path: String,
    suggestions: &'a [Suggestion],
    /// With --write: the keys added and values replaced (or that would be, with --dry-run).
    #[serde(skip_serializing_if = "Option::is_none")]
    written: Option<usize>,
}

/// Runs `connlint tooltips`.
pub fn run(args: &TooltipsArgs) -> Outcome {
    let (_, found) = super::connectors(&args.paths)?;
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
                connlint::eprintln_inert!("connlint: {message}");
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
            let mut text = connlint::text::to_json_pretty(&serde_json::json!({ "files": files }));
            text.push('\n');
            out(&text)?;
            if !report.is_empty() {
                eprint!("{}", connlint::text::inert(&report));
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
    let suggestions = tooltips::suggest_with(
        &loaded.root,
        &loaded.definition,
        &evidence(loaded.stats.as_ref()),
        &docs(c),
    );
    let path = loaded.source.path.clone();
    if !args.write {
        return Ok((path.display().to_string(), suggestions, None));
    }
    let edits: Vec<KeyEdit> = suggestions
        .iter()
        .filter(|s| !s.todo && (s.is_missing() || args.replace_weak))
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
        let planned = edit::plan(text, &loaded.root, loaded.format, &edits)
            .map_err(|e| Failure(format!("{}: {e}", path.display())))?;
        let new_text = edit::apply(text, &planned);
        edit::verify(&path, &loaded.root, &new_text, loaded.format, &edits)
            .map_err(|e| Failure(format!("{}: {e}; nothing was written", path.display())))?;
        if args.dry_run {
            report.push_str(&connlint::fsutil::unified_diff(
                text, &new_text, &path, false,
            ));
            report.push_str(&format!(
                "would add or replace {} keys in {}\n",
                edits.len(),
                path.display()
            ));
        } else {
            connlint::fsutil::write_atomic(&path, new_text.as_bytes())
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

/// The connector's Markdown files (readme, intro), whose notes on fields answer
/// questions a tooltip would otherwise ask. One that cannot be read is left out.
fn docs(c: &ConnectorFiles) -> String {
    let mut out = String::new();
    for (p, _) in &c.docs {
        if let Ok(bytes) =
            connlint::fsutil::read_in_tree(p, &c.root, connlint::fsutil::MAX_FILE_SIZE)
        {
            out.push_str(&String::from_utf8_lossy(&bytes));
            out.push('\n');
        }
    }
    out
}

/// The input errors of each operation in the statistics, for ranking the suggestions.
fn evidence(stats: Option<&connlint::stats::StatsReport>) -> tooltips::Evidence {
    let mut out = tooltips::Evidence::new();
    for o in stats.map(|s| s.operations.as_slice()).unwrap_or_default() {
        let count = |codes: &[u16]| -> u64 {
            o.errors
                .iter()
                .filter(|e| codes.contains(&e.status))
                .map(|e| e.count)
                .sum()
        };
        let share = if o.responses.counted > 0 {
            count(&[400, 422]) as f64 / o.responses.counted as f64
        } else {
            0.0
        };
        out.insert(
            o.pointer.clone(),
            tooltips::InputErrors {
                count: count(&[400, 415, 422]),
                share,
            },
        );
    }
    out
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
                    connlint::text::thousands(s.input_errors)
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
            // A question for the publisher: printed, never written.
            // Advice to show or hide the field: printed with its reason, never written.
            _ if s.key == "x-ms-visibility" => text.push_str(&format!(
                "    ? {}: {} ({})\n",
                s.key,
                json_str(&s.value),
                s.reason
            )),
            _ if s.todo => text.push_str(&format!("    ? {}: {}\n", s.key, s.value)),
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
