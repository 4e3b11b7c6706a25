//! The web pages in a real browser: headless Chromium driven over WebDriver (chromedriver),
//! against a real server on port 0 with two judge workers. It opens the problem list, opens
//! A plus B, types a Python solution (Tab indents in the editor), submits it and watches it get
//! accepted live, then submits a wrong answer and sees the failing sample's diff.
//!
//! Screenshots of the problem page and both result pages go to `<target>/screenshots/`; with
//! `JUDGE_UPDATE_DOCS=1` the accepted result page is also copied to `docs/result-page.png` (the
//! README's picture), so an ordinary test run leaves the checkout untouched.
//!
//! Needs Debian's `chromium` and `chromium-driver`: `scripts/install-browser.sh` installs them.

use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use api::ApiConfig;
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use futures::FutureExt;
use judge_tests::repo_root;
use judge_tests::service::TestService;
use serde_json::{Value, json};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const WIDTH: u32 = 1280;
const HEIGHT: u32 = 900;

/// chromedriver, stopped when dropped (the browser itself is closed through the session).
struct Driver {
    child: Child,
    _profile: tempfile::TempDir,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn screenshots_dir() -> PathBuf {
    // CARGO_TARGET_TMPDIR is <target>/tmp.
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .map(|t| t.join("screenshots"))
        .unwrap_or_else(|| repo_root().join("target/screenshots"));
    std::fs::create_dir_all(&dir).expect("the screenshots folder");
    dir
}

async fn start_browser() -> (Driver, Client) {
    for bin in [CHROMIUM, CHROMEDRIVER] {
        assert!(
            Path::new(bin).exists(),
            "{bin} is missing: run scripts/install-browser.sh"
        );
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let child = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let profile = tempfile::tempdir().expect("a browser profile folder");
    let driver = Driver {
        child,
        _profile: profile,
    };
    // chromedriver listens within a moment.
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "chromedriver did not listen");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let caps = json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": CHROMIUM,
            "args": [
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                format!("--user-data-dir={}", driver._profile.path().display()),
                format!("--window-size={WIDTH},{HEIGHT}"),
            ],
        },
    });
    let Value::Object(caps) = caps else {
        unreachable!()
    };
    // chromedriver may accept a connection and reset it while it is still starting (seen when
    // two tests start browsers at once): retry the session a few times.
    let mut attempt = 0;
    let client = loop {
        attempt += 1;
        let session = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps.clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await;
        match session {
            Ok(client) => break client,
            Err(e) if attempt < 5 => {
                eprintln!("chromedriver session attempt {attempt} failed: {e:?}; retrying");
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
            Err(e) => panic!("a Chromium session: {e:?}"),
        }
    };
    (driver, client)
}

/// Waits until the element at `css` shows `needle`; returns its text.
async fn wait_for_text(c: &Client, css: &str, needle: &str, timeout: Duration) -> String {
    let deadline = Instant::now() + timeout;
    let mut last = String::new();
    loop {
        if let Ok(e) = c.find(Locator::Css(css)).await
            && let Ok(text) = e.text().await
        {
            if text.contains(needle) {
                return text;
            }
            last = text;
        }
        if Instant::now() > deadline {
            let source = c.source().await.unwrap_or_default();
            panic!("{css} never showed {needle:?} (last: {last:?}); the page:\n{source}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn wait_for_path(c: &Client, prefix: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let url = c.current_url().await.expect("the URL");
        if url.path().starts_with(prefix) {
            return url.path().to_string();
        }
        assert!(Instant::now() < deadline, "never got to {prefix}: at {url}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn script(c: &Client, js: &str) -> Value {
    c.execute(js, vec![]).await.expect("the script runs")
}

/// A screenshot of the whole page (the window is made as tall as the page for it).
async fn screenshot(c: &Client, name: &str) -> PathBuf {
    // The window is the page plus the browser's own frame around it.
    let sizes = script(
        c,
        "return [document.documentElement.scrollHeight, window.outerHeight - window.innerHeight];",
    )
    .await;
    let page = sizes[0].as_u64().unwrap_or(u64::from(HEIGHT));
    let frame = sizes[1].as_u64().unwrap_or(0);
    let height = (page + frame).clamp(600, 6000) as u32;
    c.set_window_size(WIDTH, height).await.expect("resize");
    let png = c.screenshot().await.expect("a screenshot");
    c.set_window_size(WIDTH, HEIGHT).await.expect("resize");
    assert!(png.starts_with(b"\x89PNG"), "a PNG");
    let path = screenshots_dir().join(name);
    std::fs::write(&path, png).expect("the screenshot is written");
    eprintln!("screenshot: {}", path.display());
    path
}

async fn value_of(c: &Client, css: &str) -> String {
    c.find(Locator::Css(css))
        .await
        .expect("the element")
        .prop("value")
        .await
        .expect("its value")
        .unwrap_or_default()
}

async fn type_source(c: &Client, keys: &str) {
    let area = c.find(Locator::Id("source")).await.expect("the editor");
    area.click().await.expect("focus the editor");
    area.send_keys(keys).await.expect("typing");
}

async fn scenario(c: &Client, service: &TestService) {
    let base = &service.base;
    let tab: char = Key::Tab.into();

    // The problem list, filtered as one types.
    c.goto(&format!("{base}/")).await.expect("the problem list");
    assert_eq!(c.title().await.unwrap(), "Problems · Judge");
    let search = c.find(Locator::Id("q")).await.expect("the search box");
    search.send_keys("plus").await.unwrap();
    let walking = c
        .find(Locator::Css("tr[data-search*=\"walking\"]"))
        .await
        .unwrap();
    assert!(!walking.is_displayed().await.unwrap(), "filtered out");
    c.find(Locator::LinkText("A plus B"))
        .await
        .expect("A plus B is listed")
        .click()
        .await
        .unwrap();
    wait_for_path(c, "/problems/aplusb").await;
    wait_for_text(c, "h1", "A plus B", Duration::from_secs(10)).await;

    // The language chosen last is remembered.
    let language = c.find(Locator::Id("language")).await.unwrap();
    language.select_by_value("javascript").await.unwrap();
    c.refresh().await.unwrap();
    assert_eq!(value_of(c, "#language").await, "javascript");
    c.find(Locator::Id("language"))
        .await
        .unwrap()
        .select_by_value("python")
        .await
        .unwrap();

    // A Python solution, indented with Tab (which stays in the editor and inserts 4 spaces).
    type_source(
        c,
        &format!(
            "import sys\nfor line in sys.stdin:\n{tab}a, b = map(int, line.split())\n{tab}print(a + b)\n"
        ),
    )
    .await;
    assert_eq!(
        value_of(c, "#source").await,
        "import sys\nfor line in sys.stdin:\n    a, b = map(int, line.split())\n    print(a + b)\n"
    );
    assert_eq!(
        script(c, "return document.activeElement.id;").await,
        json!("source")
    );
    let gutter = script(c, "return document.querySelector('.gutter').textContent;").await;
    assert!(
        gutter.as_str().unwrap_or("").contains("5\n"),
        "line numbers: {gutter}"
    );
    screenshot(c, "problem-page.png").await;

    // Submit with no worker running: the page waits, then follows the judging live.
    c.find(Locator::Css("button[value=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let path = wait_for_path(c, "/submissions/").await;
    wait_for_text(c, "#state", "Waiting in the queue", Duration::from_secs(10)).await;
    assert_eq!(
        script(c, "return document.getElementById('result').dataset.live;").await,
        json!("sse"),
        "the page follows the events"
    );
    script(c, "window.stillHere = true; return null;").await;
    for i in 0..2 {
        let id = format!("browser-{i}-{}", uuid::Uuid::new_v4().simple());
        let worker = service.worker(&id).await;
        tokio::spawn(worker.run(service.shutdown.clone()));
    }
    wait_for_text(c, "#verdict", "Accepted", Duration::from_secs(60)).await;
    assert_eq!(
        script(c, "return window.stillHere === true;").await,
        json!(true),
        "updated in place, not reloaded"
    );
    let rows = c.find_all(Locator::Css("#tests tbody tr")).await.unwrap();
    assert_eq!(rows.len(), 6, "a row per test");
    let state = c
        .find(Locator::Id("state"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(state, "Judged: 6 tests run.");
    let time = c
        .find(Locator::Id("time"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(time.ends_with('s'), "time shown: {time}");
    let progress = c.find(Locator::Id("progress-wrap")).await.unwrap();
    assert!(!progress.is_displayed().await.unwrap());
    let accepted = screenshot(c, "result-accepted.png").await;
    if std::env::var_os("JUDGE_UPDATE_DOCS").is_some() {
        std::fs::create_dir_all(repo_root().join("docs")).unwrap();
        std::fs::copy(&accepted, repo_root().join("docs/result-page.png"))
            .expect("copied to docs/result-page.png");
    }

    // The same page after a reload: rendered by the server, the same verdict.
    c.refresh().await.unwrap();
    wait_for_text(c, "#verdict", "Accepted", Duration::from_secs(10)).await;
    assert_eq!(c.current_url().await.unwrap().path(), path);

    // A wrong answer whose output is markup: shown as text, the differing lines marked.
    c.goto(&format!("{base}/problems/aplusb")).await.unwrap();
    assert_eq!(value_of(c, "#language").await, "python", "remembered");
    type_source(c, "a, b = map(int, input().split())\nprint('<b>', a - b)\n").await;
    // Ctrl+Enter submits.
    let ctrl: char = Key::Control.into();
    let enter: char = Key::Enter.into();
    let null: char = Key::Null.into();
    c.find(Locator::Id("source"))
        .await
        .unwrap()
        .send_keys(&format!("{ctrl}{enter}{null}"))
        .await
        .unwrap();
    let wrong = wait_for_path(c, "/submissions/").await;
    assert_ne!(wrong, path);
    wait_for_text(c, "#verdict", "Wrong Answer", Duration::from_secs(60)).await;
    let heading = wait_for_text(c, ".failed-sample h2", "sample", Duration::from_secs(10)).await;
    assert_eq!(heading, "Failed on sample 1");
    let columns = c
        .find_all(Locator::Css(".failed-sample .diff-col pre"))
        .await
        .unwrap();
    assert_eq!(columns.len(), 3, "input, expected, actual");
    assert_eq!(columns[0].text().await.unwrap(), "1 2");
    assert!(columns[1].text().await.unwrap().contains('3'));
    assert!(
        columns[2].text().await.unwrap().contains("<b> -1"),
        "the output as text"
    );
    let marked = c
        .find_all(Locator::Css(".failed-sample .line.differs"))
        .await
        .unwrap();
    assert_eq!(
        marked.len(),
        2,
        "the expected and the actual line are marked"
    );
    let injected = c.find_all(Locator::Css(".failed-sample b")).await.unwrap();
    assert!(injected.is_empty(), "no markup from the program's output");
    screenshot(c, "result-wrong-answer.png").await;

    // This browser's submissions, and the workers on the status page.
    c.goto(&format!("{base}/submissions?mine=1")).await.unwrap();
    let list = wait_for_text(c, "main", "Your submissions", Duration::from_secs(10)).await;
    assert!(
        list.contains("Accepted") && list.contains("Wrong Answer"),
        "{list}"
    );
    c.goto(&format!("{base}/status")).await.unwrap();
    wait_for_text(c, "#workers-alive", "2 of 2", Duration::from_secs(10)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_browser_gets_accepted_and_sees_a_failing_sample_diff() {
    let (driver, client) = start_browser().await;
    let service = TestService::start(ApiConfig::default()).await;
    let outcome = AssertUnwindSafe(scenario(&client, &service))
        .catch_unwind()
        .await;
    // Close the browser whatever happened, then report.
    let _ = client.close().await;
    drop(driver);
    service.shutdown.cancel();
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

/// An API server of our own on `addr` (port 0 for any), on the service's store and queue, that
/// stops when its token is cancelled.
async fn own_api(
    service: &TestService,
    addr: &str,
) -> (String, tokio_util::sync::CancellationToken) {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .expect("the address is free");
    let addr = listener.local_addr().expect("its address");
    let token = tokio_util::sync::CancellationToken::new();
    let state = api::AppState::new(
        service.store.clone(),
        service.queue.clone(),
        service.problems.clone(),
        service.config.clone(),
        token.clone(),
    );
    tokio::spawn(api::serve(listener, state, token.clone()));
    (addr.to_string(), token)
}

async fn dropped_connection(c: &Client, service: &TestService) {
    // Queued with no worker, watched live from a server that then goes away.
    let (addr, token) = own_api(service, "127.0.0.1:0").await;
    let id = service
        .submit(
            "aplusb",
            "python",
            "print(sum(map(int, input().split())))\n",
        )
        .await;
    c.goto(&format!("http://{addr}/submissions/{id}"))
        .await
        .unwrap();
    wait_for_text(c, "#state", "Waiting in the queue", Duration::from_secs(10)).await;
    let live = "return document.getElementById('result').dataset.live;";
    assert_eq!(script(c, live).await, json!("sse"));
    script(c, "window.stillHere = true; return null;").await;
    token.cancel();

    // The page notices and polls the API until it answers again.
    let deadline = Instant::now() + Duration::from_secs(20);
    while script(c, live).await != json!("polling") {
        assert!(
            Instant::now() < deadline,
            "the page did not notice the drop"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let (again, token) = own_api(service, &addr).await;
    assert_eq!(again, addr);
    for i in 0..2 {
        let id = format!("browser-drop-{i}-{}", uuid::Uuid::new_v4().simple());
        let worker = service.worker(&id).await;
        tokio::spawn(worker.run(service.shutdown.clone()));
    }
    wait_for_text(c, "#verdict", "Accepted", Duration::from_secs(60)).await;
    assert_eq!(
        script(c, "return window.stillHere === true;").await,
        json!(true),
        "updated in place, not reloaded"
    );
    assert_eq!(script(c, live).await, json!("done"));
    let rows = c.find_all(Locator::Css("#tests tbody tr")).await.unwrap();
    assert_eq!(rows.len(), 6);
    token.cancel();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_result_page_survives_a_dropped_connection() {
    let (driver, client) = start_browser().await;
    let service = TestService::start(ApiConfig::default()).await;
    let outcome = AssertUnwindSafe(dropped_connection(&client, &service))
        .catch_unwind()
        .await;
    let _ = client.close().await;
    drop(driver);
    service.shutdown.cancel();
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}
