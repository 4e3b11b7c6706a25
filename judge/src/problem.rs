//! Kattis problem packages: reading `problem.yaml`, the limits, and the test cases in
//! `data/sample` and `data/secret`. Everything a package says is parsed and checked here, once,
//! so the rest of the judge works with a `ProblemPackage` it can trust.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

use crate::validator::ValidatorFlags;
use crate::validator::default::FlagError;

/// Kattis' default memory limit (MiB) when a package names none.
const DEFAULT_MEMORY_MIB: u64 = 2048;
/// Kattis' default output limit (MiB).
const DEFAULT_OUTPUT_MIB: u64 = 8;
/// Legacy Kattis: time limit = this × the slowest accepted submission.
const DEFAULT_TIME_MULTIPLIER: f64 = 5.0;
/// The time limit used when a package gives none at all.
const DEFAULT_TIME_LIMIT: Duration = Duration::from_secs(1);

#[derive(Debug, thiserror::Error)]
pub enum PackageError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}{}: {message}", path.display(), line.map(|l| format!(":{l}")).unwrap_or_default())]
    Yaml {
        path: PathBuf,
        line: Option<usize>,
        message: String,
    },
    #[error("{}: test input has no answer file {}", input.display(), answer.display())]
    MissingAnswer { input: PathBuf, answer: PathBuf },
    #[error("{}: no test cases in data/sample or data/secret", dir.display())]
    NoTests { dir: PathBuf },
    #[error("{}: {source}", path.display())]
    Flags { path: PathBuf, source: FlagError },
    #[error("{}: unsupported: {what}", dir.display())]
    Unsupported { dir: PathBuf, what: String },
    #[error("{}: {message}", path.display())]
    Invalid { path: PathBuf, message: String },
}

/// Where a problem's time limit came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeLimitSource {
    /// `limits.time_limit` in problem.yaml.
    ProblemYaml,
    /// A contest-level `problems.yaml` beside the problem folders.
    ContestYaml,
    /// A `.timelimit` file in the package (DOMjudge).
    TimelimitFile,
    /// Computed by `judge verify` from the accepted submissions (the legacy rule).
    Computed,
    /// None given and none computed yet: the judge's default.
    Default,
}

/// The limits every run on this problem is held to.
#[derive(Debug, Clone, PartialEq)]
pub struct ProblemLimits {
    pub time_limit: Duration,
    pub time_limit_source: TimeLimitSource,
    /// Legacy: the time limit is this × the slowest accepted submission.
    pub time_multiplier: f64,
    pub memory_bytes: u64,
    pub output_bytes: u64,
}

/// Whether a test is shown to contestants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TestGroup {
    Sample,
    Secret,
}

/// One `.in`/`.ans` pair.
#[derive(Debug, Clone, PartialEq)]
pub struct TestCase {
    /// Path below `data/` without the extension, e.g. `secret/group1/03-max`.
    pub name: String,
    pub group: TestGroup,
    pub input: PathBuf,
    pub answer: PathBuf,
    /// The output validator's flags for this test: the problem's `validator_flags`, or those of
    /// the nearest `testdata.yaml` / `test_group.yaml` above it.
    pub validator_args: Vec<String>,
}

/// A problem statement as the package has it; rendering is the web page's business.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub format: StatementFormat,
    /// The language code from the file name (`problem.en.md` → `en`), if any.
    pub language: Option<String>,
    pub text: String,
    pub path: PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StatementFormat {
    Markdown,
    Latex,
}

/// How outputs are checked.
#[derive(Debug, Clone, PartialEq)]
pub enum OutputValidator {
    /// The Kattis default validator (token comparison), configured by each test's flags.
    Default,
    /// A program of the package: `output_validators/<name>/` (legacy) or `output_validator/`.
    Custom {
        dir: PathBuf,
        language: sandbox::Language,
        /// The files of the folder, name and content (sources and headers).
        files: Vec<(String, Vec<u8>)>,
    },
}

/// A loaded problem package.
#[derive(Debug, Clone)]
pub struct ProblemPackage {
    /// The folder name: the problem's short name.
    pub id: String,
    pub dir: PathBuf,
    pub name: String,
    pub limits: ProblemLimits,
    pub validator: OutputValidator,
    /// Things in the package this judge ignores (unknown problem.yaml keys), to show the setter.
    pub warnings: Vec<String>,
    /// The statement in English if there is one, else in the first language found.
    pub statement: Option<Statement>,
    /// Judge by instruction count instead of the clock (`deterministic: true` in problem.yaml,
    /// this judge's extension).
    pub deterministic: bool,
    /// Samples first, then secret tests, each in lexicographic order as Kattis runs them.
    pub tests: Vec<TestCase>,
}

#[derive(Debug, Default, Deserialize)]
struct RawProblem {
    #[serde(default)]
    name: Option<RawName>,
    #[serde(default, rename = "type")]
    kind: Option<serde_norway::Value>,
    #[serde(default)]
    validation: Option<String>,
    #[serde(default)]
    limits: RawLimits,
    #[serde(default)]
    validator_flags: Option<String>,
    #[serde(default)]
    deterministic: bool,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawName {
    Plain(String),
    ByLanguage(BTreeMap<String, String>),
}

#[derive(Debug, Default, Deserialize)]
struct RawLimits {
    time_limit: Option<f64>,
    time_multiplier: Option<f64>,
    memory: Option<u64>,
    output: Option<u64>,
}

impl ProblemPackage {
    /// Reads the package in `dir`.
    pub fn load(dir: &Path) -> Result<Self, PackageError> {
        let yaml_path = dir.join("problem.yaml");
        let text = std::fs::read_to_string(&yaml_path).map_err(|source| PackageError::Io {
            path: yaml_path.clone(),
            source,
        })?;
        let mut raw: RawProblem = if text.trim().is_empty() {
            RawProblem::default()
        } else {
            serde_norway::from_str(&text).map_err(yaml_error(&yaml_path))?
        };
        check_supported(dir, &raw)?;
        let warnings = unknown_keys(&text);

        let id = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "problem".into());
        let name = match raw.name.take() {
            Some(RawName::Plain(s)) => s,
            Some(RawName::ByLanguage(m)) => m
                .get("en")
                .or_else(|| m.values().next())
                .cloned()
                .unwrap_or_else(|| id.clone()),
            None => id.clone(),
        };
        let flags: Vec<String> = raw
            .validator_flags
            .as_deref()
            .unwrap_or("")
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let validator = find_validator(dir, &raw)?;
        let limits = read_limits(dir, &yaml_path, &raw.limits)?;
        let mut tests = Vec::new();
        for group in [TestGroup::Sample, TestGroup::Secret] {
            let sub = match group {
                TestGroup::Sample => "sample",
                TestGroup::Secret => "secret",
            };
            let data = dir.join("data");
            collect_tests(
                &data,
                &data.join(sub),
                group,
                &group_args(&data, &flags)?,
                &mut tests,
            )?;
        }
        if validator == OutputValidator::Default {
            for t in &tests {
                ValidatorFlags::parse(t.validator_args.iter().map(String::as_str)).map_err(
                    |source| PackageError::Flags {
                        path: t.input.parent().unwrap_or(dir).to_path_buf(),
                        source,
                    },
                )?;
            }
        }
        if tests.is_empty() {
            return Err(PackageError::NoTests {
                dir: dir.to_path_buf(),
            });
        }
        Ok(ProblemPackage {
            id,
            dir: dir.to_path_buf(),
            name,
            limits,
            validator,
            deterministic: raw.deterministic,
            warnings,
            statement: find_statement(dir)?,
            tests,
        })
    }

    pub fn samples(&self) -> impl Iterator<Item = &TestCase> {
        self.tests.iter().filter(|t| t.group == TestGroup::Sample)
    }
}

/// The error for a YAML file that does not parse: it names the file and, where known, the line.
fn yaml_error(path: &Path) -> impl FnOnce(serde_norway::Error) -> PackageError + '_ {
    move |e| PackageError::Yaml {
        path: path.to_path_buf(),
        line: e.location().map(|l| l.line()),
        message: e.to_string(),
    }
}

/// Interactive, scoring and custom-validated problems need machinery this judge does not have
/// yet: refuse them by name rather than judge them wrongly.
fn check_supported(dir: &Path, raw: &RawProblem) -> Result<(), PackageError> {
    let unsupported = |what: &str| {
        Err(PackageError::Unsupported {
            dir: dir.to_path_buf(),
            what: what.to_string(),
        })
    };
    let kind_words: Vec<String> = match &raw.kind {
        Some(serde_norway::Value::String(s)) => s.split_whitespace().map(str::to_string).collect(),
        Some(serde_norway::Value::Sequence(v)) => v
            .iter()
            .filter_map(|x| x.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    };
    let validation: Vec<&str> = raw
        .validation
        .as_deref()
        .unwrap_or("default")
        .split_whitespace()
        .collect();
    for what in ["interactive", "scoring", "multi-pass"] {
        if kind_words.iter().any(|w| w == what) {
            return unsupported(what);
        }
    }
    if validation.contains(&"interactive") {
        return unsupported("interactive");
    }
    if validation.contains(&"score") {
        return unsupported("scoring");
    }
    Ok(())
}

/// The package's own output validator, if it has one: `output_validator/` (2025-09) or the one
/// folder in `output_validators/` (legacy).
fn find_validator(dir: &Path, raw: &RawProblem) -> Result<OutputValidator, PackageError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| PackageError::Io { path, source }
    };
    let mut folder = None;
    if dir.join("output_validator").is_dir() {
        folder = Some(dir.join("output_validator"));
    } else if dir.join("output_validators").is_dir() {
        let root = dir.join("output_validators");
        let mut subs: Vec<PathBuf> = std::fs::read_dir(&root)
            .map_err(io(&root))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_dir())
            .collect();
        subs.sort();
        folder = subs.into_iter().next();
    }
    let wants_custom = raw
        .validation
        .as_deref()
        .is_some_and(|v| v.split_whitespace().any(|w| w == "custom"));
    let Some(folder) = folder else {
        if wants_custom {
            return Err(PackageError::Invalid {
                path: dir.join("problem.yaml"),
                message: "validation is custom but there is no output_validators/<name>/ folder"
                    .into(),
            });
        }
        return Ok(OutputValidator::Default);
    };
    let mut names: Vec<PathBuf> = std::fs::read_dir(&folder)
        .map_err(io(&folder))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    names.sort();
    let mut files = Vec::new();
    for path in &names {
        let content = std::fs::read(path).map_err(io(path))?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        files.push((name, content));
    }
    // The language of the validator: C++ if any C++ source, else C, Rust, Python, JavaScript.
    let languages: Vec<sandbox::Language> = names
        .iter()
        .filter_map(|p| sandbox::Language::from_path(p))
        .collect();
    let language = [
        sandbox::Language::Cpp,
        sandbox::Language::C,
        sandbox::Language::Rust,
        sandbox::Language::Python,
        sandbox::Language::Javascript,
    ]
    .into_iter()
    .find(|l| languages.contains(l))
    .ok_or_else(|| PackageError::Invalid {
        path: folder.clone(),
        message:
            "no output validator source in a supported language (C, C++, Rust, Python, JavaScript)"
                .into(),
    })?;
    Ok(OutputValidator::Custom {
        dir: folder,
        language,
        files,
    })
}

#[derive(Debug, Default, Deserialize)]
struct RawGroup {
    /// Legacy `testdata.yaml`.
    output_validator_flags: Option<String>,
    /// 2025-09 `test_group.yaml`: a list, or a string of words.
    output_validator_args: Option<serde_norway::Value>,
}

/// The validator arguments for tests in `folder`: its `testdata.yaml` / `test_group.yaml` if it
/// names any, else `inherited`.
fn group_args(folder: &Path, inherited: &[String]) -> Result<Vec<String>, PackageError> {
    for name in ["test_group.yaml", "testdata.yaml"] {
        let path = folder.join(name);
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let raw: RawGroup = if text.trim().is_empty() {
            RawGroup::default()
        } else {
            serde_norway::from_str(&text).map_err(yaml_error(&path))?
        };
        let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
        if let Some(flags) = raw.output_validator_flags {
            return Ok(words(&flags));
        }
        match raw.output_validator_args {
            Some(serde_norway::Value::String(s)) => return Ok(words(&s)),
            Some(serde_norway::Value::Sequence(v)) => {
                return Ok(v
                    .iter()
                    .filter_map(|x| match x {
                        serde_norway::Value::String(s) => Some(s.clone()),
                        serde_norway::Value::Number(n) => Some(n.to_string()),
                        _ => None,
                    })
                    .collect());
            }
            _ => {}
        }
    }
    Ok(inherited.to_vec())
}

fn read_limits(
    dir: &Path,
    yaml_path: &Path,
    raw: &RawLimits,
) -> Result<ProblemLimits, PackageError> {
    let invalid = |message: String| PackageError::Invalid {
        path: yaml_path.to_path_buf(),
        message,
    };
    let (time_limit, time_limit_source) = if let Some(t) = raw.time_limit {
        if !(t.is_finite() && t > 0.0 && t <= 3600.0) {
            return Err(invalid(format!(
                "limits.time_limit {t} is not a time in seconds"
            )));
        }
        (Duration::from_secs_f64(t), TimeLimitSource::ProblemYaml)
    } else if let Some(t) = contest_time_limit(dir)? {
        (t, TimeLimitSource::ContestYaml)
    } else if let Ok(text) = std::fs::read_to_string(dir.join(".timelimit")) {
        let t: f64 = text.trim().parse().map_err(|_| PackageError::Invalid {
            path: dir.join(".timelimit"),
            message: format!("`{}` is not a time in seconds", text.trim()),
        })?;
        (Duration::from_secs_f64(t), TimeLimitSource::TimelimitFile)
    } else {
        (DEFAULT_TIME_LIMIT, TimeLimitSource::Default)
    };
    let time_multiplier = raw.time_multiplier.unwrap_or(DEFAULT_TIME_MULTIPLIER);
    if !(time_multiplier.is_finite() && time_multiplier >= 1.0) {
        return Err(invalid(format!(
            "limits.time_multiplier {time_multiplier} must be at least 1"
        )));
    }
    let memory_mib = raw.memory.unwrap_or(DEFAULT_MEMORY_MIB);
    if memory_mib == 0 || memory_mib > 4096 {
        return Err(invalid(format!(
            "limits.memory {memory_mib} MiB: wasm32 programs can use 1 to 4096 MiB"
        )));
    }
    let output_mib = raw.output.unwrap_or(DEFAULT_OUTPUT_MIB);
    Ok(ProblemLimits {
        time_limit,
        time_limit_source,
        time_multiplier,
        memory_bytes: memory_mib << 20,
        output_bytes: output_mib << 20,
    })
}

/// Keys of problem.yaml (legacy and 2025-09) and of its `limits` map that this judge knows.
const KNOWN_KEYS: &[&str] = &[
    "problem_format_version",
    "type",
    "name",
    "uuid",
    "version",
    "credits",
    "author",
    "source",
    "source_url",
    "license",
    "rights_owner",
    "embargo_until",
    "limits",
    "keywords",
    "languages",
    "allow_file_writing",
    "constants",
    "validation",
    "validator_flags",
    "scoring",
    "grading",
    "deterministic",
];
const KNOWN_LIMITS: &[&str] = &[
    "time_limit",
    "time_multiplier",
    "time_multipliers",
    "time_safety_margin",
    "time_resolution",
    "memory",
    "output",
    "code",
    "compilation_time",
    "compilation_memory",
    "validation_time",
    "validation_memory",
    "validation_output",
    "validation_passes",
];

/// Warnings for keys of problem.yaml this judge does not know (not fatal: the spec grows).
fn unknown_keys(text: &str) -> Vec<String> {
    let Ok(serde_norway::Value::Mapping(map)) = serde_norway::from_str(text) else {
        return Vec::new();
    };
    let mut warnings = Vec::new();
    for (key, value) in &map {
        let Some(key) = key.as_str() else { continue };
        if !KNOWN_KEYS.contains(&key) {
            warnings.push(format!("problem.yaml: unknown key `{key}` ignored"));
        }
        if key == "limits"
            && let serde_norway::Value::Mapping(limits) = value
        {
            for k in limits.keys().filter_map(|k| k.as_str()) {
                if !KNOWN_LIMITS.contains(&k) {
                    warnings.push(format!("problem.yaml: unknown key `limits.{k}` ignored"));
                }
            }
        }
    }
    warnings
}

/// `problem_statement/` (legacy) or `statement/` (2025-09): `problem.<lang>.md` or
/// `problem.<lang>.tex` (or without a language), English preferred.
fn find_statement(dir: &Path) -> Result<Option<Statement>, PackageError> {
    let mut found: Vec<Statement> = Vec::new();
    for folder in ["statement", "problem_statement"] {
        let Ok(entries) = std::fs::read_dir(dir.join(folder)) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let mut parts = name.split('.');
            if parts.next() != Some("problem") {
                continue;
            }
            let rest: Vec<&str> = parts.collect();
            let (language, ext) = match rest.as_slice() {
                [ext] => (None, *ext),
                [lang, ext] => (Some(lang.to_string()), *ext),
                _ => continue,
            };
            let format = match ext {
                "md" => StatementFormat::Markdown,
                "tex" => StatementFormat::Latex,
                _ => continue,
            };
            let text = std::fs::read_to_string(&path).map_err(|source| PackageError::Io {
                path: path.clone(),
                source,
            })?;
            found.push(Statement {
                format,
                language,
                text,
                path,
            });
        }
    }
    let english = found
        .iter()
        .position(|s| s.language.as_deref().is_none_or(|l| l == "en"));
    Ok(match english {
        Some(i) => Some(found.swap_remove(i)),
        None => found.into_iter().next(),
    })
}

/// A contest archive may keep time limits in `problems.yaml` beside the problem folders: a list
/// of entries with the problem's `id` (or `short-name`) and its `time_limit`.
fn contest_time_limit(dir: &Path) -> Result<Option<Duration>, PackageError> {
    #[derive(Deserialize)]
    struct Entry {
        #[serde(alias = "short-name", alias = "shortname")]
        id: Option<String>,
        time_limit: Option<f64>,
    }
    let Some(path) = dir.parent().map(|p| p.join("problems.yaml")) else {
        return Ok(None);
    };
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Ok(None);
    };
    let entries: Vec<Entry> = serde_norway::from_str(&text).map_err(yaml_error(&path))?;
    let id = dir.file_name().map(|n| n.to_string_lossy().into_owned());
    Ok(entries
        .into_iter()
        .find(|e| e.id.is_some() && e.id == id)
        .and_then(|e| e.time_limit)
        .filter(|t| t.is_finite() && *t > 0.0)
        .map(Duration::from_secs_f64))
}

/// Adds the `.in`/`.ans` pairs below `folder` (recursively, sorted) to `tests`.
fn collect_tests(
    data: &Path,
    folder: &Path,
    group: TestGroup,
    args: &[String],
    tests: &mut Vec<TestCase>,
) -> Result<(), PackageError> {
    if !folder.is_dir() {
        return Ok(());
    }
    let io = |source| PackageError::Io {
        path: folder.to_path_buf(),
        source,
    };
    let mut entries: Vec<PathBuf> = std::fs::read_dir(folder)
        .map_err(io)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .map_err(io)?;
    entries.sort();
    let args = group_args(folder, args)?;
    for path in entries {
        if path.is_dir() {
            collect_tests(data, &path, group, &args, tests)?;
        } else if path.extension().is_some_and(|e| e == "in") {
            let answer = path.with_extension("ans");
            if !answer.is_file() {
                return Err(PackageError::MissingAnswer {
                    input: path,
                    answer,
                });
            }
            let name = path
                .strip_prefix(data)
                .unwrap_or(&path)
                .with_extension("")
                .to_string_lossy()
                .into_owned();
            tests.push(TestCase {
                name,
                group,
                input: path,
                answer,
                validator_args: args.clone(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, rel: &str, text: &str) {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    #[test]
    fn loads_limits_flags_and_ordered_tests() {
        let d = tempfile::tempdir().unwrap();
        write(
            d.path(),
            "problem.yaml",
            "name: {en: Sum, sv: Summa}\nlimits:\n  time_limit: 2.5\n  memory: 256\nvalidator_flags: float_tolerance 1e-6\n",
        );
        write(d.path(), "data/sample/1.in", "1 2\n");
        write(d.path(), "data/sample/1.ans", "3\n");
        write(d.path(), "data/secret/b/2.in", "");
        write(d.path(), "data/secret/b/2.ans", "");
        write(d.path(), "data/secret/a.in", "");
        write(d.path(), "data/secret/a.ans", "");
        let p = ProblemPackage::load(d.path()).unwrap();
        assert_eq!(p.name, "Sum");
        assert_eq!(p.limits.time_limit, Duration::from_millis(2500));
        assert_eq!(p.limits.memory_bytes, 256 << 20);
        assert_eq!(p.tests[0].validator_args, ["float_tolerance", "1e-6"]);
        let names: Vec<_> = p.tests.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["sample/1", "secret/a", "secret/b/2"]);
    }

    #[test]
    fn test_groups_override_validator_flags() {
        let d = tempfile::tempdir().unwrap();
        write(
            d.path(),
            "problem.yaml",
            "validator_flags: case_sensitive\n",
        );
        for t in [
            "data/secret/a/1",
            "data/secret/b/1",
            "data/secret/b/deep/1",
            "data/sample/1",
        ] {
            write(d.path(), &format!("{t}.in"), "");
            write(d.path(), &format!("{t}.ans"), "");
        }
        write(
            d.path(),
            "data/secret/a/testdata.yaml",
            "output_validator_flags: float_tolerance 1e-3\n",
        );
        write(
            d.path(),
            "data/secret/b/test_group.yaml",
            "output_validator_args: [float_absolute_tolerance, 0.5]\n",
        );
        let p = ProblemPackage::load(d.path()).unwrap();
        let args: Vec<_> = p
            .tests
            .iter()
            .map(|t| (t.name.as_str(), t.validator_args.join(" ")))
            .collect();
        assert_eq!(
            args,
            [
                ("sample/1", "case_sensitive".to_string()),
                ("secret/a/1", "float_tolerance 1e-3".to_string()),
                ("secret/b/1", "float_absolute_tolerance 0.5".to_string()),
                (
                    "secret/b/deep/1",
                    "float_absolute_tolerance 0.5".to_string()
                ),
            ]
        );
        write(
            d.path(),
            "data/secret/a/testdata.yaml",
            "output_validator_flags: float_tolerance\n",
        );
        let e = ProblemPackage::load(d.path()).unwrap_err().to_string();
        assert!(
            e.contains("secret/a") && e.contains("float_tolerance"),
            "{e}"
        );
    }

    #[test]
    fn custom_validator_folder_is_found() {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "problem.yaml", "validation: custom\n");
        write(d.path(), "data/secret/1.in", "");
        write(d.path(), "data/secret/1.ans", "");
        let e = ProblemPackage::load(d.path()).unwrap_err().to_string();
        assert!(e.contains("output_validators"), "{e}");
        write(
            d.path(),
            "output_validators/check/validator.cpp",
            "int main(){}",
        );
        write(d.path(), "output_validators/check/validation.h", "");
        let p = ProblemPackage::load(d.path()).unwrap();
        match p.validator {
            OutputValidator::Custom {
                language, files, ..
            } => {
                assert_eq!(language, sandbox::Language::Cpp);
                assert_eq!(files.len(), 2);
            }
            OutputValidator::Default => panic!("expected a custom validator"),
        }
    }

    #[test]
    fn unknown_keys_are_warnings() {
        let d = tempfile::tempdir().unwrap();
        write(
            d.path(),
            "problem.yaml",
            "name: x\nflavour: mint\nlimits:\n  memory: 64\n  speed: 9\n",
        );
        write(d.path(), "data/secret/1.in", "");
        write(d.path(), "data/secret/1.ans", "");
        let p = ProblemPackage::load(d.path()).unwrap();
        assert_eq!(
            p.warnings,
            [
                "problem.yaml: unknown key `flavour` ignored",
                "problem.yaml: unknown key `limits.speed` ignored"
            ]
        );
    }

    #[test]
    fn statements_are_found_english_first() {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "problem.yaml", "name: x\n");
        write(d.path(), "data/secret/1.in", "");
        write(d.path(), "data/secret/1.ans", "");
        write(
            d.path(),
            "problem_statement/problem.sv.tex",
            "\\section{Uppgift}",
        );
        write(
            d.path(),
            "problem_statement/problem.en.tex",
            "\\section{Task}",
        );
        let p = ProblemPackage::load(d.path()).unwrap();
        let st = p.statement.unwrap();
        assert_eq!(st.format, StatementFormat::Latex);
        assert_eq!(st.language.as_deref(), Some("en"));
        assert!(st.text.contains("Task"));
    }

    #[test]
    fn missing_answer_names_the_file() {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "problem.yaml", "name: x\n");
        write(d.path(), "data/secret/1.in", "1\n");
        let e = ProblemPackage::load(d.path()).unwrap_err().to_string();
        assert!(e.contains("1.in") && e.contains("1.ans"), "{e}");
    }

    #[test]
    fn bad_yaml_names_file_and_line() {
        let d = tempfile::tempdir().unwrap();
        write(
            d.path(),
            "problem.yaml",
            "name: x\nlimits:\n  time_limit: [1\n",
        );
        let e = ProblemPackage::load(d.path()).unwrap_err().to_string();
        assert!(e.contains("problem.yaml:"), "{e}");
    }

    #[test]
    fn interactive_problems_are_refused_by_name() {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "problem.yaml", "validation: custom interactive\n");
        let e = ProblemPackage::load(d.path()).unwrap_err().to_string();
        assert!(e.contains("unsupported: interactive"), "{e}");
    }

    #[test]
    fn contest_problems_yaml_sets_the_limit() {
        let contest = tempfile::tempdir().unwrap();
        let d = contest.path().join("hello");
        write(&d, "problem.yaml", "name: Hello\n");
        write(&d, "data/secret/1.in", "");
        write(&d, "data/secret/1.ans", "");
        write(
            contest.path(),
            "problems.yaml",
            "- id: other\n  time_limit: 9\n- id: hello\n  time_limit: 2.5\n",
        );
        let p = ProblemPackage::load(&d).unwrap();
        assert_eq!(p.limits.time_limit, Duration::from_millis(2500));
        assert_eq!(p.limits.time_limit_source, TimeLimitSource::ContestYaml);
    }

    #[test]
    fn timelimit_file_and_default() {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "problem.yaml", "name: x\n");
        write(d.path(), "data/secret/1.in", "");
        write(d.path(), "data/secret/1.ans", "");
        let p = ProblemPackage::load(d.path()).unwrap();
        assert_eq!(p.limits.time_limit_source, TimeLimitSource::Default);
        write(d.path(), ".timelimit", "3\n");
        let p = ProblemPackage::load(d.path()).unwrap();
        assert_eq!(p.limits.time_limit, Duration::from_secs(3));
        assert_eq!(p.limits.time_limit_source, TimeLimitSource::TimelimitFile);
    }
}
