// Reads all of stdin at once and parses the tokens into an i64 sum.
use std::io::Read;

fn main() {
    let mut s = String::new();
    std::io::stdin().read_to_string(&mut s).unwrap();
    let mut it = s.split_ascii_whitespace();
    let n: usize = it.next().unwrap().parse().unwrap();
    let sum: i64 = it.take(n).map(|x| x.parse::<i64>().unwrap()).sum();
    println!("{}", sum);
}
