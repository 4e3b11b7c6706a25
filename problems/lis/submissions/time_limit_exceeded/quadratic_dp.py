# O(n^2) DP in Python: 2*10^10 interpreted steps at n = 2*10^5, hopeless within 1.5 s.
import sys

data = sys.stdin.buffer.read().split()
n = int(data[0])
a = list(map(int, data[1:n + 1]))
best = [1] * n
for i in range(n):
    ai = a[i]
    best[i] = 1 + max((best[j] for j in range(i) if a[j] < ai), default=0)
print(max(best))
