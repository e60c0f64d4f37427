//! A slide, centred on the whole body: what it is and where in the deck, the title, a lead
//! line, the text, and the questions revealed so far.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use tui_big_text::{BigText, PixelSize};

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
    // On a large screen the title is drawn in big letters above the rest.
    let big = big_title(&slide.title, area, column.width);
    let mut lines = vec![Line::from(Span::styled(counter, t.dim)), Line::raw("")];
    if big.is_none() {
        lines.push(Line::from(Span::styled(
            slide.title.clone(),
            t.title.add_modifier(Modifier::BOLD),
        )));
    }
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
    let big_rows = big.as_ref().map_or(0, |b| b.len() as u16 * BIG_ROWS + 1);
    let height = Paragraph::new(lines.clone())
        .wrap(Wrap { trim: false })
        .line_count(column.width);
    let height = u16::try_from(height).unwrap_or(u16::MAX) + big_rows;
    let top = column.height.saturating_sub(height) / 2;
    let mut slot = Rect {
        y: column.y + top,
        height: column.height - top,
        ..column
    };
    if let Some(title_lines) = big {
        // The counter first, then the big title, then the rest.
        let [counter_row, title_area, rest] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Length(big_rows),
            Constraint::Min(0),
        ])
        .areas(slot);
        frame.render_widget(Paragraph::new(lines.remove(0)), counter_row);
        lines.remove(0);
        let text = BigText::builder()
            .pixel_size(PixelSize::Quadrant)
            .style(t.title.add_modifier(Modifier::BOLD))
            .lines(title_lines.into_iter().map(Line::from).collect::<Vec<_>>())
            .build();
        frame.render_widget(text, title_area);
        slot = rest;
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), slot);
}

/// Terminal rows one line of big letters takes (quadrant pixels: 8 font rows in 4).
const BIG_ROWS: u16 = 4;
/// Terminal columns one big letter takes.
const BIG_COLUMNS: u16 = 4;

/// The title split into at most two lines of big letters, when the screen is at least 100×30,
/// the lines fit, and the font has every letter (it has no Polish letters: then plain bold).
fn big_title(title: &str, screen: Rect, width: u16) -> Option<Vec<String>> {
    use font8x8::UnicodeFonts;
    if screen.width < 100 || screen.height < 30 {
        return None;
    }
    let drawable = |c: char| {
        c == ' ' || font8x8::BASIC_FONTS.get(c).is_some() || font8x8::LATIN_FONTS.get(c).is_some()
    };
    if !title.chars().all(drawable) {
        return None;
    }
    let room = usize::from(width / BIG_COLUMNS);
    let mut lines: Vec<String> = vec![String::new()];
    for word in title.split_whitespace() {
        let last = lines.last_mut()?;
        if last.is_empty() {
            last.push_str(word);
        } else if last.chars().count() + 1 + word.chars().count() <= room {
            last.push(' ');
            last.push_str(word);
        } else {
            lines.push(word.to_string());
        }
    }
    let fits = lines.len() <= 2 && lines.iter().all(|l| l.chars().count() <= room);
    fits.then_some(lines)
}
