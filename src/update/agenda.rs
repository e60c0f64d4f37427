//! The Agenda step: adding, inserting, timing, moving and deleting parts and sessions.

use crate::i18n::{Msg, tr};
use crate::keymap::Action;
use crate::plan::{self, Part, Session};
use crate::state::{AgendaRow, App, EditTarget, Notice, Slot, Workbook, agenda_rows};

use super::{editing, refuse_read_only};

/// Minutes `+`/`-` add or take on the Agenda step.
const STEP_MINUTES: u32 = 5;

/// Whether `action` is one of the agenda's own.
pub(super) fn is_agenda_action(action: Action) -> bool {
    matches!(
        action,
        Action::AddPart
            | Action::InsertMethod
            | Action::PartMinutes
            | Action::PartLead
            | Action::SessionStart
            | Action::MoveUp
            | Action::MoveDown
            | Action::DeletePart
            | Action::UndoDelete
            | Action::AddSession
            | Action::Longer
            | Action::Shorter
    )
}

/// The row under the cursor.
fn row(wb: &Workbook) -> Option<AgendaRow> {
    agenda_rows(&wb.plan).get(wb.cursor).copied()
}

/// The session the cursor is in (its heading or one of its parts).
fn session_at(wb: &Workbook) -> Option<usize> {
    match row(wb)? {
        AgendaRow::Session(si) | AgendaRow::Part(si, _) => Some(si),
    }
}

fn put_cursor(wb: &mut Workbook, target: AgendaRow) {
    if let Some(i) = agenda_rows(&wb.plan).iter().position(|r| *r == target) {
        wb.cursor = i;
    }
}

/// A new session, labelled "Spotkanie N" / "Meeting N".
fn new_session(wb: &mut Workbook, lang: crate::lang::Lang) -> usize {
    let n = wb.plan.sessions.len() + 1;
    wb.plan.sessions.push(Session {
        label: format!("{} {n}", tr(lang, Msg::Session)),
        ..Session::default()
    });
    n - 1
}

/// Where a new part goes: after the part under the cursor, or first in the session whose
/// heading it is on; into a new session when there is none.
fn insertion_point(wb: &mut Workbook, lang: crate::lang::Lang) -> (usize, usize) {
    match row(wb) {
        Some(AgendaRow::Part(si, pi)) => (si, pi + 1),
        Some(AgendaRow::Session(si)) => (si, 0),
        None => (new_session(wb, lang), 0),
    }
}

/// An agenda action on the Agenda step; the caller has checked the slot.
pub(super) fn action(app: &mut App, action: Action) {
    if refuse_read_only(app) {
        return;
    }
    let lang = app.lang;
    let Some(wb) = app.workbook.as_mut() else {
        return;
    };
    match action {
        Action::AddPart => {
            let (si, pi) = insertion_point(wb, lang);
            let part = Part {
                id: plan::next_part_id(&wb.plan),
                ..Part::default()
            };
            let id = part.id.clone();
            wb.plan.sessions[si].parts.insert(pi, part);
            wb.mark_dirty();
            put_cursor(wb, AgendaRow::Part(si, pi));
            editing::start(app, EditTarget::PartWhat(id));
        }
        Action::InsertMethod => {
            if wb.plan.methods.is_empty() {
                app.notice = Some(Notice::Words(Msg::NoMethodsChosen));
            } else {
                wb.method_chooser = Some(0);
            }
        }
        Action::AddSession => {
            let si = new_session(wb, lang);
            wb.mark_dirty();
            put_cursor(wb, AgendaRow::Session(si));
            editing::start(app, EditTarget::SessionLabel(si));
        }
        Action::PartMinutes => match row(wb) {
            Some(AgendaRow::Part(si, pi)) => {
                let id = wb.plan.sessions[si].parts[pi].id.clone();
                editing::start(app, EditTarget::PartMinutes(id));
            }
            Some(AgendaRow::Session(si)) => editing::start(app, EditTarget::SessionPlanned(si)),
            None => {}
        },
        Action::PartLead => {
            if let Some(AgendaRow::Part(si, pi)) = row(wb) {
                let id = wb.plan.sessions[si].parts[pi].id.clone();
                editing::start(app, EditTarget::PartLead(id));
            }
        }
        Action::SessionStart => {
            if let Some(si) = session_at(wb) {
                editing::start(app, EditTarget::SessionStart(si));
            }
        }
        Action::Longer | Action::Shorter => {
            if let Some(AgendaRow::Part(si, pi)) = row(wb) {
                let p = &mut wb.plan.sessions[si].parts[pi];
                p.minutes = if action == Action::Longer {
                    (p.minutes + STEP_MINUTES).min(plan::MAX_PART_MINUTES)
                } else {
                    p.minutes.saturating_sub(STEP_MINUTES)
                };
                wb.mark_dirty();
            }
        }
        Action::MoveUp | Action::MoveDown => {
            if let Some(AgendaRow::Part(si, pi)) = row(wb) {
                move_part(wb, si, pi, action == Action::MoveUp);
            }
        }
        Action::DeletePart => {
            if let Some(AgendaRow::Part(si, pi)) = row(wb) {
                let part = wb.plan.sessions[si].parts.remove(pi);
                wb.deleted.push((si, pi, part));
                wb.mark_dirty();
                wb.clamp_cursor(&app.model);
                app.notice = Some(Notice::Words(Msg::PartDeleted));
            }
        }
        Action::UndoDelete => {
            if let Some((si, pi, part)) = wb.deleted.pop()
                && let Some(session) = wb.plan.sessions.get_mut(si)
            {
                let pi = pi.min(session.parts.len());
                session.parts.insert(pi, part);
                wb.mark_dirty();
                put_cursor(wb, AgendaRow::Part(si, pi));
            }
        }
        _ => {}
    }
}

/// Moves a part one place up or down, across into the neighbouring session at the ends.
fn move_part(wb: &mut Workbook, si: usize, pi: usize, up: bool) {
    let sessions = &mut wb.plan.sessions;
    let target = if up {
        if pi > 0 {
            sessions[si].parts.swap(pi, pi - 1);
            Some((si, pi - 1))
        } else if si > 0 {
            let part = sessions[si].parts.remove(pi);
            sessions[si - 1].parts.push(part);
            Some((si - 1, sessions[si - 1].parts.len() - 1))
        } else {
            None
        }
    } else if pi + 1 < sessions[si].parts.len() {
        sessions[si].parts.swap(pi, pi + 1);
        Some((si, pi + 1))
    } else if si + 1 < sessions.len() {
        let part = sessions[si].parts.remove(pi);
        sessions[si + 1].parts.insert(0, part);
        Some((si + 1, 0))
    } else {
        None
    };
    if let Some((si, pi)) = target {
        wb.mark_dirty();
        put_cursor(wb, AgendaRow::Part(si, pi));
    }
}

/// Up, down, Enter and Esc in the chooser of which method's steps to insert.
pub(super) fn chooser_action(app: &mut App, action: Action) {
    let lang = app.lang;
    let model = &app.model;
    let Some(wb) = app.workbook.as_mut() else {
        return;
    };
    let Some(i) = wb.method_chooser else {
        return;
    };
    let last = wb.plan.methods.len().saturating_sub(1);
    match action {
        Action::Up => wb.method_chooser = Some(i.saturating_sub(1)),
        Action::Down => wb.method_chooser = Some((i + 1).min(last)),
        Action::Cancel => wb.method_chooser = None,
        Action::Confirm => {
            wb.method_chooser = None;
            let Some(method) = wb.plan.methods.get(i).and_then(|p| model.method(&p.id)) else {
                return;
            };
            let (si, pi) = insertion_point(wb, lang);
            let parts = plan::method_parts(method, lang, plan::next_number(&wb.plan));
            let n = parts.len();
            let session = &mut wb.plan.sessions[si];
            for (k, part) in parts.into_iter().enumerate() {
                session.parts.insert(pi + k, part);
            }
            if n > 0 {
                wb.mark_dirty();
                put_cursor(wb, AgendaRow::Part(si, pi));
            }
        }
        _ => {}
    }
}

/// Whether the agenda list has the keyboard.
pub(super) fn on_agenda(wb: &Workbook) -> bool {
    wb.current_slot() == Some(Slot::Agenda)
}
