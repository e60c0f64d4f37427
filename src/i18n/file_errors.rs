//! What is wrong with a damaged plan file, backup or settings file, in Polish and English.
//!
//! Each match is exhaustive over our own cases, so a new one cannot reach the screen without a
//! sentence in both languages. ron's error codes are worded here too; its English wording is
//! kept for English (users and the README quote it), and a code that a hand-edited file
//! hardly ever produces gets a general Polish sentence with ron's English in brackets.

use crate::i18n::errors::pick;
use crate::i18n::polish_plural;
use crate::lang::Lang;
use crate::ron_error::Problem;
use crate::settings::Warning;
use crate::storage::{MAX_ID_LEN, MAX_PLAN_BYTES, ReadOnly};

impl Warning {
    /// One line for standard error, in `lang`: what is wrong with the settings file and that
    /// it was left alone.
    pub fn text(&self, lang: Lang) -> String {
        let why = match self {
            Warning::CannotRead { file, why } => pick(
                lang,
                format!("nie można odczytać {file} ({why})"),
                format!("cannot read {file}: {why}"),
            ),
            Warning::NotPlainFile { file } => pick(
                lang,
                format!("{file} nie jest zwykłym plikiem"),
                format!("{file} is not a plain file"),
            ),
            Warning::TooLarge { file, limit } => pick(
                lang,
                format!("{file} ma ponad {limit} {}", bytes_pl(*limit)),
                format!("{file} is larger than {limit} bytes"),
            ),
            // One line: the place and the reason, without the quoted source under it.
            Warning::Damaged(e) => crate::text::visible_line(&e.one_line(lang)).into_owned(),
        };
        pick(
            lang,
            format!("uwaga: {why}; użyto ustawień domyślnych, a plik zostawiono bez zmian"),
            format!("warning: {why}; using the default settings and leaving the file as it is"),
        )
    }
}

impl ReadOnly {
    /// Why the plan is only read, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            ReadOnly::Newer { version, known } => pick(
                lang,
                format!(
                    "plan zapisała nowsza modelownia (wersja pliku {version}, ta zna wersje do \
                     {known}); otwarty tylko do odczytu, żeby nic, co tamta dodała, nie zginęło"
                ),
                format!(
                    "made by a newer modelownia (file version {version}, this one knows up to \
                     {known}); opened read-only so nothing it added is lost"
                ),
            ),
        }
    }
}

impl Problem {
    /// The problem in words, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Problem::Ron(e) => ron_error(lang, e),
            Problem::Missing => pick(lang, "brak pliku".into(), "file is missing".into()),
            Problem::PermissionDenied => pick(
                lang,
                "nie można odczytać pliku (brak uprawnień)".into(),
                "file cannot be read (permission denied)".into(),
            ),
            // The system's reason is English either way: it comes from the OS via std.
            Problem::CannotRead(why) => pick(
                lang,
                format!("nie można odczytać pliku ({why})"),
                format!("file cannot be read: {why}"),
            ),
            Problem::SymbolicLink => pick(
                lang,
                "to dowiązanie symboliczne; nie zostało otwarte (plany są zwykłymi plikami)".into(),
                "is a symbolic link; it was not opened (plans are plain files)".into(),
            ),
            Problem::NotAFile => pick(lang, "to nie jest plik".into(), "is not a file".into()),
            Problem::TooLarge { len } => pick(
                lang,
                format!(
                    "plik jest za duży ({len} {}; limit to {MAX_PLAN_BYTES} bajtów, 8 MiB); to nie \
                     jest plan zapisany przez modelownię",
                    bytes_pl(*len)
                ),
                format!(
                    "file is too large ({len} bytes; the limit is {MAX_PLAN_BYTES} bytes, 8 MiB); \
                     it is not a plan saved by modelownia"
                ),
            ),
            Problem::NotUtf8 { byte, offset } => pick(
                lang,
                format!(
                    "plik nie jest tekstem UTF-8 (błędny bajt 0x{byte:02X} na pozycji {offset}); \
                     pliki planów są zawsze w UTF-8"
                ),
                format!(
                    "file is not UTF-8 text (bad byte 0x{byte:02X} at offset {offset}); plan files \
                     are always UTF-8"
                ),
            ),
            Problem::NotUtf8Anywhere => pick(
                lang,
                "to nie jest poprawny tekst UTF-8".into(),
                "is not valid UTF-8".into(),
            ),
            Problem::Empty { len } => pick(
                lang,
                format!(
                    "plik jest pusty ({len} {}); nie ma w nim planu",
                    bytes_pl(*len as u64)
                ),
                format!("file is empty ({len} bytes); it holds no plan"),
            ),
            Problem::NoVersion => pick(
                lang,
                "w planie brak pola `version`, więc to nie jest plik planu modelowni (takie pliki \
                 zaczynają się od `(version: 1, id: ...`)"
                    .into(),
                "the plan has no `version` field, so it is not a modelownia plan file (files \
                 start with `(version: 1, id: ...`)"
                    .into(),
            ),
            Problem::VersionZero => pick(
                lang,
                "`version: 0` nie jest wersją planu; wersje plików planów zaczynają się od 1"
                    .into(),
                "`version: 0` is not a plan version; plan files start at version 1".into(),
            ),
            Problem::Newer {
                version,
                known,
                inner,
            } => pick(
                lang,
                format!(
                    "plan zapisała nowsza modelownia (wersja pliku {version}, ta zna wersje do \
                     {known}) i nie da się go odczytać: {}",
                    inner.text(lang)
                ),
                format!(
                    "made by a newer modelownia (file version {version}, this one knows up to \
                     {known}) and cannot be read: {}",
                    inner.text(lang)
                ),
            ),
            Problem::NoMigration { version, known } => pick(
                lang,
                format!("nie ma przejścia z wersji planu {version} do wersji {known}"),
                format!("no migration from plan version {version} to {known}"),
            ),
            Problem::BadId { id } => pick(
                lang,
                format!(
                    "identyfikator planu {id:?} jest nieprawidłowy (1–{MAX_ID_LEN} liter, cyfr, \
                     `-` lub `_`)"
                ),
                format!("plan id {id:?} is not valid (1–{MAX_ID_LEN} letters, digits, `-` or `_`)"),
            ),
            Problem::IdMismatch { id, name } => pick(
                lang,
                format!(
                    "identyfikator planu `{id}` nie zgadza się z nazwą pliku `{name}` (plik planu \
                     musi się nazywać `<id>.ron`; jeśli istnieje `{id}.ron`, to jest kopia tamtego \
                     planu: nigdy nie zmieniaj jej nazwy na tamtą, najpierw porównaj oba pliki)"
                ),
                format!(
                    "plan id `{id}` does not match the file name `{name}` (a plan's file must be \
                     named `<id>.ron`; if `{id}.ron` exists, this is a copy of that plan: never \
                     rename it onto it, compare the two first)"
                ),
            ),
            Problem::BadFileName => pick(
                lang,
                format!(
                    "nazwa pliku nie jest identyfikatorem planu (1–{MAX_ID_LEN} liter, cyfr, `-` \
                     lub `_`, potem `.ron`)"
                ),
                format!(
                    "file name is not a plan id (1–{MAX_ID_LEN} letters, digits, `-` or `_`, \
                     then `.ron`)"
                ),
            ),
            Problem::UnknownFields(u) => {
                unknown_fields(lang, &u.field, &u.parent, u.version, &u.rest, u.more)
            }
            Problem::TooDeep => too_deep(lang),
            Problem::Text(text) => text.clone(),
            Problem::Worded { pl, en } => pick(lang, pl.clone(), en.clone()),
        }
    }
}

/// "bajt", "bajty" or "bajtów" after `n`.
fn bytes_pl(n: u64) -> &'static str {
    polish_plural(n, "bajt", "bajty", "bajtów")
}

fn too_deep(lang: Lang) -> String {
    pick(
        lang,
        "nawiasy są zagnieżdżone zbyt głęboko (ponad 128 poziomów); żaden plik planu tak nie \
         wygląda"
            .into(),
        "brackets are nested too deeply (over 128 levels); no plan file is nested like this".into(),
    )
}

fn unknown_fields(
    lang: Lang,
    field: &str,
    parent: &str,
    version: u32,
    rest: &[String],
    more: usize,
) -> String {
    let listed = if more > rest.len() { ", …" } else { "" };
    match lang {
        Lang::Pl => {
            let place = if parent.is_empty() {
                String::new()
            } else {
                format!(" w `{parent}`")
            };
            let mut out = format!(
                "nieznane pole `{field}`{place} (plan w wersji {version} nie ma takiego pola; \
                 sprawdź pisownię)"
            );
            if more > 0 {
                let n = more as u64;
                out.push_str(&format!(
                    "; jeszcze {more} {}: {}{listed}",
                    polish_plural(n, "nieznane pole", "nieznane pola", "nieznanych pól"),
                    rest.join(", ")
                ));
            }
            out
        }
        Lang::En => {
            let place = if parent.is_empty() {
                String::new()
            } else {
                format!(" in `{parent}`")
            };
            let mut out = format!(
                "unknown field `{field}`{place} (plan version {version} has no such field; check \
                 its spelling)"
            );
            if more > 0 {
                out.push_str(&format!(
                    "; {more} more unknown: {}{listed}",
                    rest.join(", ")
                ));
            }
            out
        }
    }
}

/// `name` as the file spells it, in backticks.
fn ident(name: &str) -> String {
    format!("`{name}`")
}

/// "`a`", "`a` lub `b`", "`a`, `b` lub `c`".
fn one_of_pl(alts: &[&str]) -> String {
    match alts {
        [] => String::new(),
        [one] => ident(one),
        [init @ .., last] => format!(
            "{} lub {}",
            init.iter().map(|a| ident(a)).collect::<Vec<_>>().join(", "),
            ident(last)
        ),
    }
}

fn place_pl(outer: &Option<String>) -> String {
    outer
        .as_ref()
        .map(|o| format!(" w {}", ident(o)))
        .unwrap_or_default()
}

/// A ron error code in `lang`. English is ron's own wording.
fn ron_error(lang: Lang, e: &ron::Error) -> String {
    use ron::Error as E;
    if lang == Lang::En {
        return match e {
            // ron's English advises a developer to raise a limit; ours says what it means.
            E::ExceededRecursionLimit => too_deep(lang),
            e => e.to_string(),
        };
    }
    let s = |t: &str| t.to_string();
    match e {
        E::Eof => s("nieoczekiwany koniec pliku (czegoś brakuje na końcu, np. nawiasu)"),
        E::ExpectedArray => s("oczekiwano otwierającego nawiasu `[`"),
        E::ExpectedArrayEnd => s("oczekiwano zamykającego nawiasu `]`"),
        E::ExpectedStructLike => s("oczekiwano otwierającego nawiasu `(`"),
        E::ExpectedOptionEnd | E::ExpectedStructLikeEnd => s("oczekiwano zamykającego nawiasu `)`"),
        E::ExpectedMap => s("oczekiwano otwierającego nawiasu `{`"),
        E::ExpectedMapEnd => s("oczekiwano zamykającego nawiasu `}`"),
        E::ExpectedMapColon => s("oczekiwano dwukropka"),
        E::ExpectedComma => s("oczekiwano przecinka"),
        E::ExpectedBoolean => s("oczekiwano wartości logicznej (`true` lub `false`)"),
        E::ExpectedInteger => s("oczekiwano liczby całkowitej"),
        E::ExpectedFloat => s("oczekiwano liczby"),
        E::ExpectedString => s("oczekiwano tekstu w cudzysłowie (\"…\")"),
        E::ExpectedStringEnd => s("oczekiwano końca tekstu (zamykającego cudzysłowu `\"`)"),
        E::ExpectedChar => s("oczekiwano pojedynczego znaku w apostrofach (np. `'a'`)"),
        E::ExpectedByteLiteral => s("oczekiwano bajtu (np. `b'a'`)"),
        E::ExpectedByteString => s("oczekiwano ciągu bajtów (np. `b\"…\"`)"),
        E::ExpectedOption => s("oczekiwano `Some(…)` lub `None`"),
        E::ExpectedUnit => s("oczekiwano pustej wartości `()`"),
        E::ExpectedIdentifier => s("oczekiwano nazwy (np. nazwy pola)"),
        E::ExpectedAttribute => s("oczekiwano atrybutu `#![enable(…)]`"),
        E::ExpectedAttributeEnd => s("oczekiwano zamknięcia `)]` po atrybucie `enable`"),
        E::ExpectedDifferentStructName { expected, found } => format!(
            "oczekiwano struktury {}, a jest {}",
            ident(expected),
            ident(found)
        ),
        E::ExpectedNamedStructLike("") => s("oczekiwano samego nawiasu `(`, bez nazwy"),
        E::ExpectedNamedStructLike(name) => {
            format!(
                "oczekiwano otwierającego nawiasu `(` struktury {}",
                ident(name)
            )
        }
        E::ExpectedStructName(name) => {
            format!(
                "oczekiwano jawnej nazwy struktury {}, a jej nie ma",
                ident(name)
            )
        }
        E::FloatUnderscore => s("nieoczekiwany znak `_` w liczbie"),
        E::UnderscoreAtBeginning => s("nieoczekiwany znak `_` na początku liczby"),
        E::IntegerOutOfBounds => s("liczba jest poza dopuszczalnym zakresem"),
        E::InvalidIntegerDigit { digit, base } => {
            format!("nieprawidłowa cyfra {digit:?} w liczbie o podstawie {base}")
        }
        E::InvalidEscape(what) => format!(
            "nieprawidłowa sekwencja ze znakiem `\\` w tekście ({}); sam ukośnik zapisuje się \
             jako `\\\\`",
            escape_pl(what)
        ),
        E::UnexpectedChar(c) => format!("nieoczekiwany znak {c:?}"),
        E::Utf8Error(u) => format!(
            "nieprawidłowy ciąg bajtów UTF-8 (po {} poprawnych {})",
            u.valid_up_to(),
            bytes_pl(u.valid_up_to() as u64)
        ),
        E::TrailingCharacters => {
            s("po zakończeniu danych są jeszcze inne znaki (nadmiarowy tekst na końcu)")
        }
        E::UnclosedBlockComment => s("niezamknięty komentarz blokowy (brak `*/`)"),
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => {
            let mut out = format!("nieznana wartość {}{}", ident(found), place_pl(outer));
            if expected.is_empty() {
                out.push_str("; nie ma tu żadnych dozwolonych wartości");
            } else {
                out.push_str(&format!("; dozwolone: {}", one_of_pl(expected)));
            }
            out
        }
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let mut out = format!("nieznane pole {}{}", ident(found), place_pl(outer));
            if expected.is_empty() {
                out.push_str("; nie ma tu żadnych pól");
            } else {
                out.push_str(&format!("; dozwolone pola: {}", one_of_pl(expected)));
            }
            out
        }
        E::MissingStructField { field, outer } => {
            format!("brak wymaganego pola {}{}", ident(field), place_pl(outer))
        }
        E::DuplicateStructField { field, outer } => {
            format!(
                "pole {}{} występuje dwa razy",
                ident(field),
                place_pl(outer)
            )
        }
        E::InvalidValueForType { expected, found } => format!(
            "nieprawidłowa wartość: w pliku jest {}, a oczekiwano: {}",
            serde_kind_pl(found),
            serde_kind_pl(expected)
        ),
        E::ExpectedDifferentLength { expected, found } => {
            let n = *found as u64;
            format!(
                "nieprawidłowa liczba elementów: jest {found} {}, a oczekiwano: {}",
                polish_plural(n, "element", "elementy", "elementów"),
                serde_kind_pl(expected)
            )
        }
        E::InvalidIdentifier(name) => format!("nieprawidłowa nazwa {name:?}"),
        E::NoSuchExtension(name) => format!("nie ma rozszerzenia RON o nazwie {}", ident(name)),
        E::ExceededRecursionLimit => too_deep(lang),
        // serde's own message (a value a field does not accept); its words are English.
        E::Message(text) => format!("nieprawidłowa wartość ({text})"),
        E::Io(text) => format!("błąd odczytu ({text})"),
        // Codes a hand-edited plan does not produce: a general sentence and ron's words.
        other => format!("błąd w zapisie pliku ({other})"),
    }
}

/// ron's words for a bad escape in a string, in Polish; an unknown one as ron says it.
fn escape_pl(what: &str) -> String {
    match what {
        "Unknown escape character" => "nieznany znak po `\\`".into(),
        "Non-hex digit found" => "to nie jest cyfra szesnastkowa".into(),
        "Missing { in Unicode escape" => "brak `{` w kodzie znaku Unicode".into(),
        "No } at the end of Unicode escape" => "brak `}` na końcu kodu znaku Unicode".into(),
        "Expected 1-6 digits, got 0 digits in Unicode escape" => {
            "kod znaku Unicode musi mieć od 1 do 6 cyfr".into()
        }
        "Not a valid Unicode-escaped character" | "Not a valid byte-escaped Unicode character" => {
            "to nie jest poprawny kod znaku Unicode".into()
        }
        "Unexpected Unicode escape in byte literal" => "kod znaku Unicode w bajcie".into(),
        other => other.to_string(),
    }
}

/// serde's names of kinds of values ("a string", "the unsigned integer `5`", "struct Group"),
/// in Polish, in the nominative; anything else as serde says it.
fn serde_kind_pl(text: &str) -> String {
    let t = text.trim();
    let exact = match t {
        "a string" | "string" => Some("tekst"),
        "a boolean" | "bool" => Some("wartość logiczna (`true` lub `false`)"),
        "a sequence" => Some("lista w nawiasach `[…]`"),
        "a map" => Some("mapa w nawiasach `{…}`"),
        "option" | "an optional value" => Some("`Some(…)` lub `None`"),
        "unit" | "a unit value" => Some("pusta wartość `()`"),
        "a character" | "a char" => Some("pojedynczy znak"),
        "an enum" => Some("wartość z listy"),
        "a unit variant" => Some("wartość z listy"),
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => Some("liczba całkowita nieujemna"),
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => Some("liczba całkowita"),
        "f32" | "f64" => Some("liczba"),
        _ => None,
    };
    if let Some(pl) = exact {
        return pl.to_string();
    }
    let prefixed = [
        ("the string ", "tekst "),
        ("the unsigned integer ", "liczba "),
        ("the signed integer ", "liczba "),
        ("the floating point number ", "liczba "),
        ("the boolean ", "wartość logiczna "),
        ("the UTF-8 character ", "znak "),
        ("struct ", "struktura "),
        ("enum ", "wartość z listy "),
        ("tuple struct ", "struktura "),
    ];
    for (en, pl) in prefixed {
        if let Some(rest) = t.strip_prefix(en) {
            let rest =
                if en.starts_with("struct") || en.starts_with("enum") || en.starts_with("tuple") {
                    ident(rest)
                } else {
                    rest.to_string()
                };
            return format!("{pl}{rest}");
        }
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ron_error::Located;

    fn ron_problem(src: &str) -> Problem {
        let err = ron::from_str::<ron::Value>(src).expect_err("must fail");
        Problem::from(err.code)
    }

    #[test]
    fn closing_bracket_reads_in_both_languages() {
        let p = Problem::from(ron::Error::ExpectedStructLikeEnd);
        assert_eq!(p.text(Lang::Pl), "oczekiwano zamykającego nawiasu `)`");
        assert_eq!(p.text(Lang::En), "Expected closing `)`");
    }

    #[test]
    fn end_of_file_and_unexpected_char() {
        let p = Problem::from(ron::Error::Eof);
        assert!(
            p.text(Lang::Pl).starts_with("nieoczekiwany koniec pliku"),
            "{p:?}"
        );
        // ron reads a missing `)` at the end as a missing comma.
        assert_eq!(ron_problem("(a: 1").text(Lang::Pl), "oczekiwano przecinka");
        let p = Problem::from(ron::Error::UnexpectedChar('@'));
        assert_eq!(p.text(Lang::Pl), "nieoczekiwany znak '@'");
        assert_eq!(p.text(Lang::En), "Unexpected char '@'");
    }

    #[test]
    fn fields_and_variants_keep_their_names() {
        let p = Problem::from(ron::Error::MissingStructField {
            field: "id",
            outer: Some("Plan".into()),
        });
        assert_eq!(p.text(Lang::Pl), "brak wymaganego pola `id` w `Plan`");
        let p = Problem::from(ron::Error::NoSuchEnumVariant {
            expected: &["Todo", "Done", "NotApplicable"],
            found: "Dnoe".into(),
            outer: Some("CheckState".into()),
        });
        assert_eq!(
            p.text(Lang::Pl),
            "nieznana wartość `Dnoe` w `CheckState`; dozwolone: `Todo`, `Done` lub `NotApplicable`"
        );
        let p = Problem::from(ron::Error::NoSuchStructField {
            expected: &["lang", "theme"],
            found: "colour".into(),
            outer: None,
        });
        assert_eq!(
            p.text(Lang::Pl),
            "nieznane pole `colour`; dozwolone pola: `lang` lub `theme`"
        );
        let p = Problem::from(ron::Error::DuplicateStructField {
            field: "title",
            outer: Some("Context".into()),
        });
        assert_eq!(
            p.text(Lang::Pl),
            "pole `title` w `Context` występuje dwa razy"
        );
    }

    #[test]
    fn wrong_kinds_of_values_are_named_in_polish() {
        let p = Problem::from(ron::Error::InvalidValueForType {
            expected: "a sequence".into(),
            found: "the string \"oops\"".into(),
        });
        assert_eq!(
            p.text(Lang::Pl),
            "nieprawidłowa wartość: w pliku jest tekst \"oops\", a oczekiwano: lista w nawiasach `[…]`"
        );
        assert_eq!(
            Problem::from(ron::Error::ExpectedString).text(Lang::Pl),
            "oczekiwano tekstu w cudzysłowie (\"…\")"
        );
        assert_eq!(
            Problem::from(ron::Error::TrailingCharacters).text(Lang::En),
            "Non-whitespace trailing characters"
        );
    }

    #[test]
    fn a_bad_escape_is_explained_in_polish() {
        let p = ron_problem("\"x\\q\"");
        assert_eq!(
            p.text(Lang::Pl),
            "nieprawidłowa sekwencja ze znakiem `\\` w tekście (nieznany znak po `\\`); sam \
             ukośnik zapisuje się jako `\\\\`"
        );
        assert_eq!(p.text(Lang::En), "Unknown escape character");
    }

    #[test]
    fn too_deep_never_gives_developer_advice() {
        for lang in [Lang::Pl, Lang::En] {
            let text = Problem::from(ron::Error::ExceededRecursionLimit).text(lang);
            assert!(
                text.contains("128") && !text.contains("serde_stacker"),
                "{text}"
            );
        }
    }

    #[test]
    fn plan_problems_and_polish_plurals() {
        let p = Problem::UnknownFields(Box::new(crate::ron_error::UnknownFields {
            field: "colour".into(),
            parent: "context".into(),
            version: 4,
            rest: vec!["mood".into(), "x".into()],
            more: 2,
        }));
        assert_eq!(
            p.text(Lang::Pl),
            "nieznane pole `colour` w `context` (plan w wersji 4 nie ma takiego pola; sprawdź \
             pisownię); jeszcze 2 nieznane pola: mood, x"
        );
        assert!(
            p.text(Lang::En)
                .starts_with("unknown field `colour` in `context`")
        );
        assert_eq!(
            Problem::Empty { len: 3 }.text(Lang::Pl),
            "plik jest pusty (3 bajty); nie ma w nim planu"
        );
        assert_eq!(Problem::Missing.text(Lang::Pl), "brak pliku");
    }

    #[test]
    fn a_located_problem_keeps_its_place_in_both_languages() {
        let src = "(\n  id: \"a\",\n  title: \"x\"\n";
        let err = ron::from_str::<ron::Value>(src).expect_err("must fail");
        let loc = Located::from_ron("plans/a.ron", src, &err);
        let pl = loc.render(Lang::Pl);
        let en = loc.render(Lang::En);
        let head = format!("plans/a.ron:{}:{}: ", loc.line, loc.col);
        assert!(pl.starts_with(&head) && en.starts_with(&head), "{pl}\n{en}");
        assert_eq!(
            pl,
            "plans/a.ron:3:13: oczekiwano przecinka\n      title: \"x\"\n                ^"
        );
        assert_eq!(
            pl.lines().skip(1).collect::<Vec<_>>(),
            en.lines().skip(1).collect::<Vec<_>>()
        );
    }
}
