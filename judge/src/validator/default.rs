//! The Kattis default output validator: the output and the answer are compared token by token
//! (whitespace-separated), case-insensitively unless `case_sensitive`, ignoring the amount and kind
//! of whitespace unless `space_change_sensitive`, and with numbers accepted within an absolute OR
//! a relative tolerance when a float tolerance is given.

use super::Judgement;

/// The flags of the default validator (`validator_flags` in problem.yaml, or per test group).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ValidatorFlags {
    pub case_sensitive: bool,
    pub space_change_sensitive: bool,
    pub float_absolute_tolerance: Option<f64>,
    pub float_relative_tolerance: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FlagError {
    #[error("unknown validator flag `{0}`")]
    Unknown(String),
    #[error("validator flag `{0}` needs a number after it")]
    MissingNumber(String),
    #[error("validator flag `{flag}`: `{value}` is not a number")]
    BadNumber { flag: String, value: String },
}

impl ValidatorFlags {
    /// Parses flags as the spec writes them: `float_tolerance 1e-6 case_sensitive`.
    pub fn parse<'a>(words: impl IntoIterator<Item = &'a str>) -> Result<Self, FlagError> {
        let mut flags = ValidatorFlags::default();
        let mut words = words.into_iter();
        while let Some(w) = words.next() {
            let mut number = || -> Result<f64, FlagError> {
                let v = words
                    .next()
                    .ok_or_else(|| FlagError::MissingNumber(w.into()))?;
                v.parse::<f64>()
                    .ok()
                    .filter(|x| x.is_finite() && *x >= 0.0)
                    .ok_or_else(|| FlagError::BadNumber {
                        flag: w.into(),
                        value: v.into(),
                    })
            };
            match w {
                "case_sensitive" => flags.case_sensitive = true,
                "space_change_sensitive" => flags.space_change_sensitive = true,
                "float_tolerance" => {
                    let e = number()?;
                    flags.float_absolute_tolerance = Some(e);
                    flags.float_relative_tolerance = Some(e);
                }
                "float_absolute_tolerance" => flags.float_absolute_tolerance = Some(number()?),
                "float_relative_tolerance" => flags.float_relative_tolerance = Some(number()?),
                other => return Err(FlagError::Unknown(other.into())),
            }
        }
        Ok(flags)
    }

    fn has_float_tolerance(&self) -> bool {
        self.float_absolute_tolerance.is_some() || self.float_relative_tolerance.is_some()
    }
}

/// Splits text into alternating whitespace runs and tokens: `pieces[i]` is the whitespace
/// before `tokens[i]`; the last whitespace run is the trailing one.
fn split(text: &[u8]) -> (Vec<&[u8]>, Vec<&[u8]>) {
    let mut spaces = Vec::new();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i <= text.len() {
        let ws_start = i;
        while i < text.len() && text[i].is_ascii_whitespace() {
            i += 1;
        }
        spaces.push(&text[ws_start..i]);
        if i == text.len() {
            break;
        }
        let tok_start = i;
        while i < text.len() && !text[i].is_ascii_whitespace() {
            i += 1;
        }
        tokens.push(&text[tok_start..i]);
    }
    (spaces, tokens)
}

fn show(token: &[u8]) -> String {
    let s = String::from_utf8_lossy(token);
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s.into_owned()
    }
}

fn parse_float(token: &[u8]) -> Option<f64> {
    std::str::from_utf8(token).ok()?.parse::<f64>().ok()
}

/// Compares a program's `output` with the judges' `answer`.
pub fn check(output: &[u8], answer: &[u8], flags: &ValidatorFlags) -> Judgement {
    let (out_spaces, out_tokens) = split(output);
    let (ans_spaces, ans_tokens) = split(answer);
    for (i, (o, a)) in out_tokens.iter().zip(&ans_tokens).enumerate() {
        let n = i + 1;
        if flags.space_change_sensitive && out_spaces[i] != ans_spaces[i] {
            return Judgement::WrongAnswer(format!("whitespace before token {n} differs"));
        }
        if flags.has_float_tolerance()
            && let Some(expected) = parse_float(a)
        {
            let Some(got) = parse_float(o) else {
                return Judgement::WrongAnswer(format!(
                    "token {n}: expected a number near {}, got `{}`",
                    show(a),
                    show(o)
                ));
            };
            let diff = (got - expected).abs();
            let abs_ok = flags.float_absolute_tolerance.is_some_and(|t| diff <= t);
            let rel_ok = flags
                .float_relative_tolerance
                .is_some_and(|t| diff <= t * expected.abs());
            if !(abs_ok || rel_ok) {
                return Judgement::WrongAnswer(format!(
                    "token {n}: expected {}, got {} (difference {diff:e})",
                    show(a),
                    show(o)
                ));
            }
            continue;
        }
        let same = if flags.case_sensitive {
            o == a
        } else {
            o.eq_ignore_ascii_case(a)
        };
        if !same {
            return Judgement::WrongAnswer(format!(
                "token {n}: expected `{}`, got `{}`",
                show(a),
                show(o)
            ));
        }
    }
    if out_tokens.len() < ans_tokens.len() {
        return Judgement::WrongAnswer(format!(
            "output ended after {} tokens; the answer has {} (next expected `{}`)",
            out_tokens.len(),
            ans_tokens.len(),
            show(ans_tokens[out_tokens.len()])
        ));
    }
    if out_tokens.len() > ans_tokens.len() {
        return Judgement::WrongAnswer(format!(
            "trailing output after {} tokens: `{}`",
            ans_tokens.len(),
            show(out_tokens[ans_tokens.len()])
        ));
    }
    if flags.space_change_sensitive && out_spaces.last() != ans_spaces.last() {
        return Judgement::WrongAnswer("trailing whitespace differs".into());
    }
    Judgement::Accepted
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flags(s: &str) -> ValidatorFlags {
        ValidatorFlags::parse(s.split_whitespace()).unwrap()
    }

    fn ok(out: &str, ans: &str, f: &str) -> bool {
        check(out.as_bytes(), ans.as_bytes(), &flags(f)) == Judgement::Accepted
    }

    #[test]
    fn whitespace_amount_and_kind_is_ignored_by_default() {
        assert!(ok("1  2\n\n3", "1 2 3\n", ""));
        assert!(ok("\t1 2 3", "1 2 3", ""));
        assert!(!ok("1 2", "1 2 3", ""));
        assert!(!ok("1 2 3 4", "1 2 3", ""));
        assert!(ok("", "", ""));
        assert!(ok("\n", "", ""));
    }

    #[test]
    fn space_change_sensitive_compares_whitespace_exactly() {
        assert!(ok("1 2\n", "1 2\n", "space_change_sensitive"));
        assert!(!ok("1  2\n", "1 2\n", "space_change_sensitive"));
        assert!(!ok("1 2", "1 2\n", "space_change_sensitive"));
        assert!(!ok(" 1 2\n", "1 2\n", "space_change_sensitive"));
    }

    #[test]
    fn case_is_ignored_unless_case_sensitive() {
        assert!(ok("YES", "yes", ""));
        assert!(!ok("YES", "yes", "case_sensitive"));
        assert!(ok("yes", "yes", "case_sensitive"));
    }

    #[test]
    fn without_tolerance_numbers_are_tokens() {
        assert!(!ok("1.0", "1", ""));
        assert!(ok("1.5", "1.5", ""));
    }

    #[test]
    fn float_tolerance_accepts_within_absolute_or_relative() {
        // absolute: |0.1004 - 0.1| = 4e-4 <= 1e-3
        assert!(ok("0.1004", "0.1", "float_absolute_tolerance 1e-3"));
        assert!(!ok("0.102", "0.1", "float_absolute_tolerance 1e-3"));
        // relative: |1000.5 - 1000| = 0.5 <= 1e-3 * 1000
        assert!(ok("1000.5", "1000", "float_relative_tolerance 1e-3"));
        assert!(!ok("1002", "1000", "float_relative_tolerance 1e-3"));
        // float_tolerance sets both: either one is enough
        assert!(ok("1000.5", "1000", "float_tolerance 1e-3"));
        assert!(ok("0.0005", "0", "float_tolerance 1e-3"));
        assert!(!ok("0.002", "0", "float_tolerance 1e-3"));
        // a non-number where a number is expected is wrong
        assert!(!ok("abc", "1.0", "float_tolerance 1e-3"));
        // tokens that are not numbers in the answer are compared as words
        assert!(ok("Yes 1.0000001", "yes 1", "float_tolerance 1e-6"));
        assert!(ok("1e3", "1000", "float_tolerance 1e-9"));
    }

    #[test]
    fn flags_are_parsed_strictly() {
        assert_eq!(
            ValidatorFlags::parse(["float_tolerance"]),
            Err(FlagError::MissingNumber("float_tolerance".into()))
        );
        assert!(matches!(
            ValidatorFlags::parse(["float_tolerance", "x"]),
            Err(FlagError::BadNumber { .. })
        ));
        assert_eq!(
            ValidatorFlags::parse(["bogus"]),
            Err(FlagError::Unknown("bogus".into()))
        );
    }

    #[test]
    fn messages_name_the_token() {
        let j = check(b"1 5", b"1 4", &ValidatorFlags::default());
        assert_eq!(
            j,
            Judgement::WrongAnswer("token 2: expected `4`, got `5`".into())
        );
    }
}
