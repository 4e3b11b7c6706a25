# One input() call and int() per line: a million interpreted calls take about 7 s in the sandbox, far over 2 s.
n = int(input())
total = 0
for _ in range(n):
    total += int(input())
print(total)
