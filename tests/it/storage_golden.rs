//! The golden corpus in `saves/`: every file there must load with this version and be written
//! back byte for byte. See `saves/README.md`.
//!
//! `cargo test --test storage_golden -- --ignored write_missing_golden_files` writes the files
//! that are missing (never touching an existing one) with `encode`.

use std::path::{Path, PathBuf};

use modelownia::lang::Lang;
use modelownia::model::{self, Jurisdiction, Model, Scenario, Setting};
use modelownia::plan::{
    Check, CheckState, Facts, Origin, Part, PartNote, Pick, Plan, SCHEMA_VERSION, Session,
};
use modelownia::storage::{Store, encode, load_file};

fn saves_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("saves")
}

/// Where the files of schema `version` live.
fn version_dir(version: u32) -> PathBuf {
    saves_dir().join(format!("v{version}"))
}

fn golden_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = (1..=SCHEMA_VERSION)
        .flat_map(|v| std::fs::read_dir(version_dir(v)).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

/// The `version` a golden file was written with (its second line, as `encode` writes it).
fn file_version(text: &str) -> u32 {
    text.lines()
        .nth(1)
        .and_then(|l| l.trim().strip_prefix("version: "))
        .and_then(|v| v.trim_end_matches(',').parse().ok())
        .unwrap_or_else(|| panic!("no version on line 2:\n{text}"))
}

#[test]
fn every_golden_file_loads_and_saves_byte_for_byte() {
    let files = golden_files();
    assert!(files.len() >= 3, "{files:?}");
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let decoded = load_file(&path).unwrap_or_else(|e| panic!("{e}"));
        assert!(decoded.read_only.is_none(), "{}", path.display());
        let version = file_version(std::str::from_utf8(&bytes).unwrap());
        assert!(version <= SCHEMA_VERSION, "{}", path.display());
        // Every save writes the current version; a file of an older version must load
        // (migrated), and its new form must be stable.
        let expected = if version == SCHEMA_VERSION {
            bytes.clone()
        } else {
            encode(&decoded.plan).into_bytes()
        };
        // Re-encoding gives the same bytes…
        assert!(
            encode(&decoded.plan).as_bytes() == expected.as_slice(),
            "{}: re-encoded bytes differ",
            path.display()
        );
        // …and so does a real save into a data folder.
        store.save(&decoded.plan).unwrap();
        let saved = std::fs::read(store.plan_path(&decoded.plan.id)).unwrap();
        assert!(saved == expected, "{}: saved bytes differ", path.display());
        assert_eq!(store.load(&decoded.plan.id).unwrap().plan, decoded.plan);
    }
}

#[test]
fn the_corpus_has_its_members() {
    let model = model::load_from(None).unwrap();
    // Versions 1 and 2 were frozen with the five scenarios the model had then; a scenario
    // added later has a file of the version it arrived in and of every version after.
    let first_five = [
        "our-courtyard",
        "parkour-peer-coaches",
        "from-street-to-house",
        "dances-from-our-elders",
        "fusion",
    ]
    .map(|id| format!("scenario-{id}"));
    let mut v1 = vec!["empty".to_string(), "full".into(), "long-polish".into()];
    v1.extend(first_five.iter().cloned());
    let mut v2 = vec!["empty".to_string(), "full".into()];
    v2.extend(first_five.iter().cloned());
    let mut current = vec!["empty".to_string(), "full".into()];
    current.extend(model.scenarios.iter().map(|s| format!("scenario-{}", s.id)));
    // Version 3 had the five and the youth panel, which arrived with it.
    let mut v3 = v2.clone();
    v3.push("scenario-youth-panel-on-the-pitch".into());
    for (version, wanted) in [(1, v1), (2, v2), (3, v3), (SCHEMA_VERSION, current)] {
        for name in wanted {
            let path = version_dir(version).join(format!("{name}.ron"));
            assert!(path.is_file(), "{} is missing", path.display());
        }
    }
    assert!(saves_dir().join("README.md").is_file());
}

#[test]
fn empty_is_a_new_plan() {
    for version in 1..=SCHEMA_VERSION {
        let plan = load_file(&version_dir(version).join("empty.ron"))
            .unwrap()
            .plan;
        assert_eq!(
            plan,
            Plan {
                version: SCHEMA_VERSION,
                id: "empty".into(),
                created: plan.created.clone(),
                updated: plan.updated.clone(),
                ..Plan::default()
            }
        );
    }
}

#[test]
fn full_fills_every_field() {
    for version in 1..=SCHEMA_VERSION {
        let plan = load_file(&version_dir(version).join("full.ron"))
            .unwrap()
            .plan;
        if version >= 2 {
            let parts: Vec<_> = plan.sessions.iter().flat_map(|s| &s.parts).collect();
            assert!(plan.sessions.len() >= 2 && parts.len() >= 4, "{version}");
            assert!(
                parts
                    .iter()
                    .any(|p| !p.notes.is_empty() && p.actual_minutes.is_some())
            );
            assert!(plan.sessions.iter().any(|s| !s.start.is_empty()));
        } else {
            assert!(
                plan.sessions.is_empty(),
                "a version-1 plan has no agenda yet"
            );
        }
        // Who prepares it came with version 3.
        let texts: Vec<_> = all_texts(&plan)
            .into_iter()
            .filter(|(name, _)| version >= 3 || *name != "prepared by")
            .collect();
        assert!(texts.iter().all(|(_, t)| !t.is_empty()), "{texts:?}");
        for picks in [&plan.values, &plan.directions, &plan.methods, &plan.roles] {
            assert!(!picks.is_empty() && picks.iter().all(|p| !p.note.is_empty()));
        }
        if version >= 4 {
            for fact in modelownia::plan::FACTS {
                assert!(fact.answered(&plan.facts), "{fact:?}");
            }
        }
        for state in [
            CheckState::Todo,
            CheckState::Done,
            CheckState::NotApplicable,
        ] {
            assert!(
                plan.checklist.values().any(|c| c.state == state),
                "{state:?}"
            );
        }
    }
}

/// A plan made before the facts existed keeps every checklist entry, and answering facts that
/// hide some of them changes none: they stay in the file and come back when unhidden.
#[test]
fn older_plans_keep_every_checklist_state_whatever_the_facts_hide() {
    let model = model::load_from(None).unwrap();
    for version in 1..SCHEMA_VERSION {
        let dir = version_dir(version);
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let mut plan = load_file(&path).unwrap().plan;
            assert_eq!(plan.facts, Facts::default(), "{}", path.display());
            let before = plan.checklist.clone();
            // Everything a fact can rule out, ruled out.
            plan.facts = Facts {
                country: Some(Jurisdiction::Cy),
                outdoor: Some(false),
                trip: Some(false),
                abroad: Some(false),
                evening: Some(false),
                photos: Some(false),
                food: Some(false),
                online: Some(false),
                youngest: Some(17),
            };
            let shown = modelownia::plan::applying(&plan, &model);
            let again = modelownia::storage::decode("x", &encode(&plan))
                .unwrap()
                .plan;
            assert_eq!(again.checklist, before, "{}", path.display());
            // No hidden item is a gap, whatever its state.
            for gap in modelownia::plan::gaps(&again, &model) {
                if let modelownia::plan::Gap::NoReason(id) = gap {
                    assert!(shown.contains(&id.as_str()), "{id}");
                }
            }
            // Taking the answers back shows again all it showed when loaded.
            let loaded = load_file(&path).unwrap().plan;
            plan.facts = Facts::default();
            let unhidden = modelownia::plan::applying(&plan, &model);
            assert_eq!(unhidden, modelownia::plan::applying(&loaded, &model));
            assert!(shown.len() < unhidden.len());
        }
    }
    // The older full plan has states on items the facts can hide: the test is not empty.
    let full = load_file(&version_dir(3).join("full.ron")).unwrap().plan;
    let hideable = full.checklist.keys().filter(|id| {
        model
            .checklist_item(id)
            .is_some_and(|(_, item)| !item.applies_when.is_empty())
    });
    assert!(hideable.count() > 0);
}

#[test]
fn long_polish_has_the_hard_characters() {
    let text = std::fs::read_to_string(version_dir(1).join("long-polish.ron")).unwrap();
    let plan = load_file(&version_dir(1).join("long-polish.ron"))
        .unwrap()
        .plan;
    let all: String = all_texts(&plan).into_iter().map(|(_, t)| t).collect();
    for c in "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ\"\\\n🙂".chars() {
        assert!(all.contains(c), "{c:?}");
    }
    assert!(all.contains("r#\""));
    assert!(text.len() > 10_000, "long texts: {}", text.len());
    // Polish letters are stored as themselves, not as escapes.
    assert!(text.contains("ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ"));
}

fn all_texts(p: &Plan) -> Vec<(&'static str, String)> {
    vec![
        ("created", p.created.clone()),
        ("updated", p.updated.clone()),
        ("scenario", p.scenario.clone()),
        ("title", p.context.title.clone()),
        ("area", p.context.area.clone()),
        ("place", p.context.place.clone()),
        ("dates", p.context.dates.clone()),
        ("idea", p.context.idea.clone()),
        ("prepared by", p.context.prepared_by.clone()),
        ("who", p.group.who.clone()),
        ("reach", p.group.reach.clone()),
        ("group needs", p.group.needs.clone()),
        ("observed", p.needs.observed.clone()),
        ("how", p.needs.how.clone()),
        ("strengths", p.needs.strengths.clone()),
        ("goal group", p.goals.group.clone()),
        ("goal neighbourhood", p.goals.neighbourhood.clone()),
        ("partners", p.partners.clone()),
        ("materials", p.logistics.materials.clone()),
        ("budget", p.logistics.budget.clone()),
        ("consent", p.logistics.consent.clone()),
        ("safeguarding", p.logistics.safeguarding.clone()),
        ("accessibility", p.logistics.accessibility.clone()),
        ("risks", p.logistics.risks.clone()),
        ("indicators", p.evaluation.indicators.clone()),
        ("feedback", p.evaluation.feedback.clone()),
        ("worked", p.evaluation.worked.clone()),
        ("change", p.evaluation.change.clone()),
        (
            "picks",
            [&p.values, &p.directions, &p.methods, &p.roles]
                .iter()
                .flat_map(|v| v.iter().map(|x| format!("{}{}", x.id, x.note)))
                .collect(),
        ),
        (
            "checklist",
            p.checklist
                .iter()
                .map(|(k, c)| format!("{k}{}", c.note))
                .collect(),
        ),
    ]
}

// ---------------------------------------------------------------------------------------------
// The generator. Run only to add a file to the corpus; existing files are never rewritten.

#[test]
#[ignore = "writes missing files into saves/; run by hand when adding to the corpus"]
fn write_missing_golden_files() {
    let model = model::load_from(None).unwrap();
    // Only files of the current version are ever written; older ones are frozen.
    let mut plans = vec![empty(), full(&model)];
    plans.extend(model.scenarios.iter().map(seeded));
    for plan in plans {
        let path = version_dir(SCHEMA_VERSION).join(format!("{}.ron", plan.id));
        if path.exists() {
            continue;
        }
        check_model_ids(&model, &plan);
        std::fs::write(&path, encode(&plan)).unwrap();
        eprintln!("wrote {}", path.display());
    }
}

fn base(id: &str, created: &str, updated: &str) -> Plan {
    Plan {
        version: SCHEMA_VERSION,
        id: id.into(),
        created: created.into(),
        updated: updated.into(),
        ..Plan::default()
    }
}

fn pick(id: &str, note: &str) -> Pick {
    Pick {
        id: id.into(),
        note: note.into(),
        ..Pick::default()
    }
}

fn check(state: CheckState, note: &str) -> Check {
    Check {
        state,
        note: note.into(),
    }
}

fn check_model_ids(model: &Model, plan: &Plan) {
    for p in &plan.values {
        assert!(model.value(&p.id).is_some(), "value {}", p.id);
    }
    for p in &plan.directions {
        assert!(model.direction(&p.id).is_some(), "direction {}", p.id);
    }
    for p in &plan.methods {
        assert!(model.method(&p.id).is_some(), "method {}", p.id);
    }
    for p in &plan.roles {
        assert!(model.role(&p.id).is_some(), "role {}", p.id);
    }
    for id in plan.checklist.keys() {
        assert!(model.checklist_item(id).is_some(), "checklist item {id}");
    }
    if !plan.scenario.is_empty() {
        assert!(model.scenario(&plan.scenario).is_some());
    }
}

fn empty() -> Plan {
    base("empty", "2026-11-27T09:00:00Z", "2026-11-27T09:00:00Z")
}

fn full(model: &Model) -> Plan {
    let mut p = base("full", "2026-09-01T08:15:00Z", "2026-11-20T19:42:07Z");
    p.scenario = "our-courtyard".into();
    p.origin = Some(Origin::Import {
        file: "nasze-podworko (1).ron".into(),
        date: "2026-09-02T10:00:00Z".into(),
        was: "20260901-081500-1a2b".into(),
    });
    p.context.title = "Nasze podwórko – mapa i ławka".into();
    p.context.area = "Gdynia, Obłuże".into();
    p.context.place = "Przystań, Opata Hackiego 33, i podwórka przy Zamenhofa".into();
    p.context.dates = "Wtorki 16:00–17:30, od 15 września do 27 października (7 spotkań)".into();
    p.context.prepared_by = "Anna Nowak, Przystań Obłuże".into();
    p.context.idea = "Młodzież bada swoje podwórko, rysuje mapę miejsc lubianych i omijanych, \
        wybiera jedną małą zmianę i sama przedstawia ją radnej."
        .into();
    p.group.who = "10–12 osób w wieku 13–17 lat, stali bywalcy Przystani i ich znajomi".into();
    p.group.reach = "Plakat w Przystani, rozmowy na boisku, grupa na komunikatorze prowadzona \
        przez peer leaderkę"
        .into();
    p.group.needs = "Jedna osoba porusza się na wózku; dwie słabo czytają po polsku".into();
    p.needs.observed = "Nastolatki przesiadują na schodach klatki, bo na podwórku nie ma gdzie \
        usiąść; sąsiedzi skarżą się na hałas."
        .into();
    p.needs.how = "Trzy rozmowy na ławce, spacer badawczy, notatki animatorki".into();
    p.needs.strengths = "Duże, zielone podwórko; zarządca otwarty na drobne zmiany; dwóch \
        ojców z warsztatem stolarskim"
        .into();
    p.goals.group = "Grupa sama wybiera zmianę i broni jej przed dorosłymi".into();
    p.goals.neighbourhood =
        "Sąsiedzi i młodzież rozmawiają o podwórku jak o wspólnym miejscu".into();
    p.values = vec![
        pick(
            "participation",
            "Decyzję o zmianie podejmuje grupa, głosując naklejkami.",
        ),
        pick(
            "neighbourly-bonds",
            "Sąsiedzi są zaproszeni na prezentację i poczęstunek.",
        ),
    ];
    p.directions = vec![
        pick(
            "participatory-diagnosis",
            "Spacer i mapa robione przez samą młodzież.",
        ),
        pick(
            "co-designing-space",
            "Projekt ławki powstaje z projektantką.",
        ),
    ];
    p.methods = vec![
        pick(
            "research-walk",
            "Trzyosobowe zespoły, karty obserwacji, zdjęcia bez twarzy.",
        ),
        pick(
            "sentimental-map",
            "Duży arkusz na ścianie Przystani przez cały projekt.",
        ),
    ];
    p.roles = vec![
        pick(
            "youth-worker",
            "Ania K. – prowadzi spotkania i pilnuje zgód.",
        ),
        pick(
            "district-councillor",
            "Radna Obłuża – słucha prezentacji 27 października.",
        ),
    ];
    p.partners =
        "Spółdzielnia mieszkaniowa (zarządca), Rada Dzielnicy, stolarnia pana Marka".into();
    p.logistics.materials = "Arkusze, mazaki, naklejki, taśma miernicza, karton na makietę".into();
    p.logistics.budget = "600 zł: materiały 250 zł, poczęstunek 150 zł, drewno 200 zł".into();
    p.logistics.consent = "Zgody rodziców na wyjścia i wizerunek zebrane do 15 września".into();
    p.logistics.safeguarding =
        "Zawsze dwie dorosłe osoby; procedura interwencji w segregatorze".into();
    p.logistics.accessibility = "Trasa spaceru bez schodów; karty obserwacji z obrazkami".into();
    p.logistics.risks = "Teren może należeć do gminy – sprawdzić przed głosowaniem.".into();
    let items: Vec<&str> = model
        .phases
        .iter()
        .flat_map(|ph| ph.items.iter().map(|i| i.id.as_str()))
        .collect();
    p.checklist.insert(
        items[0].into(),
        check(CheckState::Done, "12 rozmów, notatki w zeszycie"),
    );
    p.checklist.insert(
        items[1].into(),
        check(CheckState::Todo, "Termin: 22 września"),
    );
    p.checklist.insert(
        items[2].into(),
        check(
            CheckState::NotApplicable,
            "Mapa zasobów jest z zeszłego roku",
        ),
    );
    // Every fact answered; the trip item keeps its state though "no trip" now hides it.
    p.facts = Facts {
        country: Some(Jurisdiction::Pl),
        outdoor: Some(true),
        trip: Some(false),
        abroad: Some(false),
        evening: Some(false),
        photos: Some(true),
        food: Some(true),
        online: Some(true),
        youngest: Some(13),
    };
    p.checklist.insert(
        "trip-route-and-transport-planned".into(),
        check(
            CheckState::Done,
            "Wyjście nad morze odwołane; zostaje na wiosnę",
        ),
    );
    p.evaluation.indicators =
        "Co najmniej 8 osób na prezentacji; decyzja zarządcy na piśmie".into();
    p.evaluation.feedback = "Karteczki „co zabieram, co zostawiam” po każdym spotkaniu".into();
    p.evaluation.worked = "Spacer – wszyscy przyszli, nawet w deszczu".into();
    p.evaluation.change = "Więcej czasu na próbę prezentacji".into();
    p.sessions = vec![
        Session {
            label: "Spotkanie 1: spacer".into(),
            start: "2026-09-15T16:00".into(),
            minutes: 90,
            parts: vec![
                part("a1", 10, "Rundka i zasady", "youth-worker", &[], Some(12)),
                part(
                    "a2",
                    60,
                    "Spacer badawczy w trójkach",
                    "Ania",
                    &[(
                        "2026-09-15T14:35:00Z",
                        "Zosia: „tu nikt nie siada, bo wieje”",
                    )],
                    Some(65),
                ),
                part("a3", 15, "Mapa na ścianie i głosowanie", "", &[], None),
            ],
        },
        Session {
            label: "Spotkanie 2: prezentacja".into(),
            start: String::new(),
            minutes: 0,
            parts: vec![
                part("a4", 30, "Próba prezentacji", "youth-worker", &[], None),
                part("a5", 0, "", "", &[], None),
            ],
        },
    ];
    p.sessions[0].parts[1].method = "research-walk".into();
    p
}

fn part(
    id: &str,
    minutes: u32,
    what: &str,
    lead: &str,
    notes: &[(&str, &str)],
    actual: Option<u32>,
) -> Part {
    Part {
        id: id.into(),
        minutes,
        what: what.into(),
        method: String::new(),
        lead: lead.into(),
        notes: notes
            .iter()
            .map(|(at, text)| PartNote {
                at: (*at).into(),
                text: (*text).into(),
            })
            .collect(),
        actual_minutes: actual,
    }
}

/// A plan started from `s` as the app starts one, at fixed times.
fn seeded(s: &Scenario) -> Plan {
    let lang = match s.setting {
        Setting::Gdynia => Lang::Pl,
        Setting::Nicosia => Lang::En,
    };
    let mut p = modelownia::plan::from_scenario(
        s,
        lang,
        format!("scenario-{}", s.id),
        "2026-12-02T10:00:00Z".into(),
    );
    p.context.area = match s.setting {
        Setting::Gdynia => "Gdynia",
        Setting::Nicosia => "Nicosia",
    }
    .into();
    p
}
