// Prints the exact greeting; println! appends the single newline.
fn main() {
    println!("Hello, World!");
}
