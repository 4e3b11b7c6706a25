//! Compilers are as hostile as programs: they must not show host files or the environment, and a
//! bomb ends as a compile error within the compile limits.

use judge::Verdict;
use judge_tests::{assert_verdict, judge_source, shipped};
use sandbox::Language::{self, C, Cpp, Rust};

fn compile_error(lang: Language, src: &str, what: &str) -> String {
    let report = judge_source(&shipped("aplusb"), lang, src);
    assert_verdict(&report, Verdict::CE, what);
    report.compile_message.unwrap_or_default()
}

#[test]
fn including_host_files_shows_nothing_of_them() {
    let passwd = std::fs::read_to_string("/etc/passwd").unwrap_or_default();
    let first_line = passwd.lines().next().unwrap_or("root:x:0:0");
    for (lang, src) in [
        (C, "#include \"/etc/passwd\"\nint main(void){ return 0; }"),
        (Cpp, "#include </etc/passwd>\nint main(){}"),
        (
            Rust,
            "const P: &str = include_str!(\"/etc/passwd\");\nfn main(){ println!(\"{P}\"); }",
        ),
    ] {
        let msg = compile_error(lang, src, "include /etc/passwd");
        assert!(
            !msg.contains(first_line),
            "{lang} compiler showed /etc/passwd:\n{msg}"
        );
        assert!(
            !msg.contains("root:"),
            "{lang} compiler showed /etc/passwd:\n{msg}"
        );
    }
}

#[test]
fn including_the_environment_shows_nothing_of_it() {
    // This test process runs with CARGO_MANIFEST_DIR set; the judge inherits it.
    let secret = env!("CARGO_MANIFEST_DIR");
    let msg = compile_error(
        C,
        "#include \"/proc/self/environ\"\nint main(void){ return 0; }",
        "include /proc/self/environ",
    );
    assert!(
        !msg.contains(secret),
        "the compiler showed the environment:\n{msg}"
    );
}

#[test]
fn including_devices_does_not_hang() {
    // clang reads a device as an empty file (its size is 0): the include is harmless, and above
    // all it ends; the compile limits would stop it otherwise.
    for device in ["/dev/zero", "/dev/urandom"] {
        let started = std::time::Instant::now();
        let src = format!("#include \"{device}\"\nint main(void){{ return 0; }}");
        let report = judge_source(&shipped("aplusb"), C, &src);
        assert!(
            matches!(report.verdict, Verdict::CE | Verdict::WA),
            "{device}: {report:?}"
        );
        assert!(started.elapsed().as_secs() < 60, "{:?}", started.elapsed());
    }
}

#[test]
fn template_and_macro_bombs_end_as_compile_errors() {
    let template_bomb = r#"
template <int N> struct B { using T = typename B<N - 1>::T; static constexpr long long v = B<N - 1>::v + B<N - 2>::v; };
template <> struct B<0> { using T = int; static constexpr long long v = 1; };
template <> struct B<1> { using T = int; static constexpr long long v = 1; };
template <int N, int M> struct X { static constexpr long long v = X<N - 1, M>::v + X<N, M - 1>::v; };
template <int M> struct X<0, M> { static constexpr long long v = 1; };
template <int N> struct X<N, 0> { static constexpr long long v = 1; };
int main() { return (int)X<900, 900>::v; }
"#;
    compile_error(Cpp, template_bomb, "template bomb");

    let macro_bomb = "#define A x x x x x x x x x x\n#define B A A A A A A A A A A\n#define C B B B B B B B B B B\n#define D C C C C C C C C C C\n#define E D D D D D D D D D D\n#define F E E E E E E E E E E\n#define G F F F F F F F F F F\n#define H G G G G G G G G G G\nint main(void){ H H H H H H H H H H }\n";
    compile_error(C, macro_bomb, "macro bomb");
}

#[test]
fn plain_syntax_errors_show_the_compiler_message() {
    let msg = compile_error(C, "int main(void) { return x; }", "syntax error");
    assert!(msg.contains("undeclared identifier"), "{msg}");
    let msg = compile_error(Rust, "fn main() { let x: i32 = \"s\"; }", "type error");
    assert!(msg.contains("mismatched types"), "{msg}");
}
