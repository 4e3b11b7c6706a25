// Sums in JS Numbers (doubles): exact only below 2^53, so the large positive test loses digits.
const n = Number(std.in.getline());
let sum = 0;
for (let i = 0; i < n; i++) sum += Number(std.in.getline());
console.log(String(sum));
