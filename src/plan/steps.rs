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
    /// Sessions and their timed parts.
    Agenda,
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
pub const STEPS: [Step; 13] = [
    Step::Context,
    Step::Group,
    Step::Needs,
    Step::Goals,
    Step::Values,
    Step::Directions,
    Step::Methods,
    Step::Agenda,
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
            Step::Context => &[Title, Area, Place, Dates, Idea, PreparedBy],
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
            Step::Values
            | Step::Directions
            | Step::Methods
            | Step::Agenda
            | Step::Checklist
            | Step::Review => &[],
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
    PreparedBy,
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

/// One table from field id to its place in the plan, for both accessors.
macro_rules! field_paths {
    ($($id:ident => $($path:ident).+;)*) => {
        impl FieldId {
            /// The field's text in `plan`.
            pub fn get(self, plan: &Plan) -> &str {
                match self {
                    $(FieldId::$id => &plan.$($path).+,)*
                }
            }

            /// The field's text in `plan`, for editing.
            pub fn get_mut(self, plan: &mut Plan) -> &mut String {
                match self {
                    $(FieldId::$id => &mut plan.$($path).+,)*
                }
            }
        }
    };
}

field_paths! {
    Title => context.title;
    Area => context.area;
    Place => context.place;
    Dates => context.dates;
    Idea => context.idea;
    PreparedBy => context.prepared_by;
    Who => group.who;
    Reach => group.reach;
    GroupNeeds => group.needs;
    Observed => needs.observed;
    How => needs.how;
    Strengths => needs.strengths;
    GoalGroup => goals.group;
    GoalNeighbourhood => goals.neighbourhood;
    Partners => partners;
    Materials => logistics.materials;
    Budget => logistics.budget;
    Consent => logistics.consent;
    Safeguarding => logistics.safeguarding;
    Accessibility => logistics.accessibility;
    Risks => logistics.risks;
    Indicators => evaluation.indicators;
    Feedback => evaluation.feedback;
    Worked => evaluation.worked;
    Change => evaluation.change;
}

impl FieldId {
    /// Whether an empty field is a gap. Budget, partners and the after-the-activity
    /// reflection may stay empty while planning.
    pub fn required(self) -> bool {
        !matches!(
            self,
            FieldId::Budget
                | FieldId::Partners
                | FieldId::Worked
                | FieldId::Change
                | FieldId::PreparedBy
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
        assert_eq!(all.len(), 25);
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
