//! The resource limits one program run is held to. Where a limit comes from (a problem package, a
//! flag) is decided by the caller; this module only says what the limits are.

use std::time::Duration;

/// Limits for one execution of a program on one input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// CPU time of the thread running the program: fair when several runs share the cores.
    pub cpu_time: Duration,
    /// Wall-clock time: stops a program that sleeps or blocks and so burns no CPU.
    pub wall_time: Duration,
    /// Linear memory in bytes (wasm32 cannot address more than 4 GiB).
    pub memory_bytes: u64,
    /// Bytes the program may write to stdout before it is stopped with OLE.
    pub output_bytes: u64,
    /// Instruction budget (wasmtime fuel) instead of the clock, for deterministic judging.
    pub fuel: Option<u64>,
}

impl Limits {
    /// The wall-clock limit that goes with a CPU limit: generous enough that a loaded machine does
    /// not turn CPU-bound programs into TLE, tight enough that a sleeper is stopped soon.
    pub fn wall_for(cpu_time: Duration) -> Duration {
        cpu_time * 3 + Duration::from_secs(1)
    }

    /// Limits with the given CPU time and memory, and defaults for the rest.
    pub fn new(cpu_time: Duration, memory_bytes: u64) -> Self {
        Limits {
            cpu_time,
            wall_time: Self::wall_for(cpu_time),
            memory_bytes,
            output_bytes: 8 << 20,
            fuel: None,
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits::new(Duration::from_secs(1), 2048 << 20)
    }
}
