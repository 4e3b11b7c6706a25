// Dijkstra with Option<u64> distances that calls unwrap() when printing: panics on the first unreachable town.
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::io::Read;

fn main() {
    let mut s = String::new();
    std::io::stdin().read_to_string(&mut s).unwrap();
    let mut it = s.split_ascii_whitespace().map(|x| x.parse::<u64>().unwrap());
    let n = it.next().unwrap() as usize;
    let m = it.next().unwrap() as usize;
    let mut adj: Vec<Vec<(usize, u64)>> = vec![Vec::new(); n + 1];
    for _ in 0..m {
        let (u, v, w) = (it.next().unwrap() as usize, it.next().unwrap() as usize, it.next().unwrap());
        adj[u].push((v, w));
        adj[v].push((u, w));
    }
    let mut dist: Vec<Option<u64>> = vec![None; n + 1];
    let mut heap = BinaryHeap::from([Reverse((0u64, 1usize))]);
    while let Some(Reverse((d, u))) = heap.pop() {
        if dist[u].is_some() {
            continue;
        }
        dist[u] = Some(d);
        for &(v, w) in &adj[u] {
            if dist[v].is_none() {
                heap.push(Reverse((d + w, v)));
            }
        }
    }
    let out: Vec<String> = dist[1..].iter().map(|d| d.unwrap().to_string()).collect();
    println!("{}", out.join(" "));
}
