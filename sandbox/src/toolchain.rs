//! Where each language's toolchain lives on this machine, and how to tell a user who lacks one
//! what to run. Native compilers come from Debian and rustup; the two interpreters are wasm
//! binaries that `scripts/install.sh` puts (hash-checked) in the toolchains folder.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, OnceLock};

use sha2::{Digest, Sha256};

use crate::language::Language;

pub const CLANG: &str = "/usr/bin/clang-19";
pub const CLANGXX: &str = "/usr/bin/clang++-19";
/// Debian's wasi-libc and libc++ for wasm32 install here.
pub const WASI_SYSROOT_LIB: &str = "/usr/lib/wasm32-wasi";
pub const INSTALL_HINT: &str = "run scripts/install.sh";

#[derive(Debug, Clone, thiserror::Error)]
#[error("the {language} toolchain is not installed ({missing}): {INSTALL_HINT}")]
pub struct MissingToolchain {
    pub language: Language,
    pub missing: String,
}

/// An interpreter shipped as wasm, loaded once per process.
#[derive(Debug, Clone)]
pub struct Interpreter {
    pub wasm: Arc<Vec<u8>>,
    /// sha256 of `wasm`, computed once: hashing 26 MB per submission would cost 60 ms.
    pub hash: String,
}

/// The Rust toolchain: the real rustc inside its sysroot (the rustup proxy needs files the jail
/// does not show).
#[derive(Debug, Clone)]
pub struct RustToolchain {
    pub sysroot: PathBuf,
    pub rustc: PathBuf,
}

#[derive(Debug)]
pub struct Toolchains {
    dir: PathBuf,
    python: OnceLock<Result<Interpreter, MissingToolchain>>,
    quickjs: OnceLock<Result<Interpreter, MissingToolchain>>,
    rust: OnceLock<Result<RustToolchain, MissingToolchain>>,
}

impl Toolchains {
    /// Toolchains whose interpreters live in `dir`.
    pub fn new(dir: PathBuf) -> Self {
        Toolchains {
            dir,
            python: OnceLock::new(),
            quickjs: OnceLock::new(),
            rust: OnceLock::new(),
        }
    }

    /// `$JUDGE_TOOLCHAINS`, else the nearest `.toolchains` folder from the current directory
    /// upwards (so the judge works from anywhere inside a checkout), else `./.toolchains`.
    pub fn discover() -> Self {
        if let Some(dir) = std::env::var_os("JUDGE_TOOLCHAINS") {
            return Toolchains::new(PathBuf::from(dir));
        }
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let found = cwd
            .ancestors()
            .map(|d| d.join(".toolchains"))
            .find(|d| d.is_dir());
        Toolchains::new(found.unwrap_or_else(|| cwd.join(".toolchains")))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn python(&self) -> Result<&Interpreter, MissingToolchain> {
        self.python
            .get_or_init(|| load_interpreter(&self.dir.join("python.wasm"), Language::Python))
            .as_ref()
            .map_err(Clone::clone)
    }

    pub fn quickjs(&self) -> Result<&Interpreter, MissingToolchain> {
        self.quickjs
            .get_or_init(|| load_interpreter(&self.dir.join("quickjs.wasm"), Language::Javascript))
            .as_ref()
            .map_err(Clone::clone)
    }

    pub fn rust(&self) -> Result<&RustToolchain, MissingToolchain> {
        self.rust
            .get_or_init(find_rust)
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Checks that everything `language` needs is present.
    pub fn check(&self, language: Language) -> Result<(), MissingToolchain> {
        let missing = |what: &str| MissingToolchain {
            language,
            missing: what.to_string(),
        };
        let need = |path: &str| {
            if Path::new(path).exists() {
                Ok(())
            } else {
                Err(missing(path))
            }
        };
        match language {
            Language::C => {
                need(CLANG)?;
                need(&format!("{WASI_SYSROOT_LIB}/libc.a"))
            }
            Language::Cpp => {
                need(CLANGXX)?;
                need(&format!("{WASI_SYSROOT_LIB}/libc++.a"))?;
                need(&format!("{WASI_SYSROOT_LIB}/libc++abi.a"))
            }
            Language::Rust => self.rust().map(|_| ()),
            Language::Python => self.python().map(|_| ()),
            Language::Javascript => self.quickjs().map(|_| ()),
        }
    }

    /// The native compiler's own version line, for `judge languages`.
    pub fn compiler_version(&self, language: Language) -> Option<String> {
        let cmd = match language {
            Language::C => PathBuf::from(CLANG),
            Language::Cpp => PathBuf::from(CLANGXX),
            Language::Rust => self.rust().ok()?.rustc.clone(),
            Language::Python | Language::Javascript => return None,
        };
        let out = Command::new(cmd).arg("--version").output().ok()?;
        let text = String::from_utf8_lossy(&out.stdout);
        text.lines().next().map(str::to_string)
    }
}

fn load_interpreter(path: &Path, language: Language) -> Result<Interpreter, MissingToolchain> {
    let wasm = std::fs::read(path).map_err(|_| MissingToolchain {
        language,
        missing: path.display().to_string(),
    })?;
    let hash = hex::encode(Sha256::digest(&wasm));
    Ok(Interpreter {
        wasm: Arc::new(wasm),
        hash,
    })
}

fn find_rust() -> Result<RustToolchain, MissingToolchain> {
    let missing = |what: &str| MissingToolchain {
        language: Language::Rust,
        missing: what.to_string(),
    };
    let out = Command::new("rustc")
        .args(["--print", "sysroot"])
        .output()
        .map_err(|_| missing("rustc"))?;
    let sysroot = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    if !sysroot.join("lib/rustlib/wasm32-wasip1").is_dir() {
        return Err(missing("the wasm32-wasip1 target"));
    }
    Ok(RustToolchain {
        rustc: sysroot.join("bin/rustc"),
        sysroot,
    })
}
