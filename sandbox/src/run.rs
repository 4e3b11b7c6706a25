//! One execution of a program on one input: the store, its limits, and how the run ended.
//! Deciding what an ending means for the contestant (the verdict) is the judge's business.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use bytes::Bytes;
use wasmtime::{InstancePre, Store, Trap, UpdateDeadline};
use wasmtime_wasi::p1::WasiP1Ctx;
use wasmtime_wasi::p2::pipe::MemoryInputPipe;
use wasmtime_wasi::{FsPerms, I32Exit, WasiCtxBuilder};

use crate::SandboxError;
use crate::clock::GuestClock;
use crate::cpu_time::thread_cpu_time;
use crate::limits::Limits;
use crate::memory::MemoryLimiter;
use crate::output::{CappedOutput, OutputLimitExceeded, Overflow};

/// Stderr is kept for diagnostics only; beyond this it is dropped, never a verdict.
const STDERR_CAP: u64 = 64 * 1024;

/// Why the judge stopped a program (raised as an error out of wasm and recognised here).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LimitExceeded {
    #[error("CPU time limit exceeded")]
    CpuTime,
    #[error("wall-clock time limit exceeded")]
    WallTime,
}

/// How a run ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Termination {
    /// The program returned from `main` or called `exit` with this code.
    Exited(i32),
    /// A wasm trap: division by zero, out-of-bounds access, `abort`, stack overflow...
    Trapped(String),
    CpuTimeExceeded,
    WallTimeExceeded,
    /// The instruction budget of a deterministic run ran out.
    FuelExhausted,
    OutputExceeded,
}

/// Everything measured about one run.
#[derive(Debug, Clone)]
pub struct RunOutcome {
    pub termination: Termination,
    pub cpu_time: Duration,
    pub wall_time: Duration,
    /// Peak linear memory in bytes.
    pub peak_memory: u64,
    /// The program asked for more memory than its limit at some point.
    pub memory_denied: bool,
    /// Instructions (wasmtime fuel units) used, in deterministic mode.
    pub fuel_used: Option<u64>,
    pub stdout: Bytes,
    pub stderr: Bytes,
}

/// A program ready to be run many times: its instantiated-ahead module and how to start it.
#[derive(Clone)]
pub struct Executable {
    pub(crate) pre: InstancePre<RunState>,
    pub(crate) argv: Vec<String>,
    /// Host folders the program sees (an interpreter's source file).
    pub(crate) mounts: Vec<Mount>,
}

/// What one run adds to an executable's fixed argv and mounts.
#[derive(Debug, Clone, Default)]
pub struct Invocation {
    pub args: Vec<String>,
    pub mounts: Vec<Mount>,
}

/// A host folder shown to a program at a guest path. Programs get none but their own source;
/// an output validator also gets the test's files and a writable feedback folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mount {
    pub host: PathBuf,
    pub guest: String,
    pub writable: bool,
}

impl Mount {
    pub fn read_only(host: impl Into<PathBuf>, guest: &str) -> Self {
        Mount {
            host: host.into(),
            guest: guest.to_string(),
            writable: false,
        }
    }

    pub fn writable(host: impl Into<PathBuf>, guest: &str) -> Self {
        Mount {
            writable: true,
            ..Mount::read_only(host, guest)
        }
    }
}

/// Per-run state held by the store.
pub struct RunState {
    pub(crate) wasi: WasiP1Ctx,
    pub(crate) limiter: MemoryLimiter,
    pub(crate) limits: Limits,
    pub(crate) clock: GuestClock,
    pub(crate) stdout: CappedOutput,
    pub(crate) stderr: CappedOutput,
    started_wall: Instant,
    started_cpu: Duration,
}

impl RunState {
    pub(crate) fn wall_elapsed(&self) -> Duration {
        self.started_wall.elapsed()
    }

    fn check_time(&self) -> Result<(), LimitExceeded> {
        // In deterministic mode fuel is the clock; the wall limit only guards the host.
        if self.limits.fuel.is_none() && thread_cpu_time() - self.started_cpu > self.limits.cpu_time
        {
            return Err(LimitExceeded::CpuTime);
        }
        if self.wall_elapsed() > self.limits.wall_time {
            return Err(LimitExceeded::WallTime);
        }
        Ok(())
    }
}

/// Runs `exe` on `input` under `limits`. Must be called on a thread whose native stack is at least
/// the engine's `max_wasm_stack` (see `Sandbox::run`).
pub(crate) fn run_on_this_thread(
    exe: &Executable,
    input: Bytes,
    limits: &Limits,
    invocation: &Invocation,
    consume_fuel: bool,
) -> Result<RunOutcome, SandboxError> {
    let stdout = CappedOutput::new(limits.output_bytes, Overflow::Trap);
    let stderr = CappedOutput::new(STDERR_CAP, Overflow::Truncate);
    let clock = if limits.fuel.is_some() {
        GuestClock::virtual_clock()
    } else {
        GuestClock::real()
    };
    let mut builder = WasiCtxBuilder::new();
    builder
        .args(&exe.argv)
        .args(&invocation.args)
        .stdin(MemoryInputPipe::new(input))
        .stdout(stdout.clone())
        .stderr(stderr.clone())
        .wall_clock(clock.clone())
        .monotonic_clock(clock.clone())
        .allow_tcp(false)
        .allow_udp(false)
        .allow_ip_name_lookup(false);
    if limits.fuel.is_some() {
        builder.insecure_random_seed(0);
        builder.secure_random(wasmtime_wasi::Deterministic::new(vec![42; 64]));
        builder.insecure_random(wasmtime_wasi::Deterministic::new(vec![7; 64]));
    }
    for m in exe.mounts.iter().chain(&invocation.mounts) {
        let perms = if m.writable {
            FsPerms::ReadWrite
        } else {
            FsPerms::ReadOnly
        };
        builder
            .preopened_dir(&m.host, &m.guest, perms)
            .map_err(|e| SandboxError::Setup(format!("mounting {}: {e}", m.host.display())))?;
    }
    let state = RunState {
        wasi: builder.build_p1(),
        limiter: MemoryLimiter::new(limits.memory_bytes),
        limits: *limits,
        clock,
        stdout: stdout.clone(),
        stderr: stderr.clone(),
        started_wall: Instant::now(),
        started_cpu: thread_cpu_time(),
    };
    let mut store = Store::new(exe.pre.module().engine(), state);
    store.limiter(|s| &mut s.limiter);
    store.set_epoch_deadline(1);
    store.epoch_deadline_callback(|ctx| {
        ctx.data()
            .check_time()
            .map(|()| UpdateDeadline::Continue(1))
            .map_err(wasmtime::Error::new)
    });
    let budget = limits.fuel.unwrap_or(u64::MAX);
    if consume_fuel {
        store
            .set_fuel(budget)
            .map_err(|e| SandboxError::Setup(e.to_string()))?;
    }

    let result = exe.pre.instantiate(&mut store).and_then(|instance| {
        let start = instance.get_typed_func::<(), ()>(&mut store, "_start")?;
        start.call(&mut store, ())
    });

    let termination = match result {
        Ok(()) => Termination::Exited(0),
        Err(e) => classify(&e, &stdout, limits),
    };
    let fuel_used = consume_fuel
        .then(|| store.get_fuel().ok().map(|left| budget - left))
        .flatten();
    let state = store.data();
    Ok(RunOutcome {
        termination,
        cpu_time: thread_cpu_time() - state.started_cpu,
        wall_time: state.wall_elapsed(),
        peak_memory: state.limiter.peak(),
        memory_denied: state.limiter.denied(),
        fuel_used: limits.fuel.and(fuel_used),
        stdout: stdout.contents(),
        stderr: stderr.contents(),
    })
}

/// Maps the error a call ended with onto a termination.
fn classify(e: &wasmtime::Error, stdout: &CappedOutput, limits: &Limits) -> Termination {
    if stdout.exceeded() || e.downcast_ref::<OutputLimitExceeded>().is_some() {
        return Termination::OutputExceeded;
    }
    if let Some(exit) = e.downcast_ref::<I32Exit>() {
        return Termination::Exited(exit.0);
    }
    if let Some(limit) = e.downcast_ref::<LimitExceeded>() {
        return match limit {
            LimitExceeded::CpuTime => Termination::CpuTimeExceeded,
            LimitExceeded::WallTime => Termination::WallTimeExceeded,
        };
    }
    if let Some(trap) = e.downcast_ref::<Trap>() {
        if *trap == Trap::OutOfFuel && limits.fuel.is_some() {
            return Termination::FuelExhausted;
        }
        return Termination::Trapped(trap.to_string());
    }
    Termination::Trapped(format!("{e:#}"))
}
