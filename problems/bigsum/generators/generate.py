#!/usr/bin/env python3
"""Writes the large secret tests of Big Sum (n up to 10^6, up to 14 MB each, not committed).

Deterministic: a fixed seed per test. `--list` prints the files it writes, relative to the
problem folder, one per line (scripts/generate-data.sh uses it to decide whether to run).
The small secret tests are committed by hand beside these.
"""
import os
import random
import sys

PROBLEM = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
N = 10**6
LIM = 10**12


def cancel(rng):
    # x and -x in random order: the sum is 0, the partial sums are large.
    half = [rng.randint(1, LIM) for _ in range(50_000)]
    a = half + [-x for x in half]
    rng.shuffle(a)
    return a


def all_max(rng):
    return [LIM] * N


def all_min(rng):
    return [-LIM] * (N // 10)


def random_mixed(rng):
    return [rng.randint(-LIM, LIM) for _ in range(N)]


def random_positive(rng):
    # Partial sums reach 5*10^17, far past 2^53: a double accumulator loses the low digits.
    return [rng.randint(0, LIM // 2 - 1) * 2 + 1 for _ in range(N)]


TESTS = [
    ("data/secret/10-cancel", cancel, 10),
    ("data/secret/11-all-min", all_min, 11),
    ("data/secret/12-max-positive", random_positive, 12),
    ("data/secret/13-max-all-max", all_max, 13),
    ("data/secret/14-max-random", random_mixed, 14),
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
        a = make(random.Random(seed))
        assert 1 <= len(a) <= N and all(-LIM <= x <= LIM for x in a)
        base = os.path.join(PROBLEM, name)
        os.makedirs(os.path.dirname(base), exist_ok=True)
        write(base + ".in", f"{len(a)}\n" + "\n".join(map(str, a)) + "\n")
        write(base + ".ans", f"{sum(a)}\n")


if __name__ == "__main__":
    main()
