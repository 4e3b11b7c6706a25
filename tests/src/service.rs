//! A judging service for tests: the API on port 0 with a SQLite (or PostgreSQL) store and its own
//! Redis namespace, and workers driven step by step.

use std::sync::Arc;
use std::time::Duration;

use api::{ApiConfig, AppState};
use jobs::{Queue, Store};
use judge::problem_set::ProblemSet;
use judge::worker::{Step, Worker, WorkerConfig};
use serde_json::Value;
use tokio_util::sync::CancellationToken;

use crate::{repo_root, shared_judge};

pub fn redis_url() -> String {
    std::env::var("TEST_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379".to_string())
}

pub fn postgres_url() -> String {
    std::env::var("TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_string())
}

pub fn problems() -> Arc<ProblemSet> {
    Arc::new(ProblemSet::load(
        &repo_root().join("problems"),
        &judge::grading::default_cache_dir(),
    ))
}

pub struct TestService {
    pub base: String,
    pub store: Store,
    pub queue: Queue,
    pub namespace: String,
    pub db_url: String,
    pub problems: Arc<ProblemSet>,
    pub config: ApiConfig,
    pub shutdown: CancellationToken,
    pub http: reqwest::Client,
    _dir: tempfile::TempDir,
}

impl TestService {
    /// A service on SQLite.
    pub async fn start(config: ApiConfig) -> TestService {
        let dir = tempfile::tempdir().expect("temp dir");
        let db_url = format!("sqlite://{}", dir.path().join("judge.db").display());
        let store = Store::connect(&db_url).await.expect("sqlite store");
        Self::start_with(store, db_url, config, dir).await
    }

    /// A service on the given store.
    pub async fn start_with(
        store: Store,
        db_url: String,
        config: ApiConfig,
        dir: tempfile::TempDir,
    ) -> TestService {
        let namespace = format!("judge-test-{}", uuid::Uuid::new_v4().simple());
        let queue = Queue::connect_namespace(&redis_url(), &namespace)
            .await
            .expect("redis");
        let problems = problems();
        let config = ApiConfig {
            problems_dir: repo_root().join("problems"),
            ..config
        };
        let shutdown = CancellationToken::new();
        let mut service = TestService {
            base: String::new(),
            store,
            queue,
            namespace,
            db_url,
            problems,
            config,
            shutdown,
            http: reqwest::Client::new(),
            _dir: dir,
        };
        service.base = service.another_api().await;
        service
    }

    /// Starts one more API instance on the same store and queue; returns its base URL.
    pub async fn another_api(&self) -> String {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        let state = AppState::new(
            self.store.clone(),
            self.queue.clone(),
            self.problems.clone(),
            self.config.clone(),
            self.shutdown.clone(),
        );
        let token = self.shutdown.clone();
        tokio::spawn(async move { api::serve(listener, state, token).await });
        format!("http://{addr}")
    }

    pub async fn worker(&self, id: &str) -> Worker {
        self.worker_with(id, WorkerConfig::default()).await
    }

    pub async fn worker_with(&self, id: &str, config: WorkerConfig) -> Worker {
        Worker::new(
            id,
            shared_judge(),
            self.problems.clone(),
            self.store.clone(),
            &self.queue,
            config,
        )
        .await
        .expect("worker")
    }

    /// POSTs a submission; returns the response status and body.
    pub async fn post(&self, path: &str, body: Value) -> (u16, Value, reqwest::header::HeaderMap) {
        let r = self
            .http
            .post(format!("{}{path}", self.base))
            .json(&body)
            .send()
            .await
            .expect("request");
        let status = r.status().as_u16();
        let headers = r.headers().clone();
        (status, r.json().await.unwrap_or(Value::Null), headers)
    }

    /// Submits and returns the new submission's id (asserting 202).
    pub async fn submit(&self, problem: &str, language: &str, source: &str) -> String {
        let body =
            serde_json::json!({ "problem": problem, "language": language, "source": source });
        let (status, body, _) = self.post("/api/v1/submissions", body).await;
        assert_eq!(status, 202, "{body}");
        body["id"].as_str().expect("id").to_string()
    }

    pub async fn get(&self, id: &str) -> Value {
        self.http
            .get(format!("{}/api/v1/submissions/{id}", self.base))
            .send()
            .await
            .expect("request")
            .json()
            .await
            .expect("json")
    }

    /// Steps `worker` until a job is judged (at most `steps` steps, each waiting ≤ 1 s for work).
    pub async fn judge_next(&self, worker: &mut Worker, steps: usize) -> Step {
        for _ in 0..steps {
            match worker.step().await.expect("worker step") {
                Step::Idle => continue,
                step => return step,
            }
        }
        panic!("no job judged in {steps} steps");
    }
}

impl Drop for TestService {
    fn drop(&mut self) {
        self.shutdown.cancel();
    }
}

/// Reads a server-sent event stream until `done` (or `max` events): (id, event, data) triples.
pub async fn read_events(
    http: &reqwest::Client,
    url: &str,
    last_event_id: Option<&str>,
    max: usize,
) -> Vec<(String, String, String)> {
    use futures::StreamExt;
    let mut req = http.get(url);
    if let Some(last) = last_event_id {
        req = req.header("Last-Event-ID", last);
    }
    let resp = req.send().await.expect("events request");
    assert_eq!(resp.status().as_u16(), 200);
    let mut stream = resp.bytes_stream();
    let mut buf = String::new();
    let mut out = Vec::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    while out.len() < max {
        let chunk = tokio::time::timeout_at(deadline, stream.next())
            .await
            .expect("events in time");
        let Some(Ok(bytes)) = chunk else { break };
        buf.push_str(&String::from_utf8_lossy(&bytes));
        while let Some(end) = buf.find("\n\n") {
            let block: String = buf.drain(..end + 2).collect();
            let (mut id, mut event, mut data) = (String::new(), String::new(), String::new());
            for line in block.lines() {
                if let Some(v) = line.strip_prefix("id:") {
                    id = v.trim().to_string();
                } else if let Some(v) = line.strip_prefix("event:") {
                    event = v.trim().to_string();
                } else if let Some(v) = line.strip_prefix("data:") {
                    data = v.trim().to_string();
                }
            }
            if event.is_empty() {
                continue; // keep-alive comment
            }
            let done = event == "done";
            out.push((id, event, data));
            if done {
                return out;
            }
        }
    }
    out
}
