// f64::hypot per segment, f64 accumulator, printed with 9 decimals.
use std::io::Read;

fn main() {
    let mut s = String::new();
    std::io::stdin().read_to_string(&mut s).unwrap();
    let v: Vec<f64> = s.split_ascii_whitespace().map(|x| x.parse().unwrap()).collect();
    let n = v[0] as usize;
    let pts: Vec<(f64, f64)> = (0..n).map(|i| (v[1 + 2 * i], v[2 + 2 * i])).collect();
    let total: f64 = pts.windows(2).map(|w| (w[1].0 - w[0].0).hypot(w[1].1 - w[0].1)).sum();
    println!("{:.9}", total);
}
