//! The web pages, served by the same process on the same functions as the JSON API: the problem
//! list, a problem with its submit form, a submission's result (live with JavaScript, refreshing
//! itself without), recent submissions, and the judge's status. Pages are rendered on the
//! server and work without JavaScript; `assets/app.js` adds live updates and editor comforts.
//!
//! Every browser gets an anonymous id in the `judge_client` cookie on its first visit; the form
//! submits with it as the client id, and "my submissions" filters on it.

mod assets;
pub mod html;
pub mod latex;
pub mod markdown;
pub mod math;
mod problems;
mod status;
mod submissions;

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::ApiError;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    let pages = Router::new()
        .route("/", get(problems::list))
        .route("/problems/{id}", get(problems::show))
        .route(
            "/problems/{id}/submit",
            get(problems::submit_get).post(problems::submit),
        )
        .route("/submissions", get(submissions::list))
        .route("/submissions/{id}", get(submissions::show))
        .route("/status", get(status::show))
        .layer(axum::middleware::from_fn(client_cookie));
    Router::new()
        .route("/assets/{name}", get(assets::serve))
        .merge(pages)
}

/// The cookie holding a browser's anonymous id.
pub const CLIENT_COOKIE: &str = "judge_client";

/// The anonymous id of the browser making the request (a request extension).
#[derive(Debug, Clone)]
pub struct ClientId(pub String);

/// The value of cookie `name` in the request's `Cookie` headers.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim().trim_matches('"').to_string())
}

fn valid_client_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// Gives the request its browser's id, and a browser without one a new id in a cookie.
async fn client_cookie(mut request: Request, next: Next) -> Response {
    let known = cookie(request.headers(), CLIENT_COOKIE).filter(|id| valid_client_id(id));
    let fresh = known.is_none();
    let id = known.unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    request.extensions_mut().insert(ClientId(id.clone()));
    let mut response = next.run(request).await;
    if fresh
        && let Ok(v) = HeaderValue::from_str(&format!(
            "{CLIENT_COOKIE}={id}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly"
        ))
    {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
    response
}

/// The HTML 404 page.
pub fn not_found_page(message: &str) -> Response {
    html::message_page(StatusCode::NOT_FOUND, "Page not found", message)
}

/// Whether the client asked for HTML (a browser), from its `Accept` header.
pub fn wants_html(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.contains("text/html"))
}

/// A failure while building a page, shown as the HTML error page (or the 404 page).
#[derive(Debug)]
pub struct PageError(pub ApiError);

impl From<ApiError> for PageError {
    fn from(e: ApiError) -> Self {
        PageError(e)
    }
}

impl From<jobs::StoreError> for PageError {
    fn from(e: jobs::StoreError) -> Self {
        PageError(e.into())
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let status = self.0.status();
        match self.0 {
            ApiError::NotFound(message) => not_found_page(&message),
            ApiError::Internal(message) => {
                tracing::error!(error = %message, "page failed");
                html::message_page(
                    status,
                    "Something went wrong",
                    "The judge failed to build this page. Please try again; if it keeps \
                     happening, tell the people who run this judge.",
                )
            }
            ApiError::Unavailable(message) => html::message_page(
                status,
                "The judge is unavailable",
                &format!(
                    "Part of the judge is not reachable right now ({message}). Please try again in a moment."
                ),
            ),
            other => html::message_page(status, "Something went wrong", &other.to_string()),
        }
    }
}
