//! The command line: argument parsing, the one error type of the binary, and one module per
//! subcommand.
mod bench;
mod languages;
mod load;
mod run;
mod service;
mod table;
mod verify;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use judge::Judge;
use judge::grading::default_cache_dir;
use sandbox::Toolchains;

#[derive(Debug, Parser)]
#[command(
    name = "judge",
    version,
    about = "An online judge that runs submissions in WebAssembly"
)]
pub struct Cli {
    /// Folder with python.wasm and quickjs.wasm (default: the nearest .toolchains folder).
    #[arg(long, global = true, env = "JUDGE_TOOLCHAINS")]
    toolchains: Option<PathBuf>,
    /// Cache for compiled programs and modules.
    #[arg(long, global = true, env = "JUDGE_CACHE_DIR")]
    cache_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Judge a source file on a problem: samples first, then the secret tests.
    Run(run::RunArgs),
    /// List the languages, their versions and whether each toolchain is installed.
    Languages,
    /// Check that every reference submission gets the verdict its folder promises.
    Verify(verify::VerifyArgs),
    /// Measure the sandbox against native code on this machine.
    Bench(bench::BenchArgs),
    /// Start the HTTP API (with judge workers in-process unless --workers 0).
    Serve(service::ServeArgs),
    /// Start a standalone judge worker; start as many as wanted, on any machine.
    Worker(service::WorkerArgs),
    /// Load a running service and print throughput and latencies.
    Load(load::LoadArgs),
}

/// Everything that can stop a command. Each maps to an exit code; a judged submission that is
/// not accepted is not an error (the run command exits 1 for it).
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Package(#[from] judge::problem::PackageError),
    #[error("{path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{0}")]
    Usage(String),
    #[error("starting the sandbox: {0}")]
    Sandbox(#[from] sandbox::SandboxError),
    #[error("{0}")]
    Bench(String),
    #[error("{0}")]
    Service(String),
}

impl CliError {
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) => 2,
            CliError::Package(_) | CliError::Read { .. } => 3,
            CliError::Sandbox(_) | CliError::Bench(_) => 4,
            CliError::Service(_) => 5,
        }
    }
}

impl Cli {
    fn judge(&self) -> Result<Judge, CliError> {
        let toolchains = match &self.toolchains {
            Some(d) => Toolchains::new(d.clone()),
            None => Toolchains::discover(),
        };
        Ok(Judge::new(toolchains, self.cache_dir())?)
    }

    fn cache_dir(&self) -> PathBuf {
        self.cache_dir.clone().unwrap_or_else(default_cache_dir)
    }
}

pub fn dispatch(cli: Cli) -> Result<ExitCode, CliError> {
    match &cli.command {
        Command::Run(args) => run::run(&cli, args),
        Command::Languages => languages::run(&cli),
        Command::Verify(args) => verify::run(&cli, args),
        Command::Bench(args) => bench::run(&cli, args),
        Command::Serve(args) => service::serve(&cli, args),
        Command::Worker(args) => service::worker(&cli, args),
        Command::Load(args) => load::run(&cli, args),
    }
}
