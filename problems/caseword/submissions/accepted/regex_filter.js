// std.in.getline keeps the spaces; a regex drops non-alphanumerics, then compare with the reverse.
const t = Number(std.in.getline());
const out = [];
for (let k = 0; k < t; k++) {
    const s = std.in.getline().replace(/[^A-Za-z0-9]/g, "").toLowerCase();
    out.push(s === s.split("").reverse().join("") ? "YES" : "NO");
}
console.log(out.join("\n"));
