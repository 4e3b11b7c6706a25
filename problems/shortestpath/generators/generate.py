#!/usr/bin/env python3
"""Writes the large secret tests of Shortest Paths (up to 5*10^4 vertices and 10^5 edges, over
1 MB each, not committed).

Deterministic: a fixed seed per test. `--list` prints the files it writes, relative to the
problem folder, one per line (scripts/generate-data.sh uses it to decide whether to run).
The small secret tests are committed by hand beside these.
"""
import heapq
import os
import random
import sys

PROBLEM = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
N = 5 * 10**4
M = 10**5
W = 10**9


def relabel(rng, n, edges):
    """Renames the vertices 2..n-1 at random (1 and n keep their names) and shuffles the edges."""
    perm = list(range(2, n))
    rng.shuffle(perm)
    name = [0, 1] + perm + [n]
    out = [(name[u], name[v], w) if rng.random() < 0.5 else (name[v], name[u], w) for u, v, w in edges]
    rng.shuffle(out)
    return out


def long_path(rng):
    # 1 - 2 - ... - n with the largest weights: d_n = (n-1)*10^9, far past 2^31; the edges are
    # listed from the far end, so Bellman-Ford needs n - 1 rounds.
    edges = [(v, v + 1, W) for v in range(N - 1, 0, -1)]
    return N, edges


def random_graph(rng):
    # A random spanning tree plus random extra edges, random weights.
    edges = [(v, rng.randint(1, v - 1), rng.randint(1, W)) for v in range(2, N + 1)]
    edges += [(rng.randint(1, N), rng.randint(1, N), rng.randint(1, W)) for _ in range(M - (N - 1))]
    return N, relabel(rng, N, edges)


def small_weights(rng):
    # Many equal-length paths (weights 1..3): lots of ties and stale heap entries.
    edges = [(rng.randint(1, N), rng.randint(1, N), rng.randint(1, 3)) for _ in range(M)]
    return N, edges


def shortcut_trap(rng):
    # Layered graph: going through more edges is cheaper than the direct heavy edges, so a BFS
    # (fewest edges) or a "first time seen" answer is wrong.
    edges = []
    for v in range(1, N):
        edges.append((v, v + 1, 1))
    for _ in range(M - (N - 1)):
        u = rng.randint(1, N - 1)
        v = min(N, u + rng.randint(2, 1000))
        edges.append((u, v, (v - u) + rng.randint(1, 10**6)))
    return N, relabel(rng, N, edges)


def two_components(rng):
    # Vertices 1..n/2 and n/2+1..n are never connected: half of the answers are -1.
    h = N // 2
    edges = [(v, rng.randint(1, v - 1), rng.randint(1, W)) for v in range(2, h + 1)]
    edges += [(v, rng.randint(h + 1, v - 1), rng.randint(1, W)) for v in range(h + 2, N + 1)]
    while len(edges) < M:
        if rng.random() < 0.5:
            edges.append((rng.randint(1, h), rng.randint(1, h), rng.randint(1, W)))
        else:
            edges.append((rng.randint(h + 1, N), rng.randint(h + 1, N), rng.randint(1, W)))
    rng.shuffle(edges)
    return N, edges


def star(rng):
    # Vertex 1 joined to everyone with heavy edges, plus a light cycle through all vertices.
    edges = [(1, v, W) for v in range(2, N + 1)]
    order = list(range(2, N + 1))
    rng.shuffle(order)
    cycle = [1] + order
    edges += [(cycle[i], cycle[(i + 1) % N], rng.randint(1, 10**4)) for i in range(N)]
    rng.shuffle(edges)
    return N, edges


TESTS = [
    ("data/secret/10-max-long-path", long_path, 10),
    ("data/secret/11-max-random", random_graph, 11),
    ("data/secret/12-max-small-weights", small_weights, 12),
    ("data/secret/13-max-shortcut-trap", shortcut_trap, 13),
    ("data/secret/14-max-two-components", two_components, 14),
    ("data/secret/15-max-star-cycle", star, 15),
]


def solve(n, edges):
    adj = [[] for _ in range(n + 1)]
    for u, v, w in edges:
        adj[u].append((v, w))
        adj[v].append((u, w))
    dist = [-1] * (n + 1)
    heap = [(0, 1)]
    while heap:
        d, u = heapq.heappop(heap)
        if dist[u] != -1:
            continue
        dist[u] = d
        for v, w in adj[u]:
            if dist[v] == -1:
                heapq.heappush(heap, (d + w, v))
    return dist[1:]


def write(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, path)


def main():
    if "--list" in sys.argv[1:]:
        for name, _, _ in TESTS:
            print(name + ".in")
            print(name + ".ans")
        return
    for name, make, seed in TESTS:
        n, edges = make(random.Random(seed))
        assert 1 <= n <= N and len(edges) <= M
        assert all(1 <= u <= n and 1 <= v <= n and 1 <= w <= W for u, v, w in edges)
        base = os.path.join(PROBLEM, name)
        os.makedirs(os.path.dirname(base), exist_ok=True)
        write(base + ".in", f"{n} {len(edges)}\n" + "".join(f"{u} {v} {w}\n" for u, v, w in edges))
        write(base + ".ans", " ".join(map(str, solve(n, edges))) + "\n")


if __name__ == "__main__":
    main()
