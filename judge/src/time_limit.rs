//! Where a problem's time limit comes from when the package does not state one: the legacy
//! Kattis rule, `time_multiplier` (default 5) × the slowest accepted submission, rounded up to a
//! whole second. `judge verify` computes it and remembers it in the cache, keyed by the package's
//! folder, so `judge run` uses the same limit afterwards.

use std::path::{Path, PathBuf};
use std::time::Duration;

use sha2::{Digest, Sha256};

use crate::grading::{Judge, JudgeOptions};
use crate::problem::{ProblemPackage, TimeLimitSource};
use crate::verdict::Verdict;
use crate::verify::{Candidate, judge_all};

/// Time limit used while measuring the accepted submissions.
const MEASURING_LIMIT: Duration = Duration::from_secs(30);

fn remembered_path(cache_dir: &Path, package: &ProblemPackage) -> PathBuf {
    let dir = package
        .dir
        .canonicalize()
        .unwrap_or_else(|_| package.dir.clone());
    let key = hex::encode(Sha256::digest(dir.to_string_lossy().as_bytes()));
    cache_dir.join("time-limits").join(key)
}

/// Applies a remembered computed limit to a package that states none.
pub fn apply_remembered(cache_dir: &Path, package: &mut ProblemPackage) {
    if package.limits.time_limit_source != TimeLimitSource::Default {
        return;
    }
    let Ok(text) = std::fs::read_to_string(remembered_path(cache_dir, package)) else {
        return;
    };
    if let Ok(secs) = text.trim().parse::<f64>()
        && secs.is_finite()
        && secs > 0.0
    {
        package.limits.time_limit = Duration::from_secs_f64(secs);
        package.limits.time_limit_source = TimeLimitSource::Computed;
    }
}

/// Judges the accepted submissions under a generous limit and sets the package's limit from the
/// slowest. Returns the slowest time, or None when no accepted submission passed.
pub fn compute(
    judge: &Judge,
    cache_dir: &Path,
    package: &mut ProblemPackage,
    candidates: &[Candidate],
    threads: usize,
) -> Option<Duration> {
    let accepted: Vec<Candidate> = candidates
        .iter()
        .filter(|c| c.expected == Verdict::AC)
        .map(|c| Candidate {
            problem: 0,
            ..c.clone()
        })
        .collect();
    let mut measuring = package.clone();
    measuring.limits.time_limit = MEASURING_LIMIT;
    let outcomes = judge_all(
        judge,
        std::slice::from_ref(&measuring),
        &accepted,
        JudgeOptions::default(),
        threads,
        &|_| {},
    );
    let slowest = outcomes
        .iter()
        .filter(|o| o.got == Verdict::AC)
        .map(|o| o.report.time)
        .max()?;
    let limit = legacy_limit(slowest, package.limits.time_multiplier);
    package.limits.time_limit = limit;
    package.limits.time_limit_source = TimeLimitSource::Computed;
    let path = remembered_path(cache_dir, package);
    if let Some(dir) = path.parent()
        && std::fs::create_dir_all(dir).is_ok()
    {
        // Best effort: without it `judge run` falls back to the default limit.
        let _ = std::fs::write(&path, format!("{}\n", limit.as_secs_f64()));
    }
    Some(slowest)
}

/// `multiplier` × `slowest`, rounded up to a whole second (at least one).
pub fn legacy_limit(slowest: Duration, multiplier: f64) -> Duration {
    Duration::from_secs_f64((slowest.as_secs_f64() * multiplier).ceil().max(1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_rule_rounds_up_to_whole_seconds() {
        assert_eq!(
            legacy_limit(Duration::from_millis(10), 5.0),
            Duration::from_secs(1)
        );
        assert_eq!(
            legacy_limit(Duration::from_millis(210), 5.0),
            Duration::from_secs(2)
        );
        assert_eq!(
            legacy_limit(Duration::from_millis(600), 2.0),
            Duration::from_secs(2)
        );
        assert_eq!(
            legacy_limit(Duration::from_millis(601), 2.0),
            Duration::from_secs(2)
        );
        assert_eq!(
            legacy_limit(Duration::from_millis(1001), 2.0),
            Duration::from_secs(3)
        );
    }
}
