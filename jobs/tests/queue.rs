//! The reliable queue on a real Redis (127.0.0.1:6379 or `$TEST_REDIS_URL`), each test in its own
//! key namespace.

use std::time::{Duration, Instant};

use jobs::Queue;

fn redis_url() -> String {
    std::env::var("TEST_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379".to_string())
}

async fn queue() -> Queue {
    let ns = format!("judge-test-{}", uuid::Uuid::new_v4().simple());
    Queue::connect_namespace(&redis_url(), &ns)
        .await
        .expect("Redis on 127.0.0.1:6379 is reachable")
}

#[tokio::test]
async fn a_job_moves_to_the_processing_list_until_acknowledged() {
    let q = queue().await;
    q.push("a").await.unwrap();
    q.push("b").await.unwrap();
    assert_eq!(q.len().await.unwrap(), 2);
    let mut w = q.worker("w1").await.unwrap();
    let job = w.fetch(Duration::from_secs(1)).await.unwrap();
    assert_eq!(job.as_deref(), Some("a"), "first in, first out");
    assert_eq!(w.unfinished().await.unwrap(), ["a"]);
    w.ack("a").await.unwrap();
    assert!(w.unfinished().await.unwrap().is_empty());
    assert!(q.contains("b").await.unwrap());
}

#[tokio::test]
async fn blocking_longer_than_the_default_response_timeout_works() {
    // redis-rs' default 500 ms response timeout would fail this 1.5 s BLMOVE on the client.
    let q = queue().await;
    let mut w = q.worker("w1").await.unwrap();
    let started = Instant::now();
    let job = w.fetch(Duration::from_millis(1500)).await.unwrap();
    assert_eq!(job, None);
    assert!(started.elapsed() >= Duration::from_millis(1400));
    // The connection is still usable, and nothing was stranded.
    q.push("late").await.unwrap();
    assert_eq!(
        w.fetch(Duration::from_secs(1)).await.unwrap().as_deref(),
        Some("late")
    );
}

#[tokio::test]
async fn a_dead_workers_jobs_return_to_the_queue() {
    let q = queue().await;
    q.push("x").await.unwrap();
    let mut dead = q.worker("dead").await.unwrap();
    dead.heartbeat(None).await.unwrap();
    assert_eq!(
        dead.fetch(Duration::from_secs(1)).await.unwrap().as_deref(),
        Some("x")
    );
    dead.heartbeat(Some("x")).await.unwrap();
    let workers = q.workers().await.unwrap();
    assert_eq!(workers[0].current.as_deref(), Some("x"));

    // Alive within a minute: nothing to reap.
    assert!(
        q.dead_workers(Duration::from_secs(60))
            .await
            .unwrap()
            .is_empty()
    );
    // Silent for longer than zero: reaped.
    let reaped = q.dead_workers(Duration::ZERO).await.unwrap();
    assert_eq!(reaped, [("dead".to_string(), vec!["x".to_string()])]);
    assert_eq!(q.return_jobs("dead").await.unwrap(), 1);
    assert!(q.contains("x").await.unwrap());
    assert!(q.workers().await.unwrap().is_empty());
}

#[tokio::test]
async fn hand_back_returns_the_job_untouched() {
    let q = queue().await;
    q.push("j").await.unwrap();
    let mut w = q.worker("w").await.unwrap();
    let job = w.fetch(Duration::from_secs(1)).await.unwrap().unwrap();
    w.hand_back(&job).await.unwrap();
    assert!(w.unfinished().await.unwrap().is_empty());
    assert_eq!(q.len().await.unwrap(), 1);
}

#[tokio::test]
async fn published_ids_reach_subscribers() {
    use futures::StreamExt;
    let q = queue().await;
    let mut events = Box::pin(q.subscribe().await.unwrap());
    q.publish("sub-1").await.unwrap();
    let got = tokio::time::timeout(Duration::from_secs(5), events.next())
        .await
        .unwrap();
    assert_eq!(got.as_deref(), Some("sub-1"));
}
