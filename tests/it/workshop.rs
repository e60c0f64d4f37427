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
