//! The plan workbook: step list on the left, the current step and the guide on the right.

use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use crate::theme::Theme;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::guide;
use crate::describe::{gap_text, item_name};
use crate::i18n::checklist as cw;
use crate::i18n::{Msg, field_label, step_name, tr};
use crate::plan::{self, CheckState, Gap, PickKind, STEPS, Step};
use crate::state::{
    AgendaRow, App, EditTarget, Focus, Slot, Workbook, agenda_rows, check_state, checklist_rows,
    pick_rows, plan_gaps, slots, unknown_checks,
};
use crate::ui::widgets::bar;
use crate::ui::widgets::editor;
use crate::ui::widgets::wrap::{pad, truncate, wrap};
use crate::update::ClickTarget;

/// The three panes of the workbook.
struct Panes {
    steps: Rect,
    content: Rect,
    guide: Rect,
}

fn panes(body: Rect, step: Step) -> Panes {
    let steps_w = if body.width >= 120 { 30 } else { 24 };
    let [steps, rest] =
        Layout::horizontal([Constraint::Length(steps_w), Constraint::Min(1)]).areas(body);
    // The review's summary lives in the guide pane, so it gets an equal share there.
    let content_share = if step == Step::Review { 45 } else { 55 };
    let split = [
        Constraint::Percentage(content_share),
        Constraint::Percentage(100 - content_share),
    ];
    let [content, guide] = if body.width >= 120 {
        Layout::horizontal(split).areas(rest)
    } else {
        Layout::vertical(split).areas(rest)
    };
    Panes {
        steps,
        content,
        guide,
    }
}

pub(crate) fn render(app: &App, wb: &Workbook, frame: &mut Frame, body: Rect) {
    let p = panes(body, wb.current_step());
    render_steps(app, wb, frame, p.steps);
    render_content(app, wb, frame, p.content);
    guide::render(app, wb, frame, p.guide);
    if let Some(selected) = wb.method_chooser {
        render_method_chooser(app, wb, selected, frame, body);
    }
}

/// The plan's methods, to insert one's timed steps into the agenda.
fn render_method_chooser(app: &App, wb: &Workbook, selected: usize, frame: &mut Frame, body: Rect) {
    let lang = app.lang;
    let t = &app.theme;
    let height = u16::try_from(wb.plan.methods.len() + 2).unwrap_or(u16::MAX);
    let popup = crate::ui::widgets::centered(body, 60, height);
    frame.render_widget(ratatui::widgets::Clear, popup);
    let block = t.titled(format!(" {} ", tr(lang, Msg::ChooseMethod)), true);
    let width = usize::from(block.inner(popup).width);
    let lines: Vec<Line> = wb
        .plan
        .methods
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let text = match app.model.method(&p.id) {
                Some(m) => format!(
                    "{} · {} min · {}",
                    m.name.get(lang),
                    m.duration_minutes,
                    m.steps.len()
                ),
                None => format!("{} {}", tr(lang, Msg::UnknownItem), p.id),
            };
            let line = Line::raw(truncate(&text, width));
            if i == selected {
                line.style(t.selected)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}

fn pane_block(t: &Theme, title: String, focused: bool) -> Block<'static> {
    t.titled(title, focused)
}

fn gap_count(gaps: &[Gap], step: Step) -> usize {
    gaps.iter()
        .filter(|g| g.step() == step)
        .map(Gap::weight)
        .sum()
}

fn render_steps(app: &App, wb: &Workbook, frame: &mut Frame, area: Rect) {
    let block = pane_block(
        &app.theme,
        format!(" {} ", tr(app.lang, Msg::Steps)),
        wb.focus == Focus::Steps,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let gaps = plan_gaps(app, wb);
    let width = usize::from(inner.width);
    let lines: Vec<Line> = STEPS
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let mark = if *step == Step::Review {
                Span::raw("")
            } else {
                match gap_count(&gaps, *step) {
                    0 => Span::styled("✓", app.theme.ok),
                    n => Span::styled(format!("{n}"), app.theme.warn),
                }
            };
            let name = truncate(
                &format!("{:>2} {}", i + 1, step_name(app.lang, *step)),
                width.saturating_sub(4),
            );
            let pad = width.saturating_sub(name.width() + mark.width() + 1);
            let style = if i == wb.step {
                if wb.focus == Focus::Steps {
                    app.theme.selected
                } else {
                    app.theme.label
                }
            } else {
                Style::default()
            };
            Line::from(vec![
                Span::styled(format!("{name}{}", " ".repeat(pad)), style),
                mark,
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The content pane as lines, with where each slot and row landed.
pub(super) struct Content {
    lines: Vec<Line<'static>>,
    /// First and last line that must be visible (the focused thing).
    focus: (usize, usize),
    /// Where the field editor goes: first line and height.
    editor: Option<(usize, u16)>,
    /// Which line is which slot/row, for mouse clicks.
    targets: Vec<(usize, ClickTarget)>,
}

impl Content {
    /// Adds a list row: highlighted when it is the cursor row of the focused pane, and kept
    /// in view when it is the cursor row at all.
    fn push_row(
        &mut self,
        t: &Theme,
        line: Line<'static>,
        target: ClickTarget,
        cursor: bool,
        focused: bool,
    ) {
        let at = self.lines.len();
        self.targets.push((at, target));
        self.lines.push(if cursor && focused {
            line.style(t.selected)
        } else {
            line
        });
        if cursor {
            self.focus = (at, at);
        }
    }
}

fn check_mark(t: &Theme, state: CheckState) -> (&'static str, Style) {
    match state {
        CheckState::Todo => ("[ ]", Style::default()),
        CheckState::Done => ("[✓]", t.ok),
        CheckState::NotApplicable => ("[–]", t.dim),
    }
}

fn build(app: &App, wb: &Workbook, width: usize) -> Content {
    let lang = app.lang;
    let mut c = Content {
        lines: Vec::new(),
        focus: (0, 0),
        editor: None,
        targets: Vec::new(),
    };
    let focused = wb.focus == Focus::Content;
    // What the run recorded comes first, where the reflection starts.
    if wb.current_step() == Step::Evaluation {
        planned_and_actual(app, wb, width, &mut c);
    }
    // Where the plan came from heads its first step, as it heads the handout.
    if wb.current_step() == Step::Context {
        for line in crate::export::lineage(&wb.plan, &app.model, lang) {
            for l in wrap(&line, width) {
                c.lines.push(Line::from(Span::styled(l, app.theme.dim)));
            }
        }
    }
    for (si, slot) in slots(wb.current_step()).into_iter().enumerate() {
        let here = si == wb.slot;
        if !c.lines.is_empty() {
            c.lines.push(Line::raw(""));
        }
        match slot {
            Slot::Field(f) => {
                let start = c.lines.len();
                let value = f.get(&wb.plan);
                let filled = !value.trim().is_empty();
                let (mark, mark_style) = match (filled, f.required()) {
                    (true, _) => ("●", app.theme.ok),
                    (false, true) => ("○", app.theme.warn),
                    (false, false) => ("○", app.theme.dim),
                };
                let label_style = if here && focused {
                    app.theme.selected
                } else {
                    app.theme.label
                };
                c.targets.push((start, ClickTarget::Slot(si, 0)));
                c.lines.push(Line::from(vec![
                    Span::styled(format!("{mark} "), mark_style),
                    Span::styled(field_label(lang, f).to_string(), label_style),
                ]));
                let editing = matches!(
                    wb.editor.as_ref().map(|e| &e.target),
                    Some(EditTarget::Field(g)) if *g == f
                );
                if editing {
                    let text_lines = wrap(value, width.saturating_sub(4)).len();
                    let h = if f.single_line() {
                        3
                    } else {
                        (text_lines + 2).clamp(4, 10)
                    };
                    c.editor = Some((c.lines.len(), h as u16));
                    for _ in 0..h {
                        c.lines.push(Line::raw(""));
                    }
                } else if filled {
                    let wrapped = wrap(value, width.saturating_sub(2));
                    let max = if here { 12 } else { 3 };
                    let more = wrapped.len() > max;
                    for (i, l) in wrapped.into_iter().take(max).enumerate() {
                        let text = if more && i + 1 == max {
                            format!("  {l} …")
                        } else {
                            format!("  {l}")
                        };
                        c.lines.push(Line::raw(text));
                    }
                } else {
                    c.lines.push(Line::from(Span::styled(
                        format!("  {}", tr(lang, Msg::Empty)),
                        app.theme.dim,
                    )));
                }
                if here {
                    c.focus = (start, c.lines.len() - 1);
                }
            }
            Slot::Picks(kind) => {
                if kind == PickKind::Methods {
                    let scope = if wb.only_directions {
                        Msg::OnlyDirections
                    } else {
                        Msg::AllMethods
                    };
                    let mut text = format!("{} · f", tr(lang, scope));
                    if !wb.method_filter.is_empty()
                        || matches!(
                            wb.editor.as_ref().map(|e| &e.target),
                            Some(EditTarget::MethodFilter)
                        )
                    {
                        // The cursor shows only while the search is being typed.
                        let typing = matches!(
                            wb.editor.as_ref().map(|e| &e.target),
                            Some(EditTarget::MethodFilter)
                        );
                        text = format!(
                            "/ {}: {}{}  {text}",
                            tr(lang, Msg::FilterMethods),
                            wb.method_filter,
                            if typing { "▏" } else { "" }
                        );
                    }
                    c.lines.push(Line::from(Span::styled(
                        truncate(&text, width),
                        app.theme.dim,
                    )));
                }
                let rows = pick_rows(&app.model, wb, kind);
                if rows.is_empty() {
                    c.lines.push(Line::from(Span::styled(
                        tr(lang, Msg::NoMatch),
                        app.theme.dim,
                    )));
                }
                for (ri, row) in rows.iter().enumerate() {
                    let mark = if row.picked { "[x] " } else { "[ ] " };
                    let line = match item_name(&app.model, kind, &row.id, lang) {
                        Some((name, summary)) if row.known => {
                            let note_missing = row.note_missing(wb, kind);
                            let name_w = name.width() + 4;
                            let mut spans = vec![
                                Span::styled(
                                    mark,
                                    if row.picked {
                                        app.theme.ok
                                    } else {
                                        Style::default()
                                    },
                                ),
                                Span::styled(
                                    name,
                                    if row.picked {
                                        app.theme.label
                                    } else {
                                        Style::default()
                                    },
                                ),
                            ];
                            if note_missing {
                                spans.push(Span::styled(" !", app.theme.warn));
                            }
                            let room =
                                width.saturating_sub(name_w + 5 + if note_missing { 2 } else { 0 });
                            if room > 8 {
                                spans.push(Span::styled(
                                    format!(" — {}", truncate(&summary, room)),
                                    app.theme.dim,
                                ));
                            }
                            Line::from(spans)
                        }
                        _ => Line::from(Span::styled(
                            truncate(
                                &format!("{mark}{} {}", tr(lang, Msg::UnknownItem), row.id),
                                width,
                            ),
                            app.theme.error,
                        )),
                    };
                    c.push_row(
                        &app.theme,
                        line,
                        ClickTarget::Slot(si, ri),
                        here && ri == wb.cursor,
                        focused,
                    );
                }
            }
            Slot::Facts => build_facts(app, wb, si, here && focused, here, width, &mut c),
            Slot::Checklist => {
                let rows = checklist_rows(&app.model, wb);
                let facts = plan::effective(&wb.plan, &app.model);
                // Said above the list, where it is seen before scrolling.
                let hidden = plan::hidden_count(&wb.plan, &app.model);
                if hidden > 0 {
                    for l in wrap(&cw::hidden_line(lang, hidden, wb.show_hidden), width) {
                        c.lines.push(Line::from(Span::styled(l, app.theme.dim)));
                    }
                    c.lines.push(Line::raw(""));
                }
                let mut last_phase = usize::MAX;
                for (ri, (phase, id)) in rows.iter().enumerate() {
                    if *phase != last_phase {
                        last_phase = *phase;
                        let p = &app.model.phases[*phase];
                        let prog = plan::phase_progress(&wb.plan, &app.model, *phase);
                        if ri > 0 {
                            c.lines.push(Line::raw(""));
                        }
                        c.lines.push(Line::from(vec![
                            Span::styled(p.name.get(lang).to_string(), app.theme.title),
                            Span::styled(
                                format!(
                                    "  {}/{} {}",
                                    prog.done,
                                    prog.total,
                                    bar(prog.done, prog.total, 10)
                                ),
                                app.theme.dim,
                            ),
                        ]));
                    }
                    let Some((_, item)) = app.model.checklist_item(id) else {
                        continue;
                    };
                    let hidden = !plan::applies(item, &facts);
                    let state = check_state(wb, id);
                    let (mark, style) = check_mark(&app.theme, state);
                    let no_reason = state == CheckState::NotApplicable
                        && wb
                            .plan
                            .checklist
                            .get(*id)
                            .is_none_or(|c| c.note.trim().is_empty());
                    let tag = if hidden {
                        format!(" · {}", cw::word(lang, cw::Word::HiddenTag))
                    } else {
                        String::new()
                    };
                    let mut spans = vec![
                        Span::styled(format!("{mark} "), style),
                        Span::styled(
                            truncate(item.text.get(lang), width.saturating_sub(6 + tag.width())),
                            if hidden {
                                app.theme.dim
                            } else {
                                Style::default()
                            },
                        ),
                    ];
                    if hidden {
                        spans.push(Span::styled(tag, app.theme.dim));
                    } else if no_reason {
                        spans.push(Span::styled(" !", app.theme.warn));
                    }
                    let target = ClickTarget::Slot(si, ri);
                    c.push_row(
                        &app.theme,
                        Line::from(spans),
                        target,
                        here && ri == wb.cursor,
                        focused,
                    );
                }
            }
            Slot::Gaps => build_review(app, wb, si, here && focused, width, &mut c),
            Slot::Agenda => build_agenda(app, wb, si, here && focused, width, &mut c),
        }
        if slot == Slot::Checklist {
            // Items the model no longer has stay in the file; say so rather than hide them.
            let known = checklist_rows(&app.model, wb).len();
            for (k, id) in unknown_checks(&app.model, &wb.plan).into_iter().enumerate() {
                let note = wb
                    .plan
                    .checklist
                    .get(id)
                    .map(|c| c.note.trim())
                    .filter(|n| !n.is_empty())
                    .map(|n| format!(" — {}", n.replace('\n', " ")))
                    .unwrap_or_default();
                let text = format!("{} {id}{note}", tr(lang, Msg::UnknownItem));
                let ri = known + k;
                c.push_row(
                    &app.theme,
                    Line::from(Span::styled(truncate(&text, width), app.theme.error)),
                    ClickTarget::Slot(si, ri),
                    here && ri == wb.cursor,
                    focused,
                );
            }
        }
    }
    c
}

/// The facts that decide which checklist items apply: each answer, or what the plan says
/// (marked), or "not known"; and the rule for what is not known.
fn build_facts(
    app: &App,
    wb: &Workbook,
    si: usize,
    focused: bool,
    here: bool,
    width: usize,
    c: &mut Content,
) {
    let lang = app.lang;
    let t = &app.theme;
    c.lines.push(Line::from(Span::styled(
        cw::word(lang, cw::Word::FactsTitle).to_string(),
        t.title,
    )));
    let said = plan::derived(&wb.plan, &app.model);
    let name_w = plan::FACTS
        .iter()
        .map(|f| cw::fact_name(lang, *f).width())
        .max()
        .unwrap_or(0);
    for (ri, fact) in plan::FACTS.iter().enumerate() {
        let answered = fact.answered(&wb.plan.facts);
        let (value, style) = if answered {
            (cw::answer(lang, *fact, &wb.plan.facts), t.label)
        } else if fact.answered(&said) {
            (
                format!(
                    "{} ({})",
                    cw::answer(lang, *fact, &said),
                    cw::word(lang, cw::Word::FromPlan)
                ),
                Style::default(),
            )
        } else {
            (cw::answer(lang, *fact, &said), t.dim)
        };
        let name = pad(cw::fact_name(lang, *fact), name_w);
        let line = Line::from(vec![
            Span::raw(format!("  {name}  ")),
            Span::styled(truncate(&value, width.saturating_sub(name_w + 4)), style),
        ]);
        c.push_row(
            t,
            line,
            ClickTarget::Slot(si, ri),
            here && ri == wb.cursor,
            focused,
        );
        let typing = matches!(
            wb.editor.as_ref().map(|e| &e.target),
            Some(EditTarget::Youngest)
        );
        if *fact == plan::Fact::Youngest && typing {
            c.editor = Some((c.lines.len(), 3));
            for _ in 0..3 {
                c.lines.push(Line::raw(""));
            }
            c.focus.1 = c.lines.len() - 1;
        }
    }
    for l in wrap(cw::word(lang, cw::Word::FactsRule), width) {
        c.lines.push(Line::from(Span::styled(l, t.dim)));
    }
}

/// After a run: the parts that were run, planned against actual minutes, and their notes.
fn planned_and_actual(app: &App, wb: &Workbook, width: usize, c: &mut Content) {
    let lang = app.lang;
    let t = &app.theme;
    // Before anything was run there is nothing to compare; the plan itself is on the Agenda step.
    let was_run = |p: &&crate::plan::Part| p.actual_minutes.is_some() || !p.notes.is_empty();
    if !wb
        .plan
        .sessions
        .iter()
        .flat_map(|s| &s.parts)
        .any(|p| was_run(&p))
    {
        return;
    }
    c.lines
        .push(Line::from(Span::styled(tr(lang, Msg::AgendaRun), t.title)));
    for session in &wb.plan.sessions {
        let parts: Vec<_> = session.parts.iter().filter(was_run).collect();
        if parts.is_empty() {
            continue;
        }
        c.lines.push(Line::from(Span::styled(
            format!("▸ {}", session.label),
            t.label,
        )));
        for part in parts {
            let actual = match part.actual_minutes {
                Some(m) => format!("{m} min {}", tr(lang, Msg::Actual)),
                None => tr(lang, Msg::NotRun).to_string(),
            };
            let tail = format!("  {} min → {actual}", part.minutes);
            let what = truncate(
                &part.what.replace('\n', " "),
                width.saturating_sub(tail.width() + 2),
            );
            let style = match part.actual_minutes {
                Some(m) if m > part.minutes => t.warn,
                Some(_) => t.ok,
                None => t.dim,
            };
            c.lines.push(Line::from(vec![
                Span::raw(format!("  {what}")),
                Span::styled(tail, style),
            ]));
            for note in &part.notes {
                // Stored in UTC, and said so: the app has no time-zone database.
                let clock: String = crate::clock::short(&note.at).chars().skip(11).collect();
                let at = format!("✎ {clock} UTC");
                for (i, l) in wrap(&note.text, width.saturating_sub(16))
                    .into_iter()
                    .enumerate()
                {
                    let head = if i == 0 { at.as_str() } else { "" };
                    c.lines.push(Line::from(vec![
                        Span::styled(format!("    {}", pad(head, 12)), t.dim),
                        Span::raw(l),
                    ]));
                }
            }
        }
    }
}

/// Whether the open editor writes into this agenda row.
fn editing_row(wb: &Workbook, row: AgendaRow) -> bool {
    let Some(target) = wb.editor.as_ref().map(|e| &e.target) else {
        return false;
    };
    match (row, target) {
        (
            AgendaRow::Part(s, p),
            EditTarget::PartWhat(id) | EditTarget::PartLead(id) | EditTarget::PartMinutes(id),
        ) => wb.plan.sessions[s].parts[p].id == *id,
        (
            AgendaRow::Session(s),
            EditTarget::SessionLabel(i)
            | EditTarget::SessionStart(i)
            | EditTarget::SessionPlanned(i),
        ) => s == *i,
        _ => false,
    }
}

fn build_agenda(app: &App, wb: &Workbook, si: usize, focused: bool, width: usize, c: &mut Content) {
    let lang = app.lang;
    let t = &app.theme;
    let rows = agenda_rows(&wb.plan);
    if rows.is_empty() {
        for l in wrap(&crate::i18n::trk(lang, Msg::AgendaEmpty), width) {
            c.lines.push(Line::from(Span::styled(l, t.dim)));
        }
        return;
    }
    for (ri, row) in rows.iter().enumerate() {
        let line = match *row {
            AgendaRow::Session(s) => {
                let session = &wb.plan.sessions[s];
                let total = plan::session_minutes(session);
                let start = if session.start.is_empty() {
                    tr(lang, Msg::NoStart).to_string()
                } else {
                    session.start.replace('T', " ")
                };
                let mut spans = vec![
                    Span::styled(format!("▸ {}", session.label), t.title),
                    Span::styled(format!("  {start} · {}", plan::hours(total)), t.dim),
                ];
                if session.minutes > 0 {
                    let over = total > session.minutes;
                    spans.push(Span::styled(
                        format!(
                            " / {} {}",
                            plan::hours(session.minutes),
                            tr(lang, Msg::PlannedLength)
                        ),
                        if over { t.warn } else { t.dim },
                    ));
                    if over {
                        spans.push(Span::styled(" !", t.warn));
                    }
                }
                Line::from(spans)
            }
            AgendaRow::Part(s, p) => {
                let session = &wb.plan.sessions[s];
                let part = &session.parts[p];
                let at = plan::clock_at(session, plan::offsets(session)[p]);
                let minutes = if part.minutes == 0 {
                    Span::styled("  ? min ".to_string(), t.warn)
                } else {
                    Span::raw(format!("{:>3} min ", part.minutes))
                };
                // What happens matters more than who leads it: the lead gets a third at most.
                let lead = if part.lead.trim().is_empty() {
                    String::new()
                } else {
                    format!(" · {}", truncate(&lead_name(app, &part.lead), width / 3))
                };
                let what = if part.what.trim().is_empty() {
                    tr(lang, Msg::Empty).to_string()
                } else {
                    part.what.replace('\n', " ")
                };
                let used = 2 + at.width() + 1 + 8 + lead.width();
                Line::from(vec![
                    Span::styled(format!("  {at} "), t.dim),
                    minutes,
                    Span::raw(truncate(&what, width.saturating_sub(used))),
                    Span::styled(lead, t.dim),
                ])
            }
        };
        c.push_row(t, line, ClickTarget::Slot(si, ri), ri == wb.cursor, focused);
        if editing_row(wb, *row) {
            c.editor = Some((c.lines.len(), 3));
            for _ in 0..3 {
                c.lines.push(Line::raw(""));
            }
            c.focus.1 = c.lines.len() - 1;
        }
    }
    c.lines.push(Line::raw(""));
    c.lines.push(Line::from(Span::styled(
        format!(
            "{}: {}",
            tr(lang, Msg::WholePlan),
            plan::hours(plan::plan_minutes(&wb.plan))
        ),
        t.label,
    )));
}

/// A lead as written, or the role's name when it is a role id.
fn lead_name(app: &App, lead: &str) -> String {
    app.model
        .role(lead)
        .map_or_else(|| lead.to_string(), |r| r.name.get(app.lang).to_string())
}

fn build_review(app: &App, wb: &Workbook, si: usize, focused: bool, width: usize, c: &mut Content) {
    let lang = app.lang;
    let gaps = plan_gaps(app, wb);
    c.lines.push(Line::from(Span::styled(
        format!("{} ({})", tr(lang, Msg::GapsTitle), gaps.len()),
        app.theme.title,
    )));
    if gaps.is_empty() {
        c.lines.push(Line::from(Span::styled(
            tr(lang, Msg::NoGaps),
            app.theme.ok,
        )));
        c.focus = (c.lines.len() - 1, c.lines.len() - 1);
    }
    for (ri, gap) in gaps.iter().enumerate() {
        let text = format!(
            "{} · {}",
            step_name(lang, gap.step()),
            gap_text(&app.model, app.lang, gap)
        );
        let line = Line::raw(truncate(&text, width));
        c.push_row(
            &app.theme,
            line,
            ClickTarget::Slot(si, ri),
            ri == wb.cursor,
            focused,
        );
    }
}

fn content_inner(app: &App, wb: &Workbook, area: Rect) -> (Block<'static>, Rect) {
    let title = format!(" {} ", step_name(app.lang, wb.current_step()));
    let block = pane_block(&app.theme, title, wb.focus == Focus::Content);
    let inner = block.inner(area);
    (block, inner)
}

fn offset(c: &Content, height: usize) -> usize {
    let (start, end) = c.focus;
    let end = c
        .editor
        .map_or(end, |(s, h)| s + usize::from(h) - 1)
        .max(end);
    if end < height {
        0
    } else {
        (end + 1 - height).min(start)
    }
}

fn render_content(app: &App, wb: &Workbook, frame: &mut Frame, area: Rect) {
    let (block, inner) = content_inner(app, wb, area);
    frame.render_widget(block, area);
    let c = build(app, wb, usize::from(inner.width));
    let height = usize::from(inner.height);
    let top = offset(&c, height);
    let visible: Vec<Line> = c.lines.iter().skip(top).take(height).cloned().collect();
    frame.render_widget(Paragraph::new(visible), inner);
    if let (Some((start, h)), Some(ed)) = (c.editor, wb.editor.as_ref())
        && start >= top
    {
        let y = inner.y + u16::try_from(start - top).unwrap_or(0);
        let rect = Rect {
            x: inner.x + 1,
            y,
            width: inner.width.saturating_sub(1),
            height: h.min(inner.bottom().saturating_sub(y)),
        };
        editor::render(&app.theme, ed, frame, rect);
    }
}

/// How far the guide pane can scroll in this layout.
pub(crate) fn guide_max_scroll(app: &App, wb: &Workbook, body: Rect) -> u16 {
    guide::max_scroll(app, wb, panes(body, wb.current_step()).guide)
}

pub(crate) fn hit_test(
    app: &App,
    wb: &Workbook,
    body: Rect,
    col: u16,
    row: u16,
) -> Option<ClickTarget> {
    let p = panes(body, wb.current_step());
    let inside = |r: Rect| col >= r.x && col < r.right() && row >= r.y && row < r.bottom();
    if inside(p.steps) {
        let inner = Block::bordered().inner(p.steps);
        let i = usize::from(row.checked_sub(inner.y)?);
        return (i < STEPS.len()).then_some(ClickTarget::Step(i));
    }
    if inside(p.content) {
        let (_, inner) = content_inner(app, wb, p.content);
        let c = build(app, wb, usize::from(inner.width));
        let line = offset(&c, usize::from(inner.height)) + usize::from(row.checked_sub(inner.y)?);
        return c
            .targets
            .iter()
            .rev()
            .find(|(l, t)| {
                *l == line
                    || (*l <= line
                        && matches!(t, ClickTarget::Slot(_, 0))
                        && is_field_target(wb, *t))
            })
            .map(|(_, t)| *t);
    }
    None
}

fn is_field_target(wb: &Workbook, t: ClickTarget) -> bool {
    matches!(t, ClickTarget::Slot(s, _) if matches!(slots(wb.current_step()).get(s), Some(Slot::Field(_))))
}

/// The step's content as plain lines and the first line of what has the focus, for the
/// accessible mode's steps that have no labelled form of their own (agenda, review).
pub(crate) fn plain_content(app: &App, wb: &Workbook, width: usize) -> (Vec<String>, usize) {
    let c = build(app, wb, width);
    let lines = c
        .lines
        .iter()
        .map(crate::ui::accessible::line_text)
        .collect();
    (lines, c.focus.0)
}
