//! Custom output validators: compiled to wasm, run in the sandbox with the test's files and a
//! feedback folder, exit code 42/43 deciding, judgemessage.txt becoming the feedback.

use judge::Verdict;
use judge_tests::{ScratchProblem, assert_verdict, judge_source};
use sandbox::Language;

/// Accepts any two numbers whose sum is the input's target (many valid answers).
const PAIR_VALIDATOR_CPP: &str = r#"#include <cstdio>
#include "helper.h"
int main(int argc, char **argv) {
    if (argc < 4) return 1;
    FILE *in = std::fopen(argv[1], "r");
    if (!in) return 2;
    long long target; if (std::fscanf(in, "%lld", &target) != 1) return 3;
    long long a, b;
    if (std::scanf("%lld %lld", &a, &b) != 2) return reject(argv[3], "expected two numbers");
    if (a + b != target) return reject(argv[3], "the numbers do not add up");
    return 42;
}
"#;

const HELPER_H: &str = r#"#pragma once
#include <cstdio>
#include <string>
inline int reject(const char *dir, const char *why) {
    std::string path = std::string(dir) + "judgemessage.txt";
    FILE *f = std::fopen(path.c_str(), "w");
    if (f) { std::fputs(why, f); std::fclose(f); }
    return 43;
}
"#;

const PAIR_VALIDATOR_PY: &str = r#"import sys
target = int(open(sys.argv[1]).read().split()[0])
words = sys.stdin.read().split()
if len(words) == 2 and int(words[0]) + int(words[1]) == target:
    sys.exit(42)
open(sys.argv[3] + "judgemessage.txt", "w").write("bad pair")
sys.exit(43)
"#;

fn pair_problem(validator_files: &[(&str, &str)]) -> ScratchProblem {
    ScratchProblem::with_files(
        "name: Pair\nvalidation: custom\n",
        &[("1", b"10\n", b"3 7\n"), ("2", b"-4\n", b"-2 -2\n")],
        validator_files,
    )
}

#[test]
fn a_cpp_validator_accepts_any_valid_answer_and_explains_rejections() {
    let p = pair_problem(&[
        ("output_validators/pair/validator.cpp", PAIR_VALIDATOR_CPP),
        ("output_validators/pair/helper.h", HELPER_H),
    ]);
    // Different from the answer file, but valid.
    let other = "x = int(input())\nprint(x + 1, -1)\n";
    assert_verdict(
        &judge_source(&p.package, Language::Python, other),
        Verdict::AC,
        "valid pair",
    );
    let wrong = "x = int(input())\nprint(x, 1)\n";
    let report = judge_source(&p.package, Language::Python, wrong);
    assert_verdict(&report, Verdict::WA, "invalid pair");
    assert_eq!(
        report.tests[0].message.as_deref(),
        Some("the numbers do not add up")
    );
}

#[test]
fn a_python_validator_works_too() {
    let p = pair_problem(&[("output_validator/check.py", PAIR_VALIDATOR_PY)]);
    let ok = "x = int(input())\nprint(0, x)\n";
    assert_verdict(
        &judge_source(&p.package, Language::Python, ok),
        Verdict::AC,
        "python validator",
    );
    let report = judge_source(&p.package, Language::Python, "print(1)\n");
    assert_verdict(&report, Verdict::WA, "python validator rejects");
    assert_eq!(report.tests[0].message.as_deref(), Some("bad pair"));
}

#[test]
fn a_validator_that_does_not_compile_is_a_judge_error_naming_it() {
    let p = pair_problem(&[("output_validators/broken/validator.cpp", "int main( {")]);
    let report = judge_source(&p.package, Language::Python, "print(1, 2)\n");
    assert_verdict(&report, Verdict::JE, "broken validator");
    let why = report.judge_error.unwrap_or_default();
    assert!(why.contains("output_validators/broken"), "{why}");
}

#[test]
fn a_crashing_validator_is_a_judge_error_not_the_contestants_fault() {
    let p = pair_problem(&[(
        "output_validators/v/validator.c",
        "int main(void){ return 1; }",
    )]);
    let report = judge_source(&p.package, Language::Python, "print(1, 2)\n");
    assert_verdict(&report, Verdict::JE, "validator exit 1");
}

#[test]
fn test_group_flags_reach_the_default_validator() {
    let p = ScratchProblem::with_files(
        "name: Float\n",
        &[("loose/1", b"", b"1.0\n"), ("strict/1", b"", b"1.0\n")],
        &[
            (
                "data/secret/loose/testdata.yaml",
                "output_validator_flags: float_tolerance 0.1\n",
            ),
            (
                "data/secret/strict/testdata.yaml",
                "output_validator_flags: float_tolerance 1e-9\n",
            ),
        ],
    );
    let report = judge_source(&p.package, Language::Python, "print(1.05)\n");
    assert_verdict(&report, Verdict::WA, "strict group rejects");
    assert_eq!(report.tests[0].verdict, Verdict::AC, "loose group accepts");
}
