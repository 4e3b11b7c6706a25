#!/usr/bin/env python3
"""Writes the large secret tests of Deep Tree (n up to 10^6, about 7 MB each, not committed).

Deterministic: a fixed seed per test. `--list` prints the files it writes, relative to the
problem folder, one per line (scripts/generate-data.sh uses it to decide whether to run).
The small secret tests are committed by hand beside these.
"""
import os
import random
import sys

PROBLEM = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
N = 10**6


def relabel(rng, n, edges):
    """Renames the vertices 2..n at random (the root stays 1); edges are (child, parent)."""
    perm = list(range(2, n + 1))
    rng.shuffle(perm)
    name = [0, 1] + perm
    parent = [0] * (n + 1)
    for c, p in edges:
        parent[name[c]] = name[p]
    return parent


def path(n):
    return [(v, v - 1) for v in range(2, n + 1)]


def path_shuffled(rng):
    # A path 1 - x - y - ... of 10^6 vertices in random label order: recursion depth 10^6.
    return N, relabel(rng, N, path(N))


def path_reversed(rng):
    # The path 1 - n - (n-1) - ... - 2: every parent has a larger label than its child, so an
    # order-based shortcut (assuming p_i < i) fails.
    parent = [0] * (N + 1)
    parent[N] = 1
    for v in range(2, N):
        parent[v] = v + 1
    return N, parent


def broom(rng):
    # A path of 5*10^5 vertices, then a random tree of the other 5*10^5 below its end.
    half = N // 2
    edges = path(half)
    for v in range(half + 1, N + 1):
        edges.append((v, rng.randint(half, v - 1)))
    return N, relabel(rng, N, edges)


def random_tree(rng):
    # Each vertex hangs below a random earlier one: depth about ln n.
    return N, relabel(rng, N, [(v, rng.randint(1, v - 1)) for v in range(2, N + 1)])


def odd_path(rng):
    # An odd number of vertices: the answer is -1 whatever the shape.
    n = N - 1
    return n, relabel(rng, n, path(n))


def star(rng):
    return N, [0, 0] + [1] * (N - 1)


TESTS = [
    ("data/secret/10-max-path-shuffled", path_shuffled, 10),
    ("data/secret/11-max-path-reversed", path_reversed, 11),
    ("data/secret/12-max-broom", broom, 12),
    ("data/secret/13-max-random", random_tree, 13),
    ("data/secret/14-max-star", star, 14),
    ("data/secret/15-odd-path", odd_path, 15),
]


def solve(n, parent):
    """Reference: count the non-root vertices whose subtree has an even size, iteratively."""
    if n % 2:
        return -1
    children = [[] for _ in range(n + 1)]
    for v in range(2, n + 1):
        children[parent[v]].append(v)
    order = [1]
    for v in order:
        order.extend(children[v])
    assert len(order) == n, "not a tree rooted at 1"
    size = [1] * (n + 1)
    for v in reversed(order[1:]):
        size[parent[v]] += size[v]
    return sum(1 for v in range(2, n + 1) if size[v] % 2 == 0)


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
        n, parent = make(random.Random(seed))
        base = os.path.join(PROBLEM, name)
        os.makedirs(os.path.dirname(base), exist_ok=True)
        write(base + ".in", f"{n}\n{' '.join(map(str, parent[2:n + 1]))}\n")
        write(base + ".ans", f"{solve(n, parent)}\n")


if __name__ == "__main__":
    main()
