//! The accessible mode (`--accessible`): one column of plain, labelled text in reading order,
//! no boxes, no big letters, and the terminal cursor on the focused line, so a screen reader
//! or a braille display follows the focus. Screens without a labelled form of their own (the
//! facilitation view, version comparison, help) are drawn as usual with every box-drawing
//! character blanked.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::i18n::accessible::{self as a, Label};
use crate::i18n::{Msg, browse as bwords, field_label, step_name, tr};
use crate::plan::{PickKind, STEPS};
use crate::state::{App, Browsing, Dialog, Presenting, Slot, Workbook};
use crate::text::visible_line;
use crate::ui::widgets::wrap::wrap;

/// What a line says, plain.
pub(crate) fn line_text(line: &Line<'_>) -> String {
    line.spans.iter().map(|s| s.content.as_ref()).collect()
}

/// The screen as lines, and which one has the focus.
#[derive(Default)]
struct Page {
    lines: Vec<String>,
    focus: usize,
    /// Where an editor goes: its first line and how many lines it takes.
    editor: Option<(usize, u16)>,
}

impl Page {
    fn push(&mut self, text: impl Into<String>) {
        self.lines.push(text.into());
    }

    fn focused(&mut self, text: impl Into<String>) {
        self.focus = self.lines.len();
        self.lines.push(text.into());
    }

    fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| !l.is_empty()) {
            self.lines.push(String::new());
        }
    }
}

/// Draws the screen in the accessible form; false when this screen has none (the caller
/// draws it as usual and then calls [`strip_boxes`]).
pub(crate) fn render(app: &App, frame: &mut Frame) -> bool {
    if app.help.is_some() || app.compare.is_some() {
        return false;
    }
    let width = frame.area().width;
    let page = if let Some(p) = &app.present {
        present(app, p)
    } else if let Some(b) = &app.browse {
        browse(app, b)
    } else if let Some(wb) = &app.workbook {
        if wb.run.is_some() || wb.method_chooser.is_some() {
            return false;
        }
        workbook(app, wb, width)
    } else {
        home(app)
    };
    draw(app, page, frame);
    true
}

/// Blanks every box-drawing character, for screens drawn the usual way in accessible mode.
pub(crate) fn strip_boxes(buf: &mut Buffer) {
    for cell in buf.content.iter_mut() {
        if cell.symbol().chars().any(is_box_drawing) {
            cell.set_symbol(" ");
        }
    }
}

/// Box-drawing and block characters: what a screen reader would read out as noise.
pub fn is_box_drawing(c: char) -> bool {
    matches!(c, '\u{2500}'..='\u{259F}')
}

fn draw(app: &App, page: Page, frame: &mut Frame) {
    let area = frame.area();
    let width = usize::from(area.width.max(1));
    let mut status = Vec::new();
    if let Some(n) = &app.notice {
        status.push(format!(
            "{}: {}",
            a::label(app.lang, Label::Message),
            crate::state::notice(app.lang, n)
        ));
    }
    status.push(keys_line(app));
    // The message and the keys stay on the last lines, whatever the page scrolls to.
    let status: Vec<String> = status.iter().flat_map(|s| wrap(s, width)).collect();
    let rows = u16::try_from(status.len())
        .unwrap_or(u16::MAX)
        .min(area.height.saturating_sub(1));
    let status_area = Rect {
        y: area.bottom() - rows,
        height: rows,
        ..area
    };
    frame.render_widget(
        Paragraph::new(status.into_iter().map(Line::raw).collect::<Vec<_>>()),
        status_area,
    );
    let area = Rect {
        height: area.height - rows,
        ..area
    };
    // Wrapped here, so a line of the page is a line of the screen and the focus stays put.
    let mut lines: Vec<Line<'static>> = Vec::new();
    let (mut focus_row, mut editor_row) = (0, None);
    for (i, text) in page.lines.iter().enumerate() {
        if i == page.focus {
            focus_row = lines.len();
        }
        if page.editor.is_some_and(|(at, _)| at == i) {
            editor_row = Some(lines.len());
        }
        let style = if i == page.focus {
            app.theme.selected
        } else {
            ratatui::style::Style::default()
        };
        for piece in wrap(text, width) {
            lines.push(Line::from(Span::styled(piece, style)));
        }
        if text.is_empty() {
            lines.push(Line::raw(""));
        }
    }
    let height = usize::from(area.height.max(1));
    let focus_end = editor_row
        .zip(page.editor)
        .map_or(focus_row, |(row, (_, h))| row + usize::from(h));
    let top = if focus_end < height {
        0
    } else {
        (focus_end + 1 - height).min(focus_row)
    };
    let top_u16 = u16::try_from(top).unwrap_or(u16::MAX);
    frame.render_widget(Paragraph::new(lines).scroll((top_u16, 0)), area);
    let cursor_row = u16::try_from(focus_row.saturating_sub(top)).unwrap_or(0);
    if let (Some(row), Some((_, h)), Some(ed)) = (
        editor_row,
        page.editor,
        app.workbook.as_ref().and_then(|wb| wb.editor.as_ref()),
    ) {
        let y = area.y + u16::try_from(row.saturating_sub(top)).unwrap_or(0);
        if y < area.bottom() {
            let rect = Rect {
                x: area.x,
                y,
                width: area.width,
                height: h.min(area.bottom() - y),
            };
            frame.render_widget(&ed.area, rect);
            // Where the textarea drew its cursor, after wrapping and its own scrolling.
            let at = ed.area.screen_cursor();
            let (top_row, left_col) = ed.area.scroll_offset();
            let r = u16::try_from(at.row).unwrap_or(0).saturating_sub(top_row);
            let c = u16::try_from(at.col).unwrap_or(0).saturating_sub(left_col);
            let cy = (y + r).min(rect.bottom().saturating_sub(1));
            let cx = (area.x + c).min(area.right().saturating_sub(1));
            frame.set_cursor_position(Position::new(cx, cy));
            return;
        }
    }
    frame.set_cursor_position(Position::new(area.x, area.y + cursor_row));
}

/// The keys that work here, in one sentence.
fn keys_line(app: &App) -> String {
    let ctx = app.ctx();
    let keys: Vec<String> = crate::keymap::bindings(ctx)
        .filter(|b| b.hint && super::relevant(app, b.action))
        .map(|b| {
            format!(
                "{} {}",
                crate::keymap::key_name(b.keys[0], app.lang),
                tr(app.lang, super::label(app, b))
            )
        })
        .collect();
    format!("{}: {}.", a::label(app.lang, Label::Keys), keys.join(", "))
}

fn home(app: &App) -> Page {
    let lang = app.lang;
    let mut page = Page::default();
    page.push(format!(
        "{}. {}.",
        tr(lang, Msg::AppName),
        tr(lang, Msg::Plans)
    ));
    let rows = app.visible_rows();
    if app.home.rows.is_empty() {
        page.focused(tr(lang, Msg::NoPlansTitle));
        page.push(crate::i18n::trk(lang, Msg::NoPlansHint));
    } else if rows.is_empty() {
        page.focused(tr(lang, Msg::NoMatch));
    }
    let total = rows.len();
    for (i, row) in rows.iter().enumerate() {
        let text = match &row.damaged {
            Some(err) => format!(
                "{}, {}: {}",
                visible_line(&row.id),
                a::label(lang, Label::Damaged),
                visible_line(&err.one_line(lang))
            ),
            None => format!(
                "{}, {} {}%, {} {}",
                visible_line(&crate::i18n::untitled_or(lang, &row.title)),
                a::label(lang, Label::Progress),
                row.percent,
                a::label(lang, Label::Changed),
                crate::clock::short_in(&row.updated, app.utc_offset)
            ),
        };
        let text = format!(
            "{} {}",
            a::label(lang, Label::Plan),
            a::item(lang, i + 1, total, &text)
        );
        if i == app.home.selected && app.home.dialog.is_none() {
            page.focused(text);
        } else {
            page.push(text);
        }
    }
    if let Some(d) = &app.home.dialog {
        page.blank();
        dialog(app, d, &mut page);
    }
    page
}

fn dialog(app: &App, d: &Dialog, page: &mut Page) {
    let lang = app.lang;
    let choices = |page: &mut Page, title: Msg, names: Vec<String>, selected: usize| {
        page.push(format!("{}:", tr(lang, title)));
        let total = names.len();
        for (i, name) in names.into_iter().enumerate() {
            let text = a::item(lang, i + 1, total, &name);
            if i == selected {
                page.focused(text);
            } else {
                page.push(text);
            }
        }
    };
    match d {
        Dialog::Filter => page.focused(format!(
            "{}: {}",
            tr(lang, Msg::KFilter),
            visible_line(&app.home.filter)
        )),
        Dialog::Rename { text, .. } => page.focused(format!(
            "{}: {}",
            tr(lang, Msg::KRename),
            visible_line(text)
        )),
        Dialog::ConfirmDelete(_) | Dialog::ConfirmEmptyTrash => {
            let question = match d {
                Dialog::ConfirmDelete(_) => Msg::KDelete,
                _ => Msg::KEmptyTrash,
            };
            page.focused(format!(
                "{}? {}",
                tr(lang, question),
                crate::keymap::yes_no(lang)
            ));
        }
        Dialog::Scenario(i) => {
            let names = app
                .model
                .scenarios
                .iter()
                .map(|s| format!("{} — {}", s.title.get(lang), s.summary.get(lang)))
                .collect();
            choices(page, Msg::ScenarioTitle, names, *i);
        }
        Dialog::Present(i) => {
            let names = crate::state::present_choices(app)
                .iter()
                .map(|c| super::screens::home::present_choice_name(app, c))
                .collect();
            choices(page, Msg::KPresent, names, *i);
        }
        Dialog::Export { choice, .. } => {
            let names = crate::state::EXPORT_CHOICES
                .iter()
                .map(|(format, pack)| {
                    tr(
                        lang,
                        super::screens::home::export_choice_name(*format, *pack),
                    )
                    .to_string()
                })
                .collect();
            choices(page, Msg::KExport, names, *choice);
        }
        Dialog::Trash(i) => {
            let names = app
                .home
                .trash
                .iter()
                .map(|t| {
                    format!(
                        "{}, {}",
                        visible_line(&crate::i18n::untitled_or(lang, &t.title)),
                        crate::clock::short_in(&t.when, app.utc_offset)
                    )
                })
                .collect();
            choices(page, Msg::KTrash, names, *i);
        }
    }
}

fn workbook(app: &App, wb: &Workbook, width: u16) -> Page {
    let lang = app.lang;
    let mut page = Page::default();
    let title = crate::i18n::untitled_or(lang, &wb.plan.context.title);
    let pct = crate::plan::progress(&wb.plan, &app.model).percent();
    page.push(format!(
        "{} {}, {} {pct}%.",
        a::label(lang, Label::Plan),
        visible_line(&title),
        a::label(lang, Label::Progress)
    ));
    let step = wb.current_step();
    let heading = a::step(lang, wb.step + 1, STEPS.len(), step_name(lang, step));
    if wb.focus == crate::state::Focus::Steps {
        page.focused(heading);
    } else {
        page.push(heading);
    }
    let on_content = wb.focus == crate::state::Focus::Content;
    let slots = crate::state::slots(step);
    if slots.iter().any(|s| matches!(s, Slot::Agenda | Slot::Gaps)) {
        let (lines, focus) = super::screens::workbook::plain_content(app, wb, usize::from(width));
        let start = page.lines.len();
        page.lines.extend(lines);
        if on_content {
            page.focus = start + focus;
        }
    } else {
        for (si, slot) in slots.into_iter().enumerate() {
            let here = on_content && si == wb.slot;
            match slot {
                Slot::Field(f) => field(app, wb, f, here, &mut page),
                Slot::Picks(kind) => picks(app, wb, kind, here, &mut page),
                Slot::Facts => facts(app, wb, here, &mut page),
                Slot::Checklist => checklist(app, wb, here, &mut page),
                Slot::Agenda | Slot::Gaps => {}
            }
        }
    }
    page.blank();
    page.push(format!("{}:", a::label(lang, Label::Guide)));
    let (guide, editor) = super::screens::guide::plain_lines(app, wb, width);
    let start = page.lines.len();
    page.lines.extend(guide);
    if let Some((at, h)) = editor {
        // The note being typed has the focus: its question, then the box.
        page.focus = (start + at).saturating_sub(1);
        page.editor = Some((start + at, h));
    }
    page
}

fn field(app: &App, wb: &Workbook, f: crate::plan::FieldId, here: bool, page: &mut Page) {
    let lang = app.lang;
    let value = f.get(&wb.plan);
    let editing = matches!(
        wb.editor.as_ref().map(|e| &e.target),
        Some(crate::state::EditTarget::Field(g)) if *g == f
    );
    if editing {
        page.focused(format!(
            "{}: {}",
            a::label(lang, Label::Editing),
            field_label(lang, f)
        ));
        let lines = value.lines().count().clamp(1, 8);
        let h = u16::try_from(lines + 1).unwrap_or(2);
        page.editor = Some((page.lines.len(), h));
        for _ in 0..h {
            page.push("");
        }
        return;
    }
    let shown = if value.trim().is_empty() {
        a::label(lang, Label::Empty).to_string()
    } else {
        visible_line(value.trim()).into_owned()
    };
    let text = format!("{}: {shown}", field_label(lang, f));
    if here {
        page.focused(text);
    } else {
        page.push(text);
    }
}

fn picks(app: &App, wb: &Workbook, kind: PickKind, here: bool, page: &mut Page) {
    let lang = app.lang;
    if kind == PickKind::Methods {
        let scope = if wb.only_directions {
            Msg::OnlyDirections
        } else {
            Msg::AllMethods
        };
        page.push(format!("{}.", tr(lang, scope)));
        let typing = matches!(
            wb.editor.as_ref().map(|e| &e.target),
            Some(crate::state::EditTarget::MethodFilter)
        );
        if typing || !wb.method_filter.is_empty() {
            let text = format!(
                "{}: {}",
                tr(lang, Msg::FilterMethods),
                visible_line(&wb.method_filter)
            );
            if typing {
                page.focused(text);
            } else {
                page.push(text);
            }
        }
    }
    let rows = crate::state::pick_rows(&app.model, wb, kind);
    let total = rows.len();
    if rows.is_empty() && here {
        page.focused(tr(lang, Msg::NoMatch));
    }
    for (i, row) in rows.iter().enumerate() {
        let name = crate::describe::item_name(&app.model, kind, &row.id, lang).map_or_else(
            || format!("{} {}", tr(lang, Msg::UnknownItem), row.id),
            |(n, _)| n,
        );
        let mut text = format!("{name}, {}", a::chosen(lang, row.picked));
        if row.note_missing(wb, kind) {
            text = format!("{text}, {}", a::label(lang, Label::NoteMissing));
        }
        let text = a::item(lang, i + 1, total, &text);
        if here && i == wb.cursor && wb.editor.is_none() {
            page.focused(text);
        } else {
            page.push(text);
        }
    }
}

/// The facts that switch checklist items, each with its answer and where the answer came from.
fn facts(app: &App, wb: &Workbook, here: bool, page: &mut Page) {
    use crate::i18n::checklist::{self as cw, Word};
    let lang = app.lang;
    page.push(format!("{}:", cw::word(lang, Word::FactsTitle)));
    let said = crate::plan::derived(&wb.plan, &app.model);
    let total = crate::plan::FACTS.len();
    for (i, fact) in crate::plan::FACTS.iter().enumerate() {
        let value = if fact.answered(&wb.plan.facts) {
            cw::answer(lang, *fact, &wb.plan.facts)
        } else if fact.answered(&said) {
            format!(
                "{} ({})",
                cw::answer(lang, *fact, &said),
                cw::word(lang, Word::FromPlan)
            )
        } else {
            cw::answer(lang, *fact, &said)
        };
        let text = a::item(
            lang,
            i + 1,
            total,
            &format!("{}: {value}", cw::fact_name(lang, *fact)),
        );
        let typing = matches!(
            wb.editor.as_ref().map(|e| &e.target),
            Some(crate::state::EditTarget::Youngest)
        );
        if here && i == wb.cursor {
            page.focused(text);
            if typing {
                page.editor = Some((page.lines.len(), 2));
                page.push("");
                page.push("");
            }
        } else {
            page.push(text);
        }
    }
    page.push(cw::word(lang, Word::FactsRule));
}

fn checklist(app: &App, wb: &Workbook, here: bool, page: &mut Page) {
    use crate::i18n::checklist as cw;
    let lang = app.lang;
    let hidden = crate::plan::hidden_count(&wb.plan, &app.model);
    if hidden > 0 {
        page.push(cw::hidden_line(lang, hidden, wb.show_hidden));
    }
    let facts = crate::plan::effective(&wb.plan, &app.model);
    let rows = crate::state::checklist_rows(&app.model, wb);
    let total = rows.len();
    let mut last_phase = usize::MAX;
    for (i, (phase, id)) in rows.iter().enumerate() {
        if *phase != last_phase {
            last_phase = *phase;
            let prog = crate::plan::phase_progress(&wb.plan, &app.model, *phase);
            page.push(format!(
                "{}: {} {} {} {}.",
                app.model.phases[*phase].name.get(lang),
                a::label(lang, Label::DoneSoFar),
                prog.done,
                a::of(lang),
                prog.total
            ));
        }
        let Some((_, item)) = app.model.checklist_item(id) else {
            continue;
        };
        let state = crate::state::check_state(wb, id);
        let mut text = format!("{}, {}", item.text.get(lang), a::check(lang, state));
        if !crate::plan::applies(item, &facts) {
            text = format!("{text}, {}", cw::word(lang, cw::Word::HiddenTag));
        }
        let reason_missing = state == crate::plan::CheckState::NotApplicable
            && wb
                .plan
                .checklist
                .get(*id)
                .is_none_or(|c| c.note.trim().is_empty());
        if reason_missing {
            text = format!("{text}, {}", a::label(lang, Label::ReasonMissing));
        }
        let text = a::item(lang, i + 1, total, &text);
        if here && i == wb.cursor {
            page.focused(text);
        } else {
            page.push(text);
        }
    }
}

fn present(app: &App, p: &Presenting) -> Page {
    let lang = app.lang;
    let mut page = Page::default();
    let slides = crate::present::slides(&p.deck, &app.model, lang);
    let Some(slide) = slides.get(p.index) else {
        return page;
    };
    page.focused(format!(
        "{} {} {} {}. {}: {}",
        a::label(lang, Label::Slide),
        p.index + 1,
        a::of(lang),
        slides.len(),
        slide.kind,
        visible_line(&slide.title)
    ));
    if !slide.lead.is_empty() {
        page.push(visible_line(&slide.lead).into_owned());
    }
    for paragraph in &slide.body {
        page.push(visible_line(paragraph).into_owned());
    }
    let total = slide.questions.len();
    for (i, q) in slide.questions.iter().take(p.revealed).enumerate() {
        page.focused(format!(
            "{} {}",
            a::label(lang, Label::Question),
            a::item(lang, i + 1, total, q)
        ));
    }
    if !p.jump.is_empty() {
        page.focused(format!("{} {}", tr(lang, Msg::PresentJump), p.jump));
    }
    page
}

fn browse(app: &App, b: &Browsing) -> Page {
    let (lang, model) = (app.lang, &app.model);
    let mut page = Page::default();
    let name = |item: &crate::browse::Item| {
        format!(
            "{}, {}",
            bwords::kind(lang, item.kind()),
            crate::browse::name(model, item, lang).unwrap_or(item.id())
        )
    };
    let search = format!(
        "{}: {}",
        tr(lang, Msg::BrowseSearchPrompt),
        visible_line(&b.query)
    );
    if b.typing {
        page.focused(search);
    } else {
        let path: Vec<String> = b
            .path
            .iter()
            .filter_map(|p| p.item.as_ref())
            .map(name)
            .collect();
        let mut head = tr(lang, Msg::BrowseTitle).to_string();
        if !path.is_empty() {
            head = format!("{head} › {}", path.join(" › "));
        }
        page.push(head);
        if !b.query.is_empty() && b.path.len() == 1 {
            page.push(search);
        }
    }
    let cursor = b.page().cursor;
    match &b.page().item {
        None => {
            let rows = b.rows(model, lang);
            page.push(format!("{} ({}):", tr(lang, Msg::BrowseAll), rows.len()));
            if rows.is_empty() {
                page.push(tr(lang, Msg::BrowseNoMatch));
            }
            for (i, item) in rows.iter().enumerate() {
                let text = a::item(lang, i + 1, rows.len(), &name(item));
                if i == cursor && !b.typing {
                    page.focused(text);
                } else {
                    page.push(text);
                }
            }
        }
        Some(item) => {
            detail(app, item, &mut page);
            page.blank();
            page.push(format!("{}:", tr(lang, Msg::BrowseLinks)));
            let total = crate::browse::flat_links(model, item).len();
            let mut i = 0;
            for g in crate::browse::links(model, item) {
                page.push(format!("{}:", bwords::relation(lang, g.relation)));
                for link in &g.items {
                    let text = a::item(lang, i + 1, total, &name(link));
                    if i == cursor {
                        page.focused(text);
                    } else {
                        page.push(text);
                    }
                    i += 1;
                }
            }
            return page;
        }
    }
    // On the list, the highlighted item's text follows the list.
    if let Some(item) = b.shown(model, lang) {
        page.blank();
        detail(app, &item, &mut page);
    }
    page
}

fn detail(app: &App, item: &crate::browse::Item, page: &mut Page) {
    let lines = super::screens::browse::detail_lines(&app.theme, &app.model, app.lang, item);
    page.lines.extend(lines.iter().map(line_text));
}
