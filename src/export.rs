//! A plan as a Markdown document: to print, send to a partner, or paste into a report.

use std::fmt::Write;

use crate::describe::{gap_text, item_name, method_facts};
use crate::i18n::{Msg, field_label, step_name, tr};
use crate::lang::Lang;
use crate::model::Model;
use crate::plan::{
    CheckState, FieldId, PickKind, Plan, STEPS, Step, gaps, phase_progress, progress, state,
};

/// The whole plan in `lang`, with the model's names for what it picked and the gaps at the end.
pub fn markdown(plan: &Plan, model: &Model, lang: Lang) -> String {
    let mut out = String::new();
    let title = plan.context.title.trim();
    let title = if title.is_empty() {
        tr(lang, Msg::Untitled)
    } else {
        title
    };
    let _ = writeln!(out, "# {}\n", one_line(title));
    let _ = writeln!(
        out,
        "_{}: {}% · {}: {}_\n",
        tr(lang, Msg::Progress),
        progress(plan, model).percent(),
        tr(lang, Msg::LastChange),
        crate::clock::short(&plan.updated)
    );
    for step in STEPS {
        if step == Step::Review {
            continue;
        }
        let _ = writeln!(out, "## {}\n", step_name(lang, step));
        if let Some(kind) = step.picks() {
            picks(&mut out, plan, model, lang, kind);
        }
        for f in step.fields() {
            field(&mut out, plan, lang, *f);
        }
        if step == Step::Checklist {
            checklist(&mut out, plan, model, lang);
        }
        if step == Step::Agenda {
            agenda(&mut out, plan, model, lang);
        }
    }
    let missing = gaps(plan, model);
    let _ = writeln!(out, "## {}\n", tr(lang, Msg::GapsTitle));
    if missing.is_empty() {
        let _ = writeln!(out, "{}\n", tr(lang, Msg::NoGaps));
    }
    for g in &missing {
        let _ = writeln!(
            out,
            "- {} · {}",
            step_name(lang, g.step()),
            gap_text(model, lang, g)
        );
    }
    if !missing.is_empty() {
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// User text on one line (titles, list items): newlines would break the Markdown structure.
/// The agenda as one table per session (start, minutes, what, lead, and actual minutes once
/// run), then the notes captured while running it.
fn agenda(out: &mut String, plan: &Plan, model: &Model, lang: Lang) {
    if plan.sessions.iter().all(|s| s.parts.is_empty()) {
        let _ = writeln!(out, "{}\n", tr(lang, Msg::AgendaEmpty));
        return;
    }
    let cell = |t: &str| one_line(t).replace('|', "\\|");
    for session in &plan.sessions {
        let total = crate::plan::session_minutes(session);
        let _ = writeln!(
            out,
            "### {} · {}\n",
            cell(&session.label),
            crate::plan::hours(total)
        );
        let run = session.parts.iter().any(|p| p.actual_minutes.is_some());
        let _ = write!(
            out,
            "| {} | min | {} | {} |",
            tr(lang, Msg::ExportStart),
            tr(lang, Msg::ExportWhat),
            tr(lang, Msg::ExportLead)
        );
        if run {
            let _ = write!(out, " {} |", tr(lang, Msg::Actual));
        }
        out.push_str(if run {
            "\n|---|--:|---|---|--:|\n"
        } else {
            "\n|---|--:|---|---|\n"
        });
        for (part, offset) in session.parts.iter().zip(crate::plan::offsets(session)) {
            let lead = model
                .role(&part.lead)
                .map_or_else(|| part.lead.clone(), |r| r.name.get(lang).to_string());
            let _ = write!(
                out,
                "| {} | {} | {} | {} |",
                crate::plan::clock_at(session, offset),
                part.minutes,
                cell(&part.what),
                cell(&lead)
            );
            if run {
                let actual = part.actual_minutes.map_or(String::new(), |m| m.to_string());
                let _ = write!(out, " {actual} |");
            }
            out.push('\n');
        }
        out.push('\n');
        let notes: Vec<_> = session
            .parts
            .iter()
            .flat_map(|p| p.notes.iter().map(move |n| (p, n)))
            .collect();
        if !notes.is_empty() {
            let _ = writeln!(out, "{}:\n", tr(lang, Msg::ExportNotes));
            for (part, note) in notes {
                let at: String = crate::clock::short(&note.at).chars().skip(11).collect();
                let _ = writeln!(
                    out,
                    "- {at} UTC ({}): {}",
                    one_line(&part.what),
                    one_line(&note.text)
                );
            }
            out.push('\n');
        }
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// User text as a block: kept line by line, indented under a list item when `indent`.
fn block(text: &str, indent: &str) -> String {
    text.trim()
        .lines()
        .map(|l| format!("{indent}{}", l.trim_end()))
        .collect::<Vec<_>>()
        .join("\n")
}

fn field(out: &mut String, plan: &Plan, lang: Lang, f: FieldId) {
    let value = f.get(plan).trim();
    let shown = if value.is_empty() {
        format!("_{}_", tr(lang, Msg::Empty))
    } else {
        block(value, "")
    };
    let _ = writeln!(out, "**{}**\n\n{shown}\n", field_label(lang, f));
}

fn picks(out: &mut String, plan: &Plan, model: &Model, lang: Lang, kind: PickKind) {
    let list = kind.picks(plan);
    if list.is_empty() {
        let _ = writeln!(out, "_{}_\n", tr(lang, Msg::Empty));
        return;
    }
    for p in list {
        let name = item_name(model, kind, &p.id, lang).map_or_else(
            || format!("{} {}", tr(lang, Msg::UnknownItem), p.id),
            |n| n.0,
        );
        let extra = match model.method(&p.id).filter(|_| kind == PickKind::Methods) {
            Some(m) => format!(" ({})", method_facts(m, lang)),
            None => String::new(),
        };
        let _ = writeln!(out, "- **{name}**{extra}");
        if !p.note.trim().is_empty() {
            let _ = writeln!(out, "{}", block(&p.note, "  "));
        }
    }
    out.push('\n');
}

fn checklist(out: &mut String, plan: &Plan, model: &Model, lang: Lang) {
    for (i, phase) in model.phases.iter().enumerate() {
        let prog = phase_progress(plan, model, i);
        let _ = writeln!(
            out,
            "### {} ({}/{})\n",
            phase.name.get(lang),
            prog.done,
            prog.total
        );
        for item in &phase.items {
            let mark = match state(plan, &item.id) {
                CheckState::Todo => "[ ]",
                CheckState::Done => "[x]",
                CheckState::NotApplicable => "[–]",
            };
            let _ = writeln!(out, "- {mark} {}", item.text.get(lang));
            if let Some(c) = plan
                .checklist
                .get(&item.id)
                .filter(|c| !c.note.trim().is_empty())
            {
                let _ = writeln!(out, "{}", block(&c.note, "  "));
            }
        }
        out.push('\n');
    }
    // Entries for items the model no longer has stay in the plan: show them, as the app does.
    let unknown: Vec<_> = plan
        .checklist
        .iter()
        .filter(|(id, _)| model.checklist_item(id).is_none())
        .collect();
    if !unknown.is_empty() {
        for (id, c) in unknown {
            let mark = match c.state {
                CheckState::Todo => "[ ]",
                CheckState::Done => "[x]",
                CheckState::NotApplicable => "[–]",
            };
            let _ = writeln!(out, "- {mark} {} {id}", tr(lang, Msg::UnknownItem));
            if !c.note.trim().is_empty() {
                let _ = writeln!(out, "{}", block(&c.note, "  "));
            }
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_cannot_break_the_structure() {
        let model = crate::model::load_from(None).expect("model");
        let mut plan = Plan {
            version: 1,
            id: "p1".into(),
            ..Plan::default()
        };
        plan.context.title = "Tytuł\n## nie nagłówek".into();
        let md = markdown(&plan, &model, Lang::Pl);
        assert!(md.starts_with("# Tytuł ## nie nagłówek\n"), "{md}");
        assert_eq!(md.lines().filter(|l| l.starts_with("# ")).count(), 1);
    }
}
