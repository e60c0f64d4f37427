//! Plan and model things in words, in the user's language: shared by the screens and exports.

use crate::i18n::{Msg, field_label, tr};
use crate::lang::Lang;
use crate::model::{Method, Model};
use crate::plan::diff::Item;
use crate::plan::{CheckState, Gap, PickKind, Plan};

/// A model item's name and one-line summary, when the model has it.
pub fn item_name(model: &Model, kind: PickKind, id: &str, lang: Lang) -> Option<(String, String)> {
    let (name, summary) = match kind {
        PickKind::Values => model.value(id).map(|v| (&v.name, &v.summary))?,
        PickKind::Directions => model.direction(id).map(|v| (&v.name, &v.summary))?,
        PickKind::Methods => model.method(id).map(|v| (&v.name, &v.summary))?,
        PickKind::Roles => model.role(id).map(|v| (&v.name, &v.summary))?,
    };
    Some((name.get(lang).to_string(), summary.get(lang).to_string()))
}

/// A method's group size, ages (when it has them) and length on one line.
pub fn method_facts(m: &Method, lang: Lang) -> String {
    let ages = m.age_range.map_or_else(String::new, |a| {
        format!(" · {} {}–{}", tr(lang, Msg::Ages), a.min, a.max)
    });
    format!(
        "{}: {}–{}{ages} · {} {}",
        tr(lang, Msg::GroupSize),
        m.group_size.min,
        m.group_size.max,
        m.duration_minutes,
        tr(lang, Msg::Minutes)
    )
}

/// One gap in words.
pub fn gap_text(model: &Model, lang: Lang, gap: &Gap) -> String {
    let name =
        |kind, id: &str| item_name(model, kind, id, lang).map_or_else(|| id.to_string(), |n| n.0);
    match gap {
        Gap::EmptyField(f) => format!("{}: {}", field_label(lang, *f), tr(lang, Msg::GapEmpty)),
        Gap::NoPicks(kind) => tr(
            lang,
            match kind {
                PickKind::Values => Msg::GapNoValues,
                PickKind::Directions => Msg::GapNoDirections,
                PickKind::Methods => Msg::GapNoMethods,
                PickKind::Roles => Msg::GapNoRoles,
            },
        )
        .to_string(),
        Gap::NoNote(kind, id) => format!(
            "{} {}",
            tr(lang, Msg::GapNoNote),
            crate::i18n::quoted(lang, &name(*kind, id))
        ),
        Gap::Unknown(_, id) => format!("{} {id}", tr(lang, Msg::GapUnknown)),
        Gap::ChecklistTodo(phase, n) => format!(
            "{}: {}",
            model.phases.get(*phase).map_or("", |p| p.name.get(lang)),
            crate::i18n::items_to_do(lang, *n as u64)
        ),
        Gap::NoAgenda => tr(lang, Msg::GapNoAgenda).to_string(),
        Gap::PartNoMinutes(id) => format!(
            "{} {id}: {}",
            tr(lang, Msg::Part),
            tr(lang, Msg::GapNoMinutes)
        ),
        Gap::PartNoLead(id) => {
            format!("{} {id}: {}", tr(lang, Msg::Part), tr(lang, Msg::GapNoLead))
        }
        Gap::SessionTooLong(i, total, planned) => format!(
            "{} {}: {} ({} / {})",
            tr(lang, Msg::Session),
            i + 1,
            tr(lang, Msg::GapTooLong),
            crate::plan::hours(*total),
            crate::plan::hours(*planned)
        ),
        Gap::PartTooLong(id) => format!(
            "{} {id}: {}",
            tr(lang, Msg::Part),
            tr(lang, Msg::GapPartTooLong)
        ),
        Gap::BadStart(i) => format!(
            "{} {}: {}",
            tr(lang, Msg::Session),
            i + 1,
            tr(lang, Msg::GapBadStart)
        ),
        Gap::UnknownCheck(id) => format!("{} {id}", tr(lang, Msg::GapUnknown)),
        Gap::NoReason(id) => format!(
            "{}: {}",
            tr(lang, Msg::GapNoReason),
            model
                .checklist_item(id)
                .map_or(id.as_str(), |(_, i)| i.text.get(lang))
        ),
    }
}

/// One line saying what a differing item holds in `plan`, for the version comparison: the
/// count first, so a dropped pick or part shows even when the rest is cut off.
pub fn version_summary(model: &Model, plan: &Plan, item: Item, lang: Lang) -> String {
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    match item {
        Item::Field(f) => one_line(f.get(plan)),
        Item::Picks(k) => {
            let picks = k.picks(plan);
            let names: Vec<String> = picks
                .iter()
                .map(|p| {
                    let name = item_name(model, k, &p.id, lang).map_or(p.id.clone(), |(n, _)| n);
                    if p.note.trim().is_empty() {
                        name
                    } else {
                        format!("{name} ({})", one_line(&p.note))
                    }
                })
                .collect();
            format!("{}: {}", picks.len(), names.join(", "))
        }
        Item::Agenda => {
            let parts: Vec<&crate::plan::Part> =
                plan.sessions.iter().flat_map(|s| &s.parts).collect();
            let minutes: u32 = parts.iter().map(|p| p.minutes).sum();
            let whats: Vec<String> = parts.iter().map(|p| one_line(&p.what)).collect();
            format!(
                "{}: {}, {minutes} min: {}",
                tr(lang, Msg::CountParts),
                parts.len(),
                whats.join(", ")
            )
        }
        Item::Checklist => {
            let count =
                |state: CheckState| plan.checklist.values().filter(|c| c.state == state).count();
            let notes = plan
                .checklist
                .values()
                .filter(|c| !c.note.trim().is_empty())
                .count();
            // The facts travel with the checklist, so a difference in them shows here too.
            let answered = crate::plan::FACTS
                .iter()
                .filter(|f| f.answered(&plan.facts))
                .count();
            format!(
                "{}: {}, {}: {}, {}: {notes}, {}: {answered}/{}",
                tr(lang, Msg::StateDone),
                count(CheckState::Done),
                tr(lang, Msg::StateNa),
                count(CheckState::NotApplicable),
                tr(lang, Msg::CountNotes),
                crate::i18n::checklist::word(lang, crate::i18n::checklist::Word::FactsTitle),
                crate::plan::FACTS.len(),
            )
        }
    }
}
