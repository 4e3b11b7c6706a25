// Recursive DFS over child linked lists, 10^6 frames deep (small frames: fits the stack).
use std::io::Read;

fn dfs(v: usize, head: &[u32], nxt: &[u32], answer: &mut u32) -> u32 {
    let mut size = 1;
    let mut c = head[v] as usize;
    while c != 0 {
        size += dfs(c, head, nxt, answer);
        c = nxt[c] as usize;
    }
    if v != 1 && size % 2 == 0 {
        *answer += 1;
    }
    size
}

fn main() {
    let mut s = String::new();
    std::io::stdin().read_to_string(&mut s).unwrap();
    let mut it = s.split_ascii_whitespace().map(|x| x.parse::<usize>().unwrap());
    let n = it.next().unwrap();
    let mut head = vec![0u32; n + 1];
    let mut nxt = vec![0u32; n + 1];
    for v in 2..=n {
        let p = it.next().unwrap();
        nxt[v] = head[p];
        head[p] = v as u32;
    }
    if n % 2 == 1 {
        println!("-1");
        return;
    }
    let mut answer = 0;
    dfs(1, &head, &nxt, &mut answer);
    println!("{}", answer);
}
