//! `judge`: judge a source file on a problem package from the command line.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::dispatch(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{} {e}", console::style("error:").red().bold());
            ExitCode::from(e.exit_code())
        }
    }
}
