//! The problem list, a problem's page with its submit form, and the form's handler.

use std::fmt::Write;

use axum::Extension;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use jobs::{NewSubmission, SubmissionKind};
use judge::problem::{ProblemPackage, StatementFormat, TestGroup};
use sandbox::Language;
use serde::Deserialize;

use super::html::{self, Nav, Page, esc, url_part};
use super::{ClientId, PageError, latex, markdown};
use crate::ApiError;
use crate::routes::submissions::submit as submit_submission;
use crate::state::AppState;
use crate::trace::TraceId;

/// Sample files larger than this are cut on the page.
const SAMPLE_SHOWN_BYTES: usize = 64 * 1024;

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    q: Option<String>,
}

/// Whether a problem matches a search: every word is in its id or name.
fn matches(p: &ProblemPackage, query: &str) -> bool {
    let hay = format!("{} {}", p.id, p.name).to_lowercase();
    query
        .to_lowercase()
        .split_whitespace()
        .all(|word| hay.contains(word))
}

pub async fn list(
    State(state): State<AppState>,
    Query(query): Query<ListQuery>,
) -> Result<Response, PageError> {
    let counts = state.store().problem_counts().await.unwrap_or_default();
    let problems = state.problems();
    let q = query.q.unwrap_or_default();
    let q = q.trim();
    let mut rows = String::new();
    let mut shown = 0;
    for p in problems.iter() {
        if !matches(p, q) {
            continue;
        }
        shown += 1;
        let c = counts.iter().find(|c| c.problem == p.id);
        let (accepted, tried) = c.map(|c| (c.accepted, c.tried)).unwrap_or((0, 0));
        let _ = write!(
            rows,
            "<tr data-search=\"{search}\">\n<td><a href=\"/problems/{href}\">{name}</a> \
             <span class=\"muted id\">{id}</span></td>\n<td class=\"num\">{time}</td>\n\
             <td class=\"num\">{memory}</td>\n<td class=\"num\">\
             <span aria-label=\"{accepted} accepted of {tried} tried\">{accepted} / {tried}</span></td>\n</tr>\n",
            search = esc(&format!("{} {}", p.id, p.name).to_lowercase()),
            href = url_part(&p.id),
            name = esc(&p.name),
            id = esc(&p.id),
            time = html::seconds(p.limits.time_limit),
            memory = html::bytes(p.limits.memory_bytes),
        );
    }
    let empty = if shown == 0 {
        "<p class=\"empty\" id=\"no-match\">No problem matches your search.</p>"
    } else {
        "<p class=\"empty\" id=\"no-match\" hidden>No problem matches your search.</p>"
    };
    let main = format!(
        "<h1>Problems</h1>\n\
         <form class=\"search\" role=\"search\" method=\"get\" action=\"/\">\n\
         <label for=\"q\">Search problems</label>\n\
         <div class=\"search-row\"><input type=\"search\" id=\"q\" name=\"q\" value=\"{q}\" \
         placeholder=\"Name or id\" autocomplete=\"off\" data-filter=\"problem-table\">\n\
         <button type=\"submit\">Search</button></div>\n</form>\n\
         <div class=\"table-wrap\"><table id=\"problem-table\" class=\"problems\">\n\
         <caption class=\"visually-hidden\">Problems, with their limits and how many submissions were accepted</caption>\n\
         <thead><tr><th scope=\"col\">Problem</th><th scope=\"col\" class=\"num\">Time limit</th>\
         <th scope=\"col\" class=\"num\">Memory limit</th><th scope=\"col\" class=\"num\">Accepted / tried</th></tr></thead>\n\
         <tbody>\n{rows}</tbody>\n</table></div>\n{empty}",
        q = esc(q),
    );
    let page = Page {
        title: "Problems",
        nav: Nav::Problems,
        kind: "problems",
        head: String::new(),
        main,
    };
    Ok(html::respond(StatusCode::OK, page.render()))
}

/// The form field an error belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Language,
    Source,
    Form,
}

/// What the submit form shows: the user's input again, and an error after a failed submit.
#[derive(Debug, Default)]
struct FormState {
    language: Option<String>,
    source: String,
    error: Option<(Field, String)>,
}

fn read_sample(path: &std::path::Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_default();
    let cut = bytes.len() > SAMPLE_SHOWN_BYTES;
    let mut text =
        String::from_utf8_lossy(&bytes[..bytes.len().min(SAMPLE_SHOWN_BYTES)]).into_owned();
    if cut {
        text.push_str("\n…");
    }
    text
}

fn statement_html(p: &ProblemPackage) -> String {
    match &p.statement {
        Some(s) => match s.format {
            StatementFormat::Markdown => markdown::render(&s.text, &p.name),
            StatementFormat::Latex => latex::render(&s.text),
        },
        None => "<p class=\"muted\">This problem has no statement.</p>".into(),
    }
}

fn samples_html(p: &ProblemPackage) -> String {
    let samples: Vec<_> = p
        .tests
        .iter()
        .filter(|t| t.group == TestGroup::Sample)
        .collect();
    if samples.is_empty() {
        return String::new();
    }
    let mut out = String::from(
        "<section class=\"samples\" aria-labelledby=\"samples-heading\">\n<h2 id=\"samples-heading\">Samples</h2>\n",
    );
    for (i, t) in samples.iter().enumerate() {
        let n = i + 1;
        let block = |kind: &str, label: &str, text: &str| {
            format!(
                "<div class=\"sample-block\">\n<div class=\"sample-head\"><h4 id=\"sample-{n}-{kind}-label\">{label}</h4>\
                 <button type=\"button\" class=\"copy small\" data-copy=\"sample-{n}-{kind}\" hidden \
                 aria-label=\"Copy sample {n} {lower}\">Copy</button></div>\n\
                 <pre id=\"sample-{n}-{kind}\" aria-labelledby=\"sample-{n}-{kind}-label\">{text}</pre>\n</div>\n",
                lower = label.to_lowercase(),
                text = esc(text),
            )
        };
        let _ = write!(
            out,
            "<div class=\"sample\">\n<h3>Sample {n}</h3>\n<div class=\"sample-pair\">\n{input}{output}</div>\n</div>\n",
            input = block("input", "Input", &read_sample(&t.input)),
            output = block("output", "Output", &read_sample(&t.answer)),
        );
    }
    out.push_str("</section>\n");
    out
}

fn form_html(p: &ProblemPackage, form: &FormState) -> String {
    let error_for = |field: Field| match &form.error {
        Some((f, message)) if *f == field => Some(message.as_str()),
        _ => None,
    };
    let chosen = form.language.as_deref().unwrap_or("python");
    let mut options = String::new();
    if Language::from_id(chosen).is_none() {
        // What was sent is not a language: ask for one rather than preselect another.
        options.push_str("<option value=\"\" selected>Choose a language…</option>");
    }
    for l in Language::ALL {
        let selected = if l.id() == chosen { " selected" } else { "" };
        let _ = write!(
            options,
            "<option value=\"{id}\"{selected}>{name}</option>",
            id = l.id(),
            name = esc(l.name())
        );
    }
    // Focus goes to the field with the error, so a keyboard user lands there.
    let field_error = |field: Field, id: &str| match error_for(field) {
        Some(m) => (
            format!(" aria-invalid=\"true\" autofocus aria-errormessage=\"{id}-error\""),
            format!(
                "<p class=\"field-error\" id=\"{id}-error\"><span aria-hidden=\"true\">⚠ </span>{}</p>\n",
                esc(m)
            ),
        ),
        None => (String::new(), String::new()),
    };
    let (lang_attrs, lang_error) = field_error(Field::Language, "language");
    let (source_attrs, source_error) = field_error(Field::Source, "source");
    let general = match error_for(Field::Form) {
        Some(m) => format!(
            "<p class=\"form-error\" role=\"alert\" id=\"form-error\"><span aria-hidden=\"true\">⚠ </span>{}</p>\n",
            esc(m)
        ),
        None => String::new(),
    };
    // The source after a failed submit is the user's; the browser's remembered language must not
    // replace theirs then.
    let remember = if form.error.is_some() {
        "keep"
    } else {
        "restore"
    };
    // A textarea drops one leading newline: add one so a source starting with one keeps it.
    let lead = if form.source.starts_with('\n') || form.source.starts_with("\r\n") {
        "\n"
    } else {
        ""
    };
    format!(
        "<section class=\"submit\" aria-labelledby=\"submit-heading\">\n\
         <h2 id=\"submit-heading\">Submit a solution</h2>\n\
         <form id=\"submit-form\" method=\"post\" action=\"/problems/{href}/submit\" data-remember=\"{remember}\">\n\
         {general}\
         <div class=\"field\">\n<label for=\"language\">Language</label>\n\
         <select id=\"language\" name=\"language\"{lang_attrs}>{options}</select>\n{lang_error}</div>\n\
         <div class=\"field\">\n<label for=\"source\">Source code</label>\n\
         <div class=\"editor\"><pre class=\"gutter\" aria-hidden=\"true\" hidden></pre>\
         <textarea id=\"source\" name=\"source\" rows=\"18\" spellcheck=\"false\" autocomplete=\"off\" \
         autocapitalize=\"off\" autocorrect=\"off\" wrap=\"off\" aria-describedby=\"source-help\"{source_attrs}>{lead}{source}</textarea></div>\n\
         {source_error}<p class=\"hint\" id=\"source-help\" hidden>Tab inserts four spaces; press Esc, then Tab, to move on. \
         Ctrl+Enter submits.</p>\n</div>\n\
         <div class=\"actions\">\
         <button type=\"submit\" name=\"action\" value=\"run\" class=\"secondary\">Run on samples</button>\
         <button type=\"submit\" name=\"action\" value=\"submit\" class=\"primary\">Submit</button>\
         </div>\n<p class=\"hint\">“Run on samples” only runs the samples and is not counted; \
         “Submit” judges every test.</p>\n</form>\n</section>\n",
        href = url_part(&p.id),
        source = esc(&form.source),
    )
}

/// The client's latest submissions to this problem.
async fn mine_html(state: &AppState, problem: &str, client: &str) -> String {
    let rows = match state.store().recent(Some(problem), Some(client), 5).await {
        Ok(rows) if !rows.is_empty() => rows,
        _ => return String::new(),
    };
    let now = jobs::now_ms();
    let mut out = String::from(
        "<section class=\"mine\" aria-labelledby=\"mine-heading\">\n<h2 id=\"mine-heading\">Your latest submissions</h2>\n<ul class=\"plain\">\n",
    );
    for r in rows {
        let outcome = match (&r.verdict, r.status.as_str()) {
            (Some(v), "done") => html::verdict_badge(v),
            _ => format!(
                "<span class=\"state\">{}</span>",
                html::status_words(&r.status)
            ),
        };
        let _ = writeln!(
            out,
            "<li><a href=\"/submissions/{href}\">{lang}, {when}</a> {outcome}</li>",
            href = url_part(&r.id),
            lang = esc(&html::language_name(&r.language)),
            when = html::time_element(r.created_at, now),
        );
    }
    let _ = write!(
        out,
        "</ul>\n<p><a href=\"/submissions?problem={}&amp;mine=1\">All your submissions to this problem</a></p>\n</section>\n",
        url_part(problem)
    );
    out
}

async fn problem_page(
    state: &AppState,
    p: &ProblemPackage,
    form: &FormState,
    client: &str,
) -> String {
    let main = format!(
        "<div class=\"problem-layout\">\n<article class=\"problem\">\n<h1>{name}</h1>\n\
         <dl class=\"limits\"><div><dt>Time limit</dt><dd>{time}</dd></div>\
         <div><dt>Memory limit</dt><dd>{memory}</dd></div>\
         <div><dt>Problem id</dt><dd><code>{id}</code></dd></div></dl>\n\
         <div class=\"statement\">\n{statement}</div>\n{samples}</article>\n\
         <aside class=\"side\">\n{form}{mine}</aside>\n</div>",
        name = esc(&p.name),
        time = html::seconds(p.limits.time_limit),
        memory = html::bytes(p.limits.memory_bytes),
        id = esc(&p.id),
        statement = statement_html(p),
        samples = samples_html(p),
        form = form_html(p, form),
        mine = mine_html(state, &p.id, client).await,
    );
    Page {
        title: &p.name,
        nav: Nav::Problems,
        kind: "problem",
        head: String::new(),
        main,
    }
    .render()
}

fn no_problem(id: &str) -> PageError {
    PageError(ApiError::NotFound(format!("There is no problem “{id}”.")))
}

pub async fn show(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Extension(client): Extension<ClientId>,
) -> Result<Response, PageError> {
    let p = state.problems().get(&id).ok_or_else(|| no_problem(&id))?;
    let html = problem_page(&state, &p, &FormState::default(), &client.0).await;
    Ok(html::respond(StatusCode::OK, html))
}

#[derive(Debug, Deserialize)]
pub struct SubmitForm {
    #[serde(default)]
    language: String,
    #[serde(default)]
    source: String,
    #[serde(default)]
    action: String,
}

/// A reload of the form's address after a failed submit: back to the problem.
pub async fn submit_get(Path(id): Path<String>) -> Redirect {
    Redirect::to(&format!("/problems/{}", url_part(&id)))
}

/// The form's POST: the same `submit` as the API, then 303 to the result page; on an error the
/// problem page again, with the user's source and language and the message by the field.
pub async fn submit(
    State(state): State<AppState>,
    Path(id): Path<String>,
    trace: Option<Extension<TraceId>>,
    Extension(client): Extension<ClientId>,
    form: Result<Form<SubmitForm>, FormRejection>,
) -> Result<Response, PageError> {
    let p = state.problems().get(&id).ok_or_else(|| no_problem(&id))?;
    let form = match form {
        Ok(Form(form)) => form,
        Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            let state_ = FormState {
                language: None,
                source: String::new(),
                error: Some((
                    Field::Source,
                    format!(
                        "The source is far too large; the limit is {} bytes.",
                        state.config().max_source_bytes
                    ),
                )),
            };
            let html = problem_page(&state, &p, &state_, &client.0).await;
            return Ok(html::respond(StatusCode::PAYLOAD_TOO_LARGE, html));
        }
        Err(rejection) => {
            return Err(PageError(ApiError::BadRequest(format!(
                "The form could not be read: {}",
                rejection.body_text()
            ))));
        }
    };
    // Browsers send a textarea's lines with CRLF.
    let source = form.source.replace("\r\n", "\n");
    let kind = if form.action == "run" {
        SubmissionKind::Run
    } else {
        SubmissionKind::Submission
    };
    let new = NewSubmission {
        id: String::new(),
        problem: p.id.clone(),
        language: form.language.clone(),
        source: source.clone(),
        kind,
        custom_input: None,
        trace_id: trace
            .map(|Extension(t)| t.0)
            .unwrap_or_else(|| uuid::Uuid::new_v4().simple().to_string()),
        callback_url: None,
        client_id: Some(client.0.clone()),
    };
    match submit_submission(&state, new).await {
        Ok(new) => Ok((
            StatusCode::SEE_OTHER,
            [(
                header::LOCATION,
                format!("/submissions/{}", url_part(&new.id)),
            )],
        )
            .into_response()),
        Err(e @ ApiError::NotFound(_)) => Err(PageError(e)),
        Err(e) => {
            let field = if Language::from_id(&form.language).is_none() {
                Field::Language
            } else if matches!(e, ApiError::TooLarge(_) | ApiError::Unprocessable(_)) {
                Field::Source
            } else {
                Field::Form
            };
            let message = match (&e, field) {
                (_, Field::Language) if form.language.is_empty() => {
                    "Choose a language.".to_string()
                }
                (_, Field::Language) => format!(
                    "“{}” is not a language this judge knows; choose one from the list.",
                    form.language
                ),
                (ApiError::Unprocessable(_), Field::Source) if source.trim().is_empty() => {
                    "The source is empty: paste or type your program.".to_string()
                }
                (ApiError::TooLarge(_), _) => format!(
                    "The source is {} bytes; the limit is {} bytes.",
                    source.len(),
                    state.config().max_source_bytes
                ),
                _ => upper_first(&e.to_string()),
            };
            let status = e.status();
            let form_state = FormState {
                language: Some(form.language),
                source,
                error: Some((field, message)),
            };
            let html = problem_page(&state, &p, &form_state, &client.0).await;
            Ok(html::respond(status, html))
        }
    }
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect::<String>() + ".",
        None => String::new(),
    }
}
