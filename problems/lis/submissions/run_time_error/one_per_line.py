# Expects one number per line, but they share one line: int("10 9 2 ...") raises ValueError.
from bisect import bisect_left

n = int(input())
a = [int(input()) for _ in range(n)]
tails = []
for x in a:
    i = bisect_left(tails, x)
    if i == len(tails):
        tails.append(x)
    else:
        tails[i] = x
print(len(tails))
