# Tries all pairs with a set-free scan: O(n^2) on n = 2*10^5, hopeless in Python within 1 s.
import sys

data = sys.stdin.buffer.read().split()
n, s = int(data[0]), int(data[1])
a = list(map(int, data[2:2 + n]))
for i in range(n):
    need = s - a[i]
    for j in range(i + 1, n):
        if a[j] == need:
            print(i + 1, j + 1)
            sys.exit(0)
print(-1)
