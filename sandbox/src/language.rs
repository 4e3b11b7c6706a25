//! The languages a submission can be written in, with their ids as the API and the CLI spell them.

use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    C,
    Cpp,
    Rust,
    Python,
    Javascript,
}

impl Language {
    pub const ALL: [Language; 5] = [
        Language::C,
        Language::Cpp,
        Language::Rust,
        Language::Python,
        Language::Javascript,
    ];

    /// The id used by the API, the CLI's `--lang` and the store.
    pub fn id(self) -> &'static str {
        match self {
            Language::C => "c",
            Language::Cpp => "cpp",
            Language::Rust => "rust",
            Language::Python => "python",
            Language::Javascript => "javascript",
        }
    }

    /// A human name with the standard in force.
    pub fn name(self) -> &'static str {
        match self {
            Language::C => "C17",
            Language::Cpp => "C++20",
            Language::Rust => "Rust 2021",
            Language::Python => "Python 3.12",
            Language::Javascript => "JavaScript (QuickJS-ng)",
        }
    }

    pub fn from_id(id: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.id() == id)
    }

    /// The language a file name suggests, as Kattis packages name their submissions.
    pub fn from_path(path: &Path) -> Option<Language> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "c" => Language::C,
            "cpp" | "cc" | "cxx" | "c++" => Language::Cpp,
            "rs" => Language::Rust,
            "py" | "py3" => Language::Python,
            "js" | "mjs" => Language::Javascript,
            _ => return None,
        })
    }

    /// File name the source gets inside the compile jail.
    pub fn source_file(self) -> &'static str {
        match self {
            Language::C => "main.c",
            Language::Cpp => "main.cpp",
            Language::Rust => "main.rs",
            Language::Python => "main.py",
            Language::Javascript => "main.js",
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_extensions_guess() {
        for l in Language::ALL {
            assert_eq!(Language::from_id(l.id()), Some(l));
        }
        assert_eq!(
            Language::from_path(Path::new("a/sol.CPP")),
            Some(Language::Cpp)
        );
        assert_eq!(
            Language::from_path(Path::new("x.py")),
            Some(Language::Python)
        );
        assert_eq!(Language::from_path(Path::new("x.java")), None);
        assert_eq!(Language::from_id("pascal"), None);
    }
}
