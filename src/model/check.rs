//! Semantic checks of a parsed model: ids, references, translations, required lists.

use std::collections::{HashMap, HashSet};

use super::source::{ModelFile, Sources};
use super::types::{AdaptationKind, Condition, Level, Method, Model, Range, Setting, Text};
use crate::ron_error::{Located, Problem, line_of};

/// What kind of item a finding is about, named in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Value,
    Direction,
    Phase,
    ChecklistItem,
    Method,
    Role,
    Advice,
    Scenario,
    Term,
}

impl Kind {
    /// English name, as in "value \"x\"".
    fn en(self) -> &'static str {
        match self {
            Kind::Value => "value",
            Kind::Direction => "direction",
            Kind::Phase => "phase",
            Kind::ChecklistItem => "checklist item",
            Kind::Method => "method",
            Kind::Role => "role",
            Kind::Advice => "advice",
            Kind::Scenario => "scenario",
            Kind::Term => "term",
        }
    }

    /// Polish name, nominative: "wartość \"x\"".
    fn pl(self) -> &'static str {
        match self {
            Kind::Value => "wartość",
            Kind::Direction => "kierunek",
            Kind::Phase => "etap",
            Kind::ChecklistItem => "punkt listy kontrolnej",
            Kind::Method => "metoda",
            Kind::Role => "rola",
            Kind::Advice => "rada",
            Kind::Scenario => "scenariusz",
            Kind::Term => "termin słownika",
        }
    }

    /// Polish name, genitive: "nie ma wartości o id …".
    fn pl_genitive(self) -> &'static str {
        match self {
            Kind::Value => "wartości",
            Kind::Direction => "kierunku",
            Kind::Phase => "etapu",
            Kind::ChecklistItem => "punktu listy kontrolnej",
            Kind::Method => "metody",
            Kind::Role => "roli",
            Kind::Advice => "rady",
            Kind::Scenario => "scenariusza",
            Kind::Term => "terminu słownika",
        }
    }
}

/// A finding worded in both languages; `Located::render(lang)` picks one.
fn worded(pl: String, en: String) -> Problem {
    Problem::Worded { pl, en }
}

/// Where the checker is: which file, which item; turns findings into located messages.
struct Checker<'a> {
    sources: &'a Sources,
    errors: Vec<Located>,
}

/// One item being checked: its kind, file index, id and which occurrence of that id it is.
#[derive(Clone, Copy)]
struct Item<'a> {
    kind: Kind,
    file: ModelFile,
    id: &'a str,
    nth: usize,
}

impl Checker<'_> {
    fn report(&mut self, item: Item<'_>, pl: String, en: String) {
        let source = self.sources.get(item.file);
        let line = line_of(&source.text, &format!("id: \"{}\"", item.id), item.nth)
            .or_else(|| line_of(&source.text, &format!("\"{}\"", item.id), item.nth));
        let full = worded(
            format!("{} \"{}\": {pl}", item.kind.pl(), item.id),
            format!("{} \"{}\": {en}", item.kind.en(), item.id),
        );
        self.errors.push(match line {
            Some(line) => {
                let col = source
                    .text
                    .lines()
                    .nth(line - 1)
                    .and_then(|l| l.find(item.id))
                    .map_or(1, |b| b + 1);
                Located::at(&source.name, &source.text, line, col, full)
            }
            None => Located::whole_file(&source.name, full),
        });
    }

    fn file_problem(&mut self, file: ModelFile, pl: String, en: String) {
        let name = self.sources.get(file).name.clone();
        self.errors.push(Located::whole_file(name, worded(pl, en)));
    }

    fn text(&mut self, item: Item<'_>, field: &str, text: &Text) {
        if text.pl.trim().is_empty() {
            self.report(
                item,
                format!("{field}: polski tekst (pl) jest pusty albo go brak"),
                format!("{field}: Polish text (pl) is missing or empty"),
            );
        }
        if text.en.trim().is_empty() {
            self.report(
                item,
                format!("{field}: angielski tekst (en) jest pusty albo go brak"),
                format!("{field}: English text (en) is missing or empty"),
            );
        }
    }

    fn texts(&mut self, item: Item<'_>, field: &str, texts: &[Text], required: bool) {
        if required && texts.is_empty() {
            self.report(
                item,
                format!("{field}: lista jest pusta; podaj co najmniej jedną pozycję"),
                format!("{field}: the list is empty; give at least one entry"),
            );
        }
        for (i, t) in texts.iter().enumerate() {
            self.text(item, &format!("{field}[{}]", i + 1), t);
        }
    }

    fn refs<'r>(
        &mut self,
        item: Item<'_>,
        field: &str,
        ids: impl IntoIterator<Item = &'r str>,
        known: &HashSet<&str>,
        kind: Kind,
    ) {
        for id in ids {
            if !known.contains(id) {
                self.report(
                    item,
                    format!("{field}: nie ma {} o id \"{id}\"", kind.pl_genitive()),
                    format!("{field}: there is no {} with id \"{id}\"", kind.en()),
                );
            }
        }
    }

    /// An item's `applies_when`: each tag once, and never two countries, which no plan is in.
    fn conditions(&mut self, item: Item<'_>, conditions: &[Condition]) {
        for (i, cond) in conditions.iter().enumerate() {
            if conditions[..i].contains(cond) {
                self.report(
                    item,
                    format!("applies_when: {cond:?} występuje dwa razy; podaj każdy znacznik raz"),
                    format!("applies_when: {cond:?} is listed twice; list each tag once"),
                );
            }
        }
        let countries = conditions
            .iter()
            .filter(|c| matches!(c, Condition::Jurisdiction(_)))
            .count();
        if countries > 1 {
            self.report(
                item,
                "applies_when: więcej niż jedno Jurisdiction; wszystkie znaczniki muszą być \
                 spełnione naraz, więc punkt nigdy by nie obowiązywał (zrób osobny punkt dla \
                 każdego kraju)"
                    .into(),
                "applies_when: more than one Jurisdiction; all tags must hold at once, so the \
                 item would never apply (make one item per country)"
                    .into(),
            );
        }
    }

    fn range(&mut self, item: Item<'_>, field: &str, r: Range) {
        if r.min == 0 || r.min > r.max {
            self.report(
                item,
                format!(
                    "{field}: min musi wynosić co najmniej 1 i nie więcej niż max (jest {}–{})",
                    r.min, r.max
                ),
                format!(
                    "{field}: min must be at least 1 and not above max (got {}–{})",
                    r.min, r.max
                ),
            );
        }
    }
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Gives each id its occurrence number and reports bad and duplicate ids.
fn register<'a>(
    checker: &mut Checker<'_>,
    kind: Kind,
    file: ModelFile,
    ids: impl IntoIterator<Item = &'a str>,
) -> (HashSet<&'a str>, Vec<Item<'a>>) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut items = Vec::new();
    for id in ids {
        let nth = *seen.get(id).unwrap_or(&0);
        let item = Item {
            kind,
            file,
            id,
            nth,
        };
        if !is_kebab(id) {
            checker.report(
                item,
                "id musi być w kebab-case: małe litery, cyfry i pojedyncze łączniki".into(),
                "id must be kebab-case: lowercase letters, digits and single hyphens".into(),
            );
        }
        if nth > 0 {
            checker.report(
                item,
                "powtórzone id: to id jest już użyte wyżej".into(),
                format!("duplicate id: this {} id is already used above", kind.en()),
            );
        }
        seen.insert(id, nth + 1);
        items.push(item);
    }
    (seen.keys().copied().collect(), items)
}

/// The longest a method step or a scenario part may last (ten hours): more is a typo.
const MAX_PART_MINUTES: u32 = 600;

/// The fewest adults with a group that has minors in it: the staffing rule of the planning
/// checklist (`staffing-ratio-set`) says nobody is left alone with a group.
const MIN_ADULTS_WITH_MINORS: u32 = 2;

/// Adaptations, plan B, staffing and space: what a facilitator needs to run a method with a
/// real, mixed group.
fn method_practicalities(c: &mut Checker<'_>, item: Item<'_>, m: &Method) {
    if m.adaptations.is_empty() {
        c.report(
            item,
            format!(
                "adaptations: lista jest pusta; podaj po jednej dla każdego rodzaju: {}",
                kinds_list(&AdaptationKind::ALL)
            ),
            format!(
                "adaptations: the list is empty; give one for each of {}",
                kinds_list(&AdaptationKind::ALL)
            ),
        );
    } else {
        let missing: Vec<AdaptationKind> = AdaptationKind::ALL
            .into_iter()
            .filter(|k| !m.adaptations.iter().any(|a| a.kind == *k))
            .collect();
        if !missing.is_empty() {
            c.report(
                item,
                format!("adaptations: brak wpisu dla {}", kinds_list(&missing)),
                format!("adaptations: no entry for {}", kinds_list(&missing)),
            );
        }
    }
    for (i, a) in m.adaptations.iter().enumerate() {
        if m.adaptations[..i].iter().any(|b| b.kind == a.kind) {
            c.report(
                item,
                format!(
                    "adaptations[{}]: {:?} ma już adaptację wyżej; połącz obie",
                    i + 1,
                    a.kind
                ),
                format!(
                    "adaptations[{}]: {:?} is already adapted for above; merge the two",
                    i + 1,
                    a.kind
                ),
            );
        }
        c.text(
            item,
            &format!("adaptations[{}] ({:?})", i + 1, a.kind),
            &a.text(),
        );
    }
    c.text(item, "plan_b", &m.plan_b);
    c.text(item, "space_note", &m.space_note);
    if m.min_adults == 0 {
        c.report(
            item,
            "min_adults wynosi 0; każdą metodę prowadzi co najmniej jedna osoba dorosła".into(),
            "min_adults is 0; at least one adult runs any method".into(),
        );
    } else if let Some(ages) = m.age_range.filter(|a| a.min < 18)
        && m.min_adults < MIN_ADULTS_WITH_MINORS
    {
        c.report(
            item,
            format!(
                "min_adults wynosi {}, a metoda jest dla osób od {} lat: przy niepełnoletnich są co najmniej {MIN_ADULTS_WITH_MINORS} osoby dorosłe",
                m.min_adults, ages.min
            ),
            format!(
                "min_adults is {} but the method is for ages from {}: with minors there are at least {MIN_ADULTS_WITH_MINORS} adults",
                m.min_adults, ages.min
            ),
        );
    }
}

/// Adaptation kinds as they are spelled in the RON files, for messages.
fn kinds_list(kinds: &[AdaptationKind]) -> String {
    kinds
        .iter()
        .map(|k| format!("{k:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "znak", "znaki" or "znaków" after `n`.
fn characters_pl(n: usize) -> &'static str {
    crate::i18n::polish_plural(n as u64, "znak", "znaki", "znaków")
}

/// Returns every semantic problem in the model; empty when it is fit to use.
pub fn check(model: &Model, sources: &Sources) -> Vec<Located> {
    let mut c = Checker {
        sources,
        errors: Vec::new(),
    };
    let lists = [
        (
            ModelFile::Values,
            model.values.is_empty(),
            "wartości",
            "values",
        ),
        (
            ModelFile::Directions,
            model.directions.is_empty(),
            "kierunków",
            "directions",
        ),
        (
            ModelFile::Phases,
            model.phases.is_empty(),
            "etapów",
            "phases",
        ),
        (
            ModelFile::Methods,
            model.methods.is_empty(),
            "metod",
            "methods",
        ),
        (ModelFile::Roles, model.roles.is_empty(), "ról", "roles"),
    ];
    for (file, empty, pl, en) in lists {
        if empty {
            c.file_problem(
                file,
                format!("model nie ma {pl}; dodaj co najmniej jeden wpis"),
                format!("the model has no {en}; add at least one"),
            );
        }
    }

    let (value_ids, value_items) = register(
        &mut c,
        Kind::Value,
        ModelFile::Values,
        model.values.iter().map(|v| v.id.as_str()),
    );
    let (direction_ids, direction_items) = register(
        &mut c,
        Kind::Direction,
        ModelFile::Directions,
        model.directions.iter().map(|v| v.id.as_str()),
    );
    let (_, phase_items) = register(
        &mut c,
        Kind::Phase,
        ModelFile::Phases,
        model.phases.iter().map(|v| v.id.as_str()),
    );
    let (_, checklist_items) = register(
        &mut c,
        Kind::ChecklistItem,
        ModelFile::Phases,
        model
            .phases
            .iter()
            .flat_map(|p| p.items.iter().map(|i| i.id.as_str())),
    );
    let (method_ids, method_items) = register(
        &mut c,
        Kind::Method,
        ModelFile::Methods,
        model.methods.iter().map(|v| v.id.as_str()),
    );
    let (role_ids, role_items) = register(
        &mut c,
        Kind::Role,
        ModelFile::Roles,
        model.roles.iter().map(|v| v.id.as_str()),
    );
    let (_, advice_items) = register(
        &mut c,
        Kind::Advice,
        ModelFile::Advice,
        model.advice.iter().map(|a| a.id.as_str()),
    );
    for (a, item) in model.advice.iter().zip(advice_items) {
        c.text(item, "title", &a.title);
        c.text(item, "text", &a.text);
        for (lang, t) in [("pl", &a.title.pl), ("en", &a.title.en)] {
            let n = t.chars().count();
            if n > 60 {
                c.report(
                    item,
                    format!(
                        "title ({lang}) ma {n} {}; najwyżej 60, to jeden wiersz",
                        characters_pl(n)
                    ),
                    format!("title ({lang}) is {n} characters; keep it to 60, it is one line"),
                );
            }
        }
        if a.values.is_empty() {
            c.report(
                item,
                "values: lista jest pusta; powiąż co najmniej jedną wartość".into(),
                "values: the list is empty; link at least one value".into(),
            );
        }
        c.refs(
            item,
            "values",
            a.values.iter().map(String::as_str),
            &value_ids,
            Kind::Value,
        );
        c.refs(
            item,
            "directions",
            a.directions.iter().map(String::as_str),
            &direction_ids,
            Kind::Direction,
        );
    }
    let (_, scenario_items) = register(
        &mut c,
        Kind::Scenario,
        ModelFile::Scenarios,
        model.scenarios.iter().map(|v| v.id.as_str()),
    );

    for (v, item) in model.values.iter().zip(value_items) {
        c.text(item, "name", &v.name);
        c.text(item, "summary", &v.summary);
        c.text(item, "description", &v.description);
        c.texts(item, "questions", &v.questions, true);
    }
    for (d, item) in model.directions.iter().zip(direction_items) {
        c.text(item, "name", &d.name);
        c.text(item, "summary", &d.summary);
        c.text(item, "description", &d.description);
        c.texts(item, "questions", &d.questions, true);
        c.refs(
            item,
            "values",
            d.values.iter().map(String::as_str),
            &value_ids,
            Kind::Value,
        );
        if !model.methods.iter().any(|m| m.directions.contains(&d.id)) {
            c.report(
                item,
                "żadna metoda nie pasuje do tego kierunku; dodaj jego id do directions co najmniej jednej metody".into(),
                "no method fits this direction; add its id to the directions of at least one method".into(),
            );
        }
    }
    let mut checklist = checklist_items.into_iter();
    for (p, item) in model.phases.iter().zip(phase_items) {
        c.text(item, "name", &p.name);
        c.text(item, "summary", &p.summary);
        if p.items.is_empty() {
            c.report(
                item,
                "etap nie ma punktów listy kontrolnej; dodaj co najmniej jeden".into(),
                "the phase has no checklist items; add at least one".into(),
            );
        }
        for (i, ci) in p.items.iter().zip(checklist.by_ref()) {
            c.text(ci, "text", &i.text);
            c.text(ci, "hint", &i.hint);
            c.refs(
                ci,
                "values",
                i.values.iter().map(String::as_str),
                &value_ids,
                Kind::Value,
            );
            c.refs(
                ci,
                "directions",
                i.directions.iter().map(String::as_str),
                &direction_ids,
                Kind::Direction,
            );
            c.conditions(ci, &i.applies_when);
            match (&i.legal_basis, i.level) {
                (Some(basis), _) => c.text(ci, "legal_basis", basis),
                (None, Level::LegalRequirement) => c.report(
                    ci,
                    "legal_basis: LegalRequirement musi podać podstawę prawną (akt, a gdy \
                     szczegół jest niepewny, co i gdzie sprawdzić)"
                        .into(),
                    "legal_basis: a LegalRequirement must name its legal basis (the act and, \
                     where a detail is uncertain, what to verify and where)"
                        .into(),
                ),
                (None, Level::GoodPractice) => {}
            }
        }
    }
    for (m, item) in model.methods.iter().zip(method_items) {
        c.text(item, "name", &m.name);
        c.text(item, "summary", &m.summary);
        c.texts(item, "aims", &m.aims, true);
        c.range(item, "group_size", m.group_size);
        if let Some(ages) = m.age_range {
            c.range(item, "age_range", ages);
        }
        if m.duration_minutes == 0 {
            c.report(
                item,
                "duration_minutes musi wynosić więcej niż 0".into(),
                "duration_minutes must be more than 0".into(),
            );
        }
        c.texts(item, "materials", &m.materials, false);
        c.texts(item, "preparation", &m.preparation, false);
        let steps: Vec<Text> = m.steps.iter().map(|st| st.text()).collect();
        c.texts(item, "steps", &steps, true);
        for (i, st) in m.steps.iter().enumerate() {
            if !(1..=MAX_PART_MINUTES).contains(&st.minutes) {
                c.report(
                    item,
                    format!(
                        "steps[{}].minutes wynosi {}; podaj od 1 do {MAX_PART_MINUTES}",
                        i + 1,
                        st.minutes
                    ),
                    format!(
                        "steps[{}].minutes is {}; give 1 to {MAX_PART_MINUTES}",
                        i + 1,
                        st.minutes
                    ),
                );
            }
        }
        let sum: u32 = m.steps.iter().map(|st| st.minutes).sum();
        // A facilitator runs the steps with a timer: they must add up to the stated length.
        if m.duration_minutes > 0 && sum.abs_diff(m.duration_minutes) * 10 > m.duration_minutes {
            c.report(
                item,
                format!(
                    "kroki trwają razem {sum} min, a duration_minutes wynosi {}; mogą się różnić najwyżej o 10%",
                    m.duration_minutes
                ),
                format!(
                    "steps take {sum} min in all but duration_minutes is {}; they may differ by 10% at most",
                    m.duration_minutes
                ),
            );
        }
        c.texts(item, "debriefing", &m.debriefing, true);
        c.texts(item, "risks", &m.risks, true);
        c.texts(item, "variations", &m.variations, false);
        c.refs(
            item,
            "directions",
            m.directions.iter().map(String::as_str),
            &direction_ids,
            Kind::Direction,
        );
        method_practicalities(&mut c, item, m);
    }
    for (r, item) in model.roles.iter().zip(role_items) {
        c.text(item, "name", &r.name);
        c.text(item, "summary", &r.summary);
        c.text(item, "who", &r.who);
        c.texts(item, "tasks", &r.tasks, true);
        c.text(item, "vetting_note", &r.vetting_note);
    }
    for (s, item) in model.scenarios.iter().zip(scenario_items) {
        for (field, text) in [
            ("title", &s.title),
            ("summary", &s.summary),
            ("place", &s.place),
            ("group.description", &s.group.description),
            ("idea", &s.idea),
        ] {
            c.text(item, field, text);
        }
        c.range(item, "group.ages", s.group.ages);
        c.texts(item, "goals", &s.goals, true);
        if s.sessions.is_empty() {
            c.report(
                item,
                "sessions: lista jest pusta; podaj co najmniej jedno spotkanie".into(),
                "sessions: the list is empty; give at least one meeting".into(),
            );
        }
        for (i, session) in s.sessions.iter().enumerate() {
            let at = format!("sessions[{}]", i + 1);
            c.text(item, &format!("{at}.label"), &session.label);
            if session.parts.is_empty() {
                c.report(
                    item,
                    format!("{at}.parts: lista jest pusta; podaj co najmniej jedną część"),
                    format!("{at}.parts: the list is empty; give at least one part"),
                );
            }
            if session.repeats == 0 {
                c.report(
                    item,
                    format!("{at}.repeats musi wynosić co najmniej 1"),
                    format!("{at}.repeats must be at least 1"),
                );
            }
            for (j, part) in session.parts.iter().enumerate() {
                let at = format!("{at}.parts[{}]", j + 1);
                c.text(item, &format!("{at}.what"), &part.what);
                if !(1..=MAX_PART_MINUTES).contains(&part.minutes) {
                    c.report(
                        item,
                        format!(
                            "{at}.minutes wynosi {}; podaj od 1 do {MAX_PART_MINUTES}",
                            part.minutes
                        ),
                        format!(
                            "{at}.minutes is {}; give 1 to {MAX_PART_MINUTES}",
                            part.minutes
                        ),
                    );
                }
                if part.repeats == 0 {
                    c.report(
                        item,
                        format!("{at}.repeats musi wynosić co najmniej 1"),
                        format!("{at}.repeats must be at least 1"),
                    );
                }
                if !part.method.is_empty() && !method_ids.contains(part.method.as_str()) {
                    c.report(
                        item,
                        format!("{at}.method: nieznana metoda \"{}\"", part.method),
                        format!("{at}.method: unknown method \"{}\"", part.method),
                    );
                }
                if !part.lead.is_empty() && !role_ids.contains(part.lead.as_str()) {
                    c.report(
                        item,
                        format!("{at}.lead: nieznana rola \"{}\"", part.lead),
                        format!("{at}.lead: unknown role \"{}\"", part.lead),
                    );
                }
            }
        }
        for (i, v) in s.values.iter().enumerate() {
            c.text(item, &format!("values[{}].how", i + 1), &v.how);
        }
        for (i, d) in s.directions.iter().enumerate() {
            c.text(item, &format!("directions[{}].why", i + 1), &d.why);
        }
        for (i, r) in s.roles.iter().enumerate() {
            c.text(item, &format!("roles[{}].task", i + 1), &r.task);
        }
        c.refs(
            item,
            "values",
            s.values.iter().map(|v| v.id.as_str()),
            &value_ids,
            Kind::Value,
        );
        c.refs(
            item,
            "directions",
            s.directions.iter().map(|v| v.id.as_str()),
            &direction_ids,
            Kind::Direction,
        );
        c.refs(
            item,
            "methods",
            s.methods.iter().map(String::as_str),
            &method_ids,
            Kind::Method,
        );
        c.refs(
            item,
            "roles",
            s.roles.iter().map(|v| v.id.as_str()),
            &role_ids,
            Kind::Role,
        );
        c.texts(item, "risks", &s.risks, true);
        c.texts(item, "evaluation", &s.evaluation, true);
        c.text(item, "budget", &s.budget);
        budget_currency(&mut c, item, s.setting, &s.budget);
        // Polish procedures do not carry over to Nicosia: the scenario must say which rules apply.
        if s.setting == Setting::Nicosia
            && !s
                .risks
                .iter()
                .any(|r| r.en.contains("Cypr") && r.pl.to_lowercase().contains("cypr"))
        {
            c.report(
                item,
                "risks: scenariusz w Nikozji podlega prawu cypryjskiemu; dodaj ryzyko, które nazywa cypryjskie zasady weryfikacji kadry i zgód oraz mówi, co i z kim sprawdzić".into(),
                "risks: a Nicosia scenario runs under Cypriot law; add a risk that names the Cypriot frame for vetting and consent and says what to verify and with whom".into(),
            );
        }
        c.texts(item, "materials", &s.materials, true);
        c.text(item, "plan_b", &s.plan_b);
        c.text(item, "accessibility", &s.accessibility);
    }
    glossary(&mut c, model);
    c.errors
}

/// A budget a worker can take to a funder names sums in the money of the place it is set in.
fn budget_currency(c: &mut Checker<'_>, item: Item<'_>, setting: Setting, budget: &Text) {
    let (currency, marks): (&str, &[&str]) = match setting {
        Setting::Gdynia => ("PLN (zł)", &["PLN", "zł"]),
        Setting::Nicosia => ("EUR (€)", &["EUR", "€"]),
    };
    for (lang, t) in [("pl", &budget.pl), ("en", &budget.en)] {
        if t.trim().is_empty() {
            continue;
        }
        if !t.chars().any(|ch| ch.is_ascii_digit()) || !marks.iter().any(|m| t.contains(m)) {
            c.report(
                item,
                format!("budget ({lang}): podaj każdą kwotę w {currency}, walucie miejsca scenariusza"),
                format!("budget ({lang}): give each amount in {currency}, the currency of the scenario's setting"),
            );
        }
    }
}

fn glossary(c: &mut Checker<'_>, model: &Model) {
    if model.glossary.is_empty() {
        c.file_problem(
            ModelFile::Glossary,
            "słownik nie ma terminów; dodaj co najmniej jeden".into(),
            "the glossary has no terms; add at least one".into(),
        );
    }
    let (_, items) = register(
        c,
        Kind::Term,
        ModelFile::Glossary,
        model.glossary.iter().map(|t| t.id.as_str()),
    );
    let mut english: HashMap<String, &str> = HashMap::new();
    for (t, item) in model.glossary.iter().zip(items) {
        if t.pl.trim().is_empty() {
            c.report(
                item,
                "pl: polski termin jest pusty albo go brak".into(),
                "pl: the Polish term is missing or empty".into(),
            );
        }
        if t.en.trim().is_empty() {
            c.report(
                item,
                "en: angielski termin jest pusty albo go brak".into(),
                "en: the English term is missing or empty".into(),
            );
        }
        c.text(item, "note", &t.note);
        if let Some(first) = english.insert(t.en.to_lowercase(), &t.id)
            && !t.en.trim().is_empty()
        {
            c.report(
                item,
                format!("en: \"{}\" jest już terminem \"{first}\"", t.en),
                format!("en: \"{}\" is already the term of \"{first}\"", t.en),
            );
        }
        for (i, form) in t.pl_forms.iter().enumerate() {
            if form.trim().is_empty() {
                c.report(
                    item,
                    format!(
                        "pl_forms[{}]: pusty wpis; podaj polską formę terminu albo go usuń",
                        i + 1
                    ),
                    format!(
                        "pl_forms[{}] is empty; give a Polish form of the term or remove it",
                        i + 1
                    ),
                );
            }
        }
        for (i, variant) in t.avoid.iter().enumerate() {
            let at = format!("avoid[{}]", i + 1);
            if variant.trim().is_empty() {
                c.report(
                    item,
                    format!("{at}: pusty wpis; podaj wariant albo go usuń"),
                    format!("{at} is empty; name a variant or remove it"),
                );
            } else if super::glossary::contains_phrase(&t.en, variant) {
                // The test would then reject the glossary's own term everywhere it is used.
                c.report(
                    item,
                    format!(
                        "{at} \"{variant}\" jest częścią samego terminu \"{}\"",
                        t.en
                    ),
                    format!("{at} \"{variant}\" is part of the term \"{}\" itself", t.en),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Checker, Item, Kind, is_kebab};
    use crate::lang::Lang;
    use crate::model::source::{ModelFile, Sources};
    use crate::model::types::Text;

    /// The findings of `f`, run on the embedded model's sources, rendered in both languages.
    fn worded(f: impl FnOnce(&mut Checker<'_>)) -> Vec<(String, String)> {
        let sources = Sources::embedded();
        let mut c = Checker {
            sources: &sources,
            errors: Vec::new(),
        };
        f(&mut c);
        c.errors
            .iter()
            .map(|e| (e.one_line(Lang::Pl), e.one_line(Lang::En)))
            .collect()
    }

    fn item(kind: Kind, file: ModelFile, id: &str) -> Item<'_> {
        Item {
            kind,
            file,
            id,
            nth: 0,
        }
    }

    #[test]
    fn a_missing_translation_reads_in_both_languages_at_the_same_place() {
        let found = worded(|c| {
            let t = Text {
                pl: String::new(),
                en: "x".into(),
            };
            c.text(
                item(Kind::Value, ModelFile::Values, "participation"),
                "name",
                &t,
            );
        });
        let [(pl, en)] = found.as_slice() else {
            panic!("{found:?}")
        };
        let at = en.split(": ").next().unwrap_or_default();
        assert!(at.starts_with("model/values.ron:"), "{en}");
        assert!(pl.starts_with(&format!("{at}: ")), "{pl}");
        assert!(
            pl.ends_with(
                "wartość \"participation\": name: polski tekst (pl) jest pusty albo go brak"
            ),
            "{pl}"
        );
        assert!(
            en.ends_with("value \"participation\": name: Polish text (pl) is missing or empty"),
            "{en}"
        );
    }

    #[test]
    fn a_dangling_reference_names_the_kind_in_the_genitive() {
        let found = worded(|c| {
            let known = std::collections::HashSet::new();
            c.refs(
                item(Kind::Method, ModelFile::Methods, "no-such-method"),
                "directions",
                ["nowhere"],
                &known,
                Kind::Direction,
            );
        });
        let [(pl, en)] = found.as_slice() else {
            panic!("{found:?}")
        };
        assert!(
            pl.ends_with("metoda \"no-such-method\": directions: nie ma kierunku o id \"nowhere\""),
            "{pl}"
        );
        assert!(
            en.ends_with(
                "method \"no-such-method\": directions: there is no direction with id \"nowhere\""
            ),
            "{en}"
        );
    }

    #[test]
    fn an_empty_model_list_is_a_whole_file_problem_in_both_languages() {
        let found = worded(|c| {
            c.file_problem(
                ModelFile::Glossary,
                "słownik nie ma terminów; dodaj co najmniej jeden".into(),
                "the glossary has no terms; add at least one".into(),
            );
        });
        assert_eq!(
            found,
            [(
                "model/glossary.ron: słownik nie ma terminów; dodaj co najmniej jeden".to_string(),
                "model/glossary.ron: the glossary has no terms; add at least one".to_string()
            )]
        );
    }

    #[test]
    fn a_long_title_counts_characters_with_the_polish_plural() {
        assert_eq!(super::characters_pl(61), "znaków");
        assert_eq!(super::characters_pl(62), "znaki");
        assert_eq!(super::characters_pl(1), "znak");
    }

    #[test]
    fn kebab_ids() {
        assert!(is_kebab("research-walk"));
        assert!(is_kebab("a1"));
        assert!(!is_kebab("Research"));
        assert!(!is_kebab("-a"));
        assert!(!is_kebab("a--b"));
        assert!(!is_kebab("a_b"));
        assert!(!is_kebab(""));
    }
}
