# Recursive palindrome check, one call per character pair: the 10^5-character lines exceed Python's recursion limit (RecursionError).
import sys


def pal(s, i, j):
    if i >= j:
        return True
    return s[i] == s[j] and pal(s, i + 1, j - 1)


lines = sys.stdin.read().split("\n")
t = int(lines[0])
for line in lines[1:t + 1]:
    s = [c.lower() for c in line if c.isalnum()]
    print("YES" if pal(s, 0, len(s) - 1) else "NO")
