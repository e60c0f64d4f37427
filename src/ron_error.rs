//! Turning RON parse errors into messages that say what and where.
//!
//! What is wrong is a [`Problem`], a value until it is shown: the same damaged file reads in
//! Polish or English (see `i18n::file_errors`), and switching the language redraws it.

use std::fmt;

use crate::lang::Lang;

/// What is wrong with a file, in no language yet ([`Problem::text`] words it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A RON syntax or shape error, as ron reports it (boxed: ron's codes are large).
    Ron(Box<ron::Error>),
    /// The file is not there.
    Missing,
    /// The system refuses to let it be read.
    PermissionDenied,
    /// Another read failure; the system's own (English) words.
    CannotRead(String),
    /// A symbolic link where a plain file belongs; not followed.
    SymbolicLink,
    /// A folder or device, not a file.
    NotAFile,
    /// Larger than any plan (the cap is `storage::MAX_PLAN_BYTES`).
    TooLarge {
        /// The file's size in bytes.
        len: u64,
    },
    /// Not UTF-8: the first bad byte and its offset.
    NotUtf8 {
        /// The byte.
        byte: u8,
        /// Its offset in the file.
        offset: usize,
    },
    /// Not UTF-8, where the place is not known.
    NotUtf8Anywhere,
    /// Only whitespace.
    Empty {
        /// The file's length in bytes.
        len: usize,
    },
    /// No `version` field: not a plan file.
    NoVersion,
    /// `version: 0`.
    VersionZero,
    /// Made by a newer modelownia, and unreadable even leniently.
    Newer {
        /// The file's version.
        version: u32,
        /// The newest this build knows.
        known: u32,
        /// Why it could not be read.
        inner: Box<Problem>,
    },
    /// A version this build has no migration from.
    NoMigration {
        /// The file's version.
        version: u32,
        /// The version it would migrate to.
        known: u32,
    },
    /// The plan's id is not a safe file name.
    BadId {
        /// The id as written.
        id: String,
    },
    /// The plan's id is not its file's name.
    IdMismatch {
        /// The id in the file.
        id: String,
        /// The file's name.
        name: String,
    },
    /// The file's name is not `<id>.ron`.
    BadFileName,
    /// Fields the plan's version does not have (boxed: the rarest, largest case, and every
    /// `Result` that can carry a problem pays for its size).
    UnknownFields(Box<UnknownFields>),
    /// Brackets nested deeper than ron's recursion limit.
    TooDeep,
    /// A sentence in one language only, for messages no user sees worded (tests, internal
    /// fallbacks); the model checks use [`Problem::Worded`].
    Text(String),
    /// A problem already worded in both languages: a row of the home-screen index, or a
    /// finding of the model checks (`model::check`, `model::glossary`).
    Worded {
        /// Polish.
        pl: String,
        /// English.
        en: String,
    },
}

/// Fields a plan's version does not have, the first one located.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFields {
    /// The first one's own name.
    pub field: String,
    /// Where it is (`context`, `values[1]`); empty at the top level.
    pub parent: String,
    /// The plan version read.
    pub version: u32,
    /// The others' paths (at most five).
    pub rest: Vec<String>,
    /// How many others there are in all.
    pub more: usize,
}

impl From<String> for Problem {
    fn from(text: String) -> Self {
        Problem::Text(text)
    }
}

impl From<&str> for Problem {
    fn from(text: &str) -> Self {
        Problem::Text(text.to_string())
    }
}

impl From<ron::Error> for Problem {
    fn from(e: ron::Error) -> Self {
        match e {
            // ron's own words advise a developer (raise the limit); ours say what it means.
            ron::Error::ExceededRecursionLimit => Problem::TooDeep,
            e => Problem::Ron(Box::new(e)),
        }
    }
}

/// A problem in a RON file, located by line and column (both 1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// File name as shown to the user.
    pub file: String,
    /// 1-based line; 0 when the problem is not tied to a place.
    pub line: usize,
    /// 1-based column; 0 when unknown.
    pub col: usize,
    /// What is wrong.
    pub problem: Problem,
    /// The offending source line, when there is one.
    pub excerpt: Option<String>,
}

impl Located {
    /// A problem with the whole file (missing, unreadable, too large…).
    pub fn whole_file(file: impl Into<String>, problem: impl Into<Problem>) -> Self {
        Self {
            file: file.into(),
            line: 0,
            col: 0,
            problem: problem.into(),
            excerpt: None,
        }
    }

    /// A problem at a given line and column of `source`.
    pub fn at(
        file: impl Into<String>,
        source: &str,
        line: usize,
        col: usize,
        problem: impl Into<Problem>,
    ) -> Self {
        let excerpt = line
            .checked_sub(1)
            .and_then(|i| source.lines().nth(i))
            .map(|l| truncate_chars(l, 200));
        Self {
            file: file.into(),
            line,
            col,
            problem: problem.into(),
            excerpt,
        }
    }

    /// Builds the message for a RON parse error in `source`.
    pub fn from_ron(file: impl Into<String>, source: &str, err: &ron::error::SpannedError) -> Self {
        let pos = err.span.start;
        Self::at(
            file,
            source,
            pos.line,
            pos.col,
            Problem::from(err.code.clone()),
        )
    }

    /// What is wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        self.problem.text(lang)
    }

    /// `file:line:col: problem` in `lang`, then the offending line and a caret under the
    /// column.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = self.head(lang);
        if let Some(text) = &self.excerpt {
            out.push_str("\n    ");
            out.push_str(text.trim_end());
            if self.col > 0 {
                // Point under the column, counting characters, not bytes.
                let lead = text.trim_end().chars().take(self.col - 1).count();
                out.push_str("\n    ");
                out.push_str(&" ".repeat(lead));
                out.push('^');
            }
        }
        out
    }

    /// `file:line:col: problem` in `lang` on one line (no excerpt), for lists and status
    /// lines.
    pub fn one_line(&self, lang: Lang) -> String {
        self.head(lang).replace(['\n', '\r', '\t'], " ")
    }

    fn head(&self, lang: Lang) -> String {
        let message = self.message(lang);
        if self.line == 0 {
            format!("{}: {message}", self.file)
        } else {
            format!("{}:{}:{}: {message}", self.file, self.line, self.col)
        }
    }
}

/// English: for logs and tests; what users see goes through [`Located::render`] in their
/// language.
impl fmt::Display for Located {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

fn truncate_chars(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max).collect();
        out.push('…');
        out
    }
}

/// Finds the 1-based line of the `nth` (0-based) occurrence of `needle` in `source`.
pub fn line_of(source: &str, needle: &str, nth: usize) -> Option<usize> {
    let (offset, _) = source.match_indices(needle).nth(nth)?;
    Some(source[..offset].matches('\n').count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_error_names_file_line_and_column() {
        let src = "[\n  (id: \"a\",,)\n]";
        let err = ron::from_str::<Vec<ron::Value>>(src).unwrap_err();
        let loc = Located::from_ron("values.ron", src, &err);
        let text = loc.to_string();
        assert!(text.starts_with("values.ron:2:"), "{text}");
        assert!(text.contains("(id: \"a\",,)"), "{text}");
    }

    #[test]
    fn one_line_has_no_excerpt() {
        let e = Located::at("a.ron", "x\ny", 2, 1, "bad\nthing");
        assert_eq!(e.one_line(Lang::En), "a.ron:2:1: bad thing");
        assert_eq!(
            Located::whole_file("a.ron", "gone").one_line(Lang::Pl),
            "a.ron: gone"
        );
    }

    #[test]
    fn whole_file_problem_has_no_position() {
        let loc = Located::whole_file("x.ron", "file is missing");
        assert_eq!(loc.to_string(), "x.ron: file is missing");
    }

    #[test]
    fn line_of_counts_occurrences() {
        let src = "a\nid: \"x\"\nb\nid: \"x\"\n";
        assert_eq!(line_of(src, "id: \"x\"", 0), Some(2));
        assert_eq!(line_of(src, "id: \"x\"", 1), Some(4));
        assert_eq!(line_of(src, "id: \"x\"", 2), None);
    }
}
