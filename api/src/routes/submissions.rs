//! Submitting code, reading results, and following them live.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Extension;
use axum::Json;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use futures::Stream;
use jobs::{NewSubmission, Status, SubmissionKind};
use sandbox::Language;
use serde::Deserialize;
use serde_json::json;

use super::json::ApiJson;
use crate::state::AppState;
use crate::trace::TraceId;
use crate::{ApiError, view};

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SubmitRequest {
    pub problem: String,
    pub language: String,
    pub source: String,
    #[serde(default)]
    pub callback_url: Option<String>,
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RunRequest {
    pub problem: String,
    pub language: String,
    pub source: String,
    /// Custom input; without it the samples are run.
    #[serde(default)]
    pub stdin: Option<String>,
}

/// The client a submission comes from: its `x-client-id` header (an anonymous browser id or an
/// API client's name), else its address.
pub fn client_of(headers: &HeaderMap, addr: Option<SocketAddr>) -> String {
    headers
        .get("x-client-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| !v.is_empty() && v.len() <= 64)
        .map(str::to_string)
        .or_else(|| addr.map(|a| a.ip().to_string()))
        .unwrap_or_else(|| "unknown".into())
}

/// Checks and records a submission, then queues it. Shared by the API and the web form.
pub async fn submit(state: &AppState, mut new: NewSubmission) -> Result<NewSubmission, ApiError> {
    let problems = state.problems();
    if problems.get(&new.problem).is_none() {
        return Err(ApiError::NotFound(format!("no problem `{}`", new.problem)));
    }
    if Language::from_id(&new.language).is_none() {
        return Err(ApiError::Unprocessable(format!(
            "unknown language `{}`; known: {}",
            new.language,
            Language::ALL.map(|l| l.id()).join(", ")
        )));
    }
    let max = state.config().max_source_bytes;
    if new.source.len() > max {
        return Err(ApiError::TooLarge(format!(
            "the source is {} bytes; the limit is {max}",
            new.source.len()
        )));
    }
    if new.source.trim().is_empty() {
        return Err(ApiError::Unprocessable("the source is empty".into()));
    }
    if let Some(url) = &new.callback_url
        && !(url.starts_with("http://") || url.starts_with("https://"))
    {
        return Err(ApiError::Unprocessable(
            "callback_url must be an http(s) URL".into(),
        ));
    }
    if let Some(client) = &new.client_id
        && let Some(wait) = state.rate_check(client)
    {
        return Err(ApiError::RateLimited(wait));
    }
    // Redis is asked first: when it is down nothing is recorded and the client gets 503.
    let waiting = state.queue().len().await?;
    if waiting >= state.config().max_queue {
        return Err(ApiError::QueueFull(Duration::from_secs(5)));
    }
    new.id = uuid::Uuid::new_v4().to_string();
    state.store().insert(&new).await?;
    if let Err(e) = state.queue().push(&new.id).await {
        // Recorded: the sweeper queues it once Redis is back.
        tracing::warn!(submission = %new.id, error = %e, "queueing failed; left to the sweeper");
    }
    metrics::counter!("submissions_total", "kind" => new.kind.as_str()).increment(1);
    tracing::info!(submission = %new.id, problem = %new.problem, language = %new.language, "queued");
    Ok(new)
}

/// The answer to a new submission or run.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct Accepted {
    pub id: String,
    /// Always `queued`.
    pub status: String,
    pub problem: String,
    pub language: String,
    pub trace_id: String,
    /// Where to poll the result.
    pub url: String,
}

fn accepted(new: &NewSubmission) -> impl IntoResponse + use<> {
    let body = Accepted {
        id: new.id.clone(),
        status: Status::Queued.as_str().to_string(),
        problem: new.problem.clone(),
        language: new.language.clone(),
        trace_id: new.trace_id.clone(),
        url: format!("/api/v1/submissions/{}", new.id),
    };
    (StatusCode::ACCEPTED, Json(body))
}

/// Submits code to be judged on a problem's samples and secret tests.
#[utoipa::path(post, path = "/api/v1/submissions", request_body = SubmitRequest,
    responses(
        (status = 202, description = "Recorded and queued", body = Accepted),
        (status = 400, description = "Malformed JSON", body = crate::error::ErrorBody),
        (status = 404, description = "Unknown problem", body = crate::error::ErrorBody),
        (status = 413, description = "Source over 64 KiB", body = crate::error::ErrorBody),
        (status = 422, description = "Unknown language", body = crate::error::ErrorBody),
        (status = 429, description = "Over the client's rate", body = crate::error::ErrorBody),
        (status = 503, description = "Queue full, or Redis or the database down", body = crate::error::ErrorBody),
    ))]
pub async fn create(
    State(state): State<AppState>,
    Extension(trace): Extension<TraceId>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    ApiJson(req): ApiJson<SubmitRequest>,
) -> Result<impl IntoResponse, ApiError> {
    let new = NewSubmission {
        id: String::new(),
        problem: req.problem,
        language: req.language,
        source: req.source,
        kind: SubmissionKind::Submission,
        custom_input: None,
        trace_id: trace.0,
        callback_url: req.callback_url,
        client_id: Some(client_of(&headers, Some(addr))),
    };
    Ok(accepted(&submit(&state, new).await?))
}

/// "Run": judges a source on the samples, or on custom input, without a verdict for the problem.
#[utoipa::path(post, path = "/api/v1/runs", request_body = RunRequest,
    responses((status = 202, body = Accepted), (status = 400, body = crate::error::ErrorBody),
        (status = 404, body = crate::error::ErrorBody), (status = 422, body = crate::error::ErrorBody)))]
pub async fn run(
    State(state): State<AppState>,
    Extension(trace): Extension<TraceId>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    ApiJson(req): ApiJson<RunRequest>,
) -> Result<impl IntoResponse, ApiError> {
    if req
        .stdin
        .as_ref()
        .is_some_and(|s| s.len() > state.config().max_source_bytes)
    {
        return Err(ApiError::TooLarge("the custom input is too large".into()));
    }
    let new = NewSubmission {
        id: String::new(),
        problem: req.problem,
        language: req.language,
        source: req.source,
        kind: SubmissionKind::Run,
        custom_input: req.stdin,
        trace_id: trace.0,
        callback_url: None,
        client_id: Some(client_of(&headers, Some(addr))),
    };
    Ok(accepted(&submit(&state, new).await?))
}

/// The view of one submission, or 404.
pub async fn load_view(state: &AppState, id: &str) -> Result<Arc<view::SubmissionView>, ApiError> {
    if let Some(view) = state.finished_view(id) {
        return Ok(view);
    }
    let row = state
        .store()
        .get(id)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("no submission `{id}`")))?;
    let events = if row.status() == Status::Done {
        Vec::new()
    } else {
        state.store().events_after(id, 0).await?
    };
    let problem = state.problems().get(&row.problem);
    let view = Arc::new(view::submission(&row, problem.as_deref(), &events));
    if row.status() == Status::Done {
        state.remember_finished(view.clone());
    }
    Ok(view)
}

/// A submission's state, verdict and per-test results.
#[utoipa::path(get, path = "/api/v1/submissions/{id}", params(("id" = String, Path)),
    responses((status = 200, body = view::SubmissionView), (status = 404, body = crate::error::ErrorBody)))]
pub async fn show(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Arc<view::SubmissionView>>, ApiError> {
    Ok(Json(load_view(&state, &id).await?))
}

#[utoipa::path(get, path = "/api/v1/submissions/{id}/events", params(("id" = String, Path)),
    responses((status = 200, description = "text/event-stream: `status`, `test` and `done` events"),
        (status = 404, body = crate::error::ErrorBody)))]
/// Server-Sent Events: one event per state change and per finished test, then `done`. Each
/// event's id is its sequence number; a client reconnecting with `Last-Event-ID` gets what it
/// missed from the store, then live events.
pub async fn events(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Sse<impl Stream<Item = Result<SseEvent, Infallible>>>, ApiError> {
    let row = state
        .store()
        .get(&id)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("no submission `{id}`")))?;
    let mut last: i64 = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    let mut hints = state.events();
    let shutdown = state.shutdown().clone();
    let store = state.store().clone();
    let created_done = row.status() == Status::Done;
    let stream = async_stream::stream! {
        let mut finished = false;
        loop {
            match store.events_after(&id, last).await {
                Ok(events) => {
                    for e in events {
                        last = e.seq;
                        finished |= e.kind == "done";
                        let data = view::public_event_data(&e.kind, &e.data);
                        yield Ok(SseEvent::default().id(e.seq.to_string()).event(e.kind).data(data));
                    }
                }
                Err(e) => {
                    yield Ok(SseEvent::default().event("error").data(json!({"message": e.to_string()}).to_string()));
                }
            }
            if finished {
                break;
            }
            // Done without a `done` event (its writer died between the two): say so from the row.
            if created_done || matches!(store.get(&id).await, Ok(Some(r)) if r.status() == Status::Done) {
                if let Ok(more) = store.events_after(&id, last).await && !more.is_empty() {
                    continue;
                }
                yield Ok(SseEvent::default().event("done").data("{}"));
                break;
            }
            // Wait for a hint about this submission, or poll in case a hint was lost.
            let wait = async {
                loop {
                    match hints.recv().await {
                        Ok(hinted) if hinted == id => return,
                        Ok(_) => continue,
                        Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => return,
                        Err(tokio::sync::broadcast::error::RecvError::Closed) => {
                            std::future::pending::<()>().await
                        }
                    }
                }
            };
            tokio::select! {
                _ = shutdown.cancelled() => break,
                _ = wait => {}
                _ = tokio::time::sleep(Duration::from_secs(2)) => {}
            }
        }
    };
    Ok(Sse::new(stream).keep_alive(KeepAlive::default()))
}
