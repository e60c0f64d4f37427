//! Words of the accessible mode: every line says what it is, so a screen reader or a braille
//! display reads the screen in order without the boxes and marks a sighted user relies on.

use super::pick;
use crate::lang::Lang;
use crate::plan::CheckState;

/// "Step 5 of 13: Values."
pub fn step(lang: Lang, n: usize, total: usize, name: &str) -> String {
    format!(
        "{} {n} {} {total}: {name}.",
        pick(lang, "Krok", "Step"),
        of(lang)
    )
}

/// "of" between a position and a count.
pub fn of(lang: Lang) -> &'static str {
    pick(lang, "z", "of")
}

/// "2 of 12: Voluntary involvement, chosen"
pub fn item(lang: Lang, n: usize, total: usize, text: &str) -> String {
    format!("{n} {} {total}: {text}", of(lang))
}

/// A pick row's state.
pub fn chosen(lang: Lang, chosen: bool) -> &'static str {
    if chosen {
        pick(lang, "wybrana", "chosen")
    } else {
        pick(lang, "niewybrana", "not chosen")
    }
}

/// A checklist item's state in words.
pub fn check(lang: Lang, state: CheckState) -> &'static str {
    match state {
        CheckState::Todo => pick(lang, "do zrobienia", "to do"),
        CheckState::Done => pick(lang, "zrobione", "done"),
        CheckState::NotApplicable => pick(lang, "nie dotyczy", "does not apply"),
    }
}

/// What a line is, before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// A plan of the list.
    Plan,
    /// The guide's text.
    Guide,
    /// The keys that work here.
    Keys,
    /// A message for the user.
    Message,
    /// A field being typed in.
    Editing,
    /// A note is missing.
    NoteMissing,
    /// A reason is missing.
    ReasonMissing,
    /// A slide.
    Slide,
    /// A question for the room.
    Question,
    /// Done so far in a phase.
    DoneSoFar,
    /// The field is empty.
    Empty,
    /// A damaged file.
    Damaged,
    /// Last change.
    Changed,
    /// Progress.
    Progress,
}

/// The word for `label`.
pub fn label(lang: Lang, label: Label) -> &'static str {
    match label {
        Label::Plan => pick(lang, "Plan", "Plan"),
        Label::Guide => pick(lang, "Podpowiedź", "Guide"),
        Label::Keys => pick(lang, "Klawisze", "Keys"),
        Label::Message => pick(lang, "Komunikat", "Message"),
        Label::Editing => pick(lang, "Edytujesz", "Editing"),
        Label::NoteMissing => pick(lang, "brak uzasadnienia", "justification missing"),
        Label::ReasonMissing => pick(lang, "brak powodu", "reason missing"),
        Label::Slide => pick(lang, "Slajd", "Slide"),
        Label::Question => pick(lang, "Pytanie", "Question"),
        Label::DoneSoFar => pick(lang, "zrobione", "done"),
        Label::Empty => pick(lang, "puste", "empty"),
        Label::Damaged => pick(lang, "uszkodzony", "damaged"),
        Label::Changed => pick(lang, "zmiana", "changed"),
        Label::Progress => pick(lang, "postęp", "progress"),
    }
}
