//! The command line, in the binary: clap arguments, the commands over library calls,
//! printing and exit codes. The library never imports it.
//!
//! Each command is a module with its `Args` and a `run` that returns the exit status, or
//! a [`Failure`] that [`run`] prints as `connlint: …` and turns into exit status 2.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use connlint::discover::{self, ConnectorFiles};
use connlint::model::Definition;
use connlint::results::CheckedConnector;
use connlint::stats;
use connlint::syntax::Node;

mod check;
mod intro;
mod load;
mod rules;
mod stats_command;
mod tooltips;

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
    Check(check::CheckArgs),
    /// Observed error statistics joined with the definition: requests, errors by code,
    /// success rates, undocumented errors, deprecated operations still called.
    #[command(
        after_help = "Examples:\n  connlint stats fixtures/demo --stats fixtures/demo/stats.csv\n  connlint stats my-connector --stats requests.csv --stats gateway.json --format json\n  kusto-export | connlint stats my-connector --stats -\n\nExit codes: 0 the report was printed; 2 usage error, unreadable definition or statistics."
    )]
    Stats(stats_command::StatsCommandArgs),
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
    Intro(intro::IntroArgs),
    /// Suggest labels (x-ms-summary) and tooltips (description) for parameters.
    Tooltips(tooltips::TooltipsArgs),
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

/// A failure that ends a command with exit status 2. [`run`] prints the message as
/// `connlint: {message}`, through [`connlint::text::inert`].
#[derive(Debug)]
pub struct Failure(pub String);

impl From<String> for Failure {
    fn from(message: String) -> Failure {
        Failure(message)
    }
}

/// What a command returns.
pub type Outcome = Result<ExitStatus>;

/// A step of a command that can fail.
pub type Result<T> = std::result::Result<T, Failure>;

pub fn run(cli: Cli) -> ExitStatus {
    let outcome = match cli.command {
        Command::Check(args) => check::run(args),
        Command::Intro(args) => intro::run(&args),
        Command::Tooltips(args) => tooltips::run(&args),
        Command::Stats(args) => stats_command::run(args),
        Command::Rules { format } => rules::list(format),
        Command::Explain { rule } => rules::explain(&rule),
        Command::Completions { shell } => {
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "connlint", &mut buf);
            print(&String::from_utf8_lossy(&buf))
        }
        Command::ConfigSchema => print(&connlint::config::schema()),
        Command::Man => {
            let mut buf = Vec::new();
            match clap_mangen::Man::new(Cli::command()).render(&mut buf) {
                Ok(()) => print(&String::from_utf8_lossy(&buf)),
                Err(e) => Err(Failure(format!("cannot render the manual: {e}"))),
            }
        }
    };
    outcome.unwrap_or_else(|Failure(message)| {
        connlint::eprintln_inert!("connlint: {message}");
        ExitStatus::Error
    })
}

/// Prints text that connlint made safe itself (reports, rule docs, schemas) on standard
/// output. A closed pipe (`| head`) is not a failure.
fn print(text: &str) -> Outcome {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(ExitStatus::Success),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitStatus::Success),
        Err(e) => Err(Failure(format!("cannot write output: {e}"))),
    }
}

/// Prints generated text that quotes the connector (Markdown, diffs, JSON): through
/// [`connlint::text::inert`], so it cannot act on a terminal or a CI log.
fn print_inert(text: &str) -> Outcome {
    print(&connlint::text::inert(text))
}

/// The connectors the paths hold (the current directory when there are none): the one
/// discovery path of every command.
fn connectors(paths: &[PathBuf]) -> Result<(Vec<PathBuf>, Vec<ConnectorFiles>)> {
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
    Ok((paths, found))
}

/// The one connector a path names (`stats`, `--previous`).
fn one_connector(path: &Path) -> Result<ConnectorFiles> {
    let found = discover::discover(std::slice::from_ref(&path.to_path_buf()))
        .map_err(|e| Failure(e.to_string()))?;
    match <[ConnectorFiles; 1]>::try_from(found) {
        Ok([c]) => Ok(c),
        Err(found) => Err(Failure(format!(
            "{} holds {} connectors; name one connector's folder or definition",
            path.display(),
            found.len()
        ))),
    }
}

/// The configuration: `--config FILE`, else `connlint.toml` in the first path's folder or
/// above, else the defaults.
fn configuration(file: Option<&Path>, first_path: &Path) -> Result<connlint::config::Loaded> {
    let loaded = match file {
        Some(path) => connlint::config::load(path),
        None => match connlint::config::find(first_path) {
            Some(path) => connlint::config::load(&path),
            None => Ok(connlint::config::Loaded::default()),
        },
    };
    loaded.map_err(Failure)
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

    /// Reads every statistics file against one connector's definition: the one
    /// statistics-input path of every command. `None` when no file was given.
    fn read(
        &self,
        definition: &Definition,
        properties: Option<&Node>,
    ) -> Result<Option<stats::StatsReport>> {
        if self.files.is_empty() {
            return Ok(None);
        }
        let options = self.options();
        let mut analysis = stats::Analysis::new(definition, properties, &options);
        for file in &self.files {
            let added = if file.as_os_str() == "-" {
                analysis.add_reader(Path::new("<stdin>"), std::io::stdin().lock())
            } else {
                analysis.add_file(file)
            };
            added.map_err(|e| Failure(e.to_string()))?;
        }
        Ok(Some(analysis.finish()))
    }

    /// [`StatsInput::read`] for a linted connector, whose model was kept.
    fn read_for(&self, connector: &CheckedConnector) -> Result<stats::StatsReport> {
        let Some(def) = &connector.definition else {
            return Err(Failure(format!(
                "{}: the definition could not be read, so statistics cannot be matched to operations (connlint check shows why)",
                connector.dir.display()
            )));
        };
        self.read(def, connector.properties.as_ref())?
            .ok_or_else(|| Failure("give at least one statistics file with --stats FILE".into()))
    }
}

fn parse_stats_format(s: &str) -> std::result::Result<stats::StatsFormat, String> {
    s.parse()
}

/// Prints the warnings of a statistics report on standard error.
fn warn_stats(report: &stats::StatsReport) {
    for warning in &report.warnings {
        connlint::eprintln_inert!("connlint: warning: {warning}");
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListFormat {
    Pretty,
    Json,
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

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|w: &usize| *w >= 40)
        .unwrap_or(100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
