//! The command line: argument parsing and the commands.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use crate::diagnostic::{Applicability, Severity};
use crate::discover;
use crate::lint::{self, CheckedConnector, LintOptions};
use crate::report::{self, pretty, Run};
use crate::rules;
use crate::stats;

/// Lint Microsoft Power Platform connectors: definitions, certification checks and
/// observed error statistics.
#[derive(Parser, Debug)]
#[command(name = "connlint", version, about, long_about = None)]
#[command(
    after_help = "Examples:\n  connlint check fixtures/demo\n  connlint check certified-connectors/ --format json\n  connlint check fixtures/demo --fix --dry-run\n  connlint rules\n  connlint explain missing-error-responses"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Lint connectors: a connector folder, a definition file, every connector below a
    /// directory, or a certification package (.zip).
    #[command(
        after_help = "Examples:\n  connlint check my-connector\n  connlint check my-connector --fix --dry-run\n  connlint check certified-connectors/ --previous-ref origin/main\n  connlint check package.zip\n\nExit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage error, path not found, a file --fix cannot write, or connlint failed. With --fix --dry-run: 1 when there are changes to make, 0 when there are none."
    )]
    Check(CheckArgs),
    /// Observed error statistics joined with the definition: requests, errors by code,
    /// success rates, undocumented errors, deprecated operations still called.
    #[command(
        after_help = "Examples:\n  connlint stats fixtures/demo --stats fixtures/demo/stats.csv\n  connlint stats my-connector --stats requests.csv --stats gateway.json --format json\n  kusto-export | connlint stats my-connector --stats -\n\nExit codes: 0 the report was printed; 2 usage error, unreadable definition or statistics."
    )]
    Stats(StatsCommandArgs),
    /// List the rules.
    Rules {
        #[arg(long, value_enum, default_value_t = ListFormat::Pretty)]
        format: ListFormat,
    },
    /// Print a rule's documentation, with a failing and a passing example.
    Explain {
        /// The rule id, e.g. missing-error-responses.
        rule: String,
    },
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    #[command(
        after_help = "Example:\n  connlint completions bash > ~/.local/share/bash-completion/completions/connlint"
    )]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the JSON schema of connlint.toml, generated from the code.
    ConfigSchema,
    /// Print the manual page (roff), generated from this command line's definition.
    #[command(after_help = "Example:\n  connlint man > connlint.1 && man ./connlint.1")]
    Man,
    /// Generate the "Known issues and limitations" section of intro.md or readme.md.
    Intro(crate::docgen::IntroArgs),
    /// Suggest labels (x-ms-summary) and tooltips (description) for parameters.
    Tooltips(crate::docgen::TooltipsArgs),
}

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

impl From<ProfileArg> for rules::Profile {
    fn from(p: ProfileArg) -> rules::Profile {
        match p {
            ProfileArg::Certified => rules::Profile::Certified,
            ProfileArg::IndependentPublisher => rules::Profile::IndependentPublisher,
            ProfileArg::Custom => rules::Profile::Custom,
        }
    }
}

/// Where observed statistics come from, and how to count them.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct StatsInput {
    /// A statistics file (canonical CSV/JSON, KQL results, App Insights, API Management,
    /// HAR, W3C/IIS, OpenTelemetry; detected from the content). Repeatable; `-` reads
    /// standard input.
    #[arg(long = "stats", value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Force the statistics format instead of detecting it: canonical, kql-json,
    /// appinsights-requests, apim, custom-events, har, w3c, otlp-spans, otlp-metrics.
    #[arg(long, value_name = "FORMAT", value_parser = parse_stats_format)]
    pub stats_format: Option<stats::StatsFormat>,
    /// Length of the window that ends at the newest timestamp (or --as-of), like the
    /// certification page's "monthly".
    #[arg(long, value_name = "LENGTH", default_value = "30d", value_parser = stats::parse_window_length)]
    pub window: std::time::Duration,
    /// End of the window (default: the newest timestamp in the data).
    #[arg(long, value_name = "DATE", value_parser = stats::parse_as_of)]
    pub as_of: Option<stats::Timestamp>,
    /// Report bad rows as warnings, with a count, instead of stopping.
    #[arg(long)]
    pub skip_bad_rows: bool,
    /// Statuses that mean throttling, left out of both sides of the success rates.
    #[arg(
        long,
        value_name = "CODES",
        value_delimiter = ',',
        default_value = "429"
    )]
    pub throttling: Vec<u16>,
    /// API Management diagnostics sampling percentage (each logged row then counts for
    /// 100/percent requests).
    #[arg(long, value_name = "PERCENT")]
    pub apim_sampling: Option<f64>,
    /// A path prefix to strip before matching, besides basePath (e.g. an APIM API suffix). Repeatable.
    #[arg(long = "strip-prefix", value_name = "PREFIX")]
    pub strip_prefixes: Vec<String>,
    /// Unmatched paths to report as ignored (glob with * and ?), e.g. /health. Repeatable.
    #[arg(long = "ignore-path", value_name = "GLOB")]
    pub ignore_paths: Vec<String>,
}

impl StatsInput {
    fn options(&self) -> stats::StatsOptions {
        stats::StatsOptions {
            format: self.stats_format,
            window: self.window,
            as_of: self.as_of,
            throttling_codes: self.throttling.clone(),
            skip_bad_rows: self.skip_bad_rows,
            apim_sampling_percent: self.apim_sampling,
            strip_prefixes: self.strip_prefixes.clone(),
            ignore_paths: self.ignore_paths.clone(),
            ..stats::StatsOptions::default()
        }
    }

    /// Reads every statistics file against one connector's model.
    fn analyze(&self, connector: &CheckedConnector) -> Result<stats::StatsReport, String> {
        let Some(def) = &connector.definition else {
            return Err(format!(
                "{}: the definition could not be read, so statistics cannot be matched to operations (connlint check shows why)",
                connector.dir.display()
            ));
        };
        let options = self.options();
        let mut analysis = stats::Analysis::new(def, connector.properties.as_ref(), &options);
        for file in &self.files {
            let added = if file.as_os_str() == "-" {
                analysis.add_reader(std::path::Path::new("<stdin>"), std::io::stdin().lock())
            } else {
                analysis.add_file(file)
            };
            added.map_err(|e| e.to_string())?;
        }
        Ok(analysis.finish())
    }
}

fn parse_stats_format(s: &str) -> Result<stats::StatsFormat, String> {
    s.parse()
}

#[derive(clap::Args, Debug)]
pub struct StatsCommandArgs {
    /// The connector: its folder or its definition file.
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    #[command(flatten)]
    pub input: StatsInput,
    #[arg(long, value_enum, default_value_t = ListFormat::Pretty)]
    pub format: ListFormat,
    /// When to use colors (auto: on a terminal, unless NO_COLOR is set).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
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

fn parse_output(s: &str) -> Result<(OutputFormat, PathBuf), String> {
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
pub enum ListFormat {
    Pretty,
    Json,
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

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}

/// Exit statuses, documented in the README.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Nothing at or above `--fail-on`.
    Success = 0,
    /// Findings at or above `--fail-on`.
    Findings = 1,
    /// Usage error, path not found, or connlint itself failed.
    Error = 2,
}

impl From<ExitStatus> for ExitCode {
    fn from(s: ExitStatus) -> ExitCode {
        ExitCode::from(s as u8)
    }
}

pub fn run(cli: Cli) -> ExitStatus {
    match cli.command {
        Command::Check(args) => check(args),
        Command::Intro(args) => crate::docgen::command::intro(args),
        Command::Tooltips(args) => crate::docgen::command::tooltips(args),
        Command::Stats(args) => stats_command(args),
        Command::Rules { format } => list_rules(format),
        Command::Explain { rule } => explain(&rule),
        Command::Completions { shell } => {
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "connlint", &mut buf);
            print(&String::from_utf8_lossy(&buf))
        }
        Command::ConfigSchema => print(&crate::config::schema()),
        Command::Man => {
            let mut buf = Vec::new();
            match clap_mangen::Man::new(Cli::command()).render(&mut buf) {
                Ok(()) => print(&String::from_utf8_lossy(&buf)),
                Err(e) => {
                    crate::eprintln_inert!("connlint: cannot render the manual: {e}");
                    ExitStatus::Error
                }
            }
        }
    }
}

fn print(text: &str) -> ExitStatus {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => ExitStatus::Success,
        // A closed pipe (`| head`) is not a failure of the lint.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitStatus::Success,
        Err(e) => {
            crate::eprintln_inert!("connlint: cannot write output: {e}");
            ExitStatus::Error
        }
    }
}

type PreviousVersions = Option<std::sync::Arc<std::collections::HashMap<PathBuf, lint::Previous>>>;

/// The previous versions `--previous` or `--previous-ref` name, by current definition.
fn previous_versions(
    args: &CheckArgs,
    connectors: &[discover::ConnectorFiles],
) -> Result<PreviousVersions, String> {
    let mut out = std::collections::HashMap::new();
    if let Some(path) = &args.previous {
        let [connector] = connectors else {
            return Err(format!(
                "--previous compares one connector, but {} were found; name the connector's folder",
                connectors.len()
            ));
        };
        let Some(current) = &connector.definition else {
            return Err(format!(
                "{}: no definition to compare",
                connector.dir.display()
            ));
        };
        let found = discover::discover(std::slice::from_ref(path))
            .map_err(|e| format!("--previous: {e}"))?;
        let old = found
            .first()
            .filter(|_| found.len() == 1)
            .ok_or_else(|| format!("--previous {}: not one connector", path.display()))?;
        let read = |p: &std::path::Path| {
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
            .collect::<Result<_, String>>()?;
        out.extend(found.into_iter().flatten());
    } else {
        return Ok(None);
    }
    Ok(Some(std::sync::Arc::new(out)))
}

/// A file's content at a git revision; `None` when the file did not exist there.
fn git_show(rev: &str, path: &std::path::Path) -> Result<Option<String>, String> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => std::path::Path::new("."),
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

/// Fixes every connector in memory, in parallel (each on its own: they share no file).
fn fix_files(
    connectors: &[discover::ConnectorFiles],
    options: &LintOptions,
    policy: &crate::policy::Policy,
    selection: crate::fix::Selection,
) -> crate::fix::Outcome {
    use rayon::prelude::*;
    connectors
        .par_iter()
        .map(|c| crate::fix::fix_connector(c, options, policy, selection))
        .reduce(crate::fix::Outcome::default, |mut a, b| {
            a.merge(b);
            a
        })
}

fn report_refused(fixed: &crate::fix::Outcome) {
    for (path, why) in &fixed.refused {
        crate::eprintln_inert!("connlint: {}: {why}", path.display());
    }
    if fixed.unsettled {
        crate::eprintln_inert!(
            "connlint: warning: fixes were still changing the files after {} passes; run again and check the result",
            crate::fix::MAX_PASSES
        );
    }
}

/// `--fix --dry-run`: the changes as a unified diff on standard output.
fn show_fixes(fixed: &crate::fix::Outcome, quiet: bool) -> ExitStatus {
    let mut diff = String::new();
    for (path, (before, after)) in &fixed.files {
        diff.push_str(&crate::fsutil::unified_diff(before, after, path, false));
    }
    if print(&diff) == ExitStatus::Error {
        return ExitStatus::Error;
    }
    report_refused(fixed);
    if !quiet {
        crate::eprintln_inert!(
            "connlint: would apply {} to {} (nothing written)",
            crate::text::plural(fixed.applied, "fix", "fixes"),
            crate::text::plural(fixed.files.len(), "file", "files")
        );
    }
    if fixed.files.is_empty() {
        ExitStatus::Success
    } else {
        ExitStatus::Findings
    }
}

/// `--fix`: writes every fixed file atomically.
fn write_fixes(fixed: &crate::fix::Outcome, quiet: bool) -> ExitStatus {
    let mut status = ExitStatus::Success;
    let mut written = 0;
    for (path, (_, after)) in &fixed.files {
        match crate::fsutil::write_atomic(path, after.as_bytes()) {
            Ok(()) => written += 1,
            Err(e) => {
                crate::eprintln_inert!("connlint: cannot write {}: {e}", path.display());
                status = ExitStatus::Error;
            }
        }
    }
    report_refused(fixed);
    if !quiet && (fixed.applied > 0 || written > 0) {
        crate::eprintln_inert!(
            "connlint: applied {} to {}",
            crate::text::plural(fixed.applied, "fix", "fixes"),
            crate::text::plural(written, "file", "files")
        );
    }
    status
}

fn check(args: CheckArgs) -> ExitStatus {
    let start = Instant::now();
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let connectors = match discover::discover(&paths) {
        Ok(c) => c,
        Err(e) => {
            crate::eprintln_inert!("connlint: {e}");
            return ExitStatus::Error;
        }
    };
    if connectors.is_empty() {
        crate::eprintln_inert!(
            "connlint: no connector found in {} (looked for apiDefinition.swagger.json or apiProperties.json)",
            paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
        );
        return ExitStatus::Error;
    }
    let wants_pretty = args.format == OutputFormat::Pretty
        || args
            .output_format
            .iter()
            .any(|(f, _)| *f == OutputFormat::Pretty);
    let config = match &args.config {
        Some(path) => crate::config::load(path),
        None => match crate::config::find(&paths[0]) {
            Some(path) => crate::config::load(&path),
            None => Ok(crate::config::Loaded::default()),
        },
    };
    let config = match config {
        Ok(c) => c,
        Err(e) => {
            crate::eprintln_inert!("connlint: {e}");
            return ExitStatus::Error;
        }
    };
    let baseline = match &args.baseline {
        Some(path) => match crate::policy::Baseline::load(path) {
            Ok(b) => Some((b, path.clone())),
            Err(e) => {
                crate::eprintln_inert!("connlint: {e}");
                return ExitStatus::Error;
            }
        },
        None => None,
    };
    let profiles: Vec<(PathBuf, rules::Profile)> = connectors
        .iter()
        .filter_map(|c| {
            let p = args
                .profile
                .map(rules::Profile::from)
                .or_else(|| config.for_connector(&c.dir).profile)?;
            Some((c.dir.clone(), p))
        })
        .collect();
    let with_stats = !args.stats.files.is_empty();
    if with_stats && connectors.len() != 1 {
        crate::eprintln_inert!(
            "connlint: --stats belongs to one connector, but {} were found; name the connector's folder",
            connectors.len()
        );
        return ExitStatus::Error;
    }
    let previous = match previous_versions(&args, &connectors) {
        Ok(p) => p,
        Err(e) => {
            crate::eprintln_inert!("connlint: {e}");
            return ExitStatus::Error;
        }
    };
    let options = LintOptions {
        keep_sources: wants_pretty,
        keep_model: with_stats,
        profiles,
        overlay: None,
        previous,
    };
    if args.fix {
        let policy = crate::policy::Policy {
            config: &config,
            baseline: baseline.as_ref().map(|(b, p)| (b, p.clone())),
        };
        let selection = crate::fix::Selection {
            unsafe_fixes: args.unsafe_fixes,
        };
        let fixed = fix_files(&connectors, &options, &policy, selection);
        if args.dry_run {
            return show_fixes(&fixed, args.quiet);
        }
        if write_fixes(&fixed, args.quiet) == ExitStatus::Error {
            return ExitStatus::Error;
        }
    }
    let progress = Progress::new(connectors.len(), args.quiet);
    let mut checked: Vec<CheckedConnector> =
        lint::lint_all_with_progress(&connectors, &options, &|| progress.tick());
    progress.finish();
    for note in checked.iter().flat_map(|c| &c.notes) {
        crate::eprintln_inert!("connlint: warning: {note}");
    }
    if with_stats {
        let connector = &mut checked[0];
        let report = match args.stats.analyze(connector) {
            Ok(r) => r,
            Err(e) => {
                crate::eprintln_inert!("connlint: {e}");
                return ExitStatus::Error;
            }
        };
        if let Some(def) = &connector.definition {
            let found = stats::findings(def, &report, &config.config.thresholds.to_thresholds());
            connector.add_definition_findings(found);
        }
        for warning in &report.warnings {
            crate::eprintln_inert!("connlint: warning: {warning}");
        }
    }
    let policy = crate::policy::Policy {
        config: &config,
        baseline: baseline.as_ref().map(|(b, p)| (b, p.clone())),
    };
    if let Some(path) = &args.write_baseline {
        // Severities and suppressions apply first: the baseline records what would be shown.
        crate::policy::apply(
            &mut checked,
            &crate::policy::Policy {
                config: &config,
                baseline: None,
            },
        );
        let recorded = crate::policy::Baseline::record(&checked, path);
        let total: usize = recorded.findings.iter().map(|e| e.count).sum();
        return match crate::fsutil::write_atomic(path, recorded.to_json().as_bytes()) {
            Ok(()) => {
                crate::eprintln_inert!("connlint: recorded {total} findings in {}; check with --baseline {} to see only new ones", path.display(), path.display());
                ExitStatus::Success
            }
            Err(e) => {
                crate::eprintln_inert!("connlint: cannot write {}: {e}", path.display());
                ExitStatus::Error
            }
        };
    }
    let outcome = crate::policy::apply(&mut checked, &policy);
    for unused in &outcome.unused_config_ignores {
        let file = config
            .path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        crate::eprintln_inert!("connlint: warning: {file}: {unused}");
    }
    if !outcome.stale_baseline.is_empty() {
        crate::eprintln_inert!(
            "connlint: {} baseline entries no longer occur (fixed, or moved); re-run with --write-baseline to drop them:",
            outcome.stale_baseline.len()
        );
        for e in outcome.stale_baseline.iter().take(20) {
            crate::eprintln_inert!(
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
        crate::eprintln_inert!(
            "connlint: {} findings suppressed, {} hidden by the baseline",
            outcome.suppressed,
            outcome.baselined
        );
    }
    let mut run = Run::new(&checked, start.elapsed());
    run.fail_on = args.fail_on.threshold();
    let color = args.color.enabled();

    let mut status = ExitStatus::Success;
    for (format, path) in &args.output_format {
        let text = render(&run, *format, false, false);
        if let Err(e) = crate::fsutil::write_atomic(path, text.as_bytes()) {
            crate::eprintln_inert!("connlint: cannot write {}: {e}", path.display());
            status = ExitStatus::Error;
        }
    }
    let uses_github = args.format == OutputFormat::Github
        || args
            .output_format
            .iter()
            .any(|(f, _)| *f == OutputFormat::Github);
    if uses_github {
        if let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) {
            let summary = report::github::summary(&run);
            let appended = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)
                .and_then(|mut f| f.write_all(summary.as_bytes()));
            if let Err(e) = appended {
                crate::eprintln_inert!(
                    "connlint: cannot write the job summary to {}: {e}",
                    PathBuf::from(path).display()
                );
            }
        }
    }
    let printed = if args.format == OutputFormat::Json {
        // Streamed: the JSON of a large run is never held in memory as one string.
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
        match report::json::write(&run, &mut out).and_then(|_| out.flush()) {
            Ok(()) => ExitStatus::Success,
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitStatus::Success,
            Err(e) => {
                crate::eprintln_inert!("connlint: cannot write output: {e}");
                ExitStatus::Error
            }
        }
    } else {
        print(&render(&run, args.format, color, args.quiet))
    };
    if printed == ExitStatus::Error {
        return ExitStatus::Error;
    }
    if status == ExitStatus::Error {
        return status;
    }
    let failing = checked
        .iter()
        .flat_map(|c| &c.findings)
        .any(|f| run.fails(f.diagnostic.severity));
    if failing {
        ExitStatus::Findings
    } else {
        ExitStatus::Success
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
                width: terminal_width(),
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

fn stats_command(args: StatsCommandArgs) -> ExitStatus {
    let connectors = match discover::discover(std::slice::from_ref(&args.path)) {
        Ok(c) => c,
        Err(e) => {
            crate::eprintln_inert!("connlint: {e}");
            return ExitStatus::Error;
        }
    };
    let [connector] = connectors.as_slice() else {
        crate::eprintln_inert!(
            "connlint: {} holds {} connectors; name one connector's folder or definition",
            args.path.display(),
            connectors.len()
        );
        return ExitStatus::Error;
    };
    if args.input.files.is_empty() {
        crate::eprintln_inert!("connlint: give at least one statistics file with --stats FILE");
        return ExitStatus::Error;
    }
    let checked = lint::lint_connector(
        connector,
        &LintOptions {
            keep_model: true,
            ..LintOptions::default()
        },
    );
    let report = match args.input.analyze(&checked) {
        Ok(r) => r,
        Err(e) => {
            crate::eprintln_inert!("connlint: {e}");
            return ExitStatus::Error;
        }
    };
    let text = match args.format {
        ListFormat::Json => {
            let mut t = crate::text::to_json_pretty(&report);
            t.push('\n');
            t
        }
        ListFormat::Pretty => stats::render_pretty(&report, args.color.enabled()),
    };
    for warning in &report.warnings {
        crate::eprintln_inert!("connlint: warning: {warning}");
    }
    print(&text)
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|w: &usize| *w >= 40)
        .unwrap_or(100)
}

fn list_rules(format: ListFormat) -> ExitStatus {
    let all = rules::all();
    match format {
        ListFormat::Json => {
            let list: Vec<_> = all
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "id": r.id,
                        "severity": r.default_severity,
                        "severities": {
                            "certified": r.severity_for(rules::Profile::Certified),
                            "independent-publisher": r.severity_for(rules::Profile::IndependentPublisher),
                            "custom": r.severity_for(rules::Profile::Custom),
                        },
                        "scope": r.scope,
                        "fix": r.fix,
                        "source": r.source,
                        "summary": r.summary,
                        "doc": r.doc_text(),
                    })
                })
                .collect();
            let mut text = crate::text::to_json_pretty(&list);
            text.push('\n');
            print(&text)
        }
        ListFormat::Pretty => {
            let width = all.iter().map(|r| r.id.len()).max().unwrap_or(0);
            let mut text = format!(
                "{:width$}  {:8}  {:8}  {:10}  {:6}  summary\n",
                "rule", "severity", "custom", "scope", "fix"
            );
            for r in all {
                text.push_str(&format!(
                    "{:width$}  {:8}  {:8}  {:10}  {:6}  {}\n",
                    r.id,
                    r.default_severity.as_str(),
                    r.severity_for(rules::Profile::Custom).as_str(),
                    r.scope.as_str(),
                    r.fix.map_or("-", |f| f.as_str()),
                    r.summary
                ));
                if let Some(source) = r.source {
                    text.push_str(&format!("{:width$}  source: {source}\n", ""));
                }
            }
            text.push_str("\n`severity` applies to certified and independent-publisher connectors, `custom` to\ncustom connectors. `fix`: safe fixes are applied by `connlint check --fix`, unsafe\nones only with `--unsafe-fixes`. connlint explain RULE prints a rule's documentation.\n");
            print(&text)
        }
    }
}

fn explain(id: &str) -> ExitStatus {
    match rules::find(id) {
        Some(rule) => {
            let custom = rule.severity_for(rules::Profile::Custom);
            let custom = if custom == rule.default_severity {
                String::new()
            } else {
                format!(" ({custom} for custom connectors)")
            };
            let mut facts = format!(
                "Default severity: {}{custom}. {}.",
                rule.default_severity,
                crate::text::capitalize(rule.summary)
            );
            match rule.fix {
                Some(Applicability::Safe) => facts.push_str(" Fix: safe (`connlint check --fix`)."),
                Some(Applicability::Unsafe) => {
                    facts.push_str(" Fix: unsafe (`connlint check --fix --unsafe-fixes`).")
                }
                None => {}
            }
            if let Some(source) = rule.source {
                facts.push_str(&format!("\nSource: <{source}>"));
            }
            print(&format!(
                "# {}\n\n{facts}\n\n{}\n",
                rule.id,
                rule.doc_text().trim_end()
            ))
        }
        None => {
            let suggestion =
                crate::text::did_you_mean(id, rules::all().into_iter().map(|r| r.id), |_| 4);
            crate::eprintln_inert!(
                "connlint: unknown rule `{id}`{suggestion} (connlint rules lists them)"
            );
            ExitStatus::Error
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
