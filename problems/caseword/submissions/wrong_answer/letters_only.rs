// Keeps letters but drops digits: `Step on no pets 2` wrongly comes out Yes.
use std::io::BufRead;

fn main() {
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    let t: usize = lines.next().unwrap().unwrap().trim().parse().unwrap();
    for _ in 0..t {
        let line = lines.next().unwrap().unwrap();
        let s: Vec<u8> = line
            .bytes()
            .filter(|b| b.is_ascii_alphabetic())
            .map(|b| b.to_ascii_lowercase())
            .collect();
        println!("{}", if s.iter().eq(s.iter().rev()) { "Yes" } else { "No" });
    }
}
