# Dijkstra with heapq on packed int keys (distance << 17 | vertex) and flat adjacency lists: no tuple per heap entry or edge.
import heapq
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    us = data[2:2 + 3 * m:3]
    vs = data[3:3 + 3 * m:3]
    ws = data[4:4 + 3 * m:3]
    adj = [[] for _ in range(n + 1)]
    for u, v, w in zip(map(int, us), map(int, vs), map(int, ws)):
        adj[u].append(v)
        adj[u].append(w)
        adj[v].append(u)
        adj[v].append(w)
    dist = [-1] * (n + 1)
    heap = [1]
    pop, push = heapq.heappop, heapq.heappush
    mask = (1 << 17) - 1
    while heap:
        key = pop(heap)
        u = key & mask
        if dist[u] != -1:
            continue
        d = key >> 17
        dist[u] = d
        a = adj[u]
        for i in range(0, len(a), 2):
            v = a[i]
            if dist[v] == -1:
                push(heap, (d + a[i + 1]) << 17 | v)
    print(" ".join(map(str, dist[1:])))


main()
