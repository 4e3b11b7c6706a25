// Greets correctly but then echoes the input: extra output after the expected line.
console.log("Hello, World!");
const rest = std.in.readAsString();
if (rest.length > 0) console.log(rest);
