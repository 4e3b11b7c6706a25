//! Turning a source file into something the sandbox can run. C, C++ and Rust are compiled to
//! wasm32-wasi inside the jail (`jail`); Python and JavaScript run on a wasm interpreter with the
//! source shown read-only. Compiled wasm is cached by language, compiler and source hash.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use sha2::{Digest, Sha256};

use crate::jail::{self, JailError, JailLimits, JailStatus, JailView};
use crate::language::Language;
use crate::run::Mount;
use crate::toolchain::{CLANG, CLANGXX, MissingToolchain, Toolchains};

/// C and C++ keep their stack in linear memory, 64 KiB by default and placed after static data,
/// where an overflow silently corrupts globals. Put it first (an overflow then traps) and make it
/// as deep as a native judge's: it counts toward the memory limit.
pub const LINEAR_STACK_BYTES: u64 = 64 << 20;
/// Where an interpreter sees the submitted source.
const GUEST_SOURCE_DIR: &str = "/src";
const STDCXX_HEADER: &str = include_str!("../include/bits/stdc++.h");
/// Linked into C++ programs: a buffered `std::cin` once `sync_with_stdio(false)` is called.
const FASTIO_SOURCE: &str = include_str!("../include/judge_fastio.cpp");

/// The libc++ symbols `judge_fastio.cpp` replaces, read from the file itself so the two cannot
/// disagree: each `JUDGE_WRAP(symbol, ...)` and each explicit `__wrap_symbol(` definition.
fn wrapped_symbols() -> impl Iterator<Item = &'static str> {
    FASTIO_SOURCE.lines().filter_map(|line| {
        let rest = line
            .strip_prefix("JUDGE_WRAP(")
            .or_else(|| line.split_once("bool __wrap_").map(|(_, r)| r))?;
        let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))?;
        Some(&rest[..end])
    })
}
/// Bumped whenever flags change, so cached artifacts built with old flags are not reused.
const FLAGS_VERSION: &str = "5";

/// What the sandbox needs to run a program.
#[derive(Debug, Clone)]
pub struct Artifact {
    pub wasm: Arc<Vec<u8>>,
    pub wasm_hash: String,
    pub argv: Vec<String>,
    /// Host folders the program sees (an interpreter's script).
    pub mounts: Vec<Mount>,
}

/// The result of compiling: a program, or a compile error to show the contestant.
#[derive(Debug, Clone)]
pub enum CompileOutput {
    Program(Artifact),
    /// The contestant's fault: CE, with the compiler's message.
    Failed(String),
}

/// Failures that are not the contestant's fault (JE).
#[derive(Debug, thiserror::Error)]
pub enum CompileError {
    #[error(transparent)]
    Toolchain(#[from] MissingToolchain),
    #[error(transparent)]
    Jail(#[from] JailError),
    #[error("compile work directory {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

pub struct Compiler {
    toolchains: Toolchains,
    cache_dir: PathBuf,
    limits: JailLimits,
}

impl Compiler {
    /// A compiler that keeps artifacts and interpreter sources under `cache_dir`.
    pub fn new(toolchains: Toolchains, cache_dir: PathBuf) -> Self {
        Compiler {
            toolchains,
            cache_dir,
            limits: JailLimits::default(),
        }
    }

    pub fn with_limits(mut self, limits: JailLimits) -> Self {
        self.limits = limits;
        self
    }

    pub fn toolchains(&self) -> &Toolchains {
        &self.toolchains
    }

    /// Compiles a one-file submission.
    pub fn compile(
        &self,
        language: Language,
        source: &[u8],
    ) -> Result<CompileOutput, CompileError> {
        self.compile_files(
            language,
            &[(language.source_file().to_string(), source.to_vec())],
        )
    }

    /// Compiles a program made of several files (an output validator with its headers): every
    /// C/C++ source among them is compiled; for Rust, Python and JavaScript the first file of the
    /// language is the main one and the rest sit beside it.
    pub fn compile_files(
        &self,
        language: Language,
        files: &[(String, Vec<u8>)],
    ) -> Result<CompileOutput, CompileError> {
        self.toolchains.check(language)?;
        for (name, _) in files {
            if name.is_empty() || name.contains('/') || name.starts_with('.') {
                return Ok(CompileOutput::Failed(format!(
                    "invalid source file name `{name}`"
                )));
            }
        }
        let Some(main) = files
            .iter()
            .map(|(n, _)| n.as_str())
            .find(|n| Language::from_path(Path::new(n)) == Some(language))
        else {
            return Ok(CompileOutput::Failed(format!(
                "no {} source file",
                language.name()
            )));
        };
        let interpreted = |wasm: &crate::toolchain::Interpreter, argv: &[&str]| {
            let dir = self.source_dir(language, files)?;
            let script = format!("{GUEST_SOURCE_DIR}/{main}");
            Ok(CompileOutput::Program(Artifact {
                wasm: wasm.wasm.clone(),
                wasm_hash: wasm.hash.clone(),
                argv: argv.iter().map(|s| s.to_string()).chain([script]).collect(),
                mounts: vec![Mount::read_only(dir, GUEST_SOURCE_DIR)],
            }))
        };
        match language {
            // -S: skip `site` (30% of start-up; a judge has no site-packages anyway).
            Language::Python => interpreted(self.toolchains.python()?, &["python", "-S"]),
            Language::Javascript => interpreted(self.toolchains.quickjs()?, &["qjs", "--std"]),
            Language::C | Language::Cpp | Language::Rust => {
                self.compile_native(language, main, files)
            }
        }
    }

    fn compile_native(
        &self,
        language: Language,
        main: &str,
        files: &[(String, Vec<u8>)],
    ) -> Result<CompileOutput, CompileError> {
        let sources: Vec<String> = match language {
            Language::Rust => vec![main.to_string()],
            _ => files
                .iter()
                .map(|(n, _)| n.clone())
                .filter(|n| Language::from_path(Path::new(n)) == Some(language))
                .collect(),
        };
        let (argv, view) = self.command(language, &sources)?;
        let mut parts: Vec<&[u8]> = vec![language.id().as_bytes(), FLAGS_VERSION.as_bytes()];
        let joined = argv.join(" ");
        parts.push(joined.as_bytes());
        for (name, content) in files {
            parts.push(name.as_bytes());
            parts.push(content);
        }
        let key = hash_parts(&parts);
        let cached = self.cache_dir.join("artifacts").join(format!("{key}.wasm"));
        if let Ok(wasm) = std::fs::read(&cached) {
            return Ok(CompileOutput::Program(native_artifact(wasm)));
        }

        let work = tempfile::Builder::new()
            .prefix("compile-")
            .tempdir()
            .map_err(|source| io_err(std::env::temp_dir(), source))?;
        for (name, content) in files {
            let path = work.path().join(name);
            std::fs::write(&path, content).map_err(|e| io_err(path.clone(), e))?;
        }
        if language == Language::Cpp {
            let bits = work.path().join("include/bits");
            std::fs::create_dir_all(&bits).map_err(|e| io_err(bits.clone(), e))?;
            std::fs::write(bits.join("stdc++.h"), STDCXX_HEADER)
                .map_err(|e| io_err(bits.clone(), e))?;
            let fastio = work.path().join("judge_fastio.cpp");
            std::fs::write(&fastio, FASTIO_SOURCE).map_err(|e| io_err(fastio.clone(), e))?;
        }
        let out = jail::run(work.path(), &view, &argv, &self.limits)?;
        let wasm_path = work.path().join("main.wasm");
        let message = String::from_utf8_lossy(&out.stderr).into_owned()
            + &String::from_utf8_lossy(&out.stdout);
        match out.status {
            JailStatus::Exited(0) => {}
            JailStatus::Exited(_) => return Ok(CompileOutput::Failed(message)),
            JailStatus::TimedOut => {
                return Ok(CompileOutput::Failed(format!(
                    "compilation exceeded its {} s wall-clock limit\n{message}",
                    self.limits.wall.as_secs()
                )));
            }
            JailStatus::Signaled(sig) => {
                let why = if sig == libc::SIGXCPU || sig == libc::SIGKILL {
                    format!(
                        "compilation exceeded its {} s CPU limit",
                        self.limits.cpu.as_secs()
                    )
                } else {
                    format!("the compiler was killed by signal {sig} (out of memory?)")
                };
                return Ok(CompileOutput::Failed(format!("{why}\n{message}")));
            }
        }
        let wasm = std::fs::read(&wasm_path).map_err(|e| io_err(wasm_path, e))?;
        // Best effort: a cache that cannot be written only costs a recompile.
        if let Some(dir) = cached.parent()
            && std::fs::create_dir_all(dir).is_ok()
            && let Ok(mut tmp) = tempfile::NamedTempFile::new_in(dir)
            && std::io::Write::write_all(&mut tmp, &wasm).is_ok()
        {
            let _ = tmp.persist(&cached);
        }
        Ok(CompileOutput::Program(native_artifact(wasm)))
    }

    /// The compiler command (run inside the jail, in /work) and what it needs to see.
    fn command(
        &self,
        language: Language,
        sources: &[String],
    ) -> Result<(Vec<String>, JailView), CompileError> {
        let stack = LINEAR_STACK_BYTES.to_string();
        let mut view = JailView::default();
        let argv: Vec<String> = match language {
            Language::C => [
                CLANG,
                "--target=wasm32-wasi",
                "-std=c17",
                "-O2",
                "-ferror-limit=20",
            ]
            .iter()
            .map(|s| s.to_string())
            .chain(link_flags(&stack))
            .chain([
                "main.c".into(),
                "-o".into(),
                "main.wasm".into(),
                "-lm".into(),
            ])
            .collect(),
            Language::Cpp => [
                CLANGXX,
                "--target=wasm32-wasi",
                "-std=c++20",
                "-O2",
                "-fno-exceptions",
                "-ferror-limit=20",
                "-Iinclude",
            ]
            .iter()
            .map(|s| s.to_string())
            .chain(link_flags(&stack))
            .chain(wrapped_symbols().map(|s| format!("-Wl,--wrap={s}")))
            .chain(sources.iter().cloned())
            .chain(["judge_fastio.cpp".into(), "-o".into(), "main.wasm".into()])
            .collect(),
            Language::Rust => {
                let rust = self.toolchains.rust()?;
                view.ro_binds.push(rust.sysroot.clone());
                // rustup's proxy normally points the loader at the toolchain's libraries.
                view.env.push((
                    "LD_LIBRARY_PATH".into(),
                    rust.sysroot.join("lib").display().to_string(),
                ));
                vec![
                    rust.rustc.display().to_string(),
                    "--edition=2021".into(),
                    "-O".into(),
                    "--target=wasm32-wasip1".into(),
                    "--crate-name=main".into(),
                    "-Cdebuginfo=0".into(),
                    format!("-Clink-arg=-zstack-size={stack}"),
                    sources.first().cloned().unwrap_or_default(),
                    "-o".into(),
                    "main.wasm".into(),
                ]
            }
            Language::Python | Language::Javascript => Vec::new(),
        };
        Ok((argv, view))
    }

    /// A folder holding only the sources, named by their hash, for an interpreter to read.
    fn source_dir(
        &self,
        language: Language,
        files: &[(String, Vec<u8>)],
    ) -> Result<PathBuf, CompileError> {
        let mut parts: Vec<&[u8]> = vec![language.id().as_bytes()];
        for (name, content) in files {
            parts.push(name.as_bytes());
            parts.push(content);
        }
        let dir = self.cache_dir.join("sources").join(hash_parts(&parts));
        for (name, content) in files {
            let file = dir.join(name);
            if std::fs::read(&file).ok().as_deref() != Some(content.as_slice()) {
                std::fs::create_dir_all(&dir).map_err(|e| io_err(dir.clone(), e))?;
                std::fs::write(&file, content).map_err(|e| io_err(file.clone(), e))?;
            }
        }
        Ok(dir)
    }
}

fn link_flags(stack: &str) -> impl Iterator<Item = String> + use<> {
    [
        "-Wl,--stack-first".to_string(),
        format!("-Wl,-z,stack-size={stack}"),
    ]
    .into_iter()
}

fn native_artifact(wasm: Vec<u8>) -> Artifact {
    Artifact {
        wasm_hash: hex::encode(Sha256::digest(&wasm)),
        wasm: Arc::new(wasm),
        argv: vec!["main".into()],
        mounts: Vec::new(),
    }
}

fn hash_parts(parts: &[&[u8]]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update((p.len() as u64).to_le_bytes());
        h.update(p);
    }
    hex::encode(h.finalize())
}

fn io_err(path: impl AsRef<Path>, source: std::io::Error) -> CompileError {
    CompileError::Io {
        path: path.as_ref().to_path_buf(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fastio_wrapper_is_passed_to_the_linker() {
        let wrapped: Vec<&str> = wrapped_symbols().collect();
        assert_eq!(wrapped.len(), 11, "{wrapped:?}");
        assert!(wrapped.contains(&"_ZNSt3__28ios_base15sync_with_stdioEb"));
        assert!(wrapped.contains(&"_ZNSt3__213basic_istreamIcNS_11char_traitsIcEEErsERi"));
    }
}
