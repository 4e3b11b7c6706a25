// Math.hypot per segment in doubles, toFixed(9).
const n = Number(std.in.getline());
let total = 0, px = 0, py = 0;
for (let i = 0; i < n; i++) {
    const [x, y] = std.in.getline().split(" ").map(Number);
    if (i > 0) total += Math.hypot(x - px, y - py);
    px = x;
    py = y;
}
console.log(total.toFixed(9));
