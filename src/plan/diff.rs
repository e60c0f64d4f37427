//! Two versions of a plan side by side: what differs, and a plan made of the parts chosen
//! from each. Used for rescued copies, sync conflicts and changes made elsewhere.

use super::steps::{FieldId, PickKind, STEPS};
use super::types::Plan;

/// A part of a plan that can be taken from one version or the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// A text field.
    Field(FieldId),
    /// A list of picks with their notes.
    Picks(PickKind),
    /// The agenda.
    Agenda,
    /// The checklist, with the facts that decide which items apply.
    Checklist,
}

/// Every item, in workbook order.
fn all() -> Vec<Item> {
    let mut out = Vec::new();
    for step in STEPS {
        if let Some(kind) = step.picks() {
            out.push(Item::Picks(kind));
        }
        out.extend(step.fields().iter().map(|f| Item::Field(*f)));
        match step {
            super::steps::Step::Agenda => out.push(Item::Agenda),
            super::steps::Step::Checklist => out.push(Item::Checklist),
            _ => {}
        }
    }
    out
}

fn same(a: &Plan, b: &Plan, item: Item) -> bool {
    match item {
        Item::Field(f) => f.get(a) == f.get(b),
        Item::Picks(k) => k.picks(a) == k.picks(b),
        Item::Agenda => a.sessions == b.sessions,
        // The facts decide what the checklist shows, so they travel with it.
        Item::Checklist => a.checklist == b.checklist && a.facts == b.facts,
    }
}

/// What differs between `mine` and `theirs`, in workbook order.
pub fn differences(mine: &Plan, theirs: &Plan) -> Vec<Item> {
    all()
        .into_iter()
        .filter(|i| !same(mine, theirs, *i))
        .collect()
}

/// `mine`, with each item in `take` replaced by `theirs`' version. Id, version and dates stay
/// `mine`'s: the result is the same plan, changed.
pub fn merge(mine: &Plan, theirs: &Plan, take: &[Item]) -> Plan {
    let mut out = mine.clone();
    for item in take {
        match *item {
            Item::Field(f) => *f.get_mut(&mut out) = f.get(theirs).to_string(),
            Item::Picks(k) => *k.picks_mut(&mut out) = k.picks(theirs).to_vec(),
            Item::Agenda => out.sessions = theirs.sessions.clone(),
            Item::Checklist => {
                out.checklist = theirs.checklist.clone();
                out.facts = theirs.facts.clone();
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Pick, Session};

    #[test]
    fn differences_and_a_merge_of_chosen_items() {
        let mut mine = Plan {
            id: "p1".into(),
            ..Plan::default()
        };
        mine.context.title = "Mural".into();
        mine.context.idea = "mine".into();
        let mut theirs = mine.clone();
        theirs.context.idea = "theirs".into();
        theirs.values.push(Pick {
            id: "participation".into(),
            note: "n".into(),
            ..Pick::default()
        });
        theirs.sessions.push(Session::default());
        theirs.id = "other".into();
        let d = differences(&mine, &theirs);
        assert_eq!(
            d,
            [
                Item::Field(FieldId::Idea),
                Item::Picks(PickKind::Values),
                Item::Agenda
            ]
        );
        let m = merge(&mine, &theirs, &[Item::Picks(PickKind::Values)]);
        assert_eq!(m.id, "p1");
        assert_eq!(m.context.idea, "mine");
        assert_eq!(m.values, theirs.values);
        assert!(m.sessions.is_empty());
        assert!(differences(&merge(&mine, &theirs, &d), &theirs).is_empty());
    }

    #[test]
    fn facts_differ_and_merge_with_the_checklist() {
        let mine = Plan::default();
        let mut theirs = mine.clone();
        theirs.facts.trip = Some(false);
        assert_eq!(differences(&mine, &theirs), [Item::Checklist]);
        let m = merge(&mine, &theirs, &[Item::Checklist]);
        assert_eq!(m.facts, theirs.facts);
    }
}
