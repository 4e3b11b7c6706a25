const [a, b] = std.in.getline().trim().split(/\s+/);
console.log(a + b);
