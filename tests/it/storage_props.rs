//! Property tests: any plan roundtrips exactly and encodes deterministically; no input at all
//! makes the decoder panic.

use std::collections::BTreeMap;

use modelownia::plan::{
    Check, CheckState, Context, Evaluation, Facts, Goals, Group, Logistics, Needs, Origin, Part,
    PartNote, Pick, Plan, SCHEMA_VERSION, Session,
};
use modelownia::storage::{Store, decode, decode_bytes, encode};
use proptest::prelude::*;

/// Text with the characters that break naive serializers mixed in.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => any::<char>().prop_map(String::from),
        2 => "[a-zA-Z ]{0,12}",
        1 => Just("r#\"".to_string()),
        1 => Just("\"#".to_string()),
        1 => Just("\"##".to_string()),
        1 => Just("\\".to_string()),
        1 => Just("\"".to_string()),
        1 => Just("\n".to_string()),
        1 => Just("\r\n".to_string()),
        1 => Just("\t".to_string()),
        1 => Just("\u{0}".to_string()),
        1 => Just("ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ".to_string()),
        1 => Just("👩‍👩‍👧 🚲".to_string()),
        1 => Just("e\u{301}".to_string()),
        1 => Just("/* // */".to_string()),
        1 => Just("\u{feff}\u{200b}\u{202e}".to_string()),
        1 => Just("), version: 2, (".to_string()),
    ];
    prop::collection::vec(piece, 0..6).prop_map(|v| v.concat())
}

fn id() -> impl Strategy<Value = String> {
    "[a-z0-9][a-z0-9_-]{0,30}"
}

fn picks() -> impl Strategy<Value = Vec<Pick>> {
    prop::collection::vec(
        (text(), text(), text()).prop_map(|(id, note, contact)| Pick { id, note, contact }),
        0..4,
    )
}

fn facts() -> impl Strategy<Value = Facts> {
    use modelownia::model::Jurisdiction;
    let country = prop_oneof![
        Just(None),
        Just(Some(Jurisdiction::Pl)),
        Just(Some(Jurisdiction::Cy))
    ];
    let flags = prop::collection::vec(any::<Option<bool>>(), 7);
    (country, flags, any::<Option<u32>>()).prop_map(|(country, f, youngest)| Facts {
        country,
        outdoor: f[0],
        trip: f[1],
        abroad: f[2],
        evening: f[3],
        photos: f[4],
        food: f[5],
        online: f[6],
        youngest,
    })
}

fn sessions() -> impl Strategy<Value = Vec<Session>> {
    let note = (text(), text()).prop_map(|(at, text)| PartNote { at, text });
    let part = (
        text(),
        any::<u32>(),
        (text(), text(), text()),
        prop::collection::vec(note, 0..3),
        any::<Option<u32>>(),
    )
        .prop_map(
            |(id, minutes, (what, method, lead), notes, actual_minutes)| Part {
                id,
                minutes,
                what,
                method,
                lead,
                notes,
                actual_minutes,
            },
        );
    let session = (
        text(),
        text(),
        any::<u32>(),
        prop::collection::vec(part, 0..4),
    )
        .prop_map(|(label, start, minutes, parts)| Session {
            label,
            start,
            minutes,
            parts,
        });
    prop::collection::vec(session, 0..3)
}

fn check() -> impl Strategy<Value = Check> {
    (
        prop_oneof![
            Just(CheckState::Todo),
            Just(CheckState::Done),
            Just(CheckState::NotApplicable)
        ],
        text(),
    )
        .prop_map(|(state, note)| Check { state, note })
}

fn origin() -> impl Strategy<Value = Option<Origin>> {
    prop_oneof![
        Just(None),
        (text(), text()).prop_map(|(id, title)| Some(Origin::Copy { id, title })),
        (text(), text(), text()).prop_map(|(file, date, was)| Some(Origin::Import {
            file,
            date,
            was
        })),
    ]
}

fn arb_plan() -> impl Strategy<Value = Plan> {
    let head = (id(), text(), text(), text(), sessions(), origin(), facts());
    let steps1 = (
        (text(), text(), text(), text(), text(), text()),
        (text(), text(), text()),
        (text(), text(), text()),
        (text(), text()),
    );
    let steps2 = (
        picks(),
        picks(),
        picks(),
        picks(),
        text(),
        (text(), text(), text(), text(), text(), text()),
        prop::collection::btree_map(text(), check(), 0..4),
        (text(), text(), text(), text()),
    );
    (head, steps1, steps2).prop_map(
        |(
            (id, created, updated, scenario, sessions, origin, facts),
            (
                (title, area, place, dates, idea, prepared_by),
                (who, reach, gneeds),
                (observed, how, strengths),
                (g, n),
            ),
            (values, directions, methods, roles, partners, l, checklist, e),
        )| Plan {
            version: SCHEMA_VERSION,
            id,
            created,
            updated,
            scenario,
            origin,
            context: Context {
                title,
                area,
                place,
                dates,
                idea,
                prepared_by,
            },
            group: Group {
                who,
                reach,
                needs: gneeds,
            },
            needs: Needs {
                observed,
                how,
                strengths,
            },
            goals: Goals {
                group: g,
                neighbourhood: n,
            },
            values,
            directions,
            methods,
            sessions,
            roles,
            partners,
            logistics: Logistics {
                materials: l.0,
                budget: l.1,
                consent: l.2,
                safeguarding: l.3,
                accessibility: l.4,
                risks: l.5,
            },
            facts,
            checklist: checklist.into_iter().collect::<BTreeMap<_, _>>(),
            evaluation: Evaluation {
                indicators: e.0,
                feedback: e.1,
                worked: e.2,
                change: e.3,
            },
        },
    )
}

/// Ways to damage a file: cut it, drop a range, insert or flip bytes, repeat a slice.
#[derive(Debug, Clone)]
enum Mutation {
    Truncate(usize),
    Remove(usize, usize),
    Insert(usize, u8),
    Flip(usize, u8),
    Repeat(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), 1..20usize).prop_map(|(a, n)| Mutation::Remove(a, n)),
        (any::<usize>(), any::<u8>()).prop_map(|(a, b)| Mutation::Insert(a, b)),
        (any::<usize>(), 1..=255u8).prop_map(|(a, b)| Mutation::Flip(a, b)),
        (any::<usize>(), 1..40usize).prop_map(|(a, n)| Mutation::Repeat(a, n)),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    if bytes.is_empty() {
        return;
    }
    let at = |i: usize| i % bytes.len();
    match *m {
        Mutation::Truncate(i) => bytes.truncate(at(i)),
        Mutation::Remove(i, n) => {
            let s = at(i);
            let e = (s + n).min(bytes.len());
            bytes.drain(s..e);
        }
        Mutation::Insert(i, b) => {
            let s = at(i);
            bytes.insert(s, b);
        }
        Mutation::Flip(i, b) => {
            let s = at(i);
            bytes[s] ^= b;
        }
        Mutation::Repeat(i, n) => {
            let s = at(i);
            let e = (s + n).min(bytes.len());
            let slice = bytes[s..e].to_vec();
            bytes.splice(s..s, slice);
        }
    }
}

/// RON-looking soup: mostly valid tokens in random order.
fn soup() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("("),
        Just(")"),
        Just("["),
        Just("]"),
        Just("{"),
        Just("}"),
        Just(","),
        Just(":"),
        Just("version"),
        Just("id"),
        Just("context"),
        Just("title"),
        Just("values"),
        Just("checklist"),
        Just("state"),
        Just("Done"),
        Just("Some"),
        Just("1"),
        Just("999999999999"),
        Just("-1"),
        Just("1.5e9"),
        Just("\"p1\""),
        Just("\"x\""),
        Just("r#\""),
        Just("\"#"),
        Just("'"),
        Just("/*"),
        Just("*/"),
        Just("//"),
        Just("\n"),
        Just("#![enable(implicit_some)]"),
        Just("\\u{"),
    ];
    prop::collection::vec(token, 0..60).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn any_plan_roundtrips_and_encodes_deterministically(plan in arb_plan()) {
        let text = encode(&plan);
        prop_assert!(text.ends_with(")\n"));
        prop_assert_eq!(&text, &encode(&plan.clone()));
        let back = decode(&format!("{}.ron", plan.id), &text);
        prop_assert!(back.is_ok(), "{}\n{}", back.unwrap_err(), text);
        let back = back.unwrap();
        prop_assert_eq!(&back.plan, &plan);
        prop_assert!(back.read_only.is_none());
        prop_assert_eq!(encode(&back.plan), text);
    }

    #[test]
    fn garbage_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = decode_bytes("p1.ron", &bytes);
    }

    #[test]
    fn ron_soup_never_panics(text in soup()) {
        let _ = decode("p1.ron", &text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn mutated_files_never_panic(
        plan in arb_plan(),
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let file = format!("{}.ron", plan.id);
        let mut bytes = encode(&plan).into_bytes();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        if let Ok(d) = decode_bytes(&file, &bytes) {
            // Whatever still decodes is a plan that encodes and decodes stably.
            if d.read_only.is_none() {
                let again = encode(&d.plan);
                let back = decode(&file, &again);
                prop_assert!(back.is_ok());
                prop_assert_eq!(back.unwrap().plan, d.plan);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn saved_plans_load_equal(plans in prop::collection::vec(arb_plan(), 1..4)) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        for p in &plans {
            store.save(p).unwrap();
        }
        let mut last = BTreeMap::new();
        for p in &plans {
            last.insert(p.id.clone(), p.clone());
        }
        for (id, p) in &last {
            prop_assert_eq!(&store.load(id).unwrap().plan, p);
        }
        prop_assert_eq!(store.list().len(), last.len());
    }
}
