// Patience sorting in an Int32Array (|a_i| <= 10^9 fits) with a manual binary search. O(n log n).
const n = Number(std.in.getline());
const a = std.in.getline().split(" ");
const tails = new Int32Array(n);
let len = 0;
for (let i = 0; i < n; i++) {
    const x = +a[i];
    let lo = 0, hi = len;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (tails[mid] < x) lo = mid + 1; else hi = mid;
    }
    tails[lo] = x;
    if (lo === len) len++;
}
console.log(len);
