//! A small LaTeX-to-HTML converter for problem statements (Kattis `problem.en.tex`). It knows
//! the constructs statements use: `\section`, `\subsection` (starred too), `itemize` and
//! `enumerate`, `\emph`, `\textit`, `\textbf`, `\texttt`, `verbatim`, `$…$`, `$$…$$` and `\[…\]`
//! math, paragraphs, `\\`, `~`, dashes and quotes. Other commands keep their arguments' text;
//! other environments keep their contents. Everything is escaped.

use super::html::esc;
use super::math;

pub fn render(tex: &str) -> String {
    let chars: Vec<char> = tex.chars().collect();
    let mut c = Converter {
        s: &chars,
        i: 0,
        out: String::new(),
        para: false,
        lists: Vec::new(),
    };
    c.blocks();
    c.close_paragraph();
    while !c.lists.is_empty() {
        c.end_list();
    }
    c.out
}

struct Converter<'a> {
    s: &'a [char],
    i: usize,
    out: String,
    /// Whether a `<p>` is open.
    para: bool,
    /// Open lists (`ul` or `ol`), each with whether an item is open in it.
    lists: Vec<(&'static str, bool)>,
}

/// Environments whose contents are shown as they are.
fn is_verbatim(env: &str) -> bool {
    matches!(env, "verbatim" | "verbatim*" | "lstlisting" | "Verbatim")
}

fn is_display_math(env: &str) -> bool {
    matches!(
        env,
        "equation"
            | "equation*"
            | "align"
            | "align*"
            | "displaymath"
            | "eqnarray"
            | "eqnarray*"
            | "gather"
            | "gather*"
            | "multline"
            | "multline*"
    )
}

impl Converter<'_> {
    fn peek(&self) -> Option<char> {
        self.s.get(self.i).copied()
    }

    fn starts_with(&self, text: &str) -> bool {
        (self.i..)
            .zip(text.chars())
            .all(|(j, c)| self.s.get(j) == Some(&c))
    }

    fn open_paragraph(&mut self) {
        if !self.para && self.lists.is_empty() {
            self.out.push_str("<p>");
            self.para = true;
        }
    }

    fn close_paragraph(&mut self) {
        if self.para {
            // No trailing space before </p>.
            while self.out.ends_with(' ') {
                self.out.pop();
            }
            self.out.push_str("</p>\n");
            self.para = false;
        }
    }

    /// Raw text up to `end` (consumed); the rest of the input if it never comes.
    fn raw_until(&mut self, end: &str) -> String {
        let start = self.i;
        while self.i < self.s.len() && !self.starts_with(end) {
            self.i += 1;
        }
        let text: String = self.s[start..self.i].iter().collect();
        self.i = (self.i + end.chars().count()).min(self.s.len());
        text
    }

    /// Skips a comment: `%` to the end of the line, with the newline.
    fn skip_comment(&mut self) {
        while let Some(c) = self.peek() {
            self.i += 1;
            if c == '\n' {
                // A comment's newline does not end a paragraph or make a space.
                while self.peek().is_some_and(|c| c == ' ' || c == '\t') {
                    self.i += 1;
                }
                return;
            }
        }
    }

    fn command_name(&mut self) -> String {
        let start = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
            self.i += 1;
        }
        if self.i == start {
            if let Some(c) = self.peek() {
                self.i += 1;
                return c.to_string();
            }
        } else if self.peek() == Some('*') {
            self.i += 1;
        }
        self.s[start..self.i].iter().collect()
    }

    fn skip_spaces(&mut self) {
        while self.peek().is_some_and(|c| c == ' ' || c == '\t') {
            self.i += 1;
        }
    }

    /// An optional `[…]` argument, as raw text.
    fn optional(&mut self) -> Option<String> {
        self.skip_spaces();
        if self.peek() != Some('[') {
            return None;
        }
        self.i += 1;
        Some(self.raw_until("]"))
    }

    /// A `{…}` argument converted as inline text (empty if there is none).
    fn argument(&mut self) -> String {
        self.skip_spaces();
        if self.peek() != Some('{') {
            return String::new();
        }
        self.i += 1;
        let mut html = String::new();
        while let Some(c) = self.peek() {
            if c == '}' {
                self.i += 1;
                break;
            }
            html.push_str(&self.inline());
        }
        html
    }

    /// A `{…}` argument as raw text (environment names, math).
    fn raw_argument(&mut self) -> String {
        self.skip_spaces();
        if self.peek() != Some('{') {
            return String::new();
        }
        self.i += 1;
        let mut depth = 1;
        let start = self.i;
        while let Some(c) = self.peek() {
            match c {
                '\\' => self.i += 1,
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
            self.i += 1;
        }
        let end = self.i.min(self.s.len());
        self.i = (self.i + 1).min(self.s.len());
        self.s[start..end].iter().collect()
    }

    /// The top level: blocks and paragraphs.
    fn blocks(&mut self) {
        while let Some(c) = self.peek() {
            match c {
                '%' => self.skip_comment(),
                '\n' => {
                    // A blank line (only spaces between two newlines) ends a paragraph.
                    let mut j = self.i + 1;
                    while self.s.get(j).is_some_and(|c| *c == ' ' || *c == '\t') {
                        j += 1;
                    }
                    if self.s.get(j) == Some(&'\n') {
                        self.close_paragraph();
                        self.i = j + 1;
                    } else {
                        self.i += 1;
                        if self.para || !self.lists.is_empty() {
                            self.out.push(' ');
                        }
                    }
                }
                '\\' if self.block_command() => {}
                '$' if self.starts_with("$$") => {
                    self.i += 2;
                    let tex = self.raw_until("$$");
                    self.display_math(&tex);
                }
                c if c.is_whitespace() && !self.para && self.lists.is_empty() => self.i += 1,
                _ => {
                    let html = self.inline();
                    if !html.is_empty() {
                        self.open_paragraph();
                        self.out.push_str(&html);
                    }
                }
            }
        }
    }

    fn end_list(&mut self) {
        while self.out.ends_with(' ') {
            self.out.pop();
        }
        if let Some((kind, open)) = self.lists.pop() {
            if open {
                self.out.push_str("</li>\n");
            }
            self.out.push_str(&format!("</{kind}>\n"));
        }
    }

    fn display_math(&mut self, tex: &str) {
        let in_paragraph = self.para;
        self.close_paragraph();
        self.out.push_str(&format!(
            "<p class=\"display-math\">{}</p>\n",
            math::display(tex)
        ));
        if in_paragraph {
            self.open_paragraph();
        }
    }

    /// Handles a block-level command at `\`; false (nothing consumed) if it is not one.
    fn block_command(&mut self) -> bool {
        let start = self.i;
        self.i += 1;
        let name = self.command_name();
        match name.as_str() {
            "section" | "section*" | "subsection" | "subsection*" | "subsubsection"
            | "subsubsection*" | "paragraph" | "paragraph*" => {
                let tag = match name.trim_end_matches('*') {
                    "section" => "h2",
                    "subsection" => "h3",
                    "subsubsection" => "h4",
                    _ => "h5",
                };
                self.optional();
                let title = self.argument();
                self.close_paragraph();
                self.out
                    .push_str(&format!("<{tag}>{}</{tag}>\n", title.trim()));
            }
            "problemname" | "illustration" | "label" | "maketitle" | "newpage" | "clearpage"
            | "noindent" | "smallskip" | "medskip" | "bigskip" | "centering" => {
                // Layout only (the problem's name is the page's heading).
                match name.as_str() {
                    "problemname" | "label" => {
                        self.raw_argument();
                    }
                    "illustration" => {
                        for _ in 0..3 {
                            self.raw_argument();
                        }
                    }
                    _ => {}
                }
            }
            "[" => {
                let tex = self.raw_until("\\]");
                self.display_math(&tex);
            }
            "begin" => {
                let env = self.raw_argument();
                if is_verbatim(&env) {
                    let end = format!("\\end{{{env}}}");
                    let text = self.raw_until(&end);
                    let text = text.strip_prefix('\n').unwrap_or(&text);
                    self.close_paragraph();
                    self.out.push_str(&format!(
                        "<pre>{}</pre>\n",
                        esc(text.trim_end_matches([' ', '\t']))
                    ));
                } else if is_display_math(&env) {
                    let end = format!("\\end{{{env}}}");
                    let tex = self.raw_until(&end);
                    self.display_math(&tex);
                } else if env == "itemize" || env == "enumerate" || env == "description" {
                    let kind = if env == "enumerate" { "ol" } else { "ul" };
                    self.close_paragraph();
                    self.out.push_str(&format!("<{kind}>\n"));
                    self.lists.push((kind, false));
                } else {
                    // Other environments (center, quote, problem, ...): keep their contents.
                    self.close_paragraph();
                }
            }
            "end" => {
                let env = self.raw_argument();
                if (env == "itemize" || env == "enumerate" || env == "description")
                    && !self.lists.is_empty()
                {
                    self.end_list();
                } else {
                    self.close_paragraph();
                }
            }
            "item" if !self.lists.is_empty() => {
                let label = self.optional();
                while self.out.ends_with(' ') {
                    self.out.pop();
                }
                if let Some((_, open)) = self.lists.last_mut() {
                    if *open {
                        self.out.push_str("</li>\n");
                    }
                    *open = true;
                }
                self.out.push_str("<li>");
                if let Some(label) = label {
                    self.out
                        .push_str(&format!("<strong>{}</strong> ", esc(&label)));
                }
                self.skip_spaces();
            }
            _ => {
                self.i = start;
                return false;
            }
        }
        true
    }

    /// One inline token as HTML.
    fn inline(&mut self) -> String {
        let Some(c) = self.peek() else {
            return String::new();
        };
        if c == '$' {
            if self.starts_with("$$") {
                self.i += 2;
                let tex = self.raw_until("$$");
                return math::display(&tex);
            }
            self.i += 1;
            let tex = self.raw_until("$");
            return math::inline(&tex);
        }
        if self.starts_with("---") {
            self.i += 3;
            return "—".into();
        }
        if self.starts_with("--") {
            self.i += 2;
            return "–".into();
        }
        if self.starts_with("``") {
            self.i += 2;
            return "“".into();
        }
        if self.starts_with("''") {
            self.i += 2;
            return "”".into();
        }
        self.i += 1;
        match c {
            '\\' => self.inline_command(),
            '{' => {
                self.i -= 1;
                self.argument()
            }
            '}' => String::new(),
            '%' => {
                self.i -= 1;
                self.skip_comment();
                String::new()
            }
            '~' => "&nbsp;".into(),
            '\n' => " ".into(),
            '`' => "‘".into(),
            '\'' => "’".into(),
            c => esc(&c.to_string()),
        }
    }

    fn inline_command(&mut self) -> String {
        let name = self.command_name();
        match name.as_str() {
            "emph" | "textit" | "textsl" => format!("<em>{}</em>", self.argument()),
            "textbf" => format!("<strong>{}</strong>", self.argument()),
            "texttt" => format!("<code>{}</code>", self.argument()),
            "underline" => format!("<u>{}</u>", self.argument()),
            "textsc" | "textrm" | "textsf" | "textup" | "mbox" | "text" => self.argument(),
            "verb" => {
                let Some(delim) = self.peek() else {
                    return String::new();
                };
                self.i += 1;
                let text = self.raw_until(&delim.to_string());
                format!("<code>{}</code>", esc(&text))
            }
            "url" => {
                let url = self.raw_argument();
                format!("<code>{}</code>", esc(&url))
            }
            "href" => {
                self.raw_argument();
                self.argument()
            }
            "(" => {
                let tex = self.raw_until("\\)");
                math::inline(&tex)
            }
            "\\" | "newline" | "linebreak" => {
                self.optional();
                "<br>".into()
            }
            "ldots" | "dots" => "…".into(),
            "LaTeX" => "LaTeX".into(),
            "TeX" => "TeX".into(),
            "textbackslash" => "\\".into(),
            "textasciitilde" => "~".into(),
            "textasciicircum" => "^".into(),
            "textless" => "&lt;".into(),
            "textgreater" => "&gt;".into(),
            "&" => "&amp;".into(),
            "%" | "$" | "#" | "_" | "{" | "}" => name.clone(),
            " " | "," | ";" => " ".into(),
            "-" | "/" | "@" => String::new(),
            // Unknown: keep what it was applied to, drop the command itself.
            _ => {
                self.optional();
                if self.peek() == Some('{') {
                    self.argument()
                } else {
                    // A command ends at the first space after it.
                    self.skip_spaces();
                    String::new()
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_paragraphs_and_formatting() {
        let tex = "\\problemname{A plus B}\n\nRead \\emph{two} integers % a comment\nand \
                   \\textbf{print} their sum~--- fast.\n\n\\section*{Input}\nOne line with $a \\le b$.\n\n\
                   \\subsection{Details}\nSee \\texttt{x\\_y}.\n";
        let html = render(tex);
        assert_eq!(
            html,
            "<p>Read <em>two</em> integers and <strong>print</strong> their sum&nbsp;— fast.</p>\n\
             <h2>Input</h2>\n<p>One line with <span class=\"math\"><i>a</i> ≤ <i>b</i></span>.</p>\n\
             <h3>Details</h3>\n<p>See <code>x_y</code>.</p>\n"
        );
    }

    #[test]
    fn lists_and_verbatim() {
        let tex = "Rules:\n\\begin{itemize}\n  \\item first $n$\n  \\item second\n\\end{itemize}\n\
                   \\begin{enumerate}\\item one\\end{enumerate}\n\
                   \\begin{verbatim}\n<b> & 100% \\emph{no}\n\\end{verbatim}\n";
        let html = render(tex);
        assert!(html.contains("<p>Rules:</p>"), "{html}");
        assert!(
            html.contains(
                "<ul>\n<li>first <span class=\"math\"><i>n</i></span></li>\n<li>second</li>\n</ul>"
            ),
            "{html}"
        );
        assert!(html.contains("<ol>\n<li>one</li>\n</ol>"), "{html}");
        assert!(
            html.contains("<pre>&lt;b&gt; &amp; 100% \\emph{no}\n</pre>"),
            "{html}"
        );
    }

    #[test]
    fn display_math_and_escaping() {
        let html = render("Let <x> be\n\\[ x^2 \\]\nand $$y$$ done.");
        assert!(html.contains("Let &lt;x&gt; be"), "{html}");
        assert!(html.contains("<sup>2</sup>"), "{html}");
        assert!(!html.contains("<x>"), "{html}");
    }
}
