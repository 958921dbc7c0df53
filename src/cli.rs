//! The command line: argument parsing and the commands.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};

use crate::diagnostic::Severity;
use crate::discover;
use crate::lint::{self, CheckedConnector, LintOptions};
use crate::report::{self, pretty, Run};
use crate::rules;

/// Lint Microsoft Power Platform connectors: definitions, certification checks and
/// observed error statistics.
#[derive(Parser, Debug)]
#[command(name = "connlint", version, about, long_about = None)]
#[command(
    after_help = "Examples:\n  connlint check fixtures/demo\n  connlint check certified-connectors/ --format json\n  connlint rules\n  connlint explain missing-error-responses"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Lint connectors: a connector folder, a definition file, or every connector below a directory.
    #[command(
        after_help = "Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage error, path not found, or connlint failed."
    )]
    Check(CheckArgs),
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
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Connector folders, definition files, or directories to search. Default: the current directory.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Pretty)]
    pub format: OutputFormat,
    /// Exit with 1 when a finding at or above this severity is reported.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// When to use colors in pretty output (auto: on a terminal, unless NO_COLOR is set).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Print only findings, not the summary line.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    Pretty,
    Json,
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
        Command::Rules { format } => list_rules(format),
        Command::Explain { rule } => explain(&rule),
    }
}

fn print(text: &str) -> ExitStatus {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => ExitStatus::Success,
        // A closed pipe (`| head`) is not a failure of the lint.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitStatus::Success,
        Err(e) => {
            eprintln!("connlint: cannot write output: {e}");
            ExitStatus::Error
        }
    }
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
            eprintln!("connlint: {e}");
            return ExitStatus::Error;
        }
    };
    if connectors.is_empty() {
        eprintln!(
            "connlint: no connector found in {} (looked for apiDefinition.swagger.json or apiProperties.json)",
            paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
        );
        return ExitStatus::Error;
    }
    let options = LintOptions {
        keep_sources: args.format == OutputFormat::Pretty,
        keep_model: false,
    };
    let checked: Vec<CheckedConnector> = lint::lint_all(&connectors, &options);
    let run = Run::new(&checked, start.elapsed());
    let written = match args.format {
        OutputFormat::Json => print(&report::json::render(&run)),
        OutputFormat::Pretty => {
            let style = pretty::Style {
                color: args.color.enabled(),
                width: terminal_width(),
            };
            let mut text = String::new();
            for c in &checked {
                text.push_str(&pretty::render_connector(c, style));
            }
            if !args.quiet {
                text.push_str(&pretty::render_summary(&run));
            }
            print(&text)
        }
    };
    if written == ExitStatus::Error {
        return ExitStatus::Error;
    }
    let failing = args.fail_on.threshold().is_some_and(|t| {
        checked
            .iter()
            .flat_map(|c| &c.findings)
            .any(|f| f.diagnostic.severity >= t)
    });
    if failing {
        ExitStatus::Findings
    } else {
        ExitStatus::Success
    }
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
                        "scope": r.scope,
                        "summary": r.summary,
                        "doc": r.doc_text(),
                    })
                })
                .collect();
            let mut text = serde_json::to_string_pretty(&list).unwrap_or_default();
            text.push('\n');
            print(&text)
        }
        ListFormat::Pretty => {
            let width = all.iter().map(|r| r.id.len()).max().unwrap_or(0);
            let mut text = format!(
                "{:width$}  {:8}  {:10}  summary\n",
                "rule", "severity", "scope"
            );
            for r in all {
                let scope = match r.scope {
                    rules::Scope::File => "file",
                    rules::Scope::Definition => "definition",
                    rules::Scope::Statistics => "statistics",
                };
                text.push_str(&format!(
                    "{:width$}  {:8}  {:10}  {}\n",
                    r.id,
                    r.default_severity.as_str(),
                    scope,
                    r.summary
                ));
            }
            text.push_str("\nconnlint explain RULE prints a rule's documentation.\n");
            print(&text)
        }
    }
}

fn explain(id: &str) -> ExitStatus {
    match rules::find(id) {
        Some(rule) => print(&format!(
            "# {}\n\nDefault severity: {}. {}.\n\n{}\n",
            rule.id,
            rule.default_severity,
            capitalize(rule.summary),
            rule.doc_text().trim_end()
        )),
        None => {
            let suggestion = rules::all()
                .into_iter()
                .map(|r| (edit_distance(id, r.id), r.id))
                .min()
                .filter(|(d, _)| *d <= 4)
                .map(|(_, r)| format!("; did you mean `{r}`?"))
                .unwrap_or_default();
            eprintln!("connlint: unknown rule `{id}`{suggestion} (connlint rules lists them)");
            ExitStatus::Error
        }
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Levenshtein distance, for did-you-mean suggestions.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn distance() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "ab"), 2);
    }
}
