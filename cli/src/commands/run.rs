//! `judge run <problem-dir> <source-file>`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use judge::{Event, JudgeOptions, ProblemPackage, Report, Verdict};
use sandbox::Language;

use super::table::{self, verdict_style};
use super::{Cli, CliError};

#[derive(Debug, Args)]
pub struct RunArgs {
    /// The problem package folder.
    problem: PathBuf,
    /// The source file to judge.
    source: PathBuf,
    /// Language id (c, cpp, rust, python, javascript); guessed from the extension if absent.
    #[arg(long)]
    lang: Option<String>,
    /// Run every test even after one fails.
    #[arg(long)]
    all: bool,
    /// Print one JSON document instead of the table.
    #[arg(long)]
    json: bool,
    /// Limit time by an instruction budget instead of the clock: the same verdict on any machine.
    #[arg(long)]
    deterministic: bool,
}

/// The language named by `--lang`, or the one the file name suggests.
pub fn language_of(lang: Option<&str>, source: &std::path::Path) -> Result<Language, CliError> {
    match lang {
        Some(id) => Language::from_id(id).ok_or_else(|| {
            CliError::Usage(format!(
                "unknown language `{id}`; known: {}",
                Language::ALL.map(|l| l.id()).join(", ")
            ))
        }),
        None => Language::from_path(source).ok_or_else(|| {
            CliError::Usage(format!(
                "cannot tell the language of {} from its extension: pass --lang",
                source.display()
            ))
        }),
    }
}

pub fn run(cli: &Cli, args: &RunArgs) -> Result<ExitCode, CliError> {
    let language = language_of(args.lang.as_deref(), &args.source)?;
    let source = std::fs::read(&args.source).map_err(|source| CliError::Read {
        path: args.source.display().to_string(),
        source,
    })?;
    let mut problem = ProblemPackage::load(&args.problem)?;
    judge::time_limit::apply_remembered(&cli.cache_dir(), &mut problem);
    let judge = cli.judge()?;

    let bar = if args.json {
        ProgressBar::hidden()
    } else {
        ProgressBar::new_spinner()
    };
    let mut observe = |event: Event<'_>| match event {
        Event::Compiling => bar.set_message(format!("compiling {language}")),
        Event::Running { total } => {
            bar.set_length(total as u64);
            bar.set_style(
                ProgressStyle::with_template("{bar:30} {pos}/{len} tests {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
        }
        Event::TestFinished { result, .. } => {
            bar.inc(1);
            bar.set_message(format!("{} {}", result.name, result.verdict));
        }
    };
    let report = judge.judge(
        &problem,
        language,
        &source,
        JudgeOptions {
            run_all: args.all,
            deterministic: args.deterministic,
            samples_only: false,
        },
        &mut observe,
    );
    bar.finish_and_clear();

    if args.json {
        let text = serde_json::to_string_pretty(&report)
            .map_err(|e| CliError::Usage(format!("serialising the report: {e}")))?;
        println!("{text}");
    } else {
        print_report(&problem, &report);
    }
    Ok(if report.verdict == Verdict::AC {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn print_report(problem: &ProblemPackage, report: &Report) {
    if !report.tests.is_empty() {
        let rows: Vec<Vec<String>> = report
            .tests
            .iter()
            .map(|t| {
                vec![
                    t.name.clone(),
                    verdict_style(t.verdict)
                        .apply_to(t.verdict.code())
                        .to_string(),
                    table::millis(t.cpu_time),
                    table::mebibytes(t.memory_bytes),
                    t.message.clone().unwrap_or_default(),
                ]
            })
            .collect();
        table::print(&["test", "verdict", "time", "memory", "message"], &rows);
        println!();
    }
    if let Some(msg) = &report.compile_message {
        println!("{msg}");
    }
    if let Some(why) = &report.judge_error {
        println!("judge error: {why}");
    }
    if let Some(failed) = report.tests.iter().find(|t| t.output.is_some())
        && let Some(case) = problem.tests.iter().find(|c| c.name == failed.name)
    {
        let show = |p: &std::path::Path| std::fs::read_to_string(p).unwrap_or_default();
        println!("first failing sample {}:", failed.name);
        println!("--- input\n{}", show(&case.input).trim_end());
        println!("--- expected\n{}", show(&case.answer).trim_end());
        let actual = failed.output.as_deref().unwrap_or("");
        println!("--- your output\n{}", actual.trim_end());
        println!();
    }
    let v = report.verdict;
    println!(
        "{} {} ({})  time {}  memory {}",
        verdict_style(v).apply_to(v.words()),
        verdict_style(v).apply_to(format!("[{}]", v.code())),
        report.language,
        table::millis(report.time),
        table::mebibytes(report.memory_bytes)
    );
}
