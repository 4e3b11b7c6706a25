// Dijkstra with a binary heap on parallel arrays; distances stay below 2^53, exact in doubles.
const [n, m] = std.in.getline().split(" ").map(Number);
const eu = new Int32Array(m), ev = new Int32Array(m), ew = new Float64Array(m);
const deg = new Int32Array(n + 2);
for (let i = 0; i < m; i++) {
    const t = std.in.getline().split(" ");
    eu[i] = +t[0]; ev[i] = +t[1]; ew[i] = +t[2];
    deg[eu[i]]++; deg[ev[i]]++;
}
const start = new Int32Array(n + 2);
for (let k = 1; k <= n + 1; k++) start[k] = start[k - 1] + deg[k - 1];
const fill = start.slice(), to = new Int32Array(2 * m), wt = new Float64Array(2 * m);
for (let i = 0; i < m; i++) {
    let a = fill[eu[i]]++; to[a] = ev[i]; wt[a] = ew[i];
    let b = fill[ev[i]]++; to[b] = eu[i]; wt[b] = ew[i];
}
// start[k]..start[k+1] are the edges of vertex k (deg was counted per vertex k at index k).
const hd = new Float64Array(2 * m + 2), hv = new Int32Array(2 * m + 2);
let size = 0;
function push(d, v) {
    let i = size++;
    while (i > 0) {
        const p = (i - 1) >> 1;
        if (hd[p] <= d) break;
        hd[i] = hd[p]; hv[i] = hv[p]; i = p;
    }
    hd[i] = d; hv[i] = v;
}
function pop() {
    const ld = hd[--size], lv = hv[size];
    let i = 0;
    for (;;) {
        let c = 2 * i + 1;
        if (c >= size) break;
        if (c + 1 < size && hd[c + 1] < hd[c]) c++;
        if (hd[c] >= ld) break;
        hd[i] = hd[c]; hv[i] = hv[c]; i = c;
    }
    hd[i] = ld; hv[i] = lv;
}
const dist = new Float64Array(n + 1).fill(-1);
push(0, 1);
while (size > 0) {
    const d = hd[0], u = hv[0];
    pop();
    if (dist[u] !== -1) continue;
    dist[u] = d;
    for (let e = start[u]; e < start[u + 1]; e++)
        if (dist[to[e]] === -1) push(d + wt[e], to[e]);
}
console.log(Array.from(dist.subarray(1)).join(" "));
