//! `judge verify <problem-dir | folder of problem dirs> [-j N] [--json]`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use judge::JudgeOptions;
use judge::problem::{ProblemPackage, TimeLimitSource};
use judge::time_limit;
use judge::verify::{self, Candidate, Outcome, Skipped};
use serde::Serialize;

use super::table::{self, verdict_style};
use super::{Cli, CliError};

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// A problem package, or a folder of them (a contest archive).
    path: PathBuf,
    /// Submissions judged at once (default: the number of cores).
    #[arg(short = 'j', long)]
    jobs: Option<usize>,
    /// Print one JSON document instead of the table.
    #[arg(long)]
    json: bool,
    /// Limit time by an instruction budget instead of the clock: the same verdict on any machine.
    #[arg(long)]
    deterministic: bool,
}

#[derive(Serialize)]
struct PackageError {
    path: PathBuf,
    error: String,
}

#[derive(Serialize)]
struct Summary {
    problems: usize,
    judged: usize,
    matched: usize,
    mismatched: usize,
    skipped: usize,
    broken_packages: usize,
    wall_seconds: f64,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    summary: &'a Summary,
    results: &'a [Outcome],
    skipped: &'a [Skipped],
    errors: &'a [PackageError],
}

pub fn run(cli: &Cli, args: &VerifyArgs) -> Result<ExitCode, CliError> {
    let started = Instant::now();
    let threads = args
        .jobs
        .unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1)
        })
        .max(1);
    let judge = cli.judge()?;
    let cache = cli.cache_dir();

    let mut packages = Vec::new();
    let mut errors = Vec::new();
    for dir in verify::find_packages(&args.path)? {
        match ProblemPackage::load(&dir) {
            Ok(p) => {
                if !args.json {
                    for w in &p.warnings {
                        eprintln!("{}: warning: {w}", p.id);
                    }
                }
                packages.push(p)
            }
            Err(e) => errors.push(PackageError {
                path: dir,
                error: e.to_string(),
            }),
        }
    }
    if packages.is_empty() && errors.is_empty() {
        return Err(CliError::Usage(format!(
            "{}: no problem package here (no problem.yaml in it or its subfolders)",
            args.path.display()
        )));
    }
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut skipped = Vec::new();
    for (i, package) in packages.iter_mut().enumerate() {
        let (found, skip) = verify::find_submissions(i, package);
        if package.limits.time_limit_source == TimeLimitSource::Default {
            if !args.json {
                eprintln!(
                    "{}: no time limit given; measuring accepted submissions",
                    package.id
                );
            }
            if let Some(slowest) = time_limit::compute(&judge, &cache, package, &found, threads)
                && !args.json
            {
                eprintln!(
                    "{}: time limit {} s = ceil({} × slowest accepted {})",
                    package.id,
                    package.limits.time_limit.as_secs_f64(),
                    package.limits.time_multiplier,
                    table::millis(slowest)
                );
            }
        }
        candidates.extend(found);
        skipped.extend(skip);
    }

    let bar = if args.json {
        ProgressBar::hidden()
    } else {
        ProgressBar::new(candidates.len() as u64)
    };
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} submissions {elapsed} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let options = JudgeOptions {
        run_all: false,
        deterministic: args.deterministic,
        samples_only: false,
    };
    let outcomes = verify::judge_all(&judge, &packages, &candidates, options, threads, &|o| {
        bar.inc(1);
        if !o.matches {
            bar.println(format!(
                "MISMATCH {}: expected {}, got {}",
                o.path.display(),
                o.expected,
                o.got
            ));
        }
    });
    bar.finish_and_clear();

    let mismatched = outcomes.iter().filter(|o| !o.matches).count();
    let summary = Summary {
        problems: packages.len(),
        judged: outcomes.len(),
        matched: outcomes.len() - mismatched,
        mismatched,
        skipped: skipped.len(),
        broken_packages: errors.len(),
        wall_seconds: started.elapsed().as_secs_f64(),
    };
    if args.json {
        let doc = JsonReport {
            summary: &summary,
            results: &outcomes,
            skipped: &skipped,
            errors: &errors,
        };
        let text = serde_json::to_string_pretty(&doc)
            .map_err(|e| CliError::Usage(format!("serialising the report: {e}")))?;
        println!("{text}");
    } else {
        print_table(&outcomes, &skipped, &errors, &summary);
    }
    Ok(if mismatched == 0 && errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn print_table(outcomes: &[Outcome], skipped: &[Skipped], errors: &[PackageError], s: &Summary) {
    let rows: Vec<Vec<String>> = outcomes
        .iter()
        .map(|o| {
            let name = o
                .path
                .iter()
                .rev()
                .take(2)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect::<PathBuf>();
            vec![
                o.problem.clone(),
                name.display().to_string(),
                o.expected.to_string(),
                verdict_style(o.got).apply_to(o.got.code()).to_string(),
                table::millis(o.report.time),
                if o.matches {
                    console::style("ok").green().to_string()
                } else {
                    console::style("MISMATCH").red().bold().to_string()
                },
            ]
        })
        .collect();
    table::print(
        &["problem", "submission", "expected", "got", "time", "result"],
        &rows,
    );
    for sk in skipped {
        println!("skipped {}: {}", sk.path.display(), sk.reason);
    }
    for e in errors {
        println!(
            "{} {}: {}",
            console::style("broken package").red().bold(),
            e.path.display(),
            e.error
        );
    }
    println!(
        "\n{} problems, {} submissions: {} as expected, {} mismatched, {} skipped, {} broken packages ({:.1} s)",
        s.problems, s.judged, s.matched, s.mismatched, s.skipped, s.broken_packages, s.wall_seconds
    );
}
