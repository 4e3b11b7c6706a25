//! The judging service end to end: real Redis and databases, servers on port 0, workers driven
//! step by step (or killed), no sleeps to wait for state.

use std::time::Duration;

use api::ApiConfig;
use jobs::{MaintenanceConfig, Status, Store, maintain};
use judge::worker::Step;
use judge_tests::proxy::Proxy;
use judge_tests::repo_root;
use judge_tests::service::{TestService, postgres_url, read_events};
use serde_json::json;

fn accepted_aplusb() -> Vec<(String, String)> {
    let dir = repo_root().join("problems/aplusb/submissions/accepted");
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("accepted solutions")
        .map(|e| e.expect("entry").path())
        .map(|p| {
            let lang = sandbox::Language::from_path(&p)
                .expect("language")
                .id()
                .to_string();
            (lang, std::fs::read_to_string(&p).expect("source"))
        })
        .collect();
    out.sort();
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_language_is_judged_end_to_end() {
    let svc = TestService::start(ApiConfig::default()).await;
    let mut ids = Vec::new();
    for (lang, src) in accepted_aplusb() {
        ids.push((lang.clone(), svc.submit("aplusb", &lang, &src).await));
    }
    assert_eq!(ids.len(), 5);
    let mut worker = svc.worker("w").await;
    for _ in &ids {
        assert!(matches!(
            svc.judge_next(&mut worker, 30).await,
            Step::Judged { .. }
        ));
    }
    for (lang, id) in ids {
        let view = svc.get(&id).await;
        assert_eq!(view["status"], "done", "{lang}: {view}");
        assert_eq!(view["verdict"], "AC", "{lang}: {view}");
        assert_eq!(view["tests"].as_array().map(Vec::len), Some(6), "{lang}");
        assert!(view["time_ms"].as_f64().is_some());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_error_has_its_status_and_a_json_body() {
    let svc = TestService::start(ApiConfig {
        rate_per_second: 1,
        rate_burst: 1,
        ..ApiConfig::default()
    })
    .await;
    let http = &svc.http;
    let url = format!("{}/api/v1/submissions", svc.base);
    let malformed = http
        .post(&url)
        .header("content-type", "application/json")
        .body("{oops")
        .send()
        .await
        .unwrap();
    assert_eq!(malformed.status().as_u16(), 400);
    let body: serde_json::Value = malformed.json().await.unwrap();
    assert_eq!(body["error"], "bad_request");

    let cases = [
        (
            json!({"problem": "nope", "language": "c", "source": "x"}),
            404,
            "not_found",
        ),
        (
            json!({"problem": "aplusb", "language": "cobol", "source": "x"}),
            422,
            "unprocessable",
        ),
        (
            json!({"problem": "aplusb", "language": "c", "source": "x".repeat(70_000)}),
            413,
            "too_large",
        ),
        (
            json!({"problem": "aplusb", "language": "c"}),
            400,
            "bad_request",
        ),
    ];
    for (body, status, code) in cases {
        let (got, answer, _) = svc.post("/api/v1/submissions", body).await;
        assert_eq!(
            (got, answer["error"].as_str()),
            (status, Some(code)),
            "{answer}"
        );
    }
    let missing = http
        .get(format!("{}/api/v1/submissions/none", svc.base))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status().as_u16(), 404);
    let admin = http
        .post(format!("{}/api/v1/admin/reload", svc.base))
        .send()
        .await
        .unwrap();
    assert_eq!(admin.status().as_u16(), 401);

    // One submission per second per client: the second at once is 429 with Retry-After.
    let ok = json!({"problem": "aplusb", "language": "python", "source": "print(3)"});
    let send = || {
        http.post(&url)
            .header("x-client-id", "eager")
            .json(&ok)
            .send()
    };
    assert_eq!(send().await.unwrap().status().as_u16(), 202);
    let limited = send().await.unwrap();
    assert_eq!(limited.status().as_u16(), 429);
    assert!(limited.headers().get("retry-after").is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_queue_is_503_with_retry_after() {
    let svc = TestService::start(ApiConfig {
        max_queue: 0,
        ..ApiConfig::default()
    })
    .await;
    let (status, body, headers) = svc
        .post(
            "/api/v1/submissions",
            json!({"problem": "aplusb", "language": "c", "source": "int main(){}"}),
        )
        .await;
    assert_eq!((status, body["error"].as_str()), (503, Some("queue_full")));
    assert!(headers.get("retry-after").is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_arrive_in_order_and_a_reconnect_misses_nothing() {
    let svc = TestService::start(ApiConfig::default()).await;
    let id = svc
        .submit(
            "aplusb",
            "python",
            "a, b = map(int, input().split())\nprint(a + b)\n",
        )
        .await;
    let url = format!("{}/api/v1/submissions/{id}/events", svc.base);
    let http = svc.http.clone();
    let live_url = url.clone();
    let live = tokio::spawn(async move { read_events(&http, &live_url, None, 100).await });
    let mut worker = svc.worker("w").await;
    svc.judge_next(&mut worker, 30).await;
    let events = live.await.unwrap();
    let kinds: Vec<&str> = events.iter().map(|(_, k, _)| k.as_str()).collect();
    assert_eq!(kinds[..2], ["status", "status"]);
    assert_eq!(kinds.iter().filter(|k| **k == "test").count(), 6);
    assert_eq!(kinds.last(), Some(&"done"));
    let ids: Vec<i64> = events.iter().map(|(i, _, _)| i.parse().unwrap()).collect();
    assert_eq!(ids, (1..=ids.len() as i64).collect::<Vec<_>>());

    // Reconnecting after event 3 replays 4.. from the store.
    let again = read_events(&svc.http, &url, Some("3"), 100).await;
    assert_eq!(again.first().map(|(i, _, _)| i.as_str()), Some("4"));
    assert_eq!(again.len(), events.len() - 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_apis_and_two_workers_share_the_work() {
    let svc = TestService::start(ApiConfig::default()).await;
    let other_api = svc.another_api().await;
    let mut ids = Vec::new();
    for i in 0..4 {
        ids.push(
            svc.submit(
                "aplusb",
                "python",
                &format!(
                    "a, b = map(int, input().split())\nprint(a + b + {})\n",
                    i % 2
                ),
            )
            .await,
        );
    }
    // Follow the first through the other instance: events cross instances via Redis.
    let http = svc.http.clone();
    let url = format!("{other_api}/api/v1/submissions/{}/events", ids[0]);
    let live = tokio::spawn(async move { read_events(&http, &url, None, 100).await });
    let (mut a, mut b) = (svc.worker("a").await, svc.worker("b").await);
    let mut judged = Vec::new();
    while judged.len() < 4 {
        for w in [&mut a, &mut b] {
            if let Step::Judged { id, .. } = w.step().await.unwrap() {
                judged.push(id);
            }
        }
    }
    judged.sort();
    let mut expected = ids.clone();
    expected.sort();
    assert_eq!(judged, expected, "each judged exactly once");
    let events = live.await.unwrap();
    assert_eq!(events.last().map(|(_, k, _)| k.as_str()), Some("done"));
    for (i, id) in ids.iter().enumerate() {
        let want = if i % 2 == 0 { "AC" } else { "WA" };
        assert_eq!(svc.get(id).await["verdict"], want);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redis_losing_everything_loses_no_submission() {
    let svc = TestService::start(ApiConfig::default()).await;
    let mut ids = Vec::new();
    for _ in 0..3 {
        ids.push(
            svc.submit(
                "aplusb",
                "python",
                "a, b = map(int, input().split())\nprint(a + b)\n",
            )
            .await,
        );
    }
    // FLUSHALL, for this namespace only (other tests share the server).
    let client = redis::Client::open(judge_tests::service::redis_url()).unwrap();
    let mut conn = client.get_multiplexed_async_connection().await.unwrap();
    let keys: Vec<String> = redis::cmd("KEYS")
        .arg(format!("{{{}}}*", svc.namespace))
        .query_async(&mut conn)
        .await
        .unwrap();
    assert!(!keys.is_empty());
    let _: i64 = redis::cmd("DEL")
        .arg(&keys)
        .query_async(&mut conn)
        .await
        .unwrap();
    assert_eq!(svc.queue.len().await.unwrap(), 0);

    let config = MaintenanceConfig {
        queued_for: Duration::ZERO,
        ..MaintenanceConfig::default()
    };
    let swept = maintain(&svc.store, &svc.queue, &config).await.unwrap();
    assert_eq!(swept.swept.len(), 3);
    let mut worker = svc.worker("w").await;
    for _ in 0..3 {
        svc.judge_next(&mut worker, 30).await;
    }
    for id in ids {
        assert_eq!(svc.get(&id).await["verdict"], "AC");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_worker_process_leaves_exactly_one_verdict() {
    let svc = TestService::start(ApiConfig::default()).await;
    // Runs its full second of CPU on every test before TLE: long enough to be killed mid-judge.
    let id = svc
        .submit("aplusb", "python", "while True:\n    pass\n")
        .await;
    let exe = std::env::current_exe().unwrap();
    let judge_bin = exe.parent().and_then(|d| d.parent()).unwrap().join("judge");
    assert!(
        judge_bin.exists(),
        "build the cli crate first: {}",
        judge_bin.display()
    );
    let mut child = tokio::process::Command::new(&judge_bin)
        .args([
            "worker",
            "--database-url",
            &svc.db_url,
            "--redis-namespace",
            &svc.namespace,
        ])
        .arg("--problems")
        .arg(repo_root().join("problems"))
        .env("JUDGE_TOOLCHAINS", repo_root().join(".toolchains"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("judge worker starts");
    // Wait (bounded) until the process is judging it.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(120);
    let mut ticker = tokio::time::interval(Duration::from_millis(50));
    loop {
        ticker.tick().await;
        let row = svc.store.get(&id).await.unwrap().unwrap();
        if row.status() == Status::Running {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the worker never started judging"
        );
    }
    // SIGKILL: no chance to clean up.
    child.start_kill().unwrap();
    child.wait().await.unwrap();
    assert_eq!(
        svc.store.get(&id).await.unwrap().unwrap().status(),
        Status::Running
    );

    let reap = MaintenanceConfig {
        dead_after: Duration::ZERO,
        ..MaintenanceConfig::default()
    };
    let done = maintain(&svc.store, &svc.queue, &reap).await.unwrap();
    assert_eq!(done.returned, 1, "{done:?}");
    let mut worker = svc.worker("rescuer").await;
    assert_eq!(
        svc.judge_next(&mut worker, 30).await,
        Step::Judged {
            id: id.clone(),
            verdict: Some(judge::Verdict::TLE)
        }
    );
    let row = svc.store.get(&id).await.unwrap().unwrap();
    assert_eq!((row.verdict.as_deref(), row.attempt), (Some("TLE"), 2));
    let events = svc.store.events_after(&id, 0).await.unwrap();
    assert_eq!(events.iter().filter(|e| e.kind == "done").count(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn runs_use_samples_or_custom_input_and_record_no_verdict_for_the_problem() {
    let svc = TestService::start(ApiConfig::default()).await;
    let src = "a, b = map(int, input().split())\nprint(a + b)\n";
    let (s1, on_samples, _) = svc
        .post(
            "/api/v1/runs",
            json!({"problem": "aplusb", "language": "python", "source": src}),
        )
        .await;
    let (s2, custom, _) = svc
        .post(
            "/api/v1/runs",
            json!({"problem": "aplusb", "language": "python", "source": src, "stdin": "5 7\n"}),
        )
        .await;
    assert_eq!((s1, s2), (202, 202));
    let mut worker = svc.worker("w").await;
    svc.judge_next(&mut worker, 30).await;
    svc.judge_next(&mut worker, 30).await;
    let samples = svc.get(on_samples["id"].as_str().unwrap()).await;
    assert_eq!(samples["verdict"], "AC");
    assert_eq!(
        samples["tests"].as_array().unwrap().len(),
        2,
        "samples only"
    );
    let custom = svc.get(custom["id"].as_str().unwrap()).await;
    assert_eq!(
        custom["failed_sample"]["actual"].as_str().map(str::trim),
        Some("12"),
        "{custom}"
    );
    assert!(
        svc.store.problem_counts().await.unwrap().is_empty(),
        "runs are not counted"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_trace_id_from_traceparent_follows_the_submission() {
    let svc = TestService::start(ApiConfig::default()).await;
    let trace = "4bf92f3577b34da6a3ce929d0e0e4736";
    let r = svc
        .http
        .post(format!("{}/api/v1/submissions", svc.base))
        .header("traceparent", format!("00-{trace}-00f067aa0ba902b7-01"))
        .json(&json!({"problem": "aplusb", "language": "python", "source": "print(3)"}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.headers().get("x-trace-id").and_then(|v| v.to_str().ok()),
        Some(trace)
    );
    let body: serde_json::Value = r.json().await.unwrap();
    let row = svc
        .store
        .get(body["id"].as_str().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.trace_id, trace);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stopped_database_is_503_then_recovers() {
    let target = "127.0.0.1:5432".parse().unwrap();
    let mut proxy = Proxy::start(target).await;
    let url = postgres_url().replace("127.0.0.1:5432", &proxy.addr.to_string());
    let schema = format!("t_{}", uuid::Uuid::new_v4().simple());
    let store = Store::connect_postgres_schema(&url, &schema)
        .await
        .expect("postgres via proxy");
    let svc = TestService::start_with(
        store,
        url,
        ApiConfig::default(),
        tempfile::tempdir().unwrap(),
    )
    .await;
    let body = json!({"problem": "aplusb", "language": "python", "source": "print(3)"});
    assert_eq!(svc.post("/api/v1/submissions", body.clone()).await.0, 202);

    proxy.stop();
    let (status, answer, headers) = svc.post("/api/v1/submissions", body.clone()).await;
    assert_eq!(
        (status, answer["error"].as_str()),
        (503, Some("unavailable")),
        "{answer}"
    );
    assert!(headers.get("retry-after").is_some());
    let ready = svc
        .http
        .get(format!("{}/readyz", svc.base))
        .send()
        .await
        .unwrap();
    assert_eq!(ready.status().as_u16(), 503);

    proxy.resume().await;
    assert_eq!(svc.post("/api/v1/submissions", body).await.0, 202);
    let ready = svc
        .http
        .get(format!("{}/readyz", svc.base))
        .send()
        .await
        .unwrap();
    assert_eq!(ready.status().as_u16(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_callback_is_signed_and_retried_and_never_blocks_judging() {
    use axum::http::StatusCode;
    use judge::callback::{CallbackConfig, SIGNATURE_HEADER, signature};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    // A receiver that fails twice, then records the delivery.
    let calls = Arc::new(AtomicUsize::new(0));
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<(Option<String>, String)>();
    let (calls2, tx2) = (calls.clone(), tx.clone());
    let app = axum::Router::new().route(
        "/hook",
        axum::routing::post(move |headers: axum::http::HeaderMap, body: String| {
            let (calls, tx) = (calls2.clone(), tx2.clone());
            async move {
                if calls.fetch_add(1, Ordering::SeqCst) < 2 {
                    return StatusCode::INTERNAL_SERVER_ERROR;
                }
                let sig = headers
                    .get(SIGNATURE_HEADER)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_string);
                let _ = tx.send((sig, body));
                StatusCode::OK
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let hook = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });

    let svc = TestService::start(ApiConfig::default()).await;
    let src = "a, b = map(int, input().split())\nprint(a + b)\n";
    let body =
        json!({"problem": "aplusb", "language": "python", "source": src, "callback_url": hook});
    let (status, answer, _) = svc.post("/api/v1/submissions", body.clone()).await;
    assert_eq!(status, 202, "{answer}");
    // A second submission whose receiver is dead: judging goes on regardless.
    let dead = json!({"problem": "aplusb", "language": "python", "source": src, "callback_url": "http://127.0.0.1:9/none"});
    let (_, dead_answer, _) = svc.post("/api/v1/submissions", dead).await;

    let config = judge::worker::WorkerConfig {
        callback: CallbackConfig {
            secret: Some("s3cret".into()),
            backoff: Duration::from_millis(10),
            ..CallbackConfig::default()
        },
        ..judge::worker::WorkerConfig::default()
    };
    let mut worker = svc.worker_with("w", config).await;
    svc.judge_next(&mut worker, 30).await;
    svc.judge_next(&mut worker, 30).await;
    assert_eq!(
        svc.get(dead_answer["id"].as_str().unwrap()).await["verdict"],
        "AC"
    );

    let (sig, payload) = tokio::time::timeout(Duration::from_secs(30), rx.recv())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        sig.as_deref(),
        Some(signature("s3cret", payload.as_bytes()).as_str())
    );
    let payload: serde_json::Value = serde_json::from_str(&payload).unwrap();
    assert_eq!(
        (payload["id"].as_str(), payload["verdict"].as_str()),
        (answer["id"].as_str(), Some("AC"))
    );
    assert_eq!(
        calls.load(Ordering::SeqCst),
        3,
        "two failures, then delivered"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_openapi_document_describes_every_endpoint() {
    let svc = TestService::start(ApiConfig::default()).await;
    let doc: serde_json::Value = svc
        .http
        .get(format!("{}/api/v1/openapi.json", svc.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.")));
    for path in [
        "/api/v1/submissions",
        "/api/v1/submissions/{id}",
        "/api/v1/submissions/{id}/events",
        "/api/v1/runs",
        "/api/v1/problems",
        "/api/v1/problems/{id}",
        "/api/v1/languages",
        "/healthz",
        "/readyz",
        "/metrics",
        "/api/v1/admin/reload",
    ] {
        assert!(doc["paths"].get(path).is_some(), "{path} missing");
    }
    let submit = &doc["paths"]["/api/v1/submissions"]["post"];
    for status in ["202", "400", "404", "413", "422", "429", "503"] {
        assert!(submit["responses"].get(status).is_some(), "POST {status}");
    }
    assert!(doc["components"]["schemas"].get("SubmissionView").is_some());
}
