//! A slide, centred on the whole body: what it is and where in the deck, the title, a lead
//! line, the text, and the questions revealed so far.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::i18n::{Msg, tr};
use crate::state::{App, Presenting};

/// Widest a slide's text runs, so lines stay readable across a projector.
const MAX_WIDTH: u16 = 96;

pub(crate) fn render(app: &App, p: &Presenting, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let t = &app.theme;
    let slides = crate::present::slides(&p.deck, &app.model, lang);
    let Some(slide) = slides.get(p.index) else {
        return;
    };
    let width = area.width.saturating_sub(4).min(MAX_WIDTH);
    let [_, column, _] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(width),
        Constraint::Fill(1),
    ])
    .areas(area);
    let mut counter = format!("{} · {}/{}", slide.kind, p.index + 1, slides.len());
    if !p.jump.is_empty() {
        counter = format!("{counter} · {} {}▏", tr(lang, Msg::PresentJump), p.jump);
    }
    let mut lines = vec![
        Line::from(Span::styled(counter, t.dim)),
        Line::raw(""),
        Line::from(Span::styled(
            slide.title.clone(),
            t.title.add_modifier(Modifier::BOLD),
        )),
    ];
    if !slide.lead.is_empty() {
        lines.push(Line::from(Span::styled(slide.lead.clone(), t.label)));
    }
    for paragraph in &slide.body {
        lines.push(Line::raw(""));
        lines.push(Line::raw(paragraph.clone()));
    }
    let total = slide.questions.len();
    for (i, q) in slide.questions.iter().take(p.revealed).enumerate() {
        lines.push(Line::raw(""));
        lines.push(Line::from(vec![
            Span::styled(
                format!("{} {}/{total}: ", tr(lang, Msg::PresentQuestion), i + 1),
                t.label,
            ),
            Span::styled(q.clone(), t.title),
        ]));
    }
    if p.revealed < total {
        lines.push(Line::raw(""));
        lines.push(Line::from(Span::styled(
            tr(lang, Msg::PresentMoreQuestions),
            t.dim,
        )));
    }
    // Centred vertically when it fits; from the top (and cut) when it does not.
    let height = Paragraph::new(lines.clone())
        .wrap(Wrap { trim: false })
        .line_count(column.width);
    let height = u16::try_from(height).unwrap_or(u16::MAX);
    let top = column.height.saturating_sub(height) / 2;
    let slot = Rect {
        y: column.y + top,
        height: column.height - top,
        ..column
    };
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), slot);
}
