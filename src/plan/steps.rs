//! The workbook's steps and the plan fields each one edits.

use super::types::{Pick, Plan};

/// A step of the workbook, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    /// Title, area, place, dates, idea.
    Context,
    /// Who, how reached, special needs.
    Group,
    /// What was observed, how, strengths.
    Needs,
    /// Change for the group and the neighbourhood.
    Goals,
    /// Values picked, each with how the activity lives it.
    Values,
    /// Directions picked, each with a justification.
    Directions,
    /// Methods picked.
    Methods,
    /// Roles and partners.
    Roles,
    /// Materials, budget, consent, safeguarding, accessibility, risks.
    Logistics,
    /// The model's checklist per phase.
    Checklist,
    /// Indicators, feedback, reflection.
    Evaluation,
    /// Coverage, progress and gaps.
    Review,
}

/// All steps in order.
pub const STEPS: [Step; 12] = [
    Step::Context,
    Step::Group,
    Step::Needs,
    Step::Goals,
    Step::Values,
    Step::Directions,
    Step::Methods,
    Step::Roles,
    Step::Logistics,
    Step::Checklist,
    Step::Evaluation,
    Step::Review,
];

impl Step {
    /// 0-based position in [`STEPS`].
    pub fn index(self) -> usize {
        STEPS.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The plain text fields of this step, in focus order.
    pub fn fields(self) -> &'static [FieldId] {
        use FieldId::*;
        match self {
            Step::Context => &[Title, Area, Place, Dates, Idea],
            Step::Group => &[Who, Reach, GroupNeeds],
            Step::Needs => &[Observed, How, Strengths],
            Step::Goals => &[GoalGroup, GoalNeighbourhood],
            Step::Roles => &[Partners],
            Step::Logistics => &[
                Materials,
                Budget,
                Consent,
                Safeguarding,
                Accessibility,
                Risks,
            ],
            Step::Evaluation => &[Indicators, Feedback, Worked, Change],
            Step::Values | Step::Directions | Step::Methods | Step::Checklist | Step::Review => &[],
        }
    }

    /// The model list this step picks from, if it has one.
    pub fn picks(self) -> Option<PickKind> {
        match self {
            Step::Values => Some(PickKind::Values),
            Step::Directions => Some(PickKind::Directions),
            Step::Methods => Some(PickKind::Methods),
            Step::Roles => Some(PickKind::Roles),
            _ => None,
        }
    }
}

/// A text field of the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum FieldId {
    Title,
    Area,
    Place,
    Dates,
    Idea,
    Who,
    Reach,
    GroupNeeds,
    Observed,
    How,
    Strengths,
    GoalGroup,
    GoalNeighbourhood,
    Partners,
    Materials,
    Budget,
    Consent,
    Safeguarding,
    Accessibility,
    Risks,
    Indicators,
    Feedback,
    Worked,
    Change,
}

impl FieldId {
    /// The field's text in `plan`.
    pub fn get(self, plan: &Plan) -> &str {
        match self {
            FieldId::Title => &plan.context.title,
            FieldId::Area => &plan.context.area,
            FieldId::Place => &plan.context.place,
            FieldId::Dates => &plan.context.dates,
            FieldId::Idea => &plan.context.idea,
            FieldId::Who => &plan.group.who,
            FieldId::Reach => &plan.group.reach,
            FieldId::GroupNeeds => &plan.group.needs,
            FieldId::Observed => &plan.needs.observed,
            FieldId::How => &plan.needs.how,
            FieldId::Strengths => &plan.needs.strengths,
            FieldId::GoalGroup => &plan.goals.group,
            FieldId::GoalNeighbourhood => &plan.goals.neighbourhood,
            FieldId::Partners => &plan.partners,
            FieldId::Materials => &plan.logistics.materials,
            FieldId::Budget => &plan.logistics.budget,
            FieldId::Consent => &plan.logistics.consent,
            FieldId::Safeguarding => &plan.logistics.safeguarding,
            FieldId::Accessibility => &plan.logistics.accessibility,
            FieldId::Risks => &plan.logistics.risks,
            FieldId::Indicators => &plan.evaluation.indicators,
            FieldId::Feedback => &plan.evaluation.feedback,
            FieldId::Worked => &plan.evaluation.worked,
            FieldId::Change => &plan.evaluation.change,
        }
    }

    /// The field's text in `plan`, for editing.
    pub fn get_mut(self, plan: &mut Plan) -> &mut String {
        match self {
            FieldId::Title => &mut plan.context.title,
            FieldId::Area => &mut plan.context.area,
            FieldId::Place => &mut plan.context.place,
            FieldId::Dates => &mut plan.context.dates,
            FieldId::Idea => &mut plan.context.idea,
            FieldId::Who => &mut plan.group.who,
            FieldId::Reach => &mut plan.group.reach,
            FieldId::GroupNeeds => &mut plan.group.needs,
            FieldId::Observed => &mut plan.needs.observed,
            FieldId::How => &mut plan.needs.how,
            FieldId::Strengths => &mut plan.needs.strengths,
            FieldId::GoalGroup => &mut plan.goals.group,
            FieldId::GoalNeighbourhood => &mut plan.goals.neighbourhood,
            FieldId::Partners => &mut plan.partners,
            FieldId::Materials => &mut plan.logistics.materials,
            FieldId::Budget => &mut plan.logistics.budget,
            FieldId::Consent => &mut plan.logistics.consent,
            FieldId::Safeguarding => &mut plan.logistics.safeguarding,
            FieldId::Accessibility => &mut plan.logistics.accessibility,
            FieldId::Risks => &mut plan.logistics.risks,
            FieldId::Indicators => &mut plan.evaluation.indicators,
            FieldId::Feedback => &mut plan.evaluation.feedback,
            FieldId::Worked => &mut plan.evaluation.worked,
            FieldId::Change => &mut plan.evaluation.change,
        }
    }

    /// Whether an empty field is a gap. Budget, partners and the after-the-activity
    /// reflection may stay empty while planning.
    pub fn required(self) -> bool {
        !matches!(
            self,
            FieldId::Budget | FieldId::Partners | FieldId::Worked | FieldId::Change
        )
    }

    /// Single-line fields take no newlines; `Enter` leaves them.
    pub fn single_line(self) -> bool {
        matches!(
            self,
            FieldId::Title | FieldId::Area | FieldId::Place | FieldId::Dates | FieldId::Budget
        )
    }

    /// The step the field belongs to.
    pub fn step(self) -> Step {
        super::steps::STEPS
            .into_iter()
            .find(|s| s.fields().contains(&self))
            .unwrap_or(Step::Context)
    }
}

/// The four kinds of model items a plan picks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PickKind {
    /// Values.
    Values,
    /// Directions of work.
    Directions,
    /// Methods and forms.
    Methods,
    /// Roles.
    Roles,
}

impl PickKind {
    /// The plan's picks of this kind.
    pub fn picks(self, plan: &Plan) -> &Vec<Pick> {
        match self {
            PickKind::Values => &plan.values,
            PickKind::Directions => &plan.directions,
            PickKind::Methods => &plan.methods,
            PickKind::Roles => &plan.roles,
        }
    }

    /// The plan's picks of this kind, for editing.
    pub fn picks_mut(self, plan: &mut Plan) -> &mut Vec<Pick> {
        match self {
            PickKind::Values => &mut plan.values,
            PickKind::Directions => &mut plan.directions,
            PickKind::Methods => &mut plan.methods,
            PickKind::Roles => &mut plan.roles,
        }
    }

    /// Whether a pick without a note is a gap. A method's note is optional.
    pub fn note_required(self) -> bool {
        !matches!(self, PickKind::Methods)
    }

    /// The step that edits these picks.
    pub fn step(self) -> Step {
        match self {
            PickKind::Values => Step::Values,
            PickKind::Directions => Step::Directions,
            PickKind::Methods => Step::Methods,
            PickKind::Roles => Step::Roles,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_belongs_to_exactly_one_step() {
        let all: Vec<FieldId> = STEPS
            .iter()
            .flat_map(|s| s.fields().iter().copied())
            .collect();
        for f in &all {
            assert_eq!(all.iter().filter(|g| *g == f).count(), 1, "{f:?}");
            assert!(f.step().fields().contains(f));
        }
        assert_eq!(all.len(), 24);
    }

    #[test]
    fn get_and_get_mut_agree() {
        let mut plan = Plan::default();
        for (i, s) in STEPS.iter().enumerate() {
            for f in s.fields() {
                *f.get_mut(&mut plan) = format!("{i}-{f:?}");
            }
        }
        for (i, s) in STEPS.iter().enumerate() {
            for f in s.fields() {
                assert_eq!(f.get(&plan), format!("{i}-{f:?}"));
            }
        }
    }
}
