//! How plans come into being and change name: pure rules, the clock and id passed in.

use super::FieldId;
use super::types::{Origin, Plan, SCHEMA_VERSION};

/// A new empty plan.
pub fn new(id: String, now: String) -> Plan {
    Plan {
        version: SCHEMA_VERSION,
        id,
        created: now.clone(),
        updated: now,
        ..Plan::default()
    }
}

/// A copy of `plan` under a new id, made now, titled "<title> (<copy_word>)".
pub fn duplicate(plan: &Plan, id: String, now: String, copy_word: &str) -> Plan {
    let mut copy = plan.clone();
    copy.id = id;
    copy.version = SCHEMA_VERSION;
    copy.created = now.clone();
    copy.updated = now;
    copy.context.title = format!("{} ({copy_word})", plan.context.title);
    copy.origin = Some(Origin::Copy {
        id: plan.id.clone(),
        title: plan.context.title.clone(),
    });
    copy
}

/// `plan`, read from the file named `file`, as a plan of this data folder: under `id` (its own
/// when free), remembering the file, the date and any id it had to give up.
pub fn imported(plan: Plan, id: String, file: &str, now: String) -> Plan {
    let was = if plan.id == id {
        String::new()
    } else {
        plan.id.clone()
    };
    Plan {
        version: SCHEMA_VERSION,
        id,
        origin: Some(Origin::Import {
            file: file.to_string(),
            date: now,
            was,
        }),
        ..plan
    }
}

/// Whether `plan` holds nothing a user typed or chose: a plan made with `n` and left at once.
pub fn is_blank(plan: &Plan) -> bool {
    let empty = new(plan.id.clone(), plan.created.clone());
    Plan {
        version: empty.version,
        updated: empty.updated.clone(),
        ..plan.clone()
    } == empty
}

/// Adds to the plan's materials and risks what its chosen methods name and the plan does not
/// yet say (compared ignoring case and Polish letters), one `- ` line each. Returns how many
/// materials and risks were added.
pub fn fill_from_methods(
    plan: &mut Plan,
    model: &crate::model::Model,
    lang: crate::lang::Lang,
) -> (usize, usize) {
    let methods: Vec<_> = plan
        .methods
        .iter()
        .filter_map(|p| model.method(&p.id))
        .collect();
    let materials: Vec<String> = methods
        .iter()
        .flat_map(|m| m.materials.iter().map(|t| t.get(lang).to_string()))
        .collect();
    let risks: Vec<String> = methods
        .iter()
        .flat_map(|m| m.risks.iter().map(|t| t.get(lang).to_string()))
        .collect();
    (
        append_missing(&mut plan.logistics.materials, &materials),
        append_missing(&mut plan.logistics.risks, &risks),
    )
}

fn append_missing(field: &mut String, items: &[String]) -> usize {
    let mut added = 0;
    for item in items {
        let item = item.trim();
        if item.is_empty() || crate::text::fold(field).contains(&crate::text::fold(item)) {
            continue;
        }
        if !field.trim().is_empty() && !field.ends_with('\n') {
            field.push('\n');
        }
        field.push_str("- ");
        field.push_str(item);
        added += 1;
    }
    added
}

/// `plan` with the title `title` (trimmed), changed now.
pub fn renamed(plan: Plan, title: &str, now: String) -> Plan {
    let mut plan = plan;
    plan.context.title = title.trim().to_string();
    plan.updated = now;
    plan
}

/// The text field holding the most text, when a field holds more than all the notes (of picks,
/// the checklist and the agenda) together: what to shorten when a plan grows too large.
pub fn longest_field(plan: &Plan) -> Option<FieldId> {
    let (field, len) = crate::plan::STEPS
        .iter()
        .flat_map(|s| s.fields())
        .map(|f| (*f, f.get(plan).len()))
        .max_by_key(|(_, len)| *len)?;
    let notes: usize = [&plan.values, &plan.directions, &plan.methods, &plan.roles]
        .iter()
        .flat_map(|picks| picks.iter())
        .map(|p| p.note.len())
        .chain(plan.checklist.values().map(|c| c.note.len()))
        .chain(
            plan.sessions
                .iter()
                .flat_map(|s| &s.parts)
                .map(|p| p.what.len() + p.notes.iter().map(|n| n.text.len()).sum::<usize>()),
        )
        .sum();
    (len > notes).then_some(field)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_duplicate_is_a_new_current_plan_with_the_same_content() {
        let mut p = new("p1".into(), "2026-01-01T00:00:00Z".into());
        p.version = 1;
        p.context.title = "Mural".into();
        p.context.idea = "idea".into();
        let c = duplicate(&p, "p2".into(), "2026-02-02T00:00:00Z".into(), "kopia");
        assert_eq!(c.id, "p2");
        assert_eq!(c.context.title, "Mural (kopia)");
        assert_eq!(c.context.idea, "idea");
        assert_eq!(
            (c.created.as_str(), c.updated.as_str()),
            ("2026-02-02T00:00:00Z", "2026-02-02T00:00:00Z")
        );
        assert_eq!(c.version, SCHEMA_VERSION);
        assert_eq!(
            c.origin,
            Some(Origin::Copy {
                id: "p1".into(),
                title: "Mural".into()
            })
        );
    }

    #[test]
    fn an_import_remembers_the_file_and_the_id_it_gave_up() {
        let p = new("p1".into(), "2026-01-01T00:00:00Z".into());
        let same = imported(
            p.clone(),
            "p1".into(),
            "p1.ron",
            "2026-05-05T00:00:00Z".into(),
        );
        assert_eq!(
            same.origin,
            Some(Origin::Import {
                file: "p1.ron".into(),
                date: "2026-05-05T00:00:00Z".into(),
                was: String::new()
            })
        );
        let moved = imported(p, "p9".into(), "p1.ron", "2026-05-05T00:00:00Z".into());
        assert_eq!(moved.id, "p9");
        assert!(matches!(moved.origin, Some(Origin::Import { was, .. }) if was == "p1"));
    }

    #[test]
    fn renaming_trims_and_stamps() {
        let p = new("p1".into(), "2026-01-01T00:00:00Z".into());
        let r = renamed(p, "  Spacer  ", "2026-03-03T00:00:00Z".into());
        assert_eq!(r.context.title, "Spacer");
        assert_eq!(r.updated, "2026-03-03T00:00:00Z");
        assert_eq!(r.created, "2026-01-01T00:00:00Z");
    }
}
