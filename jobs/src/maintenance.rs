//! Keeping the queue honest when parts die: the reaper returns the jobs of workers whose
//! heartbeat stopped (SIGKILL, a machine gone), and the sweeper re-enqueues submissions that the
//! database says are waiting or being judged but that Redis has forgotten (Redis here keeps
//! nothing on disk: a restart or FLUSHALL empties it). Any API instance or worker may run it;
//! running it twice at once only re-enqueues a job twice, and the claim in the store makes the
//! second delivery a no-op.

use std::time::Duration;

use crate::queue::{Queue, QueueError};
use crate::store::{Store, StoreError};

#[derive(Debug, Clone, Copy)]
pub struct MaintenanceConfig {
    /// A worker silent this long is dead.
    pub dead_after: Duration,
    /// A submission queued this long without a worker taking it is checked against Redis.
    pub queued_for: Duration,
    /// A judging lease this old has expired.
    pub lease: Duration,
}

impl Default for MaintenanceConfig {
    fn default() -> Self {
        MaintenanceConfig {
            dead_after: Duration::from_secs(15),
            queued_for: Duration::from_secs(30),
            lease: Duration::from_secs(120),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum MaintenanceError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Queue(#[from] QueueError),
}

/// What one pass did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Maintained {
    pub dead_workers: Vec<String>,
    /// Jobs returned from dead workers' processing lists.
    pub returned: usize,
    /// Submissions pushed again because Redis no longer had them.
    pub swept: Vec<String>,
}

/// One pass of the reaper and the sweeper.
pub async fn maintain(
    store: &Store,
    queue: &Queue,
    config: &MaintenanceConfig,
) -> Result<Maintained, MaintenanceError> {
    let mut done = Maintained::default();
    for (worker, jobs) in queue.dead_workers(config.dead_after).await? {
        for job in &jobs {
            // Queued again in the store first, so the next claim does not wait for the lease.
            store.requeue(job).await?;
        }
        done.returned += queue.return_jobs(&worker).await?;
        done.dead_workers.push(worker);
    }
    let processing: Vec<String> = queue
        .workers()
        .await?
        .into_iter()
        .filter_map(|w| w.current)
        .collect();
    for id in store.stale(config.queued_for, config.lease, 100).await? {
        if processing.contains(&id) || queue.contains(&id).await? {
            continue;
        }
        store.requeue(&id).await?;
        queue.push(&id).await?;
        done.swept.push(id);
    }
    Ok(done)
}
