//! Liveness, readiness and metrics.

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use serde_json::json;

use crate::state::AppState;

/// The process is up.
#[utoipa::path(get, path = "/healthz", responses((status = 200)))]
pub async fn healthz() -> impl IntoResponse {
    Json(json!({ "status": "ok" }))
}

/// Redis and the database are reachable.
#[utoipa::path(get, path = "/readyz", responses((status = 200), (status = 503)))]
pub async fn readyz(State(state): State<AppState>) -> impl IntoResponse {
    let db = state.store().ping().await;
    let redis = state.queue().ping().await;
    let status = if db.is_ok() && redis.is_ok() {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    let word = |ok: bool| if ok { "ok" } else { "unavailable" };
    (
        status,
        Json(json!({
            "database": word(db.is_ok()),
            "redis": word(redis.is_ok()),
        })),
    )
}

/// Prometheus metrics.
#[utoipa::path(get, path = "/metrics", responses((status = 200, description = "Prometheus text format")))]
pub async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    if let Ok(n) = state.queue().len().await {
        metrics::gauge!("judge_queue_length").set(n as f64);
    }
    if let Ok(workers) = state.queue().workers().await {
        metrics::gauge!("judge_workers").set(workers.len() as f64);
        let busy = workers.iter().filter(|w| w.current.is_some()).count();
        metrics::gauge!("judge_jobs_in_flight").set(busy as f64);
    }
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        crate::metrics::handle().render(),
    )
}
