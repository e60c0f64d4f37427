//! The update step: a message changes the state and may ask the runtime for effects.
//! No IO, no terminal, no clock: everything here is testable with plain values.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::keymap::{Action, Ctx, resolve};
use crate::plan::{Check, CheckState, FieldId, Gap, Pick, PickKind, STEPS};
use crate::state::{
    App, Dialog, EditTarget, Editor, Focus, SaveStatus, Slot, Workbook, check_state,
    checklist_rows, pick_rows, plan_gaps, slot_len, slots,
};

/// Something that happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// A key press.
    Key(KeyEvent),
    /// Pasted text (bracketed paste).
    Paste(String),
    /// Mouse wheel: negative is up.
    Scroll(i8),
    /// Mouse click at a screen cell (column, row) that the view mapped to a target.
    Click(ClickTarget),
}

/// What a click landed on, as worked out by the view's layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClickTarget {
    /// A row of the home list.
    HomeRow(usize),
    /// A step in the step list.
    Step(usize),
    /// A slot of the current step, and the row within it for lists.
    Slot(usize, usize),
}

/// Work for the runtime: everything that touches the disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Create a new plan, save it and open it on its title.
    Create,
    /// Create a new plan from example scenario `id` and open it.
    CreateFrom(String),
    /// Open plan `id`.
    Open(String),
    /// Copy plan `id` under a new id.
    Duplicate(String),
    /// Move plan `id` to the trash.
    Trash(String),
    /// Give plan `id` a new title.
    Rename(String, String),
    /// Put the `.bak` of damaged plan `id` back.
    Restore(String),
    /// Write plan `id` as Markdown into the exports folder.
    Export(String),
    /// Save the open plan now.
    Save,
    /// Save and go back to the list.
    Close,
    /// Save and quit.
    Quit,
}

/// The guide's longest text (a method at 60 columns) is well under this many lines.
const MAX_GUIDE_SCROLL: u16 = 150;

/// Applies a message; returns what the runtime must do.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    let focus = |app: &App| app.workbook.as_ref().map(|w| (w.step, w.slot, w.cursor));
    let before = focus(app);
    let effects = dispatch(app, msg);
    // The guide shows what has the focus; when that changes, it starts from the top again.
    if focus(app) != before
        && let Some(wb) = app.workbook.as_mut()
    {
        wb.guide_scroll = 0;
    }
    effects
}

fn dispatch(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(key) => on_key(app, key),
        Msg::Paste(text) => {
            paste(app, &text);
            Vec::new()
        }
        Msg::Scroll(delta) => {
            let action = if delta < 0 { Action::Up } else { Action::Down };
            match app.ctx() {
                Ctx::Home | Ctx::Picker | Ctx::Steps | Ctx::Content => on_action(app, action),
                _ => Vec::new(),
            }
        }
        Msg::Click(target) => {
            click(app, target);
            Vec::new()
        }
    }
}

fn on_key(app: &mut App, mut key: KeyEvent) -> Vec<Effect> {
    // Windows reports AltGr (ą, ę, ś… on the Polish layout) as Ctrl+Alt: that is plain text.
    if matches!(key.code, KeyCode::Char(_))
        && key
            .modifiers
            .contains(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        key.modifiers -= KeyModifiers::CONTROL | KeyModifiers::ALT;
    }
    let ctx = app.ctx();
    let quit_armed = std::mem::take(&mut app.quit_armed);
    if ctx != Ctx::Help {
        app.notice = None;
    }
    match resolve(ctx, &key) {
        Some(Action::Quit) if quit_armed => {
            app.should_quit = true;
            Vec::new()
        }
        Some(action) => on_action(app, action),
        None if ctx == Ctx::Editing => type_key(app, key),
        None => Vec::new(),
    }
}

fn on_action(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Help => {
            app.help = !app.help;
            return Vec::new();
        }
        Action::Lang => {
            app.lang = app.lang.toggled();
            return Vec::new();
        }
        Action::Quit => return vec![Effect::Quit],
        Action::Save => {
            return if app.workbook.is_some() {
                vec![Effect::Save]
            } else {
                Vec::new()
            };
        }
        _ => {}
    }
    if app.workbook.is_some() {
        workbook_action(app, action)
    } else {
        home_action(app, action)
    }
}

fn home_action(app: &mut App, action: Action) -> Vec<Effect> {
    let visible = app.visible_rows().len();
    let selected = app.selected_row().map(|r| r.id.clone());
    let home = &mut app.home;
    match (home.dialog.clone(), action) {
        (Some(Dialog::ConfirmDelete(id)), Action::Confirm) => {
            home.dialog = None;
            vec![Effect::Trash(id)]
        }
        (Some(Dialog::Scenario(i)), Action::Up) => {
            home.dialog = Some(Dialog::Scenario(i.saturating_sub(1)));
            Vec::new()
        }
        (Some(Dialog::Scenario(i)), Action::Down) => {
            let last = app.model.scenarios.len().saturating_sub(1);
            app.home.dialog = Some(Dialog::Scenario((i + 1).min(last)));
            Vec::new()
        }
        (Some(Dialog::Scenario(i)), Action::Confirm) => {
            home.dialog = None;
            app.model
                .scenarios
                .get(i)
                .map(|s| Effect::CreateFrom(s.id.clone()))
                .into_iter()
                .collect()
        }
        (Some(Dialog::ConfirmDelete(_) | Dialog::Scenario(_)), Action::Cancel) => {
            home.dialog = None;
            Vec::new()
        }
        (Some(Dialog::Rename { id, text }), Action::Confirm) => {
            home.dialog = None;
            vec![Effect::Rename(id, text)]
        }
        (Some(Dialog::Filter), Action::Done) => {
            // Esc while typing the filter drops it; Enter keeps it.
            home.dialog = None;
            home.filter.clear();
            home.selected = 0;
            Vec::new()
        }
        (Some(Dialog::Filter), Action::Confirm) | (Some(Dialog::Rename { .. }), Action::Done) => {
            home.dialog = None;
            Vec::new()
        }
        (Some(_), _) => Vec::new(),
        (None, Action::Up) => {
            home.selected = home.selected.saturating_sub(1);
            Vec::new()
        }
        (None, Action::Down) => {
            home.selected = (home.selected + 1).min(visible.saturating_sub(1));
            Vec::new()
        }
        (None, Action::New) => vec![Effect::Create],
        (None, Action::FromScenario) => {
            if !app.model.scenarios.is_empty() {
                app.home.dialog = Some(Dialog::Scenario(0));
            }
            Vec::new()
        }
        (None, Action::Open) => selected.map(Effect::Open).into_iter().collect(),
        (None, Action::Duplicate) => selected.map(Effect::Duplicate).into_iter().collect(),
        (None, Action::Export) => app
            .selected_row()
            .filter(|r| r.damaged.is_none())
            .map(|r| Effect::Export(r.id.clone()))
            .into_iter()
            .collect(),
        (None, Action::Restore) => app
            .selected_row()
            .filter(|r| r.damaged.is_some() && r.has_backup)
            .map(|r| Effect::Restore(r.id.clone()))
            .into_iter()
            .collect(),
        (None, Action::Delete) => {
            home.dialog = selected.map(Dialog::ConfirmDelete);
            Vec::new()
        }
        (None, Action::Rename) => {
            if let Some(row) = app.selected_row().filter(|r| r.damaged.is_none()) {
                let dialog = Dialog::Rename {
                    id: row.id.clone(),
                    text: row.title.clone(),
                };
                app.home.dialog = Some(dialog);
            }
            Vec::new()
        }
        (None, Action::Filter) => {
            home.dialog = Some(Dialog::Filter);
            Vec::new()
        }
        (None, Action::Back) => {
            home.filter.clear();
            home.selected = 0;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn workbook_action(app: &mut App, action: Action) -> Vec<Effect> {
    let ctx = app.ctx();
    match (ctx, action) {
        (_, Action::NextStep) => go_step(app, 1),
        (_, Action::GuideDown) => with_wb(app, |wb| {
            wb.guide_scroll = (wb.guide_scroll + 3).min(MAX_GUIDE_SCROLL)
        }),
        (_, Action::GuideUp) => with_wb(app, |wb| {
            wb.guide_scroll = wb.guide_scroll.saturating_sub(3)
        }),
        (_, Action::PrevStep) => go_step(app, -1),
        (Ctx::Steps, Action::Up) => go_step(app, -1),
        (Ctx::Steps, Action::Down) => go_step(app, 1),
        (Ctx::Steps, Action::Open) => with_wb(app, |wb| wb.focus = Focus::Content),
        (Ctx::Steps, Action::Back) => return vec![Effect::Close],
        (Ctx::Content, Action::Back) => with_wb(app, |wb| wb.focus = Focus::Steps),
        (Ctx::Content, Action::Up) => move_vertical(app, -1),
        (Ctx::Content, Action::Down) => move_vertical(app, 1),
        (Ctx::Content, Action::NextField) => move_slot(app, 1),
        (Ctx::Content, Action::PrevField) => move_slot(app, -1),
        (Ctx::Content, Action::Open) => open_in_content(app),
        (Ctx::Content, Action::Toggle) => toggle(app),
        (Ctx::Content, Action::Filter) => start_method_filter(app),
        (Ctx::Content, Action::DirFilter) => with_wb(app, |wb| {
            if wb.current_slot() == Some(Slot::Picks(PickKind::Methods)) {
                wb.only_directions = !wb.only_directions;
                wb.cursor = 0;
            }
        }),
        (Ctx::Editing, Action::Done) => finish_editing(app),
        (Ctx::Editing, Action::NextField | Action::PrevField) => {
            let was_field = matches!(
                app.workbook
                    .as_ref()
                    .and_then(|w| w.editor.as_ref())
                    .map(|e| &e.target),
                Some(EditTarget::Field(_))
            );
            finish_editing(app);
            move_slot(app, if action == Action::NextField { 1 } else { -1 });
            if was_field
                && let Some(Slot::Field(_)) = app.workbook.as_ref().and_then(Workbook::current_slot)
            {
                open_in_content(app);
            }
        }
        (Ctx::Editing, Action::Undo) => {
            if let Some(ed) = app.workbook.as_mut().and_then(|w| w.editor.as_mut()) {
                ed.area.undo();
            }
            sync_editor(app);
        }
        _ => {}
    }
    Vec::new()
}

fn with_wb(app: &mut App, f: impl FnOnce(&mut Workbook)) {
    if let Some(wb) = app.workbook.as_mut() {
        f(wb);
    }
}

fn go_step(app: &mut App, delta: isize) {
    with_wb(app, |wb| {
        let next = wb.step.saturating_add_signed(delta).min(STEPS.len() - 1);
        if next != wb.step {
            wb.step = next;
            wb.slot = 0;
            wb.cursor = 0;
        }
    });
}

/// Moves to the next or previous slot; past the last slot, on to the next step.
fn move_slot(app: &mut App, delta: isize) {
    with_wb(app, |wb| {
        let count = slots(wb.current_step()).len();
        let target = wb.slot as isize + delta;
        if target >= count as isize {
            if wb.step + 1 < STEPS.len() {
                wb.step += 1;
                wb.slot = 0;
                wb.cursor = 0;
            }
        } else if target < 0 {
            if wb.step > 0 {
                wb.step -= 1;
                wb.slot = slots(wb.current_step()).len().saturating_sub(1);
                wb.cursor = 0;
            }
        } else {
            wb.slot = target as usize;
            wb.cursor = 0;
        }
    });
}

/// Up/down: inside a list first, then across slots.
fn move_vertical(app: &mut App, delta: isize) {
    let Some(wb) = app.workbook.as_ref() else {
        return;
    };
    let Some(slot) = wb.current_slot() else {
        return;
    };
    let len = slot_len(app, wb, slot);
    let cursor = wb.cursor;
    let count = slots(wb.current_step()).len();
    let slot_index = wb.slot;
    let wb = app.workbook.as_mut().expect("checked above");
    match slot {
        Slot::Field(_) => {
            let target = slot_index as isize + delta;
            if (0..count as isize).contains(&target) {
                wb.slot = target as usize;
                // Entering a list from below lands on its last row (clamped below).
                wb.cursor = if delta < 0 { usize::MAX } else { 0 };
            }
        }
        _ => {
            let target = cursor.min(len.saturating_sub(1)) as isize + delta;
            if target < 0 {
                if slot_index > 0 {
                    wb.slot -= 1;
                    wb.cursor = 0;
                }
            } else if target as usize >= len {
                if slot_index + 1 < count {
                    wb.slot += 1;
                    wb.cursor = 0;
                }
            } else {
                wb.cursor = target as usize;
            }
        }
    }
    clamp_cursor(app);
}

fn clamp_cursor(app: &mut App) {
    let Some(wb) = app.workbook.as_ref() else {
        return;
    };
    let len = wb.current_slot().map_or(0, |s| slot_len(app, wb, s));
    if let Some(wb) = app.workbook.as_mut() {
        wb.cursor = wb.cursor.min(len.saturating_sub(1));
    }
}

fn open_in_content(app: &mut App) {
    let Some(wb) = app.workbook.as_ref() else {
        return;
    };
    let Some(slot) = wb.current_slot() else {
        return;
    };
    if let Some(reason) = &wb.read_only
        && slot != Slot::Gaps
    {
        app.notice = Some(reason.text(app.lang));
        return;
    }
    match slot {
        Slot::Field(field) => start_editing(app, EditTarget::Field(field)),
        Slot::Picks(kind) => {
            let Some(row) = pick_rows(&app.model, wb, kind).into_iter().nth(wb.cursor) else {
                return;
            };
            if !row.picked {
                toggle(app);
            }
            start_editing(app, EditTarget::PickNote(kind, row.id));
        }
        Slot::Checklist => {
            let rows = checklist_rows(&app.model);
            if let Some((_, id)) = rows.get(wb.cursor) {
                let id = id.to_string();
                start_editing(app, EditTarget::CheckNote(id));
            }
        }
        Slot::Gaps => {
            let gaps = plan_gaps(app, wb);
            if let Some(gap) = gaps.get(wb.cursor) {
                jump_to_gap(app, &gap.clone());
            }
        }
    }
}

/// Goes to the step where `gap` is filled, on the field or row it is about.
pub fn jump_to_gap(app: &mut App, gap: &Gap) {
    let step = gap.step();
    let row = match gap {
        Gap::NoNote(kind, id) | Gap::Unknown(kind, id) => app.workbook.as_ref().and_then(|wb| {
            pick_rows(&app.model, wb, *kind)
                .iter()
                .position(|r| &r.id == id)
        }),
        Gap::NoReason(id) => checklist_rows(&app.model).iter().position(|(_, i)| i == id),
        Gap::ChecklistTodo(phase, _) => app.workbook.as_ref().and_then(|wb| {
            checklist_rows(&app.model)
                .iter()
                .position(|(p, id)| p == phase && check_state(wb, id) == CheckState::Todo)
        }),
        _ => None,
    };
    with_wb(app, |wb| {
        wb.step = step.index();
        wb.focus = Focus::Content;
        let all = slots(step);
        wb.slot = match gap {
            Gap::EmptyField(f) => all.iter().position(|s| *s == Slot::Field(*f)).unwrap_or(0),
            _ => all
                .iter()
                .position(|s| !matches!(s, Slot::Field(_)))
                .unwrap_or(0),
        };
        wb.cursor = row.unwrap_or(0);
    });
}

fn start_editing(app: &mut App, target: EditTarget) {
    let theme = app.theme;
    with_wb(app, |wb| {
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
            EditTarget::MethodFilter => wb.method_filter.clone(),
        };
        wb.editor = Some(Editor::new(target, &text, &theme));
        wb.focus = Focus::Content;
    });
}

fn start_method_filter(app: &mut App) {
    let on_methods = app
        .workbook
        .as_ref()
        .is_some_and(|wb| wb.current_slot() == Some(Slot::Picks(PickKind::Methods)));
    if on_methods {
        start_editing(app, EditTarget::MethodFilter);
    }
}

fn finish_editing(app: &mut App) {
    sync_editor(app);
    with_wb(app, |wb| {
        if let Some(ed) = wb.editor.take()
            && let EditTarget::CheckNote(id) = ed.target
        {
            // A to-do item with an empty note carries no information: keep the file small.
            if wb
                .plan
                .checklist
                .get(&id)
                .is_some_and(|c| c.state == CheckState::Todo && c.note.trim().is_empty())
            {
                wb.plan.checklist.remove(&id);
                mark_dirty(wb);
            }
        }
    });
    clamp_cursor(app);
}

/// Copies the editor's text into the plan.
fn sync_editor(app: &mut App) {
    with_wb(app, |wb| {
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
            // No entry is made for an empty note: the item stays exactly as the file has it.
            EditTarget::CheckNote(id)
                if text.is_empty() && !wb.plan.checklist.contains_key(&id) =>
            {
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
        };
        if changed {
            mark_dirty(wb);
        }
    });
}

fn set_if_changed(slot: &mut String, text: String) -> bool {
    if *slot == text {
        false
    } else {
        *slot = text;
        true
    }
}

fn mark_dirty(wb: &mut Workbook) {
    if !matches!(wb.save, SaveStatus::Failed(_)) {
        wb.save = SaveStatus::Pending;
    }
}

/// Whether the open plan has changes that are not on disk.
pub fn unsaved(app: &App) -> bool {
    app.workbook
        .as_ref()
        .is_some_and(|wb| wb.read_only.is_none() && wb.save != SaveStatus::Saved)
}

fn toggle(app: &mut App) {
    let Some(wb) = app.workbook.as_ref() else {
        return;
    };
    if let Some(reason) = &wb.read_only {
        app.notice = Some(reason.text(app.lang));
        return;
    }
    match wb.current_slot() {
        Some(Slot::Picks(kind)) => {
            let Some(row) = pick_rows(&app.model, wb, kind).into_iter().nth(wb.cursor) else {
                return;
            };
            with_wb(app, |wb| {
                let picks = kind.picks_mut(&mut wb.plan);
                if let Some(pos) = picks.iter().position(|p| p.id == row.id) {
                    let removed = picks.remove(pos);
                    wb.stash.insert((kind, removed.id), removed.note);
                } else {
                    let note = wb.stash.remove(&(kind, row.id.clone())).unwrap_or_default();
                    picks.push(Pick { id: row.id, note });
                }
                mark_dirty(wb);
            });
            clamp_cursor(app);
        }
        Some(Slot::Checklist) => {
            let rows = checklist_rows(&app.model);
            let Some((_, id)) = rows.get(wb.cursor) else {
                return;
            };
            let id = id.to_string();
            with_wb(app, |wb| {
                let entry = wb
                    .plan
                    .checklist
                    .entry(id.clone())
                    .or_insert_with(Check::default);
                entry.state = entry.state.next();
                if entry.state == CheckState::Todo && entry.note.trim().is_empty() {
                    wb.plan.checklist.remove(&id);
                }
                mark_dirty(wb);
            });
        }
        _ => {}
    }
}

/// Typing into whichever text box has the keyboard.
fn type_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
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
            finish_editing(app);
        } else {
            ed.area.input(key);
            sync_editor(app);
        }
        return Vec::new();
    }
    if key.code == KeyCode::Enter {
        return home_action(app, Action::Confirm);
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

fn paste(app: &mut App, text: &str) {
    if let Some(wb) = app.workbook.as_mut() {
        if let Some(ed) = wb.editor.as_mut() {
            let clean = text.replace("\r\n", "\n").replace('\r', "\n");
            let clean = if ed.single_line() {
                clean.replace('\n', " ")
            } else {
                clean
            };
            ed.area.insert_str(clean);
            sync_editor(app);
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

fn click(app: &mut App, target: ClickTarget) {
    if app.help {
        return;
    }
    match target {
        ClickTarget::HomeRow(i)
            if app.workbook.is_none()
                && app.home.dialog.is_none()
                && i < app.visible_rows().len() =>
        {
            app.home.selected = i;
        }
        ClickTarget::Step(i) if i < STEPS.len() => {
            if let Some(wb) = app.workbook.as_mut()
                && wb.editor.is_none()
            {
                if wb.step != i {
                    wb.slot = 0;
                    wb.cursor = 0;
                }
                wb.step = i;
                wb.focus = Focus::Steps;
            }
        }
        ClickTarget::Slot(slot, row) => {
            if let Some(wb) = app.workbook.as_mut()
                && wb.editor.is_none()
                && slot < slots(wb.current_step()).len()
            {
                wb.focus = Focus::Content;
                wb.slot = slot;
                wb.cursor = row;
            }
            clamp_cursor(app);
        }
        _ => {}
    }
}

/// Opens the editor on `field` of the open plan, moving the focus to it (the new-plan flow
/// starts on the title).
pub fn edit_field(app: &mut App, field: FieldId) {
    with_wb(app, |wb| {
        let step = field.step();
        wb.step = step.index();
        wb.slot = slots(step)
            .iter()
            .position(|s| *s == Slot::Field(field))
            .unwrap_or(0);
        wb.cursor = 0;
    });
    start_editing(app, EditTarget::Field(field));
}
