//! The words for what a method needs in practice (adaptations, staffing, space, plan B) and
//! for a role's vetting, support-team seat and an item's provenance, in both languages.

use super::pick;
use super::polish_plural;
use crate::lang::Lang;
use crate::model::{AdaptationKind, Provenance, Space, Vetting};

/// Who an adaptation is for, as the label before its text.
pub fn adaptation_label(lang: Lang, kind: AdaptationKind) -> &'static str {
    match kind {
        AdaptationKind::Wheelchair => pick(lang, "Osoby na wózku", "Wheelchair users"),
        AdaptationKind::Neurodivergent => pick(lang, "Osoby neuroatypowe", "Neurodivergent people"),
        AdaptationKind::Hearing => pick(
            lang,
            "Osoby głuche i słabosłyszące",
            "Deaf and hard of hearing",
        ),
        AdaptationKind::Language => pick(lang, "Inny język", "Another language"),
        AdaptationKind::LowLiteracy => pick(lang, "Trudności z czytaniem", "Low literacy"),
    }
}

/// The heading over a method's adaptations.
pub fn adaptations_heading(lang: Lang) -> &'static str {
    pick(lang, "Dostosowania", "Adaptations")
}

/// The heading over a method's plan B.
pub fn plan_b_heading(lang: Lang) -> &'static str {
    pick(lang, "Plan B", "Plan B")
}

/// Where a method happens.
pub fn space_label(lang: Lang, space: Space) -> &'static str {
    match space {
        Space::Indoor => pick(lang, "w pomieszczeniu", "indoors"),
        Space::Outdoor => pick(lang, "na zewnątrz", "outdoors"),
        Space::Either => pick(
            lang,
            "w pomieszczeniu lub na zewnątrz",
            "indoors or outdoors",
        ),
    }
}

/// "At least N adults", with the Polish noun in the right form.
pub fn min_adults(lang: Lang, n: u32) -> String {
    let n64 = u64::from(n);
    match lang {
        Lang::Pl => format!(
            "Obsada: co najmniej {n} {}",
            polish_plural(n64, "osoba dorosła", "osoby dorosłe", "osób dorosłych")
        ),
        Lang::En if n == 1 => "Staffing: at least 1 adult".to_string(),
        Lang::En => format!("Staffing: at least {n} adults"),
    }
}

/// The staffing and space line of a method: "Staffing: at least 2 adults · indoors".
pub fn staffing_and_space(lang: Lang, adults: u32, space: Space) -> String {
    format!(
        "{} · {}",
        min_adults(lang, adults),
        space_label(lang, space)
    )
}

/// Whether a role is vetted before working with minors, as one line.
pub fn vetting_label(lang: Lang, vetting: Vetting) -> &'static str {
    match vetting {
        Vetting::Required => pick(
            lang,
            "Sprawdzenie przed pracą z małoletnimi: wymagane",
            "Vetting before working with minors: required",
        ),
        Vetting::NotRequired => pick(
            lang,
            "Sprawdzenie przed pracą z małoletnimi: nie w tej roli",
            "Vetting before working with minors: not in this role",
        ),
        Vetting::DependsOnContact => pick(
            lang,
            "Sprawdzenie przed pracą z małoletnimi: zależy od kontaktu z grupą",
            "Vetting before working with minors: depends on contact with the group",
        ),
    }
}

/// What the vetting is in Poland, said once under the role's own note.
pub fn vetting_law(lang: Lang) -> &'static str {
    pick(
        lang,
        "W Polsce: sprawdzenie w Rejestrze Sprawców Przestępstw na Tle Seksualnym i informacja z KRK (art. 21 ustawy z 13 maja 2016 r.).",
        "In Poland: a check against the Register of Sex Offenders and a criminal-record (KRK) certificate (Art. 21 of the Act of 13 May 2016).",
    )
}

/// Whether a role usually sits in the local support team.
pub fn support_team_label(lang: Lang, member: bool) -> &'static str {
    if member {
        pick(
            lang,
            "Zwykle zasiada w lokalnym zespole wsparcia",
            "Usually sits on the local support team",
        )
    } else {
        pick(
            lang,
            "Zwykle nie zasiada w lokalnym zespole wsparcia",
            "Does not usually sit on the local support team",
        )
    }
}

/// Where a model item comes from, as a line: "Source: Gdynia practice".
pub fn provenance_line(lang: Lang, provenance: Provenance) -> String {
    let what = provenance_name(lang, provenance);
    let source = pick(lang, "Źródło", "Source");
    // We have neither the Model's text nor the publication's: even an item on a topic they
    // name is in our words.
    let caveat = match provenance {
        Provenance::Model | Provenance::Publication => pick(
            lang,
            "tekst nasz, nie cytat",
            "our wording, not a quotation",
        ),
        Provenance::GdyniaPractice | Provenance::GeneralPractice => {
            pick(lang, "nie cytat z Modelu", "not a quotation of the Model")
        }
    };
    format!("{source}: {what} ({caveat})")
}

/// Where an item comes from, in a few words: the one wording for every kind of item.
pub fn provenance_name(lang: Lang, provenance: Provenance) -> &'static str {
    match provenance {
        Provenance::Model => pick(
            lang,
            "temat z opisu Modelu współpracy",
            "a topic named in the cooperation Model",
        ),
        Provenance::Publication => pick(lang, "temat publikacji", "a topic of the publication"),
        Provenance::GdyniaPractice => pick(lang, "praktyka gdyńska", "Gdynia practice"),
        // Also the source of legal checklist items, so not "good practice" alone.
        Provenance::GeneralPractice => pick(
            lang,
            "powszechna praktyka i przepisy",
            "general practice and law",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_source_says_the_words_are_not_a_quotation() {
        assert_eq!(
            provenance_line(Lang::En, Provenance::Model),
            "Source: a topic named in the cooperation Model (our wording, not a quotation)"
        );
        assert_eq!(
            provenance_line(Lang::Pl, Provenance::Model),
            "Źródło: temat z opisu Modelu współpracy (tekst nasz, nie cytat)"
        );
        assert_eq!(
            provenance_line(Lang::En, Provenance::GdyniaPractice),
            "Source: Gdynia practice (not a quotation of the Model)"
        );
    }

    #[test]
    fn polish_staffing_takes_the_right_noun_form() {
        assert_eq!(
            min_adults(Lang::Pl, 2),
            "Obsada: co najmniej 2 osoby dorosłe"
        );
        assert_eq!(
            min_adults(Lang::Pl, 5),
            "Obsada: co najmniej 5 osób dorosłych"
        );
        assert_eq!(
            min_adults(Lang::Pl, 1),
            "Obsada: co najmniej 1 osoba dorosła"
        );
        assert_eq!(min_adults(Lang::En, 1), "Staffing: at least 1 adult");
        assert_eq!(min_adults(Lang::En, 3), "Staffing: at least 3 adults");
    }
}
