//! `judge bench`: the sandbox against native code, measured side by side in one run on this
//! machine. It prints numbers; it asserts nothing.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use clap::Args;
use sandbox::{CompileOutput, Executable, Language, Limits, Termination};

use super::table;
use super::{Cli, CliError};

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Runs per measurement (the minimum and the median are shown).
    #[arg(long, default_value_t = 20)]
    runs: usize,
}

const TRIVIAL_C: &str = "#include <stdio.h>\nint main(void){ long long a, b; if (scanf(\"%lld %lld\", &a, &b) != 2) return 1; printf(\"%lld\\n\", a + b); return 0; }\n";

const SIEVE_C: &str = r#"#include <stdio.h>
#include <stdlib.h>
int main(void) {
    int n = 30000000; char *composite = calloc(n + 1, 1); int count = 0;
    for (long long i = 2; i <= n; i++) {
        if (composite[i]) continue;
        count++;
        for (long long j = i * i; j <= n; j += i) composite[j] = 1;
    }
    printf("%d\n", count);
    return 0;
}
"#;

const FIB_C: &str = r#"#include <stdio.h>
static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
int main(void) { printf("%d\n", fib(35)); return 0; }
"#;

const SORT_MAP_CPP: &str = r#"#include <bits/stdc++.h>
int main() {
    std::vector<unsigned> v(3000000); unsigned x = 12345;
    for (auto &e : v) { x ^= x << 13; x ^= x >> 17; x ^= x << 5; e = x; }
    std::sort(v.begin(), v.end());
    std::map<unsigned, int> m;
    for (int i = 0; i < 300000; i++) m[v[i * 7] % 100003]++;
    std::printf("%u %zu\n", v[v.size() / 2], m.size());
}
"#;

const CIN_CPP: &str = r#"#include <bits/stdc++.h>
int main() {
    int n; std::cin >> n; long long s = 0;
    for (int i = 0; i < n; i++) { int x; std::cin >> x; s += x; }
    std::cout << s << '\n';
}
"#;

const CIN_UNSYNCED_CPP: &str = r#"#include <bits/stdc++.h>
int main() {
    std::ios::sync_with_stdio(false); std::cin.tie(nullptr);
    int n; std::cin >> n; long long s = 0;
    for (int i = 0; i < n; i++) { int x; std::cin >> x; s += x; }
    std::cout << s << '\n';
}
"#;

const SCANF_C: &str = r#"#include <stdio.h>
int main(void) {
    int n; if (scanf("%d", &n) != 1) return 1; long long s = 0;
    for (int i = 0; i < n; i++) { int x; if (scanf("%d", &x) != 1) return 1; s += x; }
    printf("%lld\n", s);
    return 0;
}
"#;

const PY_START: &str = "pass\n";

struct Timing {
    min: Duration,
    median: Duration,
}

fn summarize(mut samples: Vec<Duration>) -> Timing {
    samples.sort();
    Timing {
        min: samples[0],
        median: samples[samples.len() / 2],
    }
}

fn fmt(d: Duration) -> String {
    if d < Duration::from_millis(10) {
        format!("{:.3} ms", d.as_secs_f64() * 1e3)
    } else {
        format!("{:.1} ms", d.as_secs_f64() * 1e3)
    }
}

struct Bench<'a> {
    judge: &'a judge::Judge,
    dir: PathBuf,
    runs: usize,
}

impl Bench<'_> {
    fn sandboxed(&self, lang: Language, src: &str) -> Result<Executable, CliError> {
        match self.judge.compiler().compile(lang, src.as_bytes()) {
            Ok(CompileOutput::Program(a)) => Ok(self.judge.sandbox().load(&a)?),
            Ok(CompileOutput::Failed(m)) => Err(CliError::Bench(format!(
                "benchmark source failed to compile: {m}"
            ))),
            Err(e) => Err(CliError::Bench(e.to_string())),
        }
    }

    fn native(&self, name: &str, lang: Language, src: &str) -> Result<PathBuf, CliError> {
        let (compiler, ext, std) = match lang {
            Language::C => ("clang-19", "c", "-std=c17"),
            _ => ("clang++-19", "cpp", "-std=c++20"),
        };
        let src_path = self.dir.join(format!("{name}.{ext}"));
        let bin = self.dir.join(name);
        std::fs::write(&src_path, src).map_err(|e| CliError::Bench(e.to_string()))?;
        // The judge's <bits/stdc++.h> is for libc++; the native build uses the host's libstdc++,
        // which has its own.
        let out = Command::new(compiler)
            .args([std, "-O2", "-o"])
            .arg(&bin)
            .arg(&src_path)
            .output()
            .map_err(|e| CliError::Bench(format!("{compiler}: {e}")))?;
        if !out.status.success() {
            return Err(CliError::Bench(format!(
                "native {name}: {}",
                String::from_utf8_lossy(&out.stderr)
            )));
        }
        Ok(bin)
    }

    fn time_sandbox(&self, exe: &Executable, input: &[u8]) -> Result<Timing, CliError> {
        let limits = Limits::new(Duration::from_secs(30), 1 << 30);
        let mut samples = Vec::with_capacity(self.runs);
        for _ in 0..self.runs {
            let started = Instant::now();
            let out = self.judge.sandbox().run(exe, input.to_vec(), &limits)?;
            samples.push(started.elapsed());
            if out.termination != Termination::Exited(0) {
                return Err(CliError::Bench(format!(
                    "sandboxed run ended with {:?}",
                    out.termination
                )));
            }
        }
        Ok(summarize(samples))
    }

    fn time_native(&self, bin: &Path, input: &[u8]) -> Result<Timing, CliError> {
        let mut samples = Vec::with_capacity(self.runs);
        for _ in 0..self.runs {
            let started = Instant::now();
            let mut child = Command::new(bin)
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .spawn()
                .map_err(|e| CliError::Bench(e.to_string()))?;
            if let Some(mut stdin) = child.stdin.take() {
                stdin
                    .write_all(input)
                    .map_err(|e| CliError::Bench(e.to_string()))?;
            }
            let status = child.wait().map_err(|e| CliError::Bench(e.to_string()))?;
            samples.push(started.elapsed());
            if !status.success() {
                return Err(CliError::Bench(format!("native {} failed", bin.display())));
            }
        }
        Ok(summarize(samples))
    }
}

pub fn run(cli: &Cli, args: &BenchArgs) -> Result<ExitCode, CliError> {
    let judge = cli.judge()?;
    let dir = tempfile::tempdir().map_err(|e| CliError::Bench(e.to_string()))?;
    let bench = Bench {
        judge: &judge,
        dir: dir.path().to_path_buf(),
        runs: args.runs.max(1),
    };
    let heavy_runs = Bench {
        judge: &judge,
        dir: dir.path().to_path_buf(),
        runs: args.runs.clamp(1, 5),
    };
    let mut ints = String::from("1000000\n");
    let mut x: u32 = 7;
    for _ in 0..1_000_000 {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        ints.push_str(&(x % 2_000_001).to_string());
        ints.push(' ');
    }
    ints.push('\n');

    println!(
        "judge bench: {} runs per light measurement, {} per heavy one; wall time of one run, min / median\n",
        bench.runs, heavy_runs.runs
    );
    let mut rows = Vec::new();
    let mut row = |name: &str, target: &str, sandbox: Timing, native: Option<Timing>| {
        let ratio = native
            .as_ref()
            .map(|n| format!("{:.2}×", sandbox.min.as_secs_f64() / n.min.as_secs_f64()))
            .unwrap_or_else(|| "-".into());
        rows.push(vec![
            name.to_string(),
            format!("{} / {}", fmt(sandbox.min), fmt(sandbox.median)),
            native
                .map(|n| format!("{} / {}", fmt(n.min), fmt(n.median)))
                .unwrap_or_else(|| "-".into()),
            ratio,
            target.to_string(),
        ]);
    };

    let trivial = bench.sandboxed(Language::C, TRIVIAL_C)?;
    let trivial_native = bench.native("trivial", Language::C, TRIVIAL_C)?;
    row(
        "trivial C test (instantiate+run)",
        "≤ 1 ms, ≤ native spawn",
        bench.time_sandbox(&trivial, b"1 2\n")?,
        Some(bench.time_native(&trivial_native, b"1 2\n")?),
    );
    let py = bench.sandboxed(Language::Python, PY_START)?;
    row(
        "Python start-up (empty program)",
        "≤ 30 ms",
        bench.time_sandbox(&py, b"")?,
        None,
    );
    for (name, lang, src, input, target) in [
        ("C sieve 3·10^7", Language::C, SIEVE_C, "", "≤ 1.3×"),
        ("C fib(35), call-heavy", Language::C, FIB_C, "", "≤ 1.3×"),
        (
            "C++ sort 3·10^6 + map",
            Language::Cpp,
            SORT_MAP_CPP,
            "",
            "≤ 1.3×",
        ),
        (
            "C scanf 10^6 ints",
            Language::C,
            SCANF_C,
            ints.as_str(),
            "-",
        ),
        (
            "C++ cin 10^6 ints",
            Language::Cpp,
            CIN_CPP,
            ints.as_str(),
            "≤ 2×",
        ),
        (
            "C++ cin 10^6 ints, sync_with_stdio(false)",
            Language::Cpp,
            CIN_UNSYNCED_CPP,
            ints.as_str(),
            "≤ 2×",
        ),
    ] {
        let exe = heavy_runs.sandboxed(lang, src)?;
        let bin = heavy_runs.native(
            &name.replace(|c: char| !c.is_ascii_alphanumeric(), "_"),
            lang,
            src,
        )?;
        row(
            name,
            target,
            heavy_runs.time_sandbox(&exe, input.as_bytes())?,
            Some(heavy_runs.time_native(&bin, input.as_bytes())?),
        );
    }
    table::print(
        &[
            "workload",
            "sandbox",
            "native (clang-19 -O2)",
            "ratio (min)",
            "target",
        ],
        &rows,
    );
    Ok(ExitCode::SUCCESS)
}
