# Patience sorting with bisect_left (strict: an equal value replaces, never extends). O(n log n).
import sys
from bisect import bisect_left

data = sys.stdin.buffer.read().split()
n = int(data[0])
tails = []
for x in map(int, data[1:n + 1]):
    i = bisect_left(tails, x)
    if i == len(tails):
        tails.append(x)
    else:
        tails[i] = x
print(len(tails))
