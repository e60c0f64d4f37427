//! Finding where a field is in RON text, for messages about fields serde skipped.
//!
//! serde reports unknown fields as a path (`context.colour`) without a position, so the path is
//! walked over a light tokenization of the (already parsed, hence valid) text.

/// One step of a path into a plan file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    /// A struct field or map key.
    Key(String),
    /// A list element.
    Index(usize),
    /// `Some(..)` or a newtype: the value inside.
    Inner,
}

/// Converts a `serde_ignored` path to owned segments, outermost first.
pub fn segments(path: &serde_ignored::Path<'_>) -> Vec<Seg> {
    use serde_ignored::Path;
    let mut out = Vec::new();
    let mut at = path;
    loop {
        match at {
            Path::Root => break,
            Path::Seq { parent, index } => {
                out.push(Seg::Index(*index));
                at = parent;
            }
            Path::Map { parent, key } => {
                out.push(Seg::Key(key.clone()));
                at = parent;
            }
            Path::Some { parent }
            | Path::NewtypeStruct { parent }
            | Path::NewtypeVariant { parent } => {
                out.push(Seg::Inner);
                at = parent;
            }
        }
    }
    out.reverse();
    out
}

/// `context.colour`, `values[2].extra`.
pub fn display(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
            Seg::Inner => {}
        }
    }
    out
}

/// The last key of `path` (the unknown field's own name).
pub fn last_name(path: &[Seg]) -> String {
    path.iter()
        .rev()
        .find_map(|s| match s {
            Seg::Key(k) => Some(k.clone()),
            _ => None,
        })
        .unwrap_or_default()
}

/// `context` for a nested field, empty at the top level.
pub fn parent_path(path: &[Seg]) -> String {
    let key_at = path.iter().rposition(|s| matches!(s, Seg::Key(_)));
    display(&path[..key_at.unwrap_or(0)])
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok<'a> {
    Open(u8),
    Close,
    Comma,
    Colon,
    Ident(&'a str),
    Str(&'a str),
    Other,
}

/// 1-based line and column (in characters) of the key at the end of `path`, if found.
pub fn find(text: &str, path: &[Seg]) -> Option<(usize, usize)> {
    let toks = lex(text);
    let mut i = 0;
    let mut found = None;
    for seg in path {
        match seg {
            Seg::Inner => {
                if let (Some((Tok::Ident("Some"), _)), Some((Tok::Open(b'('), _))) =
                    (toks.get(i), toks.get(i + 1))
                {
                    i += 2;
                }
            }
            Seg::Key(name) => {
                i = open_of(&toks, i)?;
                let (key, value) = key_in(&toks, i, name)?;
                found = Some(toks[key].1);
                i = value;
            }
            Seg::Index(n) => {
                i = open_of(&toks, i)?;
                i = element_in(&toks, i, *n)?;
            }
        }
    }
    found.map(|offset| position(text, offset))
}

/// Index of the opening bracket of the value starting at `i` (skipping a struct name).
fn open_of(toks: &[(Tok<'_>, usize)], i: usize) -> Option<usize> {
    match toks.get(i)?.0 {
        Tok::Open(_) => Some(i),
        Tok::Ident(_) if matches!(toks.get(i + 1)?.0, Tok::Open(_)) => Some(i + 1),
        _ => None,
    }
}

/// In the container opened at `open`, the key token named `name` and the start of its value.
fn key_in(toks: &[(Tok<'_>, usize)], open: usize, name: &str) -> Option<(usize, usize)> {
    let mut level = 0usize;
    let mut j = open + 1;
    while let Some((tok, _)) = toks.get(j) {
        match tok {
            Tok::Open(_) => level += 1,
            Tok::Close if level == 0 => return None,
            Tok::Close => level -= 1,
            Tok::Ident(k) | Tok::Str(k)
                if level == 0 && *k == name && matches!(toks.get(j + 1), Some((Tok::Colon, _))) =>
            {
                return Some((j, j + 2));
            }
            _ => {}
        }
        j += 1;
    }
    None
}

/// In the list opened at `open`, the start of element `n`.
fn element_in(toks: &[(Tok<'_>, usize)], open: usize, n: usize) -> Option<usize> {
    let mut level = 0usize;
    let mut seen = 0;
    let mut j = open + 1;
    if n == 0 {
        return (!matches!(toks.get(j)?.0, Tok::Close)).then_some(j);
    }
    while let Some((tok, _)) = toks.get(j) {
        match tok {
            Tok::Open(_) => level += 1,
            Tok::Close if level == 0 => return None,
            Tok::Close => level -= 1,
            Tok::Comma if level == 0 => {
                seen += 1;
                if seen == n {
                    return Some(j + 1);
                }
            }
            _ => {}
        }
        j += 1;
    }
    None
}

fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Splits RON text into the tokens the walk needs; strings, chars and comments are skipped over
/// whole so their content never matches a key.
fn lex(text: &str) -> Vec<(Tok<'_>, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b' ' | b'\t' | b'\r' | b'\n' => i += 1,
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let mut depth = 0usize;
                while i < b.len() {
                    if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
                        depth += 1;
                        i += 2;
                    } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
            }
            b'(' | b'[' | b'{' => {
                out.push((Tok::Open(c), i));
                i += 1;
            }
            b')' | b']' | b'}' => {
                out.push((Tok::Close, i));
                i += 1;
            }
            b',' => {
                out.push((Tok::Comma, i));
                i += 1;
            }
            b':' => {
                out.push((Tok::Colon, i));
                i += 1;
            }
            b'"' => {
                let end = quoted_end(b, i, b'"');
                out.push((
                    Tok::Str(text.get(i + 1..end.saturating_sub(1)).unwrap_or("")),
                    i,
                ));
                i = end;
            }
            b'\'' => i = quoted_end(b, i, b'\''),
            _ if c == b'b' && b.get(i + 1) == Some(&b'"') => {
                let end = quoted_end(b, i + 1, b'"');
                out.push((Tok::Other, i));
                i = end;
            }
            _ if (c == b'r' || (c == b'b' && b.get(i + 1) == Some(&b'r')))
                && raw_start(b, i + usize::from(c == b'b')).is_some() =>
            {
                let start = i + usize::from(c == b'b');
                let (hashes, body) = raw_start(b, start).unwrap_or((0, start + 1));
                let end = raw_end(b, body, hashes);
                out.push((Tok::Other, i));
                i = end;
            }
            _ if c == b'_' || c.is_ascii_alphabetic() => {
                // Raw identifier `r#name`.
                let (start, from) = if c == b'r' && b.get(i + 1) == Some(&b'#') {
                    (i + 2, i)
                } else {
                    (i, i)
                };
                let mut j = start;
                while j < b.len() && (b[j] == b'_' || b[j].is_ascii_alphanumeric()) {
                    j += 1;
                }
                out.push((Tok::Ident(&text[start..j]), from));
                i = j.max(i + 1);
            }
            _ => {
                out.push((Tok::Other, i));
                i += 1;
                while i < b.len() && !text.is_char_boundary(i) {
                    i += 1;
                }
            }
        }
    }
    out
}

/// The index just past the closing quote of the literal opened at `i`.
fn quoted_end(b: &[u8], i: usize, quote: u8) -> usize {
    let mut j = i + 1;
    while j < b.len() {
        match b[j] {
            b'\\' => j += 2,
            x if x == quote => return j + 1,
            _ => j += 1,
        }
    }
    b.len()
}

/// For `r##"` at `i`: the number of hashes and the index of the body.
fn raw_start(b: &[u8], i: usize) -> Option<(usize, usize)> {
    if b.get(i) != Some(&b'r') {
        return None;
    }
    let mut j = i + 1;
    while b.get(j) == Some(&b'#') {
        j += 1;
    }
    (b.get(j) == Some(&b'"')).then_some((j - i - 1, j + 1))
}

fn raw_end(b: &[u8], mut j: usize, hashes: usize) -> usize {
    while j < b.len() {
        if b[j] == b'"'
            && b[j + 1..]
                .iter()
                .take(hashes)
                .filter(|&&h| h == b'#')
                .count()
                == hashes
        {
            return j + 1 + hashes;
        }
        j += 1;
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(k: &str) -> Seg {
        Seg::Key(k.into())
    }

    #[test]
    fn finds_nested_keys_past_decoys() {
        let text = "(\n  note: \"colour: x\",\n  // colour: y\n  list: [(a: 1), (a: 2, colour: 3)],\n  m: {\"k\": (colour: 4)},\n)";
        assert_eq!(
            find(text, &[key("list"), Seg::Index(1), key("colour")]),
            Some((4, 25))
        );
        assert_eq!(
            find(text, &[key("m"), key("k"), key("colour")]),
            Some((5, 13))
        );
        assert_eq!(find(text, &[key("colour")]), None);
        assert_eq!(find(text, &[key("list"), Seg::Index(2), key("a")]), None);
    }

    #[test]
    fn raw_strings_and_chars_are_skipped() {
        let text = "Plan(a: r#\"x: \"(\"#, b: 'x', c: br\"]\", d: b\"\\\"\", colour: 1)";
        assert_eq!(find(text, &[key("colour")]), Some((1, 49)));
    }

    #[test]
    fn columns_count_characters() {
        let text = "(a: \"ąę\", colour: 1)";
        assert_eq!(find(text, &[key("colour")]), Some((1, 11)));
    }

    #[test]
    fn display_forms() {
        let p = vec![key("values"), Seg::Index(2), key("extra")];
        assert_eq!(display(&p), "values[2].extra");
        assert_eq!(last_name(&p), "extra");
        assert_eq!(parent_path(&p), "values[2]");
        assert_eq!(parent_path(&[key("x")]), "");
    }
}
