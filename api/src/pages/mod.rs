//! The web pages (served by the same process, on the same API underneath).

use axum::Router;

use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
}
