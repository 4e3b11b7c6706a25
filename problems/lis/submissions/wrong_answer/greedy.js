// Greedy: takes every element larger than the last one taken, starting from the first; misses better starts (sample 1 gives 2).
const n = Number(std.in.getline());
const a = std.in.getline().split(" ").map(Number);
let last = a[0], count = 1;
for (let i = 1; i < n; i++) if (a[i] > last) { last = a[i]; count++; }
console.log(count);
