//! The model browser's rules: every model item in one list, a search that ignores case and
//! Polish letters, and the links between items (which methods fit a direction, which values a
//! checklist item serves, which scenarios use a method). Pure: the view words and draws it.

use crate::lang::Lang;
use crate::model::{Model, Text};
use crate::text::fold;

/// A model item, by kind and id.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Item {
    /// A value.
    Value(String),
    /// A direction of work.
    Direction(String),
    /// A checklist item.
    Check(String),
    /// A method.
    Method(String),
    /// A role.
    Role(String),
    /// An example scenario.
    Scenario(String),
    /// A piece of advice.
    Advice(String),
}

/// The kinds of item, in the order the browser lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Values.
    Value,
    /// Directions of work.
    Direction,
    /// Checklist items.
    Check,
    /// Methods.
    Method,
    /// Roles.
    Role,
    /// Example scenarios.
    Scenario,
    /// Advice.
    Advice,
}

impl Item {
    /// Its kind.
    pub fn kind(&self) -> Kind {
        match self {
            Item::Value(_) => Kind::Value,
            Item::Direction(_) => Kind::Direction,
            Item::Check(_) => Kind::Check,
            Item::Method(_) => Kind::Method,
            Item::Role(_) => Kind::Role,
            Item::Scenario(_) => Kind::Scenario,
            Item::Advice(_) => Kind::Advice,
        }
    }

    /// Its id.
    pub fn id(&self) -> &str {
        match self {
            Item::Value(id)
            | Item::Direction(id)
            | Item::Check(id)
            | Item::Method(id)
            | Item::Role(id)
            | Item::Scenario(id)
            | Item::Advice(id) => id,
        }
    }
}

/// Every item of the model, in the browser's order.
pub fn all(model: &Model) -> Vec<Item> {
    let mut out = Vec::new();
    out.extend(model.values.iter().map(|v| Item::Value(v.id.clone())));
    out.extend(
        model
            .directions
            .iter()
            .map(|d| Item::Direction(d.id.clone())),
    );
    out.extend(
        model
            .phases
            .iter()
            .flat_map(|p| &p.items)
            .map(|i| Item::Check(i.id.clone())),
    );
    out.extend(model.methods.iter().map(|m| Item::Method(m.id.clone())));
    out.extend(model.roles.iter().map(|r| Item::Role(r.id.clone())));
    out.extend(model.scenarios.iter().map(|s| Item::Scenario(s.id.clone())));
    out.extend(model.advice.iter().map(|a| Item::Advice(a.id.clone())));
    out
}

/// The item's name in `lang`; `None` when the model has no such item.
pub fn name<'m>(model: &'m Model, item: &Item, lang: Lang) -> Option<&'m str> {
    let text = match item {
        Item::Value(id) => &model.value(id)?.name,
        Item::Direction(id) => &model.direction(id)?.name,
        Item::Check(id) => &model.checklist_item(id)?.1.text,
        Item::Method(id) => &model.method(id)?.name,
        Item::Role(id) => &model.role(id)?.name,
        Item::Scenario(id) => &model.scenario(id)?.title,
        Item::Advice(id) => &model.advice.iter().find(|a| a.id == *id)?.title,
    };
    Some(text.get(lang))
}

/// Every text of the item in `lang`, for the search.
fn words(model: &Model, item: &Item, lang: Lang) -> Vec<String> {
    let get = |t: &Text| t.get(lang).to_string();
    let all = |ts: &[Text]| ts.iter().map(get).collect::<Vec<_>>();
    let mut out = Vec::new();
    match item {
        Item::Value(id) => {
            if let Some(v) = model.value(id) {
                out.extend([get(&v.name), get(&v.summary), get(&v.description)]);
                out.extend(all(&v.questions));
            }
        }
        Item::Direction(id) => {
            if let Some(d) = model.direction(id) {
                out.extend([get(&d.name), get(&d.summary), get(&d.description)]);
                out.extend(all(&d.questions));
            }
        }
        Item::Check(id) => {
            if let Some((_, c)) = model.checklist_item(id) {
                out.extend([get(&c.text), get(&c.hint)]);
                out.extend(c.legal_basis.as_ref().map(get));
            }
        }
        Item::Method(id) => {
            if let Some(m) = model.method(id) {
                out.extend([get(&m.name), get(&m.summary)]);
                for list in [
                    &m.aims,
                    &m.materials,
                    &m.preparation,
                    &m.debriefing,
                    &m.risks,
                    &m.variations,
                ] {
                    out.extend(all(list));
                }
                out.extend(m.steps.iter().map(|s| s.get(lang).to_string()));
                out.extend([get(&m.plan_b), get(&m.space_note)]);
                out.extend(m.adaptations.iter().map(|a| match lang {
                    Lang::Pl => a.pl.clone(),
                    Lang::En => a.en.clone(),
                }));
            }
        }
        Item::Role(id) => {
            if let Some(r) = model.role(id) {
                out.extend([
                    get(&r.name),
                    get(&r.summary),
                    get(&r.who),
                    get(&r.vetting_note),
                ]);
                out.extend(all(&r.tasks));
            }
        }
        Item::Scenario(id) => {
            if let Some(s) = model.scenario(id) {
                out.extend([get(&s.title), get(&s.summary), get(&s.place), get(&s.idea)]);
                out.extend(all(&s.goals));
                out.extend(all(&s.risks));
                out.extend(all(&s.evaluation));
                out.extend(all(&s.materials));
                out.extend([get(&s.budget), get(&s.plan_b), get(&s.accessibility)]);
            }
        }
        Item::Advice(id) => {
            if let Some(a) = model.advice.iter().find(|a| a.id == *id) {
                out.extend([get(&a.title), get(&a.text)]);
            }
        }
    }
    out
}

/// The items whose name or texts in `lang` contain `query`, ignoring case and Polish letters;
/// every item when the query is blank. Items whose name matches come first.
pub fn search(model: &Model, lang: Lang, query: &str) -> Vec<Item> {
    let needle = fold(query.trim());
    if needle.is_empty() {
        return all(model);
    }
    let (mut by_name, mut by_text) = (Vec::new(), Vec::new());
    for item in all(model) {
        if name(model, &item, lang).is_some_and(|n| fold(n).contains(&needle)) {
            by_name.push(item);
        } else if words(model, &item, lang)
            .iter()
            .any(|w| fold(w).contains(&needle))
        {
            by_text.push(item);
        }
    }
    by_name.extend(by_text);
    by_name
}

/// A group of links from an item: what they are, and the items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Links {
    /// What the linked items are to this one.
    pub relation: Relation,
    /// The linked items, in model order.
    pub items: Vec<Item>,
}

/// How linked items relate to the item they are shown from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// Values the item serves.
    ServesValues,
    /// Directions the item serves or fits.
    ServesDirections,
    /// Directions that serve this value.
    DirectionsServingIt,
    /// Methods that fit this direction.
    FittingMethods,
    /// Checklist items that serve this value or direction.
    ChecklistItems,
    /// Advice linked to this value or direction.
    Advice,
    /// Scenarios that live this value, follow this direction, use this method or give this
    /// role a task.
    Scenarios,
    /// Methods a scenario uses.
    UsesMethods,
    /// Roles a scenario gives tasks to.
    HasRoles,
}

/// The links from `item`, each group non-empty, in a fixed order.
pub fn links(model: &Model, item: &Item) -> Vec<Links> {
    use Relation as R;
    let has = |ids: &[String], id: &str| ids.iter().any(|x| x == id);
    let values = |ids: &[String]| {
        ids.iter()
            .filter(|id| model.value(id).is_some())
            .map(|id| Item::Value(id.clone()))
            .collect::<Vec<_>>()
    };
    let directions = |ids: &[String]| {
        ids.iter()
            .filter(|id| model.direction(id).is_some())
            .map(|id| Item::Direction(id.clone()))
            .collect::<Vec<_>>()
    };
    let checks = |f: &dyn Fn(&crate::model::ChecklistItem) -> bool| {
        model
            .phases
            .iter()
            .flat_map(|p| &p.items)
            .filter(|c| f(c))
            .map(|c| Item::Check(c.id.clone()))
            .collect::<Vec<_>>()
    };
    let advice = |f: &dyn Fn(&crate::model::Advice) -> bool| {
        model
            .advice
            .iter()
            .filter(|a| f(a))
            .map(|a| Item::Advice(a.id.clone()))
            .collect::<Vec<_>>()
    };
    let scenarios = |f: &dyn Fn(&crate::model::Scenario) -> bool| {
        model
            .scenarios
            .iter()
            .filter(|s| f(s))
            .map(|s| Item::Scenario(s.id.clone()))
            .collect::<Vec<_>>()
    };
    let groups: Vec<(Relation, Vec<Item>)> = match item {
        Item::Value(id) => vec![
            (
                R::DirectionsServingIt,
                model
                    .directions
                    .iter()
                    .filter(|d| has(&d.values, id))
                    .map(|d| Item::Direction(d.id.clone()))
                    .collect(),
            ),
            (R::ChecklistItems, checks(&|c| has(&c.values, id))),
            (R::Advice, advice(&|a| has(&a.values, id))),
            (
                R::Scenarios,
                scenarios(&|s| s.values.iter().any(|v| v.id == *id)),
            ),
        ],
        Item::Direction(id) => {
            let served = model.direction(id).map(|d| d.values.clone());
            vec![
                (R::ServesValues, values(&served.unwrap_or_default())),
                (
                    R::FittingMethods,
                    model
                        .methods
                        .iter()
                        .filter(|m| has(&m.directions, id))
                        .map(|m| Item::Method(m.id.clone()))
                        .collect(),
                ),
                (R::ChecklistItems, checks(&|c| has(&c.directions, id))),
                (R::Advice, advice(&|a| has(&a.directions, id))),
                (
                    R::Scenarios,
                    scenarios(&|s| s.directions.iter().any(|d| d.id == *id)),
                ),
            ]
        }
        Item::Check(id) => match model.checklist_item(id) {
            Some((_, c)) => vec![
                (R::ServesValues, values(&c.values)),
                (R::ServesDirections, directions(&c.directions)),
            ],
            None => Vec::new(),
        },
        Item::Method(id) => {
            let fits = model.method(id).map(|m| m.directions.clone());
            vec![
                (R::ServesDirections, directions(&fits.unwrap_or_default())),
                (R::Scenarios, scenarios(&|s| has(&s.methods, id))),
            ]
        }
        Item::Role(id) => vec![(
            R::Scenarios,
            scenarios(&|s| s.roles.iter().any(|r| r.id == *id)),
        )],
        Item::Scenario(id) => match model.scenario(id) {
            Some(s) => {
                let ids = |it: &mut dyn Iterator<Item = &String>| it.cloned().collect::<Vec<_>>();
                vec![
                    (
                        R::ServesValues,
                        values(&ids(&mut s.values.iter().map(|v| &v.id))),
                    ),
                    (
                        R::ServesDirections,
                        directions(&ids(&mut s.directions.iter().map(|d| &d.id))),
                    ),
                    (
                        R::UsesMethods,
                        s.methods
                            .iter()
                            .filter(|m| model.method(m).is_some())
                            .map(|m| Item::Method(m.clone()))
                            .collect(),
                    ),
                    (
                        R::HasRoles,
                        s.roles
                            .iter()
                            .filter(|r| model.role(&r.id).is_some())
                            .map(|r| Item::Role(r.id.clone()))
                            .collect(),
                    ),
                ]
            }
            None => Vec::new(),
        },
        Item::Advice(id) => match model.advice.iter().find(|a| a.id == *id) {
            Some(a) => vec![
                (R::ServesValues, values(&a.values)),
                (R::ServesDirections, directions(&a.directions)),
            ],
            None => Vec::new(),
        },
    };
    groups
        .into_iter()
        .filter(|(_, items)| !items.is_empty())
        .map(|(relation, items)| Links { relation, items })
        .collect()
}

/// The links from `item` as one list, in the order they are shown.
pub fn flat_links(model: &Model, item: &Item) -> Vec<Item> {
    links(model, item)
        .into_iter()
        .flat_map(|l| l.items)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> Model {
        crate::model::load_from(None).expect("the embedded model loads")
    }

    #[test]
    fn search_ignores_case_and_polish_letters() {
        let m = model();
        let plain = search(&m, Lang::Pl, "dobrowolnosc");
        assert_eq!(
            plain.first(),
            Some(&Item::Value("voluntary-involvement".into()))
        );
        let with_marks = search(&m, Lang::Pl, "DOBROWOLNOŚĆ");
        assert_eq!(plain, with_marks);
        assert_eq!(search(&m, Lang::Pl, "  ").len(), all(&m).len());
        assert!(search(&m, Lang::En, "zzzz-nothing-like-this").is_empty());
    }

    #[test]
    fn the_search_reaches_adaptations_plan_b_vetting_and_budgets() {
        let m = model();
        let method = &m.methods[0];
        let adaptation = method.adaptations[0].en.clone();
        let found = search(&m, Lang::En, &adaptation);
        assert!(found.contains(&Item::Method(method.id.clone())));
        let s = &m.scenarios[0];
        let found = search(&m, Lang::Pl, s.plan_b.get(Lang::Pl));
        assert!(found.contains(&Item::Scenario(s.id.clone())));
        let r = &m.roles[0];
        let found = search(&m, Lang::En, r.vetting_note.get(Lang::En));
        assert!(found.contains(&Item::Role(r.id.clone())));
    }

    #[test]
    fn every_link_names_an_item_that_exists_and_links_run_both_ways() {
        let m = model();
        for item in all(&m) {
            for target in flat_links(&m, &item) {
                assert!(
                    name(&m, &target, Lang::En).is_some(),
                    "{item:?} → {target:?}"
                );
            }
        }
        for d in &m.directions {
            let from = Item::Direction(d.id.clone());
            for v in &d.values {
                let value = Item::Value(v.clone());
                assert!(flat_links(&m, &from).contains(&value));
                assert!(flat_links(&m, &value).contains(&from));
            }
        }
        for s in &m.scenarios {
            for method in &s.methods {
                let links = flat_links(&m, &Item::Method(method.clone()));
                assert!(links.contains(&Item::Scenario(s.id.clone())));
            }
        }
    }
}
