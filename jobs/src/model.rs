//! The rows the store keeps and the states a submission goes through.

use serde::{Deserialize, Serialize};

/// Where a submission is in its life: `queued` → `compiling` → `running` → `done`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Queued,
    Compiling,
    Running,
    Done,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Queued => "queued",
            Status::Compiling => "compiling",
            Status::Running => "running",
            Status::Done => "done",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Some(match s {
            "queued" => Status::Queued,
            "compiling" => Status::Compiling,
            "running" => Status::Running,
            "done" => Status::Done,
            _ => return None,
        })
    }
}

/// A judged submission, or a "Run" (samples or custom input, no verdict recorded for the problem).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SubmissionKind {
    Submission,
    Run,
}

impl SubmissionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SubmissionKind::Submission => "submission",
            SubmissionKind::Run => "run",
        }
    }
}

/// What the API writes when a submission arrives.
#[derive(Debug, Clone)]
pub struct NewSubmission {
    pub id: String,
    pub problem: String,
    pub language: String,
    pub source: String,
    pub kind: SubmissionKind,
    /// For a run on custom input.
    pub custom_input: Option<String>,
    pub trace_id: String,
    pub callback_url: Option<String>,
    /// An anonymous browser or API-client id, for "my submissions" and rate limits.
    pub client_id: Option<String>,
}

/// A submission as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SubmissionRow {
    pub id: String,
    pub problem: String,
    pub language: String,
    pub source: String,
    pub kind: String,
    pub custom_input: Option<String>,
    pub status: String,
    pub verdict: Option<String>,
    pub attempt: i64,
    /// The judge's report as JSON, once done.
    pub result: Option<String>,
    pub time_ms: Option<f64>,
    pub memory_bytes: Option<i64>,
    pub trace_id: String,
    pub callback_url: Option<String>,
    pub client_id: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl SubmissionRow {
    pub fn status(&self) -> Status {
        Status::parse(&self.status).unwrap_or(Status::Queued)
    }

    pub fn is_run(&self) -> bool {
        self.kind == SubmissionKind::Run.as_str()
    }
}

/// One entry of a submission's event log: a state change, a finished test, the final result.
/// `seq` numbers them from 1; SSE clients resume after the last one they saw.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Event {
    pub submission_id: String,
    pub seq: i64,
    pub kind: String,
    /// JSON.
    pub data: String,
}
