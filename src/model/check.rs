//! Semantic checks of a parsed model: ids, references, translations, required lists.

use std::collections::{HashMap, HashSet};

use super::source::{ModelFile, Sources};
use super::types::{AdaptationKind, Condition, Level, Method, Model, Range, Setting, Text};
use crate::ron_error::{Located, line_of};

/// Where the checker is: which file, which item; turns findings into located messages.
struct Checker<'a> {
    sources: &'a Sources,
    errors: Vec<Located>,
}

/// One item being checked: its kind, file index, id and which occurrence of that id it is.
#[derive(Clone, Copy)]
struct Item<'a> {
    kind: &'static str,
    file: ModelFile,
    id: &'a str,
    nth: usize,
}

impl Checker<'_> {
    fn report(&mut self, item: Item<'_>, message: String) {
        let source = self.sources.get(item.file);
        let line = line_of(&source.text, &format!("id: \"{}\"", item.id), item.nth)
            .or_else(|| line_of(&source.text, &format!("\"{}\"", item.id), item.nth));
        let full = format!("{} \"{}\": {message}", item.kind, item.id);
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

    fn file_problem(&mut self, file: ModelFile, message: String) {
        let name = self.sources.get(file).name.clone();
        self.errors.push(Located::whole_file(name, message));
    }

    fn text(&mut self, item: Item<'_>, field: &str, text: &Text) {
        if text.pl.trim().is_empty() {
            self.report(
                item,
                format!("{field}: Polish text (pl) is missing or empty"),
            );
        }
        if text.en.trim().is_empty() {
            self.report(
                item,
                format!("{field}: English text (en) is missing or empty"),
            );
        }
    }

    fn texts(&mut self, item: Item<'_>, field: &str, texts: &[Text], required: bool) {
        if required && texts.is_empty() {
            self.report(
                item,
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
        kind: &str,
    ) {
        for id in ids {
            if !known.contains(id) {
                self.report(
                    item,
                    format!("{field}: there is no {kind} with id \"{id}\""),
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
    kind: &'static str,
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
                "id must be kebab-case: lowercase letters, digits and single hyphens".into(),
            );
        }
        if nth > 0 {
            checker.report(
                item,
                format!("duplicate id: this {kind} id is already used above"),
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
                format!("adaptations: no entry for {}", kinds_list(&missing)),
            );
        }
    }
    for (i, a) in m.adaptations.iter().enumerate() {
        if m.adaptations[..i].iter().any(|b| b.kind == a.kind) {
            c.report(
                item,
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
            "min_adults is 0; at least one adult runs any method".into(),
        );
    } else if let Some(ages) = m.age_range.filter(|a| a.min < 18)
        && m.min_adults < MIN_ADULTS_WITH_MINORS
    {
        c.report(
            item,
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

/// Returns every semantic problem in the model; empty when it is fit to use.
pub fn check(model: &Model, sources: &Sources) -> Vec<Located> {
    let mut c = Checker {
        sources,
        errors: Vec::new(),
    };
    let lists = [
        (ModelFile::Values, model.values.is_empty(), "values"),
        (
            ModelFile::Directions,
            model.directions.is_empty(),
            "directions",
        ),
        (ModelFile::Phases, model.phases.is_empty(), "phases"),
        (ModelFile::Methods, model.methods.is_empty(), "methods"),
        (ModelFile::Roles, model.roles.is_empty(), "roles"),
    ];
    for (file, empty, what) in lists {
        if empty {
            c.file_problem(file, format!("the model has no {what}; add at least one"));
        }
    }

    let (value_ids, value_items) = register(
        &mut c,
        "value",
        ModelFile::Values,
        model.values.iter().map(|v| v.id.as_str()),
    );
    let (direction_ids, direction_items) = register(
        &mut c,
        "direction",
        ModelFile::Directions,
        model.directions.iter().map(|v| v.id.as_str()),
    );
    let (_, phase_items) = register(
        &mut c,
        "phase",
        ModelFile::Phases,
        model.phases.iter().map(|v| v.id.as_str()),
    );
    let (_, checklist_items) = register(
        &mut c,
        "checklist item",
        ModelFile::Phases,
        model
            .phases
            .iter()
            .flat_map(|p| p.items.iter().map(|i| i.id.as_str())),
    );
    let (method_ids, method_items) = register(
        &mut c,
        "method",
        ModelFile::Methods,
        model.methods.iter().map(|v| v.id.as_str()),
    );
    let (role_ids, role_items) = register(
        &mut c,
        "role",
        ModelFile::Roles,
        model.roles.iter().map(|v| v.id.as_str()),
    );
    let (_, advice_items) = register(
        &mut c,
        "advice",
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
                    format!("title ({lang}) is {n} characters; keep it to 60, it is one line"),
                );
            }
        }
        if a.values.is_empty() {
            c.report(
                item,
                "values: the list is empty; link at least one value".into(),
            );
        }
        c.refs(
            item,
            "values",
            a.values.iter().map(String::as_str),
            &value_ids,
            "value",
        );
        c.refs(
            item,
            "directions",
            a.directions.iter().map(String::as_str),
            &direction_ids,
            "direction",
        );
    }
    let (_, scenario_items) = register(
        &mut c,
        "scenario",
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
            "value",
        );
        if !model.methods.iter().any(|m| m.directions.contains(&d.id)) {
            c.report(
                item,
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
                "value",
            );
            c.refs(
                ci,
                "directions",
                i.directions.iter().map(String::as_str),
                &direction_ids,
                "direction",
            );
            c.conditions(ci, &i.applies_when);
            match (&i.legal_basis, i.level) {
                (Some(basis), _) => c.text(ci, "legal_basis", basis),
                (None, Level::LegalRequirement) => c.report(
                    ci,
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
            c.report(item, "duration_minutes must be more than 0".into());
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
            "direction",
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
                "sessions: the list is empty; give at least one meeting".into(),
            );
        }
        for (i, session) in s.sessions.iter().enumerate() {
            let at = format!("sessions[{}]", i + 1);
            c.text(item, &format!("{at}.label"), &session.label);
            if session.parts.is_empty() {
                c.report(
                    item,
                    format!("{at}.parts: the list is empty; give at least one part"),
                );
            }
            if session.repeats == 0 {
                c.report(item, format!("{at}.repeats must be at least 1"));
            }
            for (j, part) in session.parts.iter().enumerate() {
                let at = format!("{at}.parts[{}]", j + 1);
                c.text(item, &format!("{at}.what"), &part.what);
                if !(1..=MAX_PART_MINUTES).contains(&part.minutes) {
                    c.report(
                        item,
                        format!(
                            "{at}.minutes is {}; give 1 to {MAX_PART_MINUTES}",
                            part.minutes
                        ),
                    );
                }
                if part.repeats == 0 {
                    c.report(item, format!("{at}.repeats must be at least 1"));
                }
                if !part.method.is_empty() && !method_ids.contains(part.method.as_str()) {
                    c.report(
                        item,
                        format!("{at}.method: unknown method \"{}\"", part.method),
                    );
                }
                if !part.lead.is_empty() && !role_ids.contains(part.lead.as_str()) {
                    c.report(item, format!("{at}.lead: unknown role \"{}\"", part.lead));
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
            "value",
        );
        c.refs(
            item,
            "directions",
            s.directions.iter().map(|v| v.id.as_str()),
            &direction_ids,
            "direction",
        );
        c.refs(
            item,
            "methods",
            s.methods.iter().map(String::as_str),
            &method_ids,
            "method",
        );
        c.refs(
            item,
            "roles",
            s.roles.iter().map(|v| v.id.as_str()),
            &role_ids,
            "role",
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
                format!("budget ({lang}): give each amount in {currency}, the currency of the scenario's setting"),
            );
        }
    }
}

fn glossary(c: &mut Checker<'_>, model: &Model) {
    if model.glossary.is_empty() {
        c.file_problem(
            ModelFile::Glossary,
            "the glossary has no terms; add at least one".into(),
        );
    }
    let (_, items) = register(
        c,
        "term",
        ModelFile::Glossary,
        model.glossary.iter().map(|t| t.id.as_str()),
    );
    let mut english: HashMap<String, &str> = HashMap::new();
    for (t, item) in model.glossary.iter().zip(items) {
        if t.pl.trim().is_empty() {
            c.report(item, "pl: the Polish term is missing or empty".into());
        }
        if t.en.trim().is_empty() {
            c.report(item, "en: the English term is missing or empty".into());
        }
        c.text(item, "note", &t.note);
        if let Some(first) = english.insert(t.en.to_lowercase(), &t.id)
            && !t.en.trim().is_empty()
        {
            c.report(
                item,
                format!("en: \"{}\" is already the term of \"{first}\"", t.en),
            );
        }
        for (i, form) in t.pl_forms.iter().enumerate() {
            if form.trim().is_empty() {
                c.report(
                    item,
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
                c.report(item, format!("{at} is empty; name a variant or remove it"));
            } else if super::glossary::contains_phrase(&t.en, variant) {
                // The test would then reject the glossary's own term everywhere it is used.
                c.report(
                    item,
                    format!("{at} \"{variant}\" is part of the term \"{}\" itself", t.en),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_kebab;

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
