//! The judge's status: the queue, the workers and what they judge, the last hour's verdicts.

use std::fmt::Write;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use super::PageError;
use super::html::{self, Nav, Page, esc, url_part};
use crate::state::AppState;

/// A worker silent for longer than this is shown as not responding (the reaper's threshold).
const ALIVE_MS: i64 = 15_000;

pub async fn show(State(state): State<AppState>) -> Result<Response, PageError> {
    let now = jobs::now_ms();
    let queue = state.queue();
    let waiting = match queue.len().await {
        Ok(n) => format!("{n}"),
        Err(_) => "unknown (the queue is unreachable)".into(),
    };
    let workers = queue.workers().await;
    let verdicts = state
        .store()
        .verdict_counts(now - 3_600_000)
        .await
        .unwrap_or_default();

    let (alive, workers_html) = match workers {
        Err(_) => (
            "unknown".to_string(),
            "<p class=\"empty\">The queue is unreachable, so the workers cannot be listed.</p>"
                .to_string(),
        ),
        Ok(ws) if ws.is_empty() => (
            "0".to_string(),
            "<p class=\"empty\">No worker is running: submissions wait in the queue.</p>".into(),
        ),
        Ok(ws) => {
            let alive = ws
                .iter()
                .filter(|w| now - w.last_seen_ms <= ALIVE_MS)
                .count();
            let mut rows = String::new();
            for w in &ws {
                let ok = now - w.last_seen_ms <= ALIVE_MS;
                let health = if ok {
                    "<span class=\"ok\">✓ Alive</span>"
                } else {
                    "<span class=\"bad\">✗ Not responding</span>"
                };
                let doing = match &w.current {
                    Some(id) => format!(
                        "Judging <a href=\"/submissions/{href}\"><code>{short}</code></a>",
                        href = url_part(id),
                        short = esc(&id.chars().take(8).collect::<String>())
                    ),
                    None => "Idle".into(),
                };
                let _ = writeln!(
                    rows,
                    "<tr><td><code>{id}</code></td><td>{health}</td><td>{seen}</td><td>{doing}</td></tr>",
                    id = esc(&w.id),
                    seen = html::ago(w.last_seen_ms, now),
                );
            }
            (
                format!("{alive} of {}", ws.len()),
                format!(
                    "<div class=\"table-wrap\"><table class=\"workers\">\n<thead><tr><th scope=\"col\">Worker</th>\
                     <th scope=\"col\">Health</th><th scope=\"col\">Last heartbeat</th><th scope=\"col\">Doing</th></tr></thead>\n\
                     <tbody>\n{rows}</tbody>\n</table></div>"
                ),
            )
        }
    };

    let verdicts_html = if verdicts.is_empty() {
        "<p class=\"empty\">No submission was judged in the last hour.</p>".to_string()
    } else {
        let total: i64 = verdicts.iter().map(|(_, n)| n).sum();
        let mut rows = String::new();
        for (code, n) in &verdicts {
            let _ = writeln!(
                rows,
                "<tr><td>{badge}</td><td class=\"num\">{n}</td></tr>",
                badge = html::verdict_badge(code)
            );
        }
        format!(
            "<div class=\"table-wrap\"><table class=\"verdicts\">\n<thead><tr><th scope=\"col\">Verdict</th>\
             <th scope=\"col\" class=\"num\">Count</th></tr></thead>\n<tbody>\n{rows}</tbody>\n\
             <tfoot><tr><th scope=\"row\">Total</th><td class=\"num\">{total}</td></tr></tfoot>\n</table></div>"
        )
    };

    let main = format!(
        "<h1>Judge status</h1>\n\
         <dl class=\"summary big-numbers\"><div><dt>Waiting in the queue</dt><dd id=\"queue-length\">{waiting}</dd></div>\
         <div><dt>Workers alive</dt><dd id=\"workers-alive\">{alive}</dd></div></dl>\n\
         <h2>Workers</h2>\n{workers_html}\n\
         <h2>Verdicts in the last hour</h2>\n{verdicts_html}\n\
         <p class=\"hint\">As of {now_text}. <a href=\"/status\">Refresh</a></p>",
        now_text = html::iso_time(now).replace('T', " ").replace('Z', " UTC"),
    );
    let page = Page {
        title: "Status",
        nav: Nav::Status,
        kind: "status",
        head: String::new(),
        main,
    };
    Ok(html::respond(StatusCode::OK, page.render()))
}
