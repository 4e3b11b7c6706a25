// Missing comma: the first token `Hello` differs from `Hello,`.
fn main() {
    println!("Hello World!");
}
