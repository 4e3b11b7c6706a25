// One pass with a HashMap from value to its first position: O(n) expected.
use std::collections::HashMap;
use std::io::Read;

fn main() {
    let mut s = String::new();
    std::io::stdin().read_to_string(&mut s).unwrap();
    let mut it = s.split_ascii_whitespace().map(|x| x.parse::<i64>().unwrap());
    let n = it.next().unwrap() as usize;
    let target = it.next().unwrap();
    let mut pos: HashMap<i64, usize> = HashMap::with_capacity(n);
    for j in 1..=n {
        let x = it.next().unwrap();
        if let Some(&i) = pos.get(&(target - x)) {
            println!("{} {}", i, j);
            return;
        }
        pos.entry(x).or_insert(j);
    }
    println!("-1");
}
