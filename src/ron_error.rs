//! Turning RON parse errors into messages that say what and where.

use std::fmt;

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
    pub message: String,
    /// The offending source line, when there is one.
    pub excerpt: Option<String>,
}

impl Located {
    /// A problem with the whole file (missing, unreadable, too large…).
    pub fn whole_file(file: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            line: 0,
            col: 0,
            message: message.into(),
            excerpt: None,
        }
    }

    /// A problem at a given line and column of `source`.
    pub fn at(
        file: impl Into<String>,
        source: &str,
        line: usize,
        col: usize,
        message: impl Into<String>,
    ) -> Self {
        let excerpt = line
            .checked_sub(1)
            .and_then(|i| source.lines().nth(i))
            .map(|l| truncate_chars(l, 200));
        Self {
            file: file.into(),
            line,
            col,
            message: message.into(),
            excerpt,
        }
    }

    /// Builds the message for a RON parse error in `source`.
    pub fn from_ron(file: impl Into<String>, source: &str, err: &ron::error::SpannedError) -> Self {
        let pos = err.span.start;
        Self::at(file, source, pos.line, pos.col, err.code.to_string())
    }
}

impl fmt::Display for Located {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)?;
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file, self.line, self.col, self.message
            )?;
        }
        if let Some(text) = &self.excerpt {
            write!(f, "\n    {}", text.trim_end())?;
            if self.col > 0 {
                // Point under the column, counting characters, not bytes.
                let lead = text.trim_end().chars().take(self.col - 1).count();
                write!(f, "\n    {}^", " ".repeat(lead))?;
            }
        }
        Ok(())
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
