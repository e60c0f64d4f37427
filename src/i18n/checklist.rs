//! The words of the conditional checklist: the facts, their answers, the hidden items, an
//! item's level and legal basis. Kept apart from the main table so each text sits next to
//! what it names.

use super::polish_plural;
use crate::lang::Lang;
use crate::model::{Condition, Jurisdiction, Level};
use crate::plan::{Fact, Facts};

/// A word or sentence of the checklist screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    /// The heading of the facts block.
    FactsTitle,
    /// What an unknown fact does, said under the facts.
    FactsRule,
    /// An answer taken from the plan's other fields, not given here.
    FromPlan,
    /// Not answered and not told by the plan.
    Unknown,
    /// Yes.
    Yes,
    /// No.
    No,
    /// Beside a hidden item shown on request.
    HiddenTag,
    /// The guide on a hidden item: why it is hidden.
    HiddenWhy,
    /// The guide's heading for an item's conditions.
    AppliesWhen,
    /// The guide's heading for the legal basis.
    LegalBasis,
    /// The guide on the facts block.
    FactsGuide,
    /// Before an item's provenance.
    Source,
    /// The prompt of the age box.
    PromptAge,
}

fn pair(word: Word) -> (&'static str, &'static str) {
    match word {
        Word::FactsTitle => ("O działaniu", "About the activity"),
        Word::FactsRule => (
            "Punkt znika z listy tylko wtedy, gdy fakt na pewno go wyklucza; to, czego nie wiadomo, niczego nie ukrywa.",
            "An item leaves the list only when a fact rules it out; what is not known hides nothing.",
        ),
        Word::FromPlan => ("z planu", "from the plan"),
        Word::Unknown => ("nie wiadomo", "not known"),
        Word::Yes => ("tak", "yes"),
        Word::No => ("nie", "no"),
        Word::HiddenTag => ("ukryty", "hidden"),
        Word::HiddenWhy => (
            "Ukryty: według faktów o działaniu ten punkt go nie dotyczy. Stan i notatka zostają w planie i wrócą, gdy zmienisz odpowiedź.",
            "Hidden: by the facts about the activity, this item does not apply to it. Its state and note stay in the plan and come back if you change the answer.",
        ),
        Word::AppliesWhen => ("dotyczy, gdy", "applies when"),
        Word::LegalBasis => ("Podstawa prawna", "Legal basis"),
        Word::FactsGuide => (
            "Kilka faktów o działaniu decyduje, które punkty listy go dotyczą. {content.toggle} zmienia odpowiedź: nie wiadomo → tak → nie, a kraj: Polska → Cypr; wiek najmłodszej osoby wpisujesz po {content.open}. „z planu” znaczy, że odpowiedź wynika z tego, co plan już mówi: z przykładu, miejsca, opisu grupy albo godzin spotkań – twoja odpowiedź ma pierwszeństwo. Gdy czegoś nie wiesz, zostaw „nie wiadomo”: wtedy widzisz wszystkie punkty, które mogą cię dotyczyć.",
            "A few facts about the activity decide which checklist items apply to it. {content.toggle} changes an answer: not known → yes → no, and the country: Poland → Cyprus; type the youngest participant's age after {content.open}. “from the plan” means the answer follows from what the plan already says: its example, place, group or meeting times – your own answer comes first. When you don't know, leave “not known”: you then see every item that may apply.",
        ),
        Word::Source => ("źródło", "source"),
        Word::PromptAge => (
            "Ile lat ma najmłodsza osoba w grupie? (puste = nie wiadomo)",
            "How old is the youngest participant? (empty = not known)",
        ),
    }
}

/// The text of `word` in `lang`.
pub fn word(lang: Lang, word: Word) -> &'static str {
    let (pl, en) = pair(word);
    match lang {
        Lang::Pl => pl,
        Lang::En => en,
    }
}

/// The text of `word` with the keys it names taken from the keymap.
pub fn word_with_keys(lang: Lang, w: Word) -> String {
    crate::keymap::with_keys(lang, word(lang, w))
}

/// A fact as the Checklist step asks it.
pub fn fact_name(lang: Lang, fact: Fact) -> &'static str {
    let (pl, en) = match fact {
        Fact::Country => ("Kraj (czyje prawo)", "Country (whose law)"),
        Fact::Outdoor => ("Zajęcia na zewnątrz", "Outdoors"),
        Fact::Trip => ("Wyjście, wyjazd, półkolonie", "Trip or day camp"),
        Fact::Abroad => ("Wyjazd za granicę", "A trip abroad"),
        Fact::Evening => ("Koniec wieczorem", "Ends in the evening"),
        Fact::Photos => ("Zdjęcia lub nagrania", "Photos or video"),
        Fact::Food => ("Jedzenie", "Food"),
        Fact::Online => ("Kontakt w internecie", "Contact online"),
        Fact::Youngest => ("Najmłodsza osoba", "Youngest participant"),
    };
    super::pick(lang, pl, en)
}

/// A country's name.
pub fn country(lang: Lang, j: Jurisdiction) -> &'static str {
    match j {
        Jurisdiction::Pl => super::pick(lang, "Polska", "Poland"),
        Jurisdiction::Cy => super::pick(lang, "Cypr", "Cyprus"),
    }
}

/// An age in years: "13 lat", "2 lata", "1 rok"; "13 years".
pub fn age(lang: Lang, years: u32) -> String {
    let n = u64::from(years);
    match lang {
        Lang::Pl => format!("{n} {}", polish_plural(n, "rok", "lata", "lat")),
        Lang::En if n == 1 => "1 year".to_string(),
        Lang::En => format!("{n} years"),
    }
}

/// The value of `fact` in `facts`, or "not known".
pub fn answer(lang: Lang, fact: Fact, facts: &Facts) -> String {
    let unknown = || word(lang, Word::Unknown).to_string();
    match fact {
        Fact::Country => facts
            .country
            .map_or_else(unknown, |j| country(lang, j).to_string()),
        Fact::Youngest => facts.youngest.map_or_else(unknown, |a| age(lang, a)),
        _ => match fact.yes_no(facts) {
            Some(true) => word(lang, Word::Yes).to_string(),
            Some(false) => word(lang, Word::No).to_string(),
            None => unknown(),
        },
    }
}

/// One condition of an item, as the guide lists them.
pub fn condition_name(lang: Lang, condition: Condition) -> &'static str {
    let (pl, en) = match condition {
        Condition::Outdoor => ("zajęcia na zewnątrz", "outdoors"),
        Condition::Trip => (
            "wyjście, wyjazd lub półkolonie",
            "an outing, a trip or a day camp",
        ),
        Condition::Abroad => ("wyjazd za granicę", "a trip abroad"),
        Condition::Evening => ("koniec wieczorem", "ends in the evening"),
        Condition::Photos => ("zdjęcia lub nagrania", "photos or video"),
        Condition::Food => ("jedzenie", "food"),
        Condition::Online => ("kontakt w internecie", "contact online"),
        Condition::Under13 => ("najmłodsi poniżej 13 lat", "anyone under 13"),
        Condition::Jurisdiction(Jurisdiction::Pl) => ("działanie w Polsce", "in Poland"),
        Condition::Jurisdiction(Jurisdiction::Cy) => ("działanie na Cyprze", "in Cyprus"),
    };
    super::pick(lang, pl, en)
}

/// An item's level.
pub fn level_name(lang: Lang, level: Level) -> &'static str {
    match level {
        Level::LegalRequirement => super::pick(lang, "wymóg prawny", "legal requirement"),
        Level::GoodPractice => super::pick(lang, "dobra praktyka", "good practice"),
    }
}

/// The line under the checklist that counts the items the facts hide, and the key that shows
/// (or hides) them.
pub fn hidden_line(lang: Lang, n: usize, shown: bool) -> String {
    let k = u64::try_from(n).unwrap_or(u64::MAX);
    let text = match (lang, shown) {
        (Lang::Pl, false) => format!(
            "{k} {} – według faktów nie {} tego działania. {{content.show_hidden}}: pokaż.",
            polish_plural(k, "punkt ukryty", "punkty ukryte", "punktów ukrytych"),
            polish_plural(k, "dotyczy", "dotyczą", "dotyczy")
        ),
        (Lang::Pl, true) => format!(
            "Na szaro widać {k} {} przez fakty. {{content.show_hidden}}: ukryj.",
            polish_plural(
                k,
                "punkt wykluczony",
                "punkty wykluczone",
                "punktów wykluczonych"
            ),
        ),
        (Lang::En, false) => format!(
            "{k} {} hidden: the facts rule {} out for this activity. {{content.show_hidden}}: show.",
            if k == 1 { "item" } else { "items" },
            if k == 1 { "it" } else { "them" }
        ),
        (Lang::En, true) => format!(
            "{k} {} ruled out by the facts, shown in grey. {{content.show_hidden}}: hide.",
            if k == 1 { "item" } else { "items" }
        ),
    };
    crate::keymap::with_keys(lang, &text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hidden_count_takes_the_polish_form_of_its_number() {
        let pl = |n| hidden_line(Lang::Pl, n, false);
        assert!(pl(1).starts_with("1 punkt ukryty – według faktów nie dotyczy "));
        assert!(pl(3).starts_with("3 punkty ukryte – według faktów nie dotyczą "));
        assert!(pl(5).starts_with("5 punktów ukrytych – według faktów nie dotyczy "));
        assert!(pl(12).starts_with("12 punktów ukrytych"));
        assert!(pl(22).starts_with("22 punkty ukryte"));
        assert!(
            hidden_line(Lang::En, 1, false).starts_with("1 item hidden: the facts rule it out")
        );
        assert!(hidden_line(Lang::En, 4, true).starts_with("4 items ruled out"));
        assert_eq!(age(Lang::Pl, 1), "1 rok");
        assert_eq!(age(Lang::Pl, 3), "3 lata");
        assert_eq!(age(Lang::Pl, 13), "13 lat");
        assert_eq!(age(Lang::Pl, 22), "22 lata");
    }

    #[test]
    fn every_condition_and_fact_has_its_own_name_in_both_languages() {
        for lang in [Lang::Pl, Lang::En] {
            let names: Vec<_> = Condition::ALL
                .iter()
                .map(|c| condition_name(lang, *c))
                .collect();
            let facts: Vec<_> = crate::plan::FACTS
                .iter()
                .map(|f| fact_name(lang, *f))
                .collect();
            for list in [&names, &facts] {
                for (i, n) in list.iter().enumerate() {
                    assert!(!n.is_empty() && !list[..i].contains(n), "{n}");
                }
            }
        }
    }
}
