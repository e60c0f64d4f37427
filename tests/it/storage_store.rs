//! The data folder: saving, listing, damaged files, versions, trash, restore, locks, privacy.

use crate::support::names;
use modelownia::lang::Lang;

use std::path::Path;

use modelownia::plan::{Plan, SCHEMA_VERSION};
use modelownia::storage::{Listed, Store, StoreError, encode, new_id};

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("data")).unwrap();
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

fn ids(store: &Store) -> Vec<String> {
    store.list().iter().map(|r| r.id().to_string()).collect()
}

#[test]
fn save_then_load_and_list() {
    let (_d, store) = store();
    let p = plan("p1", "Podwórko");
    store.save(&p).unwrap();
    let path = store.plan_path("p1");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), encode(&p));
    let back = store.load("p1").unwrap();
    assert_eq!(back.plan, p);
    assert!(back.read_only.is_none());
    match &store.list()[..] {
        [Listed::Ok { path: lp, decoded }] => {
            assert_eq!(lp, &path);
            assert_eq!(decoded.plan, p);
        }
        other => panic!("{other:?}"),
    }
    // The first save has nothing to back up.
    assert_eq!(names(&store.plans_dir()), ["p1.ron"]);
}

#[test]
fn save_writes_the_current_version() {
    let (_d, store) = store();
    let p = Plan {
        id: new_id(),
        ..Plan::default()
    };
    assert_eq!(p.version, 0);
    store.save(&p).unwrap();
    assert_eq!(store.load(&p.id).unwrap().plan.version, SCHEMA_VERSION);
}

#[test]
fn save_keeps_the_previous_version_as_bak() {
    let (_d, store) = store();
    let one = plan("p1", "one");
    let two = plan("p1", "two");
    let three = plan("p1", "three");
    store.save(&one).unwrap();
    store.save(&two).unwrap();
    assert_eq!(
        std::fs::read_to_string(store.backup_path("p1")).unwrap(),
        encode(&one)
    );
    store.save(&three).unwrap();
    assert_eq!(
        std::fs::read_to_string(store.backup_path("p1")).unwrap(),
        encode(&two)
    );
    // Saving what is already there writes nothing, so the backup stays the version before.
    store.save(&three).unwrap();
    assert_eq!(
        std::fs::read_to_string(store.backup_path("p1")).unwrap(),
        encode(&two)
    );
    assert_eq!(
        std::fs::read_to_string(store.plan_path("p1")).unwrap(),
        encode(&three)
    );
    assert_eq!(ids(&store), ["p1"]);
}

/// Every state of a data folder the app can meet; `damaged` never changes byte for byte.
fn damaged_cases() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        (
            "truncated",
            encode(&plan("x", "t")).as_bytes()[..30].to_vec(),
        ),
        ("garbage", vec![0xFF, 0xFE, 0, 1, 2]),
        ("empty", Vec::new()),
        (
            "unknown-field",
            b"(version: 1, id: \"unknown-field\", mood: 1)".to_vec(),
        ),
        ("wrong-id", encode(&plan("someone-else", "t")).into_bytes()),
        ("no-version", b"(id: \"no-version\")".to_vec()),
        (
            "deep",
            format!("(version: 1, id: \"deep\", x: {})", "[".repeat(100_000)).into_bytes(),
        ),
    ]
}

#[test]
fn damaged_files_are_never_changed() {
    let (d, store) = store();
    store.save(&plan("good", "fine")).unwrap();
    for (id, bytes) in damaged_cases() {
        std::fs::write(store.plan_path(id), &bytes).unwrap();
    }
    std::fs::write(
        store.backup_path("garbage"),
        encode(&plan("garbage", "old")),
    )
    .unwrap();

    let store = Store::open(&d.path().join("data")).unwrap();
    let rows = store.list();
    assert_eq!(rows.len(), damaged_cases().len() + 1);
    for row in &rows {
        match row {
            Listed::Ok { decoded, .. } => assert_eq!(decoded.plan.id, "good"),
            Listed::Damaged {
                id,
                error,
                has_backup,
                path,
            } => {
                assert_eq!(*has_backup, id == "garbage", "{id}");
                assert_eq!(path, &store.plan_path(id));
                assert!(error.file.ends_with(&format!("{id}.ron")), "{error}");
            }
        }
    }
    for (id, bytes) in damaged_cases() {
        assert!(store.load(id).is_err(), "{id}");
        let err = store.save(&plan(id, "new words")).unwrap_err();
        assert!(
            err.to_string().contains("damaged") && err.to_string().contains("not overwritten"),
            "{id}: {err}"
        );
        assert_eq!(std::fs::read(store.plan_path(id)).unwrap(), bytes, "{id}");
    }
    // Nothing new appeared next to them (no .bak, no temp files).
    let mut expected: Vec<String> = damaged_cases()
        .iter()
        .map(|(id, _)| format!("{id}.ron"))
        .chain(["garbage.ron.bak".into(), "good.ron".into()])
        .collect();
    expected.sort();
    assert_eq!(names(&store.plans_dir()), expected);
}

#[test]
fn restore_backup_keeps_the_damaged_file_aside() {
    let (_d, store) = store();
    let good = plan("p1", "good");
    store.save(&good).unwrap();
    store.save(&plan("p1", "better")).unwrap();
    std::fs::write(store.plan_path("p1"), b"(version: 1, id: \"p1\", torn").unwrap();
    assert!(store.load("p1").is_err());
    store.restore_backup("p1").unwrap();
    assert_eq!(store.load("p1").unwrap().plan, good);
    let aside: Vec<String> = names(&store.plans_dir())
        .into_iter()
        .filter(|n| n.starts_with("p1.ron.damaged-"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(
        std::fs::read(store.plans_dir().join(&aside[0])).unwrap(),
        b"(version: 1, id: \"p1\", torn"
    );
    // The backup stays; the aside copy is not listed.
    assert!(store.backup_path("p1").exists());
    assert_eq!(ids(&store), ["p1"]);
    // Saving works again after the restore.
    store.save(&plan("p1", "again")).unwrap();
    // A second restore within the same second does not overwrite the first aside copy.
    std::fs::write(store.plan_path("p1"), b"torn again").unwrap();
    store.restore_backup("p1").unwrap();
    let aside = names(&store.plans_dir())
        .into_iter()
        .filter(|n| n.starts_with("p1.ron.damaged-"))
        .count();
    assert_eq!(aside, 2);
}

#[test]
fn restore_backup_refuses_a_bad_or_missing_backup() {
    let (_d, store) = store();
    std::fs::write(store.plan_path("p1"), b"torn").unwrap();
    let e = store.restore_backup("p1").unwrap_err();
    assert!(
        e.to_string().contains("missing") && e.to_string().contains("nothing was changed"),
        "{e}"
    );
    std::fs::write(store.backup_path("p1"), b"also torn").unwrap();
    let e = store.restore_backup("p1").unwrap_err();
    assert!(e.to_string().contains("backup is damaged too"), "{e}");
    std::fs::write(store.backup_path("p1"), encode(&plan("p2", "x"))).unwrap();
    let e = store.restore_backup("p1").unwrap_err();
    assert!(e.to_string().contains("`p2`"), "{e}");
    assert_eq!(std::fs::read(store.plan_path("p1")).unwrap(), b"torn");
    assert_eq!(names(&store.plans_dir()), ["p1.ron", "p1.ron.bak"]);
}

#[test]
fn newer_version_is_read_only_and_never_overwritten() {
    let (_d, store) = store();
    let text = "(version: 5, id: \"p1\", hologram: true, context: (title: \"future\"))\n";
    std::fs::write(store.plan_path("p1"), text).unwrap();
    let d = store.load("p1").unwrap();
    assert!(d.read_only.unwrap().text(Lang::En).contains("newer"));
    let e = store.save(&d.plan).unwrap_err();
    assert!(e.to_string().contains("newer"), "{e}");
    // Even a plan claiming the current version does not replace it.
    let e = store.save(&plan("p1", "mine")).unwrap_err();
    assert!(e.to_string().contains("newer"), "{e}");
    assert_eq!(
        std::fs::read_to_string(store.plan_path("p1")).unwrap(),
        text
    );
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten() {
    let (_d, store) = store();
    store.save(&plan("p1", "mine")).unwrap();
    let theirs = encode(&plan("p1", "theirs"));
    std::fs::write(store.plan_path("p1"), &theirs).unwrap();
    let e = store.save(&plan("p1", "mine, edited")).unwrap_err();
    assert!(e.to_string().contains("changed on disk"), "{e}");
    assert_eq!(
        std::fs::read_to_string(store.plan_path("p1")).unwrap(),
        theirs
    );
    // Clones share what was seen.
    let clone = store.clone();
    assert!(clone.save(&plan("p1", "x")).is_err());
    // After reading it again the store may write.
    assert_eq!(store.load("p1").unwrap().plan.context.title, "theirs");
    clone.save(&plan("p1", "merged")).unwrap();
}

#[test]
fn a_file_removed_from_under_us_is_written_again() {
    let (_d, store) = store();
    store.save(&plan("p1", "one")).unwrap();
    std::fs::remove_file(store.plan_path("p1")).unwrap();
    store.save(&plan("p1", "two")).unwrap();
    assert_eq!(store.load("p1").unwrap().plan.context.title, "two");
}

#[test]
fn unsafe_ids_are_refused_everywhere() {
    let (d, store) = store();
    for id in [
        "../escape",
        "a/b",
        "..",
        ".hidden",
        "",
        "a\0b",
        "CON.",
        "x y",
    ] {
        let p = plan(id, "t");
        assert!(store.save(&p).is_err(), "{id:?}");
        assert!(store.trash(id).is_err(), "{id:?}");
        assert!(store.restore_backup(id).is_err(), "{id:?}");
        assert!(store.lock(id).is_err(), "{id:?}");
        assert!(store.load(id).is_err(), "{id:?}");
    }
    assert_eq!(names(d.path()), ["data"]);
    assert_eq!(names(&store.plans_dir()), Vec::<String>::new());
}

#[test]
fn list_is_newest_first_and_ignores_other_files() {
    let (_d, store) = store();
    for (id, when) in [
        ("a", "2001-01-02"),
        ("b", "2001-03-01"),
        ("c", "2001-02-01"),
    ] {
        let mut p = plan(id, id);
        p.updated = format!("{when}T00:00:00Z");
        store.save(&p).unwrap();
    }
    let mut a2 = plan("a", "a2");
    a2.updated = "2001-01-03T00:00:00Z".into();
    store.save(&a2).unwrap(); // makes a.ron.bak
    let dir = store.plans_dir();
    std::fs::write(dir.join(".b.ron.tmp-abc123"), "torn").unwrap();
    std::fs::write(dir.join("notes.txt"), "x").unwrap();
    std::fs::write(dir.join("c.ron.damaged-5"), "x").unwrap();
    std::fs::create_dir(dir.join("folder")).unwrap();
    assert_eq!(ids(&store), ["b", "c", "a"]);
    // A damaged file is listed by its modification time (now: newest).
    std::fs::write(dir.join("d.ron"), "torn").unwrap();
    assert_eq!(ids(&store), ["d", "b", "c", "a"]);
    // A file name that is no plan id is listed as damaged.
    std::fs::write(dir.join("my plan.ron"), encode(&plan("p1", "x"))).unwrap();
    let rows = store.list();
    let odd = rows.iter().find(|r| r.id() == "my plan").unwrap();
    assert!(
        matches!(odd, Listed::Damaged { error, .. } if error.message(Lang::En).contains("not a plan id"))
    );
}

#[cfg(unix)]
#[test]
fn non_utf8_names_are_listed_as_damaged() {
    use std::os::unix::ffi::OsStrExt;
    let (_d, store) = store();
    let name = std::ffi::OsStr::from_bytes(b"\xFFx.ron");
    std::fs::write(store.plans_dir().join(name), "x").unwrap();
    let rows = store.list();
    assert_eq!(rows.len(), 1);
    assert!(matches!(rows[0], Listed::Damaged { .. }));
}

#[test]
fn stale_temp_files_are_removed_on_open_unless_their_plan_is_locked() {
    let (d, store) = store();
    store.save(&plan("p1", "x")).unwrap();
    let dir = store.plans_dir();
    for name in [
        ".p1.ron.tmp-aaaaaa",
        ".p1.ron.bak.tmp-bbbbbb",
        ".p2.ron.tmp-cccccc",
    ] {
        std::fs::write(dir.join(name), "half a pl").unwrap();
    }
    let held = store.lock("p2").unwrap();
    assert_eq!(ids(&store), ["p1"]);
    let _store = Store::open(&d.path().join("data")).unwrap();
    assert_eq!(names(&dir), [".locks", ".p2.ron.tmp-cccccc", "p1.ron"]);
    drop(held);
    let _store = Store::open(&d.path().join("data")).unwrap();
    assert_eq!(names(&dir), [".locks", "p1.ron"]);
}

#[test]
fn trash_moves_plan_and_backup_without_overwriting() {
    let (_d, store) = store();
    store.save(&plan("p1", "one")).unwrap();
    store.save(&plan("p1", "two")).unwrap();
    store.trash("p1").unwrap();
    assert!(store.list().is_empty());
    let trash = store.trash_dir();
    assert_eq!(names(&trash), ["p1.ron", "p1.ron.bak"]);
    // The same id again (e.g. restored by hand and trashed again): kept apart.
    store.save(&plan("p1", "three")).unwrap();
    store.trash("p1").unwrap();
    store.save(&plan("p1", "four")).unwrap();
    store.save(&plan("p1", "five")).unwrap();
    store.trash("p1").unwrap();
    assert_eq!(
        names(&trash),
        [
            "p1.2.ron",
            "p1.3.ron",
            "p1.3.ron.bak",
            "p1.ron",
            "p1.ron.bak"
        ]
    );
    let read = |n: &str| std::fs::read_to_string(trash.join(n)).unwrap();
    assert!(read("p1.ron").contains("two") && read("p1.ron.bak").contains("one"));
    assert!(read("p1.2.ron").contains("three"));
    assert!(read("p1.3.ron").contains("five") && read("p1.3.ron.bak").contains("four"));
    // Damaged files can be trashed; a missing plan is an error.
    std::fs::write(store.plan_path("bad"), [0xFF]).unwrap();
    store.trash("bad").unwrap();
    assert_eq!(std::fs::read(trash.join("bad.ron")).unwrap(), [0xFF]);
    assert!(
        store
            .trash("nothing")
            .unwrap_err()
            .to_string()
            .contains("no such plan")
    );
}

#[test]
fn a_second_lock_fails_while_the_first_is_held() {
    let (_d, store) = store();
    let first = store.lock("p1").unwrap();
    let e = store.lock("p1").unwrap_err();
    assert_eq!(
        e,
        modelownia::storage::LockError::Held(Some(std::process::id()))
    );
    let reason = modelownia::state::ReadOnlyReason::OpenElsewhere(Some(std::process::id()));
    let e = modelownia::state::read_only_reason(modelownia::lang::Lang::En, &reason);
    assert!(e.contains("another modelownia window"), "{e}");
    assert!(e.contains(&std::process::id().to_string()), "{e}");
    // Other plans are not affected, nor is another store on the same folder.
    let other = store.lock("p2").unwrap();
    let again = Store::open(store.root()).unwrap();
    assert!(again.lock("p1").is_err());
    drop(first);
    let _second = again.lock("p1").unwrap();
    drop(other);
    // Lock files are not plans.
    assert!(store.list().is_empty());
}

#[test]
fn open_explains_an_unusable_folder() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("file");
    std::fs::write(&file, "x").unwrap();
    let e = Store::open(&file).unwrap_err().to_string();
    assert!(e.contains(&file.display().to_string()), "{e}");
    let e = Store::open(&file.join("below")).unwrap_err().to_string();
    assert!(e.contains("below"), "{e}");
}

#[cfg(unix)]
mod unix {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn mode(p: &Path) -> u32 {
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    /// Root ignores permission bits; tests that rely on them are skipped then.
    fn permissions_apply(dir: &Path) -> bool {
        let probe = dir.join("probe");
        std::fs::create_dir(&probe).unwrap();
        std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o500)).unwrap();
        let applies = std::fs::write(probe.join("x"), "x").is_err();
        std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o700)).unwrap();
        applies
    }

    #[test]
    fn folders_are_0700_and_files_0600() {
        let (d, store) = store();
        assert_eq!(mode(store.root()), 0o700);
        assert_eq!(mode(&store.plans_dir()), 0o700);
        store.save(&plan("p1", "notes about young people")).unwrap();
        store.save(&plan("p1", "more notes")).unwrap();
        assert_eq!(mode(&store.plan_path("p1")), 0o600);
        assert_eq!(mode(&store.backup_path("p1")), 0o600);
        let _held = store.lock("p1").unwrap();
        assert_eq!(mode(&store.plans_dir().join(".locks")), 0o700);
        std::fs::write(store.plan_path("p1"), "torn").unwrap();
        store.restore_backup("p1").unwrap();
        assert_eq!(mode(&store.plan_path("p1")), 0o600);
        store.trash("p1").unwrap();
        assert_eq!(mode(&store.trash_dir()), 0o700);
        // Intermediate folders the app did not name are left with default permissions.
        let deep = d.path().join("a/b/data");
        let s = Store::open(&deep).unwrap();
        assert_eq!(mode(s.root()), 0o700);
        assert_ne!(mode(&d.path().join("a")), 0o700);
    }

    #[test]
    fn an_existing_data_folder_keeps_its_mode_but_plans_are_private() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        std::fs::create_dir(dir.path().join("plans")).unwrap();
        std::fs::set_permissions(
            dir.path().join("plans"),
            std::fs::Permissions::from_mode(0o755),
        )
        .unwrap();
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(mode(dir.path()), 0o755);
        assert_eq!(mode(&store.plans_dir()), 0o700);
    }

    #[test]
    fn a_read_only_folder_gives_a_clear_error_and_keeps_the_file() {
        let (d, store) = store();
        if !permissions_apply(d.path()) {
            eprintln!("skipped: permission bits do not apply (running as root)");
            return;
        }
        store.save(&plan("p1", "one")).unwrap();
        let dir = store.plans_dir();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o500)).unwrap();
        let e = store.save(&plan("p1", "two"));
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
        let e = e.unwrap_err();
        assert!(
            e.to_string().contains("permission denied") && e.to_string().contains("unchanged"),
            "{e}"
        );
        assert_eq!(store.load("p1").unwrap().plan.context.title, "one");
        assert_eq!(names(&dir), ["p1.ron"]);
    }
}

#[test]
fn a_plan_over_the_size_limit_is_refused_and_the_file_kept() {
    let (_d, store) = store();
    let small = plan("p1", "Mały");
    store.save(&small).unwrap();
    let before = std::fs::read(store.plan_path("p1")).unwrap();
    let mut big = small.clone();
    big.context.idea = "x".repeat(modelownia::storage::MAX_PLAN_BYTES as usize + 1);
    let e = store.save(&big).unwrap_err().to_string();
    assert!(e.contains("MiB limit"), "{e}");
    assert_eq!(std::fs::read(store.plan_path("p1")).unwrap(), before);
}

#[test]
fn a_second_rescue_never_replaces_the_first() {
    let (_d, store) = store();
    let first = store.write_recovered(&plan("p1", "first")).unwrap();
    let second = store.write_recovered(&plan("p1", "second")).unwrap();
    assert_ne!(first, second);
    assert!(std::fs::read_to_string(&first).unwrap().contains("first"));
    assert!(std::fs::read_to_string(&second).unwrap().contains("second"));
    // Rescued copies are not plans.
    assert!(store.list().is_empty());
}

#[cfg(unix)]
#[test]
fn exports_never_follow_a_planted_link() {
    use std::os::unix::fs::PermissionsExt;
    let (d, store) = store();
    let outside = d.path().join("outside.txt");
    std::fs::write(&outside, "keep me").unwrap();
    std::fs::set_permissions(&outside, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::create_dir_all(store.exports_dir()).unwrap();
    std::os::unix::fs::symlink(&outside, store.exports_dir().join("p1.md")).unwrap();
    let err = store.write_export("p1.md", "# plan").unwrap_err();
    assert!(matches!(err, StoreError::InTheWay { .. }), "{err:?}");
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "keep me");
    // A real earlier export of ours is replaced, and private.
    std::fs::remove_file(store.exports_dir().join("p1.md")).unwrap();
    let path = store.write_export("p1.md", "# one").unwrap();
    let path2 = store.write_export("p1.md", "# two").unwrap();
    assert_eq!(path, path2);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "# two");
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[cfg(unix)]
#[test]
fn a_planted_lock_link_is_refused_and_its_target_untouched() {
    let (d, store) = store();
    let outside = d.path().join("victim.txt");
    std::fs::write(&outside, "precious").unwrap();
    let locks = store.plans_dir().join(".locks");
    std::fs::create_dir_all(&locks).unwrap();
    std::os::unix::fs::symlink(&outside, locks.join("p1.lock")).unwrap();
    assert!(store.lock("p1").is_err());
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "precious");
}
