//! Hostile programs in every language get the right verdict, quickly, without harming the judge.
//! Each runs on `aplusb` (input "1 2"), whose time limit is 1 s and memory limit 256 MiB.

use judge::Verdict;
use judge_tests::{assert_verdict, judge_source, shipped};
use sandbox::Language::{self, C, Cpp, Javascript, Python, Rust};

fn expect(cases: &[(Language, &str)], verdict: Verdict, what: &str) {
    let problem = shipped("aplusb");
    for (lang, src) in cases {
        let report = judge_source(&problem, *lang, src);
        assert_verdict(&report, verdict, what);
    }
}

#[test]
fn infinite_loops_are_tle() {
    expect(
        &[
            (
                C,
                "int main(void){ volatile unsigned x = 0; for (;;) x++; }",
            ),
            (
                Cpp,
                "int main(){ volatile unsigned x = 0; while (true) x++; }",
            ),
            (
                Rust,
                "fn main(){ let mut x: u64 = 0; loop { x = std::hint::black_box(x + 1); } }",
            ),
            (Python, "while True:\n    pass\n"),
            (Javascript, "for (;;) {}"),
        ],
        Verdict::TLE,
        "infinite loop",
    );
}

#[test]
fn sleepers_are_stopped_by_the_wall_clock() {
    let started = std::time::Instant::now();
    expect(
        &[
            (
                C,
                "#include <unistd.h>\nint main(void){ sleep(1000); return 0; }",
            ),
            (
                Cpp,
                "#include <unistd.h>\nint main(){ usleep(1000000000); }",
            ),
            (
                Rust,
                "fn main(){ std::thread::sleep(std::time::Duration::from_secs(1000)); }",
            ),
            (Python, "import time\ntime.sleep(1000)\n"),
            (Javascript, "os.sleep(1000000);"),
        ],
        Verdict::TLE,
        "sleep",
    );
    // Five 1000-second sleeps ended long before even one second each would have.
    assert!(started.elapsed().as_secs() < 60, "{:?}", started.elapsed());
}

#[test]
fn memory_bombs_are_mle() {
    expect(
        &[
            (
                C,
                // The sum keeps clang from deleting the allocations.
                "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\nint main(void){ unsigned long long s = 0; for (int i = 0;; i++) { char *p = malloc(1 << 20); if (!p) { printf(\"%llu\\n\", s); return 1; } memset(p, i, 1 << 20); s += p[i & 1023]; } }",
            ),
            (
                Cpp,
                "#include <vector>\nint main(){ std::vector<std::vector<char>> v; for (;;) v.emplace_back(1 << 20, 'x'); }",
            ),
            (
                Rust,
                "fn main(){ let mut v = Vec::new(); loop { v.push(vec![1u8; 1 << 20]); } }",
            ),
            (
                Python,
                "a = []\nwhile True:\n    a.append(bytearray(1 << 20))\n",
            ),
            (
                Javascript,
                "const a = []; for (;;) a.push(new Uint8Array(1 << 20));",
            ),
        ],
        Verdict::MLE,
        "memory bomb",
    );
}

#[test]
fn output_floods_are_ole() {
    expect(
        &[
            (
                C,
                "#include <stdio.h>\nint main(void){ for (;;) puts(\"flood flood flood flood\"); }",
            ),
            (
                Cpp,
                "#include <iostream>\nint main(){ for (;;) std::cout << \"flood flood flood\\n\"; }",
            ),
            (
                Rust,
                "fn main(){ loop { println!(\"flood flood flood\"); } }",
            ),
            (Python, "while True:\n    print('flood flood flood')\n"),
            (Javascript, "for (;;) console.log('flood flood flood');"),
        ],
        Verdict::OLE,
        "output flood",
    );
}

#[test]
fn crashes_are_rte() {
    expect(
        &[
            (C, "#include <stdlib.h>\nint main(void){ abort(); }"),
            (C, "int main(void){ volatile int z = 0; return 10 / z; }"),
            (C, "int main(void){ return 3; }"),
            (C, "int main(void){ return *(volatile int *)0xfffffff0; }"),
            (Cpp, "#include <cstdlib>\nint main(){ std::abort(); }"),
            (Cpp, "int main(){ volatile long long z = 0; return 7 % z; }"),
            (Cpp, "#include <cstdlib>\nint main(){ std::exit(3); }"),
            (Rust, "fn main(){ std::process::abort(); }"),
            (
                Rust,
                "fn main(){ let z = std::hint::black_box(0); println!(\"{}\", 10 / z); }",
            ),
            (Rust, "fn main(){ std::process::exit(3); }"),
            (
                Rust,
                "fn main(){ let v: Vec<i32> = Vec::new(); println!(\"{}\", v[std::hint::black_box(5)]); }",
            ),
            (Python, "import os\nos.abort()\n"),
            (Python, "print(1 // 0)\n"),
            (Python, "import sys\nsys.exit(3)\n"),
            (Javascript, "throw new Error('boom');"),
            (Javascript, "console.log(1n / 0n);"),
            (Javascript, "std.exit(3);"),
        ],
        Verdict::RTE,
        "crash",
    );
}

#[test]
fn host_files_are_invisible() {
    let cases: &[(Language, &str)] = &[
        (
            C,
            "#include <stdio.h>\nint main(void){ char b[256]; FILE *f = fopen(\"/etc/passwd\", \"r\"); if (f && fgets(b, sizeof b, f)) printf(\"%s\", b); else puts(\"none\"); return 0; }",
        ),
        (
            Cpp,
            // Debian's wasm32 libc++ has no <fstream>; C stdio is what C++ programs can use.
            "#include <cstdio>\n#include <iostream>\nint main(){ char b[256]; std::FILE *f = std::fopen(\"/etc/passwd\", \"r\"); if (f && std::fgets(b, sizeof b, f)) std::cout << b; else std::cout << \"none\\n\"; }",
        ),
        (
            Rust,
            "fn main(){ match std::fs::read_to_string(\"/etc/passwd\") { Ok(s) => print!(\"{s}\"), Err(_) => println!(\"none\") } }",
        ),
        (
            Python,
            "try:\n    print(open('/etc/passwd').read())\nexcept OSError:\n    print('none')\n",
        ),
        (
            Javascript,
            "const s = std.loadFile('/etc/passwd'); console.log(s === null ? 'none' : s);",
        ),
    ];
    let problem = shipped("aplusb");
    for (lang, src) in cases {
        let report = judge_source(&problem, *lang, src);
        assert_verdict(&report, Verdict::WA, "reading /etc/passwd");
        let out = report.tests[0].output.as_deref().unwrap_or("");
        assert_eq!(out.trim(), "none", "{lang} saw a host file: {out}");
    }
}

#[test]
fn sockets_cannot_be_opened() {
    // Each program prints the sum only if its connection attempt failed.
    let cases: &[(Language, &str)] = &[
        (
            Rust,
            "fn main(){ if std::net::TcpStream::connect(\"127.0.0.1:6379\").is_ok() { println!(\"connected\"); return; } let mut s = String::new(); std::io::stdin().read_line(&mut s).unwrap(); let v: Vec<i64> = s.split_whitespace().map(|x| x.parse().unwrap()).collect(); println!(\"{}\", v[0] + v[1]); }",
        ),
        (
            Python,
            "import socket\ntry:\n    socket.create_connection(('127.0.0.1', 6379), timeout=1)\n    print('connected')\nexcept Exception:\n    a, b = map(int, input().split())\n    print(a + b)\n",
        ),
        (
            Javascript,
            "let ok = false; try { std.urlGet('http://127.0.0.1:6379/'); ok = true; } catch (e) {}\nif (ok) console.log('connected'); else { const [a, b] = std.in.getline().split(' ').map(Number); console.log(a + b); }",
        ),
    ];
    let problem = shipped("aplusb");
    for (lang, src) in cases {
        let report = judge_source(&problem, *lang, src);
        assert_verdict(&report, Verdict::AC, "opening a socket");
    }
    // C and C++: WASI preview 1 has no socket(); the program does not even compile.
    let c =
        "#include <sys/socket.h>\nint main(void){ return socket(AF_INET, SOCK_STREAM, 0) < 0; }";
    let report = judge_source(&problem, C, c);
    assert!(
        matches!(report.verdict, Verdict::CE | Verdict::RTE),
        "{report:#?}"
    );
}

#[test]
fn deep_recursion_is_accepted() {
    // A recursive DFS down a path of 10^6 vertices, as a native judge with a big stack accepts.
    let cpp = r#"#include <bits/stdc++.h>
using namespace std;
vector<vector<int>> adj; vector<char> seen;
int dfs(int v) { seen[v] = 1; int best = 0; for (int u : adj[v]) if (!seen[u]) best = max(best, dfs(u) + 1); return best; }
int main() {
    long long a, b; cin >> a >> b;
    int n = 1000000; adj.assign(n, {}); seen.assign(n, 0);
    for (int i = 0; i + 1 < n; i++) { adj[i].push_back(i + 1); adj[i + 1].push_back(i); }
    if (dfs(0) != n - 1) return 1;
    cout << a + b << "\n";
}"#;
    let c = r#"#include <stdio.h>
long long depth(long long n) { return n == 0 ? 0 : 1 + depth(n - 1); }
int main(void) { long long a, b; scanf("%lld %lld", &a, &b); if (depth(1000000) != 1000000) return 1; printf("%lld\n", a + b); return 0; }"#;
    let rust = r#"fn depth(n: u64) -> u64 { if n == 0 { 0 } else { 1 + depth(std::hint::black_box(n - 1)) } }
fn main() { let mut s = String::new(); std::io::stdin().read_line(&mut s).unwrap();
let v: Vec<i64> = s.split_whitespace().map(|x| x.parse().unwrap()).collect();
assert_eq!(depth(1_000_000), 1_000_000); println!("{}", v[0] + v[1]); }"#;
    let python = "import sys\nsys.setrecursionlimit(10**7)\ndef d(n):\n    return 0 if n == 0 else 1 + d(n - 1)\nassert d(10**6) == 10**6\na, b = map(int, input().split())\nprint(a + b)\n";
    // The QuickJS-ng WASI build has a 64 KiB C stack: about 250 JavaScript frames (README).
    let js = "function d(n) { return n === 0 ? 0 : 1 + d(n - 1); }\nif (d(150) !== 150) throw new Error('depth');\nconst [a, b] = std.in.getline().split(' ').map(Number); console.log(a + b);";
    expect(
        &[
            (Cpp, cpp),
            (C, c),
            (Rust, rust),
            (Python, python),
            (Javascript, js),
        ],
        Verdict::AC,
        "deep recursion",
    );
}

#[test]
fn recursion_past_the_interpreter_stack_is_a_runtime_error() {
    expect(
        &[
            (
                Javascript,
                "function d(n) { return n === 0 ? 0 : 1 + d(n - 1); }\nconsole.log(d(100000));",
            ),
            (
                C,
                "int d(int n) { volatile char pad[4096]; pad[0] = (char)n; return n == 0 ? pad[0] : 1 + d(n - 1); }\nint main(void){ return d(100000000) == 0; }",
            ),
        ],
        Verdict::RTE,
        "unbounded recursion",
    );
}
