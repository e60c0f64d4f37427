//! Blocks as Markdown. User text is escaped so it stays text: it cannot open a heading, a
//! list, a checkbox, a table cell, HTML or a code fence, and control characters are shown as
//! escapes.

use std::fmt::Write;

use super::doc::{Block, Item, Mark, blank_label};
use crate::text::visible;

/// The document as Markdown, ending with one newline.
pub fn render(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Title(t) => {
                let _ = writeln!(out, "# {}\n", line(t));
            }
            Block::Heading(level, t) => {
                let hashes = "#".repeat(usize::from((*level).clamp(2, 4)));
                let _ = writeln!(out, "{hashes} {}\n", line(t));
            }
            Block::Para(t) => {
                let _ = writeln!(out, "{}\n", para(t, ""));
            }
            Block::Remark(t) => {
                let _ = writeln!(out, "_{}_\n", line(t));
            }
            Block::Facts(facts) => {
                let lines: Vec<String> = facts
                    .iter()
                    .map(|(k, v)| format!("**{}:** {}", line(k), line(v)))
                    .collect();
                let _ = writeln!(out, "{}\n", lines.join("\\\n"));
            }
            Block::Field(label, t) if t.trim().is_empty() => {
                let _ = writeln!(out, "**{}**\n", line(label));
            }
            Block::Field(label, t) => {
                let _ = writeln!(out, "**{}**\n\n{}\n", line(label), para(t, ""));
            }
            Block::List(items) => {
                for item in items {
                    list_item(&mut out, item);
                }
                out.push('\n');
            }
            Block::Table {
                head,
                numeric,
                rows,
            } => table(&mut out, head, numeric, rows),
            Block::Checks(checks) => {
                for (mark, t, note) in checks {
                    let m = match mark {
                        Mark::Open => "[ ]",
                        Mark::Done => "[x]",
                        Mark::NotApplicable => "[–]",
                    };
                    let _ = writeln!(out, "- {m} {}", line(t));
                    if !note.trim().is_empty() {
                        let _ = writeln!(out, "{}", para(note, "  "));
                    }
                }
                out.push('\n');
            }
            Block::Blanks(labels) => {
                let lines: Vec<String> = labels
                    .iter()
                    .map(|l| format!("{} {}", line(&blank_label(l)), ".".repeat(40)))
                    .collect();
                let _ = writeln!(out, "{}\n", lines.join("\\\n"));
            }
            Block::PageBreak => out.push_str("---\n\n"),
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn list_item(out: &mut String, item: &Item) {
    let strong = line(&item.strong);
    let rest = line(&item.rest);
    let _ = match (strong.is_empty(), rest.is_empty()) {
        (false, false) => writeln!(out, "- **{strong}** {rest}"),
        (false, true) => writeln!(out, "- **{strong}**"),
        _ => writeln!(out, "- {rest}"),
    };
    if !item.note.trim().is_empty() {
        let _ = writeln!(out, "{}", para(&item.note, "  "));
    }
}

fn table(out: &mut String, head: &[String], numeric: &[bool], rows: &[Vec<String>]) {
    let cells = |row: &[String]| row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ");
    let _ = writeln!(out, "| {} |", cells(head));
    let rule: Vec<&str> = (0..head.len())
        .map(|i| {
            if numeric.get(i).copied().unwrap_or(false) {
                "--:"
            } else {
                "---"
            }
        })
        .collect();
    let _ = writeln!(out, "|{}|", rule.join("|"));
    for row in rows {
        let _ = writeln!(out, "| {} |", cells(row));
    }
    out.push('\n');
}

/// User text on one line: white space folded, Markdown escaped.
pub fn line(text: &str) -> String {
    let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
    escape_line(&visible(&folded))
}

/// User text in a table cell: one line, with no line start to guard.
fn cell(text: &str) -> String {
    let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::new();
    escape_chars(&visible(&folded), &mut out);
    out
}

/// User text as a paragraph: each line escaped and trimmed, kept as a hard line break, each
/// prefixed with `indent` (under a list item); blank lines collapse to one paragraph break.
fn para(text: &str, indent: &str) -> String {
    let mut out = String::new();
    let mut blank = false;
    for raw in text.trim().lines() {
        let l = raw.trim();
        if l.is_empty() {
            blank = true;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\\\n" });
        }
        blank = false;
        out.push_str(indent);
        out.push_str(&escape_line(&visible(l)));
    }
    out
}

/// Escapes one line: every character Markdown could read as syntax anywhere (`#` too, since a
/// trailing one closes a heading), plus what opens a block at the start of a line (`-`, `+`,
/// `=`, `1.`). A user's own bullet (`- `, `* `, `+ `) becomes `• `, which reads the same and
/// opens no list.
fn escape_line(l: &str) -> String {
    let mut out = String::with_capacity(l.len() + 8);
    let mut start = l.trim_start();
    if let Some(rest) = ["- ", "* ", "+ "]
        .iter()
        .find_map(|b| start.strip_prefix(b))
    {
        out.push_str("• ");
        start = rest.trim_start();
    }
    if start.starts_with(['-', '+', '=']) {
        out.push('\\');
    }
    let digits = start.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && start[digits..].starts_with(['.', ')']) {
        out.push_str(&start[..digits]);
        out.push('\\');
        start = &start[digits..];
    }
    escape_chars(start, &mut out);
    out
}

/// Appends `text` to `out` with every character Markdown reads as inline syntax escaped.
fn escape_chars(text: &str, out: &mut String) {
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_in_user_text_stays_text() {
        assert_eq!(line("## heading"), "\\#\\# heading");
        assert_eq!(
            line("Warsztat #"),
            "Warsztat \\#",
            "no closing sequence for a heading"
        );
        assert_eq!(line("- [x] done"), "• \\[x\\] done");
        assert_eq!(line("-- x"), "\\-- x");
        assert_eq!(line("```rust"), "\\`\\`\\`rust");
        assert_eq!(
            line("<script>alert(1)</script>"),
            "\\<script\\>alert(1)\\</script\\>"
        );
        assert_eq!(line("12. punkt"), "12\\. punkt");
        assert_eq!(line("a | b"), "a \\| b");
        assert_eq!(line("\u{1b}[2J"), "\\\\u{1b}\\[2J");
        assert_eq!(
            para("one\n  ## two\n\nthree", ""),
            "one\\\n\\#\\# two\n\nthree"
        );
    }
}
