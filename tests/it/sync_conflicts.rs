//! Other versions of a plan: sync-conflict copies and rescued edits are recognised, never listed
//! as damaged plans, compared field by field and resolved with nothing deleted; planted links are
//! never followed.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use modelownia::app::Runtime;
use modelownia::lang::Lang;
use modelownia::model;
use modelownia::plan::{Plan, SCHEMA_VERSION};
use modelownia::state::App;
use modelownia::storage::{Listed, Origin, Store, SyncTool};

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("data")).expect("store");
    (dir, store)
}

fn plan(id: &str, title: &str) -> Plan {
    let mut p = Plan {
        version: SCHEMA_VERSION,
        id: id.into(),
        created: "2026-01-01T10:00:00Z".into(),
        updated: "2026-01-01T10:00:00Z".into(),
        ..Plan::default()
    };
    p.context.title = title.into();
    p
}

fn encoded(p: &Plan) -> String {
    modelownia::storage::encode(p)
}

fn key(rt: &mut Runtime<'_>, code: KeyCode) {
    let msg = modelownia::update::key_msg(&rt.app, KeyEvent::new(code, KeyModifiers::NONE));
    rt.handle(msg);
}

fn app() -> App {
    App::new(model::load_from(None).expect("embedded model"), Lang::En)
}

const SCHEMES: [(&str, SyncTool); 6] = [
    (
        "p1.sync-conflict-20261201-123456-ABCDEF7.ron",
        SyncTool::Syncthing,
    ),
    (
        "p1 (conflicted copy 2026-12-01 123456).ron",
        SyncTool::ConflictedCopy,
    ),
    (
        "p1 (Ania's conflicted copy 2026-12-01).ron",
        SyncTool::ConflictedCopy,
    ),
    ("p1_conflict-20261201-123456.ron", SyncTool::Conflict),
    ("p1-DESKTOP-AB12.ron", SyncTool::DeviceSuffix),
    ("p1-LAPTOP7.ron", SyncTool::DeviceSuffix),
];

#[test]
fn every_conflict_naming_scheme_is_a_version_of_its_plan_not_a_damaged_plan() {
    for (name, tool) in SCHEMES {
        let (_d, store) = store();
        store.save(&plan("p1", "mine")).expect("save");
        std::fs::write(store.plans_dir().join(name), encoded(&plan("p1", "theirs")))
            .expect("plant");
        let listed = store.list();
        assert_eq!(listed.len(), 1, "{name}: only the plan itself is listed");
        assert!(matches!(&listed[0], Listed::Ok { .. }), "{name}");
        let others = store.others();
        assert_eq!(others.len(), 1, "{name}");
        assert_eq!(others[0].id, "p1", "{name}");
        assert!(
            matches!(&others[0].origin, Origin::Conflict { tool: t, .. } if *t == tool),
            "{name}: {:?}",
            others[0].origin
        );
        let theirs = store.load_other(&others[0]).expect("the copy loads");
        assert_eq!(theirs.context.title, "theirs");
    }
}

#[test]
fn a_name_ending_like_a_device_without_its_plan_is_just_a_damaged_file() {
    let (_d, store) = store();
    std::fs::write(store.plans_dir().join("p9-LAPTOP7.ron"), "not a plan").expect("plant");
    assert!(store.others().is_empty());
    assert!(matches!(&store.list()[0], Listed::Damaged { .. }));
}

#[test]
fn rescued_edits_are_versions_of_their_plan() {
    let (_d, store) = store();
    store.save(&plan("p1", "mine")).expect("save");
    let path = store
        .write_recovered(&plan("p1", "rescued"))
        .expect("rescue");
    assert!(path.starts_with(store.recovered_dir()));
    let others = store.others();
    assert_eq!(others.len(), 1);
    assert!(matches!(others[0].origin, Origin::Rescued { .. }));
    assert_eq!(
        store.load_other(&others[0]).expect("load").context.title,
        "rescued"
    );
}

/// Opens the comparison of `p1` from the plan list and returns the runtime's store dir.
fn compare_from_the_list(rt: &mut Runtime<'_>) {
    let at = rt
        .app
        .home
        .rows
        .iter()
        .position(|r| r.id == "p1")
        .expect("listed");
    rt.app.home.selected = at;
    assert!(
        !rt.app.home.rows[at].others.is_empty(),
        "the row says another version waits"
    );
    key(rt, KeyCode::Char('v'));
    assert!(rt.app.compare.is_some(), "v opens the comparison");
}

#[test]
fn taking_theirs_saves_it_and_moves_both_old_files_to_the_trash() {
    let (_d, store) = store();
    let mine = plan("p1", "mine");
    store.save(&mine).expect("save");
    let mut theirs = plan("p1", "theirs");
    theirs.context.place = "Przystań".into();
    let copy = store
        .plans_dir()
        .join("p1.sync-conflict-20261201-123456-ABCDEF7.ron");
    std::fs::write(&copy, encoded(&theirs)).expect("plant");
    let mut rt = Runtime::new(&store, app());
    compare_from_the_list(&mut rt);
    let items = rt.app.compare.as_ref().map(|c| c.items.len());
    assert_eq!(items, Some(2), "title and place differ");
    key(&mut rt, KeyCode::Char('t'));
    key(&mut rt, KeyCode::Enter);
    assert!(rt.app.compare.is_none());
    let now = store.load("p1").expect("load").plan;
    assert_eq!(now.context.title, "theirs");
    assert_eq!(now.context.place, "Przystań");
    assert!(!copy.exists(), "the conflict copy left plans/");
    let trash: Vec<String> = std::fs::read_dir(store.trash_dir())
        .expect("trash")
        .flatten()
        .map(|e| std::fs::read_to_string(e.path()).expect("read"))
        .collect();
    assert_eq!(trash.len(), 2, "my old version and their copy");
    assert!(trash.iter().any(|t| t.contains("\"mine\"")));
    assert!(trash.iter().any(|t| t.contains("\"theirs\"")));
    assert!(store.others().is_empty());
    assert!(rt.app.home.rows.iter().all(|r| r.others.is_empty()));
}

#[test]
fn choosing_field_by_field_and_cancelling() {
    let (_d, store) = store();
    let mut mine = plan("p1", "mine");
    mine.context.area = "Chylonia".into();
    store.save(&mine).expect("save");
    let mut rescued = plan("p1", "rescued");
    rescued.context.area = "Obłuże".into();
    store.write_recovered(&rescued).expect("rescue");
    let before = std::fs::read(store.plan_path("p1")).expect("read");
    let mut rt = Runtime::new(&store, app());

    compare_from_the_list(&mut rt);
    key(&mut rt, KeyCode::Char(' '));
    key(&mut rt, KeyCode::Esc);
    assert!(rt.app.compare.is_none());
    assert_eq!(
        std::fs::read(store.plan_path("p1")).expect("read"),
        before,
        "Esc changes nothing"
    );
    assert_eq!(store.others().len(), 1);

    compare_from_the_list(&mut rt);
    let c = rt.app.compare.as_ref().expect("open");
    // Take the other version of the first differing field only.
    let first = c.items[0];
    key(&mut rt, KeyCode::Char(' '));
    key(&mut rt, KeyCode::Enter);
    let now = store.load("p1").expect("load").plan;
    let mut expected = mine.clone();
    match first {
        modelownia::plan::diff::Item::Field(f) => {
            *f.get_mut(&mut expected) = f.get(&rescued).into()
        }
        other => panic!("the first difference is a field: {other:?}"),
    }
    assert_eq!(now.context.title, expected.context.title);
    assert_eq!(now.context.area, expected.context.area);
    assert_ne!(
        now.context.title == "rescued",
        now.context.area == "Obłuże",
        "one of each"
    );
    assert!(
        store.others().is_empty(),
        "the rescued copy went to the trash"
    );
}

#[test]
fn closing_a_plan_whose_save_is_refused_keeps_the_edits_in_recovered() {
    let (_d, store) = store();
    store.save(&plan("p1", "")).expect("save");
    let mut rt = Runtime::new(&store, app());
    rt.app.home.selected = 0;
    key(&mut rt, KeyCode::Enter);
    assert!(rt.app.workbook.is_some());
    // Someone else changes the file: the next save is refused.
    let path = store.plan_path("p1");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, text.replace("title: \"\"", "title: \"Theirs\"")).expect("write");
    if let Some(wb) = rt.app.workbook.as_mut() {
        wb.plan.context.title = "Ours".into();
        wb.mark_dirty();
    }
    rt.save_now();
    key(&mut rt, KeyCode::Esc);
    key(&mut rt, KeyCode::Esc);
    assert!(rt.app.workbook.is_none(), "closing is always possible");
    assert!(
        std::fs::read_to_string(&path)
            .expect("read")
            .contains("Theirs")
    );
    let others = store.others();
    assert_eq!(others.len(), 1);
    assert_eq!(
        store.load_other(&others[0]).expect("load").context.title,
        "Ours"
    );
    assert!(
        rt.app.home.rows[0].others.len() == 1,
        "the list offers the comparison"
    );
}

#[cfg(unix)]
mod links {
    use super::*;
    use std::os::unix::fs::{PermissionsExt, symlink};

    fn outside(dir: &std::path::Path) -> std::path::PathBuf {
        let f = dir.join("outside.txt");
        std::fs::write(&f, "keep me").expect("write");
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        f
    }

    fn untouched(f: &std::path::Path) {
        assert_eq!(std::fs::read_to_string(f).expect("read"), "keep me");
        let mode = std::fs::metadata(f).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o644);
    }

    #[test]
    fn a_plan_file_that_is_a_link_is_listed_and_never_opened_or_written() {
        let (d, store) = store();
        let f = outside(d.path());
        symlink(&f, store.plan_path("p1")).expect("link");
        let listed = store.list();
        assert!(
            matches!(&listed[0], Listed::Damaged { error, .. } if error.message(Lang::En).contains("symbolic link")),
            "{listed:?}"
        );
        assert!(store.load("p1").is_err());
        assert!(store.save(&plan("p1", "x")).is_err());
        untouched(&f);
    }

    #[test]
    fn a_linked_recovered_folder_or_plans_folder_is_refused() {
        let (d, store) = store();
        let elsewhere = d.path().join("elsewhere");
        std::fs::create_dir(&elsewhere).expect("mkdir");
        symlink(&elsewhere, store.recovered_dir()).expect("link");
        assert!(store.write_recovered(&plan("p1", "x")).is_err());
        assert_eq!(std::fs::read_dir(&elsewhere).expect("dir").count(), 0);

        let root = d.path().join("data2");
        std::fs::create_dir(&root).expect("mkdir");
        symlink(&elsewhere, root.join("plans")).expect("link");
        let Err(e) = Store::open(&root) else {
            panic!("a linked plans/ folder is refused");
        };
        assert!(e.to_string().contains("link"), "{e}");
    }

    #[test]
    fn a_conflict_copy_that_is_a_link_is_skipped() {
        let (d, store) = store();
        store.save(&plan("p1", "mine")).expect("save");
        let f = outside(d.path());
        symlink(
            &f,
            store
                .plans_dir()
                .join("p1.sync-conflict-20261201-123456-AB.ron"),
        )
        .expect("link");
        assert!(store.others().is_empty());
        untouched(&f);
    }
}
