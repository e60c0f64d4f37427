//! The update logic driven by real key events, without a terminal or a disk.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use modelownia::lang::Lang;
use modelownia::model;
use modelownia::plan::{CheckState, FieldId, Plan, Step};
use modelownia::state::{App, Dialog, EditTarget, Focus, Row, SaveStatus, Workbook};
use modelownia::update::{self, Effect, Msg, unsaved, update};

fn app_with_plan() -> App {
    let m = model::load_from(None).expect("embedded model");
    let mut app = App::new(m, Lang::En);
    let plan = Plan {
        version: 1,
        id: "p1".into(),
        ..Plan::default()
    };
    app.workbook = Some(Workbook::new(plan, None));
    app
}

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    update::press(app, KeyEvent::new(code, KeyModifiers::NONE))
}

fn ctrl(app: &mut App, c: char) -> Vec<Effect> {
    update::press(app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

fn typ(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn wb(app: &App) -> &Workbook {
    app.workbook.as_ref().expect("a plan is open")
}

fn go_to(app: &mut App, step: Step) {
    let w = app.workbook.as_mut().expect("open");
    w.step = step.index();
    w.focus = Focus::Content;
    w.slot = 0;
    w.cursor = 0;
}

#[test]
fn picking_a_value_and_justifying_it() {
    let mut app = app_with_plan();
    go_to(&mut app, Step::Values);
    let first = app.model.values[0].id.clone();
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(wb(&app).plan.values.len(), 1);
    assert_eq!(wb(&app).plan.values[0].id, first);
    assert_eq!(wb(&app).save, SaveStatus::Pending);
    assert!(unsaved(&app));

    press(&mut app, KeyCode::Enter);
    assert!(matches!(
        wb(&app).editor.as_ref().map(|e| &e.target),
        Some(EditTarget::PickNote(..))
    ));
    typ(
        &mut app,
        "Grupa sama wybiera trasę; q i L to litery, nie klawisze.",
    );
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "Druga linia.");
    press(&mut app, KeyCode::Esc);
    assert!(wb(&app).editor.is_none());
    assert_eq!(
        wb(&app).plan.values[0].note,
        "Grupa sama wybiera trasę; q i L to litery, nie klawisze.\nDruga linia."
    );
    assert!(!app.should_quit);
    assert_eq!(app.lang, Lang::En);
}

#[test]
fn enter_on_an_unpicked_value_picks_it_and_unpicking_keeps_the_note_for_the_session() {
    let mut app = app_with_plan();
    go_to(&mut app, Step::Values);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "bo tak");
    press(&mut app, KeyCode::Esc);
    let id = app.model.values[1].id.clone();
    assert_eq!(wb(&app).plan.values[0].id, id);
    press(&mut app, KeyCode::Char(' '));
    assert!(wb(&app).plan.values.is_empty());
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(wb(&app).plan.values[0].note, "bo tak");
}

#[test]
fn checklist_cycles_todo_done_not_applicable() {
    let mut app = app_with_plan();
    go_to(&mut app, Step::Checklist);
    press(&mut app, KeyCode::Tab);
    let id = app.model.phases[0].items[0].id.clone();
    let state = |app: &App| modelownia::plan::state(&wb(app).plan, &id);
    assert_eq!(state(&app), CheckState::Todo);
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(state(&app), CheckState::Done);
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(state(&app), CheckState::NotApplicable);
    let gaps = modelownia::plan::gaps(&wb(&app).plan, &app.model);
    assert!(gaps.contains(&modelownia::plan::Gap::NoReason(id.clone())));
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "Spotkanie online");
    press(&mut app, KeyCode::Esc);
    let gaps = modelownia::plan::gaps(&wb(&app).plan, &app.model);
    assert!(!gaps.contains(&modelownia::plan::Gap::NoReason(id.clone())));
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(state(&app), CheckState::Todo);
    // The note stays with the item even when it is back to "to do".
    assert_eq!(wb(&app).plan.checklist[&id].note, "Spotkanie online");
}

#[test]
fn a_todo_item_without_a_note_leaves_no_trace_in_the_file() {
    let mut app = app_with_plan();
    go_to(&mut app, Step::Checklist);
    for _ in 0..3 {
        press(&mut app, KeyCode::Char(' '));
    }
    assert!(wb(&app).plan.checklist.is_empty());
}

#[test]
fn enter_on_a_gap_jumps_to_its_step_and_field() {
    let mut app = app_with_plan();
    go_to(&mut app, Step::Review);
    // The first gap of an empty plan is its empty title.
    press(&mut app, KeyCode::Enter);
    assert_eq!(wb(&app).current_step(), Step::Context);
    assert_eq!(
        wb(&app).current_slot(),
        Some(modelownia::state::Slot::Field(FieldId::Title))
    );
}

#[test]
fn tab_walks_fields_then_on_to_the_next_step_and_esc_goes_back() {
    let mut app = app_with_plan();
    go_to(&mut app, Step::Goals);
    press(&mut app, KeyCode::Tab);
    assert_eq!(wb(&app).slot, 1);
    press(&mut app, KeyCode::Tab);
    assert_eq!(wb(&app).current_step(), Step::Values);
    update::press(
        &mut app,
        KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
    );
    assert_eq!(wb(&app).current_step(), Step::Goals);
    press(&mut app, KeyCode::Esc);
    assert_eq!(wb(&app).focus, Focus::Steps);
    assert_eq!(press(&mut app, KeyCode::Esc), vec![Effect::Close]);
}

#[test]
fn tab_while_typing_moves_to_the_next_field_still_typing() {
    let mut app = app_with_plan();
    go_to(&mut app, Step::Context);
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "Tytuł");
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "Oksywie");
    press(&mut app, KeyCode::Esc);
    assert_eq!(wb(&app).plan.context.title, "Tytuł");
    assert_eq!(wb(&app).plan.context.area, "Oksywie");
}

#[test]
fn undo_and_paste_in_a_field() {
    let mut app = app_with_plan();
    go_to(&mut app, Step::Context);
    press(&mut app, KeyCode::Enter);
    update(&mut app, Msg::Paste("Spacer\r\npo osiedlu".into()));
    assert_eq!(
        wb(&app).plan.context.title,
        "Spacer po osiedlu",
        "single-line fields take no newlines"
    );
    typ(&mut app, "!");
    ctrl(&mut app, 'z');
    assert_eq!(wb(&app).plan.context.title, "Spacer po osiedlu");
    press(&mut app, KeyCode::Enter);
    assert!(
        wb(&app).editor.is_none(),
        "Enter leaves a single-line field"
    );
}

#[test]
fn quit_save_and_language_keys() {
    let mut app = app_with_plan();
    assert_eq!(press(&mut app, KeyCode::Char('q')), vec![Effect::Quit]);
    assert_eq!(ctrl(&mut app, 's'), vec![Effect::Save]);
    press(&mut app, KeyCode::Char('L'));
    assert_eq!(app.lang, Lang::Pl);
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(
        app.help,
        Some(modelownia::keymap::Ctx::Steps),
        "help remembers where it was opened"
    );
    press(&mut app, KeyCode::Esc);
    assert!(app.help.is_none());
    // With unsaved changes that failed to save, a second q quits anyway.
    app.quit_armed = true;
    assert!(press(&mut app, KeyCode::Char('q')).is_empty());
    assert!(app.should_quit);
}

#[test]
fn read_only_plans_refuse_edits() {
    let mut app = app_with_plan();
    if let Some(w) = app.workbook.as_mut() {
        w.read_only = Some(modelownia::state::ReadOnlyReason::OpenElsewhere(None));
    }
    go_to(&mut app, Step::Values);
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Enter);
    assert!(wb(&app).plan.values.is_empty());
    assert!(wb(&app).editor.is_none());
    let notice = app
        .notice
        .as_ref()
        .map(|n| modelownia::state::notice(app.lang, n));
    assert_eq!(
        notice.as_deref(),
        Some("the plan is open in another modelownia window")
    );
}

fn home() -> App {
    let m = model::load_from(None).expect("embedded model");
    let mut app = App::new(m, Lang::Pl);
    for (id, title) in [("a", "Spacer"), ("b", "Taniec"), ("c", "Mural")] {
        app.home.rows.push(Row {
            id: id.into(),
            title: title.into(),
            updated: String::new(),
            percent: 0,
            damaged: None,
            has_backup: false,
            others: Vec::new(),
            order: String::new(),
        });
    }
    app
}

#[test]
fn home_keys_ask_for_the_right_effects() {
    let mut app = home();
    assert_eq!(press(&mut app, KeyCode::Char('n')), vec![Effect::Create]);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        vec![Effect::Open("b".into())]
    );
    assert_eq!(
        press(&mut app, KeyCode::Char('c')),
        vec![Effect::Duplicate("b".into())]
    );
    press(&mut app, KeyCode::Char('d'));
    assert_eq!(app.home.dialog, Some(Dialog::ConfirmDelete("b".into())));
    assert!(
        press(&mut app, KeyCode::Char('n')).is_empty(),
        "n answers no here"
    );
    assert_eq!(app.home.dialog, None);
    press(&mut app, KeyCode::Char('d'));
    assert_eq!(
        press(&mut app, KeyCode::Char('y')),
        vec![Effect::Trash("b".into())]
    );
}

#[test]
fn rename_and_filter_on_home() {
    let mut app = home();
    press(&mut app, KeyCode::Char('r'));
    for _ in 0.."Spacer".len() {
        press(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "Spacer źdźbło");
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        vec![Effect::Rename("a".into(), "Spacer źdźbło".into())]
    );
    press(&mut app, KeyCode::Char('r'));
    assert!(
        press(&mut app, KeyCode::Esc).is_empty(),
        "Esc cancels a rename"
    );

    press(&mut app, KeyCode::Char('/'));
    typ(&mut app, "tan");
    assert_eq!(app.visible_rows().len(), 1);
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        vec![Effect::Open("b".into())]
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.visible_rows().len(), 3);
}

#[test]
fn methods_filter_by_text_and_by_chosen_directions() {
    let mut app = app_with_plan();
    go_to(&mut app, Step::Methods);
    let all =
        modelownia::state::pick_rows(&app.model, wb(&app), modelownia::plan::PickKind::Methods)
            .len();
    assert_eq!(all, app.model.methods.len());
    press(&mut app, KeyCode::Char('f'));
    let none =
        modelownia::state::pick_rows(&app.model, wb(&app), modelownia::plan::PickKind::Methods)
            .len();
    assert_eq!(none, 0, "no direction chosen yet, so nothing fits");
    press(&mut app, KeyCode::Char('f'));
    press(&mut app, KeyCode::Char('/'));
    let name = app.model.methods[2].name.en.clone();
    typ(&mut app, &name);
    press(&mut app, KeyCode::Enter);
    let rows =
        modelownia::state::pick_rows(&app.model, wb(&app), modelownia::plan::PickKind::Methods);
    assert!(rows.iter().any(|r| r.id == app.model.methods[2].id));
    assert!(rows.len() < all);
}

#[test]
fn mouse_wheel_moves_and_scrolling_ignores_dialogs() {
    let mut app = home();
    update(&mut app, Msg::Scroll(1));
    assert_eq!(app.home.selected, 1);
    update(&mut app, Msg::Scroll(-1));
    assert_eq!(app.home.selected, 0);
}

#[test]
fn starting_from_an_example_scenario() {
    let mut app = home();
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.home.dialog, Some(Dialog::Scenario(0)));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Down);
    let id = app.model.scenarios[1].id.clone();
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        vec![Effect::CreateFrom(id)]
    );
    assert_eq!(app.home.dialog, None);
    press(&mut app, KeyCode::Char('s'));
    assert!(press(&mut app, KeyCode::Esc).is_empty());
    assert_eq!(app.home.dialog, None);
}

fn damaged_home(has_backup: bool) -> App {
    let mut app = home();
    app.home.rows[0].damaged = Some(Box::new(modelownia::ron_error::Located::at(
        "plans/a.ron",
        "",
        1,
        1,
        "broken",
    )));
    app.home.rows[0].has_backup = has_backup;
    app
}

#[test]
fn restore_is_only_for_damaged_plans_with_a_backup() {
    let mut app = home();
    assert!(
        press(&mut app, KeyCode::Char('R')).is_empty(),
        "a healthy plan is never replaced by its backup"
    );
    let mut app = damaged_home(false);
    assert!(press(&mut app, KeyCode::Char('R')).is_empty());
    let mut app = damaged_home(true);
    assert_eq!(
        press(&mut app, KeyCode::Char('R')),
        vec![Effect::Restore("a".into())]
    );
}

#[test]
fn pasting_into_the_filter_starts_from_the_first_match() {
    let mut app = home();
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('/'));
    update(&mut app, Msg::Paste("tan".into()));
    assert_eq!(app.home.selected, 0);
    assert_eq!(app.selected_row().map(|r| r.id.as_str()), Some("b"));
    // Esc while typing drops the filter; Enter would keep it.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.visible_rows().len(), 3);
}

#[test]
fn q_quits_from_dialogs_and_help_but_types_in_text() {
    let mut app = home();
    press(&mut app, KeyCode::Char('d'));
    assert_eq!(press(&mut app, KeyCode::Char('q')), vec![Effect::Quit]);
    let mut app = home();
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(press(&mut app, KeyCode::Char('q')), vec![Effect::Quit]);
    let mut app = home();
    press(&mut app, KeyCode::Char('/'));
    assert!(press(&mut app, KeyCode::Char('q')).is_empty());
    assert_eq!(app.home.filter, "q");
}

#[test]
fn altgr_letters_from_windows_are_text() {
    let mut app = app_with_plan();
    go_to(&mut app, Step::Context);
    press(&mut app, KeyCode::Enter);
    let altgr = KeyModifiers::CONTROL | KeyModifiers::ALT;
    update::press(&mut app, KeyEvent::new(KeyCode::Char('ą'), altgr));
    update::press(&mut app, KeyEvent::new(KeyCode::Char('ś'), altgr));
    assert_eq!(wb(&app).plan.context.title, "ąś");
}

#[test]
fn clicks_do_nothing_under_the_help_overlay() {
    let mut app = app_with_plan();
    app.help = Some(modelownia::keymap::Ctx::Steps);
    update(
        &mut app,
        Msg::Click(modelownia::update::ClickTarget::Step(5)),
    );
    assert_eq!(wb(&app).step, 0);
}

#[test]
fn a_read_only_plan_still_jumps_from_its_gaps() {
    let mut app = app_with_plan();
    if let Some(w) = app.workbook.as_mut() {
        w.read_only = Some(modelownia::state::ReadOnlyReason::NewerVersion);
    }
    go_to(&mut app, Step::Review);
    press(&mut app, KeyCode::Enter);
    assert_eq!(wb(&app).current_step(), Step::Context);
}

#[test]
fn a_checklist_gap_jumps_to_the_first_item_still_to_do() {
    let mut app = app_with_plan();
    go_to(&mut app, Step::Checklist);
    // The facts head the step; the list is the next slot.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char(' '));
    let first_todo = app.model.phases[0].items[1].id.clone();
    go_to(&mut app, Step::Review);
    let gaps = modelownia::plan::gaps(&wb(&app).plan, &app.model);
    let at = gaps
        .iter()
        .position(|g| matches!(g, modelownia::plan::Gap::ChecklistTodo(0, _)))
        .expect("a checklist gap");
    app.workbook.as_mut().expect("open").cursor = at;
    press(&mut app, KeyCode::Enter);
    let rows = modelownia::state::checklist_rows(&app.model, wb(&app));
    assert_eq!(rows[wb(&app).cursor].1, first_todo);
}

#[test]
fn the_guide_scrolls_and_starts_again_when_the_focus_moves() {
    let mut app = app_with_plan();
    go_to(&mut app, Step::Methods);
    press(&mut app, KeyCode::Char('J'));
    press(&mut app, KeyCode::Char('J'));
    assert_eq!(wb(&app).guide_scroll, 6);
    press(&mut app, KeyCode::Char('K'));
    assert_eq!(wb(&app).guide_scroll, 3);
    press(&mut app, KeyCode::Down);
    assert_eq!(wb(&app).guide_scroll, 0);
}

#[test]
fn help_from_a_dialog_explains_the_dialog_and_closing_it_returns_there() {
    let mut app = home();
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.help, Some(modelownia::keymap::Ctx::Confirm));
    // Keys of the dialog do nothing while help is open.
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.home.dialog, Some(Dialog::ConfirmDelete("a".into())));
    press(&mut app, KeyCode::Esc);
    assert!(app.help.is_none());
    assert_eq!(app.ctx(), modelownia::keymap::Ctx::Confirm);
}

#[test]
fn a_notice_is_re_worded_when_the_language_changes() {
    let mut app = home();
    app.notice = Some(modelownia::state::Notice::CloseUnsaved);
    let pl = modelownia::state::notice(Lang::Pl, app.notice.as_ref().unwrap());
    let en = modelownia::state::notice(Lang::En, app.notice.as_ref().unwrap());
    assert_ne!(pl, en);
    let buffer = |app: &App| {
        let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
        t.draw(|f| modelownia::ui::render(app, f)).unwrap();
        format!("{:?}", t.backend())
    };
    let start = |s: &str| s.chars().take(20).collect::<String>();
    assert!(buffer(&app).contains(&start(&pl)));
    app.lang = Lang::En;
    assert!(buffer(&app).contains(&start(&en)));
}

#[test]
fn an_unknown_checklist_entry_is_a_gap_that_leads_to_it_and_space_lets_it_go() {
    let mut app = app_with_plan();
    let check = modelownia::plan::Check {
        state: CheckState::Done,
        note: "from the old model".into(),
    };
    app.workbook
        .as_mut()
        .expect("open")
        .plan
        .checklist
        .insert("gone-item".into(), check);
    let gap = modelownia::plan::Gap::UnknownCheck("gone-item".into());
    let gaps = modelownia::plan::gaps(&wb(&app).plan, &app.model);
    let at = gaps
        .iter()
        .position(|g| *g == gap)
        .expect("listed as a gap");
    go_to(&mut app, Step::Review);
    app.workbook.as_mut().expect("open").cursor = at;
    press(&mut app, KeyCode::Enter);
    assert_eq!(wb(&app).current_step(), Step::Checklist);
    assert_eq!(
        wb(&app).cursor,
        app.model.checklist_len(),
        "after the model's rows"
    );
    let before = modelownia::plan::progress(&wb(&app).plan, &app.model);
    press(&mut app, KeyCode::Char(' '));
    assert!(!wb(&app).plan.checklist.contains_key("gone-item"));
    assert!(!modelownia::plan::gaps(&wb(&app).plan, &app.model).contains(&gap));
    let after = modelownia::plan::progress(&wb(&app).plan, &app.model);
    assert_eq!(after.total, before.total - 1);
    assert_eq!(after.done, before.done);
    assert_eq!(
        wb(&app).cursor,
        app.model.checklist_len() - 1,
        "the cursor stays in the list"
    );
}
