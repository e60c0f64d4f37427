//! The view: a pure function from the app state to a frame. No IO, no clock, no mutation.

pub(crate) mod accessible;
pub use accessible::is_box_drawing;
mod screens;
pub mod widgets;

use screens::{help, home, workbook};
use widgets::wrap;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::i18n::{Msg, errors, tr};
use crate::keymap;
use crate::state::{App, SaveStatus};
use crate::update::ClickTarget;

/// Smallest usable terminal.
pub const MIN_WIDTH: u16 = 60;
/// Smallest usable terminal.
pub const MIN_HEIGHT: u16 = 20;

/// Draws the whole app.
pub fn render(app: &App, frame: &mut Frame) {
    if app.accessible {
        if !accessible::render(app, frame) {
            render_screens(app, frame);
            accessible::strip_boxes(frame.buffer_mut());
        }
        return;
    }
    render_screens(app, frame);
}

/// Draws the whole app in its usual form: panes, borders, footer.
fn render_screens(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = Paragraph::new(tr(app.lang, Msg::TooSmall)).wrap(Wrap { trim: true });
        frame.render_widget(msg, area);
        return;
    }
    let [header, body, notice, footer] = regions(app, area);
    render_header(app, frame, header);
    if let Some(p) = &app.present {
        screens::present::render(app, p, frame, body);
    } else if let Some(b) = &app.browse {
        screens::browse::render(app, b, frame, body);
    } else {
        match (&app.compare, &app.workbook) {
            (Some(c), _) => screens::compare::render(app, c, frame, body),
            (None, Some(wb)) => match &wb.run {
                Some(run) => screens::run::render(app, wb, run, frame, body),
                None => workbook::render(app, wb, frame, body),
            },
            (None, None) => home::render(app, frame, body),
        }
    }
    if leave_asked(app) {
        let text = format!(
            "{}  {}",
            tr(app.lang, Msg::RunLeaveQuestion),
            crate::keymap::yes_no(app.lang)
        );
        frame.render_widget(Paragraph::new(Span::styled(text, app.theme.warn)), notice);
    } else if let Some(n) = &app.notice {
        let text = crate::state::notice(app.lang, n);
        let text = Paragraph::new(Span::styled(text, app.theme.warn)).wrap(Wrap { trim: true });
        frame.render_widget(text, notice);
    } else if app.quit_armed {
        let text = crate::i18n::trk(app.lang, Msg::QuitUnsaved);
        frame.render_widget(Paragraph::new(Span::styled(text, app.theme.error)), notice);
    } else if let Some(reason) = save_failure(app) {
        let text = Paragraph::new(Span::styled(reason, app.theme.error)).wrap(Wrap { trim: true });
        frame.render_widget(text, notice);
    }
    render_footer(app, frame, footer);
    if app.help.is_some() {
        help::render(app, frame, area);
    }
}

/// Header, body, notice line (zero height when there is no notice) and footer.
fn regions(app: &App, area: Rect) -> [Rect; 4] {
    // An error names a path and a cause: a long one gets two lines so the cause shows.
    let lines = |text: String| {
        if text.width() > usize::from(area.width) {
            2
        } else {
            1
        }
    };
    let notice = if let Some(n) = &app.notice {
        lines(crate::state::notice(app.lang, n))
    } else if app.quit_armed || leave_asked(app) {
        1
    } else if save_failure(app).is_some() {
        2
    } else {
        0
    };
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(notice),
        Constraint::Length(footer_height(app, area.width)),
    ])
    .areas(area)
}

/// The facilitation view asks whether to leave while its timer runs.
fn leave_asked(app: &App) -> bool {
    app.workbook
        .as_ref()
        .and_then(|wb| wb.run.as_ref())
        .is_some_and(|r| r.confirm_leave)
}

/// How many lines the guide pane can scroll down in a frame of `area`, when a plan is open.
pub fn guide_max_scroll(app: &App, area: Rect) -> Option<u16> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let [_, body, _, _] = regions(app, area);
    let wb = app.workbook.as_ref().filter(|wb| wb.run.is_none())?;
    Some(workbook::guide_max_scroll(app, wb, body))
}

/// How far the browser's detail pane can scroll in a frame of `area`, when it is open.
pub fn browse_max_scroll(app: &App, area: Rect) -> Option<u16> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let [_, body, _, _] = regions(app, area);
    let b = app.browse.as_ref()?;
    Some(screens::browse::max_scroll(app, b, body))
}

/// Maps a mouse click to what it landed on, using the same layout as [`render`].
pub fn hit_test(app: &App, area: Rect, col: u16, row: u16) -> Option<ClickTarget> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    if app.accessible {
        return None;
    }
    let [_, body, _, _] = regions(app, area);
    if app.compare.is_some() {
        return None;
    }
    if app.present.is_some() || app.browse.is_some() {
        return None;
    }
    match &app.workbook {
        Some(wb) if wb.run.is_some() || wb.method_chooser.is_some() => None,
        Some(wb) => workbook::hit_test(app, wb, body, col, row),
        None => home::hit_test(app, body, col, row),
    }
}

/// Why the open plan's last save failed, if it did; shown in full on its own line.
fn save_failure(app: &App) -> Option<String> {
    match app.workbook.as_ref().map(|wb| &wb.save) {
        Some(SaveStatus::Failed(e)) => Some(errors::store_error(app.lang, e)),
        _ => None,
    }
}

fn render_header(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let mut left = vec![Span::styled(
        format!(" {} ", tr(lang, Msg::AppName)),
        app.theme.title,
    )];
    let mut right = Vec::new();
    let mut plan_title = None;
    if let Some(wb) = &app.workbook {
        let title = if wb.plan.context.title.trim().is_empty() {
            tr(lang, Msg::Untitled).to_string()
        } else {
            wb.plan.context.title.clone()
        };
        let pct = crate::plan::progress(&wb.plan, &app.model).percent();
        plan_title = Some((title, format!("  {pct}%")));
        let (text, style) = if wb.changed_elsewhere && wb.read_only.is_none() {
            (
                format!("⚠ {} · v", tr(lang, Msg::OnDiskChanged)),
                app.theme.warn,
            )
        } else if wb.lock_freed && wb.read_only.is_some() {
            (tr(lang, Msg::LockFreed).to_string(), app.theme.warn)
        } else if let Some(reason) = &wb.read_only {
            (
                format!(
                    "{}: {}",
                    tr(lang, Msg::ReadOnly),
                    crate::state::read_only_reason(lang, reason)
                ),
                app.theme.warn,
            )
        } else {
            match &wb.save {
                SaveStatus::Saved => (format!("✓ {}", tr(lang, Msg::Saved)), app.theme.ok),
                SaveStatus::Pending => (format!("… {}", tr(lang, Msg::Saving)), app.theme.warn),
                SaveStatus::Failed(_) => {
                    (format!("✗ {}", tr(lang, Msg::NotSaved)), app.theme.error)
                }
            }
        };
        right.push(Span::styled(text, style));
        right.push(Span::raw("  "));
    }
    right.push(Span::styled(format!("[{}] ", lang.code()), app.theme.dim));
    let right_width: u16 = right.iter().map(|s| s.width() as u16).sum();
    if let Some((title, pct)) = plan_title {
        // The title gives way to the status on the right, never runs under it; the percentage
        // stays.
        let used: usize = left.iter().map(Span::width).sum::<usize>() + 2 + pct.width() + 1;
        let room = usize::from(area.width)
            .saturating_sub(usize::from(right_width) + used)
            .min(usize::from(area.width / 2));
        left.push(Span::raw("· "));
        left.push(Span::raw(wrap::truncate(&title, room)));
        left.push(Span::styled(pct, app.theme.dim));
    }
    let [l, r] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(right_width)]).areas(area);
    frame.render_widget(Paragraph::new(Line::from(left)), l);
    frame.render_widget(Paragraph::new(Line::from(right)), r);
}

fn render_footer(app: &App, frame: &mut Frame, area: Rect) {
    let lines = footer_lines(app, area.width, area.height.max(1));
    frame.render_widget(Paragraph::new(lines), area);
}

/// The footer's hints in at most `rows` lines of `width`. Global keys (help, language, quit)
/// always show, at the end; the context's own keys fill the rest in the table's order of
/// importance, and what does not fit is left to the help.
fn footer_lines(app: &App, width: u16, rows: u16) -> Vec<Line<'static>> {
    let ctx = app.ctx();
    let hints: Vec<_> = keymap::bindings(ctx)
        .filter(|b| b.hint && relevant(app, b.action))
        .collect();
    let cost = |b: &keymap::Binding| {
        keymap::key_name(b.keys[0], app.lang).width() + tr(app.lang, label(app, b)).width() + 3
    };
    let room = usize::from(width).saturating_sub(1);
    let globals: usize = hints.iter().filter(|b| b.ctx != ctx).map(|b| cost(b)).sum();
    let mut lines: Vec<Vec<&keymap::Binding>> = vec![Vec::new()];
    let mut left = room;
    for b in hints.iter().filter(|b| b.ctx == ctx) {
        // The last line keeps room for the global keys.
        let last = lines.len() == usize::from(rows);
        let budget = if last {
            left.saturating_sub(globals)
        } else {
            left
        };
        if cost(b) <= budget {
            left -= cost(b);
            if let Some(line) = lines.last_mut() {
                line.push(b);
            }
        } else if !last {
            lines.push(vec![b]);
            left = room.saturating_sub(cost(b));
        }
    }
    if left < globals && lines.len() < usize::from(rows) {
        lines.push(Vec::new());
    }
    if let Some(line) = lines.last_mut() {
        line.extend(hints.iter().filter(|b| b.ctx != ctx));
    }
    lines
        .into_iter()
        .map(|bs| {
            let mut spans = vec![Span::raw(" ")];
            for b in bs {
                spans.push(Span::styled(
                    keymap::key_name(b.keys[0], app.lang),
                    app.theme.key,
                ));
                spans.push(Span::raw(format!(" {}  ", tr(app.lang, label(app, b)))));
            }
            Line::from(spans)
        })
        .collect()
}

/// How many lines the footer needs: the plan list may take two, so that its keys are found
/// without the help; everywhere else one.
fn footer_height(app: &App, width: u16) -> u16 {
    let home = app.workbook.is_none() && app.compare.is_none() && app.help.is_none();
    let rows = if home { 2 } else { 1 };
    u16::try_from(footer_lines(app, width, rows).len()).unwrap_or(1)
}

/// What a key is called where the user is: `Enter` on a gap goes to it rather than edits it.
fn label(app: &App, b: &keymap::Binding) -> Msg {
    let on_gaps = app
        .workbook
        .as_ref()
        .and_then(crate::state::Workbook::current_slot)
        == Some(crate::state::Slot::Gaps);
    let on_checklist = app
        .workbook
        .as_ref()
        .and_then(crate::state::Workbook::current_slot)
        == Some(crate::state::Slot::Checklist);
    if on_gaps && b.action == keymap::Action::Open {
        Msg::KGoTo
    } else if on_checklist && b.action == keymap::Action::Toggle {
        Msg::KCheckCycle
    } else if on_checklist && b.action == keymap::Action::Open {
        Msg::KNoteOrReason
    } else if capturing(app) && b.action == keymap::Action::Done {
        Msg::KCancel
    } else if searching_model(app) && b.action == keymap::Action::Done {
        Msg::KClearFilter
    } else {
        b.label
    }
}

/// The model browser's search box has the keyboard.
fn searching_model(app: &App) -> bool {
    app.browse.as_ref().is_some_and(|b| b.typing)
}

/// A note is being captured in the facilitation view.
fn capturing(app: &App) -> bool {
    app.workbook
        .as_ref()
        .and_then(|wb| wb.editor.as_ref())
        .is_some_and(|e| e.target == crate::state::EditTarget::RunNote)
}

/// Whether a key does anything where the user is, so the footer does not offer dead keys.
fn relevant(app: &App, action: keymap::Action) -> bool {
    use crate::state::Slot;
    let slot = app
        .workbook
        .as_ref()
        .and_then(crate::state::Workbook::current_slot);
    use keymap::Action as A;
    match action {
        A::UndoDelete if app.workbook.is_none() => app.home.last_trashed.is_some(),
        A::Toggle => matches!(slot, Some(Slot::Picks(_) | Slot::Facts | Slot::Checklist)),
        A::ShowHidden => app
            .workbook
            .as_ref()
            .is_some_and(|wb| wb.current_step() == crate::plan::Step::Checklist),
        A::AddPart
        | A::InsertMethod
        | A::PartMinutes
        | A::PartLead
        | A::SessionStart
        | A::MoveUp
        | A::MoveDown
        | A::DeletePart
        | A::UndoDelete
        | A::AddSession
        | A::Longer
        | A::Shorter => slot == Some(Slot::Agenda) || app.ctx() == keymap::Ctx::Run,
        A::TakeOver => app.workbook.as_ref().is_some_and(|wb| wb.lock_freed),
        A::EditContact => slot == Some(Slot::Picks(crate::plan::PickKind::Roles)),
        A::FillFromMethods => app.workbook.as_ref().is_some_and(|wb| {
            wb.current_step() == crate::plan::Step::Logistics && !wb.plan.methods.is_empty()
        }),
        A::ToReview => app.workbook.as_ref().is_some_and(|wb| {
            wb.back_to_review.is_some() && wb.current_step() != crate::plan::Step::Review
        }),
        A::CompareVersions => match &app.workbook {
            Some(wb) => wb.changed_elsewhere,
            None => app.selected_row().is_some_and(|r| !r.others.is_empty()),
        },
        // Runs from anywhere in the plan, but offered where the agenda is.
        A::RunSession => slot == Some(Slot::Agenda) || app.workbook.is_none(),
        A::NextField | A::PrevField => !capturing(app) && !searching_model(app),
        A::Undo if searching_model(app) => false,
        // Plan keys on the list are offered only when there is a plan they can act on.
        A::Export | A::Duplicate | A::Rename if app.workbook.is_none() => {
            app.selected_row().is_some_and(|r| r.damaged.is_none())
        }
        A::Delete | A::Open if app.workbook.is_none() && app.ctx() == keymap::Ctx::Home => {
            app.selected_row().is_some()
        }
        A::Filter if app.ctx() == keymap::Ctx::Home => !app.home.rows.is_empty(),
        _ => true,
    }
}
