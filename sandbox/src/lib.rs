//! The sandbox: runs untrusted WebAssembly (WASI preview 1) under CPU-time, wall-clock, memory
//! and output limits, and compiles submissions in C, C++, Rust, Python and JavaScript to it.
//!
//! `Sandbox` owns the wasmtime engine and everything shared between runs; `run` holds one
//! execution; `compile` turns a source file into an `Executable` inside a bubblewrap jail.

pub mod clock;
pub mod compile;
pub mod cpu_time;
pub mod jail;
pub mod language;
pub mod limits;
pub mod memory;
pub mod module_cache;
pub mod output;
mod poll;
pub mod run;
mod stdio;
pub mod toolchain;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use bytes::Bytes;
use wasmtime::{Config, Engine, Linker, OptLevel};

pub use compile::{Artifact, CompileError, CompileOutput, Compiler};
pub use language::Language;
pub use limits::Limits;
pub use run::{Executable, Invocation, Mount, RunOutcome, RunState, Termination};
pub use toolchain::Toolchains;

/// Native stack the wasm code may use: deep recursion (a DFS of depth 10^6) must pass as it
/// does on a native judge.
pub const MAX_WASM_STACK: usize = 256 << 20;
/// The thread running a program gets the wasm stack plus room for the host's own frames.
const RUN_THREAD_STACK: usize = MAX_WASM_STACK + (16 << 20);
/// How often the epoch advances, i.e. how often a running program's time is checked.
const EPOCH_TICK: Duration = Duration::from_millis(5);

#[derive(Debug, thiserror::Error)]
pub enum SandboxError {
    #[error("creating the wasm engine: {0}")]
    Engine(String),
    #[error("invalid WebAssembly module: {0}")]
    InvalidModule(String),
    #[error("setting up the run: {0}")]
    Setup(String),
    #[error("the run thread failed: {0}")]
    Thread(String),
}

/// Options fixed for the engine's lifetime.
#[derive(Debug, Clone, Default)]
pub struct SandboxOptions {
    /// Where compiled native modules are kept between processes (none: memory only).
    pub cache_dir: Option<PathBuf>,
    /// Count instructions (wasmtime fuel) so runs can be limited by an instruction budget.
    pub deterministic: bool,
}

/// The engine, linker and module cache shared by every run; cheap to share across threads.
pub struct Sandbox {
    engine: Engine,
    /// For contestants' programs: WASI with the bounded `poll_oneoff` and the direct `fd_write`
    /// for stdout and stderr (they have no other writable descriptor).
    linker: Linker<RunState>,
    /// For the setters' tools (output validators), which also write files: WASI's own `fd_write`.
    tool_linker: Linker<RunState>,
    modules: module_cache::ModuleCache,
    deterministic: bool,
    ticker_stop: Arc<AtomicBool>,
}

impl Sandbox {
    pub fn new(options: SandboxOptions) -> Result<Self, SandboxError> {
        let mut config = Config::new();
        config
            .epoch_interruption(true)
            .consume_fuel(options.deterministic)
            .max_wasm_stack(MAX_WASM_STACK)
            .async_stack_size(MAX_WASM_STACK + (1 << 20))
            .cranelift_opt_level(OptLevel::Speed)
            .parallel_compilation(true);
        let engine = Engine::new(&config).map_err(|e| SandboxError::Engine(format!("{e:#}")))?;
        let engine_err = |e: wasmtime::Error| SandboxError::Engine(format!("{e:#}"));
        let mut tool_linker = Linker::new(&engine);
        wasmtime_wasi::p1::add_to_linker_sync(&mut tool_linker, |s: &mut RunState| &mut s.wasi)
            .map_err(engine_err)?;
        tool_linker.allow_shadowing(true);
        tool_linker
            .func_wrap("wasi_snapshot_preview1", "poll_oneoff", poll::poll_oneoff)
            .map_err(engine_err)?;
        let mut linker = tool_linker.clone();
        linker
            .func_wrap("wasi_snapshot_preview1", "fd_write", stdio::fd_write)
            .map_err(engine_err)?;

        let ticker_stop = Arc::new(AtomicBool::new(false));
        let (tick_engine, stop) = (engine.clone(), ticker_stop.clone());
        std::thread::Builder::new()
            .name("epoch-ticker".into())
            .spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    std::thread::sleep(EPOCH_TICK);
                    tick_engine.increment_epoch();
                }
            })
            .map_err(|e| SandboxError::Engine(e.to_string()))?;

        Ok(Sandbox {
            modules: module_cache::ModuleCache::new(&engine, options.cache_dir),
            engine,
            linker,
            tool_linker,
            deterministic: options.deterministic,
            ticker_stop,
        })
    }

    pub fn is_deterministic(&self) -> bool {
        self.deterministic
    }

    /// Prepares a contestant's program for running (compiling its wasm to native code once).
    pub fn load(&self, artifact: &Artifact) -> Result<Executable, SandboxError> {
        self.load_with(&self.linker, artifact)
    }

    /// Prepares a setter's tool (an output validator), which may write files it is given.
    pub fn load_tool(&self, artifact: &Artifact) -> Result<Executable, SandboxError> {
        self.load_with(&self.tool_linker, artifact)
    }

    fn load_with(
        &self,
        linker: &Linker<RunState>,
        artifact: &Artifact,
    ) -> Result<Executable, SandboxError> {
        let module = self
            .modules
            .get(&self.engine, &artifact.wasm_hash, &artifact.wasm)?;
        let pre = linker
            .instantiate_pre(&module)
            .map_err(|e| SandboxError::InvalidModule(format!("{e:#}")))?;
        Ok(Executable {
            pre,
            argv: artifact.argv.clone(),
            mounts: artifact.mounts.clone(),
        })
    }

    /// Runs `exe` once on `input`, on a fresh thread with a stack deep enough for
    /// `MAX_WASM_STACK` (and so the CPU clock read is this run's alone).
    pub fn run(
        &self,
        exe: &Executable,
        input: impl Into<Bytes>,
        limits: &Limits,
    ) -> Result<RunOutcome, SandboxError> {
        self.run_with(exe, input, limits, &Invocation::default())
    }

    /// `run`, with arguments and host folders for this run only (an output validator gets the
    /// test's files and a feedback folder).
    pub fn run_with(
        &self,
        exe: &Executable,
        input: impl Into<Bytes>,
        limits: &Limits,
        invocation: &Invocation,
    ) -> Result<RunOutcome, SandboxError> {
        let input = input.into();
        let consume_fuel = self.deterministic;
        std::thread::scope(|scope| {
            let handle = std::thread::Builder::new()
                .name("wasm-run".into())
                .stack_size(RUN_THREAD_STACK)
                .spawn_scoped(scope, || {
                    run::run_on_this_thread(exe, input, limits, invocation, consume_fuel)
                })
                .map_err(|e| SandboxError::Thread(e.to_string()))?;
            handle
                .join()
                .map_err(|_| SandboxError::Thread("the run thread panicked".into()))?
        })
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        self.ticker_stop.store(true, Ordering::Relaxed);
    }
}
