//! Captured stdout and stderr of a sandboxed program. A plain bounded pipe only drops bytes and
//! lets a flooding program spin on; this one traps on the first write past the cap, so the run
//! stops at once with OLE.

use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll};

use bytes::{Bytes, BytesMut};
use wasmtime_wasi::cli::{IsTerminal, StdoutStream};
use wasmtime_wasi::p2::{OutputStream, Pollable, StreamError};

/// Raised (as a trap) when a program writes more than its output limit.
#[derive(Debug, thiserror::Error)]
#[error("output limit of {limit} bytes exceeded")]
pub struct OutputLimitExceeded {
    pub limit: u64,
}

/// What happens when the cap is reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overflow {
    /// Stop the program (stdout: the output limit is a verdict).
    Trap,
    /// Keep the first bytes and drop the rest (stderr: only kept for diagnostics).
    Truncate,
}

#[derive(Debug)]
struct Inner {
    buf: BytesMut,
    exceeded: bool,
}

/// A capped in-memory output stream, shared between the store and the caller.
#[derive(Debug, Clone)]
pub struct CappedOutput {
    cap: u64,
    overflow: Overflow,
    inner: Arc<Mutex<Inner>>,
}

impl CappedOutput {
    pub fn new(cap: u64, overflow: Overflow) -> Self {
        CappedOutput {
            cap,
            overflow,
            inner: Arc::new(Mutex::new(Inner {
                buf: BytesMut::new(),
                exceeded: false,
            })),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A poisoned lock only means a writer panicked mid-append; the bytes are still valid.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Whether the program tried to write past the cap.
    pub fn exceeded(&self) -> bool {
        self.lock().exceeded
    }

    /// Everything kept so far.
    pub fn contents(&self) -> Bytes {
        self.lock().buf.clone().freeze()
    }

    /// Appends `data`: all of it, or for a truncating stream what fits, or for a trapping stream
    /// the error that stops the program.
    pub fn write_all(&self, data: &[u8]) -> Result<(), OutputLimitExceeded> {
        self.append(data).map(|_| ())
    }

    /// Appends what fits; returns how many bytes were taken, or the trap for a trapping stream.
    fn append(&self, data: &[u8]) -> Result<usize, OutputLimitExceeded> {
        let mut inner = self.lock();
        let room = (self.cap as usize).saturating_sub(inner.buf.len());
        if data.len() > room {
            inner.exceeded = true;
            inner.buf.extend_from_slice(&data[..room]);
            return match self.overflow {
                Overflow::Trap => Err(OutputLimitExceeded { limit: self.cap }),
                Overflow::Truncate => Ok(data.len()),
            };
        }
        inner.buf.extend_from_slice(data);
        Ok(data.len())
    }
}

#[wasmtime_wasi::async_trait]
impl Pollable for CappedOutput {
    async fn ready(&mut self) {}
}

#[wasmtime_wasi::async_trait]
impl OutputStream for CappedOutput {
    fn write(&mut self, bytes: Bytes) -> Result<(), StreamError> {
        self.append(&bytes)
            .map(|_| ())
            .map_err(|e| StreamError::Trap(wasmtime::Error::new(e)))
    }

    fn flush(&mut self) -> Result<(), StreamError> {
        Ok(())
    }

    fn check_write(&mut self) -> Result<usize, StreamError> {
        // Always grant a permit: the overflow is detected (and trapped) in `write`.
        Ok(64 * 1024)
    }
}

impl tokio::io::AsyncWrite for CappedOutput {
    fn poll_write(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        Poll::Ready(
            self.append(buf)
                .map_err(|e| std::io::Error::new(std::io::ErrorKind::StorageFull, e)),
        )
    }

    fn poll_flush(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

impl IsTerminal for CappedOutput {
    fn is_terminal(&self) -> bool {
        false
    }
}

impl StdoutStream for CappedOutput {
    fn p2_stream(&self) -> Box<dyn OutputStream> {
        Box::new(self.clone())
    }

    fn async_stream(&self) -> Box<dyn tokio::io::AsyncWrite + Send + Sync> {
        Box::new(self.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trapping_stream_keeps_the_cap_and_reports_overflow() {
        let out = CappedOutput::new(4, Overflow::Trap);
        assert_eq!(out.append(b"abc").ok(), Some(3));
        assert!(out.append(b"de").is_err());
        assert!(out.exceeded());
        assert_eq!(&out.contents()[..], b"abcd");
    }

    #[test]
    fn truncating_stream_drops_the_rest_silently() {
        let out = CappedOutput::new(2, Overflow::Truncate);
        assert_eq!(out.append(b"xyz").ok(), Some(3));
        assert_eq!(&out.contents()[..], b"xy");
    }
}
