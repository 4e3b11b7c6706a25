// JS number-to-string keeps full double precision (exponent notation for tiny areas is accepted).
const r = parseFloat(std.in.getline());
console.log(Math.PI * r * r);
