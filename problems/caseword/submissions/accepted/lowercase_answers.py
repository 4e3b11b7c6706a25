# Filters and lowercases each line, compares with its reverse; prints `yes`/`no`, accepted since answers are compared case-insensitively.
import sys

lines = sys.stdin.read().split("\n")
t = int(lines[0])
out = []
for line in lines[1:t + 1]:
    s = [c.lower() for c in line if c.isascii() and c.isalnum()]
    out.append("yes" if s == s[::-1] else "no")
print("\n".join(out))
