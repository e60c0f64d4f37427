//! The user's plan, exactly as stored in `<data dir>/plans/<id>.ron`.
//!
//! Field order here is the order in the file; serialization is deterministic (no hash maps).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The schema version this build writes. Older files are migrated on load.
pub const SCHEMA_VERSION: u32 = 4;

/// A plan of one activity, planned against the model.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// Schema version of the file.
    pub version: u32,
    /// Generated id; also the file name (never derived from the title).
    pub id: String,
    /// When the plan was created (RFC 3339, UTC).
    #[serde(default)]
    pub created: String,
    /// When the plan last changed (RFC 3339, UTC).
    #[serde(default)]
    pub updated: String,
    /// The example scenario it started from, if any.
    #[serde(default)]
    pub scenario: String,
    /// Where the plan came from when it is a copy or an import (added in version 3).
    #[serde(default)]
    pub origin: Option<Origin>,
    /// Step 1.
    #[serde(default)]
    pub context: Context,
    /// Step 2.
    #[serde(default)]
    pub group: Group,
    /// Step 3.
    #[serde(default)]
    pub needs: Needs,
    /// Step 4.
    #[serde(default)]
    pub goals: Goals,
    /// Step 5: chosen values, each with how the activity lives it.
    #[serde(default)]
    pub values: Vec<Pick>,
    /// Step 6: chosen directions, each with a justification.
    #[serde(default)]
    pub directions: Vec<Pick>,
    /// Step 7: chosen methods, each with a note on how it is used.
    #[serde(default)]
    pub methods: Vec<Pick>,
    /// The agenda: the meetings, each with its timed parts (added in version 2).
    #[serde(default)]
    pub sessions: Vec<Session>,
    /// Step 8: roles, each with the named person or organisation and their task.
    #[serde(default)]
    pub roles: Vec<Pick>,
    /// Step 8: people and partners beyond the model's roles.
    #[serde(default)]
    pub partners: String,
    /// Step 9.
    #[serde(default)]
    pub logistics: Logistics,
    /// Step 10: the facts that decide which checklist items apply, as the user answered
    /// them (added in version 4).
    #[serde(default)]
    pub facts: Facts,
    /// Step 10: checklist state by item id; items not listed are still to do. States of items
    /// the facts hide are kept.
    #[serde(default)]
    pub checklist: BTreeMap<String, Check>,
    /// Step 11.
    #[serde(default)]
    pub evaluation: Evaluation,
}

/// How a plan came to this data folder, when not typed in here from scratch or a scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Origin {
    /// A copy of another plan, as it was titled when copied.
    Copy {
        /// The other plan's id.
        id: String,
        /// Its title then.
        title: String,
    },
    /// Imported from a file (`modelownia import`).
    Import {
        /// The file's name, without its folder.
        file: String,
        /// When (RFC 3339, UTC).
        date: String,
        /// The plan's id in that file, when it had to be given a new one.
        #[serde(default)]
        was: String,
    },
}

/// Step 1: context.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Context {
    /// Title of the activity.
    #[serde(default)]
    pub title: String,
    /// District or area.
    #[serde(default)]
    pub area: String,
    /// Place.
    #[serde(default)]
    pub place: String,
    /// Dates and duration.
    #[serde(default)]
    pub dates: String,
    /// The idea in a few sentences.
    #[serde(default)]
    pub idea: String,
    /// Who prepares the activity, as the handout names them (added in version 3).
    #[serde(default)]
    pub prepared_by: String,
}

/// Step 2: the group.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    /// Who: ages, size.
    #[serde(default)]
    pub who: String,
    /// How they are reached.
    #[serde(default)]
    pub reach: String,
    /// Special needs and accessibility.
    #[serde(default)]
    pub needs: String,
}

/// Step 3: needs and resources.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Needs {
    /// What was observed.
    #[serde(default)]
    pub observed: String,
    /// How it was found out.
    #[serde(default)]
    pub how: String,
    /// Strengths and assets of the people and the area.
    #[serde(default)]
    pub strengths: String,
}

/// Step 4: goals.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goals {
    /// Change sought for the group.
    #[serde(default)]
    pub group: String,
    /// Change sought for the neighbourhood.
    #[serde(default)]
    pub neighbourhood: String,
}

/// Step 9: logistics and safety.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Logistics {
    /// Materials.
    #[serde(default)]
    pub materials: String,
    /// Budget.
    #[serde(default)]
    pub budget: String,
    /// Consent (parents/guardians of minors).
    #[serde(default)]
    pub consent: String,
    /// Safeguarding.
    #[serde(default)]
    pub safeguarding: String,
    /// Accessibility.
    #[serde(default)]
    pub accessibility: String,
    /// Risks and what is done about them.
    #[serde(default)]
    pub risks: String,
}

/// Step 11: evaluation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evaluation {
    /// Indicators of the change.
    #[serde(default)]
    pub indicators: String,
    /// How feedback is gathered.
    #[serde(default)]
    pub feedback: String,
    /// After the activity: what worked.
    #[serde(default)]
    pub worked: String,
    /// After the activity: what to change next time.
    #[serde(default)]
    pub change: String,
}

/// A model item chosen for the plan, with the user's own words about it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pick {
    /// Model id. Kept even when the model no longer has it.
    pub id: String,
    /// Justification, how it is lived, or who does it.
    #[serde(default)]
    pub note: String,
    /// For a role: how to reach the person (phone, e-mail), for the emergency sheet. Added in
    /// version 3; left out of the file when empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub contact: String,
}

/// The facts about an activity that switch checklist items on and off, as answered on the
/// Checklist step. `None` is "not answered": the plan's other fields may still tell, and what
/// nobody knows hides nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facts {
    /// Whose law the activity runs under.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<crate::model::Jurisdiction>,
    /// Some of it happens outdoors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outdoor: Option<bool>,
    /// It includes an outing or a trip.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trip: Option<bool>,
    /// A trip goes abroad.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abroad: Option<bool>,
    /// A session ends in the evening or after dark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evening: Option<bool>,
    /// Photos or video are taken.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photos: Option<bool>,
    /// Food is served or made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub food: Option<bool>,
    /// There is contact with participants online.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online: Option<bool>,
    /// The youngest participant's age in years.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub youngest: Option<u32>,
}

/// State of a checklist item.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum CheckState {
    /// Still to do.
    #[default]
    Todo,
    /// Done.
    Done,
    /// Does not apply to this activity; needs a reason in the note.
    NotApplicable,
}

impl CheckState {
    /// The next state in the `Space` cycle.
    pub fn next(self) -> Self {
        match self {
            CheckState::Todo => CheckState::Done,
            CheckState::Done => CheckState::NotApplicable,
            CheckState::NotApplicable => CheckState::Todo,
        }
    }
}

/// A checklist item's state and note.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    /// State.
    pub state: CheckState,
    /// Optional note; the reason when not applicable.
    #[serde(default)]
    pub note: String,
}

/// One meeting of the activity, with its timed agenda. A one-off activity has one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// Its name ("Spotkanie 1", "Week 1").
    #[serde(default)]
    pub label: String,
    /// When it starts, local time, `YYYY-MM-DDTHH:MM`; empty when not fixed yet.
    #[serde(default)]
    pub start: String,
    /// How long it may take in all, in minutes; 0 when not set.
    #[serde(default)]
    pub minutes: u32,
    /// The parts, in order.
    #[serde(default)]
    pub parts: Vec<Part>,
}

/// One timed part of a meeting.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    /// A short id, stable when parts move (`a1`, `a2`…).
    pub id: String,
    /// Planned minutes.
    #[serde(default)]
    pub minutes: u32,
    /// What happens.
    #[serde(default)]
    pub what: String,
    /// The method it uses (a method id), if any.
    #[serde(default)]
    pub method: String,
    /// Who leads it: a role id or a name.
    #[serde(default)]
    pub lead: String,
    /// Notes captured while running it.
    #[serde(default)]
    pub notes: Vec<PartNote>,
    /// How long it actually took, once run.
    #[serde(default)]
    pub actual_minutes: Option<u32>,
}

/// A note captured during a run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartNote {
    /// When (RFC 3339, UTC).
    pub at: String,
    /// What was said or seen.
    pub text: String,
}
