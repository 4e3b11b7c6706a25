//! `judge languages`: what each language runs on, its version, and whether it is installed.

use std::process::ExitCode;

use sandbox::compile::Artifact;
use sandbox::toolchain::Interpreter;
use sandbox::{Language, Limits, Sandbox};

use super::table;
use super::{Cli, CliError};

/// Every language gets the problem's time limit as it is: no per-language factor is applied,
/// since none has been measured to need one (`judge bench` shows the numbers).
const TIME_FACTOR: f64 = 1.0;

/// Asks a wasm interpreter for its version by running it in the sandbox.
fn interpreter_version(sandbox: &Sandbox, interp: &Interpreter, argv: &[&str]) -> Option<String> {
    let artifact = Artifact {
        wasm: interp.wasm.clone(),
        wasm_hash: interp.hash.clone(),
        argv: argv.iter().map(|s| s.to_string()).collect(),
        mounts: Vec::new(),
    };
    let exe = sandbox.load(&artifact).ok()?;
    let out = sandbox.run(&exe, Vec::new(), &Limits::default()).ok()?;
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    text.lines()
        .find(|l| !l.trim().is_empty())
        .map(|l| l.trim().to_string())
}

pub fn run(cli: &Cli) -> Result<ExitCode, CliError> {
    let judge = cli.judge()?;
    let tc = judge.compiler().toolchains();
    let mut rows = Vec::new();
    for lang in Language::ALL {
        let status = tc.check(lang);
        let version = match lang {
            Language::Python => tc
                .python()
                .ok()
                .and_then(|p| interpreter_version(judge.sandbox(), p, &["python", "--version"])),
            Language::Javascript => tc
                .quickjs()
                .ok()
                .and_then(|q| interpreter_version(judge.sandbox(), q, &["qjs", "-h"])),
            _ => tc.compiler_version(lang),
        };
        rows.push(vec![
            lang.id().to_string(),
            lang.name().to_string(),
            version.unwrap_or_else(|| "-".into()),
            format!("{TIME_FACTOR:.1}"),
            format!(
                "{:.0} G/s",
                judge::grading::instructions_per_second(lang) as f64 / 1e9
            ),
            match status {
                Ok(()) => console::style("installed").green().to_string(),
                Err(e) => console::style(e.to_string()).red().to_string(),
            },
        ]);
    }
    table::print(
        &["id", "language", "version", "time factor", "toolchain"],
        &rows,
    );
    Ok(ExitCode::SUCCESS)
}
