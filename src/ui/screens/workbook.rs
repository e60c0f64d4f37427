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
use crate::i18n::{Msg, field_label, step_name, tr};
use crate::plan::{self, CheckState, Gap, PickKind, STEPS, Step};
use crate::state::{
    App, EditTarget, Focus, Slot, Workbook, check_state, checklist_rows, pick_rows, plan_gaps,
    slots,
};
use crate::ui::widgets::bar;
use crate::ui::widgets::editor;
use crate::ui::widgets::wrap::{truncate, wrap};
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
                        text = format!(
                            "/ {}: {}▏  {text}",
                            tr(lang, Msg::FilterMethods),
                            wb.method_filter
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
                            let note_missing = row.picked
                                && kind.note_required()
                                && kind
                                    .picks(&wb.plan)
                                    .iter()
                                    .any(|p| p.id == row.id && p.note.trim().is_empty());
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
            Slot::Checklist => {
                let rows = checklist_rows(&app.model);
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
                    let state = check_state(wb, id);
                    let (mark, style) = check_mark(&app.theme, state);
                    let no_reason = state == CheckState::NotApplicable
                        && wb
                            .plan
                            .checklist
                            .get(*id)
                            .is_none_or(|c| c.note.trim().is_empty());
                    let mut spans = vec![
                        Span::styled(format!("{mark} "), style),
                        Span::raw(truncate(item.text.get(lang), width.saturating_sub(6))),
                    ];
                    if no_reason {
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
        }
        if slot == Slot::Checklist {
            // Items the model no longer has stay in the file; say so rather than hide them.
            for id in wb
                .plan
                .checklist
                .keys()
                .filter(|id| app.model.checklist_item(id).is_none())
            {
                let text = format!("{} {id}", tr(lang, Msg::UnknownItem));
                c.lines.push(Line::from(Span::styled(
                    truncate(&text, width),
                    app.theme.error,
                )));
            }
        }
    }
    c
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
