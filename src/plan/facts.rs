//! Which checklist items apply to a plan: the facts it answered, what its other fields already
//! say, and the rule that what nobody knows hides nothing.

use super::types::{Facts, Plan};
use crate::model::{ChecklistItem, Condition, Jurisdiction, Model};

/// One fact a plan can answer, in the order the Checklist step asks them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Fact {
    /// Whose law applies.
    Country,
    /// Outdoors.
    Outdoor,
    /// An outing, a trip or a holiday day camp.
    Trip,
    /// A trip abroad.
    Abroad,
    /// Ends in the evening.
    Evening,
    /// Photos or video.
    Photos,
    /// Food.
    Food,
    /// Contact online.
    Online,
    /// The youngest participant's age.
    Youngest,
}

/// Every fact, in the order the Checklist step lists them.
pub const FACTS: [Fact; 9] = [
    Fact::Country,
    Fact::Outdoor,
    Fact::Trip,
    Fact::Abroad,
    Fact::Evening,
    Fact::Photos,
    Fact::Food,
    Fact::Online,
    Fact::Youngest,
];

/// A session that ends at this time of day or later counts as an evening one (minutes).
const EVENING_FROM: u32 = 18 * 60;

impl Fact {
    /// The yes/no answer of a yes/no fact, for reading and writing.
    fn flag(self, facts: &mut Facts) -> Option<&mut Option<bool>> {
        match self {
            Fact::Outdoor => Some(&mut facts.outdoor),
            Fact::Trip => Some(&mut facts.trip),
            Fact::Abroad => Some(&mut facts.abroad),
            Fact::Evening => Some(&mut facts.evening),
            Fact::Photos => Some(&mut facts.photos),
            Fact::Food => Some(&mut facts.food),
            Fact::Online => Some(&mut facts.online),
            Fact::Country | Fact::Youngest => None,
        }
    }

    /// Whether `facts` answers this fact.
    pub fn answered(self, facts: &Facts) -> bool {
        match self {
            Fact::Country => facts.country.is_some(),
            Fact::Youngest => facts.youngest.is_some(),
            _ => self.flag(&mut facts.clone()).is_some_and(|f| f.is_some()),
        }
    }

    /// The yes/no value of this fact in `facts`, when it is a yes/no fact and answered.
    pub fn yes_no(self, facts: &Facts) -> Option<bool> {
        self.flag(&mut facts.clone()).and_then(|f| *f)
    }

    /// Moves the answer on, as `Space` does: not answered → yes → no → not answered, and for
    /// the country not answered → Poland → Cyprus → not answered. The age is typed instead.
    pub fn cycle(self, facts: &mut Facts) {
        if self == Fact::Country {
            facts.country = match facts.country {
                None => Some(Jurisdiction::Pl),
                Some(Jurisdiction::Pl) => Some(Jurisdiction::Cy),
                Some(Jurisdiction::Cy) => None,
            };
        } else if let Some(flag) = self.flag(facts) {
            *flag = match *flag {
                None => Some(true),
                Some(true) => Some(false),
                Some(false) => None,
            };
        }
    }
}

/// What the plan already says without being asked: the country from its example scenario or
/// its area and place, the youngest age from its group (or its scenario), an evening from a
/// session that ends late. Only what the text makes plain; the rest stays unknown.
pub fn derived(plan: &Plan, model: &Model) -> Facts {
    let scenario = model.scenario(&plan.scenario);
    let country = country_in(&format!("{} {}", plan.context.area, plan.context.place))
        .or_else(|| scenario.map(|s| Jurisdiction::of_setting(s.setting)));
    let youngest = youngest_in(&plan.group.who).or_else(|| scenario.map(|s| s.group.ages.min));
    let late = plan.sessions.iter().any(|s| {
        super::agenda::parse_start(&s.start).is_some_and(|(_, start)| {
            start + super::agenda::session_minutes(s).max(s.minutes) >= EVENING_FROM
        })
    });
    let text = plan_text(plan);
    // Words only ever say yes: a "yes" that is wrong hides nothing, a "no" could. A negated
    // mention ("no photos", "bez zdjęć") says nothing either way.
    let says = |words: &[&str]| words.iter().any(|w| mentions(&text, w)).then_some(true);
    Facts {
        country,
        youngest,
        evening: late.then_some(true),
        outdoor: says(OUTDOOR_WORDS),
        trip: says(TRIP_WORDS),
        abroad: says(ABROAD_WORDS),
        photos: says(PHOTO_WORDS),
        food: says(FOOD_WORDS),
        online: says(ONLINE_WORDS),
    }
}

/// Words (lower case, as stems) that say part of the activity is outdoors.
const OUTDOOR_WORDS: &[&str] = &[
    "podwórk",
    "boisk",
    "skwer",
    "w parku",
    "na zewnątrz",
    "plener",
    "spacer",
    "courtyard",
    "pitch",
    "outdoor",
    "outside",
    "in the park",
    "walk",
];
/// …that it includes an outing, a trip or a holiday day camp.
const TRIP_WORDS: &[&str] = &[
    "wyjazd",
    "wycieczk",
    "półkoloni",
    "wyjście do",
    "wyjścia do",
    "trip",
    "outing",
    "excursion",
    "day camp",
];
/// …that a trip goes abroad.
const ABROAD_WORDS: &[&str] = &["za granic", "zagraniczn", "abroad"];
/// …that photos or video are taken.
const PHOTO_WORDS: &[&str] = &[
    "zdjęci", "zdjęć", "fotograf", "wizerun", "nagra", "film", "photo", "video", "camera",
];
/// …that food is served or made.
const FOOD_WORDS: &[&str] = &[
    "poczęstun",
    "jedzeni",
    "gotowani",
    "grill",
    "ciast",
    "pizz",
    "kanapk",
    "catering",
    "food",
    "snack",
    "cooking",
    "meal",
    "baking",
];
/// …that there is contact online.
const ONLINE_WORDS: &[&str] = &[
    "online",
    "internet",
    "komunikator",
    "messenger",
    "whatsapp",
    "discord",
    "zoom",
    "czat",
    "chat",
    "social media",
    "mediach społeczn",
];

/// Words that undo a mention near them in the same clause.
const NEGATIONS: &[&str] = &[
    "no", "not", "without", "never", "don't", "won't", "nor", "nie", "bez", "brak", "ani",
    "żadnych", "żadnego", "żadne", "żadnej",
];

/// Clause boundaries: a negation does not reach past them.
fn ends_clause(c: char) -> bool {
    matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '\n' | '(' | ')')
}

/// Whether `text` mentions `word` at least once without a negation in the three words before it
/// or the two after it, within its clause.
fn mentions(text: &str, word: &str) -> bool {
    let negation = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        NEGATIONS.contains(&w)
    };
    text.match_indices(word).any(|(at, _)| {
        let before = &text[..at];
        let clause_start = before.rfind(ends_clause).map_or(0, |i| i + 1);
        let negated_before = before[clause_start..]
            .split_whitespace()
            .rev()
            .take(3)
            .any(negation);
        let after = &text[at + word.len()..];
        let clause_end = after.find(ends_clause).unwrap_or(after.len());
        let after = &after[..clause_end];
        // The first piece finishes the mentioned word itself ("zdjęć" of "zdję…").
        let rest = match after.find(char::is_whitespace) {
            Some(i) if !after.starts_with(char::is_whitespace) => &after[i..],
            Some(_) => after,
            None => "",
        };
        let negated_after = rest.split_whitespace().take(2).any(negation);
        !negated_before && !negated_after
    })
}

/// The plan's own words about where, when, how and with what, in lower case.
fn plan_text(plan: &Plan) -> String {
    let c = &plan.context;
    let l = &plan.logistics;
    let mut parts = vec![
        c.place.as_str(),
        c.dates.as_str(),
        c.idea.as_str(),
        plan.group.reach.as_str(),
        l.materials.as_str(),
        l.budget.as_str(),
        l.consent.as_str(),
        l.safeguarding.as_str(),
        l.risks.as_str(),
    ];
    parts.extend(plan.sessions.iter().flat_map(|s| {
        std::iter::once(s.label.as_str()).chain(s.parts.iter().map(|p| p.what.as_str()))
    }));
    parts.join("\n").to_lowercase()
}

/// The facts in force: each answer, or else what the plan says.
pub fn effective(plan: &Plan, model: &Model) -> Facts {
    let said = derived(plan, model);
    let a = &plan.facts;
    Facts {
        country: a.country.or(said.country),
        outdoor: a.outdoor.or(said.outdoor),
        trip: a.trip.or(said.trip),
        abroad: a.abroad.or(said.abroad),
        evening: a.evening.or(said.evening),
        photos: a.photos.or(said.photos),
        food: a.food.or(said.food),
        online: a.online.or(said.online),
        youngest: a.youngest.or(said.youngest),
    }
}

/// Whether `condition` holds under `facts`: `None` when nobody knows.
pub fn holds(facts: &Facts, condition: Condition) -> Option<bool> {
    match condition {
        Condition::Outdoor => facts.outdoor,
        Condition::Trip => facts.trip,
        Condition::Abroad => facts.abroad,
        Condition::Evening => facts.evening,
        Condition::Photos => facts.photos,
        Condition::Food => facts.food,
        Condition::Online => facts.online,
        Condition::Under13 => facts.youngest.map(|age| age < 13),
        Condition::Jurisdiction(j) => facts.country.map(|c| c == j),
    }
}

/// Whether an item applies under `facts`. Conservative: it is hidden only when one of its
/// conditions is known to be false; an unknown fact hides nothing.
pub fn applies(item: &ChecklistItem, facts: &Facts) -> bool {
    item.applies_when
        .iter()
        .all(|c| holds(facts, *c) != Some(false))
}

/// The country a place names, when it names exactly one.
fn country_in(text: &str) -> Option<Jurisdiction> {
    let text = text.to_lowercase();
    let any = |words: &[&str]| words.iter().any(|w| text.contains(w));
    let pl = any(&["gdyni", "gdańsk", "polsk", "poland"]);
    let cy = any(&["nicosia", "nikozj", "cypr", "cyprus", "λευκωσ", "lefkoşa"]);
    match (pl, cy) {
        (true, false) => Some(Jurisdiction::Pl),
        (false, true) => Some(Jurisdiction::Cy),
        _ => None,
    }
}

/// The lowest age a group's description gives, as "13–16 lat", "aged 14–18", "16 years",
/// "w wieku 13". Group sizes ("12 osób", "10–12 people") are not ages and are skipped.
fn youngest_in(text: &str) -> Option<u32> {
    let lower = text.to_lowercase();
    let chars: Vec<char> = lower.chars().collect();
    let mut ages = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        let first: String = chars[start..i].iter().collect();
        // A range's second number: "13–16", "13-16", "13 do 16", "13 to 16".
        let mut j = i;
        let rest: String = chars[j..].iter().take(6).collect();
        for sep in ["–", "-", " – ", " - ", " do ", " to "] {
            if rest.starts_with(sep) && rest[sep.len()..].starts_with(|c: char| c.is_ascii_digit())
            {
                j += sep.chars().count();
                while j < chars.len() && chars[j].is_ascii_digit() {
                    j += 1;
                }
                break;
            }
        }
        let before: String = chars[..start].iter().collect();
        let after: String = chars[j..].iter().collect();
        let after = after.trim_start();
        let named_after = ["lat", "rok", "year", "yrs", "-year"]
            .iter()
            .any(|w| after.starts_with(w));
        let before = before.trim_end();
        let named_before = ["wieku", "aged", "ages", "age", "od"]
            .iter()
            .any(|w| before.ends_with(w));
        if (named_after || named_before)
            && let Ok(age) = first.parse::<u32>()
            && age < 120
        {
            ages.push(age);
        }
        i = j.max(i);
    }
    ages.into_iter().min()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_are_read_from_how_groups_are_described() {
        assert_eq!(youngest_in("12 osób, 13–16 lat. Stali bywalcy"), Some(13));
        assert_eq!(youngest_in("14 people aged 14–18. Mixed"), Some(14));
        assert_eq!(
            youngest_in("10–12 osób w wieku 13–17 lat, stali bywalcy"),
            Some(13)
        );
        assert_eq!(youngest_in("dzieci od 8 do 12 lat i ich rodzice"), Some(8));
        assert_eq!(youngest_in("a dozen 16 year olds"), Some(16));
        assert_eq!(youngest_in("12 osób z osiedla"), None);
        assert_eq!(youngest_in(""), None);
    }

    #[test]
    fn a_place_names_its_country_only_when_it_names_one() {
        assert_eq!(country_in("Gdynia, Obłuże"), Some(Jurisdiction::Pl));
        assert_eq!(
            country_in("Old Nicosia, a school hall"),
            Some(Jurisdiction::Cy)
        );
        assert_eq!(country_in("Gdynia and Nicosia online"), None);
        assert_eq!(country_in("the library"), None);
    }

    #[test]
    fn unknown_facts_hide_nothing_and_a_false_one_hides() {
        let model = crate::model::load_from(None).expect("embedded model");
        let (_, trip) = model
            .checklist_item("trip-insurance-and-notice-checked")
            .expect("the model has it");
        let mut facts = Facts::default();
        assert!(applies(trip, &facts));
        facts.trip = Some(true);
        assert!(applies(trip, &facts));
        facts.country = Some(Jurisdiction::Cy);
        assert!(!applies(trip, &facts));
        facts.country = Some(Jurisdiction::Pl);
        facts.trip = Some(false);
        assert!(!applies(trip, &facts));
    }

    #[test]
    fn cycling_goes_round_and_answers_override_what_the_plan_says() {
        let model = crate::model::load_from(None).expect("embedded model");
        let mut plan = Plan::default();
        plan.context.area = "Gdynia".into();
        assert_eq!(effective(&plan, &model).country, Some(Jurisdiction::Pl));
        Fact::Country.cycle(&mut plan.facts);
        Fact::Country.cycle(&mut plan.facts);
        assert_eq!(effective(&plan, &model).country, Some(Jurisdiction::Cy));
        Fact::Country.cycle(&mut plan.facts);
        assert_eq!(plan.facts, Facts::default());
        for fact in FACTS {
            let mut facts = Facts::default();
            fact.cycle(&mut facts);
            if fact == Fact::Youngest {
                assert!(!fact.answered(&facts));
                continue;
            }
            assert!(fact.answered(&facts), "{fact:?}");
            fact.cycle(&mut facts);
            fact.cycle(&mut facts);
            assert!(!fact.answered(&facts), "{fact:?}");
        }
    }

    #[test]
    fn the_plan_s_words_say_yes_and_never_no() {
        let model = crate::model::load_from(None).expect("embedded model");
        let mut plan = Plan::default();
        assert_eq!(derived(&plan, &model), Facts::default());
        plan.group.reach = "Grupa na komunikatorze prowadzona przez liderkę".into();
        plan.logistics.budget = "Poczęstunek 150 zł".into();
        plan.context.idea = "Robimy zdjęcia podwórka".into();
        let said = derived(&plan, &model);
        assert_eq!(said.online, Some(true));
        assert_eq!(said.food, Some(true));
        assert_eq!(said.photos, Some(true));
        assert_eq!(said.outdoor, Some(true));
        assert_eq!(said.trip, None);
        assert_eq!(said.abroad, None);
        // A holiday day camp is notified like a trip, so its items show.
        let mut camp = Plan::default();
        camp.context.idea = "Półkolonie w ferie w Przystani".into();
        assert_eq!(derived(&camp, &model).trip, Some(true));
        // A negated mention says nothing; another, plain one still does.
        plan.context.idea = "Bez zdjęć, na sali".into();
        plan.logistics.risks = "No photos of faces; we won't serve food".into();
        let said = derived(&plan, &model);
        assert_eq!(said.photos, None);
        assert_eq!(said.outdoor, None);
        assert_eq!(
            said.food,
            Some(true),
            "the budget still names a poczęstunek"
        );
        plan.logistics.budget.clear();
        assert_eq!(derived(&plan, &model).food, None);
        plan.logistics.materials = "aparat do zdjęć, nie telefon".into();
        assert_eq!(derived(&plan, &model).photos, Some(true));
        // An answer still wins over the words.
        plan.facts.photos = Some(false);
        assert_eq!(effective(&plan, &model).photos, Some(false));
    }

    #[test]
    fn a_late_session_is_an_evening_one() {
        let model = crate::model::load_from(None).expect("embedded model");
        let mut plan = Plan::default();
        plan.sessions.push(crate::plan::Session {
            start: "2026-10-02T17:00".into(),
            minutes: 90,
            ..crate::plan::Session::default()
        });
        assert_eq!(derived(&plan, &model).evening, Some(true));
        plan.sessions[0].start = "2026-10-02T15:00".into();
        assert_eq!(derived(&plan, &model).evening, None);
    }
}
