//! The routes, one module per resource.

pub mod admin;
pub mod health;
pub mod json;
pub mod openapi;
pub mod problems;
pub mod submissions;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(health::metrics))
        .route("/api/v1/submissions", post(submissions::create))
        .route("/api/v1/submissions/{id}", get(submissions::show))
        .route("/api/v1/submissions/{id}/events", get(submissions::events))
        .route("/api/v1/runs", post(submissions::run))
        .route("/api/v1/problems", get(problems::list))
        .route("/api/v1/problems/{id}", get(problems::show))
        .route("/api/v1/languages", get(problems::languages))
        .route("/api/v1/openapi.json", get(openapi::document))
        .route("/api/v1/admin/reload", post(admin::reload))
        .route("/api/v1/admin/requeue/{id}", post(admin::requeue))
        .fallback(|headers: axum::http::HeaderMap| async move {
            if crate::pages::wants_html(&headers) {
                crate::pages::not_found_page("There is nothing at this address.")
            } else {
                axum::response::IntoResponse::into_response(crate::ApiError::NotFound(
                    "no such route".into(),
                ))
            }
        })
}
