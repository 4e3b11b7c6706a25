//! `judge verify`: every reference submission in a package's `submissions/<expected verdict>/`
//! must get the verdict its folder promises. Submissions are judged in parallel; CPU-time limits
//! keep parallel runs from stealing each other's time.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use sandbox::Language;
use serde::Serialize;

use crate::grading::{Judge, JudgeOptions, Report};
use crate::problem::{PackageError, ProblemPackage};
use crate::verdict::Verdict;

/// The verdict a `submissions/` folder promises.
pub fn expected_verdict(folder: &str) -> Option<Verdict> {
    Some(match folder {
        "accepted" => Verdict::AC,
        "wrong_answer" => Verdict::WA,
        "time_limit_exceeded" => Verdict::TLE,
        "run_time_error" => Verdict::RTE,
        "memory_limit_exceeded" => Verdict::MLE,
        "output_limit_exceeded" => Verdict::OLE,
        "compile_error" => Verdict::CE,
        _ => return None,
    })
}

/// One reference submission found in a package.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub problem: usize,
    pub path: PathBuf,
    pub expected: Verdict,
    pub language: Language,
}

/// Something in `submissions/` that is not judged, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Skipped {
    pub problem: String,
    pub path: PathBuf,
    pub reason: String,
}

/// The outcome for one submission.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    pub problem: String,
    pub path: PathBuf,
    pub expected: Verdict,
    pub got: Verdict,
    pub matches: bool,
    pub report: Report,
}

/// The problem packages under `root`: `root` itself if it has a problem.yaml, else its
/// subfolders that do (a contest archive), sorted by name.
pub fn find_packages(root: &Path) -> Result<Vec<PathBuf>, PackageError> {
    if root.join("problem.yaml").is_file() {
        return Ok(vec![root.to_path_buf()]);
    }
    let entries = std::fs::read_dir(root).map_err(|source| PackageError::Io {
        path: root.to_path_buf(),
        source,
    })?;
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("problem.yaml").is_file())
        .collect();
    dirs.sort();
    Ok(dirs)
}

/// The reference submissions of `package` (index `problem`), and what is skipped.
pub fn find_submissions(
    problem: usize,
    package: &ProblemPackage,
) -> (Vec<Candidate>, Vec<Skipped>) {
    let mut found = Vec::new();
    let mut skipped = Vec::new();
    let skip = |path: PathBuf, reason: &str| Skipped {
        problem: package.id.clone(),
        path,
        reason: reason.to_string(),
    };
    let Ok(folders) = std::fs::read_dir(package.dir.join("submissions")) else {
        return (found, skipped);
    };
    let mut folders: Vec<PathBuf> = folders.filter_map(|e| e.ok().map(|e| e.path())).collect();
    folders.sort();
    for folder in folders.into_iter().filter(|p| p.is_dir()) {
        let name = folder
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Some(expected) = expected_verdict(&name) else {
            skipped.push(skip(
                folder,
                "unknown submissions folder: its expected verdict is not known",
            ));
            continue;
        };
        let Ok(files) = std::fs::read_dir(&folder) else {
            continue;
        };
        let mut files: Vec<PathBuf> = files.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for path in files {
            if path.is_dir() {
                skipped.push(skip(path, "multi-file submissions are not supported"));
            } else if let Some(language) = Language::from_path(&path) {
                found.push(Candidate {
                    problem,
                    path,
                    expected,
                    language,
                });
            } else {
                skipped.push(skip(path, "language not supported"));
            }
        }
    }
    (found, skipped)
}

/// Judges `candidates` on `threads` threads, calling `done` after each (from any thread).
pub fn judge_all(
    judge: &Judge,
    packages: &[ProblemPackage],
    candidates: &[Candidate],
    options: JudgeOptions,
    threads: usize,
    done: &(dyn Fn(&Outcome) + Sync),
) -> Vec<Outcome> {
    let next = Mutex::new(0usize);
    let results: Mutex<Vec<Option<Outcome>>> = Mutex::new(vec![None; candidates.len()]);
    std::thread::scope(|scope| {
        for _ in 0..threads.max(1) {
            scope.spawn(|| {
                loop {
                    let index = {
                        let mut n = next.lock().unwrap_or_else(|e| e.into_inner());
                        let i = *n;
                        *n += 1;
                        i
                    };
                    let Some(c) = candidates.get(index) else {
                        break;
                    };
                    let outcome = judge_one(judge, &packages[c.problem], c, options);
                    done(&outcome);
                    results.lock().unwrap_or_else(|e| e.into_inner())[index] = Some(outcome);
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .flatten()
        .collect()
}

fn judge_one(
    judge: &Judge,
    package: &ProblemPackage,
    c: &Candidate,
    options: JudgeOptions,
) -> Outcome {
    let report = match std::fs::read(&c.path) {
        Ok(source) => judge.judge(package, c.language, &source, options, &mut |_| {}),
        Err(e) => Report::judge_error(
            &package.id,
            c.language,
            format!("{}: {e}", c.path.display()),
        ),
    };
    Outcome {
        problem: package.id.clone(),
        path: c.path.clone(),
        expected: c.expected,
        got: report.verdict,
        matches: report.verdict == c.expected,
        report,
    }
}
