//! Linear-memory accounting: a `ResourceLimiter` that caps growth, records the peak and remembers
//! a denied growth, so that a program which fails after `malloc` returned NULL is judged MLE and
//! not RTE.

use wasmtime::ResourceLimiter;

/// Tables are small; this bound only stops a program from exhausting host memory through them.
const MAX_TABLE_ELEMENTS: usize = 1 << 20;

#[derive(Debug, Clone)]
pub struct MemoryLimiter {
    cap: usize,
    peak: usize,
    denied: bool,
}

impl MemoryLimiter {
    pub fn new(cap_bytes: u64) -> Self {
        MemoryLimiter {
            cap: usize::try_from(cap_bytes).unwrap_or(usize::MAX),
            peak: 0,
            denied: false,
        }
    }

    /// Largest linear memory the program held, in bytes.
    pub fn peak(&self) -> u64 {
        self.peak as u64
    }

    /// Whether the program asked for more memory than its limit.
    pub fn denied(&self) -> bool {
        self.denied
    }
}

impl ResourceLimiter for MemoryLimiter {
    fn memory_growing(
        &mut self,
        _current: usize,
        desired: usize,
        _maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        if desired > self.cap {
            self.denied = true;
            return Ok(false);
        }
        self.peak = self.peak.max(desired);
        Ok(true)
    }

    fn table_growing(
        &mut self,
        _current: usize,
        desired: usize,
        _maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        Ok(desired <= MAX_TABLE_ELEMENTS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_peak_and_denial() {
        let mut l = MemoryLimiter::new(1000);
        assert!(l.memory_growing(0, 600, None).unwrap());
        assert!(!l.memory_growing(600, 1200, None).unwrap());
        assert_eq!(l.peak(), 600);
        assert!(l.denied());
    }
}
