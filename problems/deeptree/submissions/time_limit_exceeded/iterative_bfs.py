# Correct iterative BFS + reverse-order sizes, but a million interpreted steps per pass take ~4.8 s in the sandbox: over 2 s.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    if n % 2 == 1:
        print(-1)
        return
    parent = [0, 0] + list(map(int, data[1:n]))
    children = [[] for _ in range(n + 1)]
    for v in range(2, n + 1):
        children[parent[v]].append(v)
    order = [1]
    for v in order:
        order.extend(children[v])
    size = [1] * (n + 1)
    for v in reversed(order):
        size[parent[v]] += size[v]
    print(sum(1 for v in range(2, n + 1) if size[v] % 2 == 0))


main()
