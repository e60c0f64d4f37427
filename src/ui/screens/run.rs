//! The facilitation view: the current part large, a countdown with a gauge, what comes next
//! and the time left in the meeting. Drawn from `app.now`, so the same state always gives the
//! same screen.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::i18n::{Msg, tr};
use crate::plan::Part;
use crate::state::{App, EditTarget, Run, Workbook};
use crate::ui::widgets::editor;

const MINUTE: u64 = 60_000;

/// `MM:SS` for a number of milliseconds (minutes may pass 99).
pub fn mm_ss(ms: u64) -> String {
    let secs = ms / 1000;
    format!("{:02}:{:02}", secs / 60, secs % 60)
}

/// The current part's length with the `+`/`-` minutes, in milliseconds.
fn planned(part: &Part, run: &Run) -> u64 {
    let minutes = i64::from(part.minutes) + i64::from(run.extra);
    u64::try_from(minutes.max(0)).unwrap_or(0) * MINUTE
}

pub(crate) fn render(app: &App, wb: &Workbook, run: &Run, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let t = &app.theme;
    let Some(session) = wb.plan.sessions.get(run.session) else {
        return;
    };
    let Some(part) = session.parts.get(run.part) else {
        return;
    };
    let spent = run.spent(app.now);
    let length = planned(part, run);
    let over = spent > length;
    let state = match (run.since, spent) {
        (Some(_), _) => Msg::RunRunning,
        (None, 0) => Msg::RunNotStarted,
        (None, _) => Msg::RunPaused,
    };
    let block = t.titled(
        format!(
            " {} · {} · {} {}/{} · {} ",
            tr(lang, Msg::RunTitle),
            session.label,
            tr(lang, Msg::Part),
            run.part + 1,
            session.parts.len(),
            tr(lang, state)
        ),
        true,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let capture = wb
        .editor
        .as_ref()
        .filter(|e| e.target == EditTarget::RunNote);
    let [what_area, clock_area, gauge_area, next_area, capture_area] = Layout::vertical([
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Length(if capture.is_some() { 4 } else { 0 }),
    ])
    .areas(inner);

    let mut lines = vec![Line::from(Span::styled(
        part.what.clone(),
        t.title.add_modifier(Modifier::BOLD),
    ))];
    if !part.lead.trim().is_empty() {
        let lead = app
            .model
            .role(&part.lead)
            .map_or_else(|| part.lead.clone(), |r| r.name.get(lang).to_string());
        lines.push(Line::from(Span::styled(format!("→ {lead}"), t.label)));
    }
    if let Some(m) = app.model.method(&part.method) {
        lines.push(Line::raw(""));
        lines.push(Line::from(Span::styled(
            format!("{}: {}", tr(lang, Msg::RunSteps), m.name.get(lang)),
            t.label,
        )));
        for st in &m.steps {
            lines.push(Line::raw(format!(
                "• {} min · {}",
                st.minutes,
                st.get(lang)
            )));
        }
        if !m.debriefing.is_empty() {
            lines.push(Line::from(Span::styled(tr(lang, Msg::RunDebrief), t.label)));
            for q in &m.debriefing {
                lines.push(Line::raw(format!("? {}", q.get(lang))));
            }
        }
    }
    if !part.notes.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::from(Span::styled(tr(lang, Msg::RunNotes), t.label)));
        for n in &part.notes {
            let at: String = crate::clock::short(&n.at).chars().skip(11).collect();
            lines.push(Line::raw(format!("✎ {at} UTC  {}", n.text)));
        }
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), what_area);

    // The countdown; past the planned time it counts up with a sign and a word, not only red.
    let (clock, style) = if over {
        (
            format!(
                "⚠ +{} {}",
                mm_ss(spent - length),
                tr(lang, Msg::RunOvertime)
            ),
            t.error,
        )
    } else {
        (mm_ss(length - spent), t.title)
    };
    let session_left: u64 = session.parts[run.part..]
        .iter()
        .map(|p| u64::from(p.minutes) * MINUTE)
        .sum::<u64>()
        .saturating_sub(spent.min(length));
    let clock_line = Line::from(vec![
        Span::styled(clock, style.add_modifier(Modifier::BOLD)),
        Span::styled(
            format!(
                "   {} / {} min · {} {}",
                mm_ss(spent),
                length / MINUTE,
                mm_ss(session_left),
                tr(lang, Msg::RunSessionLeft)
            ),
            t.dim,
        ),
    ]);
    frame.render_widget(Paragraph::new(clock_line), clock_area);
    // A text bar, like the review's: it reads the same without colour.
    let cells = usize::from(gauge_area.width);
    let filled = if length == 0 { 1 } else { spent.min(length) };
    let gauge = Span::styled(
        crate::ui::widgets::bar(
            usize::try_from(filled).unwrap_or(usize::MAX),
            usize::try_from(length.max(1)).unwrap_or(usize::MAX),
            cells,
        ),
        if over { t.error } else { t.ok },
    );
    frame.render_widget(Paragraph::new(gauge), gauge_area);

    let next = match session.parts.get(run.part + 1) {
        Some(n) => Line::from(vec![
            Span::styled(format!("{}: ", tr(lang, Msg::RunNext)), t.label),
            Span::raw(format!("{} min · {}", n.minutes, n.what)),
        ]),
        None => Line::from(Span::styled(tr(lang, Msg::RunLast), t.dim)),
    };
    frame.render_widget(Paragraph::new(next).wrap(Wrap { trim: true }), next_area);

    if let Some(ed) = capture {
        let [label, rest] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(capture_area);
        frame.render_widget(
            Paragraph::new(Span::styled(
                crate::i18n::trk(lang, Msg::RunNotePrompt),
                t.label,
            )),
            label,
        );
        editor::render(t, ed, frame, rest);
    }
}
