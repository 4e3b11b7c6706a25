// Indexes a lookup table by value, assuming 0 <= a_i <= 10^6: panics (index out of bounds) on negative or large values.
use std::io::Read;

fn main() {
    let mut s = String::new();
    std::io::stdin().read_to_string(&mut s).unwrap();
    let mut it = s.split_ascii_whitespace().map(|x| x.parse::<i64>().unwrap());
    let n = it.next().unwrap() as usize;
    let target = it.next().unwrap();
    let mut first = vec![0usize; 1_000_001];
    for j in 1..=n {
        let x = it.next().unwrap();
        let need = target - x;
        if (0..=1_000_000).contains(&need) && first[need as usize] != 0 {
            println!("{} {}", first[need as usize], j);
            return;
        }
        if first[x as usize] == 0 {
            first[x as usize] = j;
        }
    }
    println!("-1");
}
