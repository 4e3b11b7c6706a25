//! The API's one error type: every failure a client can cause or meet, with its HTTP status and
//! a JSON body `{"error": "<code>", "message": "..."}`. Nothing a client sends becomes a 500.

use std::time::Duration;

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// The body of every error answer.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// A stable code: bad_request, not_found, unprocessable, too_large, unauthorized,
    /// rate_limited, queue_full, unavailable, internal.
    pub error: String,
    pub message: String,
}

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Unprocessable(String),
    #[error("{0}")]
    TooLarge(String),
    #[error("{0}")]
    Unauthorized(String),
    #[error("too many requests: try again in {} s", .0.as_secs().max(1))]
    RateLimited(Duration),
    #[error("the judge queue is full: try again in {} s", .0.as_secs().max(1))]
    QueueFull(Duration),
    #[error("{0}")]
    Unavailable(String),
    #[error("{0}")]
    Internal(String),
}

impl ApiError {
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Unprocessable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
            ApiError::QueueFull(_) | ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            ApiError::BadRequest(_) => "bad_request",
            ApiError::NotFound(_) => "not_found",
            ApiError::Unprocessable(_) => "unprocessable",
            ApiError::TooLarge(_) => "too_large",
            ApiError::Unauthorized(_) => "unauthorized",
            ApiError::RateLimited(_) => "rate_limited",
            ApiError::QueueFull(_) => "queue_full",
            ApiError::Unavailable(_) => "unavailable",
            ApiError::Internal(_) => "internal",
        }
    }

    fn retry_after(&self) -> Option<Duration> {
        match self {
            ApiError::RateLimited(d) | ApiError::QueueFull(d) => Some(*d),
            ApiError::Unavailable(_) => Some(Duration::from_secs(5)),
            _ => None,
        }
    }
}

impl From<jobs::StoreError> for ApiError {
    fn from(e: jobs::StoreError) -> Self {
        match e {
            jobs::StoreError::Unavailable(_) => ApiError::Unavailable(e.to_string()),
            other => ApiError::Internal(other.to_string()),
        }
    }
}

impl From<jobs::QueueError> for ApiError {
    fn from(e: jobs::QueueError) -> Self {
        ApiError::Unavailable(e.to_string())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if matches!(self, ApiError::Internal(_)) {
            tracing::error!(error = %self, "internal error");
        }
        let mut response = (
            self.status(),
            Json(ErrorBody {
                error: self.code().to_string(),
                message: self.to_string(),
            }),
        )
            .into_response();
        if let Some(after) = self.retry_after()
            && let Ok(v) = HeaderValue::from_str(&after.as_secs().max(1).to_string())
        {
            response.headers_mut().insert(header::RETRY_AFTER, v);
        }
        response
    }
}
