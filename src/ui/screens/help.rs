//! The help overlay, generated from the keymap table of the context the user came from.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use crate::i18n::{Msg, tr};
use crate::keymap::{self, Ctx, Group};
use crate::state::App;
use crate::ui::widgets::wrap::{pad, truncate};

/// The context whose keys the help explains (not the help's own): where it was opened.
fn underlying(app: &App) -> Ctx {
    app.help.unwrap_or(Ctx::Home)
}

pub(crate) fn render(app: &App, frame: &mut Frame, area: Rect) {
    let ctx = underlying(app);
    // Titles are `(title, None)`, keys `(keys, Some(label))`.
    let mut rows: Vec<(String, Option<&'static str>)> = Vec::new();
    for group in [Group::Move, Group::Edit, Group::Plans, Group::App] {
        let bindings: Vec<_> = keymap::bindings(ctx).filter(|b| b.group == group).collect();
        if bindings.is_empty() {
            continue;
        }
        if !rows.is_empty() {
            rows.push((String::new(), None));
        }
        rows.push((tr(app.lang, group.title()).to_string(), None));
        for b in bindings {
            rows.push((keymap::keys_label(b, app.lang), Some(tr(app.lang, b.label))));
        }
    }
    // Under the keys, a short statement of where the model's content comes from: the help is
    // the one place every screen leads to.
    let source = Paragraph::new(Line::from(Span::styled(
        tr(app.lang, Msg::ModelSource),
        app.theme.dim,
    )))
    .wrap(Wrap { trim: true });
    // Its height in the narrow, one-column popup: the most it can take (plus a blank line).
    let source_most = source.line_count(62) + 1;
    let room = usize::from(area.height).saturating_sub(2 + source_most);
    // On a short screen the blank lines between sections go first, then the keys go into
    // two columns, so every key stays listed.
    if rows.len() > room {
        rows.retain(|(k, label)| !k.is_empty() || label.is_some());
    }
    let two = rows.len() > room && area.width >= 70;
    let per_column = if two {
        rows.len().div_ceil(2)
    } else {
        rows.len()
    };
    let width = if two {
        area.width.saturating_sub(2).min(100)
    } else {
        64
    };
    let col_w = if two {
        usize::from(width.saturating_sub(3) / 2)
    } else {
        usize::from(width.saturating_sub(2))
    };
    let key_w = if two { 12 } else { 22 };
    let source_h = source.line_count(width.saturating_sub(2)) + 1;
    // Every key stays listed; on a screen too short for both, the statement gives way.
    let source_h = if per_column + 2 + source_h > usize::from(area.height) {
        0
    } else {
        source_h
    };
    let line = |(k, label): &(String, Option<&str>)| match label {
        None => Line::from(Span::styled(truncate(k, col_w), app.theme.title)),
        Some(l) => Line::from(vec![
            Span::styled(format!("  {}", pad(k, key_w)), app.theme.key),
            Span::raw(truncate(l, col_w.saturating_sub(key_w + 2))),
        ]),
    };
    let height = u16::try_from(per_column + 2 + source_h).unwrap_or(u16::MAX);
    let popup = crate::ui::widgets::centered(area, width, height);
    frame.render_widget(Clear, popup);
    let block = app
        .theme
        .titled(format!(" {} ", tr(app.lang, Msg::HelpTitle)), true)
        .title_bottom(Span::styled(
            format!(" {} ", close_hint(app)),
            app.theme.dim,
        ));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [inner, _, source_area] = Layout::vertical([
        Constraint::Length(u16::try_from(per_column).unwrap_or(u16::MAX)),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(inner);
    if source_h > 0 {
        frame.render_widget(source, source_area);
    }
    if two {
        let [left, _, right] = Layout::horizontal([
            Constraint::Length(u16::try_from(col_w).unwrap_or(0)),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(inner);
        let (a, b) = rows.split_at(per_column.min(rows.len()));
        frame.render_widget(Paragraph::new(a.iter().map(line).collect::<Vec<_>>()), left);
        frame.render_widget(
            Paragraph::new(b.iter().map(line).collect::<Vec<_>>()),
            right,
        );
    } else {
        frame.render_widget(
            Paragraph::new(rows.iter().map(line).collect::<Vec<_>>()).wrap(Wrap { trim: false }),
            inner,
        );
    }
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
