//! A direct `fd_write` for stdout and stderr. WASI's own goes through a generic stream layer that
//! costs microseconds per call, so a program printing line by line spent its whole time limit
//! in the host; here the bytes go straight into the capped buffers, and the first write past the
//! output limit stops the program. A program has no other writable descriptor.

use wasmtime::{Caller, Extern};

use crate::output::CappedOutput;
use crate::run::RunState;

const ERRNO_SUCCESS: i32 = 0;
const ERRNO_BADF: i32 = 8;
const ERRNO_FAULT: i32 = 21;

fn le_u32(b: &[u8]) -> usize {
    u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize
}

/// The host function that replaces `wasi_snapshot_preview1::fd_write`.
pub fn fd_write(
    mut caller: Caller<'_, RunState>,
    fd: i32,
    iovs_ptr: i32,
    iovs_len: i32,
    nwritten_ptr: i32,
) -> wasmtime::Result<i32> {
    let target: CappedOutput = match fd {
        1 => caller.data().stdout.clone(),
        2 => caller.data().stderr.clone(),
        _ => return Ok(ERRNO_BADF),
    };
    let Some(Extern::Memory(memory)) = caller.get_export("memory") else {
        return Ok(ERRNO_FAULT);
    };
    let mem = memory.data(&caller);
    let iovs_at = iovs_ptr as u32 as usize;
    let Some(iovs) = mem.get(iovs_at..iovs_at + 8 * (iovs_len as u32 as usize)) else {
        return Ok(ERRNO_FAULT);
    };
    let mut total = 0usize;
    for iov in iovs.chunks_exact(8) {
        let (at, len) = (le_u32(&iov[0..4]), le_u32(&iov[4..8]));
        let Some(bytes) = mem.get(at..at + len) else {
            return Ok(ERRNO_FAULT);
        };
        target.write_all(bytes).map_err(wasmtime::Error::new)?;
        total += len;
    }
    let at = nwritten_ptr as u32 as usize;
    match memory.data_mut(&mut caller).get_mut(at..at + 4) {
        Some(slot) => {
            slot.copy_from_slice(&(total as u32).to_le_bytes());
            Ok(ERRNO_SUCCESS)
        }
        None => Ok(ERRNO_FAULT),
    }
}
