#!/usr/bin/env python3
"""Writes the large secret tests of Longest Increasing Subsequence (n = 2*10^5, over 1 MB
each, not committed).

Deterministic: a fixed seed per test. `--list` prints the files it writes, relative to the
problem folder, one per line (scripts/generate-data.sh uses it to decide whether to run).
The small secret tests are committed by hand beside these.
"""
import bisect
import os
import random
import sys

PROBLEM = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
N = 2 * 10**5
LIM = 10**9


def random_values(rng):
    return [rng.randint(-LIM, LIM) for _ in range(N)]


def increasing(rng):
    # Strictly increasing from -10^9 to near 10^9: the answer is n.
    a = sorted(rng.sample(range(-LIM, LIM + 1), N))
    return a


def decreasing(rng):
    return sorted(rng.sample(range(-LIM, LIM + 1), N), reverse=True)


def all_equal(rng):
    # A non-strict (non-decreasing) subsequence would have length n; the answer is 1.
    return [LIM] * N


def few_distinct(rng):
    # Values 1..100 with many repeats, roughly rising: long non-decreasing runs, answer 100.
    return sorted(rng.randint(1, 100) for _ in range(N // 2)) + [rng.randint(1, 100) for _ in range(N // 2)]


def blocks(rng):
    # 400 decreasing blocks of 500, each block above the previous one: answer 400.
    a = []
    for b in range(400):
        base = -LIM + b * 10**6
        a += list(range(base + 500, base, -1))
    return a


TESTS = [
    ("data/secret/10-max-random", random_values, 10),
    ("data/secret/11-max-increasing", increasing, 11),
    ("data/secret/12-max-decreasing", decreasing, 12),
    ("data/secret/13-max-all-equal", all_equal, 13),
    ("data/secret/14-max-few-distinct", few_distinct, 14),
    ("data/secret/15-max-blocks", blocks, 15),
]


def solve(a):
    tails = []
    for x in a:
        i = bisect.bisect_left(tails, x)
        if i == len(tails):
            tails.append(x)
        else:
            tails[i] = x
    return len(tails)


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
        a = make(random.Random(seed))
        assert len(a) == N and all(-LIM <= x <= LIM for x in a)
        base = os.path.join(PROBLEM, name)
        os.makedirs(os.path.dirname(base), exist_ok=True)
        write(base + ".in", f"{N}\n{' '.join(map(str, a))}\n")
        write(base + ".ans", f"{solve(a)}\n")


if __name__ == "__main__":
    main()
