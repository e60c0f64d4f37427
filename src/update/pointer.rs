//! The mouse: the wheel moves like the arrow keys, a click selects what the view drew there.

use crate::keymap::{Action, Ctx};
use crate::plan::STEPS;
use crate::state::{App, Focus, slots};

use super::{ClickTarget, Effect, on_action};

pub(super) fn scroll(app: &mut App, delta: i8) -> Vec<Effect> {
    let action = if delta < 0 { Action::Up } else { Action::Down };
    match app.ctx() {
        Ctx::Home | Ctx::Picker | Ctx::Steps | Ctx::Content => on_action(app, action),
        _ => Vec::new(),
    }
}

pub(super) fn click(app: &mut App, target: ClickTarget) {
    if app.help.is_some() {
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
                wb.clamp_cursor(&app.model);
            }
        }
        _ => {}
    }
}
