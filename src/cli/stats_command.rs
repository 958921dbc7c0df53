//! `connlint stats`: the statistics report of one connector.

use std::path::PathBuf;

use connlint::lint::{self, LintOptions};

use super::{ColorChoice, ListFormat, Outcome, StatsInput};

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

pub fn run(args: StatsCommandArgs) -> Outcome {
    let connector = super::one_connector(&args.path)?;
    if args.input.files.is_empty() {
        return Err("give at least one statistics file with --stats FILE"
            .to_string()
            .into());
    }
    let checked = lint::lint_connector(
        &connector,
        &LintOptions {
            keep_model: true,
            ..LintOptions::default()
        },
    );
    let report = args.input.read_for(&checked)?;
    let text = match args.format {
        ListFormat::Json => {
            let mut t = connlint::text::to_json_pretty(&report);
            t.push('\n');
            t
        }
        ListFormat::Pretty => connlint::report::stats::render_pretty(&report, args.color.enabled()),
    };
    super::warn_stats(&report);
    super::print(&text)
}
