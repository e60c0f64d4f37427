//! The update step: a message changes the state and may ask the runtime for effects.
//! No IO, no terminal, no clock: everything here is testable with plain values.
//!
//! Keys arrive already resolved by the keymap ([`key_msg`]): an [`Action`], or text for the
//! box being typed in. The modules split the work by where it happens.

mod agenda;
mod browse;
mod editing;
mod home;
mod navigation;
mod pointer;
mod present;
pub mod run;

use crossterm::event::{KeyEvent, KeyModifiers};

use crate::keymap::{Action, Ctx, resolve};
use crate::state::{App, Notice};

pub use editing::edit_field;
pub use navigation::jump_to_gap;

/// Something that happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// A key the keymap bound to an action where the user is.
    Action(Action),
    /// A key the keymap does not bind here: text for the box being typed in, if any.
    Text(KeyEvent),
    /// Pasted text (bracketed paste).
    Paste(String),
    /// Mouse wheel: negative is up.
    Scroll(i8),
    /// Mouse click at a screen cell (column, row) that the view mapped to a target.
    Click(ClickTarget),
    /// A signal (SIGTERM, SIGHUP) asks the app to end: save, restore, exit with 128 + n.
    Terminate(i32),
    /// The window changed size.
    Resized,
    /// Rows of the plan list that changed on disk since the index was written (or, with no
    /// index, rows as they are read), applied in place; and whether every file has now been
    /// looked at.
    Listed(Vec<crate::state::RowChange>, bool),
    /// The other versions (rescued edits, sync conflicts) of each plan that has any.
    Others(std::collections::HashMap<String, Vec<crate::storage::Origin>>),
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
    /// Present the plan with this id (it is read from disk first).
    PresentPlan(String),
    /// Bring a plan back from the trash by its name there.
    Untrash(String),
    /// Read the trash and show it.
    OpenTrash,
    /// Delete what the trash holds for good.
    EmptyTrash,
    /// Write plan `id` into the exports folder as the export dialog's choice `n`.
    Export(String, usize),
    /// Save the open plan now.
    Save,
    /// Save and go back to the list.
    Close,
    /// Save and quit.
    Quit,
    /// Save (or rescue) and end with this exit code, whatever happens.
    Terminate(u8),
    /// Open plan `id` in the facilitation view.
    Run(String),
    /// Compare plan `id` with its first other version (rescued or conflict copy).
    Compare(String),
    /// Compare the open plan with its file, changed elsewhere.
    CompareOnDisk,
    /// Re-read the open read-only plan and edit it here (its lock is now held here).
    TakeOver,
    /// Save what the comparison chose, and put the version left out in the trash.
    ApplyCompare,
    /// Remember the language and theme for the next run.
    SaveSettings,
}

/// The message a key press means where the user is. The same function serves the runtime
/// and the tests, so tests press keys exactly as a user does.
pub fn key_msg(app: &App, mut key: KeyEvent) -> Msg {
    // Windows reports AltGr (ą, ę, ś… on the Polish layout) as Ctrl+Alt: that is plain text.
    if matches!(key.code, crossterm::event::KeyCode::Char(_))
        && key
            .modifiers
            .contains(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        key.modifiers -= KeyModifiers::CONTROL | KeyModifiers::ALT;
    }
    match resolve(app.ctx(), &key) {
        Some(action) => Msg::Action(action),
        None => Msg::Text(key),
    }
}

/// A key press, resolved where the user is and applied: what the runtime does with a key.
pub fn press(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let msg = key_msg(app, key);
    update(app, msg)
}

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
        Msg::Action(action) => {
            let quit_armed = key_pressed(app);
            if action == Action::Quit && quit_armed {
                app.should_quit = true;
                return Vec::new();
            }
            on_action(app, action)
        }
        Msg::Text(key) => {
            key_pressed(app);
            if app.browse.as_ref().is_some_and(|b| b.typing) {
                browse::typed(app, key);
                Vec::new()
            } else if app.ctx() == Ctx::Editing {
                editing::type_key(app, key)
            } else if app.ctx() == Ctx::Present {
                present::typed(app, key);
                Vec::new()
            } else {
                Vec::new()
            }
        }
        Msg::Paste(text) => {
            if !browse::pasted(app, &text) {
                editing::paste(app, &text);
            }
            Vec::new()
        }
        Msg::Scroll(delta) => {
            // The wheel moves like the arrow keys, where arrows move a selection.
            let action = if delta < 0 { Action::Up } else { Action::Down };
            match app.ctx() {
                Ctx::Home | Ctx::Picker | Ctx::Steps | Ctx::Content | Ctx::Browse => {
                    on_action(app, action)
                }
                _ => Vec::new(),
            }
        }
        Msg::Click(target) => {
            pointer::click(app, target);
            Vec::new()
        }
        Msg::Terminate(signal) => {
            let code = u8::try_from(128 + signal).unwrap_or(u8::MAX);
            vec![Effect::Terminate(code)]
        }
        Msg::Listed(changes, done) => {
            home::apply_rows(app, changes);
            app.home.loading = !done;
            Vec::new()
        }
        Msg::Others(mut others) => {
            for row in &mut app.home.rows {
                row.others = others.remove(&row.id).unwrap_or_default();
            }
            Vec::new()
        }
        Msg::Resized => {
            let theme = app.theme;
            if let Some(ed) = app.workbook.as_mut().and_then(|wb| wb.editor.as_mut()) {
                ed.relayout(&theme);
            }
            Vec::new()
        }
    }
}

/// Any key dismisses the notice (help keeps it for after) and disarms a pending quit;
/// returns whether the quit was armed.
fn key_pressed(app: &mut App) -> bool {
    if app.help.is_none() {
        app.notice = None;
    }
    std::mem::take(&mut app.quit_armed)
}

fn on_action(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Help => {
            app.help = match app.help {
                Some(_) => None,
                None => Some(app.ctx()),
            };
            return Vec::new();
        }
        Action::Lang => {
            app.lang = app.lang.toggled();
            app.settings.lang = Some(app.lang);
            return vec![Effect::SaveSettings];
        }
        Action::CycleTheme => {
            app.theme = app.theme.cycled(app.no_color);
            app.settings.theme = Some(app.theme.name);
            let theme = app.theme;
            if let Some(ed) = app.workbook.as_mut().and_then(|wb| wb.editor.as_mut()) {
                ed.restyle(&theme);
            }
            return vec![Effect::SaveSettings];
        }
        Action::ToggleAccessible => {
            app.accessible = !app.accessible;
            app.settings.accessible = app.accessible;
            let theme = app.theme;
            // The text box is drawn in another place and width now.
            if let Some(ed) = app.workbook.as_mut().and_then(|wb| wb.editor.as_mut()) {
                ed.relayout(&theme);
            }
            return vec![Effect::SaveSettings];
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
    if app.present.is_some() {
        return present::action(app, action);
    }
    if app.browse.is_some() {
        return browse::action(app, action);
    }
    if app.compare.is_some() {
        return compare_action(app, action);
    }
    if app.workbook.is_some() {
        navigation::workbook_action(app, action)
    } else {
        home::action(app, action)
    }
}

/// Keys in the compare view.
fn compare_action(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(c) = app.compare.as_mut() else {
        return Vec::new();
    };
    let last = c.items.len().saturating_sub(1);
    match action {
        Action::Up => c.cursor = c.cursor.saturating_sub(1),
        Action::Down => c.cursor = (c.cursor + 1).min(last),
        Action::Toggle => {
            if let Some(t) = c.take.get_mut(c.cursor) {
                *t = !*t;
            }
        }
        Action::KeepMine => c.take.iter_mut().for_each(|t| *t = false),
        Action::KeepTheirs => c.take.iter_mut().for_each(|t| *t = true),
        Action::Confirm => return vec![Effect::ApplyCompare],
        Action::Cancel => app.compare = None,
        _ => {}
    }
    Vec::new()
}

/// Refuses an edit of a read-only plan with a notice; true when the plan is read-only.
fn refuse_read_only(app: &mut App) -> bool {
    match app.workbook.as_ref().and_then(|wb| wb.read_only.clone()) {
        Some(reason) => {
            app.notice = Some(Notice::ReadOnly(reason));
            true
        }
        None => false,
    }
}

/// Whether the open plan has changes that are not on disk.
pub fn unsaved(app: &App) -> bool {
    app.workbook.as_ref().is_some_and(|wb| wb.unsaved())
}
