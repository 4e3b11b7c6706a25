//! The same store suite on SQLite and on PostgreSQL (127.0.0.1:5432, database `test`, or
//! `$TEST_POSTGRES_URL`), each test in a fresh database or schema.

use std::time::Duration;

use jobs::{Claim, NewSubmission, Status, Store, SubmissionKind};

fn postgres_url() -> String {
    std::env::var("TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_string())
}

fn unique() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

async fn sqlite() -> (Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("judge.db").display());
    (Store::connect(&url).await.unwrap(), dir)
}

async fn postgres() -> Store {
    Store::connect_postgres_schema(&postgres_url(), &format!("t_{}", unique()))
        .await
        .expect("PostgreSQL on 127.0.0.1:5432 (database test) is reachable")
}

fn submission(problem: &str, client: Option<&str>) -> NewSubmission {
    NewSubmission {
        id: unique(),
        problem: problem.into(),
        language: "python".into(),
        source: "print(1)".into(),
        kind: SubmissionKind::Submission,
        custom_input: None,
        trace_id: unique(),
        callback_url: None,
        client_id: client.map(str::to_string),
    }
}

async fn lifecycle(store: &Store) {
    let s = submission("aplusb", Some("me"));
    store.insert(&s).await.unwrap();
    let row = store.get(&s.id).await.unwrap().unwrap();
    assert_eq!(row.status(), Status::Queued);
    assert_eq!(row.trace_id, s.trace_id);

    let lease = Duration::from_secs(60);
    let Claim::Judge(claimed) = store.claim(&s.id, lease, 3).await.unwrap() else {
        panic!("first claim judges");
    };
    assert_eq!(claimed.attempt, 1);
    assert!(matches!(
        store.claim(&s.id, lease, 3).await.unwrap(),
        Claim::Busy
    ));
    assert!(store.touch(&s.id, 1, Status::Running).await.unwrap());
    assert!(
        !store.touch(&s.id, 7, Status::Running).await.unwrap(),
        "wrong attempt"
    );

    assert_eq!(store.append_event(&s.id, "status", "{}").await.unwrap(), 1);
    assert_eq!(
        store
            .append_event(&s.id, "test", "{\"n\":1}")
            .await
            .unwrap(),
        2
    );
    let after = store.events_after(&s.id, 1).await.unwrap();
    assert_eq!(after.len(), 1);
    assert_eq!(after[0].seq, 2);

    let ac = r#"{"verdict":"AC"}"#;
    assert!(
        store
            .finish(&s.id, 1, "AC", "{}", 12.5, 1024, ac)
            .await
            .unwrap()
    );
    // A re-delivered job's result is a no-op: the first verdict stays, with one `done` event.
    let wa = r#"{"verdict":"WA"}"#;
    assert!(
        !store
            .finish(&s.id, 2, "WA", "{}", 1.0, 1, wa)
            .await
            .unwrap()
    );
    let events = store.events_after(&s.id, 0).await.unwrap();
    let done: Vec<_> = events.iter().filter(|e| e.kind == "done").collect();
    assert_eq!(done.len(), 1);
    assert_eq!((done[0].seq, done[0].data.as_str()), (3, ac));
    let row = store.get(&s.id).await.unwrap().unwrap();
    assert_eq!(
        (row.status(), row.verdict.as_deref()),
        (Status::Done, Some("AC"))
    );
    assert!(matches!(
        store.claim(&s.id, lease, 3).await.unwrap(),
        Claim::Done
    ));
    assert!(!store.requeue(&s.id).await.unwrap());
    assert!(matches!(
        store.claim("nope", lease, 3).await.unwrap(),
        Claim::Missing
    ));
}

async fn expired_leases_and_attempts(store: &Store) {
    let s = submission("hello", None);
    store.insert(&s).await.unwrap();
    // A zero lease is expired at once: each claim takes over, counting attempts.
    for attempt in 1..=2 {
        match store.claim(&s.id, Duration::ZERO, 2).await.unwrap() {
            Claim::Judge(row) => assert_eq!(row.attempt, attempt),
            other => panic!("attempt {attempt}: {other:?}"),
        }
    }
    assert!(matches!(
        store.claim(&s.id, Duration::ZERO, 2).await.unwrap(),
        Claim::Exhausted(_)
    ));
    let stale = store
        .stale(Duration::ZERO, Duration::ZERO, 100)
        .await
        .unwrap();
    assert!(stale.contains(&s.id));
    assert!(store.requeue(&s.id).await.unwrap());
    assert_eq!(
        store.get(&s.id).await.unwrap().unwrap().status(),
        Status::Queued
    );
}

async fn listings_and_counts(store: &Store) {
    let mine = submission("p1", Some("alice"));
    let theirs = submission("p2", Some("bob"));
    store.insert(&mine).await.unwrap();
    store.insert(&theirs).await.unwrap();
    let mut run = submission("p1", Some("alice"));
    run.kind = SubmissionKind::Run;
    store.insert(&run).await.unwrap();
    store
        .claim(&mine.id, Duration::from_secs(60), 3)
        .await
        .unwrap();
    store
        .finish(&mine.id, 1, "AC", "{}", 1.0, 1, "{}")
        .await
        .unwrap();

    let all: Vec<String> = store
        .recent(None, None, 10)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.id)
        .collect();
    assert!(all.contains(&mine.id) && all.contains(&theirs.id));
    assert!(!all.contains(&run.id), "runs are not listed");
    let alice = store.recent(None, Some("alice"), 10).await.unwrap();
    assert_eq!(
        alice.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        [mine.id.as_str()]
    );
    let p2 = store.recent(Some("p2"), None, 10).await.unwrap();
    assert_eq!(p2[0].id, theirs.id);

    let mut counts = store.problem_counts().await.unwrap();
    counts.sort_by(|a, b| a.problem.cmp(&b.problem));
    let of = |p: &str| {
        counts
            .iter()
            .find(|c| c.problem == p)
            .map(|c| (c.accepted, c.tried))
    };
    assert_eq!((of("p1"), of("p2")), (Some((1, 1)), Some((0, 1))));
    // The lifecycle test before this one left one AC.
    let verdicts = store.verdict_counts(0).await.unwrap();
    assert_eq!(verdicts, [("AC".to_string(), 2)]);
}

#[tokio::test]
async fn sqlite_lifecycle() {
    let (store, _dir) = sqlite().await;
    assert_eq!(store.backend(), "sqlite");
    lifecycle(&store).await;
    expired_leases_and_attempts(&store).await;
    listings_and_counts(&store).await;
}

#[tokio::test]
async fn postgres_lifecycle() {
    let store = postgres().await;
    assert_eq!(store.backend(), "postgres");
    lifecycle(&store).await;
    expired_leases_and_attempts(&store).await;
    listings_and_counts(&store).await;
}

#[tokio::test]
async fn a_bad_url_is_a_clear_error() {
    let e = Store::connect("mysql://x").await.unwrap_err().to_string();
    assert!(e.contains("sqlite://") && e.contains("postgres://"), "{e}");
}
