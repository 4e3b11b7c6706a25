// Array-scan Dijkstra, correct distances, but prints `Infinity` instead of -1 for unreachable towns.
const [n, m] = std.in.getline().split(" ").map(Number);
const adj = Array.from({ length: n + 1 }, () => []);
for (let i = 0; i < m; i++) {
    const [u, v, w] = std.in.getline().split(" ").map(Number);
    adj[u].push([v, w]);
    adj[v].push([u, w]);
}
const dist = new Array(n + 1).fill(Infinity), done = new Array(n + 1).fill(false);
dist[1] = 0;
for (;;) {
    let u = -1;
    for (let k = 1; k <= n; k++) if (!done[k] && dist[k] < Infinity && (u === -1 || dist[k] < dist[u])) u = k;
    if (u === -1) break;
    done[u] = true;
    for (const [v, w] of adj[u]) if (dist[u] + w < dist[v]) dist[v] = dist[u] + w;
}
console.log(dist.slice(1).join(" "));
