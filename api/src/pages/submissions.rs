//! A submission's result page, and the list of recent submissions.

use std::fmt::Write;

use axum::Extension;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::html::{self, Nav, Page, esc, url_part};
use super::{ClientId, PageError};
use crate::ApiError;
use crate::routes::submissions::load_view;
use crate::state::AppState;
use crate::view::{FailedSample, SubmissionView, TestView};

/// A test's name without its group folder: `secret/03-max` → `03-max`.
fn short_name<'a>(group: &str, name: &'a str) -> &'a str {
    name.strip_prefix(group)
        .and_then(|n| n.strip_prefix('/'))
        .filter(|n| !n.is_empty())
        .unwrap_or(name)
}

fn group_words(group: &str) -> String {
    match group {
        "sample" => "Sample".into(),
        "secret" => "Secret".into(),
        other => esc(other),
    }
}

fn test_row(index: usize, t: &TestView) -> String {
    format!(
        "<tr data-index=\"{index}\"><td class=\"num\">{n}</td><td>{group}</td><td><code>{name}</code></td>\
         <td>{verdict}</td><td class=\"num\">{time}</td><td class=\"num\">{memory}</td><td class=\"msg\">{message}</td></tr>\n",
        n = index + 1,
        group = group_words(&t.group),
        name = esc(short_name(&t.group, &t.name)),
        verdict = html::verdict_badge(&t.verdict),
        time = html::millis(t.time_ms),
        memory = html::bytes(t.memory_bytes),
        message = t.message.as_deref().map(esc).unwrap_or_default(),
    )
}

/// Lines with the ones differing from the other side marked.
fn marked_lines(lines: &[(&str, bool)]) -> String {
    if lines.is_empty() {
        return "<span class=\"line empty-output\">(nothing)</span>".into();
    }
    let mut out = String::new();
    for (line, differs) in lines {
        if *differs {
            let _ = write!(
                out,
                "<span class=\"line differs\"><span class=\"mark\" aria-hidden=\"true\">≠</span>\
                 <span class=\"visually-hidden\">Differs: </span>{}</span>",
                esc(line)
            );
        } else {
            let _ = write!(
                out,
                "<span class=\"line\"><span class=\"mark\" aria-hidden=\"true\"> </span>{}</span>",
                esc(line)
            );
        }
    }
    out
}

fn failed_sample_html(f: &FailedSample) -> String {
    let (expected, actual) = html::diff_lines(&f.expected, &f.actual);
    let custom = f.name == "custom";
    let heading = if custom {
        "Your run".to_string()
    } else {
        format!(
            "Failed on sample <code>{}</code>",
            esc(short_name("sample", &f.name))
        )
    };
    format!(
        "<section class=\"failed-sample\" aria-labelledby=\"failed-heading\">\n\
         <h2 id=\"failed-heading\">{heading}</h2>\n\
         <p class=\"hint\">Lines marked <span class=\"mark-sample\">≠</span> differ between the expected output and yours.</p>\n\
         <div class=\"diff\">\n\
         <div class=\"diff-col\"><h3>Input</h3><pre class=\"io\">{input}</pre></div>\n\
         <div class=\"diff-col\"><h3>Expected output</h3><pre class=\"io lines\">{expected}</pre></div>\n\
         <div class=\"diff-col\"><h3>Your output</h3><pre class=\"io lines\">{actual}</pre></div>\n\
         </div>\n</section>\n",
        input = esc(&f.input),
        expected = marked_lines(&expected),
        actual = marked_lines(&actual),
    )
}

/// The parts of the result that only a finished submission has.
fn details_html(v: &SubmissionView) -> String {
    let mut out = String::new();
    if let Some(m) = &v.compile_message {
        let _ = write!(
            out,
            "<section class=\"compile\" aria-labelledby=\"compile-heading\">\n<h2 id=\"compile-heading\">Compiler output</h2>\n<pre class=\"io\">{}</pre>\n</section>\n",
            esc(m)
        );
    }
    if let Some(m) = &v.judge_error {
        let _ = write!(
            out,
            "<section class=\"judge-error\" aria-labelledby=\"je-heading\">\n<h2 id=\"je-heading\">Judge error</h2>\n\
             <p>Something failed on the judge's side; this is not your program's fault. Please submit again later.</p>\n\
             <pre class=\"io\">{}</pre>\n</section>\n",
            esc(m)
        );
    }
    if let Some(f) = &v.failed_sample {
        out.push_str(&failed_sample_html(f));
    }
    out
}

fn state_line(v: &SubmissionView) -> String {
    match v.status.as_str() {
        "queued" => "Waiting in the queue…".into(),
        "compiling" => "Compiling…".into(),
        "running" => "Running the tests…".into(),
        "done" => {
            let n = v.tests.len();
            if v.kind == "run" {
                format!(
                    "Ran on the samples ({n} test{}); not counted.",
                    if n == 1 { "" } else { "s" }
                )
            } else {
                format!("Judged: {n} test{} run.", if n == 1 { "" } else { "s" })
            }
        }
        other => esc(other),
    }
}

fn result_html(v: &SubmissionView, problem_name: &str, source: Option<&str>) -> String {
    let done = v.status == "done";
    let now = jobs::now_ms();
    let verdict = match (&v.verdict, done) {
        (Some(code), true) => html::verdict_badge(code),
        _ => "<span class=\"verdict v-pending\">Judging…</span>".into(),
    };
    let total = v.tests_total.unwrap_or(0);
    let run = v.tests.len() as u64;
    let progress_text = if total > 0 {
        format!("{run} / {total} tests")
    } else {
        format!("{run} tests")
    };
    let dash = "–".to_string();
    let time = v
        .time_ms
        .filter(|_| done)
        .map(html::millis)
        .unwrap_or_else(|| dash.clone());
    let memory = v
        .memory_bytes
        .filter(|_| done)
        .map(|b| html::bytes(b.max(0) as u64))
        .unwrap_or(dash);
    let mut rows = String::new();
    for (i, t) in v.tests.iter().enumerate() {
        rows.push_str(&test_row(i, t));
    }
    let kind = if v.kind == "run" {
        "<span class=\"tag\">Run on samples</span> "
    } else {
        ""
    };
    let source_html = match source {
        Some(s) => format!(
            "<details class=\"source\"><summary>Source code</summary>\n<pre class=\"io\"><code>{}</code></pre>\n</details>\n",
            esc(s)
        ),
        None => String::new(),
    };
    format!(
        "<div class=\"result-head\">\n<h1>Submission <code class=\"sid\" title=\"{id}\">{short}</code></h1>\n\
         <p class=\"meta\">{kind}<a href=\"/problems/{phref}\">{pname}</a> · {lang} · {when}</p>\n</div>\n\
         <section id=\"result\" class=\"result\" data-id=\"{id}\" data-status=\"{status}\" data-kind=\"{vkind}\" \
         data-total=\"{total}\" aria-labelledby=\"outcome-heading\">\n\
         <h2 id=\"outcome-heading\" class=\"visually-hidden\">Result</h2>\n\
         <div class=\"outcome\" aria-live=\"polite\">\n<p id=\"verdict\" class=\"big\">{verdict}</p>\n\
         <p id=\"state\" class=\"state-line\">{state}</p>\n</div>\n\
         <div id=\"progress-wrap\" class=\"progress\"{progress_hidden}>\
         <progress id=\"progress\" max=\"{pmax}\" value=\"{run}\" aria-labelledby=\"progress-text\"></progress> \
         <span id=\"progress-text\">{progress_text}</span></div>\n\
         <dl class=\"summary\"><div><dt>Time</dt><dd id=\"time\">{time}</dd></div>\
         <div><dt>Memory</dt><dd id=\"memory\">{memory}</dd></div>\
         <div><dt>Tests run</dt><dd id=\"tests-run\">{run}</dd></div></dl>\n\
         <div id=\"details\">\n{details}</div>\n\
         <h2 id=\"tests-heading\">Tests</h2>\n\
         <div class=\"table-wrap\"><table id=\"tests\" class=\"tests\" aria-labelledby=\"tests-heading\">\n\
         <thead><tr><th scope=\"col\" class=\"num\">#</th><th scope=\"col\">Group</th><th scope=\"col\">Test</th>\
         <th scope=\"col\">Verdict</th><th scope=\"col\" class=\"num\">Time</th><th scope=\"col\" class=\"num\">Memory</th>\
         <th scope=\"col\">Details</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table></div>\n\
         <p class=\"hint\" id=\"tests-note\"{note_hidden}>Judging stops at the first test that fails.</p>\n\
         </section>\n{source_html}\
         <p class=\"links\"><a href=\"/problems/{phref}\">Back to {pname}</a> · \
         <a href=\"/submissions?problem={phref}\">Submissions to this problem</a></p>",
        id = esc(&v.id),
        short = esc(&v.id.chars().take(8).collect::<String>()),
        phref = url_part(&v.problem),
        pname = esc(problem_name),
        lang = esc(&html::language_name(&v.language)),
        when = html::time_element(v.created_at, now),
        status = esc(&v.status),
        vkind = esc(&v.kind),
        state = state_line(v),
        progress_hidden = if done { " hidden" } else { "" },
        note_hidden = if done && v.verdict.as_deref() == Some("AC") {
            " hidden"
        } else {
            ""
        },
        pmax = total.max(run).max(1),
        details = if done { details_html(v) } else { String::new() },
    )
}

pub async fn show(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let view = load_view(&state, &id).await.map_err(|e| match e {
        ApiError::NotFound(_) => ApiError::NotFound(format!("There is no submission “{id}”.")),
        other => other,
    })?;
    let source = state.store().get(&id).await?.map(|r| r.source);
    let problem_name = state
        .problems()
        .get(&view.problem)
        .map(|p| p.name.clone())
        .unwrap_or_else(|| view.problem.clone());
    let done = view.status == "done";
    // Without JavaScript the page reloads itself while judging; the script replaces this with
    // live updates (a refresh inside <noscript> is not applied when scripts run).
    let head = if done {
        String::new()
    } else {
        "<noscript><meta http-equiv=\"refresh\" content=\"1\"></noscript>\n".into()
    };
    let title = match (&view.verdict, done) {
        (Some(v), true) => format!("{} · {}", html::verdict_words(v), problem_name),
        _ => format!("Judging · {problem_name}"),
    };
    let page = Page {
        title: &title,
        nav: Nav::Submissions,
        kind: "result",
        head,
        main: result_html(&view, &problem_name, source.as_deref()),
    };
    Ok(html::respond(StatusCode::OK, page.render()))
}

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    problem: Option<String>,
    #[serde(default)]
    mine: Option<String>,
}

pub async fn list(
    State(state): State<AppState>,
    Extension(client): Extension<ClientId>,
    Query(query): Query<ListQuery>,
) -> Result<Response, PageError> {
    let problems = state.problems();
    let problem = query.problem.filter(|p| !p.trim().is_empty());
    let mine = query
        .mine
        .as_deref()
        .is_some_and(|m| matches!(m, "1" | "on" | "true" | "yes"));
    let rows = state
        .store()
        .recent(problem.as_deref(), mine.then_some(client.0.as_str()), 100)
        .await?;
    let now = jobs::now_ms();
    let name_of = |id: &str| {
        problems
            .get(id)
            .map(|p| p.name.clone())
            .unwrap_or_else(|| id.to_string())
    };

    let mut options = String::from("<option value=\"\">All problems</option>");
    for p in problems.iter() {
        let selected = if problem.as_deref() == Some(p.id.as_str()) {
            " selected"
        } else {
            ""
        };
        let _ = write!(
            options,
            "<option value=\"{id}\"{selected}>{name}</option>",
            id = esc(&p.id),
            name = esc(&p.name)
        );
    }
    let mut body = String::new();
    for r in &rows {
        let outcome = match (&r.verdict, r.status.as_str()) {
            (Some(v), "done") => html::verdict_badge(v),
            _ => format!(
                "<span class=\"verdict v-pending\">{}</span>",
                html::status_words(&r.status)
            ),
        };
        let time = match (r.time_ms, r.status.as_str()) {
            (Some(t), "done") => html::millis(t),
            _ => "–".into(),
        };
        let _ = writeln!(
            body,
            "<tr><td>{when}</td><td><a href=\"/problems/{phref}\">{pname}</a></td><td>{lang}</td>\
             <td><a href=\"/submissions/{href}\" aria-label=\"Result of submission {short}\">{outcome}</a></td>\
             <td class=\"num\">{time}</td></tr>",
            when = html::time_element(r.created_at, now),
            phref = url_part(&r.problem),
            pname = esc(&name_of(&r.problem)),
            lang = esc(&html::language_name(&r.language)),
            href = url_part(&r.id),
            short = esc(&r.id.chars().take(8).collect::<String>()),
        );
    }
    let table = if rows.is_empty() {
        "<p class=\"empty\">No submissions yet.</p>".to_string()
    } else {
        format!(
            "<div class=\"table-wrap\"><table class=\"submissions\">\n\
             <thead><tr><th scope=\"col\">When</th><th scope=\"col\">Problem</th><th scope=\"col\">Language</th>\
             <th scope=\"col\">Verdict</th><th scope=\"col\" class=\"num\">Time</th></tr></thead>\n\
             <tbody>\n{body}</tbody>\n</table></div>"
        )
    };
    let heading = match (mine, &problem) {
        (true, Some(p)) => format!("Your submissions to {}", esc(&name_of(p))),
        (true, None) => "Your submissions".into(),
        (false, Some(p)) => format!("Submissions to {}", esc(&name_of(p))),
        (false, None) => "Recent submissions".into(),
    };
    let main = format!(
        "<h1>{heading}</h1>\n\
         <form class=\"filters\" method=\"get\" action=\"/submissions\">\n\
         <div class=\"field inline\"><label for=\"problem\">Problem</label>\
         <select id=\"problem\" name=\"problem\">{options}</select></div>\n\
         <div class=\"field inline check\"><input type=\"checkbox\" id=\"mine\" name=\"mine\" value=\"1\"{checked}>\
         <label for=\"mine\">Only mine (this browser)</label></div>\n\
         <button type=\"submit\">Show</button>\n</form>\n{table}",
        checked = if mine { " checked" } else { "" },
    );
    let page = Page {
        title: "Submissions",
        nav: Nav::Submissions,
        kind: "submissions",
        head: String::new(),
        main,
    };
    Ok(html::respond(StatusCode::OK, page.render()))
}
