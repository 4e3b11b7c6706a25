// Prints the exact greeting; console.log appends the single newline.
console.log("Hello, World!");
