//! Starting a plan from one of the model's example scenarios.

use super::types::{Pick, Plan, SCHEMA_VERSION};
use crate::lang::Lang;
use crate::model::{Scenario, Text};

fn bullets(items: &[Text], lang: Lang) -> String {
    items
        .iter()
        .map(|t| format!("- {}", t.get(lang)))
        .collect::<Vec<_>>()
        .join("\n")
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
    let minutes: u32 = scenario.timeline.iter().map(|p| p.minutes).sum();
    let timeline = scenario
        .timeline
        .iter()
        .map(|p| format!("- {} min: {}", p.minutes, p.part.get(lang)))
        .collect::<Vec<_>>()
        .join("\n");
    plan.context.title = scenario.title.get(lang).to_string();
    plan.context.place = scenario.place.get(lang).to_string();
    plan.context.dates = match lang {
        Lang::Pl => format!("łącznie ok. {minutes} min"),
        Lang::En => format!("about {minutes} min in all"),
    };
    plan.context.idea = format!("{}\n\n{timeline}", scenario.idea.get(lang));
    let g = &scenario.group;
    plan.group.who = match lang {
        Lang::Pl => format!(
            "{} osób, {}–{} lat. {}",
            g.size,
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
        })
        .collect();
    plan.directions = scenario
        .directions
        .iter()
        .map(|d| Pick {
            id: d.id.clone(),
            note: d.why.get(lang).to_string(),
        })
        .collect();
    plan.methods = scenario
        .methods
        .iter()
        .map(|m| Pick {
            id: m.clone(),
            note: String::new(),
        })
        .collect();
    plan.roles = scenario
        .roles
        .iter()
        .map(|r| Pick {
            id: r.id.clone(),
            note: r.task.get(lang).to_string(),
        })
        .collect();
    plan.logistics.risks = bullets(&scenario.risks, lang);
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
