//! Relays Redis pub/sub hints ("submission X has new events") to this instance's SSE streams.
//! Pub/sub is at most once and a dropped connection ends it: the relay resubscribes, and every
//! stream also polls the store, so a lost hint only delays an update.

use std::time::Duration;

use futures::StreamExt;
use jobs::Queue;
use tokio::sync::broadcast;
use tokio_util::sync::CancellationToken;

/// Starts the relay; returns the sender whose receivers see each submission id with news.
pub fn start(queue: Queue, shutdown: CancellationToken) -> broadcast::Sender<String> {
    let (tx, _) = broadcast::channel(4096);
    let sender = tx.clone();
    tokio::spawn(async move {
        while !shutdown.is_cancelled() {
            match queue.subscribe().await {
                Ok(stream) => {
                    let mut stream = Box::pin(stream);
                    loop {
                        tokio::select! {
                            _ = shutdown.cancelled() => return,
                            next = stream.next() => match next {
                                Some(id) => { let _ = tx.send(id); }
                                None => break,
                            },
                        }
                    }
                }
                Err(e) => tracing::warn!(error = %e, "subscribing to events failed"),
            }
            tokio::select! {
                _ = shutdown.cancelled() => return,
                _ = tokio::time::sleep(Duration::from_secs(1)) => {}
            }
        }
    });
    sender
}
