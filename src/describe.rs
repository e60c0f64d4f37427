//! Plan and model things in words, in the user's language: shared by the screens and exports.

use crate::i18n::{Msg, field_label, tr};
use crate::lang::Lang;
use crate::model::{Method, Model};
use crate::plan::{Gap, PickKind};

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

/// A method's group size, ages and length on one line.
pub fn method_facts(m: &Method, lang: Lang) -> String {
    format!(
        "{}: {}–{} · {} {}–{} · {} {}",
        tr(lang, Msg::GroupSize),
        m.group_size.min,
        m.group_size.max,
        tr(lang, Msg::Ages),
        m.age_range.min,
        m.age_range.max,
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
        Gap::NoNote(kind, id) => format!("{} „{}”", tr(lang, Msg::GapNoNote), name(*kind, id)),
        Gap::Unknown(_, id) => format!("{} {id}", tr(lang, Msg::GapUnknown)),
        Gap::ChecklistTodo(phase, n) => format!(
            "{}: {n} {}",
            model.phases.get(*phase).map_or("", |p| p.name.get(lang)),
            tr(lang, Msg::GapTodo)
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
        Gap::NoReason(id) => format!(
            "{}: {}",
            tr(lang, Msg::GapNoReason),
            model
                .checklist_item(id)
                .map_or(id.as_str(), |(_, i)| i.text.get(lang))
        ),
    }
}
