//! The queue worker: takes a job from Redis, claims it in the database, judges it with the
//! engine, stores each test's result as an event and the final result, then acknowledges the job.
//! `step` does one job, so tests drive a worker step by step; `run` loops until shutdown.

use std::sync::Arc;
use std::time::{Duration, Instant};

use jobs::{Claim, MaintenanceConfig, Queue, Status, Store, SubmissionRow, WorkerQueue};
use sandbox::Language;
use serde_json::json;
use tokio_util::sync::CancellationToken;
use tracing::{Instrument, info, warn};

use crate::callback::{self, CallbackConfig};
use crate::grading::{Event, Judge, JudgeOptions, Report};
use crate::problem_set::ProblemSet;
use crate::verdict::Verdict;

#[derive(Debug, thiserror::Error)]
pub enum WorkerError {
    #[error(transparent)]
    Store(#[from] jobs::StoreError),
    #[error(transparent)]
    Queue(#[from] jobs::QueueError),
}

#[derive(Debug, Clone)]
pub struct WorkerConfig {
    /// How long one BLMOVE waits: short, so a shutdown is noticed between calls.
    pub block: Duration,
    /// Claims of one submission before it is given up as a judge error.
    pub max_attempts: i64,
    pub maintenance: MaintenanceConfig,
    /// How often `run` reaps dead workers and sweeps lost jobs.
    pub maintain_every: Duration,
    pub callback: CallbackConfig,
}

impl Default for WorkerConfig {
    fn default() -> Self {
        WorkerConfig {
            block: Duration::from_secs(1),
            max_attempts: 3,
            maintenance: MaintenanceConfig::default(),
            maintain_every: Duration::from_secs(5),
            callback: CallbackConfig::default(),
        }
    }
}

/// What one step did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// No job arrived within the block time.
    Idle,
    /// Judged, with this verdict (None if another delivery of the job had already recorded one).
    Judged {
        id: String,
        verdict: Option<Verdict>,
    },
    /// Taken off the queue without judging, and why.
    Dropped { id: String, why: &'static str },
}

pub struct Worker {
    http: reqwest::Client,
    judge: Arc<Judge>,
    problems: Arc<ProblemSet>,
    store: Store,
    queue: WorkerQueue,
    config: WorkerConfig,
}

impl Worker {
    pub async fn new(
        id: &str,
        judge: Arc<Judge>,
        problems: Arc<ProblemSet>,
        store: Store,
        queue: &Queue,
        config: WorkerConfig,
    ) -> Result<Worker, WorkerError> {
        let queue = queue.worker(id).await?;
        queue.heartbeat(None).await?;
        Ok(Worker {
            http: reqwest::Client::new(),
            judge,
            problems,
            store,
            queue,
            config,
        })
    }

    pub fn id(&self) -> &str {
        self.queue.id()
    }

    /// Takes one job (waiting up to the block time) and settles it.
    pub async fn step(&mut self) -> Result<Step, WorkerError> {
        self.queue.heartbeat(None).await?;
        // A job left in this worker's list by an earlier life comes first.
        let job = match self.queue.unfinished().await?.into_iter().next_back() {
            Some(job) => Some(job),
            None => self.queue.fetch(self.config.block).await?,
        };
        let Some(id) = job else {
            return Ok(Step::Idle);
        };
        self.queue.heartbeat(Some(&id)).await?;
        let step = self.settle(&id).await?;
        self.queue.ack(&id).await?;
        Ok(step)
    }

    async fn settle(&self, id: &str) -> Result<Step, WorkerError> {
        let lease = self.config.maintenance.lease;
        let row = match self
            .store
            .claim(id, lease, self.config.max_attempts)
            .await?
        {
            Claim::Judge(row) => *row,
            Claim::Exhausted(row) => {
                let why = format!("judging failed {} times", self.config.max_attempts);
                let report = Report::judge_error(&row.problem, language_or_c(&row), why);
                let verdict = self.record(&row, &report).await?;
                return Ok(Step::Judged {
                    id: id.into(),
                    verdict,
                });
            }
            Claim::Done => {
                return Ok(Step::Dropped {
                    id: id.into(),
                    why: "already judged",
                });
            }
            Claim::Busy => {
                return Ok(Step::Dropped {
                    id: id.into(),
                    why: "judged elsewhere",
                });
            }
            Claim::Missing => {
                return Ok(Step::Dropped {
                    id: id.into(),
                    why: "no such submission",
                });
            }
        };
        let span = tracing::info_span!("judge", submission = %row.id, trace_id = %row.trace_id);
        async {
            info!(problem = %row.problem, language = %row.language, attempt = row.attempt, "judging");
            let started = Instant::now();
            let report = self.judge_row(&row).await?;
            let verdict = self.record(&row, &report).await?;
            // Verdicts and judging time, for /metrics of a process running workers.
            metrics::histogram!("judge_duration_seconds").record(started.elapsed().as_secs_f64());
            if let Some(v) = verdict {
                metrics::counter!("judge_verdicts_total", "verdict" => v.code()).increment(1);
            }
            info!(verdict = ?verdict, "judged");
            Ok(Step::Judged { id: row.id.clone(), verdict })
        }
        .instrument(span)
        .await
    }

    async fn emit(&self, id: &str, kind: &str, data: serde_json::Value) -> Result<(), WorkerError> {
        self.store.append_event(id, kind, &data.to_string()).await?;
        self.hint(id).await;
        Ok(())
    }

    /// Tells API instances that `id` has new events. Pub/sub is a hint: a lost one only delays a
    /// live page until its next poll.
    async fn hint(&self, id: &str) {
        if let Err(e) = self.queue.shared().publish(id).await {
            warn!(error = %e, "publishing an event hint failed");
        }
    }

    async fn judge_row(&self, row: &SubmissionRow) -> Result<Report, WorkerError> {
        let Some(problem) = self.problems.get(&row.problem) else {
            let why = format!("problem `{}` is not on this worker", row.problem);
            return Ok(Report::judge_error(&row.problem, language_or_c(row), why));
        };
        let Some(language) = Language::from_id(&row.language) else {
            let why = format!("language `{}` is not supported", row.language);
            return Ok(Report::judge_error(&row.problem, Language::C, why));
        };
        self.emit(&row.id, "status", json!({ "status": "compiling" }))
            .await?;

        let judge = self.judge.clone();
        let (id, attempt) = (row.id.clone(), row.attempt);
        let source = row.source.clone().into_bytes();
        let custom = row.custom_input.clone();
        let samples_only = row.is_run();
        let store = self.store.clone();
        let queue = self.queue.shared().clone();
        let handle = tokio::runtime::Handle::current();
        let span = tracing::Span::current();
        let judged = tokio::task::spawn_blocking(move || {
            let _entered = span.enter();
            // Progress goes to the store from this blocking thread; a failed write only loses a
            // live update, never the result.
            let mut observe = |event: Event<'_>| {
                let (kind, data, status) = match event {
                    Event::Compiling => return,
                    Event::Running { total } => (
                        "status",
                        json!({ "status": "running", "tests": total }),
                        Some(Status::Running),
                    ),
                    Event::TestFinished {
                        index,
                        total,
                        result,
                    } => (
                        "test",
                        json!({ "index": index, "total": total, "result": result }),
                        None,
                    ),
                };
                handle.block_on(async {
                    let lease_kept = store
                        .touch(&id, attempt, status.unwrap_or(Status::Running))
                        .await;
                    if let Err(e) = lease_kept {
                        warn!(error = %e, "renewing the judging lease failed");
                    }
                    if let Err(e) = store.append_event(&id, kind, &data.to_string()).await {
                        warn!(error = %e, "storing a progress event failed");
                    }
                    let _ = queue.publish(&id).await;
                });
            };
            match custom {
                Some(input) => {
                    judge.judge_custom(&problem, language, &source, input.as_bytes(), &mut observe)
                }
                None => {
                    let options = JudgeOptions {
                        samples_only,
                        ..JudgeOptions::default()
                    };
                    judge.judge(&problem, language, &source, options, &mut observe)
                }
            }
        })
        .await;
        Ok(judged.unwrap_or_else(|e| {
            Report::judge_error(
                &row.problem,
                language,
                format!("the judging task failed: {e}"),
            )
        }))
    }

    /// Writes the result (the first one wins) and its event. Returns the verdict written.
    async fn record(
        &self,
        row: &SubmissionRow,
        report: &Report,
    ) -> Result<Option<Verdict>, WorkerError> {
        let result = serde_json::to_string(report).unwrap_or_else(|_| "{}".into());
        let time_ms = report.time.as_secs_f64() * 1e3;
        let summary = json!({
            "verdict": report.verdict,
            "time_ms": time_ms,
            "memory_bytes": report.memory_bytes,
        });
        let written = self
            .store
            .finish(
                &row.id,
                row.attempt,
                report.verdict.code(),
                &result,
                time_ms,
                report.memory_bytes as i64,
                &summary.to_string(),
            )
            .await?;
        if !written {
            return Ok(None);
        }
        self.hint(&row.id).await;
        if let Some(url) = row.callback_url.clone() {
            let body = json!({
                "id": row.id,
                "problem": row.problem,
                "language": row.language,
                "status": "done",
                "verdict": report.verdict,
                "time_ms": time_ms,
                "memory_bytes": report.memory_bytes,
                "trace_id": row.trace_id,
            })
            .to_string();
            let (http, config) = (self.http.clone(), self.config.callback.clone());
            let delivery = async move { callback::deliver(&http, &config, &url, body).await };
            tokio::spawn(delivery.instrument(tracing::Span::current()));
        }
        Ok(Some(report.verdict))
    }

    /// Steps until `shutdown`, reaping dead workers and sweeping lost jobs now and then. A job in
    /// hand when shutdown comes is finished (the caller bounds how long it waits).
    pub async fn run(mut self, shutdown: CancellationToken) {
        let mut last_maintenance: Option<Instant> = None;
        while !shutdown.is_cancelled() {
            if last_maintenance.is_none_or(|t| t.elapsed() >= self.config.maintain_every) {
                last_maintenance = Some(Instant::now());
                match jobs::maintain(&self.store, self.queue.shared(), &self.config.maintenance)
                    .await
                {
                    Ok(m) if m.returned > 0 || !m.swept.is_empty() => {
                        info!(dead = ?m.dead_workers, returned = m.returned, swept = m.swept.len(), "maintenance")
                    }
                    Ok(_) => {}
                    Err(e) => warn!(error = %e, "maintenance failed"),
                }
            }
            let step = self.step().await;
            if let Ok(Step::Dropped { id, why }) = &step {
                info!(worker = self.id(), submission = %id, why, "job dropped");
            }
            if let Err(e) = step {
                warn!(worker = self.id(), error = %e, "worker step failed; retrying");
                tokio::select! {
                    _ = shutdown.cancelled() => break,
                    _ = tokio::time::sleep(Duration::from_secs(1)) => {}
                }
            }
        }
        if let Err(e) = self.queue.leave().await {
            warn!(error = %e, "leaving the queue failed");
        }
    }
}

fn language_or_c(row: &SubmissionRow) -> Language {
    Language::from_id(&row.language).unwrap_or(Language::C)
}
