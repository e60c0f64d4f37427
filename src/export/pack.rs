//! The print pack: forms that go with a handout into the room, each on its own page.

use super::doc::{Block, Mark};
use super::handout::{materials, title};
use crate::i18n::handout::{W, consent_intro, feedback_goal, word};
use crate::lang::Lang;
use crate::model::Model;
use crate::plan::Plan;

/// Most rows an attendance sheet gets, however large the group says it is.
const MAX_ROWS: usize = 40;
/// Rows when the plan does not say how many people come.
const DEFAULT_ROWS: usize = 15;
/// Session columns on one attendance sheet (more would not fit an A4 page).
const MAX_SESSION_COLUMNS: usize = 8;

/// The pack's blocks, each form after a page break.
pub fn blocks(plan: &Plan, model: &Model, lang: Lang) -> Vec<Block> {
    let w = |x: W| word(lang, x).to_string();
    let name = title(plan, lang);
    let mut out = Vec::new();

    // Consent for taking part and for images, with the data-protection information to fill in.
    out.push(Block::PageBreak);
    out.push(Block::Heading(2, w(W::ConsentTitle)));
    let when_where: Vec<&str> = [plan.context.dates.trim(), plan.context.place.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    out.push(Block::Para(consent_intro(
        lang,
        &name,
        &when_where.join(" · "),
    )));
    out.push(Block::Blanks(vec![
        w(W::ConsentChild),
        w(W::ConsentGuardian),
        w(W::ConsentPhone),
    ]));
    out.push(Block::Checks(vec![
        (Mark::Open, w(W::ConsentTakePart), String::new()),
        (Mark::Open, w(W::ConsentImages), String::new()),
        (Mark::Open, w(W::ConsentNoImages), String::new()),
    ]));
    out.push(Block::Heading(3, w(W::DataTitle)));
    out.push(Block::Blanks(vec![
        w(W::DataController),
        w(W::DataPurpose),
        w(W::DataRetention),
        w(W::DataContact),
    ]));
    out.push(Block::Para(w(W::DataRights)));
    out.push(Block::Blanks(vec![w(W::ConsentSigned)]));

    // Attendance: a row per expected participant, a column per session.
    out.push(Block::PageBreak);
    out.push(Block::Heading(
        2,
        format!("{} · {name}", w(W::AttendanceTitle)),
    ));
    let sessions: Vec<String> = plan
        .sessions
        .iter()
        .filter(|s| !s.parts.is_empty())
        .map(|s| s.label.trim().to_string())
        .take(MAX_SESSION_COLUMNS)
        .collect();
    let mut head = vec![w(W::Number), w(W::Name)];
    if sessions.len() > 1 {
        head.extend(sessions.iter().cloned());
    } else {
        head.push(w(W::Present));
    }
    let columns = head.len();
    let mut numeric = vec![true];
    numeric.resize(columns, false);
    let rows = (1..=group_size(plan, model))
        .map(|n| {
            let mut row = vec![n.to_string()];
            row.resize(columns, String::new());
            row
        })
        .collect();
    out.push(Block::Table {
        head,
        numeric,
        rows,
    });

    // What to bring, to tick off while packing.
    let things = materials(plan, model, lang);
    if !things.is_empty() {
        out.push(Block::PageBreak);
        out.push(Block::Heading(
            2,
            format!("{} · {name}", w(W::MaterialsTitle)),
        ));
        out.push(Block::Checks(
            things
                .into_iter()
                .map(|t| (Mark::Open, t, String::new()))
                .collect(),
        ));
    }

    // Who to call: the plan's people, then the numbers every sheet needs.
    out.push(Block::PageBreak);
    out.push(Block::Heading(
        2,
        format!("{} · {name}", w(W::ContactsTitle)),
    ));
    let mut rows: Vec<Vec<String>> = plan
        .roles
        .iter()
        .map(|r| {
            let role = model
                .role(&r.id)
                .map_or_else(|| r.id.clone(), |x| x.name.get(lang).to_string());
            let person = r.note.lines().next().unwrap_or_default().trim().to_string();
            vec![role, person, r.contact.trim().to_string()]
        })
        .collect();
    rows.push(vec![w(W::ContactsVenue), String::new(), String::new()]);
    rows.push(vec![w(W::ContactsClinic), String::new(), String::new()]);
    rows.push(vec![w(W::ContactsEmergency), String::new(), "112".into()]);
    out.push(Block::Table {
        head: vec![
            w(W::ContactsRole),
            w(W::ContactsPerson),
            w(W::ContactsPhone),
        ],
        numeric: vec![false, false, false],
        rows,
    });

    // A short feedback form in the participants' words, built around the plan's own goal.
    out.push(Block::PageBreak);
    out.push(Block::Heading(
        2,
        format!("{} · {name}", w(W::FeedbackTitle)),
    ));
    out.push(Block::Para(w(W::FeedbackIntro)));
    let mut questions = vec![w(W::FeedbackLiked), w(W::FeedbackChange)];
    let goal = plan.goals.group.trim();
    if !goal.is_empty() {
        let goal = goal
            .lines()
            .next()
            .unwrap_or_default()
            .trim_start_matches(['-', '*', '•', ' '])
            .trim_end_matches('.');
        questions.push(feedback_goal(lang, goal));
    }
    questions.extend([
        w(W::FeedbackSay),
        w(W::FeedbackFeel),
        w(W::FeedbackAgain),
        w(W::FeedbackAnything),
    ]);
    out.push(Block::Blanks(questions));
    out
}

/// How many rows the attendance sheet needs: the group description's first number or range
/// ("10–12 osób" gives 12), else the scenario's group size, within reason.
fn group_size(plan: &Plan, model: &Model) -> usize {
    let said = first_count(&plan.group.who).filter(|n| (2..=MAX_ROWS).contains(n));
    let from_scenario = model
        .scenario(&plan.scenario)
        .map(|s| s.group.size as usize)
        .filter(|n| *n > 0);
    said.or(from_scenario).unwrap_or(DEFAULT_ROWS).min(MAX_ROWS)
}

/// The first number in `text`, or the upper end when it opens a range (`10-12`, `10–12`).
fn first_count(text: &str) -> Option<usize> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let rest = &text[start..];
    let digits = |s: &str| {
        s.chars()
            .take_while(char::is_ascii_digit)
            .collect::<String>()
    };
    let first = digits(rest);
    let after = rest[first.len()..].trim_start();
    let upper = after
        .strip_prefix(['-', '–'])
        .map(|s| digits(s.trim_start()))
        .filter(|d| !d.is_empty());
    upper.unwrap_or(first).parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_attendance_sheet_has_a_row_per_expected_person() {
        let model = crate::model::load_from(None).expect("model");
        let mut plan = Plan::default();
        assert_eq!(group_size(&plan, &model), DEFAULT_ROWS);
        plan.group.who = "10–12 osób w wieku 13–17 lat".into();
        assert_eq!(group_size(&plan, &model), 12);
        plan.group.who = "8 young people aged 14-16".into();
        assert_eq!(group_size(&plan, &model), 8);
        plan.group.who = "about 500 people".into();
        assert_eq!(group_size(&plan, &model), DEFAULT_ROWS);
    }
}
