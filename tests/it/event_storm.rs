//! Event storms: long random sequences of keys, pastes, clicks and wheel turns, drawn after
//! every event at random sizes (1×1 up to 220×70). Nothing may panic, and the state must stay
//! consistent: the step and cursor in range, the plan still encodable.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use modelownia::lang::Lang;
use modelownia::model::{self, Model};
use modelownia::plan::{Plan, STEPS};
use modelownia::state::{App, Row, Workbook, slot_len, slots};
use modelownia::update::{ClickTarget, Msg, press, update};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn model() -> &'static Model {
    static MODEL: std::sync::OnceLock<Model> = std::sync::OnceLock::new();
    MODEL.get_or_init(|| model::load_from(None).expect("embedded model"))
}

fn key_strategy() -> impl Strategy<Value = Msg> {
    let codes = prop_oneof![
        Just(KeyCode::Enter),
        Just(KeyCode::Esc),
        Just(KeyCode::Tab),
        Just(KeyCode::BackTab),
        Just(KeyCode::Up),
        Just(KeyCode::Down),
        Just(KeyCode::Left),
        Just(KeyCode::Right),
        Just(KeyCode::PageUp),
        Just(KeyCode::PageDown),
        Just(KeyCode::Backspace),
        Just(KeyCode::Delete),
        Just(KeyCode::Home),
        Just(KeyCode::End),
        Just(KeyCode::F(1)),
        prop::sample::select(vec![
            ' ', 'j', 'k', 'n', 's', 'c', 'r', 'd', 'y', 'f', '/', '?', 'L', 'R', '[', ']', 'a',
            'ż', 'ł', '日', '"', '\\',
        ])
        .prop_map(KeyCode::Char),
    ];
    let mods = prop_oneof![
        8 => Just(KeyModifiers::NONE),
        1 => Just(KeyModifiers::CONTROL),
        1 => Just(KeyModifiers::SHIFT),
        1 => Just(KeyModifiers::ALT),
    ];
    // `q` quits and ends the storm early; it is rare so storms run long.
    // A raw key: resolved by the keymap where the app is when it arrives (see the loop).
    (codes, mods).prop_map(|(c, m)| Msg::Text(KeyEvent::new(c, m)))
}

fn msg_strategy() -> impl Strategy<Value = Msg> {
    prop_oneof![
        20 => key_strategy(),
        1 => "[a-zA-Ząęłóśżźćń \\n\\r\\t\"]{0,40}".prop_map(Msg::Paste),
        1 => (-3i8..3).prop_map(Msg::Scroll),
        1 => (0usize..20).prop_map(|i| Msg::Click(ClickTarget::Step(i))),
        1 => (0usize..8, 0usize..60).prop_map(|(s, r)| Msg::Click(ClickTarget::Slot(s, r))),
        1 => (0usize..10).prop_map(|i| Msg::Click(ClickTarget::HomeRow(i))),
    ]
}

fn start(in_plan: bool, lang: Lang) -> App {
    let mut app = App::new(model().clone(), lang);
    for (id, title) in [("a", "Spacer"), ("b", "Mural"), ("c", "")] {
        app.home.rows.push(Row {
            id: id.into(),
            title: title.into(),
            updated: String::new(),
            percent: 10,
            damaged: (id == "c").then(|| {
                Box::new(modelownia::ron_error::Located::at(
                    "plans/c.ron",
                    "",
                    1,
                    1,
                    "broken",
                ))
            }),
            has_backup: false,
            order: String::new(),
            others: Vec::new(),
        });
    }
    if in_plan {
        let plan = Plan {
            version: 1,
            id: "p1".into(),
            ..Plan::default()
        };
        app.workbook = Some(Workbook::new(plan, None));
    }
    app
}

fn check_consistent(app: &App) {
    assert!(app.home.selected <= app.visible_rows().len().saturating_sub(1));
    if let Some(wb) = &app.workbook {
        assert!(wb.step < STEPS.len());
        let all = slots(wb.current_step());
        assert!(wb.slot < all.len(), "slot {} of {}", wb.slot, all.len());
        if let Some(slot) = wb.current_slot() {
            let len = slot_len(&app.model, wb, slot);
            if len > 0 && wb.editor.is_none() {
                assert!(wb.cursor < len, "cursor {} of {len} in {slot:?}", wb.cursor);
            }
        }
        assert!(modelownia::storage::try_encode(&wb.plan).is_ok());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn storms_never_panic_and_keep_state_consistent(
        in_plan in any::<bool>(),
        polish in any::<bool>(),
        events in prop::collection::vec((msg_strategy(), 1u16..220, 1u16..70), 1..200),
    ) {
        let mut app = start(in_plan, if polish { Lang::Pl } else { Lang::En });
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("backend");
        for (msg, w, h) in events {
            let _effects = match msg {
                Msg::Text(key) => press(&mut app, key),
                other => update(&mut app, other),
            };
            if app.should_quit {
                break;
            }
            terminal.backend_mut().resize(w, h);
            terminal.resize(ratatui::layout::Rect::new(0, 0, w, h)).expect("resize");
            terminal.draw(|f| modelownia::ui::render(&app, f)).expect("draw");
            let _ = modelownia::ui::hit_test(&app, ratatui::layout::Rect::new(0, 0, w, h), w / 2, h / 2);
            check_consistent(&app);
        }
    }
}
