# Dijkstra that finds the next town by scanning all n towns: O(n^2) = 2.5*10^9 interpreted steps at n = 5*10^4.
import sys

data = sys.stdin.buffer.read().split()
n, m = int(data[0]), int(data[1])
adj = [[] for _ in range(n + 1)]
for i in range(m):
    u, v, w = int(data[2 + 3 * i]), int(data[3 + 3 * i]), int(data[4 + 3 * i])
    adj[u].append((v, w))
    adj[v].append((u, w))
INF = float("inf")
dist = [INF] * (n + 1)
done = [False] * (n + 1)
dist[1] = 0
while True:
    u, best = -1, INF
    for k in range(1, n + 1):
        if not done[k] and dist[k] < best:
            u, best = k, dist[k]
    if u == -1:
        break
    done[u] = True
    for v, w in adj[u]:
        if best + w < dist[v]:
            dist[v] = best + w
print(" ".join(str(d) if d < INF else "-1" for d in dist[1:]))
