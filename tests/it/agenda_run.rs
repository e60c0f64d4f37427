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
            ..Pick::default()
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

#[test]
fn every_scenario_seeds_its_agenda_not_the_dates_or_the_idea() {
    let m = model::load_from(None).expect("model");
    for s in &m.scenarios {
        for lang in [Lang::Pl, Lang::En] {
            let p = modelownia::plan::from_scenario(
                s,
                lang,
                "p1".into(),
                "2026-12-01T10:00:00Z".into(),
            );
            assert!(p.context.dates.is_empty(), "{}", s.id);
            assert_eq!(p.context.idea, s.idea.get(lang), "{}", s.id);
            assert_eq!(p.sessions.len(), s.sessions.len(), "{}", s.id);
            for (ps, ss) in p.sessions.iter().zip(&s.sessions) {
                assert!(ps.label.starts_with(ss.label.get(lang)), "{}", s.id);
                assert_eq!(
                    ps.label.contains('×'),
                    ss.repeats > 1,
                    "{}: {}",
                    s.id,
                    ps.label
                );
                assert_eq!(ps.minutes, ss.minutes(), "{}", s.id);
                assert_eq!(
                    modelownia::plan::session_minutes(ps),
                    ss.minutes(),
                    "{}",
                    s.id
                );
                for (pp, sp) in ps.parts.iter().zip(&ss.parts) {
                    assert_eq!((&pp.method, &pp.lead), (&sp.method, &sp.lead), "{}", s.id);
                    assert!(pp.minutes > 0 && !pp.what.is_empty(), "{}", s.id);
                }
            }
            let mut ids: Vec<&str> = p
                .sessions
                .iter()
                .flat_map(|x| &x.parts)
                .map(|x| x.id.as_str())
                .collect();
            let n = ids.len();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), n, "{}: part ids are unique", s.id);
            // A seeded plan's agenda has no gaps of its own but leads the model leaves open.
            let g = modelownia::plan::gaps(&p, &m);
            assert!(!g.contains(&modelownia::plan::Gap::NoAgenda), "{}", s.id);
            assert!(
                !g.iter().any(|x| matches!(
                    x,
                    modelownia::plan::Gap::PartNoMinutes(_)
                        | modelownia::plan::Gap::SessionTooLong(..)
                )),
                "{}: {g:?}",
                s.id
            );
        }
    }
}

#[test]
fn a_version_1_plan_loads_without_losing_anything_and_is_not_rewritten_by_looking() {
    use modelownia::app::Runtime;
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/v1/full.ron");
    let dir = tempfile::tempdir().expect("tempdir");
    let store = modelownia::storage::Store::open(dir.path()).expect("store");
    let path = store.plan_path("full");
    std::fs::copy(&src, &path).expect("copy");
    let bytes = std::fs::read(&path).expect("read");
    let plan = modelownia::storage::load_file(&path)
        .expect("v1 loads")
        .plan;
    assert_eq!(plan.version, modelownia::plan::SCHEMA_VERSION);
    assert!(plan.sessions.is_empty());
    let text = std::fs::read_to_string(&src).expect("read");
    for note in plan.values.iter().map(|p| &p.note) {
        assert!(text.contains(note.as_str()), "nothing dropped: {note}");
    }
    let mut rt = Runtime::new(
        &store,
        App::new(model::load_from(None).expect("model"), Lang::En),
    );
    let open = |rt: &mut Runtime<'_>, code| {
        let msg = update::key_msg(&rt.app, KeyEvent::new(code, KeyModifiers::NONE));
        rt.handle(msg);
    };
    open(&mut rt, KeyCode::Enter);
    assert!(rt.app.workbook.is_some());
    // Down to the Agenda step, looking at every step on the way.
    for _ in 0..Step::Agenda.index() {
        open(&mut rt, KeyCode::Down);
    }
    rt.save_now();
    assert_eq!(
        std::fs::read(&path).expect("read"),
        bytes,
        "looking is not editing"
    );
    // An edit writes the current version.
    open(&mut rt, KeyCode::Enter);
    open(&mut rt, KeyCode::Char('a'));
    open(&mut rt, KeyCode::Char('x'));
    open(&mut rt, KeyCode::Enter);
    rt.save_now();
    let after = std::fs::read_to_string(&path).expect("read");
    let version = format!("version: {},", modelownia::plan::SCHEMA_VERSION);
    assert!(after.contains(&version), "{after}");
}

#[test]
fn wrong_minutes_and_start_times_in_a_file_are_gaps_not_panics() {
    let text = "(\n    version: 2,\n    id: \"p1\",\n    sessions: [\n        (label: \"S\", start: \"jutro\", parts: [(id: \"a1\", minutes: 700), (id: \"a2\")]),\n        (label: \"Pusta\"),\n    ],\n)\n";
    let d = modelownia::storage::decode("p1.ron", text).expect("a v2 file with odd values loads");
    let m = model::load_from(None).expect("model");
    let g = modelownia::plan::gaps(&d.plan, &m);
    use modelownia::plan::Gap;
    assert!(g.contains(&Gap::PartTooLong("a1".into())), "{g:?}");
    assert!(g.contains(&Gap::PartNoMinutes("a2".into())), "{g:?}");
    assert!(g.contains(&Gap::BadStart(0)), "{g:?}");
    // Drawn and run without a panic; the run view starts on the first session with parts.
    let mut app = on_agenda(d.plan);
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).expect("t");
    t.draw(|f| modelownia::ui::render(&app, f)).expect("draw");
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(wb(&app).run.as_ref().map(|r| r.session), Some(0));
    app.now = 800 * MIN;
    t.draw(|f| modelownia::ui::render(&app, f)).expect("draw");
}
