//! The problems a judge serves: every package in a folder, loaded once and shared by the API
//! and the workers. A broken package is kept out, with its error, and does not stop the rest.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::problem::ProblemPackage;
use crate::{time_limit, verify};

#[derive(Debug, Default)]
pub struct ProblemSet {
    pub dir: PathBuf,
    problems: BTreeMap<String, Arc<ProblemPackage>>,
    /// Packages that failed to load, with why.
    pub errors: Vec<(PathBuf, String)>,
}

impl ProblemSet {
    /// Loads every package under `dir` (with time limits computed earlier by `judge verify`).
    pub fn load(dir: &Path, cache_dir: &Path) -> ProblemSet {
        let mut set = ProblemSet {
            dir: dir.to_path_buf(),
            ..ProblemSet::default()
        };
        let dirs = match verify::find_packages(dir) {
            Ok(d) => d,
            Err(e) => {
                set.errors.push((dir.to_path_buf(), e.to_string()));
                return set;
            }
        };
        for d in dirs {
            match ProblemPackage::load(&d) {
                Ok(mut p) => {
                    time_limit::apply_remembered(cache_dir, &mut p);
                    set.problems.insert(p.id.clone(), Arc::new(p));
                }
                Err(e) => set.errors.push((d, e.to_string())),
            }
        }
        set
    }

    pub fn get(&self, id: &str) -> Option<Arc<ProblemPackage>> {
        self.problems.get(id).cloned()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Arc<ProblemPackage>> {
        self.problems.values()
    }

    pub fn len(&self) -> usize {
        self.problems.len()
    }

    pub fn is_empty(&self) -> bool {
        self.problems.is_empty()
    }
}
