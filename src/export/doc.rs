//! A document as blocks, written once by the handout and pack builders and then rendered by
//! each format. All strings here are plain text; each renderer escapes them for its format.

/// One block of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The document's title.
    Title(String),
    /// A section heading: level 2 (section) or 3 (subsection).
    Heading(u8, String),
    /// A paragraph of user or model text; its line breaks are kept.
    Para(String),
    /// A short line set off as a remark (the plan's origin, an empty section in `--full`).
    Remark(String),
    /// `label: value` lines, as in the title block.
    Facts(Vec<(String, String)>),
    /// A labelled text: the label on its own line, then the text.
    Field(String, String),
    /// A list: each item with a leading strong part, a rest on the same line, and a note below.
    List(Vec<Item>),
    /// A table; `numeric[i]` right-aligns column i.
    Table {
        /// Column headings.
        head: Vec<String>,
        /// Which columns hold numbers.
        numeric: Vec<bool>,
        /// The rows, each as many cells as `head`.
        rows: Vec<Vec<String>>,
    },
    /// Checklist lines: a mark (`[ ]`, `[x]`, `[–]`), the text, a note below.
    Checks(Vec<(Mark, String, String)>),
    /// Lines to fill in by hand: a label and a blank.
    Blanks(Vec<String>),
    /// A printed page ends here (HTML); a rule in Markdown.
    PageBreak,
}

/// A fill-in line's label as printed: a colon after it unless it ends in a question or a
/// bracket of choices.
pub fn blank_label(label: &str) -> String {
    let l = label.trim_end();
    if l.ends_with(['?', ')', ':']) {
        l.to_string()
    } else {
        format!("{l}:")
    }
}

/// A checklist mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Still to do, or a box to tick by hand.
    Open,
    /// Done.
    Done,
    /// Does not apply.
    NotApplicable,
}

/// A list item.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Item {
    /// Shown strong (a name).
    pub strong: String,
    /// Plain text after it on the same line.
    pub rest: String,
    /// Text below it, kept line by line.
    pub note: String,
}

impl Item {
    /// An item of plain text.
    pub fn plain(text: impl Into<String>) -> Self {
        Item {
            rest: text.into(),
            ..Item::default()
        }
    }
}
