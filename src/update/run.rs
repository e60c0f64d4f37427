//! The facilitation view: a timer per part, next and previous, extra minutes, captured notes.
//! All time is `app.now`, which the runtime sets from its clock (and tests set by hand).

use crate::i18n::Msg;
use crate::keymap::Action;
use crate::plan::Part;
use crate::state::{AgendaRow, App, EditTarget, Notice, Run, Workbook, agenda_rows};

use super::{Effect, editing};

const MINUTE: u64 = 60_000;

/// Opens the facilitation view on session `session` (the one under the agenda cursor, or the
/// first with parts, when `None`). Refuses, with a notice, when it has no parts.
pub fn start(app: &mut App, session: Option<usize>, exit_after: bool) -> bool {
    let Some(wb) = app.workbook.as_mut() else {
        return false;
    };
    let under_cursor = || match agenda_rows(&wb.plan).get(wb.cursor) {
        Some(AgendaRow::Session(si) | AgendaRow::Part(si, _))
            if wb.current_slot() == Some(crate::state::Slot::Agenda) =>
        {
            Some(*si)
        }
        _ => None,
    };
    let chosen = session
        .or_else(under_cursor)
        .or_else(|| wb.plan.sessions.iter().position(|s| !s.parts.is_empty()));
    match chosen.filter(|si| {
        wb.plan
            .sessions
            .get(*si)
            .is_some_and(|s| !s.parts.is_empty())
    }) {
        Some(si) => {
            wb.run = Some(Run {
                session: si,
                exit_after,
                ..Run::default()
            });
            true
        }
        None => {
            app.notice = Some(Notice::Words(Msg::RunNoParts));
            false
        }
    }
}

/// The part being run.
pub(super) fn current_part_mut(wb: &mut Workbook) -> Option<&mut Part> {
    let run = wb.run.as_ref()?;
    let (si, pi) = (run.session, run.part);
    wb.plan.sessions.get_mut(si)?.parts.get_mut(pi)
}

/// Notes the time spent on the current part as its actual minutes (when any was spent).
fn record(wb: &mut Workbook, now: u64) {
    let Some(spent) = wb.run.as_ref().map(|r| r.spent(now)) else {
        return;
    };
    if spent == 0 {
        return;
    }
    let minutes = u32::try_from((spent + MINUTE / 2) / MINUTE).unwrap_or(u32::MAX);
    if let Some(part) = current_part_mut(wb)
        && part.actual_minutes != Some(minutes)
    {
        part.actual_minutes = Some(minutes);
        wb.mark_dirty();
    }
}

/// Moves to part `to`, recording the current one; the timer keeps its state.
fn go_to(wb: &mut Workbook, to: usize, now: u64) {
    record(wb, now);
    if let Some(run) = wb.run.as_mut() {
        run.part = to;
        run.elapsed = 0;
        run.extra = 0;
        if run.since.is_some() {
            run.since = Some(now);
        }
    }
}

/// An action in the facilitation view.
pub(super) fn action(app: &mut App, action: Action) -> Vec<Effect> {
    let now = app.now;
    let Some(wb) = app.workbook.as_mut() else {
        return Vec::new();
    };
    let Some(run) = wb.run.as_mut() else {
        return Vec::new();
    };
    let parts = wb
        .plan
        .sessions
        .get(run.session)
        .map_or(0, |s| s.parts.len());
    match action {
        Action::StartPause => match run.since.take() {
            Some(since) => run.elapsed += now.saturating_sub(since),
            None => run.since = Some(now),
        },
        Action::Longer => run.extra += 1,
        Action::Shorter => run.extra -= 1,
        Action::NextPart if run.part + 1 < parts => {
            let to = run.part + 1;
            go_to(wb, to, now);
        }
        Action::PrevPart if run.part > 0 => {
            let to = run.part - 1;
            go_to(wb, to, now);
        }
        Action::Capture => editing::start(app, EditTarget::RunNote),
        Action::Leave => {
            if run.since.is_some() {
                run.confirm_leave = true;
            } else {
                return leave(app);
            }
        }
        _ => {}
    }
    Vec::new()
}

/// Yes or no to "leave while the timer runs?".
pub(super) fn confirm(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(run) = app.workbook.as_mut().and_then(|wb| wb.run.as_mut()) else {
        return Vec::new();
    };
    match action {
        Action::Confirm => leave(app),
        Action::Cancel => {
            run.confirm_leave = false;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// Ends the view: the current part's time is recorded; with `modelownia run`, the app ends.
fn leave(app: &mut App) -> Vec<Effect> {
    let now = app.now;
    let Some(wb) = app.workbook.as_mut() else {
        return Vec::new();
    };
    record(wb, now);
    let exit = wb.run.take().is_some_and(|r| r.exit_after);
    if exit { vec![Effect::Quit] } else { Vec::new() }
}

/// Whether the view needs redrawing every second (its timer runs).
pub fn ticking(app: &App) -> bool {
    app.workbook
        .as_ref()
        .and_then(|wb| wb.run.as_ref())
        .is_some_and(|r| r.since.is_some())
}
