//! The review's summary: how many values and directions are chosen and justified, and a bar
//! per checklist phase.

use ratatui::text::{Line, Span};

use crate::describe::item_name;
use crate::i18n::{Msg, tr};
use crate::plan::{self, PickKind};
use crate::state::{App, Workbook};
use crate::ui::widgets::bar;
use crate::ui::widgets::wrap::{pad, truncate, wrap};

/// Coverage of values and directions and checklist bars: the review's summary.
pub(crate) fn summary(app: &App, wb: &Workbook, width: usize) -> Vec<Line<'static>> {
    let lang = app.lang;
    let mut lines = vec![Line::from(Span::styled(
        tr(lang, Msg::Coverage),
        app.theme.title,
    ))];
    for (kind, label, total) in [
        (PickKind::Values, Msg::ValuesChosen, app.model.values.len()),
        (
            PickKind::Directions,
            Msg::DirectionsChosen,
            app.model.directions.len(),
        ),
    ] {
        let picks = kind.picks(&wb.plan);
        let justified = picks.iter().filter(|p| !p.note.trim().is_empty()).count();
        let complete = justified == picks.len() && !picks.is_empty();
        lines.push(Line::from(vec![
            Span::styled(pad(tr(lang, label), 20), app.theme.label),
            Span::raw(format!(
                "{}/{total} {}  ",
                picks.len(),
                tr(lang, Msg::Chosen)
            )),
            Span::styled(
                format!("{justified} {}", tr(lang, Msg::Justified)),
                if complete {
                    app.theme.ok
                } else {
                    app.theme.warn
                },
            ),
        ]));
        let names: Vec<String> = picks
            .iter()
            .map(|p| item_name(&app.model, kind, &p.id, lang).map_or_else(|| p.id.clone(), |n| n.0))
            .collect();
        if !names.is_empty() {
            for l in wrap(&names.join(", "), width.saturating_sub(2)) {
                lines.push(Line::from(Span::styled(format!("  {l}"), app.theme.dim)));
            }
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        tr(lang, Msg::ChecklistProgress),
        app.theme.title,
    )));
    let bar_w = width.saturating_sub(26).clamp(5, 30);
    for (i, phase) in app.model.phases.iter().enumerate() {
        let prog = plan::phase_progress(&wb.plan, &app.model, i);
        let style = if prog.done == prog.total {
            app.theme.ok
        } else {
            app.theme.warn
        };
        lines.push(Line::from(vec![
            Span::raw(pad(&truncate(phase.name.get(lang), 19), 20)),
            Span::styled(bar(prog.done, prog.total, bar_w), style),
            Span::raw(format!(" {:>3}%", prog.percent())),
        ]));
    }
    lines
}
