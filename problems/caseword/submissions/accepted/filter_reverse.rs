// Reads lines, keeps ASCII alphanumerics lowercased, compares with the reverse; prints `Yes`/`No` (case is ignored by the checker).
use std::io::{BufRead, Write};

fn main() {
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    let t: usize = lines.next().unwrap().unwrap().trim().parse().unwrap();
    let mut out = String::new();
    for _ in 0..t {
        let line = lines.next().unwrap().unwrap();
        let s: Vec<u8> = line
            .bytes()
            .filter(|b| b.is_ascii_alphanumeric())
            .map(|b| b.to_ascii_lowercase())
            .collect();
        let pal = s.iter().eq(s.iter().rev());
        out.push_str(if pal { "Yes\n" } else { "No\n" });
    }
    std::io::stdout().write_all(out.as_bytes()).unwrap();
}
