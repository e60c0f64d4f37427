//! The help overlay, generated from the keymap table of the context the user came from.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use crate::i18n::{Msg, tr};
use crate::keymap::{self, Ctx, Group};
use crate::state::App;
use crate::ui::widgets::wrap::pad;

/// The context whose keys the help explains (not the help's own): where it was opened.
fn underlying(app: &App) -> Ctx {
    app.help.unwrap_or(Ctx::Home)
}

pub(crate) fn render(app: &App, frame: &mut Frame, area: Rect) {
    let ctx = underlying(app);
    let mut lines = Vec::new();
    for group in [Group::Move, Group::Edit, Group::Plans, Group::App] {
        let rows: Vec<_> = keymap::bindings(ctx).filter(|b| b.group == group).collect();
        if rows.is_empty() {
            continue;
        }
        lines.push(Line::from(Span::styled(
            tr(app.lang, group.title()),
            app.theme.title,
        )));
        for b in rows {
            lines.push(Line::from(vec![
                Span::styled(
                    format!("  {}", pad(&keymap::keys_label(b, app.lang), 22)),
                    app.theme.key,
                ),
                Span::raw(tr(app.lang, b.label)),
            ]));
        }
        lines.push(Line::raw(""));
    }
    lines.pop();
    // On a short screen the blank lines between sections go first.
    if lines.len() + 2 > usize::from(area.height) {
        lines.retain(|l| l.width() > 0);
    }
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let popup = crate::ui::widgets::centered(area, 64, height);
    frame.render_widget(Clear, popup);
    let block = app
        .theme
        .titled(format!(" {} ", tr(app.lang, Msg::HelpTitle)), true)
        .title_bottom(Span::styled(
            format!(" {} ", close_hint(app)),
            app.theme.dim,
        ));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        popup,
    );
}

/// "Esc/?/q close help", from the help context's own binding.
fn close_hint(app: &App) -> String {
    keymap::bindings(Ctx::Help)
        .next()
        .map(|b| {
            format!(
                "{} {}",
                keymap::keys_label(b, app.lang),
                tr(app.lang, b.label)
            )
        })
        .unwrap_or_default()
}
