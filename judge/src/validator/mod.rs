//! Output validation: deciding whether a program's output answers a test. The default validator
//! (`default`) is the Kattis one, configured by validator flags; a package may bring its own
//! program instead (`custom`).

pub mod custom;
pub mod default;

pub use default::{ValidatorFlags, check};

/// What a validator said about one output.
#[derive(Debug, Clone, PartialEq)]
pub enum Judgement {
    Accepted,
    /// The output is wrong; the message says where, for the contestant and the setter.
    WrongAnswer(String),
}
