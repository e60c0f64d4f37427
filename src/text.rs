//! Plain-text rules shared by the screens, the command line and the exports: matching that
//! ignores case and Polish letters, file-name slugs, and text made safe for a terminal.

use std::borrow::Cow;

/// `text` lowercased with Polish letters reduced to their base letter, for matching what a
/// user types without diacritics ("garaz" finds "Garaż").
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ą' => 'a',
            'ć' => 'c',
            'ę' => 'e',
            'ł' => 'l',
            'ń' => 'n',
            'ó' => 'o',
            'ś' => 's',
            'ź' | 'ż' => 'z',
            c => c,
        })
        .collect()
}

/// Whether `haystack` contains `needle`, ignoring case and Polish diacritics.
pub fn matches(haystack: &str, needle: &str) -> bool {
    fold(haystack).contains(&fold(needle))
}

/// A file-name slug: ASCII letters and digits in lowercase, runs of anything else as one `-`,
/// at most `max` bytes, cut at a word boundary when it can be.
pub fn slug(text: &str, max: usize) -> String {
    let mut out = String::new();
    for c in fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    if out.len() > max {
        let cut = out[..max]
            .rfind('-')
            .filter(|&i| i > max / 2)
            .unwrap_or(max);
        out.truncate(cut);
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Whether `c` must not reach a terminal as itself: C0 and C1 controls, DEL, and the marks
/// that reorder text on screen (bidi overrides, embeddings, isolates and directional marks).
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

fn escape(out: &mut String, c: char) {
    out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
}

/// `text` with every unsafe character written as a visible escape (`\u{1b}`), keeping line
/// breaks and tabs: for multi-line output such as an export or an error message.
pub fn visible(text: &str) -> Cow<'_, str> {
    sanitize(text, |c| c == '\n' || c == '\t')
}

/// [`visible`] for one line or one cell: line breaks and tabs become spaces as well.
pub fn visible_line(text: &str) -> Cow<'_, str> {
    let escaped = sanitize(text, |c| c == '\n' || c == '\t' || c == '\r');
    if escaped.contains(['\n', '\t', '\r']) {
        Cow::Owned(escaped.replace(['\n', '\t', '\r'], " "))
    } else {
        escaped
    }
}

fn sanitize(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(|c| is_unsafe(c) && !keep(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_unsafe(c) && !keep(c) {
            escape(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_and_polish_letters() {
        assert_eq!(
            fold("Mural na GARAŻACH, Łąka źródło"),
            "mural na garazach, laka zrodlo"
        );
        assert!(matches("Mural na garażach", "GARAZ"));
        assert!(!matches("Mural", "garaz"));
    }

    #[test]
    fn slugs_are_short_ascii_words() {
        assert_eq!(slug("Mural na garażach!", 60), "mural-na-garazach");
        assert_eq!(slug("  — ", 60), "");
        assert_eq!(slug("Dances from our elders", 12), "dances-from");
        assert!(slug(&"długi ".repeat(40), 60).len() <= 60);
    }

    #[test]
    fn control_and_bidi_characters_become_visible() {
        assert_eq!(visible("a\u{1b}]0;X\u{7}b"), "a\\u{1b}]0;X\\u{7}b");
        assert_eq!(visible("x\u{202e}y\u{9b}z"), "x\\u{202e}y\\u{9b}z");
        assert_eq!(visible("line\n\tnext"), "line\n\tnext");
        assert_eq!(visible_line("line\nnext\tcell"), "line next cell");
        assert!(matches!(visible("plain ąę"), Cow::Borrowed(_)));
    }
}
