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
