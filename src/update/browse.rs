//! Moving through the model browser: rows, links followed and walked back, the search.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::keymap::Action;
use crate::state::{App, Page};

use super::Effect;

/// Lines the detail pane moves per key.
const SCROLL_STEP: u16 = 5;

/// A key bound in the browser. Leaving the first page ends the program when the browser was
/// all it was started for, as `browse` on the command line is.
pub(super) fn action(app: &mut App, action: Action) -> Vec<Effect> {
    let (model, lang) = (&app.model, app.lang);
    let Some(b) = app.browse.as_mut() else {
        return Vec::new();
    };
    if b.typing {
        match action {
            // Esc drops the search; Tab, like Enter, keeps it and goes to the results.
            Action::Done => b.query.clear(),
            Action::NextField | Action::PrevField => {}
            _ => return Vec::new(),
        }
        b.typing = false;
        if let Some(root) = b.path.first_mut() {
            root.cursor = 0;
        }
        return Vec::new();
    }
    let rows = b.rows(model, lang);
    let last = rows.len().saturating_sub(1);
    let on_root = b.path.len() == 1;
    match action {
        Action::Up | Action::Down => {
            if let Some(page) = b.path.last_mut() {
                page.cursor = if action == Action::Up {
                    page.cursor.saturating_sub(1)
                } else {
                    (page.cursor + 1).min(last)
                };
            }
            if on_root {
                b.scroll = 0;
            }
        }
        Action::Open => {
            if let Some(item) = rows.get(b.page().cursor) {
                b.path.push(Page {
                    item: Some(item.clone()),
                    cursor: 0,
                });
                b.scroll = 0;
            }
        }
        Action::Back if !on_root => {
            b.path.pop();
            b.scroll = 0;
        }
        Action::Back if b.from_home => app.browse = None,
        Action::Back => return vec![Effect::Quit],
        Action::Filter => {
            b.path.truncate(1);
            b.typing = true;
            b.scroll = 0;
        }
        Action::GuideDown => {
            b.scroll = b.scroll.saturating_add(SCROLL_STEP).min(b.scroll_max);
        }
        Action::GuideUp => b.scroll = b.scroll.saturating_sub(SCROLL_STEP),
        _ => {}
    }
    Vec::new()
}

/// Text typed into the search box; results update as it is typed.
pub(super) fn typed(app: &mut App, key: KeyEvent) {
    let Some(b) = app.browse.as_mut().filter(|b| b.typing) else {
        return;
    };
    match key.code {
        KeyCode::Enter => b.typing = false,
        KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => b.query.push(c),
        KeyCode::Backspace => {
            b.query.pop();
        }
        _ => return,
    }
    if let Some(root) = b.path.first_mut() {
        root.cursor = 0;
    }
    b.scroll = 0;
}

/// Pasted text goes into the search box while it is open, as one line.
pub(super) fn pasted(app: &mut App, text: &str) -> bool {
    match app.browse.as_mut().filter(|b| b.typing) {
        Some(b) => {
            b.query
                .extend(text.chars().filter(|c| !c.is_control()).take(200));
            true
        }
        None => false,
    }
}
