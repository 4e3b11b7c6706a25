//! Markdown statements to HTML with pulldown-cmark: tables, `$…$` and `$$…$$` math (shown by
//! `math`), headings moved one level down (the page's `<h1>` is the problem's name, so a leading
//! `# Name` heading is dropped). Raw HTML in a statement is shown as text, not passed through.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::math;

pub fn render(markdown: &str, title: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_MATH
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION;
    let mut events: Vec<Event> = Parser::new_ext(markdown, options).collect();

    // A first heading that repeats the title.
    if let Some(Event::Start(Tag::Heading {
        level: HeadingLevel::H1,
        ..
    })) = events.first()
        && let Some(end) = events
            .iter()
            .position(|e| matches!(e, Event::End(TagEnd::Heading(_))))
    {
        let text: String = events[1..end]
            .iter()
            .filter_map(|e| match e {
                Event::Text(t) | Event::Code(t) => Some(t.to_string()),
                _ => None,
            })
            .collect();
        if text.trim().eq_ignore_ascii_case(title.trim()) {
            events.drain(..=end);
        }
    }

    let lower = |level: HeadingLevel| match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    };
    let events = events.into_iter().map(|e| match e {
        Event::InlineMath(tex) => Event::InlineHtml(math::inline(&tex).into()),
        Event::DisplayMath(tex) => Event::InlineHtml(math::display(&tex).into()),
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: lower(level),
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(lower(level))),
        other => other,
    });
    let mut html = String::with_capacity(markdown.len() * 2);
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_math_tables_and_no_raw_html() {
        let md = "# A plus B\n\nRead $a$ and $b$ ($a \\le 10^9$).\n\n## Input\n\n\
                  | x | y |\n|---|---|\n| 1 | $n$ |\n\n<script>alert(1)</script>\n\n$$a+b$$\n";
        let html = render(md, "A plus B");
        assert!(!html.contains("<h2>A plus B"), "{html}");
        assert!(html.contains("<h3>Input</h3>"), "{html}");
        assert!(
            html.contains("<span class=\"math\"><i>a</i> ≤ 10<sup>9</sup></span>"),
            "{html}"
        );
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("math display"), "{html}");
    }

    #[test]
    fn keeps_a_first_heading_that_is_not_the_title() {
        let html = render("# Story\n\ntext", "A plus B");
        assert!(html.contains("<h2>Story</h2>"), "{html}");
    }
}
