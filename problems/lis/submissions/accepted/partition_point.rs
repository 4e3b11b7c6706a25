// Patience sorting with slice::partition_point(|&t| t < x): the first tail >= x. O(n log n).
use std::io::Read;

fn main() {
    let mut s = String::new();
    std::io::stdin().read_to_string(&mut s).unwrap();
    let mut it = s.split_ascii_whitespace().map(|x| x.parse::<i64>().unwrap());
    let n = it.next().unwrap() as usize;
    let mut tails: Vec<i64> = Vec::with_capacity(n);
    for x in it.take(n) {
        let k = tails.partition_point(|&t| t < x);
        if k == tails.len() {
            tails.push(x);
        } else {
            tails[k] = x;
        }
    }
    println!("{}", tails.len());
}
