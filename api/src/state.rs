//! What every handler shares: the store, the queue, the problems, the configuration.

use std::collections::HashMap;
use std::num::NonZeroU32;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use jobs::{Queue, Store};
use judge::problem_set::ProblemSet;
use sandbox::Toolchains;
use tokio::sync::broadcast;
use tokio_util::sync::CancellationToken;

use crate::view::SubmissionView;

/// Settings of the API, with the defaults a single machine wants.
#[derive(Debug, Clone)]
pub struct ApiConfig {
    pub problems_dir: PathBuf,
    pub cache_dir: PathBuf,
    /// Largest accepted source, in bytes.
    pub max_source_bytes: usize,
    /// Submissions waiting beyond this are refused with 503 until the queue drains.
    pub max_queue: u64,
    /// Submissions per second per client (0: no limit), with this burst.
    pub rate_per_second: u32,
    pub rate_burst: u32,
    /// Bearer token for /api/v1/admin (none: admin endpoints refuse every request).
    pub admin_token: Option<String>,
}

impl Default for ApiConfig {
    fn default() -> Self {
        ApiConfig {
            problems_dir: PathBuf::from("problems"),
            cache_dir: judge::grading::default_cache_dir(),
            max_source_bytes: 64 * 1024,
            max_queue: 10_000,
            rate_per_second: 20,
            rate_burst: 40,
            admin_token: None,
        }
    }
}

struct Inner {
    store: Store,
    queue: Queue,
    problems: RwLock<Arc<ProblemSet>>,
    config: ApiConfig,
    toolchains: Toolchains,
    bus: broadcast::Sender<String>,
    limiter: Option<DefaultKeyedRateLimiter<String>>,
    shutdown: CancellationToken,
    /// Views of finished submissions, which never change again: polling them needs no query.
    finished: Mutex<HashMap<String, Arc<SubmissionView>>>,
}

/// Finished views kept in memory; the map is simply emptied when it grows past this.
const FINISHED_CACHE: usize = 10_000;

#[derive(Clone)]
pub struct AppState(Arc<Inner>);

impl AppState {
    /// State for a server; starts the event relay, which ends with `shutdown`.
    pub fn new(
        store: Store,
        queue: Queue,
        problems: Arc<ProblemSet>,
        config: ApiConfig,
        shutdown: CancellationToken,
    ) -> AppState {
        let limiter = NonZeroU32::new(config.rate_per_second).map(|rate| {
            let burst =
                NonZeroU32::new(config.rate_burst.max(config.rate_per_second)).unwrap_or(rate);
            RateLimiter::keyed(Quota::per_second(rate).allow_burst(burst))
        });
        let bus = crate::bus::start(queue.clone(), shutdown.clone());
        AppState(Arc::new(Inner {
            store,
            queue,
            problems: RwLock::new(problems),
            toolchains: Toolchains::discover(),
            config,
            bus,
            limiter,
            shutdown,
            finished: Mutex::new(HashMap::new()),
        }))
    }

    pub fn store(&self) -> &Store {
        &self.0.store
    }

    pub fn queue(&self) -> &Queue {
        &self.0.queue
    }

    pub fn config(&self) -> &ApiConfig {
        &self.0.config
    }

    pub fn toolchains(&self) -> &Toolchains {
        &self.0.toolchains
    }

    pub fn problems(&self) -> Arc<ProblemSet> {
        self.0
            .problems
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    pub fn replace_problems(&self, problems: ProblemSet) {
        *self.0.problems.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(problems);
    }

    pub fn events(&self) -> broadcast::Receiver<String> {
        self.0.bus.subscribe()
    }

    pub fn shutdown(&self) -> &CancellationToken {
        &self.0.shutdown
    }

    /// A finished submission's view, if this instance has shown it before.
    pub fn finished_view(&self, id: &str) -> Option<Arc<SubmissionView>> {
        self.0
            .finished
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(id)
            .cloned()
    }

    /// Remembers a finished submission's view.
    pub fn remember_finished(&self, view: Arc<SubmissionView>) {
        let mut map = self.0.finished.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() >= FINISHED_CACHE {
            map.clear();
        }
        map.insert(view.id.clone(), view);
    }

    /// None if `client` may submit now, else how long it should wait.
    pub fn rate_check(&self, client: &str) -> Option<Duration> {
        let limiter = self.0.limiter.as_ref()?;
        match limiter.check_key(&client.to_string()) {
            Ok(()) => None,
            Err(not_until) => {
                let clock = governor::clock::DefaultClock::default();
                Some(not_until.wait_time_from(governor::clock::Clock::now(&clock)))
            }
        }
    }
}
