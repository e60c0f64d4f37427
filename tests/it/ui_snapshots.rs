//! Every screen rendered with ratatui's TestBackend and compared with a stored snapshot:
//! every workbook step, home, help and review, at 80×24 and 200×60, in Polish and English.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use modelownia::lang::Lang;
use modelownia::model::{self, Model};
use modelownia::plan::{Check, CheckState, FieldId, Part, Pick, Plan, STEPS, Session};
use modelownia::state::{App, Dialog, Focus, Notice, Row, Workbook};
use modelownia::storage::{IoReason, SaveStep, StoreError};
use modelownia::update::{self, Msg};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn model() -> Model {
    model::load_from(None).expect("embedded model is valid")
}

fn draw(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    t.draw(|f| modelownia::ui::render(app, f)).expect("draw");
    t
}

/// A plan as a youth worker might have half-filled it.
fn sample_plan(m: &Model) -> Plan {
    let mut p = Plan {
        version: 1,
        id: "p-sample".into(),
        created: "2026-11-20T10:00:00Z".into(),
        updated: "2026-11-27T09:30:00Z".into(),
        ..Plan::default()
    };
    p.context.title = "Spacer badawczy po Chyloni".into();
    p.context.area = "Chylonia, obszar rewitalizacji".into();
    p.context.place = "Przystań, podwórko przy ul. Opata Hackiego".into();
    p.context.idea = "Nastolatki z osiedla prowadzą spacer i pokazują miejsca, które lubią, i te, których unikają. Robimy zdjęcia i notatki, a potem mapę.".into();
    p.group.who = "12 osób w wieku 13–16 lat".into();
    p.needs.observed = "Brak miejsca do spotkań po zmroku.\nPodwórko jest ciemne.".into();
    p.values.push(Pick {
        id: m.values[0].id.clone(),
        note: "Młodzi sami wybierają trasę.".into(),
        ..Pick::default()
    });
    p.values.push(Pick {
        id: m.values[1].id.clone(),
        note: String::new(),
        ..Pick::default()
    });
    p.directions.push(Pick {
        id: m.directions[0].id.clone(),
        note: "Zaczynamy od rozpoznania.".into(),
        ..Pick::default()
    });
    p.methods.push(Pick {
        id: m.methods[0].id.clone(),
        note: String::new(),
        ..Pick::default()
    });
    p.methods.push(Pick {
        id: "removed-method".into(),
        note: String::new(),
        ..Pick::default()
    });
    p.roles.push(Pick {
        id: m.roles[0].id.clone(),
        note: "Ania z Przystani".into(),
        ..Pick::default()
    });
    p.checklist.insert(
        m.phases[0].items[0].id.clone(),
        Check {
            state: CheckState::Done,
            note: String::new(),
        },
    );
    p.checklist.insert(
        m.phases[0].items[1].id.clone(),
        Check {
            state: CheckState::NotApplicable,
            note: String::new(),
        },
    );
    p.checklist.insert(
        "zz-removed-item".into(),
        Check {
            state: CheckState::Done,
            note: String::new(),
        },
    );
    let part = |id: &str, minutes, what: &str, method: &str, lead: &str| Part {
        id: id.into(),
        minutes,
        what: what.into(),
        method: method.into(),
        lead: lead.into(),
        ..Part::default()
    };
    p.sessions = vec![
        Session {
            label: "Spotkanie 1: spacer".into(),
            start: "2026-12-05T16:00".into(),
            minutes: 90,
            parts: vec![
                part(
                    "a1",
                    10,
                    "Rundka: ulubione miejsce na osiedlu",
                    "",
                    &m.roles[0].id,
                ),
                part(
                    "a2",
                    60,
                    "Spacer badawczy w trójkach",
                    &m.methods[0].id,
                    "Ania",
                ),
                part("a3", 15, "Mapa na ścianie i głosowanie kropkami", "", ""),
                part("a4", 10, "Zamknięcie: co zabieram?", "", &m.roles[0].id),
            ],
        },
        Session {
            label: "Spotkanie 2".into(),
            parts: vec![part("a5", 0, "Próba prezentacji", "", "")],
            ..Session::default()
        },
    ];
    let walk = &mut p.sessions[0].parts[1];
    walk.actual_minutes = Some(65);
    walk.notes.push(modelownia::plan::PartNote {
        at: "2026-12-05T15:42:00Z".into(),
        text: "Kuba: „przy garażach nikt nie siada, bo wieje”".into(),
    });
    p
}

fn workbook_app(lang: Lang) -> App {
    let m = model();
    let plan = sample_plan(&m);
    let mut app = App::new(m, lang);
    app.workbook = Some(Workbook::new(plan, None));
    app
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Pl => "pl",
        Lang::En => "en",
    }
}

#[test]
fn every_step_in_both_languages_and_two_sizes() {
    for lang in [Lang::Pl, Lang::En] {
        for (w, h) in [(80, 24), (200, 60)] {
            for (i, step) in STEPS.iter().enumerate() {
                let mut app = workbook_app(lang);
                if let Some(wb) = app.workbook.as_mut() {
                    wb.step = i;
                    wb.focus = Focus::Content;
                }
                let name = format!("step_{:02}_{step:?}_{}_{w}x{h}", i + 1, lang_code(lang));
                insta::assert_snapshot!(name, draw(&app, w, h).backend());
            }
        }
    }
}

fn home_app(lang: Lang) -> App {
    let mut app = App::new(model(), lang);
    app.home.rows = vec![
        Row {
            id: "broken".into(),
            title: String::new(),
            updated: String::new(),
            percent: 0,
            damaged: Some(Box::new(modelownia::ron_error::Located::at(
                "plans/broken.ron",
                "",
                3,
                12,
                modelownia::ron_error::Problem::from(ron::Error::ExpectedStructLikeEnd),
            ))),
            has_backup: true,
            order: String::new(),
            others: Vec::new(),
        },
        Row {
            id: "p2".into(),
            title: "Taniec po dziadkach".into(),
            updated: "2026-11-27T09:30:00Z".into(),
            percent: 64,
            damaged: None,
            has_backup: false,
            order: String::new(),
            others: vec![modelownia::storage::Origin::Conflict {
                tool: modelownia::storage::SyncTool::Syncthing,
                device: "LAPTOP7".into(),
                when: "2026-11-28 10:15:00".into(),
            }],
        },
        Row {
            id: "p1".into(),
            title: "Spacer badawczy po Chyloni".into(),
            updated: "2026-11-20T10:00:00Z".into(),
            percent: 12,
            damaged: None,
            has_backup: false,
            order: String::new(),
            others: Vec::new(),
        },
    ];
    app.home.selected = 1;
    app
}

#[test]
fn home_screens() {
    for lang in [Lang::Pl, Lang::En] {
        let l = lang_code(lang);
        let empty = App::new(model(), lang);
        insta::assert_snapshot!(
            format!("home_empty_{l}_80x24"),
            draw(&empty, 80, 24).backend()
        );
        let mut reading = App::new(model(), lang);
        reading.home.loading = true;
        insta::assert_snapshot!(
            format!("home_reading_{l}_80x24"),
            draw(&reading, 80, 24).backend()
        );
        let app = home_app(lang);
        insta::assert_snapshot!(format!("home_list_{l}_80x24"), draw(&app, 80, 24).backend());
        insta::assert_snapshot!(
            format!("home_list_{l}_200x60"),
            draw(&app, 200, 60).backend()
        );
        let mut confirm = home_app(lang);
        confirm.home.dialog = Some(Dialog::ConfirmDelete("p2".into()));
        insta::assert_snapshot!(
            format!("home_confirm_delete_{l}_80x24"),
            draw(&confirm, 80, 24).backend()
        );
        let mut rename = home_app(lang);
        rename.home.dialog = Some(Dialog::Rename {
            id: "p2".into(),
            text: "Taniec".into(),
        });
        insta::assert_snapshot!(
            format!("home_rename_{l}_80x24"),
            draw(&rename, 80, 24).backend()
        );
        let mut pick = App::new(model(), lang);
        pick.home.dialog = Some(Dialog::Scenario(3));
        insta::assert_snapshot!(
            format!("home_scenarios_{l}_80x24"),
            draw(&pick, 80, 24).backend()
        );
        let mut export = home_app(lang);
        export.home.dialog = Some(Dialog::Export {
            id: "p2".into(),
            choice: 2,
        });
        insta::assert_snapshot!(
            format!("home_export_{l}_80x24"),
            draw(&export, 80, 24).backend()
        );
        let mut filter = home_app(lang);
        filter.home.dialog = Some(Dialog::Filter);
        filter.home.filter = "spacer".into();
        filter.home.selected = 0;
        insta::assert_snapshot!(
            format!("home_filter_{l}_80x24"),
            draw(&filter, 80, 24).backend()
        );
    }
}

#[test]
fn help_overlay_on_home_and_in_the_workbook() {
    for lang in [Lang::Pl, Lang::En] {
        let l = lang_code(lang);
        let mut home = home_app(lang);
        key(&mut home, KeyCode::Char('?'));
        insta::assert_snapshot!(
            format!("help_home_{l}_80x24"),
            draw(&home, 80, 24).backend()
        );
        let mut wb = workbook_app(lang);
        if let Some(w) = wb.workbook.as_mut() {
            w.focus = Focus::Content;
        }
        key(&mut wb, KeyCode::Char('?'));
        insta::assert_snapshot!(
            format!("help_content_{l}_80x24"),
            draw(&wb, 80, 24).backend()
        );
    }
}

fn key(app: &mut App, code: KeyCode) {
    update::press(app, KeyEvent::new(code, KeyModifiers::NONE));
}

#[test]
fn editing_a_field_and_a_value_note() {
    let mut app = workbook_app(Lang::En);
    if let Some(wb) = app.workbook.as_mut() {
        wb.focus = Focus::Content;
    }
    update::edit_field(&mut app, FieldId::Idea);
    insta::assert_snapshot!("editing_idea_en_80x24", draw(&app, 80, 24).backend());

    let mut app = workbook_app(Lang::Pl);
    if let Some(wb) = app.workbook.as_mut() {
        wb.step = 4;
        wb.focus = Focus::Content;
    }
    key(&mut app, KeyCode::Enter);
    insta::assert_snapshot!("editing_value_note_pl_80x24", draw(&app, 80, 24).backend());
}

#[test]
fn review_after_jumping_from_a_gap_and_a_notice() {
    let mut app = workbook_app(Lang::En);
    if let Some(wb) = app.workbook.as_mut() {
        wb.step = 11;
        wb.focus = Focus::Content;
        wb.cursor = 2;
    }
    key(&mut app, KeyCode::Enter);
    app.notice = Some(Notice::Store(StoreError::Write {
        path: "/home/ania/.local/share/modelownia/plans/p-sample.ron".into(),
        step: SaveStep::Rename,
        reason: IoReason::DiskFull,
    }));
    insta::assert_snapshot!(
        "review_jump_then_notice_en_80x24",
        draw(&app, 80, 24).backend()
    );
}

#[test]
fn tiny_terminals_show_a_message_and_never_panic() {
    let app = workbook_app(Lang::En);
    insta::assert_snapshot!("too_small_en_59x20", draw(&app, 59, 20).backend());
    insta::assert_snapshot!("minimum_en_60x20", draw(&app, 60, 20).backend());
    for (w, h) in [
        (1, 1),
        (0, 0),
        (2, 80),
        (80, 1),
        (60, 19),
        (61, 20),
        (300, 100),
    ] {
        let mut t = Terminal::new(TestBackend::new(w, h)).expect("backend");
        t.draw(|f| modelownia::ui::render(&app, f)).expect("draw");
        let mut home = home_app(Lang::Pl);
        home.help = Some(modelownia::keymap::Ctx::Home);
        t.draw(|f| modelownia::ui::render(&home, f)).expect("draw");
    }
}

#[test]
fn clicks_land_on_what_is_drawn_there() {
    use modelownia::update::ClickTarget;
    use ratatui::layout::Rect;
    let area = Rect::new(0, 0, 80, 24);
    let mut app = workbook_app(Lang::En);
    // Row 2 is the first step (header, then the pane border).
    assert_eq!(
        modelownia::ui::hit_test(&app, area, 3, 2),
        Some(ClickTarget::Step(0))
    );
    assert_eq!(
        modelownia::ui::hit_test(&app, area, 3, 6),
        Some(ClickTarget::Step(4))
    );
    if let Some(wb) = app.workbook.as_mut() {
        wb.step = 4;
    }
    // The values list starts on the first content row; the third value is two rows below.
    assert_eq!(
        modelownia::ui::hit_test(&app, area, 30, 4),
        Some(ClickTarget::Slot(0, 2))
    );
    update::update(&mut app, Msg::Click(ClickTarget::Slot(0, 2)));
    let wb = app.workbook.as_ref().expect("open");
    assert_eq!((wb.focus, wb.cursor), (Focus::Content, 2));
    // Too small to draw means nothing to click.
    assert_eq!(
        modelownia::ui::hit_test(&app, Rect::new(0, 0, 40, 10), 3, 2),
        None
    );

    let home = home_app(Lang::En);
    // Border, then the column header, then the first plan.
    assert_eq!(
        modelownia::ui::hit_test(&home, area, 5, 3),
        Some(ClickTarget::HomeRow(0))
    );
    assert_eq!(
        modelownia::ui::hit_test(&home, area, 5, 5),
        Some(ClickTarget::HomeRow(2))
    );
    assert_eq!(modelownia::ui::hit_test(&home, area, 5, 6), None);
}

#[test]
fn a_scrolled_guide_and_a_failed_save() {
    let mut app = workbook_app(Lang::Pl);
    if let Some(wb) = app.workbook.as_mut() {
        wb.step = 6;
        wb.focus = Focus::Content;
        wb.guide_scroll = 9;
    }
    insta::assert_snapshot!("guide_scrolled_pl_80x24", draw(&app, 80, 24).backend());
    let mut app = workbook_app(Lang::Pl);
    if let Some(wb) = app.workbook.as_mut() {
        wb.save = modelownia::state::SaveStatus::Failed(StoreError::Write {
            path: "/home/ania/.local/share/modelownia/plans/p-sample.ron".into(),
            step: SaveStep::CreateTemp,
            reason: IoReason::DiskFull,
        });
    }
    insta::assert_snapshot!("save_failed_pl_80x24", draw(&app, 80, 24).backend());
}

#[test]
fn wide_titles_keep_the_list_columns_aligned() {
    let mut app = home_app(Lang::En);
    app.home.rows[1].title = "日本語の計画 🎨 mural".into();
    let t = draw(&app, 80, 24);
    let buf = t.backend().buffer();
    // The column (in cells) where the date starts on each plan row.
    let date_col = |y: u16| {
        (0..buf.area.width)
            .find(|&x| buf[(x, y)].symbol() == "2" && buf[(x + 1, y)].symbol() == "0")
    };
    let rows: Vec<u16> = (0..buf.area.height)
        .filter(|&y| (0..buf.area.width).any(|x| buf[(x, y)].symbol() == "%"))
        .filter(|&y| date_col(y).is_some())
        .collect();
    assert_eq!(rows.len(), 2, "two healthy plans listed");
    assert_eq!(date_col(rows[0]), date_col(rows[1]));
}

fn agenda_app(lang: Lang) -> App {
    let mut app = workbook_app(lang);
    if let Some(wb) = app.workbook.as_mut() {
        wb.step = modelownia::plan::Step::Agenda.index();
        wb.focus = Focus::Content;
        wb.cursor = 2;
    }
    app
}

#[test]
fn the_agenda_step_with_its_boxes_and_chooser() {
    for lang in [Lang::Pl, Lang::En] {
        let l = lang_code(lang);
        for (w, h) in [(80, 24), (120, 35)] {
            let app = agenda_app(lang);
            insta::assert_snapshot!(format!("agenda_{l}_{w}x{h}"), draw(&app, w, h).backend());
        }
        let mut app = agenda_app(lang);
        key(&mut app, KeyCode::Char('m'));
        insta::assert_snapshot!(
            format!("agenda_minutes_box_{l}_80x24"),
            draw(&app, 80, 24).backend()
        );
        let mut app = agenda_app(lang);
        key(&mut app, KeyCode::Char('i'));
        insta::assert_snapshot!(
            format!("agenda_method_chooser_{l}_80x24"),
            draw(&app, 80, 24).backend()
        );
    }
}

const MIN: u64 = 60_000;

/// The run view of session 1 at `now`, after `keys` were pressed from the start (time 0).
fn run_app(lang: Lang, steps: &[(u64, KeyCode)], now: u64) -> App {
    let mut app = agenda_app(lang);
    key(&mut app, KeyCode::Char('g'));
    for (at, code) in steps {
        app.now = *at;
        key(&mut app, *code);
    }
    app.now = now;
    app
}

#[test]
fn the_facilitation_view_in_each_state() {
    let sp = KeyCode::Char(' ');
    for lang in [Lang::Pl, Lang::En] {
        let l = lang_code(lang);
        let states: Vec<(&str, App)> = vec![
            ("before_start", run_app(lang, &[], 0)),
            ("running", run_app(lang, &[(0, sp)], 3 * MIN + 20_000)),
            ("paused", run_app(lang, &[(0, sp), (4 * MIN, sp)], 9 * MIN)),
            ("overtime", run_app(lang, &[(0, sp)], 12 * MIN + 5_000)),
            (
                "last_part",
                run_app(
                    lang,
                    &[
                        (0, sp),
                        (MIN, KeyCode::Char('n')),
                        (2 * MIN, KeyCode::Char('n')),
                        (3 * MIN, KeyCode::Char('n')),
                    ],
                    4 * MIN,
                ),
            ),
            (
                "capture",
                run_app(lang, &[(0, sp), (MIN, KeyCode::Char('c'))], 2 * MIN),
            ),
            (
                "leave_asked",
                run_app(lang, &[(0, sp), (MIN, KeyCode::Esc)], 2 * MIN),
            ),
        ];
        for (name, app) in states {
            for (w, h) in [(80, 24), (120, 35)] {
                insta::assert_snapshot!(
                    format!("run_{name}_{l}_{w}x{h}"),
                    draw(&app, w, h).backend()
                );
            }
        }
    }
}

#[test]
fn comparing_a_sync_conflict_field_by_field() {
    use modelownia::state::{Compare, CompareWith};
    use modelownia::storage::{Origin, Other, SyncTool};
    for lang in [Lang::Pl, Lang::En] {
        let mut app = home_app(lang);
        let m = model();
        let mine = sample_plan(&m);
        let mut theirs = mine.clone();
        theirs.context.place = "Świetlica przy ul. Kartuskiej".into();
        theirs.group.who = "14 osób w wieku 13–17 lat, dwie nowe".into();
        theirs.values.pop();
        let with = CompareWith::Other(Other {
            id: mine.id.clone(),
            path: "plans/p-sample.sync-conflict-20261128-101500-LAPTOP7.ron".into(),
            origin: Origin::Conflict {
                tool: SyncTool::Syncthing,
                device: "LAPTOP7".into(),
                when: "2026-11-28 10:15:00".into(),
            },
        });
        let mut c = Compare::new(mine.id.clone(), mine, theirs, with);
        c.take[1] = true;
        c.cursor = 1;
        app.compare = Some(c);
        let l = lang_code(lang);
        for (w, h) in [(80, 24), (120, 35)] {
            insta::assert_snapshot!(format!("compare_{l}_{w}x{h}"), draw(&app, w, h).backend());
        }
    }
}

#[test]
fn a_read_only_plan_whose_other_window_closed_offers_to_edit_here() {
    for lang in [Lang::Pl, Lang::En] {
        let mut app = workbook_app(lang);
        if let Some(wb) = app.workbook.as_mut() {
            wb.read_only = Some(modelownia::state::ReadOnlyReason::OpenElsewhere(Some(4242)));
            wb.lock_freed = true;
        }
        let l = lang_code(lang);
        insta::assert_snapshot!(
            format!("lock_freed_{l}_80x24"),
            draw(&app, 80, 24).backend()
        );
    }
}

#[test]
fn the_first_step_says_where_a_copied_plan_came_from() {
    for lang in [Lang::Pl, Lang::En] {
        let m = model();
        let mut plan = sample_plan(&m);
        plan.scenario = "our-courtyard".into();
        plan.origin = Some(modelownia::plan::Origin::Copy {
            id: "p7".into(),
            title: "Mural na garażach".into(),
        });
        let mut app = App::new(m, lang);
        app.workbook = Some(Workbook::new(plan, None));
        insta::assert_snapshot!(
            format!("step_context_lineage_{}_80x24", lang_code(lang)),
            draw(&app, 80, 24).backend()
        );
    }
}

#[test]
fn a_presentation_slide_with_a_question_revealed() {
    for lang in [Lang::Pl, Lang::En] {
        for (w, h) in [(120, 35), (80, 24)] {
            let mut app = App::new(model(), lang);
            let mut p = modelownia::state::Presenting::new(modelownia::present::Deck::Values);
            p.index = 2;
            p.revealed = 1;
            app.present = Some(p);
            insta::assert_snapshot!(
                format!("present_values_{}_{w}x{h}", lang_code(lang)),
                draw(&app, w, h).backend()
            );
        }
        let mut app = App::new(model(), lang);
        let mut p = modelownia::state::Presenting::new(modelownia::present::Deck::Scenario(
            "our-courtyard".into(),
        ));
        p.index = 1;
        p.jump = "4".into();
        app.present = Some(p);
        insta::assert_snapshot!(
            format!("present_scenario_{}_120x35", lang_code(lang)),
            draw(&app, 120, 35).backend()
        );
    }
}

#[test]
fn the_plan_list_asks_what_to_present() {
    for lang in [Lang::Pl, Lang::En] {
        let mut app = home_app(lang);
        app.home.dialog = Some(Dialog::Present(4));
        insta::assert_snapshot!(
            format!("home_present_{}_80x24", lang_code(lang)),
            draw(&app, 80, 24).backend()
        );
    }
}

#[test]
fn without_colour_no_cell_carries_a_colour_on_any_screen() {
    use ratatui::style::Color;
    for lang in [Lang::Pl, Lang::En] {
        let mut screens: Vec<App> = vec![home_app(lang), workbook_app(lang)];
        for i in 0..STEPS.len() {
            let mut app = workbook_app(lang);
            if let Some(wb) = app.workbook.as_mut() {
                wb.step = i;
                wb.focus = Focus::Content;
            }
            screens.push(app);
        }
        let mut present = App::new(model(), lang);
        present.present = Some(modelownia::state::Presenting::new(
            modelownia::present::Deck::Values,
        ));
        screens.push(present);
        for mut app in screens {
            app.theme = modelownia::theme::Theme::chosen(None, true);
            let t = draw(&app, 120, 35);
            for cell in t.backend().buffer().content() {
                assert!(
                    cell.fg == Color::Reset && cell.bg == Color::Reset,
                    "{:?} has colour {:?}/{:?}",
                    cell.symbol(),
                    cell.fg,
                    cell.bg
                );
            }
        }
    }
}

/// A Nicosia plan that answered its facts: the count of what they hide above the list, the
/// guide on an item with its level and legal basis, the hidden items on request, the age box.
#[test]
fn the_checklist_with_facts_that_hide_items() {
    for lang in [Lang::Pl, Lang::En] {
        let mut app = workbook_app(lang);
        if let Some(wb) = app.workbook.as_mut() {
            wb.plan.context.area = "Nicosia, old town".into();
            wb.plan.facts.trip = Some(false);
            wb.plan.facts.food = Some(true);
            wb.step = modelownia::plan::Step::Checklist.index();
            wb.focus = Focus::Content;
        }
        let code = lang_code(lang);
        insta::assert_snapshot!(
            format!("checklist_facts_{code}_80x24"),
            draw(&app, 80, 24).backend()
        );
        // Down to the Cypriot item, which a Polish plan never sees.
        key(&mut app, KeyCode::Tab);
        let at = modelownia::state::checklist_rows(&app.model, app.workbook.as_ref().unwrap())
            .iter()
            .position(|(_, id)| *id == "cy-vetting-and-consent-checked")
            .expect("listed for a Cypriot plan");
        app.workbook.as_mut().unwrap().cursor = at;
        insta::assert_snapshot!(
            format!("checklist_cy_item_{code}_120x40"),
            draw(&app, 120, 40).backend()
        );
        key(&mut app, KeyCode::Char('h'));
        let wb = app.workbook.as_ref().unwrap();
        assert!(wb.show_hidden);
        assert_eq!(
            modelownia::state::checklist_rows(&app.model, wb)[wb.cursor].1,
            "cy-vetting-and-consent-checked",
            "the cursor stays on its item"
        );
        insta::assert_snapshot!(
            format!("checklist_hidden_shown_{code}_120x40"),
            draw(&app, 120, 40).backend()
        );
        // On a hidden item the guide says why it is hidden and that its state stays.
        let at = modelownia::state::checklist_rows(&app.model, app.workbook.as_ref().unwrap())
            .iter()
            .position(|(_, id)| *id == "adults-vetted")
            .expect("shown on request");
        app.workbook.as_mut().unwrap().cursor = at;
        insta::assert_snapshot!(
            format!("checklist_on_a_hidden_item_{code}_120x40"),
            draw(&app, 120, 40).backend()
        );
        // The age box on the last fact.
        key(&mut app, KeyCode::BackTab);
        app.workbook.as_mut().unwrap().cursor = modelownia::plan::FACTS.len() - 1;
        key(&mut app, KeyCode::Enter);
        insta::assert_snapshot!(
            format!("checklist_age_box_{code}_80x24"),
            draw(&app, 80, 24).backend()
        );
    }
}

/// The screen's text, line by line.
fn screen_text(app: &App) -> String {
    let term = draw(app, 120, 24);
    let buf = term.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

#[test]
fn l_rewords_a_damaged_row_in_the_other_language() {
    let mut app = home_app(Lang::Pl);
    // The status line too (a notice lasts until the next key, so only before `L`).
    app.notice = app.home.rows[0]
        .damaged
        .clone()
        .map(|e| Notice::Unreadable(*e));
    let pl = screen_text(&app);
    assert!(
        pl.contains("plans/broken.ron:3:12: oczekiwano zamykającego nawiasu `)`"),
        "{pl}"
    );
    assert!(!pl.contains("Expected closing"), "{pl}");
    key(&mut app, KeyCode::Char('L'));
    assert_eq!(app.lang, Lang::En);
    let en = screen_text(&app);
    assert!(
        en.contains("plans/broken.ron:3:12: Expected closing `)`"),
        "{en}"
    );
    assert!(!en.contains("oczekiwano"), "{en}");
    app.accessible = true;
    key(&mut app, KeyCode::Char('L'));
    let accessible = screen_text(&app);
    assert!(
        accessible.contains("oczekiwano zamykającego"),
        "{accessible}"
    );
}
