//! Slides for showing the model to a room: one value, direction, method or role per slide, or
//! an example scenario or a plan meeting by meeting. Pure: built from the model at draw time,
//! so switching the language re-words the slide on screen.

use crate::i18n::{Msg, practical, tr};
use crate::lang::Lang;
use crate::model::{Model, Text};
use crate::plan::Plan;

/// What is being presented.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Deck {
    /// Every value.
    Values,
    /// Every direction of work.
    Directions,
    /// Every method.
    Methods,
    /// Every role.
    Roles,
    /// Every piece of advice from practice.
    Advice,
    /// An example scenario, by id: its idea, then each meeting.
    Scenario(String),
    /// A plan: its idea, then each meeting with parts.
    Plan(Box<Plan>),
}

/// One slide's words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Slide {
    /// What kind of thing it shows ("Wartość", "Spotkanie").
    pub kind: String,
    /// The big line.
    pub title: String,
    /// One line under the title.
    pub lead: String,
    /// Paragraphs and list lines.
    pub body: Vec<String>,
    /// Questions for the room, revealed one at a time.
    pub questions: Vec<String>,
}

fn texts(items: &[Text], lang: Lang) -> Vec<String> {
    items.iter().map(|t| format!("• {}", t.get(lang))).collect()
}

fn plain(items: &[Text], lang: Lang) -> Vec<String> {
    items.iter().map(|t| t.get(lang).to_string()).collect()
}

/// The slides of `deck` in `lang`.
pub fn slides(deck: &Deck, model: &Model, lang: Lang) -> Vec<Slide> {
    let pick = |pl: &str, en: &str| match lang {
        Lang::Pl => pl.to_string(),
        Lang::En => en.to_string(),
    };
    match deck {
        Deck::Values => model
            .values
            .iter()
            .map(|v| Slide {
                kind: pick("Wartość", "Value"),
                title: v.name.get(lang).into(),
                lead: v.summary.get(lang).into(),
                body: vec![v.description.get(lang).into()],
                questions: plain(&v.questions, lang),
            })
            .collect(),
        Deck::Directions => model
            .directions
            .iter()
            .map(|d| {
                let values: Vec<&str> = d
                    .values
                    .iter()
                    .filter_map(|id| model.value(id))
                    .map(|v| v.name.get(lang))
                    .collect();
                let mut body = vec![d.description.get(lang).to_string()];
                if !values.is_empty() {
                    body.push(format!(
                        "{}: {}",
                        tr(lang, Msg::ServesValues),
                        values.join(", ")
                    ));
                }
                Slide {
                    kind: pick("Kierunek pracy", "Direction of work"),
                    title: d.name.get(lang).into(),
                    lead: d.summary.get(lang).into(),
                    body,
                    questions: plain(&d.questions, lang),
                }
            })
            .collect(),
        Deck::Methods => model
            .methods
            .iter()
            .map(|m| {
                let mut body = vec![
                    crate::describe::method_facts(m, lang),
                    practical::staffing_and_space(lang, m.min_adults, m.space),
                ];
                body.extend(m.steps.iter().map(|s| {
                    if s.minutes > 0 {
                        format!("• {} min · {}", s.minutes, s.get(lang))
                    } else {
                        format!("• {}", s.get(lang))
                    }
                }));
                Slide {
                    kind: pick("Metoda", "Method"),
                    title: m.name.get(lang).into(),
                    lead: m.summary.get(lang).into(),
                    body,
                    questions: plain(&m.debriefing, lang),
                }
            })
            .collect(),
        Deck::Roles => model
            .roles
            .iter()
            .map(|r| {
                let mut body = vec![r.who.get(lang).to_string()];
                body.extend(texts(&r.tasks, lang));
                body.push(practical::vetting_label(lang, r.vetting).to_string());
                body.push(practical::support_team_label(lang, r.support_team).to_string());
                Slide {
                    kind: pick("Rola", "Role"),
                    title: r.name.get(lang).into(),
                    lead: r.summary.get(lang).into(),
                    body,
                    questions: Vec::new(),
                }
            })
            .collect(),
        Deck::Advice => model
            .advice
            .iter()
            .map(|a| Slide {
                kind: pick("Rada z praktyki", "Advice from practice"),
                title: a.title.get(lang).into(),
                lead: crate::i18n::browse::audience(lang, a.audience).into(),
                body: vec![a.text.get(lang).into()],
                questions: Vec::new(),
            })
            .collect(),
        Deck::Scenario(id) => {
            let Some(s) = model.scenario(id) else {
                return Vec::new();
            };
            let plan = crate::plan::from_scenario(s, lang, s.id.clone(), String::new());
            let mut out = vec![Slide {
                kind: pick("Przykładowy scenariusz", "Example scenario"),
                title: s.title.get(lang).into(),
                lead: s.summary.get(lang).into(),
                body: vec![s.place.get(lang).into(), s.idea.get(lang).into()],
                questions: Vec::new(),
            }];
            out.extend(meetings(&plan, model, lang));
            out
        }
        Deck::Plan(plan) => {
            let mut out = vec![Slide {
                kind: pick("Plan działania", "Activity plan"),
                title: crate::i18n::untitled_or(lang, &plan.context.title),
                lead: [plan.context.place.trim(), plan.context.dates.trim()]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" · "),
                body: [plan.context.idea.trim(), plan.goals.group.trim()]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .map(|s| s.to_string())
                    .collect(),
                questions: Vec::new(),
            }];
            out.extend(meetings(plan, model, lang));
            out
        }
    }
}

/// One slide per meeting with parts: start, minutes, what, who leads.
fn meetings(plan: &Plan, model: &Model, lang: Lang) -> Vec<Slide> {
    plan.sessions
        .iter()
        .filter(|s| !s.parts.is_empty())
        .map(|session| {
            let body = session
                .parts
                .iter()
                .zip(crate::plan::offsets(session))
                .map(|(p, at)| {
                    let lead = model
                        .role(&p.lead)
                        .map_or_else(|| p.lead.clone(), |r| r.name.get(lang).to_string());
                    let lead = if lead.trim().is_empty() {
                        String::new()
                    } else {
                        format!(" ({lead})")
                    };
                    format!(
                        "{}  {:>3} min  {}{lead}",
                        crate::plan::clock_at(session, at),
                        p.minutes,
                        p.what.trim()
                    )
                })
                .collect();
            Slide {
                kind: tr(lang, Msg::Session).to_string(),
                title: session.label.trim().to_string(),
                lead: crate::plan::hours(crate::plan::session_minutes(session)),
                body,
                questions: Vec::new(),
            }
        })
        .collect()
}

/// The deck a command line names: `values`, `directions`, `methods`, `roles`, `scenario ID`;
/// `plan ID` is resolved by the caller, which has the data folder. `Err` lists what is valid.
pub fn deck_named(section: &str, id: Option<&str>, model: &Model) -> Result<Deck, String> {
    let scenarios = || {
        model
            .scenarios
            .iter()
            .map(|s| s.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (section, id) {
        ("values", None) => Ok(Deck::Values),
        ("directions", None) => Ok(Deck::Directions),
        ("methods", None) => Ok(Deck::Methods),
        ("roles", None) => Ok(Deck::Roles),
        ("advice", None) => Ok(Deck::Advice),
        ("scenario", Some(id)) if model.scenario(id).is_some() => Ok(Deck::Scenario(id.into())),
        ("scenario", Some(id)) => Err(format!(
            "no example scenario '{id}'; choose one of: {}",
            scenarios()
        )),
        ("scenario", None) => Err(format!(
            "`present scenario` needs a scenario id; choose one of: {}",
            scenarios()
        )),
        _ => Err(format!(
            "unknown section '{section}'; choose one of: values, directions, methods, roles, \
             advice, scenario ID ({}), plan ID",
            scenarios()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_deck_has_a_slide_per_item() {
        let m = crate::model::load_from(None).expect("model");
        assert_eq!(slides(&Deck::Values, &m, Lang::Pl).len(), m.values.len());
        assert_eq!(slides(&Deck::Methods, &m, Lang::En).len(), m.methods.len());
        assert_eq!(slides(&Deck::Advice, &m, Lang::Pl).len(), m.advice.len());
        assert_eq!(deck_named("advice", None, &m), Ok(Deck::Advice));
        let s = &m.scenarios[0];
        let deck = slides(&Deck::Scenario(s.id.clone()), &m, Lang::Pl);
        assert_eq!(deck.len(), 1 + s.sessions.len());
        assert!(deck_named("valuez", None, &m).is_err());
        // A room sees who needs vetting and how many adults a method takes.
        let roles = slides(&Deck::Roles, &m, Lang::En);
        assert!(
            roles[0]
                .body
                .iter()
                .any(|l| l.starts_with("Vetting before"))
        );
        let methods = slides(&Deck::Methods, &m, Lang::Pl);
        assert!(
            methods[0]
                .body
                .iter()
                .any(|l| l.starts_with("Obsada: co najmniej"))
        );
        assert!(
            deck_named("scenario", Some("nope"), &m)
                .unwrap_err()
                .contains(&s.id)
        );
    }
}
