//! TeX math as legible HTML, without a math engine: `a \le 10^9` becomes
//! `<i>a</i> ≤ 10<sup>9</sup>` inside `<span class="math">`. Covers what statements use: symbols,
//! Greek letters, sub- and superscripts, `\frac`, `\sqrt`, `\text`, operators like `\log`. An
//! unknown command shows its name, so nothing silently disappears.

use super::html::esc;

/// Inline math: `<span class="math">…</span>`.
pub fn inline(tex: &str) -> String {
    format!("<span class=\"math\">{}</span>", to_html(tex))
}

/// Display math: a centred block.
pub fn display(tex: &str) -> String {
    format!(
        "<span class=\"math display\">{}</span>",
        to_html(tex.trim())
    )
}

/// The HTML of a TeX math expression (the inside of the math span).
pub fn to_html(tex: &str) -> String {
    let chars: Vec<char> = tex.chars().collect();
    let mut p = Parser { s: &chars, i: 0 };
    let html = p.sequence(false);
    // TeX ignores the spaces typed in math and spaces operators itself; so do we.
    let mut out = String::with_capacity(html.len());
    for c in html.chars() {
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    out.trim_end().to_string()
}

struct Parser<'a> {
    s: &'a [char],
    i: usize,
}

fn symbol(name: &str) -> Option<&'static str> {
    Some(match name {
        "le" | "leq" | "leqslant" => " ≤ ",
        "ge" | "geq" | "geqslant" => " ≥ ",
        "ne" | "neq" => " ≠ ",
        "lt" => " &lt; ",
        "gt" => " &gt; ",
        "approx" => " ≈ ",
        "equiv" => " ≡ ",
        "sim" => " ∼ ",
        "cdot" => " · ",
        "times" => " × ",
        "div" => " ÷ ",
        "pm" => " ± ",
        "mp" => " ∓ ",
        "ldots" | "dots" | "dotsc" | "dotsb" => "…",
        "cdots" => "⋯",
        "vdots" => "⋮",
        "infty" => "∞",
        "sum" => "∑",
        "prod" => "∏",
        "int" => "∫",
        "lvert" | "rvert" | "vert" | "mid" | "|" => "|",
        "lVert" | "rVert" | "Vert" => "‖",
        "lfloor" => "⌊",
        "rfloor" => "⌋",
        "lceil" => "⌈",
        "rceil" => "⌉",
        "langle" => "⟨",
        "rangle" => "⟩",
        "to" | "rightarrow" => " → ",
        "leftarrow" | "gets" => " ← ",
        "Rightarrow" | "implies" => " ⇒ ",
        "Leftarrow" => " ⇐ ",
        "iff" | "Leftrightarrow" => " ⇔ ",
        "leftrightarrow" => " ↔ ",
        "mapsto" => " ↦ ",
        "in" => " ∈ ",
        "notin" => " ∉ ",
        "ni" => " ∋ ",
        "subset" => " ⊂ ",
        "subseteq" => " ⊆ ",
        "supset" => " ⊃ ",
        "supseteq" => " ⊇ ",
        "cup" => " ∪ ",
        "cap" => " ∩ ",
        "setminus" => " ∖ ",
        "emptyset" | "varnothing" => "∅",
        "forall" => "∀",
        "exists" => "∃",
        "neg" | "lnot" => "¬",
        "land" | "wedge" => " ∧ ",
        "lor" | "vee" => " ∨ ",
        "oplus" => " ⊕ ",
        "otimes" => " ⊗ ",
        "circ" => "∘",
        "bullet" => "•",
        "star" => "⋆",
        "ast" => "∗",
        "prime" => "′",
        "partial" => "∂",
        "nabla" => "∇",
        "deg" => "°",
        "ell" => "ℓ",
        "angle" => "∠",
        "triangle" => "△",
        "perp" => "⊥",
        "parallel" => "∥",
        "alpha" => "α",
        "beta" => "β",
        "gamma" => "γ",
        "delta" => "δ",
        "epsilon" => "ϵ",
        "varepsilon" => "ε",
        "zeta" => "ζ",
        "eta" => "η",
        "theta" => "θ",
        "vartheta" => "ϑ",
        "iota" => "ι",
        "kappa" => "κ",
        "lambda" => "λ",
        "mu" => "μ",
        "nu" => "ν",
        "xi" => "ξ",
        "pi" => "π",
        "rho" => "ρ",
        "sigma" => "σ",
        "tau" => "τ",
        "upsilon" => "υ",
        "phi" => "ϕ",
        "varphi" => "φ",
        "chi" => "χ",
        "psi" => "ψ",
        "omega" => "ω",
        "Gamma" => "Γ",
        "Delta" => "Δ",
        "Theta" => "Θ",
        "Lambda" => "Λ",
        "Xi" => "Ξ",
        "Pi" => "Π",
        "Sigma" => "Σ",
        "Phi" => "Φ",
        "Psi" => "Ψ",
        "Omega" => "Ω",
        "," | ":" | ">" | ";" | " " => "\u{2009}",
        "!" => "",
        "quad" => "\u{2003}",
        "qquad" => "\u{2003}\u{2003}",
        "{" => "{",
        "}" => "}",
        "%" => "%",
        "$" => "$",
        "&" => "&amp;",
        "#" => "#",
        "_" => "_",
        "\\" => "<br>",
        _ => return None,
    })
}

/// Commands shown as an upright word: `\log n` → log n.
fn operator(name: &str) -> bool {
    matches!(
        name,
        "log"
            | "ln"
            | "lg"
            | "exp"
            | "sin"
            | "cos"
            | "tan"
            | "max"
            | "min"
            | "sup"
            | "inf"
            | "lim"
            | "gcd"
            | "lcm"
            | "det"
            | "dim"
            | "deg"
            | "arg"
            | "Pr"
    )
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.s.get(self.i).copied()
    }

    /// Tokens up to the end, or up to the `}` closing the group we are in (consumed).
    fn sequence(&mut self, in_group: bool) -> String {
        let mut out = String::new();
        while let Some(c) = self.peek() {
            if c == '}' {
                self.i += 1;
                if in_group {
                    return out;
                }
                out.push('}');
                continue;
            }
            let unary = out
                .trim_end()
                .chars()
                .last()
                .is_none_or(|p| "(,[=≤≥+−·×{|;:".contains(p));
            out.push_str(&self.token(unary));
        }
        out
    }

    /// One argument: a `{group}` or a single token.
    fn argument(&mut self) -> String {
        while self.peek().is_some_and(char::is_whitespace) {
            self.i += 1;
        }
        match self.peek() {
            Some('{') => {
                self.i += 1;
                self.sequence(true)
            }
            Some(_) => self.token(true),
            None => String::new(),
        }
    }

    /// A raw `{…}` argument as text (for `\text`).
    fn raw_argument(&mut self) -> String {
        while self.peek().is_some_and(char::is_whitespace) {
            self.i += 1;
        }
        if self.peek() != Some('{') {
            return self.token(false);
        }
        self.i += 1;
        let mut depth = 1;
        let mut text = String::new();
        while let Some(c) = self.peek() {
            self.i += 1;
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                '\\' => {
                    if let Some(n) = self.peek() {
                        self.i += 1;
                        text.push(n);
                    }
                    continue;
                }
                _ => {}
            }
            text.push(c);
        }
        esc(&text)
    }

    fn command_name(&mut self) -> String {
        let start = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
            self.i += 1;
        }
        if self.i == start {
            // A one-character command: \{ \, \\ ...
            if let Some(c) = self.peek() {
                self.i += 1;
                return c.to_string();
            }
        }
        self.s[start..self.i].iter().collect()
    }

    /// One token; `unary`: a `-` here is a sign, not a subtraction.
    fn token(&mut self, unary: bool) -> String {
        let Some(c) = self.peek() else {
            return String::new();
        };
        self.i += 1;
        match c {
            '\\' => self.command(),
            '{' => self.sequence(true),
            '^' => format!("<sup>{}</sup>", self.argument()),
            '_' => format!("<sub>{}</sub>", self.argument()),
            c if c.is_whitespace() => String::new(),
            c if c.is_alphabetic() => {
                let mut word = String::from(c);
                while let Some(n) = self.peek().filter(|n| n.is_alphabetic()) {
                    word.push(n);
                    self.i += 1;
                }
                format!("<i>{}</i>", esc(&word))
            }
            '-' if unary => "−".into(),
            '-' => " − ".into(),
            ',' => ", ".into(),
            ';' => "; ".into(),
            '+' => " + ".into(),
            '=' => " = ".into(),
            '<' => " &lt; ".into(),
            '>' => " &gt; ".into(),
            '*' => "∗".into(),
            '\'' => "′".into(),
            '~' => "\u{a0}".into(),
            '&' => " ".into(),
            c => esc(&c.to_string()),
        }
    }

    fn command(&mut self) -> String {
        let name = self.command_name();
        if let Some(s) = symbol(&name) {
            return s.to_string();
        }
        if operator(&name) {
            return format!("<span class=\"op\">{name}</span> ");
        }
        match name.as_str() {
            "frac" | "dfrac" | "tfrac" => {
                let num = self.argument();
                let den = self.argument();
                let wrap = |s: String| {
                    let plain = s.replace("<i>", "").replace("</i>", "");
                    if plain.chars().count() > 1 && !plain.chars().all(|c| c.is_ascii_digit()) {
                        format!("({s})")
                    } else {
                        s
                    }
                };
                format!("{}/{}", wrap(num), wrap(den))
            }
            "sqrt" => {
                let degree = if self.peek() == Some('[') {
                    let start = self.i + 1;
                    while self.peek().is_some_and(|c| c != ']') {
                        self.i += 1;
                    }
                    let d: String = self.s[start..self.i].iter().collect();
                    self.i += 1;
                    format!("<sup>{}</sup>", esc(&d))
                } else {
                    String::new()
                };
                format!(
                    "{degree}√<span class=\"radicand\">{}</span>",
                    self.argument()
                )
            }
            "binom" | "tbinom" | "dbinom" => {
                let n = self.argument();
                let k = self.argument();
                format!("C({n}, {k})")
            }
            "text" | "textrm" | "textnormal" | "mbox" | "mathrm" | "operatorname" | "textup" => {
                format!("<span class=\"op\">{}</span>", self.raw_argument())
            }
            "texttt" | "mathtt" => format!("<code>{}</code>", self.raw_argument()),
            "textbf" | "mathbf" | "boldsymbol" | "bm" => format!("<b>{}</b>", self.argument()),
            "mathit" | "textit" | "emph" => format!("<i>{}</i>", self.raw_argument()),
            "mathbb" => {
                let arg = self.raw_argument();
                match arg.as_str() {
                    "N" => "ℕ".into(),
                    "Z" => "ℤ".into(),
                    "Q" => "ℚ".into(),
                    "R" => "ℝ".into(),
                    "C" => "ℂ".into(),
                    _ => arg,
                }
            }
            "mathcal" | "mathscr" | "mathsf" | "overline" | "underline" | "hat" | "bar" | "vec"
            | "tilde" | "widehat" | "widetilde" => {
                let arg = self.argument();
                match name.as_str() {
                    "overline" | "bar" => format!("<span class=\"overline\">{arg}</span>"),
                    "underline" => format!("<u>{arg}</u>"),
                    "vec" => format!("{arg}\u{20d7}"),
                    "hat" | "widehat" => format!("{arg}\u{302}"),
                    "tilde" | "widetilde" => format!("{arg}\u{303}"),
                    _ => arg,
                }
            }
            "bmod" | "mod" => " <span class=\"op\">mod</span> ".into(),
            "pmod" => format!(" (<span class=\"op\">mod</span> {})", self.argument()),
            // Sizing and spacing commands that only change how a delimiter looks.
            "left" | "right" | "big" | "Big" | "bigg" | "Bigg" | "bigl" | "bigr" | "Bigl"
            | "Bigr" | "biggl" | "biggr" | "displaystyle" | "textstyle" | "limits" | "nolimits"
            | "middle" => String::new(),
            "begin" | "end" => {
                // \begin{cases} and friends: drop the environment name, keep the contents.
                self.raw_argument();
                " ".into()
            }
            other => esc(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_scripts_and_variables() {
        assert_eq!(
            to_html(r"-2 \cdot 10^9 \le a, b \le 2 \cdot 10^9"),
            "−2 · 10<sup>9</sup> ≤ <i>a</i>, <i>b</i> ≤ 2 · 10<sup>9</sup>"
        );
        assert_eq!(to_html("x_{i+1}"), "<i>x</i><sub><i>i</i> + 1</sub>");
        assert_eq!(
            to_html(r"\sqrt{x^2}"),
            "√<span class=\"radicand\"><i>x</i><sup>2</sup></span>"
        );
        assert_eq!(to_html(r"\frac{a}{2}"), "<i>a</i>/2");
        assert_eq!(to_html(r"\lvert x \rvert"), "|<i>x</i>|");
        assert_eq!(to_html("10^{-3}"), "10<sup>−3</sup>");
        assert_eq!(
            to_html("(x_1, y_1)"),
            "(<i>x</i><sub>1</sub>, <i>y</i><sub>1</sub>)"
        );
        assert_eq!(to_html(r"\log n"), "<span class=\"op\">log</span> <i>n</i>");
    }

    #[test]
    fn escapes_and_keeps_unknown_commands_visible() {
        assert_eq!(to_html("a<b"), "<i>a</i> &lt; <i>b</i>");
        assert_eq!(
            to_html(r"\text{<b>}"),
            "<span class=\"op\">&lt;b&gt;</span>"
        );
        assert_eq!(to_html(r"\weird"), "weird");
        assert_eq!(inline("n"), "<span class=\"math\"><i>n</i></span>");
    }
}
