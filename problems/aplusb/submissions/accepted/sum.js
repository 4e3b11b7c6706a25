// QuickJS-ng with --std: `std.in.getline()` reads one line of stdin (null at the end).
const [a, b] = std.in.getline().trim().split(/\s+/).map(Number);
console.log(a + b);
