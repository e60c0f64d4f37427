//! The conditional checklist: facts hide what does not apply, never what nobody knows; the
//! review never counts a hidden item; a Cypriot plan sees no Polish-only register or act.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use modelownia::lang::Lang;
use modelownia::model::{self, Jurisdiction, Model, Setting};
use modelownia::plan::{
    self, Check, CheckState, FACTS, Fact, Facts, Gap, Plan, Step, applying, from_scenario, gaps,
    hidden_count, progress,
};
use modelownia::state::{App, Focus, Slot, Workbook, checklist_rows};
use modelownia::update;

fn model() -> Model {
    model::load_from(None).expect("embedded model")
}

/// Words that belong to Polish law only: the sex-offender register, the criminal-record
/// register, Polish acts and codes, the Polish education authority, or Poland at all.
const POLISH_ONLY: &[&str] = &[
    "rejestr sprawców",
    "rejestrze sprawców",
    "rejestru sprawców",
    "sex offender",
    "sex-offender",
    "rspts",
    "krk",
    "krajowego rejestru karnego",
    "krajowy rejestr karny",
    "national criminal register",
    "kodeks",
    "labour code",
    "kurator",
    "isap",
    "prawo oświatowe",
    "education law",
    "polsk",
    "polish",
    "w polsce",
    "in poland",
];

/// Every text of an item a reader sees: its text, hint and legal basis in both languages.
fn texts(item: &model::ChecklistItem) -> Vec<String> {
    let mut out = vec![
        item.text.pl.clone(),
        item.text.en.clone(),
        item.hint.pl.clone(),
        item.hint.en.clone(),
    ];
    if let Some(b) = &item.legal_basis {
        out.push(b.pl.clone());
        out.push(b.en.clone());
    }
    out
}

#[test]
fn no_visible_item_of_a_nicosia_plan_names_a_polish_only_register_or_act() {
    let m = model();
    let nicosia: Vec<_> = m
        .scenarios
        .iter()
        .filter(|s| s.setting == Setting::Nicosia)
        .collect();
    assert!(!nicosia.is_empty());
    for scenario in nicosia {
        for lang in [Lang::Pl, Lang::En] {
            let plan = from_scenario(scenario, lang, "p1".into(), "2026-01-01T00:00:00Z".into());
            let facts = plan::effective(&plan, &m);
            assert_eq!(facts.country, Some(Jurisdiction::Cy), "{}", scenario.id);
            let shown = applying(&plan, &m);
            assert!(
                shown.contains(&"cy-vetting-and-consent-checked"),
                "{}",
                scenario.id
            );
            for id in shown {
                let (_, item) = m.checklist_item(id).expect("listed ids exist");
                for text in texts(item) {
                    let lower = text.to_lowercase();
                    for word in POLISH_ONLY {
                        assert!(
                            !lower.contains(word),
                            "{} ({lang:?}): visible item {id} says {word:?}: {text}",
                            scenario.id
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn the_search_words_do_find_the_polish_items() {
    // Without this the test above could pass by searching for words nothing contains.
    let m = model();
    for id in [
        "adults-vetted",
        "protection-standards-in-place",
        "trip-insurance-and-notice-checked",
        "volunteer-agreements-signed",
    ] {
        let (_, item) = m.checklist_item(id).expect("in the model");
        assert!(
            texts(item)
                .iter()
                .any(|t| POLISH_ONLY.iter().any(|w| t.to_lowercase().contains(w))),
            "{id}"
        );
        assert!(
            item.applies_when
                .contains(&model::Condition::Jurisdiction(Jurisdiction::Pl))
        );
    }
}

#[test]
fn a_gdynia_plan_sees_the_polish_items_and_not_the_cypriot_one() {
    let m = model();
    for scenario in m.scenarios.iter().filter(|s| s.setting == Setting::Gdynia) {
        let plan = from_scenario(scenario, Lang::Pl, "p1".into(), String::new());
        let shown = applying(&plan, &m);
        assert!(shown.contains(&"adults-vetted"), "{}", scenario.id);
        assert!(!shown.contains(&"cy-vetting-and-consent-checked"));
    }
}

#[test]
fn an_empty_plan_sees_every_item_because_nothing_is_known() {
    let m = model();
    let plan = Plan::default();
    assert_eq!(applying(&plan, &m).len(), m.checklist_len());
    assert_eq!(hidden_count(&plan, &m), 0);
}

fn todo_total(g: &[Gap]) -> usize {
    g.iter()
        .map(|x| match x {
            Gap::ChecklistTodo(_, n) => *n,
            _ => 0,
        })
        .sum()
}

#[test]
fn the_review_and_progress_never_count_a_hidden_item() {
    let m = model();
    let mut plan = Plan::default();
    let before = gaps(&plan, &m);
    let total_before = progress(&plan, &m).total;
    // A trip item left not-applicable without a reason is a gap while it shows…
    plan.checklist.insert(
        "trip-route-and-transport-planned".into(),
        Check {
            state: CheckState::NotApplicable,
            note: String::new(),
        },
    );
    assert!(gaps(&plan, &m).contains(&Gap::NoReason("trip-route-and-transport-planned".into())));
    // …and not once "no trip" hides it; nor are the hidden to-dos counted.
    plan.facts.trip = Some(false);
    let hidden = hidden_count(&plan, &m);
    assert_eq!(hidden, 4, "the four trip items");
    let after = gaps(&plan, &m);
    assert!(!after.iter().any(|g| matches!(g, Gap::NoReason(_))));
    assert_eq!(todo_total(&after), todo_total(&before) - hidden);
    assert_eq!(progress(&plan, &m).total, total_before - hidden);
    // The state is still there, and counts again when the fact is taken back.
    assert_eq!(
        plan.checklist["trip-route-and-transport-planned"].state,
        CheckState::NotApplicable
    );
    plan.facts = Facts::default();
    assert!(gaps(&plan, &m).contains(&Gap::NoReason("trip-route-and-transport-planned".into())));
    // Phase bars count only what shows.
    let planning = m
        .phases
        .iter()
        .position(|p| p.id == "planning")
        .expect("a phase");
    let all = plan::phase_progress(&plan, &m, planning).total;
    plan.facts.country = Some(Jurisdiction::Cy);
    assert_eq!(plan::phase_progress(&plan, &m, planning).total, all - 4);
}

fn press(app: &mut App, code: KeyCode) {
    update::press(app, KeyEvent::new(code, KeyModifiers::NONE));
}

fn checklist_app() -> App {
    let mut app = App::new(model(), Lang::En);
    let plan = Plan {
        version: plan::SCHEMA_VERSION,
        id: "p1".into(),
        ..Plan::default()
    };
    let mut wb = Workbook::new(plan, None);
    wb.step = Step::Checklist.index();
    wb.focus = Focus::Content;
    app.workbook = Some(wb);
    app
}

fn wb(app: &App) -> &Workbook {
    app.workbook.as_ref().expect("open")
}

#[test]
fn space_answers_a_fact_and_the_list_follows() {
    let mut app = checklist_app();
    assert_eq!(wb(&app).current_slot(), Some(Slot::Facts));
    let all = checklist_rows(&app.model, wb(&app)).len();
    // Country: not known → Poland → Cyprus → not known.
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(wb(&app).plan.facts.country, Some(Jurisdiction::Pl));
    // The two Cyprus items: vetting and consent, volunteer agreements.
    assert_eq!(checklist_rows(&app.model, wb(&app)).len(), all - 2);
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(wb(&app).plan.facts.country, Some(Jurisdiction::Cy));
    assert_eq!(checklist_rows(&app.model, wb(&app)).len(), all - 4);
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(wb(&app).plan.facts.country, None);
    assert!(wb(&app).unsaved());
    // Outdoors: yes, then no hides the two outdoor items.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(wb(&app).plan.facts.outdoor, Some(true));
    press(&mut app, KeyCode::Enter);
    assert_eq!(wb(&app).plan.facts.outdoor, Some(false));
    let rows = checklist_rows(&app.model, wb(&app));
    assert_eq!(rows.len(), all - 2);
    assert!(!rows.iter().any(|(_, id)| *id == "weather-plan-b-ready"));
    // h lists them again, marked; h again hides them.
    press(&mut app, KeyCode::Char('h'));
    assert_eq!(checklist_rows(&app.model, wb(&app)).len(), all);
    press(&mut app, KeyCode::Char('h'));
    assert_eq!(checklist_rows(&app.model, wb(&app)).len(), all - 2);
}

#[test]
fn the_youngest_age_is_typed_and_a_bad_one_is_refused() {
    let mut app = checklist_app();
    let youngest = FACTS
        .iter()
        .position(|f| *f == Fact::Youngest)
        .expect("a fact");
    app.workbook.as_mut().expect("open").cursor = youngest;
    press(&mut app, KeyCode::Enter);
    for c in "10".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Esc);
    assert_eq!(wb(&app).plan.facts.youngest, Some(10));
    assert!(
        checklist_rows(&app.model, wb(&app))
            .iter()
            .any(|(_, id)| *id == "under13-online-through-parents")
    );
    press(&mut app, KeyCode::Enter);
    for _ in 0..2 {
        press(&mut app, KeyCode::Backspace);
    }
    for c in "16".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Esc);
    assert_eq!(wb(&app).plan.facts.youngest, Some(16));
    assert!(
        !checklist_rows(&app.model, wb(&app))
            .iter()
            .any(|(_, id)| *id == "under13-online-through-parents")
    );
    press(&mut app, KeyCode::Enter);
    for c in "x".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Esc);
    assert_eq!(wb(&app).plan.facts.youngest, Some(16), "the old age stays");
    assert!(app.notice.is_some());
}

#[test]
fn a_gap_on_the_checklist_lands_in_the_list_not_on_the_facts() {
    let mut app = checklist_app();
    let wbm = app.workbook.as_mut().expect("open");
    wbm.plan.facts.country = Some(Jurisdiction::Cy);
    let g = gaps(&wbm.plan, &app.model);
    let todo = g
        .iter()
        .find(|x| matches!(x, Gap::ChecklistTodo(1, _)))
        .expect("planning has items to do");
    modelownia::update::jump_to_gap(&app.model, wbm, todo);
    assert_eq!(wbm.current_slot(), Some(Slot::Checklist));
    let rows = checklist_rows(&app.model, wbm);
    let (phase, id) = rows[wbm.cursor];
    assert_eq!(phase, 1);
    assert_ne!(id, "adults-vetted", "a hidden item is never the one to do");
}

/// Every string inside `value`, as RON stores it.
fn strings(value: &ron::Value, out: &mut Vec<String>) {
    match value {
        ron::Value::String(s) => out.push(s.clone()),
        ron::Value::Seq(items) => items.iter().for_each(|v| strings(v, out)),
        ron::Value::Map(map) => map.iter().for_each(|(k, v)| {
            strings(k, out);
            strings(v, out);
        }),
        ron::Value::Option(Some(v)) => strings(v, out),
        _ => {}
    }
}

#[test]
fn methods_of_the_nicosia_scenarios_name_polish_rules_only_as_polish() {
    let m = model();
    let mut checked = 0;
    for scenario in m.scenarios.iter().filter(|s| s.setting == Setting::Nicosia) {
        for id in &scenario.methods {
            let method = m.method(id).expect("scenario methods exist");
            let text = ron::to_string(method).expect("a method serialises");
            let value: ron::Value = ron::from_str(&text).expect("and reads back");
            let mut all = Vec::new();
            strings(&value, &mut all);
            for s in all {
                let lower = s.to_lowercase();
                checked += 1;
                assert!(
                    !lower.contains("przysta"),
                    "{} / {id}: a Nicosia plan would read of the Przystań: {s}",
                    scenario.id
                );
                let polish_rule = ["rejestr", "krk", "kurator", "sex offender", "pjm"]
                    .iter()
                    .any(|w| lower.contains(w));
                let says_poland = ["polsce", "polski", "poland"]
                    .iter()
                    .any(|w| lower.contains(w));
                assert!(
                    !polish_rule || says_poland,
                    "{} / {id}: a Polish rule without saying it is Polish: {s}",
                    scenario.id
                );
            }
        }
    }
    assert!(checked > 100, "the methods' texts were read ({checked})");
}
