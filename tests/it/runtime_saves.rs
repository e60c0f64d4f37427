//! The runtime's side of saving: autosave state, a failing disk, retry, and the quit warning.
//! Drives the real `Runtime` with key events against a store in a temp dir.

use std::io::ErrorKind;
use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use modelownia::app::Runtime;
use modelownia::lang::Lang;
use modelownia::model;
use modelownia::state::{App, SaveStatus};
use modelownia::storage::{FailAt, SaveStep, Store};
use modelownia::storage::{IoReason, StoreError};

use crate::support::{key, typ};

fn notice(n: &modelownia::state::Notice) -> String {
    modelownia::state::notice(modelownia::lang::Lang::En, n)
}

fn app() -> App {
    App::new(model::load_from(None).expect("embedded model"), Lang::En)
}

fn status(rt: &Runtime<'_>) -> SaveStatus {
    rt.app
        .workbook
        .as_ref()
        .expect("a plan is open")
        .save
        .clone()
}

/// Creates one plan titled `title` with a working disk; returns its file's bytes.
fn make_plan(root: &std::path::Path, title: &str) -> Vec<u8> {
    let store = Store::open(root).expect("store");
    let mut rt = Runtime::new(&store, app());
    key(&mut rt, KeyCode::Char('n'));
    typ(&mut rt, title);
    key(&mut rt, KeyCode::Esc);
    key(&mut rt, KeyCode::Char('q'));
    assert!(rt.app.should_quit);
    let plans: Vec<_> = std::fs::read_dir(store.plans_dir())
        .expect("plans dir")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".ron"))
        .collect();
    assert_eq!(plans.len(), 1);
    std::fs::read(plans[0].path()).expect("read plan")
}

#[test]
fn a_new_plan_is_on_disk_at_once_and_edits_after_save() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(dir.path()).expect("store");
    let mut rt = Runtime::new(&store, app());
    key(&mut rt, KeyCode::Char('n'));
    let id = rt.app.workbook.as_ref().expect("open").plan.id.clone();
    assert!(
        store.plan_path(&id).exists(),
        "the file exists before any typing"
    );
    typ(&mut rt, "Mural źdźbło");
    assert_eq!(status(&rt), SaveStatus::Pending);
    rt.save_now();
    assert_eq!(status(&rt), SaveStatus::Saved);
    let on_disk = store.load(&id).expect("loads").plan;
    assert_eq!(on_disk.context.title, "Mural źdźbło");
}

/// Opens the only plan and types `more` at the end of its title.
fn edit_title(rt: &mut Runtime<'_>, more: &str) {
    key(rt, KeyCode::Enter); // open the plan
    key(rt, KeyCode::Enter); // into the step
    key(rt, KeyCode::Enter); // edit the title
    typ(rt, more);
    key(rt, KeyCode::Esc);
}

fn only_plan_file(store: &Store) -> std::path::PathBuf {
    std::fs::read_dir(store.plans_dir())
        .expect("dir")
        .flatten()
        .find(|e| e.file_name().to_string_lossy().ends_with(".ron"))
        .expect("plan file")
        .path()
}

#[test]
fn a_full_disk_keeps_edits_in_memory_and_quitting_warns() {
    let dir = tempfile::tempdir().expect("tempdir");
    let before = make_plan(dir.path(), "Spacer");
    let failing = Store::open(dir.path())
        .expect("store")
        .with_fs(Arc::new(FailAt::always(
            SaveStep::Write,
            ErrorKind::StorageFull,
        )));
    let mut rt = Runtime::new(&failing, app());
    edit_title(&mut rt, " po Oksywiu");
    rt.save_now();
    let SaveStatus::Failed(reason) = status(&rt) else {
        panic!("the save should have failed: {:?}", status(&rt));
    };
    assert!(
        matches!(
            &reason,
            StoreError::Write {
                reason: IoReason::DiskFull,
                ..
            }
        ),
        "{reason:?}"
    );
    assert_eq!(
        std::fs::read(only_plan_file(&failing)).expect("read"),
        before,
        "old file untouched"
    );
    assert_eq!(
        rt.app.workbook.as_ref().expect("open").plan.context.title,
        "Spacer po Oksywiu"
    );

    // Quitting tries to save, fails again, and warns instead of losing the edit silently.
    key(&mut rt, KeyCode::Char('q'));
    assert!(rt.app.quit_armed);
    assert!(!rt.app.should_quit);
    // A second q is the user's informed choice.
    key(&mut rt, KeyCode::Char('q'));
    assert!(rt.app.should_quit);
    assert_eq!(
        std::fs::read(only_plan_file(&failing)).expect("read"),
        before
    );
}

#[test]
fn a_failed_save_is_retried_and_then_succeeds() {
    let dir = tempfile::tempdir().expect("tempdir");
    make_plan(dir.path(), "Spacer");
    let flaky = Store::open(dir.path())
        .expect("store")
        .with_fs(Arc::new(FailAt::once(
            SaveStep::Rename,
            ErrorKind::PermissionDenied,
        )));
    let mut rt = Runtime::new(&flaky, app());
    edit_title(&mut rt, "!");
    rt.save_now();
    assert!(matches!(status(&rt), SaveStatus::Failed(_)));
    rt.save_now();
    assert_eq!(status(&rt), SaveStatus::Saved);
    let id = rt.app.workbook.as_ref().expect("open").plan.id.clone();
    assert_eq!(
        flaky.load(&id).expect("loads").plan.context.title,
        "Spacer!"
    );
}

#[test]
fn a_second_window_opens_the_plan_read_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    make_plan(dir.path(), "Taniec");
    let store = Store::open(dir.path()).expect("store");
    let mut first = Runtime::new(&store, app());
    key(&mut first, KeyCode::Enter);
    assert!(
        first
            .app
            .workbook
            .as_ref()
            .expect("open")
            .read_only
            .is_none()
    );

    let other = Store::open(dir.path()).expect("store");
    let mut second = Runtime::new(&other, app());
    key(&mut second, KeyCode::Enter);
    let wb = second.app.workbook.as_ref().expect("open");
    assert!(wb.read_only.is_some(), "the second window must not write");
    key(&mut second, KeyCode::Enter);
    key(&mut second, KeyCode::Enter);
    typ(&mut second, "xyz");
    assert_eq!(
        second
            .app
            .workbook
            .as_ref()
            .expect("open")
            .plan
            .context
            .title,
        "Taniec"
    );
}

#[test]
fn the_second_window_takes_over_once_the_first_lets_the_plan_go() {
    let dir = tempfile::tempdir().expect("tempdir");
    make_plan(dir.path(), "Taniec");
    let store = Store::open(dir.path()).expect("store");
    let mut first = Runtime::new(&store, app());
    key(&mut first, KeyCode::Enter);
    let other = Store::open(dir.path()).expect("store");
    let mut second = Runtime::new(&other, app());
    key(&mut second, KeyCode::Enter);
    let freed = |rt: &Runtime<'_>| rt.app.workbook.as_ref().is_some_and(|wb| wb.lock_freed);

    // While the first window has it, nothing is offered and E does nothing.
    second.look_around();
    assert!(!freed(&second));
    key(&mut second, KeyCode::Char('E'));
    assert!(
        second
            .app
            .workbook
            .as_ref()
            .expect("open")
            .read_only
            .is_some()
    );

    // The first window edits, saves and closes the plan.
    key(&mut first, KeyCode::Enter);
    key(&mut first, KeyCode::Enter);
    typ(&mut first, " w parku");
    key(&mut first, KeyCode::Esc);
    first.save_now();
    key(&mut first, KeyCode::Esc);
    key(&mut first, KeyCode::Esc);
    assert!(first.app.workbook.is_none());

    second.look_around();
    assert!(freed(&second), "the freed lock is noticed");
    assert!(
        second
            .app
            .workbook
            .as_ref()
            .expect("open")
            .read_only
            .is_some()
    );
    // A third window cannot slip in between: the second holds the lock now.
    let third = Store::open(dir.path()).expect("store");
    assert!(third.lock(&make_id(&third)).is_err());

    key(&mut second, KeyCode::Char('E'));
    let wb = second.app.workbook.as_ref().expect("open");
    assert!(wb.read_only.is_none(), "editable here now");
    assert_eq!(
        wb.plan.context.title, "Taniec w parku",
        "read again from disk first"
    );
    key(&mut second, KeyCode::Enter);
    key(&mut second, KeyCode::Enter);
    typ(&mut second, "!");
    key(&mut second, KeyCode::Esc);
    second.save_now();
    assert_eq!(status(&second), SaveStatus::Saved);
    let id = make_id(&other);
    assert_eq!(
        other.load(&id).expect("load").plan.context.title,
        "Taniec w parku!"
    );
}

fn make_id(store: &Store) -> String {
    store.list()[0].id().to_string()
}

#[test]
fn a_plan_that_would_outgrow_the_limit_when_written_back_opens_read_only_naming_the_field() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(dir.path()).expect("store");
    let mut plan = modelownia::plan::new("p1".into(), "2026-12-01T10:00:00Z".into());
    plan.context.title = "Taby".into();
    plan.context.idea = "IDEA".into();
    // 5 MiB of raw tabs read fine; escaped as `\t` they would be 10 MiB.
    let text = modelownia::storage::encode(&plan).replace("IDEA", &"\t".repeat(5 << 20));
    std::fs::write(store.plan_path("p1"), &text).expect("write");
    let mut rt = Runtime::new(&store, app());
    key(&mut rt, KeyCode::Enter);
    let wb = rt.app.workbook.as_ref().expect("open");
    assert_eq!(
        wb.read_only,
        Some(modelownia::state::ReadOnlyReason::TooLargeToSave(Some(
            modelownia::plan::FieldId::Idea
        )))
    );
    let said = rt.app.notice.as_ref().map(notice).unwrap_or_default();
    assert!(
        said.contains("8 MiB") && said.contains("“The idea”"),
        "{said}"
    );
    assert_eq!(
        std::fs::read_to_string(store.plan_path("p1")).expect("read"),
        text
    );
}

#[test]
fn duplicate_rename_and_delete_to_trash() {
    let dir = tempfile::tempdir().expect("tempdir");
    make_plan(dir.path(), "Mural");
    let store = Store::open(dir.path()).expect("store");
    let mut rt = Runtime::new(&store, app());
    key(&mut rt, KeyCode::Char('c'));
    let titles = |rt: &Runtime<'_>| -> Vec<String> {
        rt.app.home.rows.iter().map(|r| r.title.clone()).collect()
    };
    assert_eq!(titles(&rt).len(), 2);
    assert!(titles(&rt).contains(&"Mural (copy)".to_string()));

    let selected = rt.app.selected_row().expect("a row").id.clone();
    key(&mut rt, KeyCode::Char('r'));
    for _ in 0..20 {
        key(&mut rt, KeyCode::Backspace);
    }
    typ(&mut rt, "Mural na garażach");
    key(&mut rt, KeyCode::Enter);
    let renamed = store.load(&selected).expect("loads").plan;
    assert_eq!(renamed.context.title, "Mural na garażach");

    key(&mut rt, KeyCode::Char('d'));
    key(&mut rt, KeyCode::Char('y'));
    assert_eq!(rt.app.home.rows.len(), 1);
    assert!(!store.plan_path(&selected).exists());
    let trashed = std::fs::read_dir(store.trash_dir()).expect("trash").count();
    assert!(trashed >= 1, "the deleted plan is in the trash");
}

#[test]
fn starting_from_a_scenario_writes_a_seeded_plan() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(dir.path()).expect("store");
    let mut rt = Runtime::new(&store, app());
    key(&mut rt, KeyCode::Char('s'));
    key(&mut rt, KeyCode::Enter);
    let wb = rt.app.workbook.as_ref().expect("open");
    let first = &rt.app.model.scenarios[0];
    assert_eq!(wb.plan.scenario, first.id);
    let on_disk = store.load(&wb.plan.id).expect("written at once").plan;
    assert_eq!(on_disk.values.len(), first.values.len());
}

#[test]
fn a_plan_open_in_another_window_is_neither_deleted_nor_restored() {
    let dir = tempfile::tempdir().expect("tempdir");
    make_plan(dir.path(), "Otwarty gdzie indziej");
    let store = Store::open(dir.path()).expect("store");
    let mut first = Runtime::new(&store, app());
    key(&mut first, KeyCode::Enter); // holds the lock
    let other = Store::open(dir.path()).expect("store");
    let mut second = Runtime::new(&other, app());
    key(&mut second, KeyCode::Char('d'));
    key(&mut second, KeyCode::Char('y'));
    let notice = second.app.notice.as_ref().map(notice);
    assert!(
        notice
            .as_deref()
            .is_some_and(|n| n.contains("another modelownia window")),
        "{notice:?}"
    );
    assert_eq!(second.app.home.rows.len(), 1, "still listed");
    assert!(std::fs::read_dir(other.trash_dir()).map_or(true, |mut d| d.next().is_none()));
}

#[test]
fn after_a_rename_the_selection_stays_on_the_renamed_plan() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(dir.path()).expect("store");
    for (i, title) in ["A", "B", "C"].iter().enumerate() {
        let mut plan = modelownia::plan::Plan {
            version: 1,
            id: format!("p{i}"),
            updated: format!("2020-01-0{}T10:00:00Z", i + 1),
            ..Default::default()
        };
        plan.context.title = (*title).into();
        store.save(&plan).expect("save");
    }
    let mut rt = Runtime::new(&store, app());
    let titles: Vec<_> = rt
        .app
        .visible_rows()
        .iter()
        .map(|r| r.title.clone())
        .collect();
    assert_eq!(titles, ["C", "B", "A"]);
    rt.app.home.selected = 2; // the oldest, "A"
    key(&mut rt, KeyCode::Char('r'));
    typ(&mut rt, "x");
    key(&mut rt, KeyCode::Enter);
    // Renaming made it the newest, so it moved to the top; the selection went with it.
    let selected = rt.app.selected_row().expect("row");
    assert_eq!(
        (selected.id.as_str(), selected.title.as_str()),
        ("p0", "Ax")
    );
    assert_eq!(rt.app.home.selected, 0);
}

#[test]
fn e_on_the_list_writes_the_handout_named_after_the_title_and_remembers_the_format() {
    let dir = tempfile::tempdir().expect("tempdir");
    make_plan(dir.path(), "Mural na garażach");
    let store = Store::open(dir.path()).expect("store");
    let mut rt = Runtime::new(&store, app());
    let id = rt.app.selected_row().expect("row").id.clone();
    key(&mut rt, KeyCode::Char('e'));
    key(&mut rt, KeyCode::Enter);
    let exports = store.root().join("exports");
    let path = exports.join(format!("mural-na-garazach-{id}.md"));
    let text = std::fs::read_to_string(&path).expect("export written");
    assert!(text.starts_with("# Mural na garażach\n"), "{text}");
    assert!(
        rt.app
            .notice
            .as_ref()
            .is_some_and(|n| notice(n).contains("mural-na-garazach"))
    );
    // The HTML print pack, chosen once, is offered first the next time.
    key(&mut rt, KeyCode::Char('e'));
    key(&mut rt, KeyCode::Down);
    key(&mut rt, KeyCode::Down);
    key(&mut rt, KeyCode::Enter);
    let pack = exports.join(format!("mural-na-garazach-{id}-pack.html"));
    let html = std::fs::read_to_string(&pack).expect("pack written");
    assert!(
        html.starts_with("<!DOCTYPE html>") && html.contains("page-break"),
        "{html}"
    );
    key(&mut rt, KeyCode::Char('e'));
    assert_eq!(
        rt.app.home.dialog,
        Some(modelownia::state::Dialog::Export {
            id: id.clone(),
            choice: 2
        })
    );
    key(&mut rt, KeyCode::Esc);
    assert_eq!(rt.app.home.dialog, None);
}

/// The real loop on a `TestBackend`, fed scripted events.
mod real_loop {
    use super::*;
    use crossterm::event::Event;
    use modelownia::app::{Input, ScriptedEvents};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn keys(text: &str) -> Vec<Input> {
        text.chars()
            .map(|c| {
                let code = match c {
                    '\n' => KeyCode::Enter,
                    '\x1b' => KeyCode::Esc,
                    c => KeyCode::Char(c),
                };
                Input::Event(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)))
            })
            .collect()
    }

    #[test]
    fn a_new_plan_typed_through_the_loop_is_on_disk_and_the_screen_shows_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(dir.path()).expect("store");
        let mut rt = Runtime::new(&store, app());
        let mut input = keys("nSpacer\x1b");
        input.extend(keys("q"));
        let mut events = ScriptedEvents(input.into());
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("backend");
        rt.run(&mut terminal, &mut events)
            .expect("loop ends with q");
        assert_eq!(rt.exit_code(), 0);
        let listed = store.list();
        assert_eq!(listed.len(), 1);
        let shown = format!("{:?}", terminal.backend());
        assert!(shown.contains("Spacer"), "{shown}");
    }

    #[test]
    fn the_time_zone_is_read_again_for_every_frame() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(dir.path()).expect("store");
        // Winter time for the first frame, summer time from then on.
        let frames = std::cell::Cell::new(0);
        let mut rt = Runtime::new(&store, app()).with_zone(move || {
            frames.set(frames.get() + 1);
            if frames.get() == 1 { 3600 } else { 7200 }
        });
        let mut input = keys("nSpacer\x1b\x1b\x1b");
        input.extend(keys("q"));
        let mut events = ScriptedEvents(input.into());
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("backend");
        rt.run(&mut terminal, &mut events)
            .expect("loop ends with q");
        let shown = format!("{:?}", terminal.backend());
        assert!(
            shown.contains("UTC+2"),
            "the list's times follow the new offset: {shown}"
        );
    }

    #[test]
    fn a_termination_signal_saves_and_exits_with_128_plus_n() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(dir.path()).expect("store");
        let mut rt = Runtime::new(&store, app());
        // Typed, then the signal before the autosave delay has passed.
        let mut input = keys("nMural");
        input.push(Input::Signal(15));
        let mut events = ScriptedEvents(input.into());
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("backend");
        rt.run(&mut terminal, &mut events)
            .expect("loop ends on the signal");
        assert_eq!(rt.exit_code(), 143);
        let titles: Vec<String> = store
            .list()
            .into_iter()
            .filter_map(|l| match l {
                modelownia::storage::Listed::Ok { decoded, .. } => Some(decoded.plan.context.title),
                _ => None,
            })
            .collect();
        assert_eq!(titles, ["Mural"]);
    }

    #[test]
    fn a_refused_save_at_a_signal_leaves_the_edits_in_a_rescued_copy() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(dir.path()).expect("store");
        let mut rt = Runtime::new(&store, app());
        key(&mut rt, KeyCode::Char('n'));
        key(&mut rt, KeyCode::Esc);
        rt.save_now();
        // Someone else changes the file: the next save is refused.
        let path = store.plans_dir().join(format!(
            "{}.ron",
            rt.app.workbook.as_ref().expect("open").plan.id
        ));
        let text = std::fs::read_to_string(&path).expect("read");
        std::fs::write(&path, text.replace("title: \"\"", "title: \"Theirs\"")).expect("write");
        let mut input = keys("Ours");
        input.insert(
            0,
            Input::Event(Event::Key(KeyEvent::new(
                KeyCode::Enter,
                KeyModifiers::NONE,
            ))),
        );
        input.push(Input::Signal(1));
        let mut events = ScriptedEvents(input.into());
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("backend");
        rt.run(&mut terminal, &mut events)
            .expect("loop ends on the signal");
        assert_eq!(rt.exit_code(), 129);
        let rescued: Vec<_> = std::fs::read_dir(dir.path().join("recovered"))
            .expect("a recovered/ folder")
            .flatten()
            .map(|e| e.path())
            .collect();
        assert_eq!(rescued.len(), 1);
        let text = std::fs::read_to_string(&rescued[0]).expect("read");
        assert!(text.contains("Ours"), "{text}");
        assert!(
            std::fs::read_to_string(&path)
                .expect("read")
                .contains("Theirs")
        );
    }

    #[test]
    fn the_guide_scrolls_only_as_far_as_the_last_frame_showed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(dir.path()).expect("store");
        let mut rt = Runtime::new(&store, app());
        // A new plan, the title box closed, then the step list and down to Methods (step 7).
        let mut input = keys("n\x1b\x1bjjjjjj\n");
        input.extend(keys(&"J".repeat(60)));
        input.extend(keys("K"));
        let mut events = ScriptedEvents(input.into());
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("backend");
        // The script runs out while a plan is open: the loop ends with an error, like a lost
        // terminal; the state is what matters here.
        let _ = rt.run(&mut terminal, &mut events);
        let wb = rt.app.workbook.as_ref().expect("open");
        let max = wb.guide_max.expect("the loop noted the layout");
        assert!(max > 3, "a method's guide is long at 80x24: {max}");
        assert_eq!(wb.guide_scroll, max - 3, "one K moves the view at once");
    }
}
