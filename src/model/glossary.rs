//! Whether the English texts of a model file keep to the glossary: no forbidden variant of a
//! fixed term (a bare "the house" for the Przystań, "building manager" for property manager).

use super::source::Source;
use super::types::Term;
use crate::ron_error::{Located, Problem};

/// Whether `phrase` occurs in `text` as whole words, ignoring case.
pub fn contains_phrase(text: &str, phrase: &str) -> bool {
    find_phrase(text, phrase).is_some()
}

fn find_phrase(text: &str, phrase: &str) -> Option<usize> {
    let hay = text.to_lowercase();
    let needle = phrase.trim().to_lowercase();
    if needle.is_empty() {
        return None;
    }
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-');
    let mut from = 0;
    while let Some(at) = hay[from..].find(&needle) {
        let start = from + at;
        let mut end = start + needle.len();
        // A plural or a possessive is the same variant: "building managers", "the house's".
        for ending in ["'s", "’s", "s"] {
            if hay[end..].starts_with(ending) && !word(hay[end + ending.len()..].chars().next()) {
                end += ending.len();
                break;
            }
        }
        if !word(hay[..start].chars().next_back()) && !word(hay[end..].chars().next()) {
            return Some(start);
        }
        from = start + needle.chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// Every English string of a model file (`en: "…"`, as the files write them) that uses a
/// variant the glossary forbids, located at the string. Read from the text rather than the
/// parsed items so that every field counts, including ones added later.
pub fn misused_terms(source: &Source, glossary: &[Term]) -> Vec<Located> {
    let mut found = Vec::new();
    for (n, line) in source.text.lines().enumerate() {
        let mut rest = 0;
        while let Some(at) = line[rest..].find("en: \"") {
            let start = rest + at + "en: \"".len();
            let (text, len) = unescape(&line[start..]);
            rest = start + len;
            for term in glossary {
                for variant in &term.avoid {
                    if contains_phrase(&text, variant) {
                        found.push(Located::at(
                            &source.name,
                            &source.text,
                            n + 1,
                            line[..start].chars().count() + 1,
                            Problem::Worded {
                                pl: format!(
                                    "tekst angielski mówi \"{variant}\"; termin słownika \"{}\" to \"{}\"",
                                    term.id, term.en
                                ),
                                en: format!(
                                    "English text says \"{variant}\"; the glossary term \"{}\" is \"{}\"",
                                    term.id, term.en
                                ),
                            },
                        ));
                    }
                }
            }
        }
    }
    found
}

/// Every pair of texts (a `pl: "…"` followed by its `en: "…"`) whose Polish half uses one of a
/// term's `pl_forms` while its English half does not use the term, located at the English half.
/// The English term is looked for without a leading "the" and with hyphens read as spaces, so
/// "a Przystań" and "a housing-community meeting" count.
pub fn untranslated_terms(source: &Source, glossary: &[Term]) -> Vec<Located> {
    let mut found = Vec::new();
    let mut polish: Option<String> = None;
    for (n, line) in source.text.lines().enumerate() {
        let mut rest = 0;
        loop {
            let pl = line[rest..].find("pl: \"").map(|at| (at, true));
            let en = line[rest..].find("en: \"").map(|at| (at, false));
            let Some((at, is_pl)) = [pl, en].into_iter().flatten().min_by_key(|(at, _)| *at) else {
                break;
            };
            let start = rest + at + "pl: \"".len();
            let (text, len) = unescape(&line[start..]);
            rest = start + len;
            if is_pl {
                polish = Some(text);
                continue;
            }
            let Some(pl) = polish.take() else { continue };
            let english = text.replace('-', " ");
            for term in glossary {
                let wanted = term
                    .en
                    .strip_prefix("the ")
                    .unwrap_or(&term.en)
                    .replace('-', " ");
                let used = term.pl_forms.iter().any(|f| contains_exact(&pl, f));
                if used && !english.to_lowercase().contains(&wanted.to_lowercase()) {
                    found.push(Located::at(
                        &source.name,
                        &source.text,
                        n + 1,
                        line[..start].chars().count() + 1,
                        Problem::Worded {
                            pl: format!(
                                "tekst polski mówi \"{}\", a angielski nie mówi \"{}\" (termin słownika \"{}\")",
                                term.pl, term.en, term.id
                            ),
                            en: format!(
                                "the Polish text says \"{}\" but the English one does not say \"{}\" (glossary term \"{}\")",
                                term.pl, term.en, term.id
                            ),
                        },
                    ));
                }
            }
        }
    }
    found
}

/// Whether `form` occurs in `text` as whole words, with its case as written (Polish forms
/// differ by their endings, so no plural or possessive is added).
fn contains_exact(text: &str, form: &str) -> bool {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(form).any(|(at, m)| {
        !word(text[..at].chars().next_back()) && !word(text[at + m.len()..].chars().next())
    })
}

/// The string that starts right after an opening quote, and how many bytes it took with its
/// closing quote. Escapes other than `\"` and `\\` are kept as written: they never form a word.
fn unescape(s: &str) -> (String, usize) {
    let mut out = String::new();
    let mut chars = s.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return (out, i + 1),
            '\\' => match chars.next() {
                Some((_, '"')) => out.push('"'),
                Some((_, '\\')) => out.push('\\'),
                Some((_, other)) => {
                    out.push('\\');
                    out.push(other);
                }
                None => break,
            },
            c => out.push(c),
        }
    }
    (out, s.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Text;

    #[test]
    fn a_polish_term_needs_its_english_term_in_the_same_pair() {
        let term = Term {
            id: "przystan".into(),
            pl: "Przystań".into(),
            en: "the Przystań".into(),
            avoid: vec![],
            pl_forms: vec!["Przystań".into(), "Przystani".into()],
            note: Text::new("a", "b"),
        };
        let source = Source {
            name: "model/x.ron".into(),
            text: "[\n  (pl: \"W Przystani\", en: \"At a Przystań\"),\n  (\n    pl: \"Do Przystani\",\n    en: \"To the house\",\n  ),\n  (pl: \"Przystanek\", en: \"A bus stop\"),\n]\n".into(),
        };
        let found = untranslated_terms(&source, &[term]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].to_string().contains("model/x.ron:5:"),
            "{}",
            found[0]
        );
    }

    #[test]
    fn phrases_match_whole_words_only() {
        assert!(contains_phrase("Back to the house.", "the house"));
        assert!(contains_phrase("The House rules", "the house"));
        assert!(!contains_phrase("the household budget", "the house"));
        assert!(!contains_phrase("the Przystań's rules", "the house"));
        assert!(!contains_phrase("pre-the house", "the house"));
        assert!(contains_phrase("two building managers", "building manager"));
        assert!(contains_phrase("the house’s door", "the house"));
        assert!(!contains_phrase("the housework", "the house"));
    }

    #[test]
    fn a_variant_is_found_on_its_line_and_column() {
        let source = Source {
            name: "model/x.ron".into(),
            text: "[\n  (pl: \"dom\", en: \"Meet at \\\"the house\\\" at six\"),\n]\n".into(),
        };
        let term = Term {
            id: "przystan".into(),
            pl: "Przystań".into(),
            en: "the Przystań".into(),
            avoid: vec!["the house".into()],
            pl_forms: vec![],
            note: Text::new("a", "b"),
        };
        let found = misused_terms(&source, &[term]);
        assert_eq!(found.len(), 1);
        let shown = found[0].to_string();
        assert!(shown.contains("model/x.ron:2:"), "{shown}");
        assert!(shown.contains("\"the house\""), "{shown}");
    }
}
