//! Shared set-up for the end-to-end tests: one judge per test binary (compiled interpreters are
//! cached in it), the shipped problems, and scratch problems written to a temporary folder.

pub mod proxy;
pub mod service;

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use judge::grading::default_cache_dir;
use judge::{Judge, JudgeOptions, ProblemPackage, Report, Verdict};
use sandbox::{Language, Toolchains};

/// The repository root (the parent of this crate).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from(".."))
}

/// One judge shared by all tests of a binary, using the project's toolchains folder.
pub fn shared_judge() -> Arc<Judge> {
    static JUDGE: OnceLock<Arc<Judge>> = OnceLock::new();
    JUDGE
        .get_or_init(|| {
            let toolchains = Toolchains::new(repo_root().join(".toolchains"));
            Arc::new(Judge::new(toolchains, default_cache_dir()).expect("the sandbox starts"))
        })
        .clone()
}

pub fn judge() -> &'static Judge {
    static JUDGE: OnceLock<Arc<Judge>> = OnceLock::new();
    JUDGE.get_or_init(shared_judge)
}

/// A problem shipped in `problems/`.
pub fn shipped(id: &str) -> ProblemPackage {
    ProblemPackage::load(&repo_root().join("problems").join(id)).expect("shipped problem loads")
}

/// Judges `source` on `problem`, running every test.
pub fn judge_source(problem: &ProblemPackage, language: Language, source: &str) -> Report {
    judge().judge(
        problem,
        language,
        source.as_bytes(),
        JudgeOptions::default(),
        &mut |_| {},
    )
}

/// Asserts the verdict, describing the report when it differs.
pub fn assert_verdict(report: &Report, expected: Verdict, what: &str) {
    assert_eq!(
        report.verdict,
        expected,
        "{what} ({}): got {}\n{}",
        report.language,
        report.verdict,
        describe(report)
    );
}

/// A short account of a report: compile message, judge error, and each test's verdict and
/// reason, with outputs cut short.
pub fn describe(report: &Report) -> String {
    let cut = |s: &str| s.chars().take(300).collect::<String>();
    let mut text = String::new();
    if let Some(m) = &report.compile_message {
        text += &format!("compile message: {}\n", cut(m));
    }
    if let Some(m) = &report.judge_error {
        text += &format!("judge error: {m}\n");
    }
    for t in &report.tests {
        text += &format!(
            "{} {} cpu={:?} wall={:?} mem={} {} {}\n",
            t.name,
            t.verdict,
            t.cpu_time,
            t.wall_time,
            t.memory_bytes,
            t.message.as_deref().unwrap_or(""),
            cut(t.output.as_deref().unwrap_or(""))
        );
    }
    text
}

/// A problem package written to a temporary folder: `tests` are (name, input, answer), secret
/// unless the name starts with `sample/`.
pub struct ScratchProblem {
    _dir: tempfile::TempDir,
    pub package: ProblemPackage,
}

impl ScratchProblem {
    pub fn new(yaml: &str, tests: &[(&str, &[u8], &[u8])]) -> Self {
        Self::with_files(yaml, tests, &[])
    }

    /// A problem with more files in the package, as (path inside the package, content).
    pub fn with_files(yaml: &str, tests: &[(&str, &[u8], &[u8])], files: &[(&str, &str)]) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("scratch");
        std::fs::create_dir_all(root.join("data/secret")).expect("mkdir");
        std::fs::write(root.join("problem.yaml"), yaml).expect("write yaml");
        for (name, input, answer) in tests {
            // Names are below data/secret/ unless they start with sample/.
            let stem = match name.strip_prefix("sample/") {
                Some(_) => root.join("data").join(name),
                None => root.join("data/secret").join(name),
            };
            std::fs::create_dir_all(stem.parent().expect("parent")).expect("mkdir");
            std::fs::write(stem.with_extension("in"), input).expect("write");
            std::fs::write(stem.with_extension("ans"), answer).expect("write");
        }
        for (path, content) in files {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, content).expect("write");
        }
        let package = ProblemPackage::load(&root).expect("scratch problem loads");
        ScratchProblem { _dir: dir, package }
    }
}
