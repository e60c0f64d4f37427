//! Mouse clicks: a click selects what the view drew there (the wheel is an arrow key, in mod.rs).

use crate::plan::STEPS;
use crate::state::{App, Focus, slots};

use super::ClickTarget;

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
