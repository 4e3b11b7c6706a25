//! The Redis side: the job list, per-worker processing lists, worker heartbeats, and the event bus.
//!
//! Reliable queue (Redis' LMOVE pattern): a worker moves a job id into its own processing list
//! with BLMOVE, and removes it (LREM) only after the result is committed to the database; the jobs
//! of a worker whose heartbeat stopped are moved back by the reaper. Every key shares the hash tag
//! `{judge}`, so the same commands work on Redis Cluster.
//!
//! redis-rs gives each async connection a 500 ms response timeout; a longer BLMOVE would fail on
//! the client while the server still moved the job, stranding it. Blocking commands therefore use
//! a connection of their own with no response timeout, and a short block time so the caller can
//! notice a shutdown between calls.

use std::collections::HashMap;
use std::time::Duration;

use futures::StreamExt;
use redis::AsyncCommands;
use redis::aio::{ConnectionManager, ConnectionManagerConfig, MultiplexedConnection};

use crate::now_ms;

/// The namespace of a production judge; tests use their own so they never meet.
pub const DEFAULT_NAMESPACE: &str = "judge";

/// The key names of one namespace, all in one hash slot.
#[derive(Debug, Clone)]
struct Keys {
    queue: String,
    workers: String,
    current: String,
    /// Pub/sub channel carrying the id of a submission that has new events: a hint only.
    events: String,
    ns: String,
}

impl Keys {
    fn new(ns: &str) -> Keys {
        Keys {
            queue: format!("{{{ns}}}:queue"),
            workers: format!("{{{ns}}}:workers"),
            current: format!("{{{ns}}}:current"),
            events: format!("{{{ns}}}:events"),
            ns: ns.to_string(),
        }
    }

    fn processing(&self, worker: &str) -> String {
        format!("{{{}}}:processing:{worker}", self.ns)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum QueueError {
    #[error("redis unavailable: {0}")]
    Unavailable(String),
}

impl From<redis::RedisError> for QueueError {
    fn from(e: redis::RedisError) -> Self {
        QueueError::Unavailable(e.to_string())
    }
}

/// A worker seen through its heartbeat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkerInfo {
    pub id: String,
    pub last_seen_ms: i64,
    /// The submission it is judging, if any.
    pub current: Option<String>,
}

/// The shared, non-blocking side of the queue (API and workers alike).
#[derive(Clone)]
pub struct Queue {
    client: redis::Client,
    conn: ConnectionManager,
    keys: Keys,
}

impl Queue {
    pub async fn connect(url: &str) -> Result<Queue, QueueError> {
        Self::connect_namespace(url, DEFAULT_NAMESPACE).await
    }

    /// Connects with keys in their own namespace (`{ns}:queue`, ...).
    pub async fn connect_namespace(url: &str, ns: &str) -> Result<Queue, QueueError> {
        let client = redis::Client::open(url)?;
        let config = ConnectionManagerConfig::new()
            .set_response_timeout(Some(Duration::from_secs(2)))
            .set_connection_timeout(Some(Duration::from_secs(2)))
            .set_number_of_retries(1);
        let conn = ConnectionManager::new_with_config(client.clone(), config).await?;
        Ok(Queue {
            client,
            conn,
            keys: Keys::new(ns),
        })
    }

    pub async fn ping(&self) -> Result<(), QueueError> {
        let mut c = self.conn.clone();
        let _: String = redis::cmd("PING").query_async(&mut c).await?;
        Ok(())
    }

    pub async fn push(&self, id: &str) -> Result<(), QueueError> {
        let mut c = self.conn.clone();
        let _: i64 = c.lpush(&self.keys.queue, id).await?;
        Ok(())
    }

    pub async fn len(&self) -> Result<u64, QueueError> {
        let mut c = self.conn.clone();
        Ok(c.llen(&self.keys.queue).await?)
    }

    pub async fn is_empty(&self) -> Result<bool, QueueError> {
        Ok(self.len().await? == 0)
    }

    /// Whether `id` waits in the queue.
    pub async fn contains(&self, id: &str) -> Result<bool, QueueError> {
        let mut c = self.conn.clone();
        let pos: Option<i64> = redis::cmd("LPOS")
            .arg(&self.keys.queue)
            .arg(id)
            .query_async(&mut c)
            .await?;
        Ok(pos.is_some())
    }

    /// Tells every API instance that `id` has new events.
    pub async fn publish(&self, id: &str) -> Result<(), QueueError> {
        let mut c = self.conn.clone();
        let _: i64 = c.publish(&self.keys.events, id).await?;
        Ok(())
    }

    /// Submission ids with new events, until the connection drops (then the stream ends and
    /// the caller subscribes again).
    pub async fn subscribe(
        &self,
    ) -> Result<impl futures::Stream<Item = String> + Send + use<>, QueueError> {
        let mut pubsub = self.client.get_async_pubsub().await?;
        pubsub.subscribe(&self.keys.events).await?;
        Ok(pubsub
            .into_on_message()
            .filter_map(|m| async move { m.get_payload::<String>().ok() }))
    }

    /// Workers with a heartbeat, and what they judge.
    pub async fn workers(&self) -> Result<Vec<WorkerInfo>, QueueError> {
        let mut c = self.conn.clone();
        let beats: HashMap<String, i64> = c.hgetall(&self.keys.workers).await?;
        let current: HashMap<String, String> = c.hgetall(&self.keys.current).await?;
        let mut out: Vec<WorkerInfo> = beats
            .into_iter()
            .map(|(id, last_seen_ms)| WorkerInfo {
                current: current.get(&id).cloned(),
                id,
                last_seen_ms,
            })
            .collect();
        out.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(out)
    }

    /// Jobs in the processing lists of workers silent for `dead_after` or longer. The caller
    /// marks each queued in the store, then calls `return_jobs`.
    pub async fn dead_workers(
        &self,
        dead_after: Duration,
    ) -> Result<Vec<(String, Vec<String>)>, QueueError> {
        let mut c = self.conn.clone();
        let beats: HashMap<String, i64> = c.hgetall(&self.keys.workers).await?;
        let cutoff = now_ms() - dead_after.as_millis() as i64;
        let mut dead = Vec::new();
        for (worker, seen) in beats {
            if seen <= cutoff {
                let jobs: Vec<String> = c.lrange(self.keys.processing(&worker), 0, -1).await?;
                dead.push((worker, jobs));
            }
        }
        Ok(dead)
    }

    /// Moves a dead worker's jobs back to the queue and forgets the worker.
    pub async fn return_jobs(&self, worker: &str) -> Result<usize, QueueError> {
        let mut c = self.conn.clone();
        let mut moved = 0;
        loop {
            let job: Option<String> = redis::cmd("LMOVE")
                .arg(self.keys.processing(worker))
                .arg(&self.keys.queue)
                .arg("RIGHT")
                .arg("RIGHT")
                .query_async(&mut c)
                .await?;
            if job.is_none() {
                break;
            }
            moved += 1;
        }
        let _: i64 = c.hdel(&self.keys.workers, worker).await?;
        let _: i64 = c.hdel(&self.keys.current, worker).await?;
        Ok(moved)
    }

    /// The blocking side for one worker.
    pub async fn worker(&self, worker: &str) -> Result<WorkerQueue, QueueError> {
        let config = redis::AsyncConnectionConfig::new()
            .set_response_timeout(None)
            .set_connection_timeout(Some(Duration::from_secs(2)));
        let blocking = self
            .client
            .get_multiplexed_async_connection_with_config(&config)
            .await?;
        Ok(WorkerQueue {
            id: worker.to_string(),
            processing: self.keys.processing(worker),
            blocking,
            shared: self.clone(),
        })
    }
}

/// One worker's view: its processing list, its heartbeat, and a connection for BLMOVE alone.
pub struct WorkerQueue {
    id: String,
    processing: String,
    blocking: MultiplexedConnection,
    shared: Queue,
}

impl WorkerQueue {
    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn shared(&self) -> &Queue {
        &self.shared
    }

    /// Waits up to `block` for a job and moves it into this worker's processing list.
    pub async fn fetch(&mut self, block: Duration) -> Result<Option<String>, QueueError> {
        let job: Option<String> = redis::cmd("BLMOVE")
            .arg(&self.shared.keys.queue)
            .arg(&self.processing)
            .arg("RIGHT")
            .arg("LEFT")
            .arg(block.as_secs_f64())
            .query_async(&mut self.blocking)
            .await?;
        Ok(job)
    }

    /// Jobs this worker took and has not acknowledged (left over from a previous life).
    pub async fn unfinished(&self) -> Result<Vec<String>, QueueError> {
        let mut c = self.shared.conn.clone();
        Ok(c.lrange(&self.processing, 0, -1).await?)
    }

    /// The job is settled (its result is in the database, or it needs no judging).
    pub async fn ack(&self, job: &str) -> Result<(), QueueError> {
        let mut c = self.shared.conn.clone();
        let _: i64 = c.lrem(&self.processing, 1, job).await?;
        let _: i64 = c.hdel(&self.shared.keys.current, &self.id).await?;
        Ok(())
    }

    /// Hands a job back untouched (shutdown before it was judged).
    pub async fn hand_back(&self, job: &str) -> Result<(), QueueError> {
        let mut c = self.shared.conn.clone();
        let _: i64 = c.lrem(&self.processing, 1, job).await?;
        let _: i64 = c.rpush(&self.shared.keys.queue, job).await?;
        let _: i64 = c.hdel(&self.shared.keys.current, &self.id).await?;
        Ok(())
    }

    pub async fn heartbeat(&self, current: Option<&str>) -> Result<(), QueueError> {
        let mut c = self.shared.conn.clone();
        let keys = &self.shared.keys;
        let _: i64 = c.hset(&keys.workers, &self.id, now_ms()).await?;
        match current {
            Some(job) => {
                let _: i64 = c.hset(&keys.current, &self.id, job).await?;
            }
            None => {
                let _: i64 = c.hdel(&keys.current, &self.id).await?;
            }
        }
        Ok(())
    }

    /// Leaves cleanly: returns unacknowledged jobs and removes the heartbeat.
    pub async fn leave(&self) -> Result<(), QueueError> {
        self.shared.return_jobs(&self.id).await.map(|_| ())
    }
}
