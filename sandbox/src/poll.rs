//! A bounded `poll_oneoff`. WASI's own blocks inside the host, where neither epoch interruption
//! nor fuel can stop it, so a program calling `sleep(1000)` would hold a worker for that long.
//! Here a sleep that would end past the wall-clock limit stops the program at once (TLE), and a
//! shorter one really sleeps. The program has no files or sockets, so fd subscriptions (stdin,
//! stdout) are always ready.

use std::time::Duration;

use wasmtime::{Caller, Extern};

use crate::run::{LimitExceeded, RunState};

const SUBSCRIPTION_SIZE: usize = 48;
const EVENT_SIZE: usize = 32;
const EVENTTYPE_CLOCK: u8 = 0;
const SUBCLOCKFLAGS_ABSTIME: u16 = 1;
const CLOCKID_REALTIME: u32 = 0;
const ERRNO_SUCCESS: i32 = 0;
const ERRNO_FAULT: i32 = 21;
const ERRNO_INVAL: i32 = 28;

/// One parsed subscription.
enum Subscription {
    /// Fires after this long.
    Clock { userdata: u64, after: Duration },
    /// An fd read or write: ready at once.
    Fd { userdata: u64, kind: u8 },
}

fn read_u64(b: &[u8], at: usize) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(a)
}

fn read_u32(b: &[u8], at: usize) -> u32 {
    let mut a = [0u8; 4];
    a.copy_from_slice(&b[at..at + 4]);
    u32::from_le_bytes(a)
}

fn parse(raw: &[u8], state: &RunState) -> Option<Subscription> {
    let userdata = read_u64(raw, 0);
    let kind = raw[8];
    if kind != EVENTTYPE_CLOCK {
        return (kind <= 2).then_some(Subscription::Fd { userdata, kind });
    }
    let clock_id = read_u32(raw, 16);
    let timeout = read_u64(raw, 24);
    let flags = u16::from_le_bytes([raw[40], raw[41]]);
    let after = if flags & SUBCLOCKFLAGS_ABSTIME != 0 {
        let now = if clock_id == CLOCKID_REALTIME {
            state.clock.wall_now()
        } else {
            state.clock.monotonic_now()
        };
        Duration::from_nanos(timeout.saturating_sub(now))
    } else {
        Duration::from_nanos(timeout)
    };
    Some(Subscription::Clock { userdata, after })
}

fn event(userdata: u64, kind: u8) -> [u8; EVENT_SIZE] {
    let mut e = [0u8; EVENT_SIZE];
    e[0..8].copy_from_slice(&userdata.to_le_bytes());
    e[10] = kind;
    e
}

/// The host function that replaces `wasi_snapshot_preview1::poll_oneoff`.
pub fn poll_oneoff(
    mut caller: Caller<'_, RunState>,
    subs_ptr: i32,
    events_ptr: i32,
    count: i32,
    nevents_ptr: i32,
) -> wasmtime::Result<i32> {
    let Some(Extern::Memory(memory)) = caller.get_export("memory") else {
        return Ok(ERRNO_FAULT);
    };
    let count = count as u32 as usize;
    if count == 0 {
        return Ok(ERRNO_INVAL);
    }
    let subs_at = subs_ptr as u32 as usize;
    let mut raw = vec![0u8; count * SUBSCRIPTION_SIZE];
    if memory.read(&caller, subs_at, &mut raw).is_err() {
        return Ok(ERRNO_FAULT);
    }
    let mut subs = Vec::with_capacity(count);
    for chunk in raw.chunks_exact(SUBSCRIPTION_SIZE) {
        match parse(chunk, caller.data()) {
            Some(s) => subs.push(s),
            None => return Ok(ERRNO_INVAL),
        }
    }

    let ready_fds: Vec<[u8; EVENT_SIZE]> = subs
        .iter()
        .filter_map(|s| match s {
            Subscription::Fd { userdata, kind } => Some(event(*userdata, *kind)),
            Subscription::Clock { .. } => None,
        })
        .collect();
    let fired = if !ready_fds.is_empty() {
        ready_fds
    } else {
        let soonest = subs
            .iter()
            .filter_map(|s| match s {
                Subscription::Clock { after, .. } => Some(*after),
                Subscription::Fd { .. } => None,
            })
            .min()
            .unwrap_or_default();
        let state = caller.data();
        if state.wall_elapsed() + soonest > state.limits.wall_time {
            return Err(wasmtime::Error::new(LimitExceeded::WallTime));
        }
        if !state.clock.is_virtual() {
            std::thread::sleep(soonest);
        } else {
            caller.data_mut().clock.advance(soonest);
        }
        subs.iter()
            .filter_map(|s| match s {
                Subscription::Clock { userdata, after } if *after <= soonest => {
                    Some(event(*userdata, EVENTTYPE_CLOCK))
                }
                _ => None,
            })
            .collect()
    };

    let mut out = Vec::with_capacity(fired.len() * EVENT_SIZE);
    for e in &fired {
        out.extend_from_slice(e);
    }
    let written = memory
        .write(&mut caller, events_ptr as u32 as usize, &out)
        .and_then(|_| {
            memory.write(
                &mut caller,
                nevents_ptr as u32 as usize,
                &(fired.len() as u32).to_le_bytes(),
            )
        });
    Ok(if written.is_ok() {
        ERRNO_SUCCESS
    } else {
        ERRNO_FAULT
    })
}
