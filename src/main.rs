use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match connlint::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // --help and --version are not errors.
            return if e.use_stderr() {
                ExitCode::from(connlint::cli::ExitStatus::Error as u8)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    connlint::cli::run(cli).into()
}
