// Lowercases but keeps spaces and punctuation: `A man, a plan, a canal: Panama!` comes out NO.
const t = Number(std.in.getline());
for (let k = 0; k < t; k++) {
    const s = std.in.getline().toLowerCase();
    console.log(s === s.split("").reverse().join("") ? "YES" : "NO");
}
