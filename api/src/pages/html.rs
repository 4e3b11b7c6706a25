//! The pieces every page is built from: escaping, the layout around a page, and formatting of
//! times, sizes and verdicts. Pages are plain strings; every value that did not come from this
//! crate goes through `esc` (text and attribute values alike).

use std::fmt::Write;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::assets;

/// Escapes text for HTML element content and quoted attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Percent-encodes a value for a URL path segment or query value.
pub fn url_part(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Which item of the top navigation is the current one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    Problems,
    Submissions,
    Status,
    None,
}

/// A whole page: the layout around `main` (already HTML).
pub struct Page<'a> {
    pub title: &'a str,
    pub nav: Nav,
    /// The `data-page` of `<body>`, which tells the script what to set up.
    pub kind: &'a str,
    /// Extra elements in `<head>` (already HTML).
    pub head: String,
    pub main: String,
}

impl Page<'_> {
    pub fn render(&self) -> String {
        let nav_item = |nav: Nav, href: &str, label: &str| {
            let current = if nav == self.nav {
                " aria-current=\"page\""
            } else {
                ""
            };
            format!("<li><a href=\"{href}\"{current}>{label}</a></li>")
        };
        format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"color-scheme\" content=\"light dark\">\n\
             <title>{title} · Judge</title>\n\
             <link rel=\"icon\" href=\"{favicon}\" type=\"image/svg+xml\">\n\
             <link rel=\"stylesheet\" href=\"{css}\">\n\
             <script src=\"{js}\" defer></script>\n{head}</head>\n\
             <body data-page=\"{kind}\">\n\
             <a class=\"skip\" href=\"#main\">Skip to content</a>\n\
             <header class=\"top\"><nav aria-label=\"Main\"><a class=\"brand\" href=\"/\">Judge</a>\
             <ul>{problems}{submissions}{status}</ul></nav></header>\n\
             <main id=\"main\" tabindex=\"-1\">\n{main}\n</main>\n\
             <footer class=\"bottom\"><p>Online judge · <a href=\"/api/v1/problems\">JSON API</a></p></footer>\n\
             </body>\n</html>\n",
            title = esc(self.title),
            favicon = assets::url("favicon.svg"),
            css = assets::url("style.css"),
            js = assets::url("app.js"),
            head = self.head,
            kind = esc(self.kind),
            problems = nav_item(Nav::Problems, "/", "Problems"),
            submissions = nav_item(Nav::Submissions, "/submissions", "Submissions"),
            status = nav_item(Nav::Status, "/status", "Status"),
            main = self.main,
        )
    }
}

/// The headers every page carries: HTML, not cached, and a policy that runs only our own script
/// (no inline script, so an escaping slip still cannot run code).
pub fn respond(status: StatusCode, html: String) -> Response {
    let mut response = (status, html).into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
             frame-ancestors 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    response
}

/// A short page with a heading and a message: the 404 page and the error page.
pub fn message_page(status: StatusCode, heading: &str, message: &str) -> Response {
    let main = format!(
        "<section class=\"message-page\">\n<p class=\"status-code\">{code}</p>\n<h1>{heading}</h1>\n\
         <p>{message}</p>\n<p><a href=\"/\">Back to the problems</a> · \
         <a href=\"/submissions\">Recent submissions</a></p>\n</section>",
        code = status.as_u16(),
        heading = esc(heading),
        message = esc(message),
    );
    let page = Page {
        title: heading,
        nav: Nav::None,
        kind: "message",
        head: String::new(),
        main,
    };
    respond(status, page.render())
}

/// The verdict's words for its code.
pub fn verdict_words(code: &str) -> &'static str {
    match code {
        "AC" => "Accepted",
        "WA" => "Wrong Answer",
        "TLE" => "Time Limit Exceeded",
        "MLE" => "Memory Limit Exceeded",
        "OLE" => "Output Limit Exceeded",
        "RTE" => "Run-Time Error",
        "CE" => "Compile Error",
        "JE" => "Judge Error",
        _ => "Unknown verdict",
    }
}

/// A verdict as a badge: its words, with a symbol and a colour from its class.
pub fn verdict_badge(code: &str) -> String {
    let known = matches!(
        code,
        "AC" | "WA" | "TLE" | "MLE" | "OLE" | "RTE" | "CE" | "JE"
    );
    let class = if known { code } else { "unknown" };
    format!(
        "<span class=\"verdict v-{class}\" title=\"{code}\">{words}</span>",
        code = esc(code),
        words = verdict_words(code),
    )
}

/// A submission's state in words.
pub fn status_words(status: &str) -> &'static str {
    match status {
        "queued" => "In queue",
        "compiling" => "Compiling",
        "running" => "Running",
        "done" => "Done",
        _ => "Unknown",
    }
}

pub fn language_name(id: &str) -> String {
    sandbox::Language::from_id(id)
        .map(|l| l.name().to_string())
        .unwrap_or_else(|| id.to_string())
}

/// Milliseconds, to a precision that reads well: `0.42 ms`, `12 ms`, `1.25 s`.
pub fn millis(ms: f64) -> String {
    if !ms.is_finite() || ms < 0.0 {
        "–".into()
    } else if ms < 10.0 {
        format!("{ms:.1} ms")
    } else if ms < 1000.0 {
        format!("{ms:.0} ms")
    } else {
        format!("{:.2} s", ms / 1000.0)
    }
}

/// A limit in seconds: `1 s`, `1.5 s`.
pub fn seconds(d: std::time::Duration) -> String {
    let s = d.as_secs_f64();
    let text = format!("{s:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{text} s")
}

/// Bytes as KiB or MiB.
pub fn bytes(b: u64) -> String {
    if b >= 1 << 20 {
        let mib = b as f64 / (1u64 << 20) as f64;
        if mib >= 100.0 || mib.fract() == 0.0 {
            format!("{mib:.0} MiB")
        } else {
            format!("{mib:.1} MiB")
        }
    } else if b >= 1 << 10 {
        format!("{:.0} KiB", b as f64 / 1024.0)
    } else {
        format!("{b} B")
    }
}

/// Days since 1970-01-01 to (year, month, day) in the proleptic Gregorian calendar.
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// `2024-05-01T12:34:56Z`.
pub fn iso_time(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let (y, mo, d) = civil(secs.div_euclid(86_400));
    let t = secs.rem_euclid(86_400);
    format!(
        "{y:04}-{mo:02}-{d:02}T{:02}:{:02}:{:02}Z",
        t / 3600,
        t / 60 % 60,
        t % 60
    )
}

/// How long ago `ms` was, from `now_ms`: `just now`, `5 s ago`, `3 min ago`, `2 h ago`, or a date.
pub fn ago(ms: i64, now_ms: i64) -> String {
    let secs = (now_ms - ms).max(0) / 1000;
    match secs {
        0..=2 => "just now".into(),
        3..=59 => format!("{secs} s ago"),
        60..=3599 => format!("{} min ago", secs / 60),
        3600..=86_399 => format!("{} h ago", secs / 3600),
        _ => iso_time(ms)[..10].to_string(),
    }
}

/// A `<time>` element showing how long ago, with the exact UTC time as its title.
pub fn time_element(ms: i64, now_ms: i64) -> String {
    let iso = iso_time(ms);
    format!(
        "<time datetime=\"{iso}\" title=\"{title}\">{ago}</time>",
        title = iso.replace('T', " ").replace('Z', " UTC"),
        ago = ago(ms, now_ms)
    )
}

/// Lines, each with whether it differs from the other side's line at the same place.
pub type MarkedLines<'a> = Vec<(&'a str, bool)>;

/// The lines of `expected` and `actual`, each with whether it differs from the other's line
/// at the same place (ignoring trailing whitespace, as the default validator does).
pub fn diff_lines<'a>(expected: &'a str, actual: &'a str) -> (MarkedLines<'a>, MarkedLines<'a>) {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    let differs = |i: usize| e.get(i).map(|l| l.trim_end()) != a.get(i).map(|l| l.trim_end());
    (
        e.iter()
            .enumerate()
            .map(|(i, l)| (*l, differs(i)))
            .collect(),
        a.iter()
            .enumerate()
            .map(|(i, l)| (*l, differs(i)))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            esc("<script>alert(\"x\" & 'y')</script>"),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;"
        );
        assert_eq!(esc("plain"), "plain");
    }

    #[test]
    fn formats_times_and_sizes() {
        assert_eq!(seconds(std::time::Duration::from_millis(1000)), "1 s");
        assert_eq!(seconds(std::time::Duration::from_millis(1500)), "1.5 s");
        assert_eq!(bytes(256 << 20), "256 MiB");
        assert_eq!(bytes(3 << 19), "1.5 MiB");
        assert_eq!(bytes(2048), "2 KiB");
        assert_eq!(millis(0.42), "0.4 ms");
        assert_eq!(millis(12.4), "12 ms");
        assert_eq!(millis(1250.0), "1.25 s");
        assert_eq!(iso_time(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso_time(1_709_210_096_000), "2024-02-29T12:34:56Z");
        assert_eq!(ago(0, 30_000), "30 s ago");
        assert_eq!(ago(0, 7_200_000), "2 h ago");
    }

    #[test]
    fn marks_differing_lines() {
        let (e, a) = diff_lines("3\n4\n5\n", "3\n5\n");
        assert_eq!(e, vec![("3", false), ("4", true), ("5", true)]);
        assert_eq!(a, vec![("3", false), ("5", true)]);
        let (e, _) = diff_lines("a \n", "a\n");
        assert_eq!(e, vec![("a ", false)]);
    }

    #[test]
    fn percent_encodes() {
        assert_eq!(url_part("a b&c"), "a%20b%26c");
    }
}
