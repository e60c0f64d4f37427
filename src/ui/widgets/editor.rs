//! The text editor widget: a bordered box around the textarea, focused.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::state::Editor;
use crate::theme::Theme;

/// Draws a text editor with a cursor. The editor itself is drawn, not a copy: it learns its
/// size while drawing, which its cursor movement over wrapped lines needs.
pub(crate) fn render(t: &Theme, ed: &Editor, frame: &mut Frame, rect: Rect) {
    let block = t.block(true);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    frame.render_widget(&ed.area, inner);
}
