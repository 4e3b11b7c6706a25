# Prints the exact greeting; print() appends the single newline.
print("Hello, World!")
