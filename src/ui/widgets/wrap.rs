//! Word wrapping by display width, for views that need to know where each line lands.

use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Wraps `text` to `width` columns: at spaces where possible, inside long words otherwise.
/// Keeps explicit line breaks. Always returns at least one line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        let mut line_w = 0;
        for word in para.split(' ') {
            let word_w = word.width();
            let sep = usize::from(!line.is_empty());
            if line_w + sep + word_w <= width {
                if sep == 1 {
                    line.push(' ');
                }
                line.push_str(word);
                line_w += sep + word_w;
                continue;
            }
            if !line.is_empty() {
                out.push(std::mem::take(&mut line));
                line_w = 0;
            }
            for c in word.chars() {
                let cw = c.width().unwrap_or(0);
                if line_w + cw > width && !line.is_empty() {
                    out.push(std::mem::take(&mut line));
                    line_w = 0;
                }
                line.push(c);
                line_w += cw;
            }
        }
        out.push(line);
    }
    out
}

/// Wraps each bulleted ("• …") or indented ("  …") one-span line that is wider than `width`
/// with a hanging indent, so its continuation lines stay under its text instead of starting
/// at the margin, where a long guide would read as one block. Other lines are left for the
/// paragraph to wrap.
pub fn hang(lines: Vec<Line<'static>>, width: u16) -> Vec<Line<'static>> {
    const INDENT: &str = "  ";
    let width = usize::from(width);
    if width <= 2 * INDENT.len() {
        return lines;
    }
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        let [span] = line.spans.as_slice() else {
            out.push(line);
            continue;
        };
        let text = span.content.as_ref();
        let prefix = ["• ", INDENT].into_iter().find(|p| text.starts_with(p));
        let (Some(prefix), true) = (prefix, text.width() > width) else {
            out.push(line);
            continue;
        };
        let body = &text[prefix.len()..];
        for (i, piece) in wrap(body, width - INDENT.len()).into_iter().enumerate() {
            let lead = if i == 0 { prefix } else { INDENT };
            out.push(
                Line::from(Span::styled(format!("{lead}{piece}"), span.style)).style(line.style),
            );
        }
    }
    out
}

/// Cuts `text` to `width` columns, ending with `…` when cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in text.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// `text` followed by spaces up to `width` display columns (a wide character counts two,
/// unlike `format!("{:<n}")`, which counts characters).
pub fn pad(text: &str, width: usize) -> String {
    let w = text.width();
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullets_and_indented_lines_hang_under_their_text() {
        let style = ratatui::style::Style::new().bold();
        let lines = vec![
            Line::from(Span::styled("• ala ma kota i psa", style)),
            Line::raw("  ola ma rybki"),
            Line::raw("bez wcięcia, długa linia"),
            Line::raw("• krótka"),
        ];
        let out = hang(lines, 10);
        let text: Vec<String> = out.iter().map(|l| l.to_string()).collect();
        assert_eq!(
            text,
            vec![
                "• ala ma",
                "  kota i",
                "  psa",
                "  ola ma",
                "  rybki",
                "bez wcięcia, długa linia",
                "• krótka"
            ]
        );
        assert!(out[..3].iter().all(|l| l.spans[0].style == style));
    }

    #[test]
    fn wraps_at_spaces_and_keeps_breaks() {
        assert_eq!(wrap("ala ma kota", 6), vec!["ala ma", "kota"]);
        assert_eq!(wrap("a\nb", 10), vec!["a", "b"]);
        assert_eq!(wrap("", 10), vec![""]);
    }

    #[test]
    fn splits_words_longer_than_the_width() {
        assert_eq!(wrap("źdźbłoźdźbło", 5), vec!["źdźbł", "oźdźb", "ło"]);
    }

    #[test]
    fn never_panics_on_zero_width_or_wide_chars() {
        assert!(!wrap("日本語のテキスト", 0).is_empty());
        assert_eq!(truncate("zażółć gęślą", 6), "zażół…");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn pad_counts_display_columns() {
        assert_eq!(pad("ab", 4), "ab  ");
        assert_eq!(pad("日本", 6), "日本  ");
        assert_eq!(pad("toolong", 3), "toolong");
    }
}
