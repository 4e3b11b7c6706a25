// Forgets the -1 case: prints the count of even subtrees even when n is odd.
use std::io::Read;

fn main() {
    let mut s = String::new();
    std::io::stdin().read_to_string(&mut s).unwrap();
    let mut it = s.split_ascii_whitespace().map(|x| x.parse::<usize>().unwrap());
    let n = it.next().unwrap();
    let mut parent = vec![0usize; n + 1];
    let mut children = vec![Vec::new(); n + 1];
    for v in 2..=n {
        parent[v] = it.next().unwrap();
        children[parent[v]].push(v);
    }
    let mut order = vec![1usize];
    let mut k = 0;
    while k < order.len() {
        let v = order[k];
        order.extend_from_slice(&children[v]);
        k += 1;
    }
    let mut size = vec![1u32; n + 1];
    let mut answer = 0;
    for &v in order.iter().skip(1).rev() {
        if size[v] % 2 == 0 {
            answer += 1;
        }
        size[parent[v]] += size[v];
    }
    println!("{}", answer);
}
