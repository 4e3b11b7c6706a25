//! The bubblewrap jail compilers run in. A compiler is as hostile as a program: it prints the
//! files a source includes, so it gets a read-only /usr, a private /tmp, its work directory and
//! nothing else of the host (no /etc, /home, /proc, network or environment), plus rlimits on CPU,
//! address space and file size, and a wall-clock kill for what the rlimits cannot see.

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use wait_timeout::ChildExt;

pub const BWRAP: &str = "/usr/bin/bwrap";

/// Limits of one jailed command.
#[derive(Debug, Clone, Copy)]
pub struct JailLimits {
    pub cpu: Duration,
    pub wall: Duration,
    pub address_space: u64,
    pub file_size: u64,
    /// Bytes of stdout and of stderr kept (the rest is read and dropped).
    pub output: usize,
}

impl Default for JailLimits {
    fn default() -> Self {
        JailLimits {
            cpu: Duration::from_secs(10),
            wall: Duration::from_secs(20),
            address_space: 4 << 30,
            file_size: 64 << 20,
            output: 64 * 1024,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JailStatus {
    Exited(i32),
    /// Killed by a signal (SIGXCPU for the CPU limit, SIGKILL, SIGSEGV when out of memory...).
    Signaled(i32),
    /// Killed by us at the wall-clock limit.
    TimedOut,
}

#[derive(Debug)]
pub struct JailOutput {
    pub status: JailStatus,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

#[derive(Debug, thiserror::Error)]
pub enum JailError {
    #[error("bubblewrap is not installed ({BWRAP}): run scripts/install.sh")]
    Missing,
    #[error("starting the jail: {0}")]
    Spawn(std::io::Error),
}

/// What a jailed command sees of the host besides /usr and its work directory.
#[derive(Debug, Clone, Default)]
pub struct JailView {
    /// Host paths shown read-only at the same path (a toolchain outside /usr).
    pub ro_binds: Vec<PathBuf>,
    /// Environment variables besides PATH and HOME.
    pub env: Vec<(String, String)>,
}

/// Runs `argv` in a jail whose `/work` is the host's `work` (read-write).
pub fn run(
    work: &Path,
    view: &JailView,
    argv: &[String],
    limits: &JailLimits,
) -> Result<JailOutput, JailError> {
    if !Path::new(BWRAP).exists() {
        return Err(JailError::Missing);
    }
    let mut cmd = Command::new(BWRAP);
    cmd.args(["--ro-bind", "/usr", "/usr"])
        .args(["--symlink", "usr/lib", "/lib"])
        .args(["--symlink", "usr/lib64", "/lib64"])
        .args(["--symlink", "usr/bin", "/bin"])
        .args(["--dev", "/dev", "--tmpfs", "/tmp"]);
    for p in &view.ro_binds {
        cmd.arg("--ro-bind").arg(p).arg(p);
    }
    cmd.arg("--bind")
        .arg(work)
        .arg("/work")
        .args(["--chdir", "/work"])
        .args(["--unshare-all", "--die-with-parent", "--new-session"])
        .args([
            "--clearenv",
            "--setenv",
            "PATH",
            "/usr/bin",
            "--setenv",
            "HOME",
            "/tmp",
        ]);
    for (k, v) in &view.env {
        cmd.arg("--setenv").arg(k).arg(v);
    }
    cmd.arg("--")
        .args(argv)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let rl = *limits;
    // SAFETY: only async-signal-safe calls (setrlimit, setpgid) between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            set_limit(libc::RLIMIT_CPU, rl.cpu.as_secs().max(1))?;
            set_limit(libc::RLIMIT_AS, rl.address_space)?;
            set_limit(libc::RLIMIT_FSIZE, rl.file_size)?;
            set_limit(libc::RLIMIT_CORE, 0)?;
            if libc::setpgid(0, 0) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut child = cmd.spawn().map_err(JailError::Spawn)?;
    let out = child.stdout.take().map(|s| drain(s, limits.output));
    let err = child.stderr.take().map(|s| drain(s, limits.output));
    let status = match child.wait_timeout(limits.wall).map_err(JailError::Spawn)? {
        Some(status) => {
            use std::os::unix::process::ExitStatusExt;
            match (status.code(), status.signal()) {
                (Some(code), _) => JailStatus::Exited(code),
                (None, Some(sig)) => JailStatus::Signaled(sig),
                (None, None) => JailStatus::Signaled(0),
            }
        }
        None => {
            // SAFETY: kill(2) on the process group we created in pre_exec.
            unsafe {
                libc::kill(-(child.id() as i32), libc::SIGKILL);
            }
            let _ = child.kill();
            let _ = child.wait();
            JailStatus::TimedOut
        }
    };
    let join = |h: Option<std::thread::JoinHandle<Vec<u8>>>| {
        h.and_then(|h| h.join().ok()).unwrap_or_default()
    };
    Ok(JailOutput {
        status,
        stdout: join(out),
        stderr: join(err),
    })
}

fn set_limit(resource: libc::__rlimit_resource_t, value: u64) -> std::io::Result<()> {
    let lim = libc::rlimit {
        rlim_cur: value,
        rlim_max: value,
    };
    // SAFETY: a valid rlimit struct.
    if unsafe { libc::setrlimit(resource, &lim) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

/// Reads a pipe to its end on a thread (so the child never blocks on a full pipe), keeping at
/// most `cap` bytes.
fn drain(mut pipe: impl Read + Send + 'static, cap: usize) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut kept = Vec::new();
        let mut buf = [0u8; 8192];
        while let Ok(n) = pipe.read(&mut buf) {
            if n == 0 {
                break;
            }
            let room = cap.saturating_sub(kept.len());
            kept.extend_from_slice(&buf[..n.min(room)]);
        }
        kept
    })
}
