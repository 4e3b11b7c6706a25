# One pass with a dict from value to its first position: O(n).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, s = int(data[0]), int(data[1])
    pos = {}
    for j in range(n):
        x = int(data[2 + j])
        i = pos.get(s - x)
        if i is not None:
            print(i + 1, j + 1)
            return
        if x not in pos:
            pos[x] = j
    print(-1)


main()
