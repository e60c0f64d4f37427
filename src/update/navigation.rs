//! Moving around an open plan: steps, slots, list rows, the guide, and jumps to gaps.

use crate::keymap::{Action, Ctx};
use crate::model::Model;
use crate::plan::{CheckState, Gap, PickKind};
use crate::state::{
    AgendaRow, App, EditTarget, Focus, Slot, Workbook, agenda_rows, check_state, checklist_rows,
    pick_rows, slot_len, slots, unknown_checks,
};

use super::{Effect, agenda, editing, refuse_read_only, run};

/// Lines J/K scroll the guide by.
const GUIDE_STEP: i16 = 3;

pub(super) fn workbook_action(app: &mut App, action: Action) -> Vec<Effect> {
    let ctx = app.ctx();
    let running = app.workbook.as_ref().is_some_and(|wb| wb.run.is_some());
    match ctx {
        Ctx::Run => return run::action(app, action),
        Ctx::Confirm if running => return run::confirm(app, action),
        Ctx::Picker => {
            agenda::chooser_action(app, action);
            return Vec::new();
        }
        Ctx::Content
            if agenda::is_agenda_action(action)
                && app.workbook.as_ref().is_some_and(agenda::on_agenda) =>
        {
            agenda::action(app, action);
            return Vec::new();
        }
        Ctx::Content
            if action == Action::FillFromMethods
                && app
                    .workbook
                    .as_ref()
                    .is_some_and(|wb| wb.current_step() == crate::plan::Step::Logistics) =>
        {
            if !refuse_read_only(app)
                && let Some(wb) = app.workbook.as_mut()
            {
                let (m, r) = crate::plan::fill_from_methods(&mut wb.plan, &app.model, app.lang);
                if m + r > 0 {
                    wb.mark_dirty();
                }
                app.notice = Some(crate::state::Notice::Filled(m, r));
            }
            return Vec::new();
        }
        Ctx::Content if action == Action::EditContact => {
            let row = app.workbook.as_ref().and_then(|wb| {
                (wb.current_slot() == Some(Slot::Picks(PickKind::Roles)))
                    .then(|| {
                        pick_rows(&app.model, wb, PickKind::Roles)
                            .into_iter()
                            .nth(wb.cursor)
                    })
                    .flatten()
            });
            if let Some(row) = row
                && !refuse_read_only(app)
            {
                if !row.picked {
                    editing::toggle(app);
                }
                editing::start(app, EditTarget::PickContact(row.id));
            }
            return Vec::new();
        }
        Ctx::Steps | Ctx::Content if action == Action::ToReview => {
            if let Some(wb) = app.workbook.as_mut() {
                back_to_review(wb);
            }
            return Vec::new();
        }
        Ctx::Steps | Ctx::Content if action == Action::CompareVersions => {
            return vec![Effect::CompareOnDisk];
        }
        Ctx::Steps if action == Action::TakeOver => {
            return if app.workbook.as_ref().is_some_and(|wb| wb.lock_freed) {
                vec![Effect::TakeOver]
            } else {
                Vec::new()
            };
        }
        Ctx::Steps | Ctx::Content if action == Action::RunSession => {
            run::start(app, None, false);
            return Vec::new();
        }
        Ctx::Editing
            if app
                .workbook
                .as_ref()
                .and_then(|wb| wb.editor.as_ref())
                .is_some_and(|e| e.target == EditTarget::RunNote) =>
        {
            // A note box in the run view: Esc drops it; Enter (typed text) stores it.
            if action == Action::Done {
                editing::cancel(app);
            }
            return Vec::new();
        }
        _ => {}
    }
    let model = &app.model;
    let Some(wb) = app.workbook.as_mut() else {
        return Vec::new();
    };
    let on_methods = wb.current_slot() == Some(Slot::Picks(PickKind::Methods));
    match (ctx, action) {
        (_, Action::NextStep) => wb.go_step(1),
        (_, Action::PrevStep) => wb.go_step(-1),
        (_, Action::GuideDown) => wb.scroll_guide(GUIDE_STEP),
        (_, Action::GuideUp) => wb.scroll_guide(-GUIDE_STEP),
        (Ctx::Steps, Action::Up) => wb.go_step(-1),
        (Ctx::Steps, Action::Down) => wb.go_step(1),
        (Ctx::Steps, Action::Open) => wb.focus = Focus::Content,
        (Ctx::Steps, Action::Back) => return vec![Effect::Close],
        (Ctx::Content, Action::Back) => wb.focus = Focus::Steps,
        (Ctx::Content, Action::Up) => move_vertical(model, wb, -1),
        (Ctx::Content, Action::Down) => move_vertical(model, wb, 1),
        (Ctx::Content, Action::NextField) => wb.move_slot(1),
        (Ctx::Content, Action::PrevField) => wb.move_slot(-1),
        (Ctx::Content, Action::Open) => open_in_content(app),
        (Ctx::Content, Action::Toggle) => editing::toggle(app),
        (Ctx::Content, Action::Filter) if on_methods => {
            editing::start(app, EditTarget::MethodFilter);
        }
        (Ctx::Content, Action::DirFilter) if on_methods => {
            wb.only_directions = !wb.only_directions;
            wb.cursor = 0;
        }
        // The cursor stays on the same item when it is still listed.
        (Ctx::Content, Action::ShowHidden) if wb.current_step() == crate::plan::Step::Checklist => {
            let on_list = wb.current_slot() == Some(Slot::Checklist);
            let here = checklist_rows(model, wb)
                .get(wb.cursor)
                .map(|(_, id)| id.to_string());
            wb.show_hidden = !wb.show_hidden;
            if on_list {
                let rows = checklist_rows(model, wb);
                wb.cursor = here
                    .and_then(|id| rows.iter().position(|(_, i)| *i == id))
                    .unwrap_or(0);
            }
            wb.clamp_cursor(model);
        }
        (Ctx::Editing, Action::Done) => editing::finish(app),
        (Ctx::Editing, Action::NextField | Action::PrevField) => {
            let was_field = matches!(
                wb.editor.as_ref().map(|e| &e.target),
                Some(EditTarget::Field(_))
            );
            editing::finish(app);
            let model = &app.model;
            if let Some(wb) = app.workbook.as_mut() {
                wb.move_slot(if action == Action::NextField { 1 } else { -1 });
                wb.clamp_cursor(model);
                if was_field && matches!(wb.current_slot(), Some(Slot::Field(_))) {
                    open_in_content(app);
                }
            }
        }
        (Ctx::Editing, Action::Undo) => {
            if let Some(ed) = wb.editor.as_mut() {
                ed.area.undo();
            }
            editing::sync(wb);
        }
        _ => {}
    }
    Vec::new()
}

/// Up/down: inside a list first, then across slots.
fn move_vertical(model: &Model, wb: &mut Workbook, delta: isize) {
    let Some(slot) = wb.current_slot() else {
        return;
    };
    let count = slots(wb.current_step()).len();
    match slot {
        Slot::Field(_) => {
            let target = wb.slot as isize + delta;
            if (0..count as isize).contains(&target) {
                wb.slot = target as usize;
                // Entering a list from below lands on its last row (clamped below).
                wb.cursor = if delta < 0 { usize::MAX } else { 0 };
            }
        }
        _ => {
            let len = slot_len(model, wb, slot);
            let target = wb.cursor.min(len.saturating_sub(1)) as isize + delta;
            if target < 0 {
                if wb.slot > 0 {
                    wb.slot -= 1;
                    wb.cursor = 0;
                }
            } else if target as usize >= len {
                if wb.slot + 1 < count {
                    wb.slot += 1;
                    wb.cursor = 0;
                }
            } else {
                wb.cursor = target as usize;
            }
        }
    }
    wb.clamp_cursor(model);
}

/// Enter in the content pane: edit the field, the note of a pick or checklist item, or go to
/// the gap.
fn open_in_content(app: &mut App) {
    let Some(slot) = app.workbook.as_ref().and_then(Workbook::current_slot) else {
        return;
    };
    if slot != Slot::Gaps && refuse_read_only(app) {
        return;
    }
    let Some(wb) = app.workbook.as_ref() else {
        return;
    };
    match slot {
        Slot::Field(field) => editing::start(app, EditTarget::Field(field)),
        Slot::Picks(kind) => {
            let Some(row) = pick_rows(&app.model, wb, kind).into_iter().nth(wb.cursor) else {
                return;
            };
            if !row.picked {
                editing::toggle(app);
            }
            editing::start(app, EditTarget::PickNote(kind, row.id));
        }
        // The age is typed; the other facts take their next answer, as with Space.
        Slot::Facts => match crate::plan::FACTS.get(wb.cursor) {
            Some(crate::plan::Fact::Youngest) => editing::start(app, EditTarget::Youngest),
            Some(_) => editing::toggle(app),
            None => {}
        },
        Slot::Checklist => {
            let rows = checklist_rows(&app.model, wb);
            if let Some((_, id)) = rows.get(wb.cursor) {
                let id = id.to_string();
                editing::start(app, EditTarget::CheckNote(id));
            }
        }
        Slot::Agenda => match agenda_rows(&wb.plan).get(wb.cursor) {
            Some(AgendaRow::Part(si, pi)) => {
                let id = wb.plan.sessions[*si].parts[*pi].id.clone();
                editing::start(app, EditTarget::PartWhat(id));
            }
            Some(AgendaRow::Session(si)) => {
                let si = *si;
                editing::start(app, EditTarget::SessionLabel(si));
            }
            None => {}
        },
        Slot::Gaps => {
            let gaps = crate::plan::gaps(&wb.plan, &app.model);
            let from = wb.cursor;
            if let Some(gap) = gaps.get(from) {
                let wb = app.workbook.as_mut().expect("open above");
                jump_to_gap(&app.model, wb, gap);
                wb.back_to_review = Some(from);
            }
        }
    }
}

/// Goes to the review's list of gaps, on the gap last jumped from (the first one otherwise).
fn back_to_review(wb: &mut Workbook) {
    let review = crate::plan::Step::Review;
    wb.step = review.index();
    wb.focus = Focus::Content;
    wb.slot = slots(review)
        .iter()
        .position(|s| *s == Slot::Gaps)
        .unwrap_or(0);
    wb.cursor = wb.back_to_review.take().unwrap_or(0);
    wb.guide_scroll = 0;
}

/// Goes to the step where `gap` is filled, on the field or row it is about.
pub fn jump_to_gap(model: &Model, wb: &mut Workbook, gap: &Gap) {
    let step = gap.step();
    let row = match gap {
        Gap::NoNote(kind, id) | Gap::Unknown(kind, id) => {
            pick_rows(model, wb, *kind).iter().position(|r| &r.id == id)
        }
        Gap::NoReason(id) => checklist_rows(model, wb).iter().position(|(_, i)| i == id),
        Gap::UnknownCheck(id) => unknown_checks(model, &wb.plan)
            .iter()
            .position(|i| i == id)
            .map(|k| checklist_rows(model, wb).len() + k),
        Gap::PartNoMinutes(id) | Gap::PartNoLead(id) | Gap::PartTooLong(id) => {
            agenda_rows(&wb.plan).iter().position(
                |r| matches!(r, AgendaRow::Part(s, p) if wb.plan.sessions[*s].parts[*p].id == *id),
            )
        }
        Gap::SessionTooLong(i, ..) | Gap::BadStart(i) => agenda_rows(&wb.plan)
            .iter()
            .position(|r| *r == AgendaRow::Session(*i)),
        Gap::ChecklistTodo(phase, _) => checklist_rows(model, wb)
            .iter()
            .position(|(p, id)| p == phase && check_state(wb, id) == CheckState::Todo),
        _ => None,
    };
    wb.step = step.index();
    wb.focus = Focus::Content;
    let all = slots(step);
    wb.slot = match gap {
        Gap::EmptyField(f) => all.iter().position(|s| *s == Slot::Field(*f)).unwrap_or(0),
        // The facts head the Checklist step; a checklist gap is in the list below them.
        _ if step == crate::plan::Step::Checklist => {
            all.iter().position(|s| *s == Slot::Checklist).unwrap_or(0)
        }
        _ => all
            .iter()
            .position(|s| !matches!(s, Slot::Field(_)))
            .unwrap_or(0),
    };
    wb.cursor = row.unwrap_or(0);
}
