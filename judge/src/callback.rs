//! Result callbacks: when a submission with a `callback_url` is done, its result is POSTed there,
//! signed with HMAC-SHA256 of the body under the configured secret (`X-Judge-Signature:
//! sha256=<hex>`), with a timeout and retries with backoff. Delivery runs in its own task: a dead
//! receiver never holds up judging.

use std::time::Duration;

use hmac::{Hmac, Mac};
use sha2::Sha256;
use tracing::{info, warn};

pub const SIGNATURE_HEADER: &str = "x-judge-signature";

#[derive(Debug, Clone)]
pub struct CallbackConfig {
    pub secret: Option<String>,
    pub timeout: Duration,
    pub attempts: u32,
    /// Wait before the second attempt; doubled after each failure.
    pub backoff: Duration,
}

impl Default for CallbackConfig {
    fn default() -> Self {
        CallbackConfig {
            secret: None,
            timeout: Duration::from_secs(5),
            attempts: 4,
            backoff: Duration::from_millis(500),
        }
    }
}

/// `sha256=<hex of HMAC-SHA256(secret, body)>`.
pub fn signature(secret: &str, body: &[u8]) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes())
        .expect("HMAC accepts keys of any length");
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

/// Posts `body` to `url`, retrying; returns the number of attempts made and whether one
/// succeeded (a 2xx answer).
pub async fn deliver(
    client: &reqwest::Client,
    config: &CallbackConfig,
    url: &str,
    body: String,
) -> (u32, bool) {
    let mut wait = config.backoff;
    for attempt in 1..=config.attempts.max(1) {
        let mut req = client
            .post(url)
            .timeout(config.timeout)
            .header("content-type", "application/json");
        if let Some(secret) = &config.secret {
            req = req.header(SIGNATURE_HEADER, signature(secret, body.as_bytes()));
        }
        match req.body(body.clone()).send().await {
            Ok(r) if r.status().is_success() => {
                info!(url, attempt, "callback delivered");
                return (attempt, true);
            }
            Ok(r) => warn!(
                url,
                attempt,
                status = r.status().as_u16(),
                "callback refused"
            ),
            Err(e) => warn!(url, attempt, error = %e, "callback failed"),
        }
        if attempt < config.attempts {
            tokio::time::sleep(wait).await;
            wait *= 2;
        }
    }
    (config.attempts, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_is_the_rfc_4231_hmac_sha256() {
        // RFC 4231 test case 2.
        assert_eq!(
            signature("Jefe", b"what do ya want for nothing?"),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }
}
