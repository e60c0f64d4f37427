//! The guide pane: the model's prompts, questions and details for whatever has the focus,
//! and the note editor for picks and checklist items.

use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use crate::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::describe::method_facts;
use crate::i18n::{Msg, field_prompt, practical, step_intro, tr};
use crate::lang::Lang;
use crate::model::{Method, Model, Provenance, Text, Vetting};
use crate::plan::{CheckState, FieldId, PickKind};
use crate::state::{App, Slot, Workbook, check_state, checklist_rows, pick_rows};

pub(crate) fn heading(t: &Theme, lines: &mut Vec<Line<'static>>, text: &str) {
    if !lines.is_empty() {
        lines.push(Line::raw(""));
    }
    lines.push(Line::from(Span::styled(text.to_string(), t.title)));
}

pub(crate) fn bullets(
    t: &Theme,
    lines: &mut Vec<Line<'static>>,
    lang: Lang,
    title: Msg,
    items: &[Text],
) {
    if items.is_empty() {
        return;
    }
    heading(t, lines, tr(lang, title));
    for t in items {
        lines.push(Line::raw(format!("• {}", t.get(lang))));
    }
}

/// A method's steps, each with its minutes ("min" is the same in both languages).
fn timed_steps(lines: &mut Vec<Line<'static>>, lang: Lang, m: &Method) {
    for st in &m.steps {
        lines.push(Line::raw(format!(
            "• {} min · {}",
            st.minutes,
            st.get(lang)
        )));
    }
}

/// The model's description of a pickable item.
pub(crate) fn details(
    t: &Theme,
    model: &Model,
    lang: Lang,
    kind: PickKind,
    id: &str,
    group_needs: &str,
) -> Vec<Line<'static>> {
    let mut l = Vec::new();
    match kind {
        PickKind::Values | PickKind::Directions => {
            let found = match kind {
                PickKind::Values => model
                    .value(id)
                    .map(|v| (&v.name, &v.description, &v.questions)),
                _ => model
                    .direction(id)
                    .map(|v| (&v.name, &v.description, &v.questions)),
            };
            if let Some((name, description, questions)) = found {
                heading(t, &mut l, name.get(lang));
                l.push(Line::raw(description.get(lang).to_string()));
                bullets(t, &mut l, lang, Msg::Questions, questions);
            }
            if kind == PickKind::Values {
                advice(t, &mut l, lang, model, |a| a.values.iter().any(|v| v == id));
            }
            if let Some(d) = model.direction(id).filter(|_| kind == PickKind::Directions) {
                let values = names(
                    d.values
                        .iter()
                        .filter_map(|v| model.value(v))
                        .map(|v| &v.name),
                    lang,
                );
                served(t, &mut l, lang, Msg::ServesValues, values);
                advice(t, &mut l, lang, model, |a| a.directions.contains(&d.id));
                let methods = model
                    .methods
                    .iter()
                    .filter(|m| m.directions.contains(&d.id));
                served(
                    t,
                    &mut l,
                    lang,
                    Msg::FittingMethods,
                    names(methods.map(|m| &m.name), lang),
                );
            }
        }
        PickKind::Methods => {
            if let Some(m) = model.method(id) {
                heading(t, &mut l, m.name.get(lang));
                l.push(Line::raw(m.summary.get(lang).to_string()));
                l.push(Line::from(Span::styled(method_facts(m, lang), t.dim)));
                l.push(Line::from(Span::styled(
                    practical::staffing_and_space(lang, m.min_adults, m.space),
                    t.dim,
                )));
                l.push(Line::raw(m.space_note.get(lang).to_string()));
                bullets(t, &mut l, lang, Msg::Aims, &m.aims);
                if !m.steps.is_empty() {
                    heading(t, &mut l, tr(lang, Msg::Steps2));
                    timed_steps(&mut l, lang, m);
                }
                bullets(t, &mut l, lang, Msg::Materials, &m.materials);
                bullets(t, &mut l, lang, Msg::Risks, &m.risks);
                group_needs_lines(t, &mut l, lang, group_needs);
                adaptations(t, &mut l, lang, m);
                heading(t, &mut l, practical::plan_b_heading(lang));
                l.push(Line::raw(m.plan_b.get(lang).to_string()));
                bullets(t, &mut l, lang, Msg::Preparation, &m.preparation);
                bullets(t, &mut l, lang, Msg::Debriefing, &m.debriefing);
                bullets(t, &mut l, lang, Msg::Variations, &m.variations);
                let dirs = m
                    .directions
                    .iter()
                    .filter_map(|d| model.direction(d))
                    .map(|d| &d.name);
                served(t, &mut l, lang, Msg::FitsDirections, names(dirs, lang));
                provenance(t, &mut l, lang, m.provenance);
            }
        }
        PickKind::Roles => {
            if let Some(r) = model.role(id) {
                heading(t, &mut l, r.name.get(lang));
                l.push(Line::raw(r.who.get(lang).to_string()));
                bullets(t, &mut l, lang, Msg::Tasks, &r.tasks);
                l.push(Line::raw(""));
                l.push(Line::from(Span::styled(
                    practical::vetting_label(lang, r.vetting).to_string(),
                    t.label,
                )));
                l.push(Line::raw(r.vetting_note.get(lang).to_string()));
                if r.vetting != Vetting::NotRequired {
                    l.push(Line::from(Span::styled(
                        practical::vetting_law(lang).to_string(),
                        t.dim,
                    )));
                }
                l.push(Line::raw(""));
                l.push(Line::from(Span::styled(
                    practical::support_team_label(lang, r.support_team).to_string(),
                    t.label,
                )));
                provenance(t, &mut l, lang, r.provenance);
            }
        }
    }
    if l.is_empty() {
        l.push(Line::from(Span::styled(
            format!("{} {id}", tr(lang, Msg::UnknownItem)),
            t.error,
        )));
    }
    l
}

/// A method's adaptations, each after the label of the need it answers.
fn adaptations(t: &Theme, lines: &mut Vec<Line<'static>>, lang: Lang, m: &Method) {
    if m.adaptations.is_empty() {
        return;
    }
    heading(t, lines, practical::adaptations_heading(lang));
    for a in &m.adaptations {
        let text = match lang {
            Lang::Pl => &a.pl,
            Lang::En => &a.en,
        };
        lines.push(Line::from(Span::styled(
            format!("• {}", practical::adaptation_label(lang, a.kind)),
            t.label,
        )));
        lines.push(Line::raw(format!("  {text}")));
    }
}

/// Where an item comes from, dim, after an empty line.
fn provenance(t: &Theme, lines: &mut Vec<Line<'static>>, lang: Lang, p: Provenance) {
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        practical::provenance_line(lang, p),
        t.dim,
    )));
}

/// The participants' needs from the Group step, when it says any.
fn group_needs_lines(t: &Theme, lines: &mut Vec<Line<'static>>, lang: Lang, needs: &str) {
    if needs.trim().is_empty() {
        return;
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        tr(lang, Msg::GroupNeedsHere).to_string(),
        t.warn,
    )));
    for l in needs.trim().lines() {
        lines.push(Line::raw(format!("  {}", l.trim_end())));
    }
}

/// The model's advice that `fits`, each as its title and text, under one heading.
fn advice(
    t: &Theme,
    lines: &mut Vec<Line<'static>>,
    lang: Lang,
    model: &Model,
    fits: impl Fn(&crate::model::Advice) -> bool,
) {
    let found: Vec<_> = model.advice.iter().filter(|a| fits(a)).collect();
    if found.is_empty() {
        return;
    }
    heading(t, lines, tr(lang, Msg::AdviceTitle));
    for a in found {
        lines.push(Line::from(Span::styled(
            format!("• {}", a.title.get(lang)),
            t.label,
        )));
        lines.push(Line::raw(format!("  {}", a.text.get(lang))));
    }
}

/// Model item names joined for one line.
fn names<'a>(items: impl Iterator<Item = &'a Text>, lang: Lang) -> String {
    items.map(|t| t.get(lang)).collect::<Vec<_>>().join(", ")
}

/// A dim "Serves: a, b" line, when there is anything to list.
fn served(t: &Theme, lines: &mut Vec<Line<'static>>, lang: Lang, label: Msg, list: String) {
    if !list.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", tr(lang, label)), t.label),
            Span::styled(list, t.dim),
        ]));
    }
}

fn note_question(kind: PickKind) -> Msg {
    match kind {
        PickKind::Values => Msg::NoteValue,
        PickKind::Directions => Msg::NoteDirection,
        PickKind::Methods => Msg::NoteMethod,
        PickKind::Roles => Msg::NoteRole,
    }
}

/// A note section: its question, then either the editor (a gap of `EDITOR_H` lines) or the text.
struct NoteSection {
    lines: Vec<Line<'static>>,
    editor_line: Option<usize>,
}

const EDITOR_H: u16 = 6;

fn note_section(
    t: &Theme,
    question: &str,
    note: Option<&str>,
    editing: bool,
    lang: Lang,
    width: u16,
) -> NoteSection {
    let mut lines = vec![Line::from(Span::styled(question.to_string(), t.label))];
    let mut editor_line = None;
    if editing {
        editor_line = Some(lines.len());
        lines.extend((0..EDITOR_H).map(|_| Line::raw("")));
    } else {
        match note.filter(|n| !n.trim().is_empty()) {
            // Wrapped, never cut at the border: the note is the user's own words.
            Some(n) => lines.extend(
                n.split('\n')
                    .flat_map(|l| {
                        crate::ui::widgets::wrap::wrap(l, usize::from(width).saturating_sub(2))
                    })
                    .map(|l| Line::raw(format!("  {l}"))),
            ),
            None => lines.push(Line::from(Span::styled(
                format!("  {}", tr(lang, Msg::Empty)),
                t.dim,
            ))),
        }
    }
    NoteSection { lines, editor_line }
}

/// What the guide shows: the note section (with room for its editor) and the scrolling body.
fn contents(app: &App, wb: &Workbook, width: u16) -> (Option<NoteSection>, Vec<Line<'static>>) {
    let lang = app.lang;
    let mut note: Option<NoteSection> = None;
    let mut body: Vec<Line<'static>> = Vec::new();
    let editing = wb.editor.as_ref().map(|e| &e.target);
    match wb.current_slot() {
        Some(Slot::Field(f)) => {
            body.push(Line::from(Span::styled(
                field_prompt(lang, f).to_string(),
                app.theme.label,
            )));
            // What the Group step says about needs is where it has to be acted on.
            if matches!(f, FieldId::Accessibility | FieldId::Risks) {
                group_needs_lines(&app.theme, &mut body, lang, &wb.plan.group.needs);
            }
            body.push(Line::raw(""));
            body.push(Line::from(Span::styled(
                step_intro(lang, wb.current_step()).to_string(),
                app.theme.dim,
            )));
        }
        Some(Slot::Picks(kind)) => {
            if let Some(row) = pick_rows(&app.model, wb, kind).into_iter().nth(wb.cursor) {
                if row.picked {
                    let text = kind
                        .picks(&wb.plan)
                        .iter()
                        .find(|p| p.id == row.id)
                        .map(|p| p.note.as_str());
                    let is_editing = matches!(editing, Some(crate::state::EditTarget::PickNote(k, id)) if *k == kind && *id == row.id);
                    let contact = (kind == PickKind::Roles).then(|| {
                        wb.plan
                            .roles
                            .iter()
                            .find(|p| p.id == row.id)
                            .map_or("", |p| p.contact.as_str())
                    });
                    let contact_editing = matches!(editing, Some(crate::state::EditTarget::PickContact(id)) if *id == row.id);
                    note = Some(if contact_editing {
                        note_section(
                            &app.theme,
                            tr(lang, Msg::ContactQuestion),
                            contact,
                            true,
                            lang,
                            width,
                        )
                    } else {
                        let mut n = note_section(
                            &app.theme,
                            tr(lang, note_question(kind)),
                            text,
                            is_editing,
                            lang,
                            width,
                        );
                        if let Some(c) = contact.filter(|_| !is_editing) {
                            let shown = if c.trim().is_empty() {
                                tr(lang, Msg::Empty)
                            } else {
                                c.trim()
                            };
                            n.lines.push(Line::from(vec![
                                Span::styled(
                                    format!("{}: ", tr(lang, Msg::Contact)),
                                    app.theme.label,
                                ),
                                Span::raw(shown.to_string()),
                                Span::styled("  · p".to_string(), app.theme.dim),
                            ]));
                        }
                        n
                    });
                }
                body = details(
                    &app.theme,
                    &app.model,
                    lang,
                    kind,
                    &row.id,
                    &wb.plan.group.needs,
                );
            } else {
                body.push(Line::raw(step_intro(lang, wb.current_step())));
            }
        }
        Some(Slot::Facts) => {
            use crate::i18n::checklist as cw;
            if matches!(editing, Some(crate::state::EditTarget::Youngest)) {
                body.push(Line::from(Span::styled(
                    cw::word(lang, cw::Word::PromptAge).to_string(),
                    app.theme.label,
                )));
                body.push(Line::raw(""));
            }
            body.push(Line::raw(cw::word_with_keys(lang, cw::Word::FactsGuide)));
        }
        Some(Slot::Checklist) => {
            let rows = checklist_rows(&app.model, wb);
            if let Some((_, id)) = rows.get(wb.cursor)
                && let Some((phase, item)) = app.model.checklist_item(id)
            {
                let state = check_state(wb, id);
                let state_msg = match state {
                    CheckState::Todo => Msg::StateTodo,
                    CheckState::Done => Msg::StateDone,
                    CheckState::NotApplicable => Msg::StateNa,
                };
                let question = if state == CheckState::NotApplicable {
                    Msg::Reason
                } else {
                    Msg::Note
                };
                let text = wb.plan.checklist.get(*id).map(|c| c.note.as_str());
                let is_editing =
                    matches!(editing, Some(crate::state::EditTarget::CheckNote(i)) if i == id);
                note = Some(note_section(
                    &app.theme,
                    tr(lang, question),
                    text,
                    is_editing,
                    lang,
                    width,
                ));
                heading(&app.theme, &mut body, item.text.get(lang));
                body.push(Line::from(Span::styled(
                    format!("{} · {}", phase.name.get(lang), tr(lang, state_msg)),
                    app.theme.dim,
                )));
                checklist_item_facts(app, wb, item, &mut body);
                heading(&app.theme, &mut body, tr(lang, Msg::Hint));
                body.push(Line::raw(item.hint.get(lang).to_string()));
                if let Some(basis) = &item.legal_basis {
                    heading(
                        &app.theme,
                        &mut body,
                        crate::i18n::checklist::word(
                            lang,
                            crate::i18n::checklist::Word::LegalBasis,
                        ),
                    );
                    body.push(Line::raw(basis.get(lang).to_string()));
                }
                let values = item.values.iter().filter_map(|v| app.model.value(v));
                served(
                    &app.theme,
                    &mut body,
                    lang,
                    Msg::ServesValues,
                    names(values.map(|v| &v.name), lang),
                );
                let dirs = item
                    .directions
                    .iter()
                    .filter_map(|d| app.model.direction(d));
                served(
                    &app.theme,
                    &mut body,
                    lang,
                    Msg::ServesDirections,
                    names(dirs.map(|d| &d.name), lang),
                );
            }
        }
        Some(Slot::Gaps) => {
            body = super::review::summary(app, wb, usize::from(width));
            body.push(Line::raw(""));
            body.push(Line::from(Span::styled(
                step_intro(lang, wb.current_step()).to_string(),
                app.theme.dim,
            )));
        }
        Some(Slot::Agenda) => body = agenda_guide(app, wb),
        None => body.push(Line::raw(step_intro(lang, wb.current_step()))),
    }

    (note, crate::ui::widgets::wrap::hang(body, width))
}

/// Under a checklist item's name: its level, when it applies, and why it is hidden if it is.
fn checklist_item_facts(
    app: &App,
    wb: &Workbook,
    item: &crate::model::ChecklistItem,
    body: &mut Vec<Line<'static>>,
) {
    let line = item_facts_line(app.lang, item);
    body.push(Line::from(Span::styled(line, app.theme.dim)));
    if !crate::plan::applies(item, &crate::plan::effective(&wb.plan, &app.model)) {
        body.push(Line::from(Span::styled(
            crate::i18n::checklist::word(app.lang, crate::i18n::checklist::Word::HiddenWhy)
                .to_string(),
            app.theme.warn,
        )));
    }
}

/// A checklist item's level, source and the facts it applies under, on one line.
pub(crate) fn item_facts_line(lang: Lang, item: &crate::model::ChecklistItem) -> String {
    use crate::i18n::checklist as cw;
    let mut line = format!(
        "{} · {}: {}",
        cw::level_name(lang, item.level),
        cw::word(lang, cw::Word::Source),
        crate::i18n::practical::provenance_name(lang, item.provenance)
    );
    if !item.applies_when.is_empty() {
        let when: Vec<&str> = item
            .applies_when
            .iter()
            .map(|c| cw::condition_name(lang, *c))
            .collect();
        line = format!(
            "{line} · {}: {}",
            cw::word(lang, cw::Word::AppliesWhen),
            when.join(", ")
        );
    }
    line
}

/// The agenda's guide: what the open box asks, the step's advice, and the method of the part
/// under the cursor with its timed steps and debrief questions.
fn agenda_guide(app: &App, wb: &Workbook) -> Vec<Line<'static>> {
    use crate::state::{AgendaRow, EditTarget, agenda_rows};
    let lang = app.lang;
    let t = &app.theme;
    let mut body = Vec::new();
    let prompt = wb.editor.as_ref().and_then(|e| match e.target {
        EditTarget::PartWhat(_) => Some(Msg::PromptWhat),
        EditTarget::PartLead(_) => Some(Msg::PromptLead),
        EditTarget::PartMinutes(_) => Some(Msg::PromptMinutes),
        EditTarget::SessionLabel(_) => Some(Msg::PromptLabel),
        EditTarget::SessionStart(_) => Some(Msg::PromptStart),
        EditTarget::SessionPlanned(_) => Some(Msg::PromptPlanned),
        _ => None,
    });
    if let Some(p) = prompt {
        body.push(Line::from(Span::styled(tr(lang, p).to_string(), t.label)));
        body.push(Line::raw(""));
    }
    body.push(Line::raw(step_intro(lang, wb.current_step()).to_string()));
    body.push(Line::raw(""));
    body.push(Line::from(Span::styled(
        tr(lang, Msg::AgendaGuide).to_string(),
        t.dim,
    )));
    let method = match agenda_rows(&wb.plan).get(wb.cursor) {
        Some(AgendaRow::Part(s, p)) => app.model.method(&wb.plan.sessions[*s].parts[*p].method),
        _ => None,
    };
    if let Some(m) = method {
        heading(t, &mut body, m.name.get(lang));
        timed_steps(&mut body, lang, m);
        bullets(t, &mut body, lang, Msg::Debriefing, &m.debriefing);
    }
    body
}

/// How far the guide body in a pane of `area` can scroll: what J/K may reach.
pub(crate) fn max_scroll(app: &App, wb: &Workbook, area: Rect) -> u16 {
    let inner = app.theme.block(false).inner(area);
    let (note, body) = contents(app, wb, inner.width);
    let top = note.map_or(0, |n| n.lines.len() + 1);
    let top = u16::try_from(top).unwrap_or(u16::MAX).min(inner.height);
    let body = Paragraph::new(body).wrap(Wrap { trim: false });
    let total = u16::try_from(body.line_count(inner.width)).unwrap_or(u16::MAX);
    total.saturating_sub(inner.height - top)
}

pub(crate) fn render(app: &App, wb: &Workbook, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let block = app
        .theme
        .titled(format!(" {} ", tr(lang, Msg::Guide)), false);
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let (note, body) = contents(app, wb, inner.width);
    let mut lines = Vec::new();
    let mut editor_at = None;
    if let Some(n) = note {
        editor_at = n.editor_line;
        lines.extend(n.lines);
        lines.push(Line::raw(""));
    }
    // The note (and its editor) come first so they are never scrolled away.
    let top = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let note_area = Rect {
        height: top.min(inner.height),
        ..inner
    };
    frame.render_widget(Paragraph::new(lines), note_area);
    let rest = Rect {
        y: inner.y + note_area.height,
        height: inner.height - note_area.height,
        ..inner
    };
    let body = Paragraph::new(body).wrap(Wrap { trim: false });
    let total = u16::try_from(body.line_count(rest.width)).unwrap_or(u16::MAX);
    let max_scroll = total.saturating_sub(rest.height);
    frame.render_widget(body.scroll((wb.guide_scroll.min(max_scroll), 0)), rest);
    if max_scroll > 0 && area.width > 8 {
        // Say on the border that there is more, and how to get to it.
        let more = if wb.guide_scroll >= max_scroll {
            "↑"
        } else {
            "↓"
        };
        let text = format!(" {} {more} ", tr(lang, Msg::GuideMore));
        let width = u16::try_from(text.width()).unwrap_or(0).min(area.width - 4);
        let at = Rect {
            x: area.x + 2,
            y: area.bottom() - 1,
            width,
            height: 1,
        };
        frame.render_widget(Paragraph::new(Span::styled(text, app.theme.dim)), at);
    }
    if let (Some(line), Some(ed)) = (editor_at, wb.editor.as_ref()) {
        let y = inner.y + u16::try_from(line).unwrap_or(0);
        if y < inner.bottom() {
            let rect = Rect {
                y,
                height: EDITOR_H.min(inner.bottom() - y),
                ..inner
            };
            crate::ui::widgets::editor::render(&app.theme, ed, frame, rect);
        }
    }
}

/// The guide as plain lines in reading order (the note first), for the accessible mode, and
/// where the note's editor goes among them: its first line and height.
pub(crate) fn plain_lines(
    app: &App,
    wb: &Workbook,
    width: u16,
) -> (Vec<String>, Option<(usize, u16)>) {
    let (note, body) = contents(app, wb, width);
    let editor = note
        .as_ref()
        .and_then(|n| n.editor_line)
        .map(|at| (at, EDITOR_H));
    let lines = note
        .map(|n| n.lines)
        .unwrap_or_default()
        .into_iter()
        .chain(body)
        .map(|l| crate::ui::accessible::line_text(&l))
        .collect();
    (lines, editor)
}
