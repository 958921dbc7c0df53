//! `connlint check`: lint, fix, join statistics, apply the policy, report.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use clap::ValueEnum;

use connlint::config;
use connlint::diagnostic::Severity;
use connlint::discover::ConnectorFiles;
use connlint::eprintln_inert;
use connlint::fix;
use connlint::lint::{self, LintOptions};
use connlint::policy::{self, Baseline, Policy};
use connlint::report::{self, pretty, Run};
use connlint::results::CheckedConnector;
use connlint::rules::{self, Profile};
use connlint::text::plural;

use super::{ColorChoice, ExitStatus, Failure, Outcome, Result, StatsInput};

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Connector folders, definition files, or directories to search. Default: the current directory.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format on standard output.
    #[arg(long, value_enum, default_value_t = OutputFormat::Pretty)]
    pub format: OutputFormat,
    /// Also write a report in another format to a file, in the same run; repeatable.
    /// Example: --output-format sarif=results.sarif
    #[arg(long, value_name = "FORMAT=PATH", value_parser = parse_output)]
    pub output_format: Vec<(OutputFormat, PathBuf)>,
    /// Exit with 1 when a finding at or above this severity is reported.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// When to use colors in pretty output (auto: on a terminal, unless NO_COLOR is set).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Print only findings, not the summary line.
    #[arg(long, short)]
    pub quiet: bool,
    /// Observed statistics to join with the definition (one connector only).
    #[command(flatten)]
    pub stats: StatsInput,
    /// The configuration file (default: connlint.toml in the checked folder or above).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The certification profile, overriding the configuration and the folder-based guess.
    #[arg(long, value_enum)]
    pub profile: Option<ProfileArg>,
    /// Hide the findings recorded in this baseline file, and report its stale entries.
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    pub baseline: Option<PathBuf>,
    /// Record today's findings (by rule, file and JSON pointer, not line) into FILE and exit.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Apply the safe fixes of the reported findings to the files (minimal edits, atomic
    /// writes), then report what remains.
    #[arg(long, conflicts_with = "write_baseline")]
    pub fix: bool,
    /// With --fix: apply the unsafe fixes too (suggested texts, guessed key names).
    /// Review them with --dry-run first.
    #[arg(long, requires = "fix")]
    pub unsafe_fixes: bool,
    /// With --fix: print the changes as a unified diff and write nothing; exit 1 when
    /// there are changes to make.
    #[arg(long, alias = "diff", requires = "fix")]
    pub dry_run: bool,
    /// The previous version of the definition (a file, or a connector folder), to check
    /// for breaking changes (the bc-* rules). One connector only.
    #[arg(long, value_name = "PATH", conflicts_with = "previous_ref")]
    pub previous: Option<PathBuf>,
    /// Check for breaking changes against each connector's definition at this git
    /// revision (e.g. origin/main); connectors that did not exist there are skipped.
    #[arg(long, value_name = "REF")]
    pub previous_ref: Option<String>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProfileArg {
    Certified,
    IndependentPublisher,
    Custom,
}

impl From<ProfileArg> for Profile {
    fn from(p: ProfileArg) -> Profile {
        match p {
            ProfileArg::Certified => Profile::Certified,
            ProfileArg::IndependentPublisher => Profile::IndependentPublisher,
            ProfileArg::Custom => Profile::Custom,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    /// Diagnostics with source snippets, and a summary.
    Pretty,
    /// One JSON document (see README, "JSON output").
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands (annotations), plus a job summary.
    Github,
    /// Azure Pipelines logging commands.
    AzureDevops,
    /// JUnit XML: one test suite per file, one test case per rule.
    Junit,
    /// Checkstyle XML.
    Checkstyle,
}

fn parse_output(s: &str) -> std::result::Result<(OutputFormat, PathBuf), String> {
    let (format, path) = s
        .split_once('=')
        .ok_or_else(|| format!("expected FORMAT=PATH, such as sarif=results.sarif, got `{s}`"))?;
    let format = OutputFormat::from_str(format, true).map_err(|_| {
        let names: Vec<String> = OutputFormat::value_variants()
            .iter()
            .filter_map(|v| v.to_possible_value().map(|p| p.get_name().to_string()))
            .collect();
        format!("unknown format `{format}`; one of: {}", names.join(", "))
    })?;
    if path.is_empty() {
        return Err("the path after `=` is empty".into());
    }
    Ok((format, PathBuf::from(path)))
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

impl CheckArgs {
    fn uses(&self, format: OutputFormat) -> bool {
        self.format == format || self.output_format.iter().any(|(f, _)| *f == format)
    }
}

/// Runs `connlint check`, step by step.
pub fn run(args: CheckArgs) -> Outcome {
    let start = Instant::now();
    let inputs = Inputs::gather(&args)?;
    let options = LintOptions {
        keep_sources: args.uses(OutputFormat::Pretty),
        keep_model: inputs.with_stats,
        profiles: inputs.profiles.clone(),
        overlay: None,
        previous: inputs.previous.clone(),
    };
    if args.fix {
        let fixed = fix_in_memory(&inputs, &options, args.unsafe_fixes);
        if args.dry_run {
            return show_fixes(&fixed, args.quiet);
        }
        if !write_fixes(&fixed, args.quiet) {
            return Ok(ExitStatus::Error);
        }
    }
    let mut checked = lint_with_progress(&inputs.connectors, &options, args.quiet);
    if inputs.with_stats {
        join_statistics(&args.stats, &inputs.config, &mut checked[0])?;
    }
    if let Some(path) = &args.write_baseline {
        return write_baseline(&inputs.config, &mut checked, path);
    }
    apply_policy(&args, &inputs, &mut checked);
    let rule_set = rules::all();
    let mut run = Run::new(&checked, &rule_set, start.elapsed());
    run.fail_on = args.fail_on.threshold();
    report(&args, &run)
}

type PreviousVersions = Option<Arc<std::collections::HashMap<PathBuf, lint::Previous>>>;

/// Everything a check reads before linting: the connectors, the configuration, the
/// baseline, the profiles and the previous versions.
struct Inputs {
    connectors: Vec<ConnectorFiles>,
    config: config::Loaded,
    baseline: Option<(Baseline, PathBuf)>,
    profiles: Vec<(PathBuf, Profile)>,
    with_stats: bool,
    previous: PreviousVersions,
}

impl Inputs {
    fn gather(args: &CheckArgs) -> Result<Inputs> {
        let (paths, connectors) = super::connectors(&args.paths)?;
        let config = super::configuration(args.config.as_deref(), &paths[0])?;
        let baseline = match &args.baseline {
            Some(path) => Some((Baseline::load(path)?, path.clone())),
            None => None,
        };
        let profiles: Vec<(PathBuf, Profile)> = connectors
            .iter()
            .filter_map(|c| {
                let p = args
                    .profile
                    .map(Profile::from)
                    .or_else(|| config.for_connector(&c.dir).profile)?;
                Some((c.dir.clone(), p))
            })
            .collect();
        let with_stats = !args.stats.files.is_empty();
        if with_stats && connectors.len() != 1 {
            return Err(Failure(format!(
                "--stats belongs to one connector, but {} were found; name the connector's folder",
                connectors.len()
            )));
        }
        let previous = previous_versions(args, &connectors)?;
        Ok(Inputs {
            connectors,
            config,
            baseline,
            profiles,
            with_stats,
            previous,
        })
    }

    fn policy(&self) -> Policy<'_> {
        Policy {
            config: &self.config,
            baseline: self.baseline.as_ref().map(|(b, p)| (b, p.clone())),
        }
    }
}

/// The previous versions `--previous` or `--previous-ref` name, by current definition.
fn previous_versions(args: &CheckArgs, connectors: &[ConnectorFiles]) -> Result<PreviousVersions> {
    let mut out = std::collections::HashMap::new();
    if let Some(path) = &args.previous {
        let [connector] = connectors else {
            return Err(Failure(format!(
                "--previous compares one connector, but {} were found; name the connector's folder",
                connectors.len()
            )));
        };
        let Some(current) = &connector.definition else {
            return Err(Failure(format!(
                "{}: no definition to compare",
                connector.dir.display()
            )));
        };
        let found = connlint::discover::discover(std::slice::from_ref(path))
            .map_err(|e| format!("--previous: {e}"))?;
        let old = found
            .first()
            .filter(|_| found.len() == 1)
            .ok_or_else(|| format!("--previous {}: not one connector", path.display()))?;
        let read = |p: &Path| {
            std::fs::read_to_string(p)
                .map_err(|e| format!("--previous: cannot read {}: {e}", p.display()))
        };
        let definition = old
            .definition
            .as_deref()
            .ok_or_else(|| format!("--previous {}: no definition there", path.display()))?;
        out.insert(
            current.clone(),
            lint::Previous {
                source: definition.display().to_string(),
                definition: read(definition)?,
                properties: old.properties.as_deref().map(read).transpose()?,
            },
        );
    } else if let Some(rev) = &args.previous_ref {
        use rayon::prelude::*;
        // One `git show` per file: run them side by side.
        let found: Vec<Option<(PathBuf, lint::Previous)>> = connectors
            .par_iter()
            .map(|c| {
                let Some(current) = &c.definition else {
                    return Ok(None);
                };
                let Some(definition) = git_show(rev, current)? else {
                    return Ok(None);
                };
                let properties = match &c.properties {
                    Some(p) => git_show(rev, p)?,
                    None => None,
                };
                let previous = lint::Previous {
                    source: rev.clone(),
                    definition,
                    properties,
                };
                Ok(Some((current.clone(), previous)))
            })
            .collect::<std::result::Result<_, String>>()?;
        out.extend(found.into_iter().flatten());
    } else {
        return Ok(None);
    }
    Ok(Some(Arc::new(out)))
}

/// A file's content at a git revision; `None` when the file did not exist there.
fn git_show(rev: &str, path: &Path) -> std::result::Result<Option<String>, String> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let out = std::process::Command::new("git")
        // git's messages are matched below: keep them untranslated.
        .env("LC_ALL", "C")
        .arg("-C")
        .arg(dir)
        .arg("show")
        .arg(format!("{rev}:./{name}"))
        .output()
        .map_err(|e| format!("--previous-ref: cannot run git: {e}"))?;
    if out.status.success() {
        return String::from_utf8(out.stdout)
            .map(Some)
            .map_err(|_| format!("{rev}:{}: not UTF-8 text", path.display()));
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    // The file is new since `rev`: nothing to compare.
    if stderr.contains("does not exist in") || stderr.contains("exists on disk, but not in") {
        return Ok(None);
    }
    Err(format!(
        "--previous-ref {rev}: git show failed for {}: {}",
        path.display(),
        stderr.trim()
    ))
}

/// `--fix`: fixes every connector in memory, in parallel (each on its own: they share no
/// file).
fn fix_in_memory(inputs: &Inputs, options: &LintOptions, unsafe_fixes: bool) -> fix::Outcome {
    use rayon::prelude::*;
    let policy = inputs.policy();
    let selection = fix::Selection { unsafe_fixes };
    inputs
        .connectors
        .par_iter()
        .map(|c| fix::fix_connector(c, options, &policy, selection))
        .reduce(fix::Outcome::default, |mut a, b| {
            a.merge(b);
            a
        })
}

fn report_refused(fixed: &fix::Outcome) {
    for (path, why) in &fixed.refused {
        eprintln_inert!("connlint: {}: {why}", path.display());
    }
    if fixed.unsettled {
        eprintln_inert!(
            "connlint: warning: fixes were still changing the files after {} passes; run again and check the result",
            fix::MAX_PASSES
        );
    }
}

/// `--fix --dry-run`: the changes as a unified diff on standard output.
fn show_fixes(fixed: &fix::Outcome, quiet: bool) -> Outcome {
    let mut diff = String::new();
    for (path, (before, after)) in &fixed.files {
        diff.push_str(&connlint::fsutil::unified_diff(before, after, path, false));
    }
    super::print(&diff)?;
    report_refused(fixed);
    if !quiet {
        eprintln_inert!(
            "connlint: would apply {} to {} (nothing written)",
            plural(fixed.applied, "fix", "fixes"),
            plural(fixed.files.len(), "file", "files")
        );
    }
    Ok(if fixed.files.is_empty() {
        ExitStatus::Success
    } else {
        ExitStatus::Findings
    })
}

/// `--fix`: writes every fixed file atomically. `false` when a file could not be
/// written (the others are).
fn write_fixes(fixed: &fix::Outcome, quiet: bool) -> bool {
    let mut ok = true;
    let mut written = 0;
    for (path, (_, after)) in &fixed.files {
        match connlint::fsutil::write_atomic(path, after.as_bytes()) {
            Ok(()) => written += 1,
            Err(e) => {
                eprintln_inert!("connlint: cannot write {}: {e}", path.display());
                ok = false;
            }
        }
    }
    report_refused(fixed);
    if !quiet && (fixed.applied > 0 || written > 0) {
        eprintln_inert!(
            "connlint: applied {} to {}",
            plural(fixed.applied, "fix", "fixes"),
            plural(written, "file", "files")
        );
    }
    ok
}

/// Lints every connector, with a progress line on a terminal; prints the notes.
fn lint_with_progress(
    connectors: &[ConnectorFiles],
    options: &LintOptions,
    quiet: bool,
) -> Vec<CheckedConnector> {
    let progress = Progress::new(connectors.len(), quiet);
    let checked = lint::lint_all_with_progress(connectors, options, &|| progress.tick());
    progress.finish();
    for note in checked.iter().flat_map(|c| &c.notes) {
        eprintln_inert!("connlint: warning: {note}");
    }
    checked
}

/// `--stats`: the statistics joined with the connector, as findings of the statistics
/// rules.
fn join_statistics(
    input: &StatsInput,
    config: &config::Loaded,
    connector: &mut CheckedConnector,
) -> Result<()> {
    let report = input.read_for(connector)?;
    if let Some(def) = &connector.definition {
        let thresholds = config.config.thresholds.to_thresholds();
        let found =
            rules::check_statistics(&rules::StatisticsContext::new(def, &report, &thresholds));
        connector.add_definition_findings(found);
    }
    super::warn_stats(&report);
    Ok(())
}

/// `--write-baseline`: records what would be shown (severities and suppressions apply
/// first).
fn write_baseline(
    config: &config::Loaded,
    checked: &mut [CheckedConnector],
    path: &Path,
) -> Outcome {
    policy::apply(
        checked,
        &Policy {
            config,
            baseline: None,
        },
    );
    let recorded = Baseline::record(checked, path);
    let total: usize = recorded.findings.iter().map(|e| e.count).sum();
    connlint::fsutil::write_atomic(path, recorded.to_json().as_bytes())
        .map_err(|e| Failure(format!("cannot write {}: {e}", path.display())))?;
    eprintln_inert!(
        "connlint: recorded {total} findings in {}; check with --baseline {} to see only new ones",
        path.display(),
        path.display()
    );
    Ok(ExitStatus::Success)
}

/// Severities, suppressions and the baseline; prints what they hid and what is stale.
fn apply_policy(args: &CheckArgs, inputs: &Inputs, checked: &mut [CheckedConnector]) {
    let outcome = policy::apply(checked, &inputs.policy());
    for unused in &outcome.unused_config_ignores {
        let file = inputs
            .config
            .path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        eprintln_inert!("connlint: warning: {file}: {unused}");
    }
    if !outcome.stale_baseline.is_empty() {
        eprintln_inert!(
            "connlint: {} baseline entries no longer occur (fixed, or moved); re-run with --write-baseline to drop them:",
            outcome.stale_baseline.len()
        );
        for e in outcome.stale_baseline.iter().take(20) {
            eprintln_inert!(
                "  {} {} {}",
                e.rule,
                e.file,
                e.pointer.as_deref().unwrap_or("")
            );
        }
    }
    if !args.quiet
        && (outcome.suppressed > 0 || outcome.baselined > 0)
        && args.format == OutputFormat::Pretty
    {
        eprintln_inert!(
            "connlint: {} findings suppressed, {} hidden by the baseline",
            outcome.suppressed,
            outcome.baselined
        );
    }
}

/// Writes the `--output-format` files, the GitHub job summary and standard output; the
/// exit status follows `--fail-on`.
fn report(args: &CheckArgs, run: &Run) -> Outcome {
    let mut written = true;
    for (format, path) in &args.output_format {
        let text = render(run, *format, false, false);
        if let Err(e) = connlint::fsutil::write_atomic(path, text.as_bytes()) {
            eprintln_inert!("connlint: cannot write {}: {e}", path.display());
            written = false;
        }
    }
    if args.uses(OutputFormat::Github) {
        write_job_summary(run);
    }
    if args.format == OutputFormat::Json {
        // Streamed: the JSON of a large run is never held in memory as one string.
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
        match report::json::write(run, &mut out).and_then(|_| out.flush()) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
            Err(e) => return Err(Failure(format!("cannot write output: {e}"))),
        }
    } else {
        super::print(&render(run, args.format, args.color.enabled(), args.quiet))?;
    }
    if !written {
        return Ok(ExitStatus::Error);
    }
    let failing = run
        .connectors
        .iter()
        .flat_map(|c| &c.findings)
        .any(|f| run.fails(f.diagnostic.severity));
    Ok(if failing {
        ExitStatus::Findings
    } else {
        ExitStatus::Success
    })
}

/// Appends the job summary to `$GITHUB_STEP_SUMMARY`, when it is set.
fn write_job_summary(run: &Run) {
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) else {
        return;
    };
    let summary = report::github::summary(run);
    let appended = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .and_then(|mut f| f.write_all(summary.as_bytes()));
    if let Err(e) = appended {
        eprintln_inert!(
            "connlint: cannot write the job summary to {}: {e}",
            PathBuf::from(path).display()
        );
    }
}

/// Renders a run in one format.
fn render(run: &Run, format: OutputFormat, color: bool, quiet: bool) -> String {
    match format {
        OutputFormat::Json => report::json::render(run),
        OutputFormat::Sarif => report::sarif::render(run),
        OutputFormat::Github => report::github::render(run),
        OutputFormat::AzureDevops => report::azure::render(run),
        OutputFormat::Junit => report::junit::render(run),
        OutputFormat::Checkstyle => report::checkstyle::render(run),
        OutputFormat::Pretty => {
            let style = pretty::Style {
                color,
                width: super::terminal_width(),
            };
            let mut text = String::new();
            for c in run.connectors {
                text.push_str(&pretty::render_connector(c, style));
            }
            if !quiet {
                text.push_str(&pretty::render_summary(run));
            }
            text
        }
    }
}

/// A progress line on standard error for long runs, only when it is a terminal.
struct Progress {
    total: usize,
    done: std::sync::atomic::AtomicUsize,
    enabled: bool,
}

impl Progress {
    fn new(total: usize, quiet: bool) -> Progress {
        Progress {
            total,
            done: std::sync::atomic::AtomicUsize::new(0),
            enabled: !quiet && total >= 20 && std::io::stderr().is_terminal(),
        }
    }
    fn tick(&self) {
        let done = self.done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        if self.enabled && (done.is_multiple_of(16) || done == self.total) {
            eprint!("\rconnlint: {done}/{} connectors", self.total);
        }
    }
    fn finish(&self) {
        if self.enabled {
            eprint!("\r\x1b[2K");
        }
    }
}
