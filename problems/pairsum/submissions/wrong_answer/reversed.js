// Finds a right pair but prints it as "j i" with j > i: the validator demands i < j.
const [n, s] = std.in.getline().trim().split(" ").map(Number);
const a = std.in.getline().trim().split(" ").map(Number);
const pos = new Map();
let found = "-1";
for (let j = 0; j < n; j++) {
    const i = pos.get(s - a[j]);
    if (i !== undefined) {
        found = `${j + 1} ${i + 1}`;
        break;
    }
    if (!pos.has(a[j])) pos.set(a[j], j);
}
console.log(found);
