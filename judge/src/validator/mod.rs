//! Output validation: deciding whether a program's output answers a test. The default validator
//! (`default`) is the Kattis one; validator flags configure it.

pub mod default;

pub use default::{ValidatorFlags, check};

/// What a validator said about one output.
#[derive(Debug, Clone, PartialEq)]
pub enum Judgement {
    Accepted,
    /// The output is wrong; the message says where, for the contestant and the setter.
    WrongAnswer(String),
}
