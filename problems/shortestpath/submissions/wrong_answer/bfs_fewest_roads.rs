// BFS: takes the route with the fewest roads and sums its lengths, which is not the shortest (sample 1: 4 instead of 3).
use std::collections::VecDeque;
use std::io::Read;

fn main() {
    let mut s = String::new();
    std::io::stdin().read_to_string(&mut s).unwrap();
    let mut it = s.split_ascii_whitespace().map(|x| x.parse::<i64>().unwrap());
    let n = it.next().unwrap() as usize;
    let m = it.next().unwrap() as usize;
    let mut adj = vec![Vec::new(); n + 1];
    for _ in 0..m {
        let (u, v, w) = (it.next().unwrap() as usize, it.next().unwrap() as usize, it.next().unwrap());
        adj[u].push((v, w));
        adj[v].push((u, w));
    }
    let mut dist = vec![-1i64; n + 1];
    dist[1] = 0;
    let mut queue = VecDeque::from([1usize]);
    while let Some(u) = queue.pop_front() {
        for &(v, w) in &adj[u] {
            if dist[v] == -1 {
                dist[v] = dist[u] + w;
                queue.push_back(v);
            }
        }
    }
    let out: Vec<String> = dist[1..].iter().map(|d| d.to_string()).collect();
    println!("{}", out.join(" "));
}
