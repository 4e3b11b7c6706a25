//! The judge's HTTP server: the REST API under /api/v1, Server-Sent Events for live results,
//! health and metrics. It records submissions in the store and puts them on the Redis queue;
//! workers (in this process or others) judge them. `serve` takes its listener and a shutdown
//! token, so tests start it on port 0 and stop it cleanly.

pub mod bus;
pub mod error;
pub mod metrics;
pub mod pages;
pub mod routes;
pub mod state;
pub mod trace;
pub mod view;

use std::net::SocketAddr;

use axum::Router;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

pub use error::ApiError;
pub use state::{ApiConfig, AppState};

/// Every route of the server.
pub fn router(state: AppState) -> Router {
    routes::router()
        .merge(pages::router())
        .layer(axum::middleware::from_fn(metrics::middleware))
        .layer(axum::middleware::from_fn(trace::middleware))
        .with_state(state)
}

/// Serves until `shutdown` is cancelled, then stops accepting and lets open requests finish.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: CancellationToken,
) -> std::io::Result<()> {
    let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown.cancelled_owned())
        .await
}
