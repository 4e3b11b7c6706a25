//! `judge load`: a load generator for a running judge service. It prints submissions accepted
//! per second with p50/p99 latency for POST, polls per second for GET, and end-to-end verdicts per
//! second with submit-to-verdict latency. It asserts nothing: it measures.

use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use clap::Args;
use serde_json::{Value, json};

use super::{Cli, CliError};

#[derive(Debug, Args)]
pub struct LoadArgs {
    /// The service's base URL.
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    url: String,
    /// Seconds per phase (POST, GET).
    #[arg(long, default_value_t = 5)]
    seconds: u64,
    /// Concurrent connections.
    #[arg(long, default_value_t = 32)]
    concurrency: usize,
    /// Submissions judged end to end in the last phase (sent one at a time for latency, then
    /// all at once for throughput).
    #[arg(long, default_value_t = 40)]
    judged: usize,
}

const SOURCE: &str = "a, b = map(int, input().split())\nprint(a + b)\n";

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

fn err(e: impl std::fmt::Display) -> CliError {
    CliError::Service(e.to_string())
}

async fn submit(
    http: &reqwest::Client,
    url: &str,
) -> Result<(u16, Option<String>), reqwest::Error> {
    let body = json!({ "problem": "aplusb", "language": "python", "source": SOURCE });
    let r = http
        .post(format!("{url}/api/v1/submissions"))
        .json(&body)
        .send()
        .await?;
    let status = r.status().as_u16();
    let v: Value = r.json().await.unwrap_or(Value::Null);
    Ok((status, v["id"].as_str().map(str::to_string)))
}

/// Runs `f` on `concurrency` tasks for `seconds`; returns the latencies of successes and the
/// number of failures.
async fn hammer<F, Fut>(concurrency: usize, seconds: u64, f: F) -> (Vec<Duration>, usize, Duration)
where
    F: Fn(usize) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = bool> + Send,
{
    let stop = Arc::new(AtomicBool::new(false));
    let f = Arc::new(f);
    let started = Instant::now();
    let tasks: Vec<_> = (0..concurrency)
        .map(|i| {
            let (stop, f) = (stop.clone(), f.clone());
            tokio::spawn(async move {
                let (mut lat, mut failed, mut n) = (Vec::new(), 0usize, i);
                while !stop.load(Ordering::Relaxed) {
                    let t = Instant::now();
                    if f(n).await {
                        lat.push(t.elapsed());
                    } else {
                        failed += 1;
                    }
                    n += concurrency;
                }
                (lat, failed)
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    stop.store(true, Ordering::Relaxed);
    let (mut all, mut failed) = (Vec::new(), 0);
    for t in tasks {
        if let Ok((lat, f)) = t.await {
            all.extend(lat);
            failed += f;
        }
    }
    let elapsed = started.elapsed();
    all.sort();
    (all, failed, elapsed)
}

async fn wait_done(http: &reqwest::Client, url: &str, id: &str) -> Result<String, CliError> {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let v: Value = http
            .get(format!("{url}/api/v1/submissions/{id}"))
            .send()
            .await
            .map_err(err)?
            .json()
            .await
            .map_err(err)?;
        if v["status"] == "done" {
            return Ok(v["verdict"].as_str().unwrap_or("?").to_string());
        }
        if Instant::now() > deadline {
            return Err(CliError::Service(format!(
                "{id} was not judged within 120 s"
            )));
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

pub fn run(_cli: &Cli, args: &LoadArgs) -> Result<ExitCode, CliError> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(err)?;
    rt.block_on(async {
        let http = reqwest::Client::builder().pool_max_idle_per_host(args.concurrency).build().map_err(err)?;
        let url = args.url.trim_end_matches('/').to_string();
        println!("judge load against {url}: {} connections, {} s per phase\n", args.concurrency, args.seconds);

        // End to end first, on an idle service: one at a time for latency.
        let mut e2e = Vec::new();
        for _ in 0..args.judged.min(20) {
            let t = Instant::now();
            let (status, id) = submit(&http, &url).await.map_err(err)?;
            let id = id.ok_or_else(|| CliError::Service(format!("POST answered {status}")))?;
            wait_done(&http, &url, &id).await?;
            e2e.push(t.elapsed());
        }
        e2e.sort();
        println!(
            "submit-to-verdict, Python A+B, idle: p50 {}  p99 {}  (n={})",
            ms(percentile(&e2e, 0.5)),
            ms(percentile(&e2e, 0.99)),
            e2e.len()
        );
        // Then a burst, for verdicts per second with the service's workers.
        let t = Instant::now();
        let mut ids = Vec::new();
        for _ in 0..args.judged {
            if let (202, Some(id)) = submit(&http, &url).await.map_err(err)? {
                ids.push(id);
            }
        }
        for id in &ids {
            wait_done(&http, &url, id).await?;
        }
        let secs = t.elapsed().as_secs_f64();
        println!("verdicts per second, burst of {}: {:.1}", ids.len(), ids.len() as f64 / secs);

        let (h, u) = (http.clone(), url.clone());
        let (post, post_failed, elapsed) = hammer(args.concurrency, args.seconds, move |_| {
            let (h, u) = (h.clone(), u.clone());
            async move { matches!(submit(&h, &u).await, Ok((202, _))) }
        })
        .await;
        println!(
            "POST /api/v1/submissions: {:.0}/s  p50 {}  p99 {}  ({} accepted, {} refused or failed)",
            post.len() as f64 / elapsed.as_secs_f64(),
            ms(percentile(&post, 0.5)),
            ms(percentile(&post, 0.99)),
            post.len(),
            post_failed
        );

        let ids = Arc::new(ids);
        let (h, u) = (http.clone(), url.clone());
        let (get, get_failed, elapsed) = hammer(args.concurrency, args.seconds, move |n| {
            let (h, u, ids) = (h.clone(), u.clone(), ids.clone());
            async move {
                let id = &ids[n % ids.len().max(1)];
                matches!(h.get(format!("{u}/api/v1/submissions/{id}")).send().await, Ok(r) if r.status().is_success())
            }
        })
        .await;
        println!(
            "GET /api/v1/submissions/{{id}}: {:.0}/s  p50 {}  p99 {}  ({} failed)",
            get.len() as f64 / elapsed.as_secs_f64(),
            ms(percentile(&get, 0.5)),
            ms(percentile(&get, 0.99)),
            get_failed
        );
        Ok(ExitCode::SUCCESS)
    })
}
