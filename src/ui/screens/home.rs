//! The list of plans.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::clock;
use crate::i18n::{Msg, tr};
use crate::state::Origin;
use crate::state::{App, Dialog};
use crate::ui::widgets::wrap::{pad, truncate};
use crate::update::ClickTarget;

fn list_area(app: &App, body: Rect) -> (Rect, Rect) {
    let filter_h =
        u16::from(!app.home.filter.is_empty() || app.home.dialog == Some(Dialog::Filter));
    let [list, filter] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(filter_h)]).areas(body);
    (list, filter)
}

/// First visible row, so that the selection stays on screen.
fn scroll(selected: usize, rows: usize) -> usize {
    (selected + 1).saturating_sub(rows)
}

pub(crate) fn render(app: &App, frame: &mut Frame, body: Rect) {
    let lang = app.lang;
    let (list, filter) = list_area(app, body);
    let block = app.theme.titled(
        format!(" {} ", tr(lang, Msg::Plans)),
        app.home.dialog.is_none() && app.help.is_none(),
    );
    let inner = block.inner(list);
    frame.render_widget(block, list);

    let rows = app.visible_rows();
    if app.home.rows.is_empty() && app.home.loading {
        frame.render_widget(Paragraph::new(tr(lang, Msg::ReadingPlans)), inner);
    } else if app.home.rows.is_empty() {
        let text = vec![
            Line::from(Span::styled(tr(lang, Msg::NoPlansTitle), app.theme.title)),
            Line::raw(""),
            Line::raw(crate::i18n::trk(lang, Msg::NoPlansHint)),
        ];
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), inner);
    } else if rows.is_empty() {
        frame.render_widget(Paragraph::new(tr(lang, Msg::NoMatch)), inner);
    } else {
        let width = usize::from(inner.width);
        // Marker, title, space, date (16), space, progress (8).
        let title_w = width.saturating_sub(2 + 1 + 16 + 1 + 8);
        let height = usize::from(inner.height.saturating_sub(1));
        let head = format!(
            "  {} {} {:>8}",
            pad(&truncate(tr(lang, Msg::Title), title_w), title_w),
            pad(
                &format!(
                    "{} ({})",
                    tr(lang, Msg::LastChange),
                    clock::zone_label(app.utc_offset)
                ),
                16
            ),
            tr(lang, Msg::Progress)
        );
        let mut lines = vec![Line::from(Span::styled(
            truncate(&head, width),
            app.theme.dim,
        ))];
        let first = scroll(app.home.selected, height);
        for (i, row) in rows.iter().enumerate().skip(first).take(height) {
            let marker = if i == app.home.selected { "▶ " } else { "  " };
            let line = if let Some(err) = &row.damaged {
                let text = format!(
                    "{marker}{} {}: {}",
                    tr(lang, Msg::Damaged),
                    row.id,
                    err.one_line(lang)
                );
                Line::from(Span::styled(truncate(&text, width), app.theme.error))
            } else {
                let title = if row.title.trim().is_empty() {
                    tr(lang, Msg::Untitled).to_string()
                } else {
                    row.title.replace('\n', " ")
                };
                // Another version waits: a symbol on the row, the words in the hint below.
                let flag = match row.others.first() {
                    Some(Origin::Rescued { .. }) => "⟲ ",
                    Some(Origin::Conflict { .. }) => "⇄ ",
                    None => "",
                };
                let title_cell = pad(
                    &truncate(&title, title_w.saturating_sub(flag.width())),
                    title_w.saturating_sub(flag.width()),
                );
                Line::from(vec![
                    Span::raw(marker),
                    Span::styled(flag, app.theme.warn),
                    Span::raw(format!(
                        "{title_cell} {} {:>7}%",
                        pad(&clock::short_in(&row.updated, app.utc_offset), 16),
                        row.percent
                    )),
                ])
            };
            lines.push(if i == app.home.selected {
                line.style(app.theme.selected)
            } else {
                line
            });
        }
        frame.render_widget(Paragraph::new(lines), inner);
        let hint = app.selected_row().and_then(|r| {
            if r.damaged.is_some() {
                Some(crate::i18n::trk(lang, Msg::DamagedHint))
            } else {
                let first = r.others.first()?;
                let more = match r.others.len() {
                    1 => String::new(),
                    n => format!(" (+{})", n - 1),
                };
                Some(format!(
                    "{}{more} · v {}",
                    super::compare::origin_words(app, first),
                    tr(lang, Msg::KCompare)
                ))
            }
        });
        if let Some(hint) = hint {
            let hint_area = Rect {
                y: inner.bottom().saturating_sub(2),
                height: 2.min(inner.height),
                ..inner
            };
            let hint = Paragraph::new(Span::styled(hint, app.theme.warn)).wrap(Wrap { trim: true });
            frame.render_widget(Clear, hint_area);
            frame.render_widget(hint, hint_area);
        }
    }

    if filter.height > 0 {
        let cursor = if app.home.dialog == Some(Dialog::Filter) {
            "▏"
        } else {
            ""
        };
        let line = Line::from(vec![
            Span::styled(format!(" {}: ", tr(lang, Msg::Filter)), app.theme.label),
            Span::raw(format!("{}{cursor}", app.home.filter)),
        ]);
        frame.render_widget(Paragraph::new(line), filter);
    }

    match &app.home.dialog {
        Some(Dialog::ConfirmDelete(id)) => {
            let title = app
                .home
                .rows
                .iter()
                .find(|r| &r.id == id)
                .map_or(id.clone(), |r| r.title.clone());
            let popup = crate::ui::widgets::centered(body, 50, 6);
            frame.render_widget(Clear, popup);
            let text = vec![
                Line::from(Span::styled(tr(lang, Msg::ConfirmDelete), app.theme.title)),
                Line::raw(truncate(&title, 46)),
                Line::raw(""),
                Line::from(Span::styled(crate::keymap::yes_no(lang), app.theme.dim)),
            ];
            let block = app.theme.block(true).border_style(app.theme.warn);
            frame.render_widget(Paragraph::new(text).block(block), popup);
        }
        Some(Dialog::Scenario(selected)) => render_scenarios(app, *selected, frame, body),
        Some(Dialog::Export { id, choice }) => render_export(app, id, *choice, frame, body),
        Some(Dialog::Trash(selected)) => render_trash(app, *selected, frame, body),
        Some(Dialog::Present(selected)) => render_present_choices(app, *selected, frame, body),
        Some(Dialog::ConfirmEmptyTrash) => {
            let popup = crate::ui::widgets::centered(body, 56, 6);
            frame.render_widget(Clear, popup);
            let inner = usize::from(popup.width.saturating_sub(2));
            let mut text: Vec<Line> =
                crate::ui::widgets::wrap::wrap(tr(lang, Msg::ConfirmEmptyTrash), inner)
                    .into_iter()
                    .map(|l| Line::from(Span::styled(l, app.theme.title)))
                    .collect();
            text.push(Line::raw(""));
            text.push(Line::from(Span::styled(
                crate::keymap::yes_no(lang),
                app.theme.dim,
            )));
            let block = app.theme.block(true).border_style(app.theme.warn);
            frame.render_widget(Paragraph::new(text).block(block), popup);
        }
        Some(Dialog::Rename { text, .. }) => {
            let popup = crate::ui::widgets::centered(body, 56, 3);
            frame.render_widget(Clear, popup);
            let block = app
                .theme
                .titled(format!(" {} ", tr(lang, Msg::RenamePrompt)), true);
            let inner_w = usize::from(popup.width.saturating_sub(3));
            let shown: String = {
                let chars: Vec<char> = text.chars().collect();
                let skip = chars.len().saturating_sub(inner_w);
                chars[skip..].iter().collect()
            };
            frame.render_widget(Paragraph::new(format!("{shown}▏")).block(block), popup);
        }
        _ => {}
    }
}

pub(crate) fn hit_test(app: &App, body: Rect, col: u16, row: u16) -> Option<ClickTarget> {
    let (list, _) = list_area(app, body);
    let inner = Block::bordered().inner(list);
    let first_row = inner.y + 1;
    if col < inner.x || col >= inner.right() || row < first_row || row >= inner.bottom() {
        return None;
    }
    let height = usize::from(inner.height.saturating_sub(1));
    let index = scroll(app.home.selected, height) + usize::from(row - first_row);
    (index < app.visible_rows().len()).then_some(ClickTarget::HomeRow(index))
}

fn render_present_choices(app: &App, selected: usize, frame: &mut Frame, body: Rect) {
    let lang = app.lang;
    let choices = crate::state::present_choices(app);
    let height = u16::try_from(choices.len() + 2).unwrap_or(u16::MAX);
    let popup = crate::ui::widgets::centered(body, body.width.saturating_sub(4).min(72), height);
    frame.render_widget(Clear, popup);
    let block = app
        .theme
        .titled(format!(" {} ", tr(lang, Msg::PresentTitle)), true);
    let width = usize::from(block.inner(popup).width);
    let lines: Vec<Line> = choices
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let name = present_choice_name(app, c);
            let marker = if i == selected { "▶ " } else { "  " };
            let line = Line::raw(truncate(&format!("{marker}{name}"), width));
            if i == selected {
                line.style(app.theme.selected)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}

fn render_trash(app: &App, selected: usize, frame: &mut Frame, body: Rect) {
    let lang = app.lang;
    let popup = crate::ui::widgets::centered(
        body,
        body.width.saturating_sub(4).min(76),
        body.height.saturating_sub(2).min(16),
    );
    frame.render_widget(Clear, popup);
    let block = app
        .theme
        .titled(format!(" {} ", tr(lang, Msg::TrashTitle)), true);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let width = usize::from(inner.width);
    let rows = &app.home.trash;
    if rows.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(tr(lang, Msg::TrashEmpty), app.theme.dim)),
            inner,
        );
        return;
    }
    let height = usize::from(inner.height);
    let first = scroll(selected, height);
    let when_w = 17;
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(i, r)| {
            let title = crate::state::untitled_or(lang, &r.title);
            let marker = if i == selected { "▶ " } else { "  " };
            let title_w = width.saturating_sub(when_w + 3);
            let text = format!(
                "{marker}{} {}",
                pad(&truncate(&title, title_w), title_w),
                crate::clock::short_in(&r.when, app.utc_offset)
            );
            let line = Line::raw(truncate(&text, width));
            if i == selected {
                line.style(app.theme.selected)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn render_export(app: &App, id: &str, choice: usize, frame: &mut Frame, body: Rect) {
    let lang = app.lang;
    let width = body.width.saturating_sub(4).min(72);
    let popup = crate::ui::widgets::centered(body, width, 9);
    frame.render_widget(Clear, popup);
    let block = app
        .theme
        .titled(format!(" {} ", tr(lang, Msg::ExportTitle)), true);
    let inner = usize::from(block.inner(popup).width);
    let mut lines: Vec<Line> = crate::state::EXPORT_CHOICES
        .iter()
        .enumerate()
        .map(|(i, (format, pack))| {
            let label = export_choice_name(*format, *pack);
            let marker = if i == choice { "▶ " } else { "  " };
            let line = Line::raw(truncate(&format!("{marker}{}", tr(lang, label)), inner));
            if i == choice {
                line.style(app.theme.selected)
            } else {
                line
            }
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        truncate(tr(lang, Msg::ExportWhere), inner),
        app.theme.dim,
    )));
    let title = app
        .home
        .rows
        .iter()
        .find(|r| r.id == id)
        .map_or("", |r| r.title.as_str());
    let (format, pack) = crate::state::EXPORT_CHOICES
        .get(choice)
        .copied()
        .unwrap_or_default();
    let options = crate::export::Options { full: false, pack };
    let name = crate::export::file_name(title, id, format, options);
    lines.push(Line::from(Span::styled(
        truncate(&format!("exports/{name}"), inner),
        app.theme.dim,
    )));
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}

/// What a present choice is called.
pub(crate) fn present_choice_name(app: &App, c: &crate::state::PresentChoice) -> String {
    use crate::plan::Step;
    use crate::present::Deck;
    use crate::state::PresentChoice;
    let (lang, m) = (app.lang, &app.model);
    match c {
        PresentChoice::Deck(Deck::Values) => {
            format!(
                "{} ({})",
                crate::i18n::step_name(lang, Step::Values),
                m.values.len()
            )
        }
        PresentChoice::Deck(Deck::Directions) => format!(
            "{} ({})",
            crate::i18n::step_name(lang, Step::Directions),
            m.directions.len()
        ),
        PresentChoice::Deck(Deck::Methods) => format!(
            "{} ({})",
            crate::i18n::step_name(lang, Step::Methods),
            m.methods.len()
        ),
        PresentChoice::Deck(Deck::Roles) => {
            format!(
                "{} ({})",
                crate::i18n::step_name(lang, Step::Roles),
                m.roles.len()
            )
        }
        PresentChoice::Deck(Deck::Advice) => {
            format!("{} ({})", tr(lang, Msg::AdviceTitle), m.advice.len())
        }
        PresentChoice::Deck(Deck::Scenario(id)) => format!(
            "{}: {}",
            tr(lang, Msg::PresentExample),
            m.scenario(id).map_or(id.as_str(), |s| s.title.get(lang))
        ),
        PresentChoice::Deck(Deck::Plan(p)) => p.context.title.clone(),
        PresentChoice::Plan(id) => {
            let title = app
                .home
                .rows
                .iter()
                .find(|r| &r.id == id)
                .map_or("", |r| r.title.as_str());
            format!(
                "{}: {}",
                tr(lang, Msg::PresentThisPlan),
                crate::state::untitled_or(lang, title)
            )
        }
    }
}

/// What an export choice is called.
pub(crate) fn export_choice_name(format: crate::export::Format, pack: bool) -> Msg {
    match (format, pack) {
        (crate::export::Format::Markdown, _) => Msg::ExportMarkdown,
        (crate::export::Format::Html, false) => Msg::ExportHtml,
        (crate::export::Format::Html, true) => Msg::ExportPack,
        (crate::export::Format::Ron, _) => Msg::ExportRon,
    }
}

fn render_scenarios(app: &App, selected: usize, frame: &mut Frame, body: Rect) {
    let lang = app.lang;
    let popup = crate::ui::widgets::centered(
        body,
        body.width.saturating_sub(4).min(100),
        body.height.saturating_sub(2),
    );
    frame.render_widget(Clear, popup);
    let block = app
        .theme
        .titled(format!(" {} ", tr(lang, Msg::ScenarioTitle)), true);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let width = usize::from(inner.width);
    let mut lines = Vec::new();
    for (i, s) in app.model.scenarios.iter().enumerate() {
        let place = tr(
            lang,
            match s.setting {
                crate::model::Setting::Gdynia => Msg::Gdynia,
                crate::model::Setting::Nicosia => Msg::Nicosia,
            },
        );
        let text = format!(
            "{} {} — {}",
            pad(place, 8),
            s.title.get(lang),
            s.summary.get(lang)
        );
        let line = Line::raw(truncate(&text, width));
        lines.push(if i == selected {
            line.style(app.theme.selected)
        } else {
            line
        });
    }
    lines.push(Line::raw(""));
    if let Some(s) = app.model.scenarios.get(selected) {
        lines.push(Line::from(Span::styled(
            s.place.get(lang).to_string(),
            app.theme.dim,
        )));
        lines.push(Line::raw(s.idea.get(lang).to_string()));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
