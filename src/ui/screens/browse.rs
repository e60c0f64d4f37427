//! The model browser: a list on the left (every item, or the links of the item opened), the
//! highlighted or opened item in full on the right, and the path walked above them.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::guide::{bullets, details, heading};
use crate::browse::{Item, Kind};
use crate::i18n::{Msg, browse as words, tr};
use crate::lang::Lang;
use crate::model::Model;
use crate::plan::PickKind;
use crate::state::{App, Browsing};
use crate::theme::Theme;
use crate::ui::widgets::wrap::{pad, truncate};

/// Width of the kind column in the list.
const KIND_WIDTH: usize = 12;

/// The list pane and the detail pane of a body area.
fn panes(area: Rect) -> (Rect, Rect, Rect) {
    let [top, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    // On a narrow screen the names need the room more than the text does.
    let list_share = if area.width < 100 { 50 } else { 42 };
    let [list, detail] = Layout::horizontal([
        Constraint::Percentage(list_share),
        Constraint::Percentage(100 - list_share),
    ])
    .areas(rest);
    (top, list, detail)
}

pub(crate) fn render(app: &App, b: &Browsing, frame: &mut Frame, area: Rect) {
    let (top, list, detail) = panes(area);
    frame.render_widget(Paragraph::new(path_line(app, b, top.width)), top);
    render_list(app, b, frame, list);
    render_detail(app, b, frame, detail);
}

/// The path walked, or the search box while it is typed in.
fn path_line(app: &App, b: &Browsing, width: u16) -> Line<'static> {
    let (lang, t) = (app.lang, &app.theme);
    if b.typing || !b.query.is_empty() && b.path.len() == 1 {
        let cursor = if b.typing { "▏" } else { "" };
        return Line::from(vec![
            Span::styled(format!(" {}: ", tr(lang, Msg::BrowseSearchPrompt)), t.label),
            Span::raw(format!("{}{cursor}", crate::text::visible_line(&b.query))),
        ]);
    }
    let mut parts = vec![tr(lang, Msg::BrowseTitle).to_string()];
    parts.extend(b.path.iter().filter_map(|p| p.item.as_ref()).map(|item| {
        format!(
            "{}: {}",
            words::kind(lang, item.kind()),
            crate::browse::name(&app.model, item, lang).unwrap_or(item.id())
        )
    }));
    let text = format!(" {}", parts.join(" › "));
    // A long path keeps its end, where the user is.
    let room = usize::from(width);
    let text = if unicode_width::UnicodeWidthStr::width(text.as_str()) > room {
        let chars: Vec<char> = text.chars().collect();
        let keep: String = chars[chars.len().saturating_sub(room.saturating_sub(2))..]
            .iter()
            .collect();
        format!(" …{keep}")
    } else {
        text
    };
    Line::from(Span::styled(text, t.label))
}

/// A list row: the item's kind, then its name.
fn row_line(
    t: &Theme,
    model: &Model,
    lang: Lang,
    item: &Item,
    selected: bool,
    width: usize,
) -> Line<'static> {
    let name = crate::browse::name(model, item, lang).unwrap_or(item.id());
    let marker = if selected { "▶ " } else { "  " };
    let kind = pad(words::kind(lang, item.kind()), KIND_WIDTH);
    let text = truncate(&format!("{marker}{kind}{name}"), width);
    Line::from(Span::styled(pad(&text, width), t.row(selected)))
}

/// The lines of the list and the index of the highlighted one among them.
fn list_lines(app: &App, b: &Browsing, width: usize) -> (Vec<Line<'static>>, usize) {
    let (lang, t, model) = (app.lang, &app.theme, &app.model);
    let cursor = b.page().cursor;
    let mut lines = Vec::new();
    let mut at = 0;
    match &b.page().item {
        None => {
            let rows = b.rows(model, lang);
            if rows.is_empty() {
                lines.push(Line::from(Span::styled(
                    format!(" {}", tr(lang, Msg::BrowseNoMatch)),
                    t.dim,
                )));
            }
            for (i, item) in rows.iter().enumerate() {
                lines.push(row_line(t, model, lang, item, i == cursor, width));
            }
            at = cursor;
        }
        Some(item) => {
            let groups = crate::browse::links(model, item);
            if groups.is_empty() {
                lines.push(Line::from(Span::styled(
                    format!(" {}", tr(lang, Msg::BrowseNoLinks)),
                    t.dim,
                )));
            }
            let mut i = 0;
            for g in groups {
                if !lines.is_empty() {
                    lines.push(Line::raw(""));
                }
                lines.push(Line::from(Span::styled(
                    truncate(&format!(" {}", words::relation(lang, g.relation)), width),
                    t.title,
                )));
                for item in &g.items {
                    if i == cursor {
                        at = lines.len();
                    }
                    lines.push(row_line(t, model, lang, item, i == cursor, width));
                    i += 1;
                }
            }
        }
    }
    (lines, at)
}

fn render_list(app: &App, b: &Browsing, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let title = match &b.page().item {
        None => {
            let n = b.rows(&app.model, lang).len();
            format!(" {} ({n}) ", tr(lang, Msg::BrowseAll))
        }
        Some(_) => format!(" {} ", tr(lang, Msg::BrowseLinks)),
    };
    let block = app.theme.titled(title, !b.typing);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let (lines, at) = list_lines(app, b, usize::from(inner.width));
    // The highlighted row stays in view; the list scrolls under it.
    let height = usize::from(inner.height.max(1));
    let offset = at.saturating_sub(height - 1);
    let offset = u16::try_from(offset).unwrap_or(u16::MAX);
    // Rows and headings are cut to the width, so only a message ever wraps.
    let list = Paragraph::new(lines).wrap(Wrap { trim: false });
    frame.render_widget(list.scroll((offset, 0)), inner);
}

/// The item in full: what the guide says of it, or its own fields for kinds the guide does
/// not show.
pub(crate) fn detail_lines(
    t: &Theme,
    model: &Model,
    lang: Lang,
    item: &Item,
) -> Vec<Line<'static>> {
    let pick = |kind| details(t, model, lang, kind, item.id(), "");
    let mut l = match item.kind() {
        Kind::Value => pick(PickKind::Values),
        Kind::Direction => pick(PickKind::Directions),
        Kind::Method => pick(PickKind::Methods),
        Kind::Role => pick(PickKind::Roles),
        Kind::Check => {
            let mut l = Vec::new();
            if let Some((phase, c)) = model.checklist_item(item.id()) {
                heading(t, &mut l, c.text.get(lang));
                l.push(Line::from(Span::styled(
                    format!("{}: {}", tr(lang, Msg::Phase), phase.name.get(lang)),
                    t.dim,
                )));
                l.push(Line::from(Span::styled(
                    super::guide::item_facts_line(lang, c),
                    t.dim,
                )));
                l.push(Line::raw(c.hint.get(lang).to_string()));
                if let Some(basis) = &c.legal_basis {
                    let label = crate::i18n::checklist::word(
                        lang,
                        crate::i18n::checklist::Word::LegalBasis,
                    );
                    heading(t, &mut l, label);
                    l.push(Line::raw(basis.get(lang).to_string()));
                }
            }
            l
        }
        Kind::Scenario => {
            let mut l = Vec::new();
            if let Some(s) = model.scenario(item.id()) {
                let place = match s.setting {
                    crate::model::Setting::Gdynia => Msg::Gdynia,
                    crate::model::Setting::Nicosia => Msg::Nicosia,
                };
                heading(t, &mut l, s.title.get(lang));
                l.push(Line::from(Span::styled(
                    format!("{} · {}", tr(lang, place), s.place.get(lang)),
                    t.dim,
                )));
                l.push(Line::raw(s.summary.get(lang).to_string()));
                l.push(Line::raw(""));
                l.push(Line::raw(s.idea.get(lang).to_string()));
                bullets(t, &mut l, lang, Msg::Aims, &s.goals);
                let deck = crate::present::Deck::Scenario(s.id.clone());
                for slide in crate::present::slides(&deck, model, lang)
                    .into_iter()
                    .skip(1)
                {
                    heading(t, &mut l, &format!("{} · {}", slide.title, slide.lead));
                    l.extend(slide.body.into_iter().map(Line::raw));
                }
                bullets(t, &mut l, lang, Msg::Risks, &s.risks);
                bullets(t, &mut l, lang, Msg::EvaluationHow, &s.evaluation);
                bullets(t, &mut l, lang, Msg::Materials, &s.materials);
                use crate::plan::FieldId;
                for (label, text) in [
                    (crate::i18n::field_label(lang, FieldId::Budget), &s.budget),
                    (crate::i18n::practical::plan_b_heading(lang), &s.plan_b),
                    (
                        crate::i18n::field_label(lang, FieldId::Accessibility),
                        &s.accessibility,
                    ),
                ] {
                    heading(t, &mut l, label);
                    l.push(Line::raw(text.get(lang).to_string()));
                }
            }
            l
        }
        Kind::Advice => {
            let mut l = Vec::new();
            if let Some(a) = model.advice.iter().find(|a| a.id == item.id()) {
                heading(t, &mut l, a.title.get(lang));
                l.push(Line::from(Span::styled(
                    words::audience(lang, a.audience).to_string(),
                    t.dim,
                )));
                l.push(Line::raw(a.text.get(lang).to_string()));
            }
            l
        }
    };
    if l.is_empty() {
        l.push(Line::from(Span::styled(
            format!("{} {}", tr(lang, Msg::UnknownItem), item.id()),
            t.error,
        )));
    } else if let Some(p) = provenance(model, item) {
        l.push(Line::raw(""));
        l.push(Line::from(Span::styled(
            crate::i18n::practical::provenance_line(lang, p),
            t.dim,
        )));
    }
    l
}

/// Where an item comes from, for the kinds whose guide text does not already say it.
fn provenance(model: &Model, item: &Item) -> Option<crate::model::Provenance> {
    match item {
        Item::Value(id) => model.value(id).map(|v| v.provenance),
        Item::Direction(id) => model.direction(id).map(|d| d.provenance),
        Item::Scenario(id) => model.scenario(id).map(|s| s.provenance),
        Item::Advice(id) => model
            .advice
            .iter()
            .find(|a| a.id == *id)
            .map(|a| a.provenance),
        Item::Check(_) | Item::Method(_) | Item::Role(_) => None,
    }
}

fn detail_paragraph(app: &App, b: &Browsing, width: u16) -> Option<Paragraph<'static>> {
    let item = b.shown(&app.model, app.lang)?;
    let lines = detail_lines(&app.theme, &app.model, app.lang, &item);
    let lines = crate::ui::widgets::wrap::hang(lines, width);
    Some(Paragraph::new(lines).wrap(Wrap { trim: false }))
}

fn render_detail(app: &App, b: &Browsing, frame: &mut Frame, area: Rect) {
    let block = app.theme.block(false);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(text) = detail_paragraph(app, b, inner.width) else {
        return;
    };
    let total = u16::try_from(text.line_count(inner.width)).unwrap_or(u16::MAX);
    let max = total.saturating_sub(inner.height);
    frame.render_widget(text.scroll((b.scroll.min(max), 0)), inner);
}

/// How far the detail pane in a body of `area` can scroll.
pub(crate) fn max_scroll(app: &App, b: &Browsing, area: Rect) -> u16 {
    let (_, _, detail) = panes(area);
    let inner = app.theme.block(false).inner(detail);
    detail_paragraph(app, b, inner.width).map_or(0, |text| {
        let total = u16::try_from(text.line_count(inner.width)).unwrap_or(u16::MAX);
        total.saturating_sub(inner.height)
    })
}
