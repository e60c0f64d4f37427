//! Two versions of a plan side by side: each part that differs, this version and the other,
//! and which one the result takes.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::describe::version_summary;
use crate::i18n::{Msg, field_label, step_name, tr};
use crate::plan::diff::Item;
use crate::state::Origin;
use crate::state::{App, Compare, CompareWith};
use crate::ui::widgets::wrap::{pad, truncate};

/// What an item is called.
fn item_name(app: &App, item: Item) -> String {
    let lang = app.lang;
    match item {
        Item::Field(f) => field_label(lang, f).to_string(),
        Item::Picks(k) => step_name(lang, k.step()).to_string(),
        Item::Agenda => step_name(lang, crate::plan::Step::Agenda).to_string(),
        Item::Checklist => step_name(lang, crate::plan::Step::Checklist).to_string(),
    }
}

/// Where the other version comes from, in words.
pub fn origin_words(app: &App, origin: &Origin) -> String {
    let lang = app.lang;
    match origin {
        Origin::Rescued { when } => format!("⟲ {} {when}", tr(lang, Msg::Rescued)),
        Origin::Conflict { device, when, .. } => {
            let from = [device.as_str(), when.as_str()]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(", ");
            if from.is_empty() {
                format!("⇄ {}", tr(lang, Msg::ConflictFrom))
            } else {
                format!("⇄ {} ({from})", tr(lang, Msg::ConflictFrom))
            }
        }
    }
}

pub(crate) fn render(app: &App, c: &Compare, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let t = &app.theme;
    let source = match &c.with {
        CompareWith::Other(o) => origin_words(app, &o.origin),
        CompareWith::OnDisk => format!("⚠ {}", tr(lang, Msg::OnDiskChanged)),
    };
    let title = if c.mine.context.title.is_empty() {
        c.id.clone()
    } else {
        c.mine.context.title.clone()
    };
    let block = t.titled(
        format!(" {} · {} ", tr(lang, Msg::CompareTitle), title),
        true,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [from, help, list] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Min(1),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(Span::styled(source, t.warn)), from);
    frame.render_widget(
        Paragraph::new(Span::styled(
            crate::i18n::trk(lang, Msg::CompareHelp),
            t.dim,
        ))
        .wrap(Wrap { trim: true }),
        help,
    );
    if c.items.is_empty() {
        frame.render_widget(Paragraph::new(tr(lang, Msg::CompareSame)), list);
        return;
    }
    let width = usize::from(list.width);
    let name_w = 22.min(width / 4);
    let side_w = width.saturating_sub(name_w + 8) / 2;
    let mut lines = vec![Line::from(Span::styled(
        format!(
            "    {} {} {}",
            pad("", name_w),
            pad(&truncate(tr(lang, Msg::CompareMine), side_w), side_w),
            tr(lang, Msg::CompareTheirs)
        ),
        t.label,
    ))];
    for (i, item) in c.items.iter().enumerate() {
        let theirs = c.take[i];
        let mark = |chosen: bool| if chosen { "●" } else { "○" };
        let mine_text = version_summary(&app.model, &c.mine, *item, lang);
        let their_text = version_summary(&app.model, &c.theirs, *item, lang);
        let line = Line::from(vec![
            Span::raw(format!("{} ", if theirs { "→" } else { "←" })),
            Span::styled(
                pad(&truncate(&item_name(app, *item), name_w), name_w + 1),
                t.label,
            ),
            Span::styled(
                format!(
                    "{} {} ",
                    mark(!theirs),
                    pad(
                        &truncate(&mine_text, side_w.saturating_sub(2)),
                        side_w.saturating_sub(2)
                    )
                ),
                if theirs { t.dim } else { t.ok },
            ),
            Span::styled(
                format!(
                    "{} {}",
                    mark(theirs),
                    truncate(&their_text, side_w.saturating_sub(2))
                ),
                if theirs { t.ok } else { t.dim },
            ),
        ]);
        lines.push(if i == c.cursor {
            line.style(t.selected)
        } else {
            line
        });
    }
    frame.render_widget(Paragraph::new(lines), list);
}
