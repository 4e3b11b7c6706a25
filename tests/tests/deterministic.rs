//! Deterministic mode: time is an instruction budget, the clock and the random seed are fixed, so
//! the same submission gets the same verdict and the same instruction counts under any load.

use std::sync::atomic::{AtomicBool, Ordering};

use judge::{JudgeOptions, Report, Verdict};
use judge_tests::{ScratchProblem, assert_verdict, judge};
use sandbox::Language;

fn deterministic(problem: &ScratchProblem, lang: Language, src: &str) -> Report {
    let options = JudgeOptions {
        run_all: true,
        deterministic: true,
        samples_only: false,
    };
    judge().judge(&problem.package, lang, src.as_bytes(), options, &mut |_| {})
}

fn counts(r: &Report) -> Vec<Option<u64>> {
    r.tests.iter().map(|t| t.instructions).collect()
}

/// Keeps every core busy until dropped, so the runs below compete for CPU.
struct Load {
    stop: &'static AtomicBool,
    threads: Vec<std::thread::JoinHandle<()>>,
}

impl Load {
    fn start() -> Load {
        let stop: &'static AtomicBool = Box::leak(Box::new(AtomicBool::new(false)));
        let n = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(2)
            * 2;
        let threads = (0..n)
            .map(|_| {
                std::thread::spawn(move || {
                    let mut x = 0u64;
                    while !stop.load(Ordering::Relaxed) {
                        x = std::hint::black_box(
                            x.wrapping_mul(6364136223846793005).wrapping_add(1),
                        );
                    }
                })
            })
            .collect();
        Load { stop, threads }
    }
}

impl Drop for Load {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
    }
}

const WORK_C: &str = r#"#include <stdio.h>
int main(void) {
    long long a, b; scanf("%lld %lld", &a, &b);
    unsigned long long x = 1;
    for (long long i = 0; i < 100000000; i++) x = x * 6364136223846793005ULL + (unsigned long long)i;
    volatile unsigned long long sink = x; (void)sink;
    printf("%lld\n", a + b);
    return 0;
}"#;

#[test]
fn a_loaded_machine_changes_no_count_and_no_verdict() {
    // The budget (1 s × 4 G instructions) is well above the program's ~0.3 G instructions.
    let p = ScratchProblem::new(
        "name: Work\nlimits:\n  time_limit: 1\n",
        &[("1", b"1 2\n", b"3\n"), ("2", b"5 5\n", b"10\n")],
    );
    let idle = deterministic(&p, Language::C, WORK_C);
    assert_verdict(&idle, Verdict::AC, "idle");
    assert!(
        counts(&idle)
            .iter()
            .all(|c| c.is_some_and(|n| n > 100_000_000)),
        "{:?}",
        counts(&idle)
    );
    let loaded = {
        let _load = Load::start();
        deterministic(&p, Language::C, WORK_C)
    };
    assert_verdict(&loaded, Verdict::AC, "loaded");
    assert_eq!(counts(&idle), counts(&loaded));

    // Over budget is TLE, on an idle machine and a loaded one alike, after exactly the budget.
    let tight = ScratchProblem::new(
        "name: Tight\nlimits:\n  time_limit: 0.01\n",
        &[("1", b"1 2\n", b"3\n")],
    );
    let idle = deterministic(&tight, Language::C, WORK_C);
    let loaded = {
        let _load = Load::start();
        deterministic(&tight, Language::C, WORK_C)
    };
    for r in [&idle, &loaded] {
        assert_verdict(r, Verdict::TLE, "over budget");
        assert_eq!(
            r.tests[0].message.as_deref(),
            Some("instruction budget exhausted")
        );
    }
    assert_eq!(counts(&idle), counts(&loaded));
}

#[test]
fn clock_and_randomness_are_fixed() {
    // A sample, so that the (wrong) output is kept in the report.
    let p = ScratchProblem::new("name: Echo\n", &[("sample/1", b"", b"x\n")]);
    let programs = [
        (
            Language::C,
            "#include <stdio.h>\n#include <time.h>\n#include <stdlib.h>\nint main(void){ srand((unsigned)time(NULL)); printf(\"%ld %d\\n\", (long)time(NULL), rand()); return 0; }",
        ),
        (
            Language::Python,
            "import random, time\nprint(int(time.time()), random.random(), hash('judge'))\n",
        ),
        (
            Language::Javascript,
            "console.log(Date.now(), Math.random());",
        ),
    ];
    for (lang, src) in programs {
        let first = deterministic(&p, lang, src);
        let second = deterministic(&p, lang, src);
        let out = |r: &Report| r.tests[0].output.clone().unwrap_or_default();
        assert!(!out(&first).is_empty(), "{lang}: {first:?}");
        assert_eq!(out(&first), out(&second), "{lang}");
        assert_eq!(counts(&first), counts(&second), "{lang}");
    }
}
