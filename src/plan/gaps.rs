//! What is still missing in a plan, and how far along it is.

use super::steps::{FieldId, PickKind, STEPS, Step};
use super::types::{CheckState, Plan};
use crate::model::Model;

/// Something the plan still lacks, pointing at the step that fixes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gap {
    /// A required field is empty.
    EmptyField(FieldId),
    /// Nothing of this kind is picked yet.
    NoPicks(PickKind),
    /// A pick has no justification / answer.
    NoNote(PickKind, String),
    /// A pick refers to an id the model does not have (model edited or swapped).
    Unknown(PickKind, String),
    /// Checklist items of a phase still to do: phase index and count.
    ChecklistTodo(usize, usize),
    /// A not-applicable checklist item without a reason.
    NoReason(String),
    /// The agenda has no parts yet.
    NoAgenda,
    /// A part (by id) has no minutes.
    PartNoMinutes(String),
    /// A part (by id) has nobody leading it, though several people are involved.
    PartNoLead(String),
    /// A session (by index) takes longer than its planned length: its minutes and the plan's.
    SessionTooLong(usize, u32, u32),
    /// A part (by id) lasts more than ten hours: a typo, surely.
    PartTooLong(String),
    /// A session (by index) has a start time that is not `YYYY-MM-DDTHH:MM`.
    BadStart(usize),
    /// A checklist entry for an item the model does not have (model edited or swapped).
    UnknownCheck(String),
}

impl Gap {
    /// How many missing things the gap stands for: a phase's to-do items count one each.
    pub fn weight(&self) -> usize {
        match self {
            Gap::ChecklistTodo(_, n) => *n,
            _ => 1,
        }
    }

    /// The step where the gap is filled.
    pub fn step(&self) -> Step {
        match self {
            Gap::EmptyField(f) => f.step(),
            Gap::NoPicks(k) | Gap::NoNote(k, _) | Gap::Unknown(k, _) => k.step(),
            Gap::ChecklistTodo(..) | Gap::NoReason(_) | Gap::UnknownCheck(_) => Step::Checklist,
            Gap::NoAgenda
            | Gap::PartNoMinutes(_)
            | Gap::PartNoLead(_)
            | Gap::SessionTooLong(..)
            | Gap::PartTooLong(_)
            | Gap::BadStart(_) => Step::Agenda,
        }
    }
}

/// Lists every gap, in step order.
pub fn gaps(plan: &Plan, model: &Model) -> Vec<Gap> {
    let mut out = Vec::new();
    for step in STEPS {
        for f in step.fields() {
            if f.required() && f.get(plan).trim().is_empty() {
                out.push(Gap::EmptyField(*f));
            }
        }
        if let Some(kind) = step.picks() {
            let picks = kind.picks(plan);
            if picks.is_empty() {
                out.push(Gap::NoPicks(kind));
            }
            for p in picks {
                if !known(model, kind, &p.id) {
                    out.push(Gap::Unknown(kind, p.id.clone()));
                } else if kind.note_required() && p.note.trim().is_empty() {
                    out.push(Gap::NoNote(kind, p.id.clone()));
                }
            }
        }
        if step == Step::Agenda {
            agenda_gaps(plan, &mut out);
        }
        if step == Step::Checklist {
            // An item the plan's facts hide is never a gap, whatever state it was left in.
            let facts = super::facts::effective(plan, model);
            for (i, phase) in model.phases.iter().enumerate() {
                let shown = || {
                    phase
                        .items
                        .iter()
                        .filter(|item| super::facts::applies(item, &facts))
                };
                let todo = shown()
                    .filter(|item| state(plan, &item.id) == CheckState::Todo)
                    .count();
                if todo > 0 {
                    out.push(Gap::ChecklistTodo(i, todo));
                }
                for item in shown() {
                    if let Some(c) = plan.checklist.get(&item.id)
                        && c.state == CheckState::NotApplicable
                        && c.note.trim().is_empty()
                    {
                        out.push(Gap::NoReason(item.id.clone()));
                    }
                }
            }
        }
    }
    // Kept in the file, like unknown picks, and said so rather than hidden.
    let unknown_checks = plan
        .checklist
        .keys()
        .filter(|id| model.checklist_item(id).is_none())
        .map(|id| Gap::UnknownCheck(id.clone()));
    let at = out
        .iter()
        .position(|g| g.step().index() > Step::Checklist.index())
        .unwrap_or(out.len());
    let tail = out.split_off(at);
    out.extend(unknown_checks);
    out.extend(tail);
    out
}

/// A lead is asked for only when more than one role is involved: alone, it is obvious.
fn leads_needed(plan: &Plan) -> bool {
    plan.roles.len() > 1
}

fn agenda_gaps(plan: &Plan, out: &mut Vec<Gap>) {
    if plan.sessions.iter().all(|s| s.parts.is_empty()) {
        out.push(Gap::NoAgenda);
    }
    for (i, session) in plan.sessions.iter().enumerate() {
        for part in &session.parts {
            if part.minutes == 0 {
                out.push(Gap::PartNoMinutes(part.id.clone()));
            } else if part.minutes > super::agenda::MAX_PART_MINUTES {
                out.push(Gap::PartTooLong(part.id.clone()));
            }
            if leads_needed(plan) && part.lead.trim().is_empty() {
                out.push(Gap::PartNoLead(part.id.clone()));
            }
        }
        if !session.start.is_empty() && super::agenda::parse_start(&session.start).is_none() {
            out.push(Gap::BadStart(i));
        }
        let total = super::agenda::session_minutes(session);
        if session.minutes > 0 && total > session.minutes {
            out.push(Gap::SessionTooLong(i, total, session.minutes));
        }
    }
}

/// How many agenda things could be missing: an agenda at all, each part's minutes (and lead),
/// each planned session length.
fn agenda_checks(plan: &Plan) -> usize {
    let parts: usize = plan.sessions.iter().map(|s| s.parts.len()).sum();
    let planned = plan.sessions.iter().filter(|s| s.minutes > 0).count();
    let starts = plan.sessions.iter().filter(|s| !s.start.is_empty()).count();
    1 + parts * (1 + usize::from(leads_needed(plan))) + planned + starts
}

/// Whether the model has an item of this kind with this id.
pub fn known(model: &Model, kind: PickKind, id: &str) -> bool {
    match kind {
        PickKind::Values => model.value(id).is_some(),
        PickKind::Directions => model.direction(id).is_some(),
        PickKind::Methods => model.method(id).is_some(),
        PickKind::Roles => model.role(id).is_some(),
    }
}

/// A checklist item's state in the plan (absent means to do).
pub fn state(plan: &Plan, item: &str) -> CheckState {
    plan.checklist
        .get(item)
        .map_or(CheckState::Todo, |c| c.state)
}

/// How much of the plan is filled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Things done.
    pub done: usize,
    /// Things expected.
    pub total: usize,
}

impl Progress {
    /// Whole percent, 0–100.
    pub fn percent(self) -> u8 {
        if self.total == 0 {
            return 100;
        }
        u8::try_from(self.done * 100 / self.total).unwrap_or(100)
    }
}

/// Counts required fields, one "something picked" per kind, every pick's note, and every
/// checklist item; a gap takes one away from what is done.
pub fn progress(plan: &Plan, model: &Model) -> Progress {
    let fields = STEPS
        .iter()
        .flat_map(|s| s.fields())
        .filter(|f| f.required())
        .count();
    let kinds = [
        PickKind::Values,
        PickKind::Directions,
        PickKind::Methods,
        PickKind::Roles,
    ];
    let notes: usize = kinds
        .iter()
        .filter(|k| k.note_required())
        .map(|k| k.picks(plan).len())
        .sum();
    let unknown: usize = kinds
        .iter()
        .filter(|k| !k.note_required())
        .map(|k| {
            k.picks(plan)
                .iter()
                .filter(|p| !known(model, *k, &p.id))
                .count()
        })
        .sum();
    let unknown_checks = plan
        .checklist
        .keys()
        .filter(|id| model.checklist_item(id).is_none())
        .count();
    let total = fields
        + kinds.len()
        + notes
        + unknown
        + unknown_checks
        + applying(plan, model).len()
        + agenda_checks(plan);
    let missing: usize = gaps(plan, model).iter().map(Gap::weight).sum();
    Progress {
        done: total.saturating_sub(missing),
        total,
    }
}

/// Checklist progress of one phase: of the items that apply, those done or not applicable
/// with a reason (one without a reason is still a gap, so it is not counted as settled
/// either), and how many apply.
pub fn phase_progress(plan: &Plan, model: &Model, phase: usize) -> Progress {
    let facts = super::facts::effective(plan, model);
    let items: Vec<_> = model
        .phases
        .get(phase)
        .map_or(&[][..], |p| &p.items[..])
        .iter()
        .filter(|i| super::facts::applies(i, &facts))
        .collect();
    Progress {
        done: items.iter().filter(|i| settled(plan, &i.id)).count(),
        total: items.len(),
    }
}

/// The ids of the checklist items that apply to the plan, in model order.
pub fn applying<'m>(plan: &Plan, model: &'m Model) -> Vec<&'m str> {
    let facts = super::facts::effective(plan, model);
    model
        .phases
        .iter()
        .flat_map(|p| &p.items)
        .filter(|i| super::facts::applies(i, &facts))
        .map(|i| i.id.as_str())
        .collect()
}

/// How many checklist items the plan's facts hide.
pub fn hidden_count(plan: &Plan, model: &Model) -> usize {
    model.checklist_len() - applying(plan, model).len()
}

/// Whether a checklist item needs nothing more: done, or not applicable and said why.
pub fn settled(plan: &Plan, id: &str) -> bool {
    match plan.checklist.get(id) {
        Some(c) => match c.state {
            CheckState::Done => true,
            CheckState::NotApplicable => !c.note.trim().is_empty(),
            CheckState::Todo => false,
        },
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::types::{Check, Pick};

    fn model() -> Model {
        crate::model::load_from(None).expect("embedded model is valid")
    }

    #[test]
    fn an_empty_plan_lacks_everything_and_is_at_zero() {
        let m = model();
        let p = Plan::default();
        let g = gaps(&p, &m);
        assert!(g.contains(&Gap::EmptyField(FieldId::Title)));
        assert!(!g.contains(&Gap::EmptyField(FieldId::Budget)));
        assert!(g.contains(&Gap::NoPicks(PickKind::Values)));
        assert_eq!(
            g.iter()
                .filter(|x| matches!(x, Gap::ChecklistTodo(..)))
                .count(),
            m.phases.len()
        );
        assert_eq!(progress(&p, &m).percent(), 0);
    }

    #[test]
    fn a_picked_value_without_an_answer_is_a_gap_until_answered() {
        let m = model();
        let id = m.values[0].id.clone();
        let mut p = Plan::default();
        p.values.push(Pick {
            id: id.clone(),
            note: String::new(),
            ..Pick::default()
        });
        assert!(gaps(&p, &m).contains(&Gap::NoNote(PickKind::Values, id.clone())));
        assert!(!gaps(&p, &m).contains(&Gap::NoPicks(PickKind::Values)));
        p.values[0].note = "Młodzi sami wybierają trasę.".into();
        assert!(
            !gaps(&p, &m)
                .iter()
                .any(|g| matches!(g, Gap::NoNote(PickKind::Values, _)))
        );
    }

    #[test]
    fn a_method_needs_no_note_but_an_unknown_id_is_reported() {
        let m = model();
        let mut p = Plan::default();
        p.methods.push(Pick {
            id: m.methods[0].id.clone(),
            note: String::new(),
            ..Pick::default()
        });
        p.methods.push(Pick {
            id: "gone-method".into(),
            note: String::new(),
            ..Pick::default()
        });
        let g = gaps(&p, &m);
        assert!(
            !g.iter()
                .any(|x| matches!(x, Gap::NoNote(PickKind::Methods, _)))
        );
        assert!(g.contains(&Gap::Unknown(PickKind::Methods, "gone-method".into())));
    }

    #[test]
    fn checklist_states_count_and_not_applicable_needs_a_reason() {
        let m = model();
        let first = m.phases[0].items[0].id.clone();
        let second = m.phases[0].items[1].id.clone();
        let mut p = Plan::default();
        let before = phase_progress(&p, &m, 0);
        p.checklist.insert(
            first,
            Check {
                state: CheckState::Done,
                note: String::new(),
            },
        );
        p.checklist.insert(
            second.clone(),
            Check {
                state: CheckState::NotApplicable,
                note: String::new(),
            },
        );
        // Not applicable without a reason is a gap, and the phase bar does not count it.
        let after = phase_progress(&p, &m, 0);
        assert_eq!(after.done, before.done + 1);
        assert!(gaps(&p, &m).contains(&Gap::NoReason(second.clone())));
        assert!(gaps(&p, &m).contains(&Gap::ChecklistTodo(0, before.total - 2)));
        if let Some(c) = p.checklist.get_mut(&second) {
            c.note = "Zajęcia są online.".into();
        }
        assert!(!gaps(&p, &m).contains(&Gap::NoReason(second)));
        assert_eq!(phase_progress(&p, &m, 0).done, before.done + 2);
    }

    #[test]
    fn a_complete_plan_is_at_a_hundred_percent() {
        let m = model();
        let mut p = Plan::default();
        for s in STEPS {
            for f in s.fields() {
                *f.get_mut(&mut p) = "x".into();
            }
        }
        p.values.push(Pick {
            id: m.values[0].id.clone(),
            note: "a".into(),
            ..Pick::default()
        });
        p.directions.push(Pick {
            id: m.directions[0].id.clone(),
            note: "b".into(),
            ..Pick::default()
        });
        p.methods.push(Pick {
            id: m.methods[0].id.clone(),
            note: String::new(),
            ..Pick::default()
        });
        p.roles.push(Pick {
            id: m.roles[0].id.clone(),
            note: "Ala".into(),
            ..Pick::default()
        });
        p.sessions.push(crate::plan::Session {
            label: "S1".into(),
            minutes: 30,
            parts: vec![crate::plan::Part {
                id: "a1".into(),
                minutes: 30,
                what: "x".into(),
                ..crate::plan::Part::default()
            }],
            ..crate::plan::Session::default()
        });
        for phase in &m.phases {
            for item in &phase.items {
                p.checklist.insert(
                    item.id.clone(),
                    Check {
                        state: CheckState::Done,
                        note: String::new(),
                    },
                );
            }
        }
        assert_eq!(gaps(&p, &m), vec![]);
        assert_eq!(progress(&p, &m).percent(), 100);
    }

    #[test]
    fn every_gap_points_at_a_step() {
        let m = model();
        for g in gaps(&Plan::default(), &m) {
            assert!(STEPS.contains(&g.step()));
        }
        assert_eq!(Gap::EmptyField(FieldId::Consent).step(), Step::Logistics);
        assert_eq!(Gap::NoReason("x".into()).step(), Step::Checklist);
    }

    #[test]
    fn agenda_gaps_point_at_the_agenda_and_count_in_progress() {
        use crate::plan::{Part, Session};
        let m = model();
        let mut p = Plan::default();
        assert!(gaps(&p, &m).contains(&Gap::NoAgenda));
        p.roles = vec![
            Pick {
                id: m.roles[0].id.clone(),
                note: String::new(),
                ..Pick::default()
            },
            Pick {
                id: m.roles[1].id.clone(),
                note: String::new(),
                ..Pick::default()
            },
        ];
        p.sessions.push(Session {
            label: "S".into(),
            minutes: 20,
            parts: vec![
                Part {
                    id: "a1".into(),
                    minutes: 0,
                    lead: "Ala".into(),
                    ..Part::default()
                },
                Part {
                    id: "a2".into(),
                    minutes: 25,
                    ..Part::default()
                },
            ],
            ..Session::default()
        });
        let g = gaps(&p, &m);
        assert!(!g.contains(&Gap::NoAgenda));
        assert!(g.contains(&Gap::PartNoMinutes("a1".into())));
        assert!(g.contains(&Gap::PartNoLead("a2".into())));
        assert!(!g.contains(&Gap::PartNoLead("a1".into())));
        assert!(g.contains(&Gap::SessionTooLong(0, 25, 20)));
        assert!(g.iter().filter(|x| x.step() == Step::Agenda).count() == 3);
        let before = progress(&p, &m);
        p.sessions[0].parts[0].minutes = 5;
        let after = progress(&p, &m);
        assert_eq!(after.total, before.total);
        assert_eq!(after.done, before.done + 1);
    }
}
