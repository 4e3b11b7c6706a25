//! The judge: Kattis problem packages (`problem`), output validation (`validator`), verdicts
//! (`verdict`, where a test's verdict is decided) and grading a submission (`grading`), on top of
//! the `sandbox` crate. The `judge` binary (src/main.rs, src/cli/) is the command line.

pub mod callback;
pub mod grading;
pub mod problem;
pub mod problem_set;
pub mod time_limit;
pub mod validator;
pub mod verdict;
pub mod verify;
pub mod worker;

pub use grading::{Event, Judge, JudgeOptions, Report, TestResult};
pub use problem::ProblemPackage;
pub use verdict::Verdict;
