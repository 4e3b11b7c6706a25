//! The clocks a program sees. Normally the host's; in deterministic mode a virtual clock that
//! starts at a fixed date and moves only when the program sleeps, so that a program reading the
//! time (to seed a random generator, say) behaves the same on every run.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use wasmtime_wasi::{HostMonotonicClock, HostWallClock};

/// 2024-01-01T00:00:00Z: the wall time a deterministic run starts at.
const VIRTUAL_EPOCH_NANOS: u64 = 1_704_067_200 * 1_000_000_000;

#[derive(Debug)]
enum Mode {
    Real { start: Instant },
    Virtual { elapsed_nanos: AtomicU64 },
}

/// A clock shared by the guest's WASI clocks and the bounded `poll_oneoff`.
#[derive(Debug, Clone)]
pub struct GuestClock(Arc<Mode>);

impl GuestClock {
    pub fn real() -> Self {
        GuestClock(Arc::new(Mode::Real {
            start: Instant::now(),
        }))
    }

    pub fn virtual_clock() -> Self {
        GuestClock(Arc::new(Mode::Virtual {
            elapsed_nanos: AtomicU64::new(0),
        }))
    }

    pub fn is_virtual(&self) -> bool {
        matches!(*self.0, Mode::Virtual { .. })
    }

    /// Moves a virtual clock forward (a sleep); the real clock moves by itself.
    pub fn advance(&self, by: Duration) {
        if let Mode::Virtual { elapsed_nanos } = &*self.0 {
            elapsed_nanos.fetch_add(by.as_nanos() as u64, Ordering::Relaxed);
        }
    }

    /// Nanoseconds on the monotonic clock.
    pub fn monotonic_now(&self) -> u64 {
        match &*self.0 {
            Mode::Real { start } => start.elapsed().as_nanos() as u64,
            Mode::Virtual { elapsed_nanos } => elapsed_nanos.load(Ordering::Relaxed),
        }
    }

    /// Nanoseconds since the Unix epoch.
    pub fn wall_now(&self) -> u64 {
        match &*self.0 {
            Mode::Real { .. } => SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(0),
            Mode::Virtual { elapsed_nanos } => {
                VIRTUAL_EPOCH_NANOS + elapsed_nanos.load(Ordering::Relaxed)
            }
        }
    }
}

impl HostMonotonicClock for GuestClock {
    fn resolution(&self) -> u64 {
        1
    }

    fn now(&self) -> u64 {
        self.monotonic_now()
    }
}

impl HostWallClock for GuestClock {
    fn resolution(&self) -> Duration {
        Duration::from_nanos(1)
    }

    fn now(&self) -> Duration {
        Duration::from_nanos(self.wall_now())
    }
}
