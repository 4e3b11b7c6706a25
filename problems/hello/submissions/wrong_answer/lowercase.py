# Wrong case: the problem is judged case_sensitive, so `hello, world!` is rejected.
print("hello, world!")
