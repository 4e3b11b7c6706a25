// Sizes the tails table for n <= 10^5 (a misread bound): index out of bounds panic once the answer passes 10^5.
use std::io::Read;

fn main() {
    let mut s = String::new();
    std::io::stdin().read_to_string(&mut s).unwrap();
    let mut it = s.split_ascii_whitespace().map(|x| x.parse::<i64>().unwrap());
    let n = it.next().unwrap() as usize;
    let mut tails = vec![0i64; 100_000];
    let mut len = 0;
    for x in it.take(n) {
        let k = tails[..len].partition_point(|&t| t < x);
        tails[k] = x;
        if k == len {
            len += 1;
        }
    }
    println!("{}", len);
}
