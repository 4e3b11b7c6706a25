# math.dist per segment summed with math.fsum (exactly rounded), printed with 9 decimals.
import math
import sys

data = sys.stdin.buffer.read().split()
n = int(data[0])
xs = list(map(int, data[1:2 * n + 1:2]))
ys = list(map(int, data[2:2 * n + 2:2]))
pts = list(zip(xs, ys))
print(f"{math.fsum(map(math.dist, pts, pts[1:])):.9f}")
