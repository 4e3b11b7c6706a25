//! Trace ids: every request gets one, taken from an incoming W3C `traceparent` or `x-request-id`
//! when present, else new. It is returned in `x-trace-id`, recorded on the request's log span,
//! stored with a submission and carried to the worker that judges it.

use axum::extract::Request;
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use tracing::Instrument;

/// The trace id of the current request (an extension set by `middleware`).
#[derive(Debug, Clone)]
pub struct TraceId(pub String);

pub const HEADER: &str = "x-trace-id";

/// The trace id from `traceparent` (`00-<32 hex>-<16 hex>-<2 hex>`) or `x-request-id`.
pub fn from_headers(headers: &axum::http::HeaderMap) -> Option<String> {
    if let Some(tp) = headers.get("traceparent").and_then(|v| v.to_str().ok()) {
        let parts: Vec<&str> = tp.trim().split('-').collect();
        if parts.len() == 4
            && parts[1].len() == 32
            && parts[1].chars().all(|c| c.is_ascii_hexdigit())
            && parts[1] != "00000000000000000000000000000000"
        {
            return Some(parts[1].to_ascii_lowercase());
        }
    }
    headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| !v.is_empty() && v.len() <= 128 && v.chars().all(|c| c.is_ascii_graphic()))
        .map(str::to_string)
}

pub async fn middleware(mut request: Request, next: Next) -> Response {
    let id = from_headers(request.headers())
        .unwrap_or_else(|| uuid::Uuid::new_v4().simple().to_string());
    request.extensions_mut().insert(TraceId(id.clone()));
    let span = tracing::info_span!(
        "request",
        trace_id = %id,
        method = %request.method(),
        path = %request.uri().path()
    );
    let mut response = next.run(request).instrument(span).await;
    if let Ok(v) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(HEADER, v);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traceparent_wins_then_request_id() {
        let mut h = axum::http::HeaderMap::new();
        h.insert("x-request-id", HeaderValue::from_static("req-7"));
        assert_eq!(from_headers(&h).as_deref(), Some("req-7"));
        h.insert(
            "traceparent",
            HeaderValue::from_static("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"),
        );
        assert_eq!(
            from_headers(&h).as_deref(),
            Some("4bf92f3577b34da6a3ce929d0e0e4736")
        );
        h.insert("traceparent", HeaderValue::from_static("garbage"));
        assert_eq!(from_headers(&h).as_deref(), Some("req-7"));
    }
}
