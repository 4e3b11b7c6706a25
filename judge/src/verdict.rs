//! The verdicts, as Kattis and the API spell them.

use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Verdict {
    /// Accepted.
    AC,
    /// Wrong answer.
    WA,
    /// Time limit exceeded.
    TLE,
    /// Memory limit exceeded.
    MLE,
    /// Output limit exceeded.
    OLE,
    /// Run-time error.
    RTE,
    /// Compile error.
    CE,
    /// Judge error: something on our side failed; never the contestant's fault.
    JE,
}

impl Verdict {
    pub fn code(self) -> &'static str {
        match self {
            Verdict::AC => "AC",
            Verdict::WA => "WA",
            Verdict::TLE => "TLE",
            Verdict::MLE => "MLE",
            Verdict::OLE => "OLE",
            Verdict::RTE => "RTE",
            Verdict::CE => "CE",
            Verdict::JE => "JE",
        }
    }

    pub fn words(self) -> &'static str {
        match self {
            Verdict::AC => "Accepted",
            Verdict::WA => "Wrong Answer",
            Verdict::TLE => "Time Limit Exceeded",
            Verdict::MLE => "Memory Limit Exceeded",
            Verdict::OLE => "Output Limit Exceeded",
            Verdict::RTE => "Run-Time Error",
            Verdict::CE => "Compile Error",
            Verdict::JE => "Judge Error",
        }
    }

    pub fn is_accepted(self) -> bool {
        self == Verdict::AC
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

use std::time::Duration;

use sandbox::{RunOutcome, Termination};

use crate::validator::Judgement;

/// Decides one test's verdict from how the run ended, and the validator's word on its output
/// (asked only when the program ended normally; `Err` when the validator itself failed, a judge
/// error). Returns the verdict and the reason to show.
///
/// Order matters: output past the limit is OLE whatever followed; a program that was refused
/// memory and then failed in any way is MLE (a failed `malloc` often surfaces as a crash or a
/// wrong answer); then time; then crashes; then the answer itself.
pub fn decide(
    outcome: &RunOutcome,
    time_limit: Duration,
    validate: impl FnOnce(&[u8]) -> Result<Judgement, String>,
) -> (Verdict, Option<String>) {
    let over_time = outcome.cpu_time > time_limit && outcome.fuel_used.is_none();
    let failed = |v: Verdict, why: String| {
        if outcome.memory_denied {
            (
                Verdict::MLE,
                Some(format!("memory limit exceeded (then: {why})")),
            )
        } else {
            (v, Some(why))
        }
    };
    match &outcome.termination {
        Termination::OutputExceeded => (Verdict::OLE, Some("output limit exceeded".into())),
        Termination::CpuTimeExceeded => failed(Verdict::TLE, "CPU time limit exceeded".into()),
        Termination::WallTimeExceeded => failed(
            Verdict::TLE,
            "wall-clock limit exceeded (sleeping or blocked)".into(),
        ),
        Termination::FuelExhausted => failed(Verdict::TLE, "instruction budget exhausted".into()),
        Termination::Trapped(reason) => failed(Verdict::RTE, reason.clone()),
        Termination::Exited(code) if *code != 0 => {
            failed(Verdict::RTE, format!("exited with code {code}"))
        }
        Termination::Exited(_) if over_time => {
            failed(Verdict::TLE, "CPU time limit exceeded".into())
        }
        Termination::Exited(_) => match validate(&outcome.stdout) {
            Ok(Judgement::Accepted) => (Verdict::AC, None),
            Ok(Judgement::WrongAnswer(why)) => failed(Verdict::WA, why),
            Err(why) => (Verdict::JE, Some(why)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(termination: Termination, denied: bool, cpu_ms: u64) -> RunOutcome {
        RunOutcome {
            termination,
            cpu_time: Duration::from_millis(cpu_ms),
            wall_time: Duration::from_millis(cpu_ms),
            peak_memory: 0,
            memory_denied: denied,
            fuel_used: None,
            stdout: bytes::Bytes::new(),
            stderr: bytes::Bytes::new(),
        }
    }

    fn verdict(o: &RunOutcome, answer: Judgement) -> Verdict {
        decide(o, Duration::from_secs(1), |_| Ok(answer)).0
    }

    #[test]
    fn a_failing_validator_is_a_judge_error() {
        let o = outcome(Termination::Exited(0), false, 10);
        let (v, why) = decide(&o, Duration::from_secs(1), |_| {
            Err("validator crashed".into())
        });
        assert_eq!(v, Verdict::JE);
        assert_eq!(why.as_deref(), Some("validator crashed"));
    }

    #[test]
    fn every_ending_maps_to_its_verdict() {
        let ac = Judgement::Accepted;
        let wa = Judgement::WrongAnswer("x".into());
        assert_eq!(
            verdict(&outcome(Termination::Exited(0), false, 10), ac.clone()),
            Verdict::AC
        );
        assert_eq!(
            verdict(&outcome(Termination::Exited(0), false, 10), wa.clone()),
            Verdict::WA
        );
        assert_eq!(
            verdict(&outcome(Termination::Exited(0), false, 1500), ac.clone()),
            Verdict::TLE
        );
        assert_eq!(
            verdict(&outcome(Termination::Exited(3), false, 10), ac.clone()),
            Verdict::RTE
        );
        assert_eq!(
            verdict(
                &outcome(Termination::Trapped("unreachable".into()), false, 10),
                ac.clone()
            ),
            Verdict::RTE
        );
        assert_eq!(
            verdict(
                &outcome(Termination::CpuTimeExceeded, false, 1000),
                ac.clone()
            ),
            Verdict::TLE
        );
        assert_eq!(
            verdict(
                &outcome(Termination::WallTimeExceeded, false, 0),
                ac.clone()
            ),
            Verdict::TLE
        );
        assert_eq!(
            verdict(&outcome(Termination::OutputExceeded, true, 10), ac.clone()),
            Verdict::OLE
        );
    }

    #[test]
    fn a_refused_allocation_turns_any_failure_into_mle() {
        let wa = Judgement::WrongAnswer("x".into());
        assert_eq!(
            verdict(&outcome(Termination::Exited(1), true, 10), wa.clone()),
            Verdict::MLE
        );
        assert_eq!(
            verdict(&outcome(Termination::Exited(0), true, 10), wa),
            Verdict::MLE
        );
        assert_eq!(
            verdict(
                &outcome(Termination::Trapped("oob".into()), true, 10),
                Judgement::Accepted
            ),
            Verdict::MLE
        );
        // ...but a program that coped with the refusal and answered right is accepted.
        assert_eq!(
            verdict(
                &outcome(Termination::Exited(0), true, 10),
                Judgement::Accepted
            ),
            Verdict::AC
        );
    }
}
