//! The agenda step and the facilitation view, driven by key presses with a hand-moved clock.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use modelownia::keymap::Ctx;
use modelownia::lang::Lang;
use modelownia::model;
use modelownia::plan::{Part, Pick, Plan, Session, Step};
use modelownia::state::{App, EditTarget, Focus, Workbook};
use modelownia::update::{self, Effect};

const MIN: u64 = 60_000;

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    update::press(app, KeyEvent::new(code, KeyModifiers::NONE))
}

fn typ(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn plan_with_agenda() -> Plan {
    let part = |id: &str, minutes| Part {
        id: id.into(),
        minutes,
        what: format!("part {id}"),
        ..Part::default()
    };
    Plan {
        version: 2,
        id: "p1".into(),
        methods: vec![Pick {
            id: "research-walk".into(),
            note: String::new(),
        }],
        sessions: vec![Session {
            label: "Meeting 1".into(),
            start: "2026-12-05T16:00".into(),
            minutes: 30,
            parts: vec![part("a1", 10), part("a2", 15), part("a3", 5)],
        }],
        ..Plan::default()
    }
}

fn on_agenda(plan: Plan) -> App {
    let mut app = App::new(model::load_from(None).expect("model"), Lang::En);
    let mut wb = Workbook::new(plan, None);
    wb.step = Step::Agenda.index();
    wb.focus = Focus::Content;
    app.workbook = Some(wb);
    app
}

fn wb(app: &App) -> &Workbook {
    app.workbook.as_ref().expect("open")
}

fn parts(app: &App) -> Vec<(String, u32)> {
    wb(app).plan.sessions[0]
        .parts
        .iter()
        .map(|p| (p.id.clone(), p.minutes))
        .collect()
}

#[test]
fn adding_timing_moving_deleting_and_undoing_parts() {
    let mut app = on_agenda(Plan {
        version: 2,
        id: "p1".into(),
        ..Plan::default()
    });
    // No meeting yet: `a` makes one and a part in it, with its text box open.
    press(&mut app, KeyCode::Char('a'));
    assert!(matches!(
        wb(&app).editor.as_ref().map(|e| &e.target),
        Some(EditTarget::PartWhat(id)) if id == "a1"
    ));
    typ(&mut app, "Rozgrzewka");
    press(&mut app, KeyCode::Enter);
    assert_eq!(wb(&app).plan.sessions.len(), 1);
    assert_eq!(wb(&app).plan.sessions[0].label, "Meeting 1");
    assert_eq!(wb(&app).plan.sessions[0].parts[0].what, "Rozgrzewka");
    // Minutes typed, then +/-.
    press(&mut app, KeyCode::Char('m'));
    press(&mut app, KeyCode::Backspace);
    typ(&mut app, "12");
    press(&mut app, KeyCode::Enter);
    assert_eq!(parts(&app), [("a1".into(), 12)]);
    press(&mut app, KeyCode::Char('+'));
    press(&mut app, KeyCode::Char('-'));
    press(&mut app, KeyCode::Char('-'));
    assert_eq!(parts(&app), [("a1".into(), 7)]);
    // A bad number keeps the old value and says why.
    press(&mut app, KeyCode::Char('m'));
    typ(&mut app, "x");
    press(&mut app, KeyCode::Enter);
    assert_eq!(parts(&app), [("a1".into(), 7)]);
    assert!(app.notice.is_some());
    // A second part goes after the first; moving it up puts it first.
    press(&mut app, KeyCode::Char('a'));
    typ(&mut app, "Mapa");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('<'));
    let ids: Vec<String> = parts(&app).into_iter().map(|(id, _)| id).collect();
    assert_eq!(ids, ["a2", "a1"]);
    // Delete, undo.
    press(&mut app, KeyCode::Char('x'));
    assert_eq!(parts(&app).len(), 1);
    press(&mut app, KeyCode::Char('u'));
    let ids: Vec<String> = parts(&app).into_iter().map(|(id, _)| id).collect();
    assert_eq!(ids, ["a2", "a1"]);
    // A second meeting, named as it is added.
    press(&mut app, KeyCode::Char('S'));
    typ(&mut app, " (sobota)");
    press(&mut app, KeyCode::Enter);
    assert_eq!(wb(&app).plan.sessions[1].label, "Meeting 2 (sobota)");
    assert!(update::unsaved(&app));
}

#[test]
fn a_start_time_is_checked_and_a_method_inserts_its_timed_steps() {
    let mut app = on_agenda(plan_with_agenda());
    press(&mut app, KeyCode::Char('t'));
    for _ in 0..20 {
        press(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "jutro o 16");
    press(&mut app, KeyCode::Enter);
    assert_eq!(wb(&app).plan.sessions[0].start, "2026-12-05T16:00");
    assert!(
        app.notice.is_some(),
        "an invalid start time is refused, with a reason"
    );
    // `i`, Enter: the method's steps go in after the cursor (on the heading: first).
    let before = parts(&app).len();
    press(&mut app, KeyCode::Char('i'));
    assert_eq!(app.ctx(), Ctx::Picker);
    press(&mut app, KeyCode::Enter);
    let m = app.model.method("research-walk").expect("method").clone();
    let session = &wb(&app).plan.sessions[0];
    assert_eq!(session.parts.len(), before + m.steps.len());
    assert!(
        session.parts[..m.steps.len()]
            .iter()
            .all(|p| p.method == "research-walk")
    );
    let minutes: Vec<u32> = session.parts[..m.steps.len()]
        .iter()
        .map(|p| p.minutes)
        .collect();
    let expected: Vec<u32> = m.steps.iter().map(|s| s.minutes).collect();
    assert_eq!(minutes, expected);
    // Ids stay unique.
    let mut ids: Vec<&str> = session.parts.iter().map(|p| p.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), session.parts.len());
}

/// The run view of the sample agenda, at time `t`.
fn running() -> App {
    let mut app = on_agenda(plan_with_agenda());
    app.now = 0;
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(app.ctx(), Ctx::Run);
    app
}

fn run(app: &App) -> &modelownia::state::Run {
    wb(app).run.as_ref().expect("running")
}

#[test]
fn the_timer_starts_pauses_extends_and_records_actual_minutes() {
    let mut app = running();
    press(&mut app, KeyCode::Char(' '));
    app.now = 4 * MIN;
    assert_eq!(run(&app).spent(app.now), 4 * MIN);
    press(&mut app, KeyCode::Char(' ')); // pause at 4:00
    app.now = 9 * MIN;
    assert_eq!(
        run(&app).spent(app.now),
        4 * MIN,
        "a paused timer stands still"
    );
    press(&mut app, KeyCode::Char(' ')); // resume at 9:00
    app.now = 16 * MIN; // 11 minutes on a 10-minute part: overtime
    press(&mut app, KeyCode::Char('+'));
    assert_eq!(run(&app).extra, 1);
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(run(&app).part, 1);
    assert_eq!(wb(&app).plan.sessions[0].parts[0].actual_minutes, Some(11));
    assert!(
        run(&app).since.is_some(),
        "the timer keeps running on the next part"
    );
    app.now = 18 * MIN + 29_000;
    press(&mut app, KeyCode::Char('p'));
    assert_eq!(wb(&app).plan.sessions[0].parts[1].actual_minutes, Some(2));
    assert!(
        update::unsaved(&app),
        "actual minutes are saved like any edit"
    );
}

#[test]
fn a_note_is_captured_with_its_time_and_esc_drops_an_unfinished_one() {
    let mut app = running();
    app.now = 1_795_771_680_000; // 2026-11-27T09:28:00Z
    press(&mut app, KeyCode::Char('c'));
    assert_eq!(app.ctx(), Ctx::Editing);
    typ(&mut app, "Zosia: tu wieje");
    press(&mut app, KeyCode::Enter);
    let notes = &wb(&app).plan.sessions[0].parts[0].notes;
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].text, "Zosia: tu wieje");
    assert_eq!(notes[0].at, "2026-11-27T09:28:00Z");
    press(&mut app, KeyCode::Char('c'));
    typ(&mut app, "nie to");
    press(&mut app, KeyCode::Esc);
    assert_eq!(wb(&app).plan.sessions[0].parts[0].notes.len(), 1);
    assert_eq!(app.ctx(), Ctx::Run);
}

#[test]
fn leaving_asks_first_while_the_timer_runs() {
    let mut app = running();
    press(&mut app, KeyCode::Char(' '));
    app.now = 3 * MIN;
    press(&mut app, KeyCode::Char('q'));
    assert_eq!(
        app.ctx(),
        Ctx::Confirm,
        "q does not quit the app from the run view"
    );
    assert!(!app.should_quit);
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.ctx(), Ctx::Run);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('y'));
    assert!(wb(&app).run.is_none());
    assert_eq!(wb(&app).plan.sessions[0].parts[0].actual_minutes, Some(3));
    // Paused, Esc leaves at once.
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(app.ctx(), Ctx::Run);
    press(&mut app, KeyCode::Esc);
    assert!(wb(&app).run.is_none());
}

#[test]
fn a_plan_without_parts_cannot_be_run_and_says_why() {
    let mut app = on_agenda(Plan {
        version: 2,
        id: "p1".into(),
        ..Plan::default()
    });
    press(&mut app, KeyCode::Char('g'));
    assert!(wb(&app).run.is_none());
    assert!(app.notice.is_some());
}

#[test]
fn only_a_running_timer_ticks() {
    let mut app = running();
    assert!(!update::run::ticking(&app));
    press(&mut app, KeyCode::Char(' '));
    assert!(update::run::ticking(&app));
    press(&mut app, KeyCode::Char(' '));
    assert!(!update::run::ticking(&app));
}
