# pi approximated as 3.14: relative error 5e-4 on every nonzero radius.
r = float(input())
print(3.14 * r * r)
