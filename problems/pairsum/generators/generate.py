#!/usr/bin/env python3
"""Writes the large secret tests of Pair Sum (n = 2*10^5, over 1 MB each, not committed).

Deterministic: a fixed seed per test. `--list` prints the files it writes, relative to the
problem folder, one per line (scripts/generate-data.sh uses it to decide whether to run).
The small secret tests are committed by hand beside these.
"""
import os
import random
import sys

PROBLEM = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
N = 200_000
LIM = 10**9


def solve(n, s, a):
    """Reference answer: the first pair (i, j) by j, or None."""
    pos = {}
    for j, x in enumerate(a):
        i = pos.get(s - x)
        if i is not None:
            return i + 1, j + 1
        pos.setdefault(x, j)
    return None


def many(rng):
    # Small values: tens of thousands of valid pairs.
    a = [rng.randint(-10**5, 10**5) for _ in range(N)]
    return 12345, a


def none(rng):
    # Every value even, S odd: no pair.
    a = [2 * rng.randint(-LIM // 2, LIM // 2) for _ in range(N)]
    return 2 * rng.randint(-LIM // 2, LIM // 2) + 1, a


def last_pair(rng):
    # Multiples of 4 pairwise summing to 0 mod 4, S = 2 mod 4: the only pair is the last two
    # (two odd values), so a quadratic search scans everything.
    a = rng.sample(range(-LIM // 4, LIM // 4), N - 2)
    a = [4 * x for x in a]
    s = 4 * rng.randint(-LIM // 8, LIM // 8) + 2
    p = 4 * rng.randint(-LIM // 8, LIM // 8) + 1
    return s, a + [p, s - p]


def half_trap(rng):
    # S/2 appears exactly once; every other value is a multiple of 4 and S = 2 mod 4: no pair,
    # but a program that may use a position twice finds S/2 + S/2.
    s = 4 * rng.randint(-LIM // 4, LIM // 4 - 1) + 2
    a = [4 * rng.randint(-LIM // 4, LIM // 4) for _ in range(N - 1)]
    a.insert(rng.randrange(N), s // 2)
    return s, a


def extremes(rng):
    # S = 2*10^9 = 10^9 + 10^9 from the first and last positions; every other value is below
    # 10^9, so that is the only pair; intermediate sums S - a_i reach 3*10^9.
    a = [rng.randint(-LIM, LIM - 1) for _ in range(N - 2)]
    return 2 * LIM, [LIM] + a + [LIM]


TESTS = [
    ("data/secret/20-max-many", many, 1),
    ("data/secret/21-max-none", none, 2),
    ("data/secret/22-max-last-pair", last_pair, 3),
    ("data/secret/23-max-half-trap", half_trap, 4),
    ("data/secret/24-max-extremes", extremes, 5),
]


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
        rng = random.Random(seed)
        s, a = make(rng)
        assert len(a) == N and all(-LIM <= x <= LIM for x in a) and -2 * LIM <= s <= 2 * LIM
        pair = solve(N, s, a)
        base = os.path.join(PROBLEM, name)
        os.makedirs(os.path.dirname(base), exist_ok=True)
        write(base + ".in", f"{N} {s}\n{' '.join(map(str, a))}\n")
        write(base + ".ans", f"{pair[0]} {pair[1]}\n" if pair else "-1\n")


if __name__ == "__main__":
    main()
