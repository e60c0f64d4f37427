//! The workbook's second pass: what a youth worker tripped over, each with a test that fails
//! without its fix (trash and undo, a blank plan left at once, back to the review, diacritics
//! in searches, not-applicable without a reason, keys in a window too small to draw).

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use modelownia::app::{Runtime, to_msg};
use modelownia::lang::Lang;
use modelownia::model;
use modelownia::plan::{CheckState, Step};
use modelownia::state::{App, Dialog, Notice, notice};
use modelownia::storage::Store;
use ratatui::layout::Rect;

use crate::support::{key, typ};

fn app(lang: Lang) -> App {
    App::new(model::load_from(None).expect("embedded model"), lang)
}

/// The screen `app` draws at `w`×`h`, as one string of cells.
fn screen(app: &App, w: u16, h: u16) -> String {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).expect("backend");
    terminal
        .draw(|f| modelownia::ui::render(app, f))
        .expect("draw");
    terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect()
}

/// A new plan titled `title`, closed again.
fn new_plan(rt: &mut Runtime<'_>, title: &str) {
    key(rt, KeyCode::Char('n'));
    typ(rt, title);
    // Finish typing, leave the step, leave the plan.
    for _ in 0..3 {
        key(rt, KeyCode::Esc);
    }
    assert!(rt.app.workbook.is_none(), "back on the list");
}

fn plan_files(store: &Store) -> usize {
    std::fs::read_dir(store.plans_dir())
        .expect("plans")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".ron"))
        .count()
}

#[test]
fn delete_says_so_and_u_brings_the_plan_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(dir.path()).expect("store");
    let mut rt = Runtime::new(&store, app(Lang::Pl));
    new_plan(&mut rt, "Mural na garażach");
    key(&mut rt, KeyCode::Char('d'));
    key(&mut rt, KeyCode::Char('t'));
    assert_eq!(plan_files(&store), 0);
    let said = notice(Lang::Pl, rt.app.notice.as_ref().expect("a notice"));
    assert_eq!(
        said,
        "Plan „Mural na garażach” jest w koszu · u cofnij usunięcie · T kosz"
    );
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).expect("backend");
    terminal
        .draw(|f| modelownia::ui::render(&rt.app, f))
        .expect("draw");
    let footer: String = (0..80)
        .map(|x| terminal.backend().buffer()[(x, 23)].symbol().to_string())
        .collect();
    assert!(
        footer.contains("u cofnij usunięcie"),
        "the footer offers the undo: {footer}"
    );
    key(&mut rt, KeyCode::Char('u'));
    assert_eq!(plan_files(&store), 1);
    assert_eq!(rt.app.home.rows.len(), 1);
    assert!(matches!(rt.app.notice, Some(Notice::Untrashed(_))));
}

#[test]
fn the_trash_view_restores_and_empties_for_good() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(dir.path()).expect("store");
    let mut rt = Runtime::new(&store, app(Lang::En));
    new_plan(&mut rt, "First");
    new_plan(&mut rt, "Second");
    for _ in 0..2 {
        key(&mut rt, KeyCode::Char('d'));
        key(&mut rt, KeyCode::Char('y'));
    }
    assert_eq!(plan_files(&store), 0);
    key(&mut rt, KeyCode::Char('T'));
    assert_eq!(rt.app.home.dialog, Some(Dialog::Trash(0)));
    assert_eq!(rt.app.home.trash.len(), 2);
    let first = rt.app.home.trash[0].title.clone();
    key(&mut rt, KeyCode::Enter);
    assert_eq!(plan_files(&store), 1);
    assert_eq!(rt.app.home.rows[0].title, first);
    key(&mut rt, KeyCode::Char('T'));
    assert_eq!(rt.app.home.trash.len(), 1);
    key(&mut rt, KeyCode::Char('X'));
    assert_eq!(rt.app.home.dialog, Some(Dialog::ConfirmEmptyTrash));
    key(&mut rt, KeyCode::Char('n'));
    assert_eq!(
        rt.app.home.dialog,
        Some(Dialog::Trash(0)),
        "no keeps the trash"
    );
    key(&mut rt, KeyCode::Char('X'));
    key(&mut rt, KeyCode::Char('y'));
    assert_eq!(store.trashed().len(), 0);
    assert_eq!(
        notice(Lang::En, rt.app.notice.as_ref().expect("notice")),
        "Trash emptied: 1 plan deleted for good."
    );
    assert_eq!(plan_files(&store), 1, "the restored plan stays");
}

#[test]
fn a_blank_new_plan_left_at_once_leaves_nothing_behind() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(dir.path()).expect("store");
    let mut rt = Runtime::new(&store, app(Lang::Pl));
    key(&mut rt, KeyCode::Char('n'));
    for _ in 0..3 {
        key(&mut rt, KeyCode::Esc);
    }
    assert!(rt.app.workbook.is_none());
    assert_eq!(plan_files(&store), 0);
    assert!(rt.app.home.rows.is_empty());
    key(&mut rt, KeyCode::Char('n'));
    key(&mut rt, KeyCode::Esc);
    key(&mut rt, KeyCode::Char('q'));
    assert!(rt.app.should_quit);
    assert_eq!(plan_files(&store), 0, "nor does quitting at once");
    let mut rt = Runtime::new(&store, app(Lang::Pl));
    // One typed letter makes it a plan worth keeping.
    new_plan(&mut rt, "x");
    assert_eq!(plan_files(&store), 1);
}

#[test]
fn r_on_a_healthy_plan_says_why_nothing_happened() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(dir.path()).expect("store");
    let mut rt = Runtime::new(&store, app(Lang::En));
    new_plan(&mut rt, "Fine");
    key(&mut rt, KeyCode::Char('R'));
    let said = notice(Lang::En, rt.app.notice.as_ref().expect("a notice"));
    assert!(said.contains("reads fine"), "{said}");
}

#[test]
fn after_a_gap_jump_r_returns_to_the_same_gap_in_the_review() {
    let mut app = app(Lang::En);
    let plan = modelownia::plan::new("p1".into(), String::new());
    app.workbook = Some(modelownia::state::Workbook::new(plan, None));
    let wb = app.workbook.as_mut().expect("open");
    wb.step = Step::Review.index();
    wb.focus = modelownia::state::Focus::Content;
    wb.slot = modelownia::state::slots(Step::Review)
        .iter()
        .position(|s| *s == modelownia::state::Slot::Gaps)
        .expect("a gaps slot");
    wb.cursor = 3;
    let press = |app: &mut App, code| {
        let msg = modelownia::update::key_msg(app, KeyEvent::new(code, KeyModifiers::NONE));
        modelownia::update::update(app, msg)
    };
    press(&mut app, KeyCode::Enter);
    let wb = app.workbook.as_ref().expect("open");
    assert_ne!(wb.current_step(), Step::Review, "jumped to the gap");
    assert_eq!(wb.back_to_review, Some(3));
    press(&mut app, KeyCode::Char('r'));
    let wb = app.workbook.as_ref().expect("open");
    assert_eq!(wb.current_step(), Step::Review);
    assert_eq!(wb.cursor, 3);
    assert_eq!(wb.back_to_review, None);
}

#[test]
fn searches_ignore_case_and_polish_letters() {
    let mut app = app(Lang::Pl);
    app.home.rows = vec![modelownia::state::Row {
        id: "p1".into(),
        title: "Mural na Garażach".into(),
        updated: String::new(),
        percent: 0,
        damaged: None,
        has_backup: false,
        others: Vec::new(),
        order: String::new(),
    }];
    app.home.filter = "GARAZ".into();
    assert_eq!(app.visible_rows().len(), 1);
    let m = model::load_from(None).expect("model");
    let polish = m
        .methods
        .iter()
        .find(|x| x.name.pl.chars().any(|c| "ąćęłńóśźż".contains(c)))
        .expect("a method with a Polish letter in its name");
    let plain: String = modelownia::text::fold(&polish.name.pl).to_uppercase();
    let mut wb = modelownia::state::Workbook::new(modelownia::plan::Plan::default(), None);
    wb.method_filter = plain;
    let rows = modelownia::state::pick_rows(&m, &wb, modelownia::plan::PickKind::Methods);
    assert!(rows.iter().any(|r| r.id == polish.id), "{rows:?}");
}

#[test]
fn not_applicable_without_a_reason_does_not_fill_the_phase_bar() {
    let m = model::load_from(None).expect("model");
    let mut plan = modelownia::plan::Plan::default();
    let id = m.phases[0].items[0].id.clone();
    plan.checklist.insert(
        id.clone(),
        modelownia::plan::Check {
            state: CheckState::NotApplicable,
            note: String::new(),
        },
    );
    assert_eq!(modelownia::plan::phase_progress(&plan, &m, 0).done, 0);
    plan.checklist.get_mut(&id).expect("entry").note = "Spotkanie jest online.".into();
    assert_eq!(modelownia::plan::phase_progress(&plan, &m, 0).done, 1);
}

#[test]
fn a_window_too_small_to_draw_ignores_edits() {
    let mut app = app(Lang::En);
    let plan = modelownia::plan::new("p1".into(), String::new());
    app.workbook = Some(modelownia::state::Workbook::new(plan, None));
    let small = Rect::new(0, 0, 40, 10);
    let big = Rect::new(0, 0, 80, 24);
    let enter = Event::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    let letter = Event::Key(KeyEvent::new(KeyCode::Char('a'), KeyModifiers::NONE));
    assert!(to_msg(&app, enter.clone(), small).is_none());
    assert!(to_msg(&app, letter, small).is_none());
    assert!(to_msg(&app, Event::Paste("text".into()), small).is_none());
    assert!(to_msg(&app, enter, big).is_some());
    let quit = Event::Key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE));
    assert!(to_msg(&app, quit, small).is_some(), "leaving still works");
}

#[test]
fn english_messages_use_english_quotes() {
    let m = model::load_from(None).expect("model");
    let gap =
        modelownia::plan::Gap::NoNote(modelownia::plan::PickKind::Values, m.values[0].id.clone());
    let en = modelownia::describe::gap_text(&m, Lang::En, &gap);
    let pl = modelownia::describe::gap_text(&m, Lang::Pl, &gap);
    assert!(en.contains('“') && !en.contains('„'), "{en}");
    assert!(pl.contains('„'), "{pl}");
}

#[test]
fn the_list_shows_local_time_and_names_the_zone() {
    let mut app = app(Lang::Pl);
    app.utc_offset = 3600;
    app.home.rows = vec![modelownia::state::Row {
        id: "p1".into(),
        title: "Mural".into(),
        updated: "2026-11-27T23:30:00Z".into(),
        percent: 5,
        damaged: None,
        has_backup: false,
        others: Vec::new(),
        order: String::new(),
    }];
    let screen = screen(&app, 80, 24);
    assert!(screen.contains("zmiana (UTC+1)"), "{screen}");
    assert!(screen.contains("2026-11-28 00:30"), "{screen}");
}

/// A plan on the Logistics step with one method chosen and a wheelchair user in the group.
fn logistics_app() -> (App, modelownia::model::Method) {
    let mut app = app(Lang::Pl);
    let method = app.model.methods[0].clone();
    let mut plan = modelownia::plan::new("p1".into(), String::new());
    plan.methods.push(modelownia::plan::Pick {
        id: method.id.clone(),
        note: String::new(),
        ..modelownia::plan::Pick::default()
    });
    plan.group.needs = "Jedna osoba porusza się na wózku.".into();
    plan.logistics.materials = format!("- {}", method.materials[0].get(Lang::Pl).to_uppercase());
    let mut wb = modelownia::state::Workbook::new(plan, None);
    wb.step = Step::Logistics.index();
    wb.focus = modelownia::state::Focus::Content;
    app.workbook = Some(wb);
    (app, method)
}

#[test]
fn m_in_logistics_adds_the_methods_materials_and_risks_once() {
    let (mut app, method) = logistics_app();
    let press = |app: &mut App| {
        let msg =
            modelownia::update::key_msg(app, KeyEvent::new(KeyCode::Char('M'), KeyModifiers::NONE));
        modelownia::update::update(app, msg);
    };
    press(&mut app);
    let wb = app.workbook.as_ref().expect("open");
    let materials = &wb.plan.logistics.materials;
    assert_eq!(
        materials.lines().count(),
        method.materials.len(),
        "{materials}"
    );
    assert_eq!(wb.plan.logistics.risks.lines().count(), method.risks.len());
    assert!(wb.unsaved());
    assert!(matches!(app.notice, Some(Notice::Filled(m, _)) if m == method.materials.len() - 1));
    // A second press adds nothing more.
    press(&mut app);
    let wb = app.workbook.as_ref().expect("open");
    assert_eq!(
        wb.plan.logistics.materials.lines().count(),
        method.materials.len()
    );
    assert!(matches!(app.notice, Some(Notice::Filled(0, 0))));
}

#[test]
fn the_groups_needs_show_beside_accessibility() {
    let (mut app, _) = logistics_app();
    let wb = app.workbook.as_mut().expect("open");
    wb.slot = modelownia::state::slots(Step::Logistics)
        .iter()
        .position(|s| {
            *s == modelownia::state::Slot::Field(modelownia::plan::FieldId::Accessibility)
        })
        .expect("accessibility");
    let screen = screen(&app, 120, 35);
    assert!(screen.contains("Z kroku Grupa"), "{screen}");
    assert!(screen.contains("porusza się na wózku"), "{screen}");
}

#[test]
fn a_role_gets_a_contact_that_reaches_the_emergency_sheet() {
    let mut app = app(Lang::Pl);
    let mut wb =
        modelownia::state::Workbook::new(modelownia::plan::new("p1".into(), String::new()), None);
    wb.step = Step::Roles.index();
    wb.focus = modelownia::state::Focus::Content;
    wb.slot = modelownia::state::slots(Step::Roles)
        .iter()
        .position(|s| *s == modelownia::state::Slot::Picks(modelownia::plan::PickKind::Roles))
        .expect("roles list");
    app.workbook = Some(wb);
    let press = |app: &mut App, code| {
        let msg = modelownia::update::key_msg(app, KeyEvent::new(code, KeyModifiers::NONE));
        modelownia::update::update(app, msg);
    };
    press(&mut app, KeyCode::Char('p'));
    for c in "601 234 567".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Esc);
    let wb = app.workbook.as_ref().expect("open");
    assert_eq!(
        wb.plan.roles.len(),
        1,
        "p picks the role it gives a contact to"
    );
    assert_eq!(wb.plan.roles[0].contact, "601 234 567");
    let pack = modelownia::export::render(
        &wb.plan,
        &app.model,
        Lang::Pl,
        modelownia::export::Format::Markdown,
        modelownia::export::Options {
            full: false,
            pack: true,
        },
    );
    let row = pack
        .lines()
        .find(|l| l.contains("601 234 567") && l.starts_with('|'))
        .expect("a contacts row");
    assert!(row.ends_with("| 601 234 567 |"), "{row}");
}

#[test]
fn the_edit_box_shows_its_text_again_after_the_window_grows_back() {
    let mut app = app(Lang::En);
    let mut plan = modelownia::plan::new("p1".into(), String::new());
    plan.context.idea = (1..=6)
        .map(|i| format!("line {i}"))
        .collect::<Vec<_>>()
        .join("\n");
    app.workbook = Some(modelownia::state::Workbook::new(plan, None));
    modelownia::update::edit_field(&mut app, modelownia::plan::FieldId::Idea);
    let before = screen(&app, 80, 24);
    assert!(
        before.contains("line 1") && before.contains("line 6"),
        "{before}"
    );
    let _ = screen(&app, 60, 20);
    modelownia::update::update(&mut app, modelownia::update::Msg::Resized);
    let _ = screen(&app, 60, 20);
    modelownia::update::update(&mut app, modelownia::update::Msg::Resized);
    let after = screen(&app, 80, 24);
    assert!(
        after.contains("line 1") && after.contains("line 6"),
        "{after}"
    );
}

#[test]
fn a_resize_keeps_the_cursor_and_the_undo_history_of_the_edit_box() {
    let mut app = app(Lang::En);
    let mut plan = modelownia::plan::new("p1".into(), String::new());
    plan.context.idea = (1..=30)
        .map(|i| format!("line {i}"))
        .collect::<Vec<_>>()
        .join("\n");
    app.workbook = Some(modelownia::state::Workbook::new(plan, None));
    modelownia::update::edit_field(&mut app, modelownia::plan::FieldId::Idea);
    let press = |app: &mut App, code, mods| {
        let msg = modelownia::update::key_msg(app, KeyEvent::new(code, mods));
        modelownia::update::update(app, msg)
    };
    for c in "xyz".chars() {
        press(&mut app, KeyCode::Char(c), KeyModifiers::NONE);
    }
    let _ = screen(&app, 80, 24);
    let typed = editor_text(&app);
    assert!(typed.contains("xyz"), "{typed}");
    let _ = screen(&app, 60, 20);
    modelownia::update::update(&mut app, modelownia::update::Msg::Resized);
    let after = screen(&app, 60, 20);
    assert!(
        after.contains("xyz"),
        "the cursor's line is in view: {after}"
    );
    press(&mut app, KeyCode::Char('z'), KeyModifiers::CONTROL);
    assert!(
        !editor_text(&app).contains("xyz"),
        "Ctrl+Z still undoes what was typed before the resize: {}",
        editor_text(&app)
    );
}

fn editor_text(app: &App) -> String {
    app.workbook
        .as_ref()
        .and_then(|wb| wb.editor.as_ref())
        .map(|e| e.text())
        .unwrap_or_default()
}

#[test]
fn a_presentation_moves_reveals_and_jumps() {
    let mut app = app(Lang::En);
    app.present = Some(modelownia::state::Presenting::new(
        modelownia::present::Deck::Values,
    ));
    let n = app.model.values.len();
    let press = |app: &mut App, code| {
        let msg = modelownia::update::key_msg(app, KeyEvent::new(code, KeyModifiers::NONE));
        modelownia::update::update(app, msg)
    };
    let at = |app: &App| {
        let p = app.present.as_ref().expect("presenting");
        (p.index, p.revealed)
    };
    press(&mut app, KeyCode::Left);
    assert_eq!(at(&app), (0, 0), "no slide before the first");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(at(&app), (0, 2), "two questions shown, one at a time");
    for _ in 0..10 {
        press(&mut app, KeyCode::Down);
    }
    assert_eq!(
        at(&app).1,
        app.model.values[0].questions.len(),
        "never more than there are"
    );
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(
        at(&app),
        (1, 0),
        "the next slide starts with its questions hidden"
    );
    press(&mut app, KeyCode::End);
    assert_eq!(at(&app).0, n - 1);
    press(&mut app, KeyCode::Right);
    assert_eq!(at(&app).0, n - 1, "no slide after the last");
    press(&mut app, KeyCode::Char('5'));
    press(&mut app, KeyCode::Enter);
    assert_eq!(at(&app), (4, 0), "5 Enter goes to slide 5");
    press(&mut app, KeyCode::Char('9'));
    press(&mut app, KeyCode::Char('9'));
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        at(&app).0,
        n - 1,
        "a number past the end goes to the last slide"
    );
    let effects = press(&mut app, KeyCode::Char('q'));
    assert_eq!(effects, vec![modelownia::update::Effect::Quit]);
}

#[test]
fn present_names_what_it_can_show_when_asked_for_something_else() {
    let data = tempfile::tempdir().expect("tempdir");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_modelownia"))
        .env(
            "MODELOWNIA_CONFIG_DIR",
            "/nonexistent/modelownia-test-config",
        )
        .args(["present", "valuez"])
        .env("MODELOWNIA_DATA_DIR", data.path())
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unknown section 'valuez'") && err.contains("our-courtyard"),
        "{err}"
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_modelownia"))
        .env(
            "MODELOWNIA_CONFIG_DIR",
            "/nonexistent/modelownia-test-config",
        )
        .args(["present", "scenario", "nope"])
        .env("MODELOWNIA_DATA_DIR", data.path())
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no example scenario 'nope'"));
}

#[test]
fn f2_cycles_the_themes_and_never_brings_colour_back_under_no_color() {
    use modelownia::theme::ThemeName;
    let mut app = app(Lang::En);
    let press = |app: &mut App| {
        let msg =
            modelownia::update::key_msg(app, KeyEvent::new(KeyCode::F(2), KeyModifiers::NONE));
        modelownia::update::update(app, msg);
    };
    let mut seen = vec![app.theme.name];
    for _ in 0..3 {
        press(&mut app);
        seen.push(app.theme.name);
    }
    assert_eq!(
        seen,
        [
            ThemeName::Default,
            ThemeName::HighContrast,
            ThemeName::Mono,
            ThemeName::Default
        ]
    );
    app.no_color = true;
    app.theme = modelownia::theme::Theme::chosen(None, true);
    press(&mut app);
    assert_eq!(app.theme, app.theme.without_colour(), "still no colour");
}

#[test]
fn an_unknown_theme_is_named_with_the_choices() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_modelownia"))
        .env(
            "MODELOWNIA_CONFIG_DIR",
            "/nonexistent/modelownia-test-config",
        )
        .args(["--theme", "neon", "check-model"])
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unknown theme 'neon'; choose one of: default, high-contrast, mono"),
        "{err}"
    );
}

#[test]
fn p_on_the_list_presents_and_esc_comes_back_to_the_list() {
    let mut app = app(Lang::En);
    let press = |app: &mut App, code| {
        let msg = modelownia::update::key_msg(app, KeyEvent::new(code, KeyModifiers::NONE));
        modelownia::update::update(app, msg)
    };
    press(&mut app, KeyCode::Char('P'));
    assert_eq!(app.home.dialog, Some(Dialog::Present(0)));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    let p = app.present.as_ref().expect("presenting");
    assert_eq!(p.deck, modelownia::present::Deck::Directions);
    let effects = press(&mut app, KeyCode::Esc);
    assert!(
        effects.is_empty(),
        "leaving a show started here does not quit"
    );
    assert!(app.present.is_none() && !app.should_quit);
}

#[test]
fn a_blank_plan_open_read_only_elsewhere_is_never_removed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(dir.path()).expect("store");
    let plan = modelownia::plan::new("p1".into(), "2026-12-01T10:00:00Z".into());
    store.save(&plan).expect("save");
    // Another window has it.
    let _held = store.lock("p1").expect("lock");
    let mut rt = Runtime::new(&store, app(Lang::En));
    key(&mut rt, KeyCode::Enter);
    assert!(
        rt.app
            .workbook
            .as_ref()
            .is_some_and(|wb| wb.read_only.is_some()),
        "opened read-only"
    );
    key(&mut rt, KeyCode::Esc);
    assert!(rt.app.workbook.is_none(), "closed");
    assert_eq!(plan_files(&store), 1, "the other window's plan stays");
}

#[cfg(unix)]
#[test]
fn a_trash_folder_that_is_a_link_is_neither_listed_nor_emptied() {
    let dir = tempfile::tempdir().expect("tempdir");
    let elsewhere = tempfile::tempdir().expect("tempdir");
    let theirs = elsewhere.path().join("p1.ron");
    std::fs::write(&theirs, "not ours").expect("write");
    let store = Store::open(dir.path()).expect("store");
    std::os::unix::fs::symlink(elsewhere.path(), store.trash_dir()).expect("link");
    assert!(store.trashed().is_empty());
    assert_eq!(store.empty_trash().expect("refused quietly"), 0);
    assert!(theirs.exists(), "nothing behind the link was deleted");
    assert!(store.untrash("p1").is_err());
}

#[test]
fn only_a_plan_under_its_own_id_comes_back_from_the_trash() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(dir.path()).expect("store");
    std::fs::create_dir_all(store.trash_dir()).expect("trash");
    // A rescued copy trashed earlier: its name looks like an id, its plan is another.
    let plan = modelownia::plan::new("p1".into(), String::new());
    std::fs::write(
        store.trash_dir().join("p1-20261203T132829Z.ron"),
        modelownia::storage::encode(&plan),
    )
    .expect("write");
    assert!(store.trashed().is_empty(), "not offered");
    assert!(store.untrash("p1-20261203T132829Z").is_err());
    assert_eq!(
        store.empty_trash().expect("emptied"),
        1,
        "but it goes when emptied"
    );
}

#[test]
fn a_resize_reaches_update_even_in_a_window_too_small_to_draw() {
    let app = app(Lang::En);
    let small = Rect::new(0, 0, 40, 10);
    let msg = to_msg(&app, Event::Resize(100, 30), small);
    assert_eq!(msg, Some(modelownia::update::Msg::Resized));
}

#[test]
fn a_closed_error_pipe_does_not_crash_the_command() {
    use std::io::Read;
    let dir = tempfile::tempdir().expect("tempdir");
    let mut args = vec!["check-plan".to_string()];
    for i in 0..300 {
        let p = dir.path().join(format!("b{i}.ron"));
        std::fs::write(&p, "(broken").expect("write");
        args.push(p.display().to_string());
    }
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_modelownia"))
        .env(
            "MODELOWNIA_CONFIG_DIR",
            "/nonexistent/modelownia-test-config",
        )
        .args(&args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut err = child.stderr.take().expect("stderr");
    let mut first = [0u8; 16];
    err.read_exact(&mut first).expect("some error text");
    drop(err);
    let status = child.wait().expect("wait");
    assert_eq!(status.code(), Some(2), "exit 2, not a panic: {status:?}");
}
