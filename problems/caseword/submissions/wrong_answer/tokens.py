# Reads whitespace-separated words instead of lines: judges each word of `A man, a plan, ...` on its own.
import sys

words = sys.stdin.read().split()
t = int(words[0])
for w in words[1:t + 1]:
    s = [c.lower() for c in w if c.isalnum()]
    print("YES" if s == s[::-1] else "NO")
