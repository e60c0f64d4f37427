//! Starting a plan from one of the model's example scenarios.

use super::agenda::part_id;
use super::types::{Part, Pick, Plan, SCHEMA_VERSION, Session};
use crate::lang::Lang;
use crate::model::{Scenario, Text};

fn bullets(items: &[Text], lang: Lang) -> String {
    items
        .iter()
        .map(|t| format!("- {}", t.get(lang)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The scenario's meetings as the plan's sessions: labels, planned lengths, and parts with
/// their methods and leads. A meeting that repeats is one session whose label says how often.
fn sessions(scenario: &Scenario, lang: Lang) -> Vec<Session> {
    let mut n = 0;
    scenario
        .sessions
        .iter()
        .map(|s| {
            let label = s.label.get(lang).to_string();
            let label = if s.repeats > 1 {
                format!("{label} (×{})", s.repeats)
            } else {
                label
            };
            let parts = s
                .parts
                .iter()
                .map(|p| {
                    n += 1;
                    let what = p.what.get(lang).to_string();
                    Part {
                        id: part_id(n),
                        minutes: p.minutes * p.repeats,
                        what: if p.repeats > 1 {
                            format!("{what} ({} × {} min)", p.repeats, p.minutes)
                        } else {
                            what
                        },
                        method: p.method.clone(),
                        lead: p.lead.clone(),
                        ..Part::default()
                    }
                })
                .collect();
            Session {
                label,
                start: String::new(),
                minutes: s.minutes(),
                parts,
            }
        })
        .collect()
}

/// A new plan filled in from `scenario` in `lang`, ready to adapt. The scenario's values,
/// directions, methods and roles become picks with their notes.
pub fn from_scenario(scenario: &Scenario, lang: Lang, id: String, now: String) -> Plan {
    let mut plan = Plan {
        version: SCHEMA_VERSION,
        id,
        created: now.clone(),
        updated: now,
        scenario: scenario.id.clone(),
        ..Plan::default()
    };
    plan.context.title = scenario.title.get(lang).to_string();
    plan.context.place = scenario.place.get(lang).to_string();
    plan.context.idea = scenario.idea.get(lang).to_string();
    plan.sessions = sessions(scenario, lang);
    let g = &scenario.group;
    plan.group.who = match lang {
        Lang::Pl => format!(
            "{} {}, {}–{} lat. {}",
            g.size,
            crate::i18n::polish_plural(u64::from(g.size), "osoba", "osoby", "osób"),
            g.ages.min,
            g.ages.max,
            g.description.get(lang)
        ),
        Lang::En => format!(
            "{} people aged {}–{}. {}",
            g.size,
            g.ages.min,
            g.ages.max,
            g.description.get(lang)
        ),
    };
    plan.goals.group = bullets(&scenario.goals, lang);
    plan.values = scenario
        .values
        .iter()
        .map(|v| Pick {
            id: v.id.clone(),
            note: v.how.get(lang).to_string(),
            ..Pick::default()
        })
        .collect();
    plan.directions = scenario
        .directions
        .iter()
        .map(|d| Pick {
            id: d.id.clone(),
            note: d.why.get(lang).to_string(),
            ..Pick::default()
        })
        .collect();
    plan.methods = scenario
        .methods
        .iter()
        .map(|m| Pick {
            id: m.clone(),
            note: String::new(),
            ..Pick::default()
        })
        .collect();
    plan.roles = scenario
        .roles
        .iter()
        .map(|r| Pick {
            id: r.id.clone(),
            note: r.task.get(lang).to_string(),
            ..Pick::default()
        })
        .collect();
    plan.logistics.materials = bullets(&scenario.materials, lang);
    plan.logistics.budget = scenario.budget.get(lang).to_string();
    plan.logistics.accessibility = scenario.accessibility.get(lang).to_string();
    // The plan has no field of its own for plan B; it is what is done when a risk comes true.
    plan.logistics.risks = format!(
        "{}\n- {}: {}",
        bullets(&scenario.risks, lang),
        crate::i18n::tr(lang, crate::i18n::Msg::PlanB),
        scenario.plan_b.get(lang)
    );
    plan.evaluation.indicators = bullets(&scenario.evaluation, lang);
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Gap, PickKind, gaps};

    #[test]
    fn every_scenario_seeds_a_plan_with_known_picks_and_notes() {
        let model = crate::model::load_from(None).expect("embedded model");
        for s in &model.scenarios {
            for lang in [Lang::Pl, Lang::En] {
                let plan = from_scenario(s, lang, "p1".into(), "2026-01-01T00:00:00Z".into());
                assert_eq!(plan.scenario, s.id);
                assert_eq!(plan.context.title, s.title.get(lang));
                assert_eq!(plan.values.len(), s.values.len());
                assert_eq!(plan.logistics.budget, s.budget.get(lang));
                assert_eq!(plan.logistics.accessibility, s.accessibility.get(lang));
                assert!(plan.logistics.risks.ends_with(s.plan_b.get(lang)));
                assert_eq!(plan.logistics.materials.lines().count(), s.materials.len());
                let g = gaps(&plan, &model);
                assert!(
                    !g.iter().any(|x| matches!(x, Gap::Unknown(..))),
                    "{}: {g:?}",
                    s.id
                );
                assert!(!g.contains(&Gap::NoPicks(PickKind::Values)));
                assert!(
                    !g.iter()
                        .any(|x| matches!(x, Gap::NoNote(PickKind::Values, _)))
                );
            }
        }
    }
}
