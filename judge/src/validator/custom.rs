//! Custom output validators: a program of the problem package, compiled to wasm like a
//! submission and run in the same sandbox, as the Kattis spec calls it:
//! `validator input_file answer_file feedback_dir [args] < team_output`. Exit 42 accepts, 43
//! rejects (with `judgemessage.txt` as the reason), anything else is a judge error.

use std::path::Path;
use std::time::Duration;

use sandbox::{Executable, Invocation, Limits, Mount, Sandbox, Termination};

use super::Judgement;

const ACCEPT: i32 = 42;
const REJECT: i32 = 43;
/// The feedback shown is cut to this many bytes.
const FEEDBACK_BYTES: usize = 16 * 1024;

/// Limits for the validator itself: generous, since it is the setters' code, but bounded.
pub fn limits(problem_time_limit: Duration) -> Limits {
    Limits {
        output_bytes: 1 << 20,
        ..Limits::new(
            problem_time_limit.max(Duration::from_secs(5)) * 2,
            2048 << 20,
        )
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Runs the validator on one output. `Err` is a judge error, with the reason.
pub fn check(
    sandbox: &Sandbox,
    validator: &Executable,
    input: &Path,
    answer: &Path,
    args: &[String],
    output: &[u8],
    limits: &Limits,
) -> Result<Judgement, String> {
    let feedback = tempfile::tempdir().map_err(|e| format!("feedback folder: {e}"))?;
    let parent = |p: &Path| p.parent().map(Path::to_path_buf).unwrap_or_default();
    let invocation = Invocation {
        args: [
            format!("/input/{}", file_name(input)),
            format!("/answer/{}", file_name(answer)),
            "/feedback/".to_string(),
        ]
        .into_iter()
        .chain(args.iter().cloned())
        .collect(),
        mounts: vec![
            Mount::read_only(parent(input), "/input"),
            Mount::read_only(parent(answer), "/answer"),
            Mount::writable(feedback.path(), "/feedback"),
        ],
    };
    let run = sandbox
        .run_with(validator, output.to_vec(), limits, &invocation)
        .map_err(|e| format!("running the output validator: {e}"))?;
    let message = std::fs::read(feedback.path().join("judgemessage.txt"))
        .ok()
        .map(|m| {
            String::from_utf8_lossy(&m[..m.len().min(FEEDBACK_BYTES)])
                .trim()
                .to_string()
        })
        .filter(|m| !m.is_empty());
    match run.termination {
        Termination::Exited(ACCEPT) => Ok(Judgement::Accepted),
        Termination::Exited(REJECT) => {
            Ok(Judgement::WrongAnswer(message.unwrap_or_else(|| {
                "rejected by the output validator".into()
            })))
        }
        other => Err(format!(
            "the output validator ended with {other:?} instead of exit code 42 or 43{}{}",
            message
                .map(|m| format!("; judgemessage: {m}"))
                .unwrap_or_default(),
            if run.stderr.is_empty() {
                String::new()
            } else {
                format!("; stderr: {}", String::from_utf8_lossy(&run.stderr).trim())
            }
        )),
    }
}
