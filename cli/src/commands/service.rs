//! `judge serve` and `judge worker`: the long-running processes. Configuration comes from flags
//! with environment fallbacks, and is printed at start-up without secrets.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use api::{ApiConfig, AppState};
use clap::{Args, ValueEnum};
use jobs::{Queue, Store};
use judge::Judge;
use judge::callback::CallbackConfig;
use judge::problem_set::ProblemSet;
use judge::worker::{Worker, WorkerConfig};
use tokio_util::sync::CancellationToken;
use tracing::{info, warn};

use super::{Cli, CliError};

/// How long a worker may finish the job in hand after a shutdown signal.
const GRACE: Duration = Duration::from_secs(30);

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

/// What both processes need.
#[derive(Debug, Args)]
pub struct ServiceArgs {
    /// sqlite://PATH (created if missing) or postgres://USER@HOST/DB.
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://judge.db")]
    database_url: String,
    #[arg(long, env = "REDIS_URL", default_value = "redis://127.0.0.1:6379")]
    redis_url: String,
    /// Prefix of every Redis key (`{NAME}:queue`, ...): several judges can share one Redis.
    #[arg(long, env = "JUDGE_REDIS_NAMESPACE", default_value = jobs::queue::DEFAULT_NAMESPACE)]
    redis_namespace: String,
    /// The problem set: a folder of Kattis problem packages.
    #[arg(long, env = "JUDGE_PROBLEMS", default_value = "problems")]
    problems: PathBuf,
    #[arg(long, env = "JUDGE_LOG_FORMAT", value_enum, default_value = "text")]
    log_format: LogFormat,
    /// Secret for the HMAC signature of result callbacks (unsigned without one).
    #[arg(long, env = "JUDGE_CALLBACK_SECRET")]
    callback_secret: Option<String>,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[arg(long, env = "JUDGE_LISTEN", default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// Judge workers run in this process (0 for an API-only node).
    #[arg(long, env = "JUDGE_WORKERS", default_value_t = 2)]
    workers: usize,
    /// Bearer token for /api/v1/admin (admin endpoints are off without one).
    #[arg(long, env = "JUDGE_ADMIN_TOKEN")]
    admin_token: Option<String>,
    /// Submissions per second per client (0: unlimited).
    #[arg(long, env = "JUDGE_RATE_LIMIT", default_value_t = 20)]
    rate_limit: u32,
    /// Submissions waiting beyond which new ones get 503.
    #[arg(long, env = "JUDGE_MAX_QUEUE", default_value_t = 10_000)]
    max_queue: u64,
    #[command(flatten)]
    service: ServiceArgs,
}

#[derive(Debug, Args)]
pub struct WorkerArgs {
    /// Submissions judged at once by this process.
    #[arg(long, env = "JUDGE_CONCURRENCY", default_value_t = 1)]
    concurrency: usize,
    #[command(flatten)]
    service: ServiceArgs,
}

/// `user:password@` in a URL becomes `user:***@`.
fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    match rest.split_once('@') {
        Some((auth, host)) => match auth.split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
            None => url.to_string(),
        },
        None => url.to_string(),
    }
}

fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    // Fails only if a subscriber is already set (tests): keep that one.
    let _ = match format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .try_init(),
    };
}

fn runtime() -> Result<tokio::runtime::Runtime, CliError> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::Service(format!("starting the runtime: {e}")))
}

/// Cancels the token on Ctrl-C or SIGTERM.
fn on_signal(token: CancellationToken) {
    tokio::spawn(async move {
        let ctrl_c = tokio::signal::ctrl_c();
        #[cfg(unix)]
        {
            let mut term =
                match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                    Ok(t) => t,
                    Err(_) => {
                        let _ = ctrl_c.await;
                        token.cancel();
                        return;
                    }
                };
            tokio::select! {
                _ = ctrl_c => {}
                _ = term.recv() => {}
            }
        }
        #[cfg(not(unix))]
        let _ = ctrl_c.await;
        info!("shutting down");
        token.cancel();
    });
}

struct Common {
    callback_secret: Option<String>,
    store: Store,
    queue: Queue,
    problems: Arc<ProblemSet>,
    judge: Option<Arc<Judge>>,
}

async fn connect(cli: &Cli, args: &ServiceArgs, with_judge: bool) -> Result<Common, CliError> {
    info!(
        database = %redact(&args.database_url),
        redis = %redact(&args.redis_url),
        namespace = %args.redis_namespace,
        problems = %args.problems.display(),
        cache = %cli.cache_dir().display(),
        "configuration"
    );
    let store = Store::connect(&args.database_url)
        .await
        .map_err(|e| CliError::Service(e.to_string()))?;
    let queue = Queue::connect_namespace(&args.redis_url, &args.redis_namespace)
        .await
        .map_err(|e| {
            CliError::Service(format!(
                "{e} (is Redis running at {}?)",
                redact(&args.redis_url)
            ))
        })?;
    let problems = ProblemSet::load(&args.problems, &cli.cache_dir());
    for (path, error) in &problems.errors {
        warn!(path = %path.display(), %error, "problem package not loaded");
    }
    info!(
        problems = problems.len(),
        backend = store.backend(),
        "ready"
    );
    let judge = if with_judge {
        Some(Arc::new(cli.judge()?))
    } else {
        None
    };
    Ok(Common {
        callback_secret: args.callback_secret.clone(),
        store,
        queue,
        problems: Arc::new(problems),
        judge,
    })
}

fn worker_id(index: usize) -> String {
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|h| h.trim().to_string())
        .unwrap_or_else(|_| "host".into());
    let nonce = uuid::Uuid::new_v4().simple().to_string();
    format!("{host}-{}-{index}-{}", std::process::id(), &nonce[..6])
}

/// Starts `n` workers; returns their tasks.
async fn start_workers(
    common: &Common,
    n: usize,
    shutdown: &CancellationToken,
) -> Result<Vec<tokio::task::JoinHandle<()>>, CliError> {
    let mut tasks = Vec::new();
    let Some(judge) = &common.judge else {
        return Ok(tasks);
    };
    for i in 0..n {
        let id = worker_id(i);
        let worker = Worker::new(
            &id,
            judge.clone(),
            common.problems.clone(),
            common.store.clone(),
            &common.queue,
            WorkerConfig {
                callback: CallbackConfig {
                    secret: common.callback_secret.clone(),
                    ..CallbackConfig::default()
                },
                ..WorkerConfig::default()
            },
        )
        .await
        .map_err(|e| CliError::Service(e.to_string()))?;
        info!(worker = %id, "worker started");
        tasks.push(tokio::spawn(worker.run(shutdown.clone())));
    }
    Ok(tasks)
}

async fn wait_for(tasks: Vec<tokio::task::JoinHandle<()>>) {
    if tokio::time::timeout(GRACE, futures::future::join_all(tasks))
        .await
        .is_err()
    {
        warn!("workers did not finish within the grace period; their jobs return to the queue");
    }
}

pub fn serve(cli: &Cli, args: &ServeArgs) -> Result<std::process::ExitCode, CliError> {
    init_logging(args.service.log_format);
    runtime()?.block_on(async {
        let common = connect(cli, &args.service, args.workers > 0).await?;
        let shutdown = CancellationToken::new();
        on_signal(shutdown.clone());
        let listener = tokio::net::TcpListener::bind(args.listen)
            .await
            .map_err(|e| CliError::Service(format!("listening on {}: {e}", args.listen)))?;
        info!(
            listen = %args.listen,
            workers = args.workers,
            admin = if args.admin_token.is_some() { "enabled" } else { "disabled" },
            rate_limit = args.rate_limit,
            "serving on http://{}", args.listen
        );
        let config = ApiConfig {
            problems_dir: args.service.problems.clone(),
            cache_dir: cli.cache_dir(),
            max_queue: args.max_queue,
            rate_per_second: args.rate_limit,
            rate_burst: args.rate_limit.saturating_mul(2),
            admin_token: args.admin_token.clone(),
            ..ApiConfig::default()
        };
        let state = AppState::new(
            common.store.clone(),
            common.queue.clone(),
            common.problems.clone(),
            config,
            shutdown.clone(),
        );
        let workers = start_workers(&common, args.workers, &shutdown).await?;
        api::serve(listener, state, shutdown.clone())
            .await
            .map_err(|e| CliError::Service(e.to_string()))?;
        shutdown.cancel();
        wait_for(workers).await;
        Ok(std::process::ExitCode::SUCCESS)
    })
}

pub fn worker(cli: &Cli, args: &WorkerArgs) -> Result<std::process::ExitCode, CliError> {
    init_logging(args.service.log_format);
    runtime()?.block_on(async {
        let common = connect(cli, &args.service, true).await?;
        let shutdown = CancellationToken::new();
        on_signal(shutdown.clone());
        let workers = start_workers(&common, args.concurrency.max(1), &shutdown).await?;
        shutdown.cancelled().await;
        wait_for(workers).await;
        Ok(std::process::ExitCode::SUCCESS)
    })
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn passwords_are_not_printed() {
        assert_eq!(
            redact("postgres://judge:s3cret@db:5432/judge"),
            "postgres://judge:***@db:5432/judge"
        );
        assert_eq!(redact("redis://127.0.0.1:6379"), "redis://127.0.0.1:6379");
        assert_eq!(redact("sqlite://judge.db"), "sqlite://judge.db");
    }
}
