//! The community-work model: values, directions, phases with checklists, methods, roles, scenarios.

use serde::{Deserialize, Serialize};

use crate::lang::Lang;

/// A human text in both languages. Missing halves deserialize as empty so the checker can
/// report every missing translation at once instead of stopping at the first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Polish.
    #[serde(default)]
    pub pl: String,
    /// English.
    #[serde(default)]
    pub en: String,
}

impl Text {
    /// Builds a text from both halves.
    pub fn new(pl: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            pl: pl.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`, falling back to the other language when a half is empty.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::Pl => (&self.pl, &self.en),
            Lang::En => (&self.en, &self.pl),
        };
        if first.trim().is_empty() {
            second
        } else {
            first
        }
    }
}

/// An inclusive range of whole numbers (ages, group sizes).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Range {
    /// Smallest.
    pub min: u32,
    /// Largest.
    pub max: u32,
}

/// A value: what matters in the work and why.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Value {
    /// Stable id that plans refer to.
    pub id: String,
    /// Short name.
    pub name: Text,
    /// One line, at most 60 columns.
    pub summary: Text,
    /// The longer explanation.
    pub description: Text,
    /// Questions a worker asks while planning.
    pub questions: Vec<Text>,
    /// Where it comes from.
    pub provenance: Provenance,
}

/// A direction of work: where the work goes and what it looks like in practice.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Direction {
    /// Stable id that plans refer to.
    pub id: String,
    /// Short name.
    pub name: Text,
    /// One line, at most 60 columns.
    pub summary: Text,
    /// The longer explanation.
    pub description: Text,
    /// Questions a worker asks while planning.
    pub questions: Vec<Text>,
    /// Ids of the values this direction serves.
    pub values: Vec<String>,
    /// Where it comes from.
    pub provenance: Provenance,
}

/// One tickable action of a phase checklist.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    /// Stable id, unique across all phases.
    pub id: String,
    /// The action, phrased as done.
    pub text: Text,
    /// How or why, in a sentence or two.
    pub hint: Text,
    /// Ids of the values it serves.
    #[serde(default)]
    pub values: Vec<String>,
    /// Ids of the directions it serves.
    #[serde(default)]
    pub directions: Vec<String>,
    /// When the item applies: every condition must hold (or be unknown) for it to be shown.
    /// Empty means always.
    #[serde(default)]
    pub applies_when: Vec<Condition>,
    /// Whether the law requires it or it is good practice.
    pub level: Level,
    /// The act (and, where known, the article) that requires it; where a detail is uncertain,
    /// what to verify and where. Required for a legal requirement.
    #[serde(default)]
    pub legal_basis: Option<Text>,
    /// Where the item comes from.
    pub provenance: Provenance,
}

/// A fact about an activity that decides whether a checklist item applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Condition {
    /// Some of it happens outdoors.
    Outdoor,
    /// It includes an outing or a trip away from the usual venue.
    Trip,
    /// The trip goes abroad.
    Abroad,
    /// A session ends in the evening or after dark.
    Evening,
    /// Photos or video are taken.
    Photos,
    /// Food is served or made.
    Food,
    /// There is contact with participants online.
    Online,
    /// The youngest participant is under 13.
    Under13,
    /// The activity takes place under this country's law.
    Jurisdiction(Jurisdiction),
}

impl Condition {
    /// The tags the model may use, in the order the docs and the checker list them.
    pub const ALL: [Condition; 10] = [
        Condition::Outdoor,
        Condition::Trip,
        Condition::Abroad,
        Condition::Evening,
        Condition::Photos,
        Condition::Food,
        Condition::Online,
        Condition::Under13,
        Condition::Jurisdiction(Jurisdiction::Pl),
        Condition::Jurisdiction(Jurisdiction::Cy),
    ];
}

/// Whose law an activity runs under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Jurisdiction {
    /// Poland (the Gdynia work).
    Pl,
    /// Cyprus (the Nicosia partner).
    Cy,
}

impl Jurisdiction {
    /// Where a scenario of this setting takes place.
    pub fn of_setting(setting: Setting) -> Self {
        match setting {
            Setting::Gdynia => Jurisdiction::Pl,
            Setting::Nicosia => Jurisdiction::Cy,
        }
    }
}

/// How binding a checklist item is.
#[derive(Debug, Clone, Copy, PartialEq, Hash, Eq, Serialize, Deserialize)]
pub enum Level {
    /// Required by law where its conditions hold; carries its legal basis.
    LegalRequirement,
    /// Good practice: skipping it needs a reason, not a lawyer.
    GoodPractice,
}

/// A phase of an activity with its checklist.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    /// Stable id.
    pub id: String,
    /// Short name.
    pub name: Text,
    /// One line.
    pub summary: Text,
    /// The checklist, in order.
    pub items: Vec<ChecklistItem>,
}

/// Reads a present `age_range: (min: …, max: …)` as `Some`, so the files need no `Some(…)`.
fn some_range<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Range>, D::Error> {
    Range::deserialize(d).map(Some)
}

/// A method or form of youth work, in the template of a good activity manual.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Method {
    /// Stable id.
    pub id: String,
    /// Short name.
    pub name: Text,
    /// One line.
    pub summary: Text,
    /// What it is for.
    pub aims: Vec<Text>,
    /// How many people it works with.
    pub group_size: Range,
    /// Ages it suits; absent for a format of adults that young people only join (a partners'
    /// meeting), where an age range would mean nothing.
    #[serde(
        default,
        deserialize_with = "some_range",
        skip_serializing_if = "Option::is_none"
    )]
    pub age_range: Option<Range>,
    /// Length of one session.
    pub duration_minutes: u32,
    /// What to bring.
    pub materials: Vec<Text>,
    /// What to do beforehand.
    pub preparation: Vec<Text>,
    /// How it runs, step by step, each with its minutes (together about `duration_minutes`).
    pub steps: Vec<MethodStep>,
    /// Questions for the debrief.
    pub debriefing: Vec<Text>,
    /// Risks and safeguarding notes.
    pub risks: Vec<Text>,
    /// Other ways to run it.
    pub variations: Vec<Text>,
    /// Ids of the directions it fits.
    pub directions: Vec<String>,
    /// How to run it for people with particular needs: one entry per [`AdaptationKind`].
    pub adaptations: Vec<Adaptation>,
    /// What to do when the weather, the turnout or the room lets the plan down.
    pub plan_b: Text,
    /// The fewest adults who must be there, whatever the group size.
    pub min_adults: u32,
    /// Where it happens.
    pub space: Space,
    /// What that space must offer, in a sentence.
    pub space_note: Text,
    /// Where the method comes from.
    pub provenance: Provenance,
}

/// A need a method is adapted for. The set is fixed so that every method answers the same five
/// questions a worker asks about a mixed group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AdaptationKind {
    /// A wheelchair user, or anyone who cannot manage steps or long distances.
    Wheelchair,
    /// Autistic people, people with ADHD and others who need predictability or quiet.
    Neurodivergent,
    /// Deaf and hard-of-hearing people.
    Hearing,
    /// People who do not (yet) speak the session's language well.
    Language,
    /// People who read and write with difficulty.
    LowLiteracy,
}

impl AdaptationKind {
    /// Every kind, in the order the guide and the docs list them.
    pub const ALL: [AdaptationKind; 5] = [
        AdaptationKind::Wheelchair,
        AdaptationKind::Neurodivergent,
        AdaptationKind::Hearing,
        AdaptationKind::Language,
        AdaptationKind::LowLiteracy,
    ];
}

/// How a method changes for one kind of need.
#[derive(Debug, Clone, PartialEq, Hash, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Adaptation {
    /// Which need.
    pub kind: AdaptationKind,
    /// What to change, in Polish.
    #[serde(default)]
    pub pl: String,
    /// What to change, in English.
    #[serde(default)]
    pub en: String,
}

impl Adaptation {
    /// The adaptation's text.
    pub fn text(&self) -> Text {
        Text::new(self.pl.clone(), self.en.clone())
    }
}

/// Where a method happens.
#[derive(Debug, Clone, Copy, PartialEq, Hash, Eq, Serialize, Deserialize)]
pub enum Space {
    /// In a room.
    Indoor,
    /// Outside: a courtyard, a street, a park.
    Outdoor,
    /// Either, depending on the group and the season.
    Either,
}

/// Whether a person must be vetted before they work with minors.
#[derive(Debug, Clone, Copy, PartialEq, Hash, Eq, Serialize, Deserialize)]
pub enum Vetting {
    /// Always, before their first session with minors.
    Required,
    /// Not as part of this role (they do not work with minors in it).
    NotRequired,
    /// It depends on how much and how they meet the young people; the note says when.
    DependsOnContact,
}

/// A person or organisation involved in an activity.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Stable id.
    pub id: String,
    /// Short name.
    pub name: Text,
    /// One line.
    pub summary: Text,
    /// Who this person is.
    pub who: Text,
    /// What they do.
    pub tasks: Vec<Text>,
    /// Whether they must be vetted before working with minors.
    pub vetting: Vetting,
    /// What the vetting is, where to check its rules, and (when it depends) on what.
    pub vetting_note: Text,
    /// Whether they usually sit in the local support team.
    pub support_team: bool,
    /// Where the role comes from.
    pub provenance: Provenance,
}

/// Where an example scenario is set. This is also its jurisdiction: a Gdynia scenario runs
/// under Polish law, a Nicosia one under the law of the Republic of Cyprus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Setting {
    /// A neighbourhood house in a Gdynia revitalisation area (Poland).
    Gdynia,
    /// Arts and culture work in the style of the Nicosia partner (Cyprus).
    Nicosia,
}

/// The group a scenario is written for.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioGroup {
    /// Ages.
    pub ages: Range,
    /// Number of people.
    pub size: u32,
    /// Who they are.
    pub description: Text,
}

/// One step of a method, timed so a facilitator can run it with a clock.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MethodStep {
    /// How long it takes.
    pub minutes: u32,
    /// What to do, in Polish.
    pub pl: String,
    /// What to do, in English.
    pub en: String,
}

impl MethodStep {
    /// The step's text.
    pub fn text(&self) -> Text {
        Text {
            pl: self.pl.clone(),
            en: self.en.clone(),
        }
    }

    /// The step's text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Pl => &self.pl,
            Lang::En => &self.en,
        }
    }
}

fn once() -> u32 {
    1
}

fn is_once(n: &u32) -> bool {
    *n == 1
}

/// One meeting (or one kind of meeting) of a scenario, with its timed agenda.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioSession {
    /// Its name, e.g. "Week 2: research walk" or "Every training, weeks 1–4".
    pub label: Text,
    /// How many times this meeting happens (a weekly training over four weeks: 4).
    #[serde(default = "once", skip_serializing_if = "is_once")]
    pub repeats: u32,
    /// The agenda.
    pub parts: Vec<ScenarioPart>,
}

impl ScenarioSession {
    /// Minutes of one meeting (parts times their repeats).
    pub fn minutes(&self) -> u32 {
        self.parts.iter().map(|p| p.minutes * p.repeats).sum()
    }
}

/// One timed part of a scenario's meeting.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioPart {
    /// How long it lasts.
    pub minutes: u32,
    /// What happens.
    pub what: Text,
    /// The method it uses, if any (a method id).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub method: String,
    /// Who leads it (a role id), if it is someone in particular.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub lead: String,
    /// How many times it happens within the meeting (rounds of a game: 3).
    #[serde(default = "once", skip_serializing_if = "is_once")]
    pub repeats: u32,
}

/// A value a scenario lives, and how.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioValue {
    /// Value id.
    pub id: String,
    /// How the activity lives it.
    pub how: Text,
}

/// A direction a scenario follows, and why.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioDirection {
    /// Direction id.
    pub id: String,
    /// Why it fits.
    pub why: Text,
}

/// A role in a scenario, and its task.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioRole {
    /// Role id.
    pub id: String,
    /// What this person does here.
    pub task: Text,
}

/// An example activity, filled in against the model, that can seed a new plan.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Stable id.
    pub id: String,
    /// Gdynia or Nicosia style; also the jurisdiction whose law applies (Poland or Cyprus).
    pub setting: Setting,
    /// Title.
    pub title: Text,
    /// One line.
    pub summary: Text,
    /// Where it happens.
    pub place: Text,
    /// Who takes part.
    pub group: ScenarioGroup,
    /// The idea in a few sentences.
    pub idea: Text,
    /// The change sought.
    pub goals: Vec<Text>,
    /// The meetings, each with its timed agenda.
    pub sessions: Vec<ScenarioSession>,
    /// Values lived.
    pub values: Vec<ScenarioValue>,
    /// Directions followed.
    pub directions: Vec<ScenarioDirection>,
    /// Method ids used.
    pub methods: Vec<String>,
    /// Who does what.
    pub roles: Vec<ScenarioRole>,
    /// What could go wrong and what is done about it.
    pub risks: Vec<Text>,
    /// How the change is seen.
    pub evaluation: Vec<Text>,
    /// What it costs: each line an item with its amount, in the local currency.
    pub budget: Text,
    /// What to have ready, beyond each method's own list.
    pub materials: Vec<Text>,
    /// What happens when the main plan falls through (weather, a partner drops out, nobody comes).
    pub plan_b: Text,
    /// What makes it open to people with disabilities and other access needs.
    pub accessibility: Text,
    /// Where it comes from; every scenario is illustrative, written for the tool.
    pub provenance: Provenance,
}

impl Scenario {
    /// Minutes in all, counting every repeat.
    pub fn total_minutes(&self) -> u32 {
        self.sessions.iter().map(|s| s.minutes() * s.repeats).sum()
    }
}

/// The whole model, as loaded and checked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Model {
    /// Values.
    pub values: Vec<Value>,
    /// Directions of work.
    pub directions: Vec<Direction>,
    /// Phases in order, each with its checklist.
    pub phases: Vec<Phase>,
    /// Methods and forms.
    pub methods: Vec<Method>,
    /// Roles.
    pub roles: Vec<Role>,
    /// Example scenarios.
    pub scenarios: Vec<Scenario>,
    /// Advice for people who work with and for young people in a local community.
    pub advice: Vec<Advice>,
    /// The fixed Polish–English terms.
    pub glossary: Vec<Term>,
}

/// Where an item of the model comes from. We do not have the Model's own text, so only what
/// its facts say can be `Model`; the rest is marked as what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Provenance {
    /// A fact of the cooperation model itself (its values, directions, phases).
    Model,
    /// The companion publication on youth work (methods, roles, advice, scenarios).
    Publication,
    /// How the work is done in Gdynia, written by us from the sources.
    GdyniaPractice,
    /// Common good practice in youth and community work, written by us.
    GeneralPractice,
}

impl Provenance {
    /// Every kind, in the order the browser and the docs list them.
    pub const ALL: [Provenance; 4] = [
        Provenance::Model,
        Provenance::Publication,
        Provenance::GdyniaPractice,
        Provenance::GeneralPractice,
    ];
}

/// Who a piece of advice speaks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Audience {
    /// Someone starting youth work in a neighbourhood.
    Newcomer,
    /// Someone who runs a team or a neighbourhood house.
    Coordinator,
    /// A partner institution: a school, a welfare centre, a library, a council office.
    Partner,
}

/// A piece of advice, linked to the values and directions it serves.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Advice {
    /// Stable id.
    pub id: String,
    /// Who it speaks to.
    pub audience: Audience,
    /// One line, at most 60 characters.
    pub title: Text,
    /// Two to four sentences.
    pub text: Text,
    /// Value ids.
    #[serde(default)]
    pub values: Vec<String>,
    /// Direction ids.
    #[serde(default)]
    pub directions: Vec<String>,
    /// Where it comes from.
    pub provenance: Provenance,
}

/// A term the model's two languages must name the same way every time.
#[derive(Debug, Clone, PartialEq, Hash, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// Stable id.
    pub id: String,
    /// The Polish term, in the nominative.
    pub pl: String,
    /// The English term as the English texts write it.
    pub en: String,
    /// English variants that must not appear in any English text (matched as whole words,
    /// ignoring case).
    #[serde(default)]
    pub avoid: Vec<String>,
    /// Polish forms of the term (its cases); a Polish text using one of them must have an
    /// English half that uses `en`. Empty where English may fairly say it otherwise.
    #[serde(default)]
    pub pl_forms: Vec<String>,
    /// When and how to use it, in both languages.
    pub note: Text,
}

impl Model {
    /// Number of checklist items across all phases.
    pub fn checklist_len(&self) -> usize {
        self.phases.iter().map(|p| p.items.len()).sum()
    }

    /// The one-line summary printed by `check-model`.
    pub fn summary_line(&self) -> String {
        format!(
            "model OK: {} values, {} directions, {} phases, {} checklist items, {} methods, {} roles, {} scenarios, {} pieces of advice",
            self.values.len(),
            self.directions.len(),
            self.phases.len(),
            self.checklist_len(),
            self.methods.len(),
            self.roles.len(),
            self.scenarios.len(),
            self.advice.len()
        )
    }

    /// Looks up a value by id.
    pub fn value(&self, id: &str) -> Option<&Value> {
        self.values.iter().find(|v| v.id == id)
    }

    /// Looks up a direction by id.
    pub fn direction(&self, id: &str) -> Option<&Direction> {
        self.directions.iter().find(|v| v.id == id)
    }

    /// Looks up a method by id.
    pub fn method(&self, id: &str) -> Option<&Method> {
        self.methods.iter().find(|v| v.id == id)
    }

    /// Looks up a role by id.
    pub fn role(&self, id: &str) -> Option<&Role> {
        self.roles.iter().find(|v| v.id == id)
    }

    /// Looks up a scenario by id.
    pub fn scenario(&self, id: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|v| v.id == id)
    }

    /// Looks up a checklist item and its phase by the item's id.
    pub fn checklist_item(&self, id: &str) -> Option<(&Phase, &ChecklistItem)> {
        self.phases
            .iter()
            .find_map(|p| p.items.iter().find(|i| i.id == id).map(|i| (p, i)))
    }
}
