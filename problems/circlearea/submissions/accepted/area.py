# Python's float repr has full precision (and may use exponent notation like 3.14e-12, which is accepted).
import math

r = float(input())
print(math.pi * r * r)
