//! `judge verify problems/` is part of the test suite: every reference submission of the shipped
//! problem set gets the verdict its folder promises.

use judge::JudgeOptions;
use judge::problem::ProblemPackage;
use judge::verify::{self, Candidate};
use judge_tests::{judge, repo_root};
use sandbox::Language;

#[test]
fn every_shipped_reference_submission_gets_its_verdict() {
    let root = repo_root().join("problems");
    let dirs = verify::find_packages(&root).expect("problems folder");
    let packages: Vec<ProblemPackage> = dirs
        .iter()
        .map(|d| ProblemPackage::load(d).unwrap_or_else(|e| panic!("{e}")))
        .collect();
    assert!(packages.len() >= 10, "at least 10 problems");
    let mut candidates: Vec<Candidate> = Vec::new();
    for (i, p) in packages.iter().enumerate() {
        let (found, skipped) = verify::find_submissions(i, p);
        assert!(skipped.is_empty(), "{skipped:?}");
        let mut accepted_languages: Vec<Language> = found
            .iter()
            .filter(|c| c.expected == judge::Verdict::AC)
            .map(|c| c.language)
            .collect();
        accepted_languages.sort();
        accepted_languages.dedup();
        assert!(
            accepted_languages.len() >= 3,
            "{}: accepted in 3 languages",
            p.id
        );
        candidates.extend(found);
    }
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2);
    let outcomes = verify::judge_all(
        judge(),
        &packages,
        &candidates,
        JudgeOptions::default(),
        threads,
        &|_| {},
    );
    let wrong: Vec<String> = outcomes
        .iter()
        .filter(|o| !o.matches)
        .map(|o| {
            format!(
                "{}: expected {}, got {} ({:?})",
                o.path.display(),
                o.expected,
                o.got,
                o.report.tests.last().and_then(|t| t.message.clone())
            )
        })
        .collect();
    assert!(wrong.is_empty(), "mismatches:\n{}", wrong.join("\n"));
    assert_eq!(outcomes.len(), candidates.len());
}
