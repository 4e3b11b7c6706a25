//! The web pages, driven through the real router (`tower::ServiceExt::oneshot`) on a real
//! SQLite store and a real Redis queue (each test in its own namespace). Submissions are judged
//! by a worker stepped by hand: no sleeping, no background workers.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use api::pages::html::url_part;
use api::{ApiConfig, AppState};
use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use http_body_util::BodyExt;
use jobs::{Queue, Store};
use judge::Judge;
use judge::problem_set::ProblemSet;
use judge::worker::{Step, Worker, WorkerConfig};
use sandbox::Toolchains;
use tokio_util::sync::CancellationToken;
use tower::ServiceExt;

const REDIS: &str = "redis://127.0.0.1:6379";

const AC_PY: &str = "a, b = map(int, input().split())\nprint(a + b)\n";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the api crate is in the repository")
        .to_path_buf()
}

/// One judge for the whole test binary (it caches compiled interpreters).
fn judge() -> Arc<Judge> {
    static JUDGE: OnceLock<Arc<Judge>> = OnceLock::new();
    JUDGE
        .get_or_init(|| {
            let toolchains = Toolchains::new(repo().join(".toolchains"));
            Arc::new(
                Judge::new(toolchains, judge::grading::default_cache_dir())
                    .expect("the sandbox starts"),
            )
        })
        .clone()
}

struct Env {
    app: Router,
    store: Store,
    queue: Queue,
    problems: Arc<ProblemSet>,
    shutdown: CancellationToken,
    _dir: tempfile::TempDir,
}

impl Drop for Env {
    fn drop(&mut self) {
        self.shutdown.cancel();
    }
}

async fn env() -> Env {
    env_with(Path::new("../problems"), ApiConfig::default()).await
}

async fn env_with(problems_dir: &Path, config: ApiConfig) -> Env {
    let dir = tempfile::tempdir().expect("temporary folder");
    let store = Store::connect(&format!("sqlite://{}", dir.path().join("x.db").display()))
        .await
        .expect("the SQLite store opens");
    let ns = format!("pages-test-{}", uuid::Uuid::new_v4().simple());
    let queue = Queue::connect_namespace(REDIS, &ns)
        .await
        .expect("Redis runs on 127.0.0.1:6379");
    let problems = Arc::new(ProblemSet::load(
        problems_dir,
        &judge::grading::default_cache_dir(),
    ));
    assert!(problems.errors.is_empty(), "{:?}", problems.errors);
    let shutdown = CancellationToken::new();
    let state = AppState::new(
        store.clone(),
        queue.clone(),
        problems.clone(),
        ApiConfig {
            problems_dir: problems_dir.to_path_buf(),
            ..config
        },
        shutdown.clone(),
    );
    Env {
        app: api::router(state),
        store,
        queue,
        problems,
        shutdown,
        _dir: dir,
    }
}

struct Page {
    status: StatusCode,
    headers: HeaderMap,
    body: String,
}

impl Page {
    fn header(&self, name: header::HeaderName) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// The `judge_client` cookie this response sets, if any.
    fn client_cookie(&self) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find_map(|v| v.strip_prefix("judge_client="))
            .map(|v| v.split(';').next().unwrap_or("").to_string())
    }

    fn assert_has(&self, needle: &str) {
        assert!(
            self.body.contains(needle),
            "expected {needle:?} in the page ({}):\n{}",
            self.status,
            self.body
        );
    }

    fn assert_lacks(&self, needle: &str) {
        assert!(
            !self.body.contains(needle),
            "did not expect {needle:?} in the page ({}):\n{}",
            self.status,
            self.body
        );
    }
}

async fn send(app: &Router, request: Request<Body>) -> Page {
    let response = app
        .clone()
        .oneshot(request)
        .await
        .expect("the router answers");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("the body is read")
        .to_bytes();
    Page {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

fn with_cookie(
    builder: axum::http::request::Builder,
    client: Option<&str>,
) -> axum::http::request::Builder {
    match client {
        Some(c) => builder.header(header::COOKIE, format!("theme=x; judge_client={c}")),
        None => builder,
    }
}

async fn get(app: &Router, uri: &str, client: Option<&str>) -> Page {
    let request = with_cookie(Request::get(uri), client)
        .header(header::ACCEPT, "text/html,application/xhtml+xml,*/*;q=0.8")
        .body(Body::empty())
        .expect("request");
    send(app, request).await
}

fn form_body(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", url_part(k), url_part(v)))
        .collect::<Vec<_>>()
        .join("&")
}

async fn post_form(app: &Router, uri: &str, fields: &[(&str, &str)], client: Option<&str>) -> Page {
    let request = with_cookie(Request::post(uri), client)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html")
        .body(Body::from(form_body(fields)))
        .expect("request");
    send(app, request).await
}

/// Submits through the form; returns the submission id from the 303's Location.
async fn submit(env: &Env, problem: &str, language: &str, source: &str, client: &str) -> String {
    let page = post_form(
        &env.app,
        &format!("/problems/{problem}/submit"),
        &[
            ("language", language),
            ("source", source),
            ("action", "submit"),
        ],
        Some(client),
    )
    .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    let location = page.header(header::LOCATION);
    location
        .strip_prefix("/submissions/")
        .unwrap_or_else(|| panic!("redirected to {location}"))
        .to_string()
}

async fn worker(env: &Env) -> Worker {
    let id = format!("pages-worker-{}", uuid::Uuid::new_v4().simple());
    Worker::new(
        &id,
        judge(),
        env.problems.clone(),
        env.store.clone(),
        &env.queue,
        WorkerConfig::default(),
    )
    .await
    .expect("the worker starts")
}

/// Steps the worker until it has judged `id`.
async fn judge_now(worker: &mut Worker, id: &str) -> String {
    for _ in 0..20 {
        match worker.step().await.expect("the worker steps") {
            Step::Judged {
                id: judged,
                verdict,
            } if judged == id => {
                return verdict.map(|v| v.code().to_string()).unwrap_or_default();
            }
            _ => continue,
        }
    }
    panic!("the worker did not judge {id}");
}

fn new_client() -> String {
    uuid::Uuid::new_v4().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn problem_list_shows_every_problem_with_limits_and_search() {
    let env = env().await;
    let page = get(&env.app, "/", None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.header(header::CONTENT_TYPE).starts_with("text/html"));
    page.assert_has("<a href=\"/problems/aplusb\">A plus B</a>");
    page.assert_has("<a href=\"/problems/lis\">Longest Increasing Subsequence</a>");
    page.assert_has("1.5 s");
    page.assert_has("256 MiB");
    page.assert_has("0 / 0");
    // The search box works without JavaScript too: a GET form filtered on the server.
    page.assert_has("<form class=\"search\" role=\"search\" method=\"get\" action=\"/\">");
    page.assert_has("type=\"search\" id=\"q\" name=\"q\"");
    let searched = get(&env.app, "/?q=walking", None).await;
    searched.assert_has("Walking Distance");
    searched.assert_lacks("A plus B");
    searched.assert_has("value=\"walking\"");
    let none = get(&env.app, "/?q=%3Cscript%3E", None).await;
    none.assert_has("No problem matches your search.");
    none.assert_has("value=\"&lt;script&gt;\"");
    none.assert_lacks("<script>");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn accepted_and_tried_counts_come_from_the_store() {
    let env = env().await;
    let client = new_client();
    let mut w = worker(&env).await;
    let ac = submit(&env, "aplusb", "python", AC_PY, &client).await;
    assert_eq!(judge_now(&mut w, &ac).await, "AC");
    let wa = submit(&env, "aplusb", "python", "print(0)\n", &client).await;
    assert_eq!(judge_now(&mut w, &wa).await, "WA");
    let page = get(&env.app, "/", Some(&client)).await;
    page.assert_has("aria-label=\"1 accepted of 2 tried\">1 / 2</span>");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn problem_page_has_statement_limits_samples_and_the_form() {
    let env = env().await;
    let page = get(&env.app, "/problems/aplusb", None).await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_has("<h1>A plus B</h1>");
    page.assert_has("<dt>Time limit</dt><dd>1 s</dd>");
    page.assert_has("<dt>Memory limit</dt><dd>256 MiB</dd>");
    // Markdown rendered, headings below the page's <h1>, math legible.
    page.assert_has("<p>Read two integers and print their sum.</p>");
    page.assert_has("<h3>Input</h3>");
    page.assert_has("<span class=\"math\"><i>a</i></span>");
    page.assert_has("10<sup>9</sup>");
    page.assert_lacks("$a$");
    // Samples, with copy buttons (shown by the script).
    page.assert_has(
        "<pre id=\"sample-1-input\" aria-labelledby=\"sample-1-input-label\">1 2\n</pre>",
    );
    page.assert_has(
        "<pre id=\"sample-1-output\" aria-labelledby=\"sample-1-output-label\">3\n</pre>",
    );
    page.assert_has("data-copy=\"sample-2-input\"");
    // The form: a real POST with the API's language ids, the textarea and both buttons.
    page.assert_has("<form id=\"submit-form\" method=\"post\" action=\"/problems/aplusb/submit\"");
    for id in ["c", "cpp", "rust", "python", "javascript"] {
        page.assert_has(&format!("<option value=\"{id}\""));
    }
    page.assert_has("<select id=\"language\" name=\"language\"");
    page.assert_has("<textarea id=\"source\" name=\"source\"");
    page.assert_has("<button type=\"submit\" name=\"action\" value=\"run\"");
    page.assert_has("<button type=\"submit\" name=\"action\" value=\"submit\"");
    page.assert_has(">Run on samples</button>");
    page.assert_has(">Submit</button>");
    // The page's own script and stylesheet, nothing from elsewhere, and a strict policy.
    page.assert_has("<script src=\"/assets/app.js?v=");
    page.assert_has("<link rel=\"stylesheet\" href=\"/assets/style.css?v=");
    page.assert_lacks("https://");
    assert!(
        page.header(header::CONTENT_SECURITY_POLICY)
            .contains("script-src 'self'")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_shipped_statement_renders() {
    let env = env().await;
    for p in env.problems.iter() {
        let page = get(&env.app, &format!("/problems/{}", p.id), None).await;
        assert_eq!(page.status, StatusCode::OK, "{}", p.id);
        page.assert_has(&format!("<h1>{}</h1>", api::pages::html::esc(&p.name)));
        page.assert_has("<div class=\"statement\">");
        page.assert_has("class=\"math\"");
        page.assert_has("<h2 id=\"samples-heading\">Samples</h2>");
    }
    // The table of test groups in `groups`.
    let page = get(&env.app, "/problems/groups", None).await;
    page.assert_has("<table>");
    page.assert_has("√<span class=\"radicand\">");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_latex_statement_is_converted() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("texsum");
    std::fs::create_dir_all(p.join("data/sample")).unwrap();
    std::fs::create_dir_all(p.join("problem_statement")).unwrap();
    std::fs::write(
        p.join("problem.yaml"),
        "name: TeX Sum\nlimits:\n  time_limit: 2\n",
    )
    .unwrap();
    std::fs::write(p.join("data/sample/1.in"), "1 2\n").unwrap();
    std::fs::write(p.join("data/sample/1.ans"), "3\n").unwrap();
    std::fs::write(
        p.join("problem_statement/problem.en.tex"),
        "\\problemname{TeX Sum}\n\nAdd \\emph{two} numbers $a \\le b$. Use \\textbf{care} & <b>.\n\n\
         \\section*{Input}\n\\begin{itemize}\n\\item $1 \\le a$\n\\item the end\n\\end{itemize}\n\
         \\begin{verbatim}\n1 2\n\\end{verbatim}\n",
    )
    .unwrap();
    let env = env_with(dir.path(), ApiConfig::default()).await;
    let page = get(&env.app, "/problems/texsum", None).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    page.assert_has("<h1>TeX Sum</h1>");
    page.assert_has("<dt>Time limit</dt><dd>2 s</dd>");
    page.assert_has("Add <em>two</em> numbers <span class=\"math\"><i>a</i> ≤ <i>b</i></span>.");
    page.assert_has("<strong>care</strong> &amp; &lt;b&gt;.");
    page.assert_has("<h2>Input</h2>");
    page.assert_has("<li>the end</li>");
    page.assert_has("<pre>1 2\n</pre>");
    page.assert_lacks("\\problemname");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_pages_are_html_404s_and_the_api_keeps_json() {
    let env = env().await;
    let page = get(&env.app, "/problems/nope", None).await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    page.assert_has("<h1>Page not found</h1>");
    page.assert_has("There is no problem “nope”.");

    let page = get(&env.app, "/submissions/does-not-exist", None).await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    page.assert_has("There is no submission “does-not-exist”.");

    let page = get(&env.app, "/no/such/page%3Cscript%3E", None).await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert!(page.header(header::CONTENT_TYPE).starts_with("text/html"));
    page.assert_has("<h1>Page not found</h1>");
    page.assert_lacks("<script>");

    let page = send(
        &env.app,
        Request::get("/no/such/page")
            .header(header::ACCEPT, "application/json")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert!(
        page.header(header::CONTENT_TYPE)
            .starts_with("application/json")
    );
    assert!(
        page.body.contains("\"error\":\"not_found\""),
        "{}",
        page.body
    );

    let page = get(&env.app, "/assets/nope.css", None).await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn assets_are_served_from_the_binary() {
    let env = env().await;
    for (name, mime, needle) in [
        ("style.css", "text/css", "prefers-color-scheme: dark"),
        ("app.js", "text/javascript", "EventSource"),
        ("favicon.svg", "image/svg+xml", "<svg"),
    ] {
        let page = get(&env.app, &format!("/assets/{name}?v=1"), None).await;
        assert_eq!(page.status, StatusCode::OK, "{name}");
        assert!(
            page.header(header::CONTENT_TYPE).starts_with(mime),
            "{name}"
        );
        page.assert_has(needle);
        assert!(page.client_cookie().is_none(), "assets set no cookie");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_first_visit_gets_an_anonymous_browser_id() {
    let env = env().await;
    let page = get(&env.app, "/", None).await;
    let id = page.client_cookie().expect("a judge_client cookie is set");
    assert!(uuid::Uuid::parse_str(&id).is_ok(), "{id}");
    let set = page
        .headers
        .get(header::SET_COOKIE)
        .unwrap()
        .to_str()
        .unwrap();
    assert!(
        set.contains("Path=/") && set.contains("SameSite=Lax"),
        "{set}"
    );
    // A browser that has one keeps it.
    let again = get(&env.app, "/", Some(&id)).await;
    assert!(again.client_cookie().is_none());
    // A malformed one is replaced.
    let bad = get(&env.app, "/", Some("<bad>")).await;
    assert!(bad.client_cookie().is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_form_submits_through_the_api_and_redirects_with_303() {
    let env = env().await;
    let client = new_client();
    let page = post_form(
        &env.app,
        "/problems/aplusb/submit",
        &[
            ("language", "python"),
            (
                "source",
                "a, b = map(int, input().split())\r\nprint(a + b)\r\n",
            ),
            ("action", "submit"),
        ],
        Some(&client),
    )
    .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    let location = page.header(header::LOCATION).to_string();
    let id = location
        .strip_prefix("/submissions/")
        .expect("to the result page");
    let row = env.store.get(id).await.unwrap().expect("recorded");
    assert_eq!(row.problem, "aplusb");
    assert_eq!(row.language, "python");
    assert_eq!(row.kind, "submission");
    assert_eq!(row.status, "queued");
    assert_eq!(row.source, AC_PY, "CRLF from the browser becomes LF");
    assert_eq!(row.client_id.as_deref(), Some(client.as_str()));
    assert!(!row.trace_id.is_empty());
    assert!(env.queue.contains(id).await.unwrap(), "queued in Redis");

    // "Run on samples" makes a run.
    let page = post_form(
        &env.app,
        "/problems/aplusb/submit",
        &[("language", "python"), ("source", AC_PY), ("action", "run")],
        Some(&client),
    )
    .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    let id = page
        .header(header::LOCATION)
        .strip_prefix("/submissions/")
        .unwrap()
        .to_string();
    let row = env.store.get(&id).await.unwrap().unwrap();
    assert_eq!(row.kind, "run");

    // Without a cookie the form still works, and the browser gets its id.
    let page = post_form(
        &env.app,
        "/problems/aplusb/submit",
        &[
            ("language", "python"),
            ("source", AC_PY),
            ("action", "submit"),
        ],
        None,
    )
    .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    let cookie = page.client_cookie().expect("cookie set");
    let id = page
        .header(header::LOCATION)
        .strip_prefix("/submissions/")
        .unwrap()
        .to_string();
    let row = env.store.get(&id).await.unwrap().unwrap();
    assert_eq!(row.client_id.as_deref(), Some(cookie.as_str()));

    // A reload of the form's address goes back to the problem.
    let page = get(&env.app, "/problems/aplusb/submit", Some(&client)).await;
    assert!(page.status.is_redirection());
    assert_eq!(page.header(header::LOCATION), "/problems/aplusb");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn form_errors_show_the_page_again_with_the_input_kept() {
    let env = env_with(
        Path::new("../problems"),
        ApiConfig {
            max_source_bytes: 1000,
            ..ApiConfig::default()
        },
    )
    .await;
    let client = new_client();
    let post = |fields: Vec<(&'static str, String)>| {
        let app = env.app.clone();
        let client = client.clone();
        async move {
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            post_form(&app, "/problems/aplusb/submit", &fields, Some(&client)).await
        }
    };

    // Empty source: 422, the language kept, the message by the source field.
    let page = post(vec![
        ("language", "javascript".into()),
        ("source", "   \n".into()),
        ("action", "submit".into()),
    ])
    .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    page.assert_has("<h1>A plus B</h1>");
    page.assert_has("<option value=\"javascript\" selected>");
    page.assert_has("<p class=\"field-error\" id=\"source-error\"><span aria-hidden=\"true\">⚠ </span>The source is empty");
    page.assert_has("aria-invalid=\"true\"");
    page.assert_has("data-remember=\"keep\"");

    // Unknown language: 422, the source kept (escaped), the message by the language field.
    let source = "print(\"</textarea><script>alert(1)</script>\")\n";
    let page = post(vec![
        ("language", "cobol".into()),
        ("source", source.into()),
        ("action", "submit".into()),
    ])
    .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    page.assert_has("id=\"language-error\"");
    page.assert_has("“cobol” is not a language this judge knows");
    page.assert_has("<option value=\"\" selected>Choose a language…</option>");
    page.assert_has(
        "print(&quot;&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;)\n</textarea>",
    );
    page.assert_lacks("<script>alert(1)");
    page.assert_lacks("</textarea><script>");

    // No language at all.
    let page = post(vec![("source", AC_PY.into()), ("action", "submit".into())]).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    page.assert_has("Choose a language.");

    // Too large: 413, the source kept.
    let big = format!("# {}\nprint(1)\n", "x".repeat(2000));
    let page = post(vec![
        ("language", "python".into()),
        ("source", big.clone()),
        ("action", "run".into()),
    ])
    .await;
    assert_eq!(page.status, StatusCode::PAYLOAD_TOO_LARGE);
    page.assert_has(&format!(
        "The source is {} bytes; the limit is 1000 bytes.",
        big.len()
    ));
    page.assert_has(&format!("{big}</textarea>"));
    page.assert_has("<option value=\"python\" selected>");

    // Nothing was recorded.
    assert!(env.store.recent(None, None, 10).await.unwrap().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rate_limited_submits_show_the_page_again() {
    let env = env_with(
        Path::new("../problems"),
        ApiConfig {
            rate_per_second: 1,
            rate_burst: 1,
            ..ApiConfig::default()
        },
    )
    .await;
    let client = new_client();
    submit(&env, "aplusb", "python", AC_PY, &client).await;
    let page = post_form(
        &env.app,
        "/problems/aplusb/submit",
        &[
            ("language", "python"),
            ("source", AC_PY),
            ("action", "submit"),
        ],
        Some(&client),
    )
    .await;
    assert_eq!(page.status, StatusCode::TOO_MANY_REQUESTS);
    page.assert_has("id=\"form-error\"");
    page.assert_has("Too many requests");
    page.assert_has(&format!("{AC_PY}</textarea>"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_result_page_refreshes_while_judging_and_shows_the_verdict_when_done() {
    let env = env().await;
    let client = new_client();
    let id = submit(&env, "aplusb", "python", AC_PY, &client).await;

    let page = get(&env.app, &format!("/submissions/{id}"), Some(&client)).await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_has("<noscript><meta http-equiv=\"refresh\" content=\"1\"></noscript>");
    page.assert_has("Waiting in the queue…");
    page.assert_has(&format!("data-id=\"{id}\" data-status=\"queued\""));
    page.assert_has("<span class=\"verdict v-pending\">Judging…</span>");
    page.assert_has("<progress id=\"progress\"");
    page.assert_has("<title>Judging · A plus B · Judge</title>");

    let mut w = worker(&env).await;
    assert_eq!(judge_now(&mut w, &id).await, "AC");

    let page = get(&env.app, &format!("/submissions/{id}"), Some(&client)).await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_lacks("http-equiv=\"refresh\"");
    page.assert_has("data-status=\"done\"");
    page.assert_has("<span class=\"verdict v-AC\" title=\"AC\">Accepted</span>");
    page.assert_has("<title>Accepted · A plus B · Judge</title>");
    page.assert_has("Judged: 6 tests run.");
    page.assert_has("<dt>Time</dt><dd id=\"time\">");
    page.assert_lacks("<dd id=\"time\">–</dd>");
    page.assert_has("<dd id=\"memory\">");
    page.assert_has("MiB</dd>");
    // One row per test, with group, name, verdict, time and memory.
    assert_eq!(
        page.body.matches("<tr data-index=").count(),
        6,
        "{}",
        page.body
    );
    page.assert_has("<tr data-index=\"0\"><td class=\"num\">1</td><td>Sample</td><td><code>1</code></td><td><span class=\"verdict v-AC\"");
    page.assert_has("<td>Secret</td><td><code>04-mixed</code></td>");
    page.assert_lacks("failed-sample");
    page.assert_has("<p class=\"hint\" id=\"tests-note\" hidden>");
    // The source, escaped.
    page.assert_has("a, b = map(int, input().split())");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_sample_shows_escaped_output_side_by_side() {
    let env = env().await;
    let client = new_client();
    let source = "print('<script>alert(1)</script>')\nprint('2 & 3')\n";
    let id = submit(&env, "aplusb", "python", source, &client).await;
    let mut w = worker(&env).await;
    assert_eq!(judge_now(&mut w, &id).await, "WA");

    let page = get(&env.app, &format!("/submissions/{id}"), Some(&client)).await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_has("<span class=\"verdict v-WA\" title=\"WA\">Wrong Answer</span>");
    page.assert_has("Failed on sample <code>1</code>");
    page.assert_has(
        "<p class=\"hint\" id=\"tests-note\">Judging stops at the first test that fails.</p>",
    );
    page.assert_has("<h3>Input</h3><pre class=\"io\">1 2\n</pre>");
    page.assert_has(
        "<h3>Expected output</h3><pre class=\"io lines\"><span class=\"line differs\">",
    );
    page.assert_has(
        "<span class=\"visually-hidden\">Differs: </span>&lt;script&gt;alert(1)&lt;/script&gt;</span>",
    );
    page.assert_has("<span class=\"visually-hidden\">Differs: </span>2 &amp; 3</span>");
    // Nothing the program printed or the validator said is markup.
    page.assert_lacks("<script>alert");
    assert_eq!(
        page.body.matches("<script").count(),
        1,
        "only the page's own script"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_compile_error_shows_the_compiler_message() {
    let env = env().await;
    let client = new_client();
    let source = "int main() { return <oops> }\n";
    let id = submit(&env, "aplusb", "c", source, &client).await;
    let mut w = worker(&env).await;
    assert_eq!(judge_now(&mut w, &id).await, "CE");
    let page = get(&env.app, &format!("/submissions/{id}"), Some(&client)).await;
    page.assert_has("<span class=\"verdict v-CE\" title=\"CE\">Compile Error</span>");
    page.assert_has("<h2 id=\"compile-heading\">Compiler output</h2>");
    page.assert_has("error");
    page.assert_has("&lt;oops&gt;");
    page.assert_lacks("<oops>");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_run_on_the_samples_is_shown_as_a_run() {
    let env = env().await;
    let client = new_client();
    let page = post_form(
        &env.app,
        "/problems/aplusb/submit",
        &[("language", "python"), ("source", AC_PY), ("action", "run")],
        Some(&client),
    )
    .await;
    let id = page
        .header(header::LOCATION)
        .strip_prefix("/submissions/")
        .unwrap()
        .to_string();
    let mut w = worker(&env).await;
    assert_eq!(judge_now(&mut w, &id).await, "AC");
    let page = get(&env.app, &format!("/submissions/{id}"), Some(&client)).await;
    page.assert_has("<span class=\"tag\">Run on samples</span>");
    page.assert_has("Ran on the samples (2 tests); not counted.");
    assert_eq!(page.body.matches("<tr data-index=").count(), 2);
    // Runs are not in the submissions list.
    let list = get(&env.app, "/submissions", Some(&client)).await;
    list.assert_lacks(&id);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_submissions_list_filters_by_problem_and_by_browser() {
    let env = env().await;
    let me = new_client();
    let other = new_client();
    let mine = submit(&env, "aplusb", "python", AC_PY, &me).await;
    let theirs = submit(&env, "hello", "python", "print('Hello, World!')\n", &other).await;
    let mut w = worker(&env).await;
    assert_eq!(judge_now(&mut w, &mine).await, "AC");

    let page = get(&env.app, "/submissions", Some(&me)).await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_has("<h1>Recent submissions</h1>");
    page.assert_has(&format!("href=\"/submissions/{mine}\""));
    page.assert_has(&format!("href=\"/submissions/{theirs}\""));
    page.assert_has("<span class=\"verdict v-AC\" title=\"AC\">Accepted</span>");
    page.assert_has("<span class=\"verdict v-pending\">In queue</span>");
    page.assert_has("Python 3.12");
    page.assert_has("<a href=\"/problems/hello\">Hello, World!</a>");
    page.assert_has("<time datetime=\"");

    let page = get(&env.app, "/submissions?problem=hello", Some(&me)).await;
    page.assert_has("<h1>Submissions to Hello, World!</h1>");
    page.assert_has(&format!("href=\"/submissions/{theirs}\""));
    page.assert_lacks(&format!("href=\"/submissions/{mine}\""));
    page.assert_has("<option value=\"hello\" selected>");

    let page = get(&env.app, "/submissions?mine=1", Some(&me)).await;
    page.assert_has("<h1>Your submissions</h1>");
    page.assert_has(&format!("href=\"/submissions/{mine}\""));
    page.assert_lacks(&format!("href=\"/submissions/{theirs}\""));
    page.assert_has("name=\"mine\" value=\"1\" checked");

    let page = get(&env.app, "/submissions?problem=aplusb&mine=1", Some(&other)).await;
    page.assert_has("No submissions yet.");

    // The problem page lists this browser's latest submissions to it.
    let page = get(&env.app, "/problems/aplusb", Some(&me)).await;
    page.assert_has("Your latest submissions");
    page.assert_has(&format!("href=\"/submissions/{mine}\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_status_page_shows_the_queue_workers_and_verdicts() {
    let env = env().await;
    let client = new_client();
    let page = get(&env.app, "/status", None).await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_has("<h1>Judge status</h1>");
    page.assert_has("<dd id=\"queue-length\">0</dd>");
    page.assert_has("No worker is running");
    page.assert_has("No submission was judged in the last hour.");

    let mut w = worker(&env).await;
    let first = submit(&env, "aplusb", "python", AC_PY, &client).await;
    submit(&env, "aplusb", "python", "print(1)\n", &client).await;
    let page = get(&env.app, "/status", None).await;
    page.assert_has("<dd id=\"queue-length\">2</dd>");
    page.assert_has("<dd id=\"workers-alive\">1 of 1</dd>");
    page.assert_has(&format!("<code>{}</code>", w.id()));
    page.assert_has("✓ Alive");
    page.assert_has("Idle");

    assert_eq!(judge_now(&mut w, &first).await, "AC");
    let page = get(&env.app, "/status", None).await;
    page.assert_has("<dd id=\"queue-length\">1</dd>");
    page.assert_has(
        "<tr><td><span class=\"verdict v-AC\" title=\"AC\">Accepted</span></td><td class=\"num\">1</td></tr>",
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_queue_shows_the_page_again_with_the_message() {
    let env = env_with(
        Path::new("../problems"),
        ApiConfig {
            max_queue: 0,
            ..ApiConfig::default()
        },
    )
    .await;
    let page = post_form(
        &env.app,
        "/problems/aplusb/submit",
        &[
            ("language", "rust"),
            ("source", "fn main() {}\n"),
            ("action", "submit"),
        ],
        Some(&new_client()),
    )
    .await;
    assert_eq!(page.status, StatusCode::SERVICE_UNAVAILABLE);
    page.assert_has("<p class=\"form-error\" role=\"alert\" id=\"form-error\">");
    page.assert_has("The judge queue is full");
    page.assert_has("<option value=\"rust\" selected>");
    page.assert_has("fn main() {}\n</textarea>");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failures_render_the_html_error_page() {
    use axum::response::IntoResponse;
    let response = api::pages::PageError(api::ApiError::Unavailable(
        "database unavailable: <pool closed>".into(),
    ))
    .into_response();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(
        response.headers()[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let body = response.into_body().collect().await.unwrap().to_bytes();
    let body = String::from_utf8_lossy(&body);
    assert!(body.contains("<h1>The judge is unavailable</h1>"), "{body}");
    assert!(body.contains("&lt;pool closed&gt;"), "{body}");
    assert!(body.contains("<p class=\"status-code\">503</p>"), "{body}");

    let response =
        api::pages::PageError(api::ApiError::Internal("secret detail".into())).into_response();
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let body = response.into_body().collect().await.unwrap().to_bytes();
    let body = String::from_utf8_lossy(&body);
    assert!(body.contains("<h1>Something went wrong</h1>"), "{body}");
    assert!(
        !body.contains("secret detail"),
        "internal details stay in the log"
    );
}
