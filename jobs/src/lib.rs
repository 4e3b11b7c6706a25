//! What the API and the judge workers share. The database (`store`) is the source of truth:
//! every submission, its state, its result and its event log. Redis (`queue`) carries job ids to
//! workers and hints about new events; losing all of Redis loses no submission (`sweep`).

pub mod maintenance;
pub mod model;
pub mod queue;
pub mod store;

pub use maintenance::{Maintained, MaintenanceConfig, maintain};
pub use model::{Event, NewSubmission, Status, SubmissionKind, SubmissionRow};
pub use queue::{Queue, QueueError, WorkerQueue};
pub use store::{Claim, Store, StoreError};

/// Milliseconds since the Unix epoch: the store's clock.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}
