//! The workshop tools (issue 12): the model browser, themes and the accessible mode, driven
//! through update with real keys and drawn on a TestBackend.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use modelownia::browse::Item;
use modelownia::lang::Lang;
use modelownia::model::{self, Model};
use modelownia::state::{App, Browsing};
use modelownia::update::{self, Effect};
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

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    update::press(app, KeyEvent::new(code, KeyModifiers::NONE))
}

fn typ(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn screen(app: &App, w: u16, h: u16) -> String {
    let t = draw(app, w, h);
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..h {
        for x in 0..w {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn browsing(lang: Lang) -> App {
    let mut app = App::new(model(), lang);
    press(&mut app, KeyCode::Char('b'));
    app
}

fn shown(app: &App) -> Option<Item> {
    app.browse.as_ref()?.shown(&app.model, app.lang)
}

#[test]
fn b_on_the_plan_list_opens_the_browser_and_esc_comes_back() {
    let mut app = browsing(Lang::Pl);
    assert!(app.browse.as_ref().is_some_and(|b| b.from_home));
    assert_eq!(
        shown(&app),
        Some(Item::Value(app.model.values[0].id.clone()))
    );
    assert!(press(&mut app, KeyCode::Esc).is_empty());
    assert!(
        app.browse.is_none(),
        "Esc on the first page goes back to the plans"
    );
}

#[test]
fn from_the_command_line_leaving_the_browser_ends_the_program() {
    let mut app = App::new(model(), Lang::En);
    app.browse = Some(Browsing::default());
    assert_eq!(press(&mut app, KeyCode::Esc), vec![Effect::Quit]);
}

#[test]
fn the_search_ignores_case_and_polish_letters_and_esc_drops_it() {
    let mut app = browsing(Lang::Pl);
    press(&mut app, KeyCode::Char('/'));
    typ(&mut app, "DOBROWOLNOSC");
    assert_eq!(
        shown(&app),
        Some(Item::Value("voluntary-involvement".into()))
    );
    // Typed letters that are keys elsewhere (q, b, ?) are text here.
    typ(&mut app, "q?");
    assert!(!app.should_quit && app.help.is_none());
    assert_eq!(
        app.browse.as_ref().map(|b| b.query.as_str()),
        Some("DOBROWOLNOSCq?")
    );
    press(&mut app, KeyCode::Esc);
    let b = app.browse.as_ref().expect("still browsing");
    assert!(b.query.is_empty() && !b.typing);
    let all = modelownia::browse::all(&app.model).len();
    assert_eq!(b.rows(&app.model, app.lang).len(), all);
}

#[test]
fn the_search_reaches_texts_as_well_as_names() {
    let m = model();
    // A word from a method's steps, not its name: the method is found by what it says.
    let method = &m.methods[0];
    let step = method.steps[0].get(Lang::En).to_string();
    let word = step
        .split_whitespace()
        .filter(|w| w.chars().all(char::is_alphabetic))
        .max_by_key(|w| w.len())
        .expect("a word");
    let found = modelownia::browse::search(&m, Lang::En, word);
    assert!(found.contains(&Item::Method(method.id.clone())), "{word}");
}

#[test]
fn enter_follows_a_link_and_esc_walks_the_path_back() {
    let mut app = browsing(Lang::En);
    press(&mut app, KeyCode::Char('/'));
    let direction = app.model.directions[0].clone();
    typ(&mut app, direction.name.get(Lang::En));
    press(&mut app, KeyCode::Enter);
    assert_eq!(shown(&app), Some(Item::Direction(direction.id.clone())));
    press(&mut app, KeyCode::Enter);
    // The direction's first link is the first value it serves.
    let value = Item::Value(direction.values[0].clone());
    assert_eq!(shown(&app), Some(Item::Direction(direction.id.clone())));
    press(&mut app, KeyCode::Enter);
    assert_eq!(shown(&app), Some(value.clone()));
    assert_eq!(app.browse.as_ref().map(|b| b.path.len()), Some(3));
    // And back along the path, to the results of the same search.
    press(&mut app, KeyCode::Esc);
    assert_eq!(shown(&app), Some(Item::Direction(direction.id.clone())));
    press(&mut app, KeyCode::Esc);
    assert_eq!(shown(&app), Some(Item::Direction(direction.id.clone())));
    assert_eq!(app.browse.as_ref().map(|b| b.path.len()), Some(1));
    assert!(app.browse.as_ref().is_some_and(|b| !b.query.is_empty()));
}

#[test]
fn a_method_links_to_the_scenarios_that_use_it() {
    let m = model();
    let scenario = &m.scenarios[0];
    let method = Item::Method(scenario.methods[0].clone());
    let links = modelownia::browse::links(&m, &method);
    assert!(
        links
            .iter()
            .any(|g| g.relation == modelownia::browse::Relation::Scenarios
                && g.items.contains(&Item::Scenario(scenario.id.clone())))
    );
}

#[test]
fn the_browser_in_both_languages_on_its_list_and_on_an_item() {
    for lang in [Lang::Pl, Lang::En] {
        let code = lang.code().to_lowercase();
        let mut app = browsing(lang);
        for (w, h) in [(120, 35), (80, 24)] {
            insta::assert_snapshot!(format!("browse_list_{code}_{w}x{h}"), screen(&app, w, h));
        }
        press(&mut app, KeyCode::Char('/'));
        typ(
            &mut app,
            if lang == Lang::Pl {
                "zrodlo"
            } else {
                "festival"
            },
        );
        insta::assert_snapshot!(format!("browse_search_{code}_80x24"), screen(&app, 80, 24));
        press(&mut app, KeyCode::Esc);
        // A direction, opened: its links grouped by what they are.
        let at = app.model.values.len();
        for _ in 0..at {
            press(&mut app, KeyCode::Down);
        }
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::Down);
        insta::assert_snapshot!(
            format!("browse_direction_{code}_120x35"),
            screen(&app, 120, 35)
        );
    }
}

#[test]
fn the_browser_never_panics_at_any_size() {
    let mut app = browsing(Lang::Pl);
    press(&mut app, KeyCode::Enter);
    for (w, h) in [(1, 1), (20, 5), (60, 20), (61, 21), (300, 90)] {
        draw(&app, w, h);
    }
}

/// The screen's text, then every run of styled cells by row: what a theme changes.
fn styled(app: &App, w: u16, h: u16) -> String {
    let t = draw(app, w, h);
    let buf = t.backend().buffer();
    let mut out = screen(app, w, h);
    out.push_str("--- styles (row: [from..to style]) ---\n");
    for y in 0..h {
        let mut runs: Vec<String> = Vec::new();
        let mut x = 0;
        while x < w {
            let style = buf[(x, y)].style();
            let start = x;
            while x < w && buf[(x, y)].style() == style {
                x += 1;
            }
            let mut desc = Vec::new();
            if let Some(fg) = style.fg.filter(|c| *c != ratatui::style::Color::Reset) {
                desc.push(format!("fg:{fg:?}"));
            }
            if let Some(bg) = style.bg.filter(|c| *c != ratatui::style::Color::Reset) {
                desc.push(format!("bg:{bg:?}"));
            }
            if !style.add_modifier.is_empty() {
                desc.push(format!("{:?}", style.add_modifier));
            }
            if !desc.is_empty() {
                runs.push(format!("[{start}..{x} {}]", desc.join(" ")));
            }
        }
        if !runs.is_empty() {
            out.push_str(&format!("{y}: {}\n", runs.join(" ")));
        }
    }
    out
}

/// A plan seeded from the first example, open on its Values step with the focus on the list.
fn values_step(lang: Lang) -> App {
    let m = model();
    let plan = modelownia::plan::from_scenario(&m.scenarios[0], lang, "p-ws".into(), String::new());
    let mut app = App::new(m, lang);
    let mut wb = modelownia::state::Workbook::new(plan, None);
    wb.step = modelownia::plan::STEPS
        .iter()
        .position(|s| *s == modelownia::plan::Step::Values)
        .expect("a Values step");
    wb.focus = modelownia::state::Focus::Content;
    wb.cursor = 1;
    app.workbook = Some(wb);
    app
}

fn slide(lang: Lang) -> App {
    let mut app = App::new(model(), lang);
    let mut p = modelownia::state::Presenting::new(modelownia::present::Deck::Values);
    p.index = 1;
    p.revealed = 1;
    app.present = Some(p);
    app
}

/// The screens the issue names: a slide, the browser, one workbook step.
fn workshop_screens(lang: Lang) -> Vec<(&'static str, App)> {
    let mut browser = browsing(lang);
    press(&mut browser, KeyCode::Down);
    vec![
        ("slide", slide(lang)),
        ("browse", browser),
        ("values", values_step(lang)),
    ]
}

#[test]
fn a_slide_the_browser_and_a_step_in_every_theme() {
    use modelownia::theme::{Theme, ThemeName};
    use strum::IntoEnumIterator;
    for lang in [Lang::Pl, Lang::En] {
        let code = lang.code().to_lowercase();
        for name in ThemeName::iter() {
            for (screen_name, mut app) in workshop_screens(lang) {
                app.theme = Theme::preset(name);
                let theme = format!("{name:?}").to_lowercase();
                insta::assert_snapshot!(
                    format!("theme_{theme}_{screen_name}_{code}_80x24"),
                    styled(&app, 80, 24)
                );
            }
        }
    }
}

#[test]
fn high_contrast_has_no_dim_grey_and_reverses_the_selection() {
    use ratatui::style::{Color, Modifier};
    for (name, mut app) in workshop_screens(Lang::En) {
        app.theme = modelownia::theme::Theme::preset(modelownia::theme::ThemeName::HighContrast);
        let t = draw(&app, 100, 30);
        let cells = t.backend().buffer().content();
        assert!(
            cells
                .iter()
                .all(|c| c.fg != Color::DarkGray && !c.modifier.contains(Modifier::DIM))
        );
        // A slide has nothing to select; the browser and the step do.
        if name != "slide" {
            assert!(
                cells
                    .iter()
                    .any(|c| c.modifier.contains(Modifier::REVERSED))
            );
        }
    }
}

fn accessible(mut app: App) -> App {
    app.accessible = true;
    app
}

#[test]
fn accessible_mode_in_both_languages() {
    for lang in [Lang::Pl, Lang::En] {
        let code = lang.code().to_lowercase();
        let mut home = App::new(model(), lang);
        home.home.rows = vec![modelownia::state::Row {
            id: "p1".into(),
            title: "Spacer badawczy".into(),
            updated: "2026-11-20T10:00:00Z".into(),
            percent: 40,
            damaged: None,
            has_backup: false,
            others: Vec::new(),
            order: String::new(),
        }];
        let mut screens = workshop_screens(lang);
        screens.push(("home", home));
        let mut checklist = values_step(lang);
        if let Some(wb) = checklist.workbook.as_mut() {
            wb.step = modelownia::plan::STEPS
                .iter()
                .position(|s| *s == modelownia::plan::Step::Checklist)
                .expect("a Checklist step");
            wb.cursor = 0;
        }
        screens.push(("checklist", checklist));
        for (name, app) in screens {
            insta::assert_snapshot!(
                format!("accessible_{name}_{code}_80x24"),
                screen(&accessible(app), 80, 24)
            );
        }
    }
}

#[test]
fn accessible_mode_reads_a_row_as_its_position_name_and_state() {
    let app = accessible(values_step(Lang::En));
    let text = screen(&app, 80, 24);
    let second = &app.model.values[1];
    let chosen = app
        .workbook
        .as_ref()
        .is_some_and(|wb| wb.plan.values.iter().any(|p| p.id == second.id));
    let state = if chosen { "chosen" } else { "not chosen" };
    let n = app.model.values.len();
    let line = format!("2 of {n}: {}, {state}", second.name.en);
    assert!(text.contains("Step 5 of 13: Values."), "{text}");
    assert!(text.contains(&line), "{line} not in\n{text}");
    // The terminal cursor sits on that line, for screen readers and braille displays.
    let mut t = draw(&app, 80, 24);
    let at = t.get_cursor_position().expect("cursor");
    let row: String = (0..80)
        .map(|x| t.backend().buffer()[(x, at.y)].symbol().to_string())
        .collect();
    assert!(row.starts_with(&line), "cursor on {row:?}");
}

#[test]
fn accessible_mode_draws_no_box_drawing_character_on_any_screen() {
    for lang in [Lang::Pl, Lang::En] {
        let mut screens: Vec<App> = workshop_screens(lang).into_iter().map(|(_, a)| a).collect();
        let mut help = values_step(lang);
        press(&mut help, KeyCode::Char('?'));
        screens.push(help);
        let mut run = values_step(lang);
        press(&mut run, KeyCode::Char('g'));
        screens.push(run);
        let mut picker = App::new(model(), lang);
        press(&mut picker, KeyCode::Char('s'));
        screens.push(picker);
        for i in 0..modelownia::plan::STEPS.len() {
            let mut app = values_step(lang);
            if let Some(wb) = app.workbook.as_mut() {
                wb.step = i;
            }
            press(&mut app, KeyCode::Enter);
            screens.push(app);
        }
        for app in screens {
            let app = accessible(app);
            for (w, h) in [(80, 24), (120, 35), (30, 10)] {
                let text = screen(&app, w, h);
                assert!(
                    !text.chars().any(modelownia::ui::is_box_drawing),
                    "box drawing in\n{text}"
                );
            }
        }
    }
}

#[test]
fn without_colour_the_browser_carries_no_colour_either() {
    use ratatui::style::Color;
    for (_, mut app) in workshop_screens(Lang::Pl) {
        app.theme = modelownia::theme::Theme::chosen(None, true);
        let t = draw(&app, 120, 35);
        assert!(
            t.backend()
                .buffer()
                .content()
                .iter()
                .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
        );
    }
}

#[test]
fn the_browser_says_where_each_item_comes_from_and_that_it_is_not_a_quotation() {
    let mut app = browsing(Lang::En);
    press(&mut app, KeyCode::Enter);
    let app = accessible(app);
    let text = screen(&app, 100, 80);
    assert!(text.contains("Source: "), "{text}");
    let value = &app.model.values[0];
    if value.provenance != modelownia::model::Provenance::Model {
        assert!(text.contains("not a quotation of the Model"), "{text}");
    }
}

#[test]
fn f3_turns_accessible_mode_on_and_off_and_remembers_it() {
    let mut app = App::new(model(), Lang::En);
    assert!(
        screen(&app, 80, 24)
            .chars()
            .any(modelownia::ui::is_box_drawing)
    );
    assert_eq!(
        press(&mut app, KeyCode::F(3)),
        vec![Effect::SaveSettings],
        "the choice is written to config.ron"
    );
    assert!(app.accessible && app.settings.accessible);
    let plain = screen(&app, 80, 24);
    assert!(
        !plain.chars().any(modelownia::ui::is_box_drawing),
        "no boxes in accessible mode:\n{plain}"
    );
    press(&mut app, KeyCode::F(3));
    assert!(!app.accessible && !app.settings.accessible);
    assert!(
        screen(&app, 80, 24)
            .chars()
            .any(modelownia::ui::is_box_drawing)
    );
}
