//! The problem set and the languages.

use axum::Json;
use axum::extract::{Path, State};
use judge::problem::{StatementFormat, TestGroup};
use sandbox::Language;
use serde_json::{Value, json};

use crate::ApiError;
use crate::state::AppState;

/// The problems, with limits and accepted/tried counts.
#[utoipa::path(get, path = "/api/v1/problems", responses((status = 200, description = "A list of problems")))]
pub async fn list(State(state): State<AppState>) -> Result<Json<Value>, ApiError> {
    let counts = state.store().problem_counts().await.unwrap_or_default();
    let problems: Vec<Value> = state
        .problems()
        .iter()
        .map(|p| {
            let c = counts.iter().find(|c| c.problem == p.id);
            json!({
                "id": p.id,
                "name": p.name,
                "time_limit_ms": p.limits.time_limit.as_millis() as u64,
                "memory_mib": p.limits.memory_bytes >> 20,
                "accepted": c.map(|c| c.accepted).unwrap_or(0),
                "tried": c.map(|c| c.tried).unwrap_or(0),
            })
        })
        .collect();
    Ok(Json(json!(problems)))
}

/// A problem: statement, samples, limits, languages.
#[utoipa::path(get, path = "/api/v1/problems/{id}", params(("id" = String, Path)),
    responses((status = 200, description = "The problem"), (status = 404, body = crate::error::ErrorBody)))]
pub async fn show(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let p = state
        .problems()
        .get(&id)
        .ok_or_else(|| ApiError::NotFound(format!("no problem `{id}`")))?;
    let samples: Vec<Value> = p
        .tests
        .iter()
        .filter(|t| t.group == TestGroup::Sample)
        .map(|t| {
            json!({
                "name": t.name,
                "input": std::fs::read_to_string(&t.input).unwrap_or_default(),
                "output": std::fs::read_to_string(&t.answer).unwrap_or_default(),
            })
        })
        .collect();
    Ok(Json(json!({
        "id": p.id,
        "name": p.name,
        "statement": p.statement.as_ref().map(|s| json!({
            "format": match s.format { StatementFormat::Markdown => "markdown", StatementFormat::Latex => "latex" },
            "text": s.text,
        })),
        "limits": {
            "time_limit_ms": p.limits.time_limit.as_millis() as u64,
            "memory_mib": p.limits.memory_bytes >> 20,
            "output_mib": p.limits.output_bytes >> 20,
        },
        "samples": samples,
        "languages": Language::ALL.map(|l| l.id()),
    })))
}

/// The languages and whether each toolchain is installed.
#[utoipa::path(get, path = "/api/v1/languages", responses((status = 200, description = "A list of languages")))]
pub async fn languages(State(state): State<AppState>) -> Json<Value> {
    let langs: Vec<Value> = Language::ALL
        .iter()
        .map(|l| {
            json!({
                "id": l.id(),
                "name": l.name(),
                "installed": state.toolchains().check(*l).is_ok(),
            })
        })
        .collect();
    Json(json!(langs))
}
