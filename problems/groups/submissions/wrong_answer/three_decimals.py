# Right sum but only 3 decimals: error up to 5e-4 passes group 1 (1e-3) and fails group 2 (1e-6), e.g. 1.414 for sqrt(2).
import math
import sys

data = sys.stdin.buffer.read().split()
n = int(data[0])
pts = [(int(data[1 + 2 * i]), int(data[2 + 2 * i])) for i in range(n)]
print(f"{sum(math.dist(pts[i], pts[i + 1]) for i in range(n - 1)):.3f}")
