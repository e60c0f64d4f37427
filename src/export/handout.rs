//! The handout: what a coordinator signs and a co-facilitator reads, built as blocks. Only
//! sections with content appear, unless the export is `--full`.

use super::doc::{Block, Item, Mark};
use crate::describe::{gap_text, method_facts};
use crate::i18n::handout::{W, origin_copy, origin_import, origin_scenario, word};
use crate::i18n::{Msg, field_label, practical, step_name, tr};
use crate::lang::Lang;
use crate::model::Model;
use crate::plan::{CheckState, FieldId, Origin, Pick, Plan, gaps, state};
use crate::text::fold;

/// The plan's title, or the word for an untitled plan.
pub fn title(plan: &Plan, lang: Lang) -> String {
    crate::i18n::untitled_or(lang, &plan.context.title)
}

/// Builds the handout's blocks.
pub struct Handout<'a> {
    plan: &'a Plan,
    model: &'a Model,
    lang: Lang,
    full: bool,
    blocks: Vec<Block>,
}

/// The handout of `plan` in `lang`; `full` adds empty fields, the run notes, the whole
/// checklist and the open gaps.
pub fn blocks(plan: &Plan, model: &Model, lang: Lang, full: bool) -> Vec<Block> {
    let mut h = Handout {
        plan,
        model,
        lang,
        full,
        blocks: Vec::new(),
    };
    h.title_block();
    h.section(
        W::IdeaAndGoals,
        &[
            FieldId::Idea,
            FieldId::Observed,
            FieldId::Strengths,
            FieldId::How,
            FieldId::GoalGroup,
            FieldId::GoalNeighbourhood,
            FieldId::Reach,
        ],
        |_| {},
    );
    h.values_and_directions();
    h.agenda();
    h.methods();
    h.section(W::Materials, &[FieldId::Budget], |h| {
        let items: Vec<Item> = materials(h.plan, h.model, h.lang)
            .into_iter()
            .map(Item::plain)
            .collect();
        if !items.is_empty() {
            h.blocks.push(Block::List(items));
        }
    });
    h.roles();
    h.section(
        W::ConsentAndSafety,
        &[FieldId::Consent, FieldId::Safeguarding, FieldId::Risks],
        |h| {
            let risks = method_risks(h.plan, h.model, h.lang);
            if !risks.is_empty() {
                h.blocks.push(Block::Field(
                    word(h.lang, W::MethodRisks).to_string(),
                    String::new(),
                ));
                h.blocks
                    .push(Block::List(risks.into_iter().map(Item::plain).collect()));
            }
        },
    );
    h.section(
        W::Accessibility,
        &[FieldId::GroupNeeds, FieldId::Accessibility],
        |_| {},
    );
    h.section(
        W::Evaluation,
        &[
            FieldId::Indicators,
            FieldId::Feedback,
            FieldId::Worked,
            FieldId::Change,
        ],
        |_| {},
    );
    h.sign_off();
    if full {
        h.appendix();
    }
    h.blocks
}

impl Handout<'_> {
    fn w(&self, w: W) -> String {
        word(self.lang, w).to_string()
    }

    fn title_block(&mut self) {
        let p = self.plan;
        self.blocks.push(Block::Title(title(p, self.lang)));
        let mut facts = Vec::new();
        for (label, value) in [
            (
                field_label(self.lang, FieldId::Area).to_string(),
                &p.context.area,
            ),
            (
                field_label(self.lang, FieldId::Place).to_string(),
                &p.context.place,
            ),
            (
                field_label(self.lang, FieldId::Dates).to_string(),
                &p.context.dates,
            ),
            (self.w(W::Group), &p.group.who),
            (self.w(W::PreparedBy), &p.context.prepared_by),
        ] {
            if self.full || !value.trim().is_empty() {
                facts.push((label, shown(self.lang, value)));
            }
        }
        if !facts.is_empty() {
            self.blocks.push(Block::Facts(facts));
        }
        for line in lineage(p, self.model, self.lang) {
            self.blocks.push(Block::Remark(line));
        }
    }

    /// A section of plain fields followed by whatever `extra` adds; left out when it would
    /// be empty (unless full).
    fn section(&mut self, heading: W, fields: &[FieldId], extra: impl FnOnce(&mut Self)) {
        let at = self.blocks.len();
        for f in fields {
            let value = f.get(self.plan).trim();
            if self.full || !value.is_empty() {
                self.blocks.push(Block::Field(
                    field_label(self.lang, *f).to_string(),
                    shown(self.lang, value),
                ));
            }
        }
        extra(self);
        if self.blocks.len() > at {
            self.blocks
                .insert(at, Block::Heading(2, word(self.lang, heading).to_string()));
        }
    }

    fn values_and_directions(&mut self) {
        let values = self.picks(&self.plan.values, |m, id, l| {
            m.value(id).map(|v| v.name.get(l).to_string())
        });
        let directions = self.picks(&self.plan.directions, |m, id, l| {
            m.direction(id).map(|v| v.name.get(l).to_string())
        });
        if values.is_empty() && directions.is_empty() && !self.full {
            return;
        }
        self.blocks
            .push(Block::Heading(2, self.w(W::ValuesAndDirections)));
        for (heading, items) in [(W::Values, values), (W::Directions, directions)] {
            if items.is_empty() && !self.full {
                continue;
            }
            self.blocks.push(Block::Heading(3, self.w(heading)));
            if items.is_empty() {
                self.blocks
                    .push(Block::Remark(tr(self.lang, Msg::Empty).into()));
            } else {
                self.blocks.push(Block::List(items));
            }
        }
    }

    /// Picks as list items: the model's name (or "unknown item <id>"), a role's contact, and
    /// the user's note.
    fn picks(
        &self,
        picks: &[Pick],
        name: impl Fn(&Model, &str, Lang) -> Option<String>,
    ) -> Vec<Item> {
        picks
            .iter()
            .map(|p| Item {
                strong: name(self.model, &p.id, self.lang)
                    .unwrap_or_else(|| format!("{} {}", tr(self.lang, Msg::UnknownItem), p.id)),
                rest: if p.contact.trim().is_empty() {
                    String::new()
                } else {
                    format!("· {}", p.contact.trim())
                },
                note: p.note.clone(),
            })
            .collect()
    }

    fn agenda(&mut self) {
        let sessions: Vec<_> = self
            .plan
            .sessions
            .iter()
            .filter(|s| !s.parts.is_empty())
            .collect();
        if sessions.is_empty() {
            if self.full {
                self.blocks.push(Block::Heading(2, self.w(W::Agenda)));
                self.blocks
                    .push(Block::Remark(crate::i18n::trk(self.lang, Msg::AgendaEmpty)));
            }
            return;
        }
        self.blocks.push(Block::Heading(2, self.w(W::Agenda)));
        for session in sessions {
            let total = crate::plan::session_minutes(session);
            let mut heading = format!("{} · {}", session.label.trim(), crate::plan::hours(total));
            if let Some((date, _)) = crate::plan::parse_start(&session.start) {
                heading = format!("{heading} · {date}");
            }
            self.blocks.push(Block::Heading(3, heading));
            let run = self.full && session.parts.iter().any(|p| p.actual_minutes.is_some());
            let mut head = vec![
                tr(self.lang, Msg::ExportStart).to_string(),
                "min".to_string(),
                tr(self.lang, Msg::ExportWhat).to_string(),
                tr(self.lang, Msg::ExportLead).to_string(),
            ];
            let mut numeric = vec![false, true, false, false];
            if run {
                head.push(self.w(W::Actual));
                numeric.push(true);
            }
            let rows = session
                .parts
                .iter()
                .zip(crate::plan::offsets(session))
                .map(|(part, offset)| {
                    let lead = self
                        .model
                        .role(&part.lead)
                        .map_or_else(|| part.lead.clone(), |r| r.name.get(self.lang).to_string());
                    let mut row = vec![
                        crate::plan::clock_at(session, offset),
                        part.minutes.to_string(),
                        part.what.clone(),
                        lead,
                    ];
                    if run {
                        row.push(part.actual_minutes.map_or(String::new(), |m| m.to_string()));
                    }
                    row
                })
                .collect();
            self.blocks.push(Block::Table {
                head,
                numeric,
                rows,
            });
            // Notes taken in the room can name young people: they stay out of a handout that
            // travels, and come only with `--full`.
            let notes: Vec<Item> = session
                .parts
                .iter()
                .flat_map(|p| p.notes.iter().map(move |n| (p, n)))
                .filter(|_| self.full)
                .map(|(part, note)| {
                    let at: String = crate::clock::short(&note.at).chars().skip(11).collect();
                    Item {
                        strong: format!("{at} UTC"),
                        rest: format!("({}) {}", part.what.trim(), note.text),
                        note: String::new(),
                    }
                })
                .collect();
            if !notes.is_empty() {
                self.blocks
                    .push(Block::Field(self.w(W::NotesFromRun), String::new()));
                self.blocks.push(Block::List(notes));
            }
        }
    }

    fn methods(&mut self) {
        if self.plan.methods.is_empty() {
            if self.full {
                self.blocks.push(Block::Heading(2, self.w(W::Methods)));
                self.blocks
                    .push(Block::Remark(tr(self.lang, Msg::Empty).into()));
            }
            return;
        }
        self.blocks.push(Block::Heading(2, self.w(W::Methods)));
        for pick in &self.plan.methods {
            let Some(m) = self.model.method(&pick.id) else {
                self.blocks.push(Block::Heading(
                    3,
                    format!("{} {}", tr(self.lang, Msg::UnknownItem), pick.id),
                ));
                if !pick.note.trim().is_empty() {
                    self.blocks.push(Block::Para(pick.note.clone()));
                }
                continue;
            };
            self.blocks
                .push(Block::Heading(3, m.name.get(self.lang).to_string()));
            self.blocks.push(Block::Remark(method_facts(m, self.lang)));
            self.blocks.push(Block::Remark(format!(
                "{}. {}",
                practical::staffing_and_space(self.lang, m.min_adults, m.space),
                m.space_note.get(self.lang)
            )));
            if !pick.note.trim().is_empty() {
                self.blocks.push(Block::Para(pick.note.clone()));
            }
            if !m.steps.is_empty() {
                self.blocks
                    .push(Block::Field(self.w(W::MethodSteps), String::new()));
                let steps = m
                    .steps
                    .iter()
                    .map(|s| Item {
                        strong: if s.minutes > 0 {
                            format!("{} min", s.minutes)
                        } else {
                            String::new()
                        },
                        rest: s.get(self.lang).to_string(),
                        note: String::new(),
                    })
                    .collect();
                self.blocks.push(Block::List(steps));
            }
            self.blocks.push(Block::Field(
                practical::plan_b_heading(self.lang).to_string(),
                m.plan_b.get(self.lang).to_string(),
            ));
            // The adaptations matter to the team only when the group has needs to adapt for.
            if self.full || !self.plan.group.needs.trim().is_empty() {
                let adaptations = m
                    .adaptations
                    .iter()
                    .map(|a| Item {
                        strong: format!("{}:", practical::adaptation_label(self.lang, a.kind)),
                        rest: a.text().get(self.lang).to_string(),
                        note: String::new(),
                    })
                    .collect();
                self.blocks.push(Block::Field(
                    practical::adaptations_heading(self.lang).to_string(),
                    String::new(),
                ));
                self.blocks.push(Block::List(adaptations));
            }
        }
    }

    fn roles(&mut self) {
        let items = self.picks(&self.plan.roles, |m, id, l| {
            m.role(id).map(|r| r.name.get(l).to_string())
        });
        let partners = self.plan.partners.trim();
        if items.is_empty() && partners.is_empty() && !self.full {
            return;
        }
        self.blocks
            .push(Block::Heading(2, self.w(W::RolesAndPeople)));
        if !items.is_empty() {
            self.blocks.push(Block::List(items));
        }
        if self.full || !partners.is_empty() {
            self.blocks.push(Block::Field(
                field_label(self.lang, FieldId::Partners).to_string(),
                shown(self.lang, partners),
            ));
        }
    }

    fn sign_off(&mut self) {
        self.blocks.push(Block::Heading(2, self.w(W::SignOff)));
        self.blocks.push(Block::Blanks(vec![
            self.w(W::SignPrepared),
            self.w(W::SignApproved),
            self.w(W::SignDate),
        ]));
    }

    fn appendix(&mut self) {
        let lang = self.lang;
        self.blocks.push(Block::Heading(
            2,
            format!("{}: {}", self.w(W::Appendix), self.w(W::AppendixChecklist)),
        ));
        // The items the plan's facts rule out are left out here as on the screen.
        let facts = crate::plan::effective(self.plan, self.model);
        for phase in &self.model.phases {
            self.blocks
                .push(Block::Heading(3, phase.name.get(lang).to_string()));
            let checks = phase
                .items
                .iter()
                .filter(|item| crate::plan::applies(item, &facts))
                .map(|item| {
                    let note = self
                        .plan
                        .checklist
                        .get(&item.id)
                        .map_or(String::new(), |c| c.note.clone());
                    (
                        mark(state(self.plan, &item.id)),
                        item.text.get(lang).to_string(),
                        note,
                    )
                })
                .collect();
            self.blocks.push(Block::Checks(checks));
        }
        let unknown: Vec<_> = self
            .plan
            .checklist
            .iter()
            .filter(|(id, _)| self.model.checklist_item(id).is_none())
            .map(|(id, c)| {
                (
                    mark(c.state),
                    format!("{} {id}", tr(lang, Msg::UnknownItem)),
                    c.note.clone(),
                )
            })
            .collect();
        if !unknown.is_empty() {
            self.blocks.push(Block::Checks(unknown));
        }
        self.blocks.push(Block::Heading(
            2,
            format!("{}: {}", self.w(W::Appendix), self.w(W::AppendixGaps)),
        ));
        let missing = gaps(self.plan, self.model);
        if missing.is_empty() {
            self.blocks
                .push(Block::Remark(tr(lang, Msg::NoGaps).into()));
        } else {
            let items = missing
                .iter()
                .map(|g| Item {
                    strong: step_name(lang, g.step()).to_string(),
                    rest: gap_text(self.model, lang, g),
                    note: String::new(),
                })
                .collect();
            self.blocks.push(Block::List(items));
        }
    }
}

fn mark(state: CheckState) -> Mark {
    match state {
        CheckState::Todo => Mark::Open,
        CheckState::Done => Mark::Done,
        CheckState::NotApplicable => Mark::NotApplicable,
    }
}

/// A field's text, or the word for empty (only shown in `--full`).
fn shown(lang: Lang, value: &str) -> String {
    if value.trim().is_empty() {
        tr(lang, Msg::Empty).to_string()
    } else {
        value.trim().to_string()
    }
}

/// Where the plan came from, in sentences: its scenario, and the copy or import it is.
pub fn lineage(plan: &Plan, model: &Model, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    if !plan.scenario.is_empty() {
        let title = model
            .scenario(&plan.scenario)
            .map_or_else(|| plan.scenario.clone(), |s| s.title.get(lang).to_string());
        lines.push(origin_scenario(lang, &title));
    }
    match &plan.origin {
        Some(Origin::Copy { id, title }) => lines.push(origin_copy(lang, title, id)),
        Some(Origin::Import { file, date, was }) => {
            lines.push(origin_import(lang, file, &crate::clock::short(date), was));
        }
        None => {}
    }
    lines
}

/// One materials list: the plan's own lines first, then what the chosen methods need, each
/// thing once (compared ignoring case, Polish letters and a leading dash).
pub fn materials(plan: &Plan, model: &Model, lang: Lang) -> Vec<String> {
    let own = plan.logistics.materials.lines().map(|l| {
        l.trim()
            .trim_start_matches(['-', '*', '•'])
            .trim()
            .to_string()
    });
    let from_methods = plan
        .methods
        .iter()
        .filter_map(|p| model.method(&p.id))
        .flat_map(|m| m.materials.iter().map(|t| t.get(lang).trim().to_string()));
    unique(own.chain(from_methods))
}

/// The risks the chosen methods name, each once.
fn method_risks(plan: &Plan, model: &Model, lang: Lang) -> Vec<String> {
    unique(
        plan.methods
            .iter()
            .filter_map(|p| model.method(&p.id))
            .flat_map(|m| m.risks.iter().map(|t| t.get(lang).trim().to_string())),
    )
}

fn unique(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen = std::collections::BTreeSet::new();
    items
        .filter(|s| !s.is_empty() && seen.insert(fold(s)))
        .collect()
}
