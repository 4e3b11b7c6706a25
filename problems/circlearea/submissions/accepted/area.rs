// pi*r*r with std::f64::consts::PI, printed with 10 decimals.
use std::io::Read;

fn main() {
    let mut s = String::new();
    std::io::stdin().read_to_string(&mut s).unwrap();
    let r: f64 = s.trim().parse().unwrap();
    println!("{:.10}", std::f64::consts::PI * r * r);
}
