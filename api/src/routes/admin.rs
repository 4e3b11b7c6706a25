//! Operator endpoints, behind a bearer token from the configuration.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use judge::problem_set::ProblemSet;
use serde_json::{Value, json};

use crate::ApiError;
use crate::state::AppState;

fn authorize(state: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(token) = &state.config().admin_token else {
        return Err(ApiError::Unauthorized(
            "admin endpoints are disabled: no admin token is configured".into(),
        ));
    };
    let given = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    if given != Some(token.as_str()) {
        return Err(ApiError::Unauthorized(
            "a valid admin bearer token is required".into(),
        ));
    }
    Ok(())
}

/// Reloads the problem set from disk.
#[utoipa::path(post, path = "/api/v1/admin/reload", security(("bearer" = [])),
    responses((status = 200), (status = 401, body = crate::error::ErrorBody)))]
pub async fn reload(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<Value>, ApiError> {
    authorize(&state, &headers)?;
    let config = state.config().clone();
    let set = tokio::task::spawn_blocking(move || {
        ProblemSet::load(&config.problems_dir, &config.cache_dir)
    })
    .await
    .map_err(|e| ApiError::Internal(e.to_string()))?;
    let errors: Vec<Value> = set
        .errors
        .iter()
        .map(|(p, e)| json!({ "path": p, "error": e }))
        .collect();
    let loaded = set.len();
    state.replace_problems(set);
    Ok(Json(json!({ "problems": loaded, "errors": errors })))
}

/// Queues a submission again (if it is not done).
#[utoipa::path(post, path = "/api/v1/admin/requeue/{id}", params(("id" = String, Path)), security(("bearer" = [])),
    responses((status = 200), (status = 401, body = crate::error::ErrorBody), (status = 404, body = crate::error::ErrorBody)))]
pub async fn requeue(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    authorize(&state, &headers)?;
    if state.store().get(&id).await?.is_none() {
        return Err(ApiError::NotFound(format!("no submission `{id}`")));
    }
    let requeued = state.store().requeue(&id).await?;
    if requeued {
        state.queue().push(&id).await?;
    }
    Ok(Json(json!({ "id": id, "requeued": requeued })))
}
