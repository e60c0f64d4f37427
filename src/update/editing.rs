//! Changing the plan: text boxes, typing and pasting, picking and ticking.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::Msg;
use crate::keymap::Action;
use crate::plan::{Check, CheckState, FieldId, Part, PartNote, Pick, Session};
use crate::state::{
    App, Dialog, EditTarget, Editor, Focus, Notice, Slot, Workbook, checklist_rows, pick_rows,
    slots, unknown_checks,
};

use super::{Effect, home, refuse_read_only};

/// Opens a text box on `target` in the open plan.
pub(super) fn start(app: &mut App, target: EditTarget) {
    let theme = app.theme;
    let Some(wb) = app.workbook.as_mut() else {
        return;
    };
    let text = match &target {
        EditTarget::Field(f) => f.get(&wb.plan).to_string(),
        EditTarget::PickNote(kind, id) => kind
            .picks(&wb.plan)
            .iter()
            .find(|p| &p.id == id)
            .map(|p| p.note.clone())
            .unwrap_or_default(),
        EditTarget::CheckNote(id) => wb
            .plan
            .checklist
            .get(id)
            .map(|c| c.note.clone())
            .unwrap_or_default(),
        EditTarget::PickContact(id) => wb
            .plan
            .roles
            .iter()
            .find(|p| &p.id == id)
            .map(|p| p.contact.clone())
            .unwrap_or_default(),
        EditTarget::MethodFilter => wb.method_filter.clone(),
        EditTarget::PartWhat(id) => part(wb, id).map(|p| p.what.clone()).unwrap_or_default(),
        EditTarget::PartLead(id) => part(wb, id).map(|p| p.lead.clone()).unwrap_or_default(),
        EditTarget::PartMinutes(id) => part(wb, id)
            .map(|p| p.minutes.to_string())
            .unwrap_or_default(),
        EditTarget::SessionLabel(i) => session(wb, *i).map(|s| s.label.clone()).unwrap_or_default(),
        EditTarget::SessionStart(i) => session(wb, *i).map(|s| s.start.clone()).unwrap_or_default(),
        EditTarget::SessionPlanned(i) => session(wb, *i)
            .map(|s| s.minutes.to_string())
            .unwrap_or_default(),
        EditTarget::RunNote => String::new(),
        EditTarget::Youngest => wb
            .plan
            .facts
            .youngest
            .map(|a| a.to_string())
            .unwrap_or_default(),
    };
    wb.editor = Some(Editor::new(target, &text, &theme));
    wb.focus = Focus::Content;
}

/// Closes the text box, keeping what was typed.
pub(super) fn finish(app: &mut App) {
    let now = app.now;
    let model = &app.model;
    let Some(wb) = app.workbook.as_mut() else {
        return;
    };
    sync(wb);
    let Some(ed) = wb.editor.take() else {
        return;
    };
    let refused = apply_on_close(wb, &ed.target, &ed.text(), now);
    if let EditTarget::CheckNote(id) = &ed.target {
        // A to-do item with an empty note carries no information: keep the file small.
        if wb
            .plan
            .checklist
            .get(id)
            .is_some_and(|c| c.state == CheckState::Todo && c.note.trim().is_empty())
        {
            wb.plan.checklist.remove(id);
            wb.mark_dirty();
        }
    }
    wb.clamp_cursor(model);
    if refused.is_some() {
        app.notice = refused;
    }
}

/// Closes the text box, dropping what was typed (only where nothing was applied yet: a
/// captured note).
pub(super) fn cancel(app: &mut App) {
    if let Some(wb) = app.workbook.as_mut() {
        wb.editor = None;
    }
}

/// Copies the editor's text into the plan.
pub(super) fn sync(wb: &mut Workbook) {
    let Some(ed) = wb.editor.as_ref() else {
        return;
    };
    let text = ed.text();
    let target = ed.target.clone();
    let changed = match target {
        EditTarget::Field(f) => set_if_changed(f.get_mut(&mut wb.plan), text),
        EditTarget::PickNote(kind, id) => kind
            .picks_mut(&mut wb.plan)
            .iter_mut()
            .find(|p| p.id == id)
            .is_some_and(|p| set_if_changed(&mut p.note, text)),
        EditTarget::PickContact(id) => wb
            .plan
            .roles
            .iter_mut()
            .find(|p| p.id == id)
            .is_some_and(|p| set_if_changed(&mut p.contact, text)),
        // No entry is made for an empty note: the item stays exactly as the file has it.
        EditTarget::CheckNote(id) if text.is_empty() && !wb.plan.checklist.contains_key(&id) => {
            false
        }
        EditTarget::CheckNote(id) => {
            let entry = wb.plan.checklist.entry(id).or_default();
            set_if_changed(&mut entry.note, text)
        }
        EditTarget::MethodFilter => {
            wb.method_filter = text;
            wb.cursor = 0;
            false
        }
        EditTarget::PartWhat(id) => {
            part_mut(wb, &id).is_some_and(|p| set_if_changed(&mut p.what, text))
        }
        EditTarget::PartLead(id) => {
            part_mut(wb, &id).is_some_and(|p| set_if_changed(&mut p.lead, text))
        }
        EditTarget::SessionLabel(i) => wb
            .plan
            .sessions
            .get_mut(i)
            .is_some_and(|s| set_if_changed(&mut s.label, text)),
        // Numbers, times and notes are applied when the box closes, once they are whole.
        EditTarget::PartMinutes(_)
        | EditTarget::SessionStart(_)
        | EditTarget::SessionPlanned(_)
        | EditTarget::Youngest
        | EditTarget::RunNote => false,
    };
    if changed {
        wb.mark_dirty();
    }
}

/// What a box whose text only counts once it is whole does when it closes: a number, a start
/// time, a captured note. A refusal comes back as a notice; the old value stays.
fn apply_on_close(wb: &mut Workbook, target: &EditTarget, text: &str, now: u64) -> Option<Notice> {
    let text = text.trim();
    let minutes = || -> Option<u32> {
        text.parse::<u32>()
            .ok()
            .filter(|m| *m <= crate::plan::MAX_PART_MINUTES)
    };
    match target {
        EditTarget::PartMinutes(id) => {
            let Some(m) = minutes() else {
                return Some(Notice::Words(Msg::BadMinutes));
            };
            if let Some(p) = part_mut(wb, id)
                && p.minutes != m
            {
                p.minutes = m;
                wb.mark_dirty();
            }
        }
        EditTarget::SessionPlanned(i) => {
            let Some(m) = text.parse::<u32>().ok().filter(|m| *m <= 24 * 60) else {
                return Some(Notice::Words(Msg::BadMinutes));
            };
            if let Some(s) = wb.plan.sessions.get_mut(*i)
                && s.minutes != m
            {
                s.minutes = m;
                wb.mark_dirty();
            }
        }
        // Empty takes the answer back: the age is then what the plan says, or unknown.
        EditTarget::Youngest => {
            let age = if text.is_empty() {
                None
            } else {
                match text.parse::<u32>().ok().filter(|a| *a < 120) {
                    Some(a) => Some(a),
                    None => return Some(Notice::Words(Msg::BadAge)),
                }
            };
            if wb.plan.facts.youngest != age {
                wb.plan.facts.youngest = age;
                wb.mark_dirty();
            }
        }
        EditTarget::SessionStart(i) => {
            if !text.is_empty() && crate::plan::parse_start(text).is_none() {
                return Some(Notice::Words(Msg::BadStart));
            }
            if let Some(s) = wb.plan.sessions.get_mut(*i)
                && s.start != text
            {
                s.start = text.to_string();
                wb.mark_dirty();
            }
        }
        EditTarget::RunNote if !text.is_empty() => {
            if let Some(p) = super::run::current_part_mut(wb) {
                p.notes.push(PartNote {
                    at: crate::clock::format_unix(now / 1000),
                    text: text.to_string(),
                });
                wb.mark_dirty();
            }
        }
        _ => {}
    }
    None
}

/// The agenda part with this id.
pub(super) fn part<'a>(wb: &'a Workbook, id: &str) -> Option<&'a Part> {
    wb.plan
        .sessions
        .iter()
        .flat_map(|s| &s.parts)
        .find(|p| p.id == id)
}

fn part_mut<'a>(wb: &'a mut Workbook, id: &str) -> Option<&'a mut Part> {
    wb.plan
        .sessions
        .iter_mut()
        .flat_map(|s| &mut s.parts)
        .find(|p| p.id == id)
}

fn session(wb: &Workbook, i: usize) -> Option<&Session> {
    wb.plan.sessions.get(i)
}

fn set_if_changed(slot: &mut String, text: String) -> bool {
    if *slot == text {
        false
    } else {
        *slot = text;
        true
    }
}

/// Space: picks or drops a model item, or moves a checklist item to its next state.
pub(super) fn toggle(app: &mut App) {
    if refuse_read_only(app) {
        return;
    }
    let model = &app.model;
    let Some(wb) = app.workbook.as_mut() else {
        return;
    };
    match wb.current_slot() {
        Some(Slot::Picks(kind)) => {
            let Some(row) = pick_rows(model, wb, kind).into_iter().nth(wb.cursor) else {
                return;
            };
            let picks = kind.picks_mut(&mut wb.plan);
            if let Some(pos) = picks.iter().position(|p| p.id == row.id) {
                let removed = picks.remove(pos);
                wb.stash.insert((kind, removed.id), removed.note);
            } else {
                let note = wb.stash.remove(&(kind, row.id.clone())).unwrap_or_default();
                picks.push(Pick {
                    id: row.id,
                    note,
                    ..Pick::default()
                });
            }
            wb.mark_dirty();
            wb.clamp_cursor(model);
        }
        Some(Slot::Facts) => {
            if let Some(fact) = crate::plan::FACTS.get(wb.cursor) {
                fact.cycle(&mut wb.plan.facts);
                wb.mark_dirty();
            }
        }
        Some(Slot::Checklist) => {
            let rows = checklist_rows(model, wb);
            let Some((_, id)) = rows.get(wb.cursor) else {
                // An item the model no longer has: Space lets it go, like an unknown pick (the
                // previous file keeps it in `<id>.ron.bak`).
                let unknown = unknown_checks(model, &wb.plan);
                if let Some(id) = unknown.get(wb.cursor - rows.len()).map(|s| s.to_string()) {
                    wb.plan.checklist.remove(&id);
                    wb.mark_dirty();
                    wb.clamp_cursor(model);
                }
                return;
            };
            let id = id.to_string();
            let entry = wb
                .plan
                .checklist
                .entry(id.clone())
                .or_insert_with(Check::default);
            entry.state = entry.state.next();
            if entry.state == CheckState::Todo && entry.note.trim().is_empty() {
                wb.plan.checklist.remove(&id);
            }
            wb.mark_dirty();
        }
        _ => {}
    }
}

/// Typing into whichever text box has the keyboard.
pub(super) fn type_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    if let Some(wb) = app.workbook.as_mut() {
        let Some(ed) = wb.editor.as_mut() else {
            return Vec::new();
        };
        // The search box is drawn with its cursor at the end, so the cursor stays there.
        let moves_cursor = matches!(
            key.code,
            KeyCode::Left
                | KeyCode::Right
                | KeyCode::Home
                | KeyCode::End
                | KeyCode::Up
                | KeyCode::Down
        ) || key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        if ed.target == EditTarget::MethodFilter && moves_cursor {
            return Vec::new();
        }
        if key.code == KeyCode::Enter && ed.single_line() {
            finish(app);
        } else {
            ed.area.input(key);
            sync(wb);
        }
        return Vec::new();
    }
    if key.code == KeyCode::Enter {
        return home::action(app, Action::Confirm);
    }
    let home = &mut app.home;
    let text = match home.dialog.as_mut() {
        Some(Dialog::Rename { text, .. }) => text,
        Some(Dialog::Filter) => &mut home.filter,
        _ => return Vec::new(),
    };
    match key.code {
        KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => text.push(c),
        KeyCode::Backspace => {
            text.pop();
        }
        _ => {}
    }
    if matches!(home.dialog, Some(Dialog::Filter)) {
        home.selected = 0;
    }
    Vec::new()
}

pub(super) fn paste(app: &mut App, text: &str) {
    if let Some(wb) = app.workbook.as_mut() {
        if let Some(ed) = wb.editor.as_mut() {
            let clean = text.replace("\r\n", "\n").replace('\r', "\n");
            let clean = if ed.single_line() {
                clean.replace('\n', " ")
            } else {
                clean
            };
            ed.area.insert_str(clean);
            sync(wb);
        }
        return;
    }
    let home = &mut app.home;
    let clean: String = text.chars().filter(|c| !c.is_control()).collect();
    match home.dialog.as_mut() {
        Some(Dialog::Rename { text, .. }) => text.push_str(&clean),
        Some(Dialog::Filter) => {
            home.filter.push_str(&clean);
            home.selected = 0;
        }
        _ => {}
    }
}

/// Opens the editor on `field` of the open plan, moving the focus to it (the new-plan flow
/// starts on the title).
pub fn edit_field(app: &mut App, field: FieldId) {
    if let Some(wb) = app.workbook.as_mut() {
        let step = field.step();
        wb.step = step.index();
        wb.slot = slots(step)
            .iter()
            .position(|s| *s == Slot::Field(field))
            .unwrap_or(0);
        wb.cursor = 0;
    }
    start(app, EditTarget::Field(field));
}
