# Reads all input at once with sys.stdin.buffer.read().split(); Python ints never overflow.
import sys

data = sys.stdin.buffer.read().split()
n = int(data[0])
print(sum(map(int, data[1:n + 1])))
