//! Correct programs in every language are accepted: the shipped `aplusb` solutions, a large
//! input where reading speed matters, and C++ stream extraction with its exact semantics.

use judge::Verdict;
use judge_tests::{ScratchProblem, assert_verdict, judge_source, repo_root, shipped};
use sandbox::Language;

#[test]
fn shipped_aplusb_solutions_get_their_verdicts() {
    let problem = shipped("aplusb");
    for (dir, verdict) in [("accepted", Verdict::AC), ("wrong_answer", Verdict::WA)] {
        let folder = repo_root().join("problems/aplusb/submissions").join(dir);
        let mut seen = std::collections::BTreeSet::new();
        for entry in std::fs::read_dir(&folder).expect("submissions folder") {
            let path = entry.expect("entry").path();
            let lang = Language::from_path(&path).expect("known extension");
            let src = std::fs::read_to_string(&path).expect("source");
            assert_verdict(
                &judge_source(&problem, lang, &src),
                verdict,
                &path.display().to_string(),
            );
            seen.insert(lang);
        }
        if dir == "accepted" {
            assert_eq!(
                seen.len(),
                Language::ALL.len(),
                "an accepted solution per language"
            );
        }
    }
}

/// 2·10^5 numbers (about 2 MB) to sum, in every language.
#[test]
fn large_input_is_read_in_every_language() {
    let n = 200_000u64;
    let mut input = format!("{n}\n");
    let mut sum: i64 = 0;
    for i in 0..n {
        let v = (i * 7919 % 2_000_001) as i64 - 1_000_000;
        sum += v;
        input.push_str(&v.to_string());
        input.push(if i % 10 == 9 { '\n' } else { ' ' });
    }
    let problem = ScratchProblem::new(
        "name: Sum\nlimits:\n  time_limit: 5\n  memory: 512\n",
        &[("big", input.as_bytes(), format!("{sum}\n").as_bytes())],
    );
    let programs: &[(Language, &str)] = &[
        (
            Language::C,
            "#include <stdio.h>\nint main(void){ int n; long long s = 0, x; scanf(\"%d\", &n); while (n--) { scanf(\"%lld\", &x); s += x; } printf(\"%lld\\n\", s); return 0; }",
        ),
        (
            Language::Cpp,
            "#include <bits/stdc++.h>\nint main(){ int n; std::cin >> n; long long s = 0; for (int i = 0; i < n; i++) { long long x; std::cin >> x; s += x; } std::cout << s << '\\n'; }",
        ),
        (
            Language::Rust,
            "use std::io::Read;\nfn main(){ let mut s = String::new(); std::io::stdin().read_to_string(&mut s).unwrap(); let mut it = s.split_ascii_whitespace(); let n: usize = it.next().unwrap().parse().unwrap(); let t: i64 = it.take(n).map(|x| x.parse::<i64>().unwrap()).sum(); println!(\"{t}\"); }",
        ),
        (
            Language::Python,
            "import sys\ndata = sys.stdin.buffer.read().split()\nn = int(data[0])\nprint(sum(map(int, data[1:n + 1])))\n",
        ),
        (
            Language::Javascript,
            "const t = std.in.readAsString().split(/\\s+/).filter(Boolean).map(Number);\nlet s = 0; for (let i = 1; i <= t[0]; i++) s += t[i];\nconsole.log(String(s));",
        ),
    ];
    for (lang, src) in programs {
        assert_verdict(
            &judge_source(&problem.package, *lang, src),
            Verdict::AC,
            "large input",
        );
    }
}

/// The judge's fast `operator>>` (sandbox/include/judge_fastio.cpp) must behave exactly as the
/// standard says, synchronised with C stdio or not.
#[test]
fn cpp_stream_extraction_keeps_its_semantics() {
    let program = r#"#include <bits/stdc++.h>
using namespace std;
int main() {
    SYNC
    int a; long long b; unsigned c; double d; string s; short e;
    cin >> a >> b >> c >> d >> s;
    cout << a << ' ' << b << ' ' << c << ' ' << fixed << setprecision(3) << d << ' ' << s << '\n';
    int bad; cin >> bad;                       // "x1": no number
    cout << (cin.fail() ? "fail " : "ok ") << bad << '\n';
    cin.clear(); cin >> s;                     // the token is still there
    cout << s << '\n';
    cin >> e;                                  // 40000 overflows short
    cout << (cin.fail() ? "fail " : "ok ") << e << '\n';
    cin.clear();
    int h; cin >> hex >> h >> dec;             // hex falls back to libc++
    cout << h << '\n';
    string line; getline(cin, line); getline(cin, line);
    cout << '[' << line << ']' << '\n';
    int last; cin >> last;
    cout << last << ' ' << (cin.eof() ? "eof" : "more") << '\n';
    cin >> last;
    cout << (cin.fail() ? "fail" : "ok") << '\n';
}"#;
    let input = "-42 9000000000000000000\n4294967295 -2.5e-1 word x1\n40000 ff\nwhole line here\n7";
    let answer = "-42 9000000000000000000 4294967295 -0.250 word\nfail 0\nx1\nfail 32767\n255\n[whole line here]\n7 eof\nfail\n";
    let problem = ScratchProblem::new(
        "name: Streams\nvalidator_flags: space_change_sensitive case_sensitive\n",
        &[("streams", input.as_bytes(), answer.as_bytes())],
    );
    for sync in ["", "ios::sync_with_stdio(false); cin.tie(nullptr);"] {
        let src = program.replace("SYNC", sync);
        let report = judge_source(&problem.package, Language::Cpp, &src);
        assert_verdict(
            &report,
            Verdict::AC,
            &format!("stream semantics with `{sync}`"),
        );
    }
}

#[test]
fn a_python_syntax_error_is_a_compile_error() {
    let report = judge_tests::judge_source(&shipped("aplusb"), Language::Python, "print(1 +\n");
    assert_verdict(&report, Verdict::CE, "python syntax error");
    let message = report.compile_message.unwrap_or_default();
    assert!(
        message.contains("SyntaxError") && message.contains("main.py"),
        "{message}"
    );
    assert!(report.tests.is_empty(), "no test was run");
}
