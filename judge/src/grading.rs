//! Grading a submission: compile it once, run it on the problem's tests (samples first), ask the
//! validator about each output, and stop at the first failure as Kattis does. The verdict of each
//! test is decided in `verdict::decide`; the submission's verdict is its first failing test's.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use sandbox::{
    CompileOutput, Compiler, Executable, Language, Limits, Sandbox, SandboxOptions, Toolchains,
};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::problem::{OutputValidator, ProblemPackage, TestCase, TestGroup};
use crate::validator::{self, Judgement, ValidatorFlags};
use crate::verdict::{Verdict, decide};

/// Sample outputs shown to the contestant are cut to this many bytes.
const SHOWN_OUTPUT_BYTES: usize = 64 * 1024;

/// The result of one test.
#[derive(Debug, Clone, Serialize)]
pub struct TestResult {
    pub name: String,
    pub group: TestGroup,
    pub verdict: Verdict,
    #[serde(rename = "cpu_ms", serialize_with = "as_millis")]
    pub cpu_time: Duration,
    #[serde(rename = "wall_ms", serialize_with = "as_millis")]
    pub wall_time: Duration,
    pub memory_bytes: u64,
    /// Instructions executed, in deterministic mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instructions: Option<u64>,
    /// Why the test failed: the validator's feedback or how the program ended.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The program's output, kept for failed samples only (secret data is never shown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output: Option<String>,
}

/// The result of judging a submission.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub problem: String,
    pub language: Language,
    pub verdict: Verdict,
    /// The largest CPU time over the tests run.
    #[serde(rename = "time_ms", serialize_with = "as_millis")]
    pub time: Duration,
    /// The largest peak memory over the tests run.
    pub memory_bytes: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compile_message: Option<String>,
    /// What went wrong on our side, for a JE.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub judge_error: Option<String>,
    pub tests: Vec<TestResult>,
}

impl Report {
    /// An empty report (accepted until a test fails).
    fn start(problem: &str, language: Language) -> Report {
        Report {
            problem: problem.to_string(),
            language,
            verdict: Verdict::AC,
            time: Duration::ZERO,
            memory_bytes: 0,
            compile_message: None,
            judge_error: None,
            tests: Vec::new(),
        }
    }

    /// A report for a submission that could not be judged through no fault of its own.
    pub fn judge_error(problem: &str, language: Language, why: String) -> Report {
        Report {
            verdict: Verdict::JE,
            judge_error: Some(why),
            ..Report::start(problem, language)
        }
    }
}

fn as_millis<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64((d.as_secs_f64() * 1e6).round() / 1e3)
}

/// Progress of a judging, for progress bars and live updates.
pub enum Event<'a> {
    Compiling,
    Running {
        total: usize,
    },
    TestFinished {
        index: usize,
        total: usize,
        result: &'a TestResult,
    },
}

#[derive(Debug, Clone, Copy, Default)]
pub struct JudgeOptions {
    /// Run every test even after one fails.
    pub run_all: bool,
    /// Limit time by an instruction budget instead of the clock (also set per problem).
    pub deterministic: bool,
    /// Only the samples (LeetCode's "Run").
    pub samples_only: bool,
}

/// Instructions (wasmtime fuel units, about one per wasm instruction) a deterministic run gets per
/// second of the problem's time limit, by language. Measured on this project's 2-core machines
/// with `judge run --deterministic --json` (instructions / CPU time): compiled C, C++ and Rust ran
/// 3.5 (sort + map) to 7.3 (recursive fib) G instructions per CPU second; CPython's interpreter
/// loop 5.7 G/s; QuickJS's 13.4 G/s (its instructions are cheaper). Each rate sits at the slow
/// end of its language's range, so a program that fits the limit on the clock fits the budget,
/// and the budget never depends on the machine or its load.
pub fn instructions_per_second(language: Language) -> u64 {
    match language {
        Language::C | Language::Cpp | Language::Rust => 4_000_000_000,
        Language::Python => 5_000_000_000,
        Language::Javascript => 12_000_000_000,
    }
}

/// The engine: a sandbox and a compiler, shared by every submission a process judges.
pub struct Judge {
    sandbox: Sandbox,
    /// The instruction-counting sandbox for deterministic judging, made when first needed
    /// (counting costs time, so ordinary runs do not pay for it).
    counting: OnceLock<Result<Sandbox, String>>,
    cache_dir: PathBuf,
    compiler: Compiler,
    /// Compiled output validators by the hash of their files (or why they did not compile).
    validators: Mutex<HashMap<String, Result<Executable, String>>>,
}

/// How the outputs of one problem are checked, ready to use.
enum Checker {
    Default,
    Custom(Executable),
}

/// `$JUDGE_CACHE_DIR`, else `$XDG_CACHE_HOME/judge`, else `~/.cache/judge`.
pub fn default_cache_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("JUDGE_CACHE_DIR") {
        return PathBuf::from(d);
    }
    if let Some(d) = std::env::var_os("XDG_CACHE_HOME") {
        return PathBuf::from(d).join("judge");
    }
    match std::env::var_os("HOME") {
        Some(h) => PathBuf::from(h).join(".cache/judge"),
        None => std::env::temp_dir().join("judge-cache"),
    }
}

impl Judge {
    /// Asks the problem's checker about one output.
    fn validate(
        &self,
        checker: &Checker,
        test: &TestCase,
        output: &[u8],
        limits: &Limits,
    ) -> Result<Judgement, String> {
        match checker {
            Checker::Default => {
                let answer = std::fs::read(&test.answer)
                    .map_err(|e| format!("{}: {e}", test.answer.display()))?;
                // The flags were checked when the package was loaded.
                let flags = ValidatorFlags::parse(test.validator_args.iter().map(String::as_str))
                    .map_err(|e| e.to_string())?;
                Ok(validator::check(output, &answer, &flags))
            }
            Checker::Custom(exe) => validator::custom::check(
                &self.sandbox,
                exe,
                &test.input,
                &test.answer,
                &test.validator_args,
                output,
                &validator::custom::limits(limits.cpu_time),
            ),
        }
    }

    pub fn new(toolchains: Toolchains, cache_dir: PathBuf) -> Result<Self, sandbox::SandboxError> {
        let sandbox = Sandbox::new(SandboxOptions {
            cache_dir: Some(cache_dir.join("modules")),
            deterministic: false,
        })?;
        Ok(Judge {
            sandbox,
            counting: OnceLock::new(),
            compiler: Compiler::new(toolchains, cache_dir.clone()),
            cache_dir,
            validators: Mutex::new(HashMap::new()),
        })
    }

    /// The sandbox for contestants' programs in the given mode.
    fn sandbox_for(&self, deterministic: bool) -> Result<&Sandbox, String> {
        if !deterministic {
            return Ok(&self.sandbox);
        }
        self.counting
            .get_or_init(|| {
                Sandbox::new(SandboxOptions {
                    cache_dir: Some(self.cache_dir.join("modules")),
                    deterministic: true,
                })
                .map_err(|e| e.to_string())
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The problem's checker, compiling its output validator once. `Err` names the validator
    /// folder and says why it cannot be used.
    fn checker(&self, problem: &ProblemPackage) -> Result<Checker, String> {
        let OutputValidator::Custom {
            dir,
            language,
            files,
        } = &problem.validator
        else {
            return Ok(Checker::Default);
        };
        let mut h = Sha256::new();
        for (name, content) in files {
            h.update(name.as_bytes());
            h.update([0]);
            h.update(content);
        }
        let key = hex::encode(h.finalize());
        let mut cache = self.validators.lock().unwrap_or_else(|e| e.into_inner());
        let entry = cache.entry(key).or_insert_with(|| {
            let broken = |why: String| format!("output validator {}: {why}", dir.display());
            match self.compiler.compile_files(*language, files) {
                Ok(CompileOutput::Program(a)) => self
                    .sandbox
                    .load_tool(&a)
                    .map_err(|e| broken(e.to_string())),
                Ok(CompileOutput::Failed(msg)) => Err(broken(format!("does not compile:\n{msg}"))),
                Err(e) => Err(broken(e.to_string())),
            }
        });
        entry.clone().map(Checker::Custom)
    }

    pub fn sandbox(&self) -> &Sandbox {
        &self.sandbox
    }

    pub fn compiler(&self) -> &Compiler {
        &self.compiler
    }

    /// The limits one test of `problem` runs under. A deterministic run gets an instruction
    /// budget, and a wall-clock guard wide enough that no load on the machine reaches it first.
    pub fn limits_for(
        &self,
        problem: &ProblemPackage,
        language: Language,
        deterministic: bool,
    ) -> Limits {
        let time = problem.limits.time_limit;
        let mut limits = Limits {
            output_bytes: problem.limits.output_bytes,
            ..Limits::new(time, problem.limits.memory_bytes)
        };
        if deterministic {
            let rate = instructions_per_second(language) as f64;
            limits.fuel = Some((time.as_secs_f64() * rate) as u64);
            limits.wall_time = time * 20 + Duration::from_secs(10);
        }
        limits
    }

    /// Judges `source` on `problem`, telling `observe` about progress.
    pub fn judge(
        &self,
        problem: &ProblemPackage,
        language: Language,
        source: &[u8],
        options: JudgeOptions,
        observe: &mut dyn FnMut(Event<'_>),
    ) -> Report {
        let artifact = match self.compile(problem, language, source, observe) {
            Ok(a) => a,
            Err(report) => return *report,
        };
        let mut report = Report::start(&problem.id, language);
        let judge_error = |mut report: Report, why: String| {
            report.verdict = Verdict::JE;
            report.judge_error = Some(why);
            report
        };
        let deterministic = options.deterministic || problem.deterministic;
        let sandbox = match self.sandbox_for(deterministic) {
            Ok(s) => s,
            Err(e) => return judge_error(report, e),
        };
        let exe = match sandbox.load(&artifact) {
            Ok(exe) => exe,
            Err(e) => return judge_error(report, e.to_string()),
        };

        let checker = match self.checker(problem) {
            Ok(c) => c,
            Err(why) => return judge_error(report, why),
        };
        let limits = self.limits_for(problem, language, deterministic);
        let tests: Vec<&TestCase> = problem
            .tests
            .iter()
            .filter(|t| !options.samples_only || t.group == TestGroup::Sample)
            .collect();
        let total = tests.len();
        observe(Event::Running { total });
        for (index, test) in tests.into_iter().enumerate() {
            let result = match self.run_test(sandbox, &exe, test, &checker, &limits) {
                Ok(r) => r,
                Err(why) => return judge_error(report, why),
            };
            report.time = report.time.max(result.cpu_time);
            report.memory_bytes = report.memory_bytes.max(result.memory_bytes);
            observe(Event::TestFinished {
                index,
                total,
                result: &result,
            });
            let failed = result.verdict != Verdict::AC;
            if failed && report.verdict == Verdict::AC {
                report.verdict = result.verdict;
            }
            report.tests.push(result);
            if failed && !options.run_all {
                break;
            }
        }
        report
    }

    /// Compiles a submission, or returns the report that ends its judging (CE, or JE).
    fn compile(
        &self,
        problem: &ProblemPackage,
        language: Language,
        source: &[u8],
        observe: &mut dyn FnMut(Event<'_>),
    ) -> Result<sandbox::Artifact, Box<Report>> {
        observe(Event::Compiling);
        match self.compiler.compile(language, source) {
            Ok(CompileOutput::Program(a)) if language == Language::Python => {
                match self.python_syntax_error(&a) {
                    Some(message) => Err(Box::new(Report {
                        verdict: Verdict::CE,
                        compile_message: Some(message),
                        ..Report::start(&problem.id, language)
                    })),
                    None => Ok(a),
                }
            }
            Ok(CompileOutput::Program(a)) => Ok(a),
            Ok(CompileOutput::Failed(message)) => Err(Box::new(Report {
                verdict: Verdict::CE,
                compile_message: Some(message),
                ..Report::start(&problem.id, language)
            })),
            Err(e) => Err(Box::new(Report::judge_error(
                &problem.id,
                language,
                e.to_string(),
            ))),
        }
    }

    /// Python has no compiler, but a syntax error is a compile error (as on Kattis), not a
    /// crash on the first test: the interpreter compiles the script without running it. A check
    /// that cannot run lets judging go on.
    fn python_syntax_error(&self, program: &sandbox::Artifact) -> Option<String> {
        const CHECK: &str = "import sys\ntry:\n    compile(open(sys.argv[1], 'rb').read(), sys.argv[1], 'exec')\nexcept SyntaxError as e:\n    import traceback\n    traceback.print_exception(e, limit=0)\n    sys.exit(1)\n";
        let script = program.argv.last()?.clone();
        let check = sandbox::Artifact {
            argv: vec![
                "python".into(),
                "-S".into(),
                "-c".into(),
                CHECK.into(),
                script,
            ],
            ..program.clone()
        };
        let exe = self.sandbox.load(&check).ok()?;
        let limits = Limits::new(Duration::from_secs(10), 512 << 20);
        let out = self.sandbox.run(&exe, Vec::new(), &limits).ok()?;
        (out.termination == sandbox::Termination::Exited(1))
            .then(|| String::from_utf8_lossy(&out.stderr).trim_end().to_string())
    }

    /// Runs `source` on an input of the user's own (LeetCode's "Run" with custom input): no
    /// answer to compare with, so the verdict only says whether the program ran within limits;
    /// the report's one test carries the output.
    pub fn judge_custom(
        &self,
        problem: &ProblemPackage,
        language: Language,
        source: &[u8],
        input: &[u8],
        observe: &mut dyn FnMut(Event<'_>),
    ) -> Report {
        let artifact = match self.compile(problem, language, source, observe) {
            Ok(a) => a,
            Err(report) => return *report,
        };
        let mut report = Report::start(&problem.id, language);
        let limits = self.limits_for(problem, language, false);
        let outcome = match self
            .sandbox
            .load(&artifact)
            .and_then(|exe| self.sandbox.run(&exe, input.to_vec(), &limits))
        {
            Ok(o) => o,
            Err(e) => return Report::judge_error(&problem.id, language, e.to_string()),
        };
        observe(Event::Running { total: 1 });
        let (verdict, message) = decide(&outcome, limits.cpu_time, |_| Ok(Judgement::Accepted));
        let end = outcome.stdout.len().min(SHOWN_OUTPUT_BYTES);
        let result = TestResult {
            name: "custom".into(),
            group: TestGroup::Sample,
            verdict,
            cpu_time: outcome.cpu_time,
            wall_time: outcome.wall_time,
            memory_bytes: outcome.peak_memory,
            instructions: None,
            message,
            output: Some(String::from_utf8_lossy(&outcome.stdout[..end]).into_owned()),
        };
        observe(Event::TestFinished {
            index: 0,
            total: 1,
            result: &result,
        });
        report.verdict = verdict;
        report.time = result.cpu_time;
        report.memory_bytes = result.memory_bytes;
        report.tests.push(result);
        report
    }

    fn run_test(
        &self,
        sandbox: &Sandbox,
        exe: &Executable,
        test: &TestCase,
        checker: &Checker,
        limits: &Limits,
    ) -> Result<TestResult, String> {
        let read = |p: &PathBuf| std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()));
        let input = read(&test.input)?;
        let outcome = sandbox.run(exe, input, limits).map_err(|e| e.to_string())?;
        let (verdict, message) = decide(&outcome, limits.cpu_time, |out| {
            self.validate(checker, test, out, limits)
        });
        let show_output = verdict != Verdict::AC && test.group == TestGroup::Sample;
        Ok(TestResult {
            name: test.name.clone(),
            group: test.group,
            verdict,
            cpu_time: outcome.cpu_time,
            wall_time: outcome.wall_time,
            memory_bytes: outcome.peak_memory,
            instructions: outcome.fuel_used,
            message,
            output: show_output.then(|| {
                let end = outcome.stdout.len().min(SHOWN_OUTPUT_BYTES);
                String::from_utf8_lossy(&outcome.stdout[..end]).into_owned()
            }),
        })
    }
}
