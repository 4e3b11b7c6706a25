//! The `judge` command line as a user runs it: exit codes, JSON output, clear errors.

use std::process::{Command, Output};

use judge_tests::repo_root;

fn judge(args: &[&str]) -> Output {
    let exe = std::env::current_exe().expect("test binary path");
    let bin = exe
        .parent()
        .and_then(|d| d.parent())
        .expect("target dir")
        .join("judge");
    Command::new(bin)
        .args(args)
        .current_dir(repo_root())
        .env("JUDGE_TOOLCHAINS", repo_root().join(".toolchains"))
        .output()
        .expect("judge runs")
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

#[test]
fn run_exits_zero_only_on_accepted_and_prints_json() {
    let ok = judge(&[
        "run",
        "problems/aplusb",
        "problems/aplusb/submissions/accepted/sum.py",
        "--json",
    ]);
    assert_eq!(ok.status.code(), Some(0));
    let report = json(&ok);
    assert_eq!(report["verdict"], "AC");
    assert_eq!(report["tests"].as_array().map(Vec::len), Some(6));

    let wa = judge(&[
        "run",
        "problems/aplusb",
        "problems/aplusb/submissions/wrong_answer/difference.py",
        "--json",
    ]);
    assert_eq!(wa.status.code(), Some(1));
    let report = json(&wa);
    assert_eq!(report["verdict"], "WA");
    assert_eq!(
        report["tests"].as_array().map(Vec::len),
        Some(1),
        "stops at the first failure"
    );

    let all = judge(&[
        "run",
        "problems/aplusb",
        "problems/aplusb/submissions/wrong_answer/difference.py",
        "--json",
        "--all",
    ]);
    assert_eq!(
        json(&all)["tests"].as_array().map(Vec::len),
        Some(6),
        "--all runs everything"
    );
}

#[test]
fn bad_input_gets_a_clear_error() {
    let lang = judge(&["run", "problems/aplusb", "README.md"]);
    assert_eq!(lang.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&lang.stderr).contains("--lang"));
    let unknown = judge(&["run", "problems/aplusb", "README.md", "--lang", "cobol"]);
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("unknown language `cobol`"));
    let missing = judge(&[
        "run",
        "problems/nope",
        "problems/aplusb/submissions/accepted/sum.c",
    ]);
    assert_eq!(missing.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("problems/nope/problem.yaml"));
}

#[test]
fn verify_and_languages_report_what_they_found() {
    let out = judge(&["verify", "problems/aplusb", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let doc = json(&out);
    assert_eq!(doc["summary"]["judged"], 8);
    assert_eq!(doc["summary"]["mismatched"], 0);

    let langs = judge(&["languages"]);
    assert_eq!(langs.status.code(), Some(0));
    let text = String::from_utf8_lossy(&langs.stdout);
    for id in ["c", "cpp", "rust", "python", "javascript"] {
        assert!(text.lines().any(|l| l.starts_with(id)), "{id} in\n{text}");
    }
    assert!(text.contains("Python 3.12.0") && text.contains("QuickJS-ng"));
}
