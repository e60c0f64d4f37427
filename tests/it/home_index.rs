//! The home-screen index: a cache of what the list shows, never trusted over the files.

use std::path::Path;
use std::time::{Duration, SystemTime};

use modelownia::app::Runtime;
use modelownia::lang::Lang;
use modelownia::model::{self, Model};
use modelownia::plan::{Plan, SCHEMA_VERSION};
use modelownia::state::App;
use modelownia::storage::{Store, Summarizer, Summary, encode};

use crate::support::names;

fn model() -> Model {
    model::load_from(None).expect("embedded model")
}

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
        updated: format!("2026-01-0{}T10:00:00Z", id.len() % 9 + 1),
        ..Plan::default()
    };
    p.context.title = title.into();
    p
}

fn titles(rows: &[Summary]) -> Vec<(String, String)> {
    rows.iter()
        .map(|r| (r.id.clone(), r.title.clone()))
        .collect()
}

fn list(store: &Store, m: &Model) -> Vec<(String, String)> {
    titles(&store.summaries(&Summarizer::new(m)))
}

/// The rows the first frame would show: from the index, for files whose stamp still holds.
fn first_frame(store: &Store, m: &Model) -> Vec<(String, String)> {
    let s = Summarizer::new(m);
    let mut scan = store.scan(&s);
    scan.check_stamps(store);
    titles(&scan.rows(store))
}

fn mtime(path: &Path) -> SystemTime {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .expect("mtime")
}

fn set_mtime(path: &Path, at: SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(at))
        .expect("set mtime");
}

#[cfg(unix)]
fn inode(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).expect("meta").ino()
}

/// Writes `text` over `path` in place (same inode), then puts its time back to `at`.
fn overwrite_keeping_time(path: &Path, text: &str, at: SystemTime) {
    std::fs::write(path, text).expect("write");
    set_mtime(path, at);
}

/// Three plans saved and listed once, so the index holds them.
fn indexed() -> (tempfile::TempDir, Store, Model) {
    let (dir, store) = store();
    let m = model();
    for (id, title) in [("aa", "Spacer"), ("bbb", "Mural"), ("cccc", "Taniec")] {
        store.save(&plan(id, title)).expect("save");
    }
    list(&store, &m);
    assert!(
        store.index_path().is_file(),
        "the first list writes the index"
    );
    (dir, store, m)
}

fn row(id: &str, title: &str) -> (String, String) {
    (id.into(), title.into())
}

#[test]
fn the_index_is_written_beside_nothing_and_read_back_as_the_list() {
    let (_d, store, m) = indexed();
    let expected = vec![
        row("cccc", "Taniec"),
        row("bbb", "Mural"),
        row("aa", "Spacer"),
    ];
    assert_eq!(list(&store, &m), expected);
    assert_eq!(first_frame(&store, &m), expected);
    let cache = store
        .index_path()
        .parent()
        .expect("cache dir")
        .to_path_buf();
    // Written by the safe writer: nothing but the index is left in its folder.
    assert_eq!(names(&cache), ["home-index.tsv"]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(store.index_path())
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn a_file_whose_size_changed_is_read_again() {
    let (_d, store, m) = indexed();
    let path = store.plan_path("aa");
    let at = mtime(&path);
    #[cfg(unix)]
    let ino = inode(&path);
    overwrite_keeping_time(&path, &encode(&plan("aa", "Spacer po Chyloni")), at);
    #[cfg(unix)]
    assert_eq!(inode(&path), ino, "only the size differs");
    assert!(!first_frame(&store, &m).contains(&row("aa", "Spacer")));
    assert!(list(&store, &m).contains(&row("aa", "Spacer po Chyloni")));
    assert!(first_frame(&store, &m).contains(&row("aa", "Spacer po Chyloni")));
}

#[test]
fn a_file_whose_time_changed_is_read_again() {
    let (_d, store, m) = indexed();
    let path = store.plan_path("bbb");
    let at = mtime(&path);
    // The same length, in place: only the time tells.
    overwrite_keeping_time(
        &path,
        &encode(&plan("bbb", "Rower")),
        at + Duration::from_nanos(1),
    );
    assert_eq!(
        std::fs::metadata(&path).expect("meta").len(),
        encode(&plan("bbb", "Mural")).len() as u64
    );
    assert!(!first_frame(&store, &m).contains(&row("bbb", "Mural")));
    assert!(list(&store, &m).contains(&row("bbb", "Rower")));
}

#[cfg(unix)]
#[test]
fn a_file_replaced_by_another_with_the_same_size_and_time_is_read_again() {
    let (_d, store, m) = indexed();
    let path = store.plan_path("cccc");
    let at = mtime(&path);
    let ino = inode(&path);
    // What a sync tool does: a new file renamed over the old one, its time set to the
    // other computer's.
    let other = path.with_extension("incoming");
    overwrite_keeping_time(&other, &encode(&plan("cccc", "Tańce")), at);
    std::fs::rename(&other, &path).expect("rename");
    assert_eq!(mtime(&path), at);
    assert_ne!(inode(&path), ino);
    assert_eq!(
        std::fs::metadata(&path).expect("meta").len(),
        encode(&plan("cccc", "Taniec")).len() as u64
    );
    assert!(!first_frame(&store, &m).contains(&row("cccc", "Taniec")));
    assert!(list(&store, &m).contains(&row("cccc", "Tańce")));
}

#[test]
fn files_that_appear_or_disappear_are_noticed() {
    let (_d, store, m) = indexed();
    std::fs::write(store.plan_path("dd"), encode(&plan("dd", "Nowy"))).expect("write");
    std::fs::remove_file(store.plan_path("bbb")).expect("remove");
    let frame = first_frame(&store, &m);
    assert!(!frame.iter().any(|(id, _)| id == "bbb"), "{frame:?}");
    let now = list(&store, &m);
    assert!(now.contains(&row("dd", "Nowy")), "{now:?}");
    assert!(!now.iter().any(|(id, _)| id == "bbb"), "{now:?}");
    // And the index was brought up to date.
    assert_eq!(first_frame(&store, &m), now);
}

#[test]
fn a_damaged_index_is_ignored_and_rebuilt() {
    let (_d, store, m) = indexed();
    let expected = list(&store, &m);
    for junk in [
        "not an index at all".to_string(),
        std::fs::read_to_string(store.index_path())
            .expect("index")
            .replacen(
                "modelownia-home-index\t2\t",
                "modelownia-home-index\t99\t",
                1,
            ),
        {
            let text = std::fs::read_to_string(store.index_path()).expect("index");
            text[..text.len() / 2].to_string()
        },
        String::from_utf8_lossy(&[0xff, 0xfe, 0x00]).into_owned(),
    ] {
        std::fs::write(store.index_path(), &junk).expect("write");
        assert!(first_frame(&store, &m).is_empty(), "{junk:?} is not used");
        assert_eq!(list(&store, &m), expected);
        assert_eq!(first_frame(&store, &m), expected, "rebuilt after {junk:?}");
    }
}

#[test]
fn an_index_made_with_another_model_is_not_used() {
    let (_d, store, m) = indexed();
    let mut other = m.clone();
    other.values.truncate(1);
    assert!(first_frame(&store, &other).is_empty());
    assert_eq!(list(&store, &other).len(), 3);
}

#[test]
fn a_stale_index_never_shows_a_title_the_file_no_longer_has() {
    let (_d, store, m) = indexed();
    // Every way a file can change under the index at once, each to a title never seen before.
    let a = store.plan_path("aa");
    overwrite_keeping_time(&a, &encode(&plan("aa", "Nowe A, dłuższe")), mtime(&a));
    let b = store.plan_path("bbb");
    overwrite_keeping_time(
        &b,
        &encode(&plan("bbb", "Nowe")),
        mtime(&b) + Duration::from_secs(1),
    );
    std::fs::write(store.plan_path("cccc"), "(version: 3, oops").expect("damage");
    let old = ["Spacer", "Mural", "Taniec"];

    // The first frame of the app, and every frame while it reads what changed.
    let mut rt = Runtime::starting(&store, App::new(m.clone(), Lang::Pl));
    let mut frames = 0;
    loop {
        for r in &rt.app.home.rows {
            assert!(!old.contains(&r.title.as_str()), "frame {frames}: {r:?}");
        }
        if !rt.busy() {
            break;
        }
        rt.work_a_little();
        frames += 1;
    }
    let shown: Vec<(String, String, bool)> = rt
        .app
        .home
        .rows
        .iter()
        .map(|r| (r.id.clone(), r.title.clone(), r.damaged.is_some()))
        .collect();
    assert_eq!(
        shown,
        [
            ("cccc".to_string(), String::new(), true),
            ("bbb".to_string(), "Nowe".to_string(), false),
            ("aa".to_string(), "Nowe A, dłuższe".to_string(), false),
        ]
    );
}

#[test]
fn without_an_index_the_app_starts_empty_and_rows_arrive() {
    let (_d, store) = store();
    let m = model();
    for i in 0..30 {
        store
            .save(&plan(&format!("p{i:02}"), &format!("Plan {i}")))
            .expect("save");
    }
    let mut rt = Runtime::starting(&store, App::new(m.clone(), Lang::En));
    assert!(
        rt.app.home.rows.is_empty(),
        "nothing read before the first frame"
    );
    assert!(
        rt.app.home.loading,
        "the list says it is being read, not that there are none"
    );
    while rt.busy() {
        rt.work_a_little();
    }
    assert!(!rt.app.home.loading);
    assert_eq!(rt.app.home.rows.len(), 30);
    let expected: Vec<String> = store
        .summaries(&Summarizer::new(&m))
        .into_iter()
        .map(|r| r.id)
        .collect();
    let got: Vec<String> = rt.app.home.rows.iter().map(|r| r.id.clone()).collect();
    assert_eq!(got, expected, "the same order as `list`");
}

#[test]
fn the_selection_stays_on_its_plan_while_rows_arrive() {
    let (_d, store, m) = indexed();
    // A newer plan the index does not know yet: it arrives above the selected one.
    let mut newer = plan("z", "Najnowszy");
    newer.updated = "2027-01-01T00:00:00Z".into();
    store.save(&newer).expect("save");
    let mut rt = Runtime::starting(&store, App::new(m.clone(), Lang::Pl));
    rt.app.home.selected = 1;
    assert_eq!(rt.app.selected_row().map(|r| r.id.as_str()), Some("bbb"));
    while rt.busy() {
        rt.work_a_little();
    }
    assert_eq!(rt.app.home.rows.first().map(|r| r.id.as_str()), Some("z"));
    assert_eq!(rt.app.selected_row().map(|r| r.id.as_str()), Some("bbb"));
}

#[cfg(unix)]
#[test]
fn a_link_in_place_of_the_index_is_neither_read_nor_followed() {
    let (dir, store, m) = indexed();
    let target = dir.path().join("elsewhere.tsv");
    let planted = std::fs::read_to_string(store.index_path())
        .expect("index")
        .replace("Spacer", "Podrzucony");
    std::fs::write(&target, &planted).expect("write");
    std::fs::remove_file(store.index_path()).expect("remove");
    std::os::unix::fs::symlink(&target, store.index_path()).expect("symlink");
    assert!(
        first_frame(&store, &m).is_empty(),
        "not read through the link"
    );
    assert!(list(&store, &m).contains(&row("aa", "Spacer")));
    assert_eq!(
        std::fs::read_to_string(&target).expect("target"),
        planted,
        "the file the link points at is untouched"
    );
    assert!(
        std::fs::symlink_metadata(store.index_path())
            .expect("still there")
            .file_type()
            .is_symlink(),
        "the link is not replaced either"
    );
}

#[test]
fn a_damaged_file_keeps_its_place_and_message_through_the_index() {
    let (_d, store, m) = indexed();
    std::fs::write(
        store.plan_path("bbb"),
        "(version: 3,\n  id: \"bbb\",\n  oops",
    )
    .expect("w");
    let fresh = store.summaries(&Summarizer::new(&m));
    let s = Summarizer::new(&m);
    let mut scan = store.scan(&s);
    scan.check_stamps(&store);
    let cached = scan.rows(&store);
    assert_eq!(cached, fresh);
    let damaged = cached[0].damaged.as_ref().expect("damaged first");
    assert_eq!(cached[0].id, "bbb");
    assert!(damaged.line > 0 && damaged.col > 0, "{damaged:?}");
    // The same verdict and place as opening it.
    let opened = store.load("bbb").expect_err("damaged");
    assert_eq!((opened.line, opened.col), (damaged.line, damaged.col));
    // In both languages, so switching (`L`) never shows the language the index was made in.
    for lang in [Lang::Pl, Lang::En] {
        assert_eq!(opened.message(lang), damaged.message(lang));
    }
    assert_ne!(damaged.message(Lang::Pl), damaged.message(Lang::En));
    assert!(
        damaged.one_line(Lang::Pl).contains("oczekiwano"),
        "{damaged:?}"
    );
}

fn list_command(data: &Path, cache: Option<&Path>) -> String {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_modelownia"));
    cmd.arg("list")
        .arg("--data-dir")
        .arg(data)
        .env_remove("MODELOWNIA_DATA_DIR")
        .env_remove("MODELOWNIA_CACHE_DIR");
    if let Some(dir) = cache {
        cmd.env("MODELOWNIA_CACHE_DIR", dir);
    }
    let out = cmd.output().expect("runs");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn list_prints_the_same_with_and_without_the_index_and_keeps_it_in_the_chosen_folder() {
    let (dir, store) = store();
    for (id, title) in [("aa", "Spacer"), ("bbb", "Mural")] {
        store.save(&plan(id, title)).expect("save");
    }
    std::fs::write(store.plan_path("broken"), "(version: 3,\n  oops").expect("damage");
    let first = list_command(store.root(), None);
    // A data folder given on the command line keeps its index inside, never in the user's
    // own cache folder.
    assert!(store.root().join("cache").join("home-index.tsv").is_file());
    let second = list_command(store.root(), None);
    assert_eq!(first, second);
    assert!(second.contains("broken\tDAMAGED\t"), "{second}");
    assert!(second.contains("aa\tSpacer\t"), "{second}");
    let elsewhere = dir.path().join("my-cache");
    assert_eq!(list_command(store.root(), Some(&elsewhere)), first);
    assert!(elsewhere.join("home-index.tsv").is_file());
}
