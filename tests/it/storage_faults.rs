//! Fault injection: a save that fails at any step leaves the previous file intact, no temp file
//! behind, a clear reason, and a store that saves normally on the next try.

use crate::support::names;

use std::io::ErrorKind;
use std::sync::Arc;

use modelownia::plan::{Plan, SCHEMA_VERSION};
use modelownia::storage::{FailAt, SAVE_STEPS, SaveStep, Store, encode};

fn plan(title: &str) -> Plan {
    let mut p = Plan {
        version: SCHEMA_VERSION,
        id: "p1".into(),
        ..Plan::default()
    };
    p.context.title = title.into();
    p
}

const KINDS: [(ErrorKind, &str); 5] = [
    (ErrorKind::StorageFull, "the disk is full"),
    (ErrorKind::PermissionDenied, "permission denied"),
    (ErrorKind::ReadOnlyFilesystem, "read-only"),
    (ErrorKind::QuotaExceeded, "quota"),
    (ErrorKind::Other, "injected failure"),
];

#[test]
fn every_step_and_error_leaves_the_old_file_intact() {
    for step in SAVE_STEPS {
        for (kind, words) in KINDS {
            let dir = tempfile::tempdir().unwrap();
            let store = Store::open(dir.path()).unwrap();
            store.save(&plan("one")).unwrap();
            store.save(&plan("two")).unwrap();
            let failing = store.clone().with_fs(Arc::new(FailAt::always(step, kind)));

            let err = failing.save(&plan("three")).unwrap_err();
            let case = format!("{step:?}/{kind:?}: {err}");
            assert!(err.to_string().contains(words), "{case}");

            let now = std::fs::read_to_string(store.plan_path("p1")).unwrap();
            let bak = std::fs::read_to_string(store.backup_path("p1")).unwrap();
            if step.after_rename() {
                assert!(err.to_string().contains("new version is written"), "{case}");
                assert_eq!(now, encode(&plan("three")), "{case}");
                assert_eq!(bak, encode(&plan("two")), "{case}");
            } else {
                assert!(err.to_string().contains("unchanged"), "{case}");
                assert_eq!(now, encode(&plan("two")), "{case}");
                let expected = if step == SaveStep::Rename {
                    "two"
                } else {
                    "one"
                };
                assert_eq!(bak, encode(&plan(expected)), "{case}");
            }
            assert_eq!(
                names(&store.plans_dir()),
                ["p1.ron", "p1.ron.bak"],
                "{case}"
            );

            // The failure leaves nothing that blocks the next save.
            store.save(&plan("four")).unwrap();
            assert_eq!(store.load("p1").unwrap().plan, plan("four"), "{case}");
            assert_eq!(
                names(&store.plans_dir()),
                ["p1.ron", "p1.ron.bak"],
                "{case}"
            );
        }
    }
}

#[test]
fn a_failed_first_save_creates_nothing() {
    for step in SAVE_STEPS {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path())
            .unwrap()
            .with_fs(Arc::new(FailAt::always(step, ErrorKind::StorageFull)));
        let result = store.save(&plan("one"));
        if step == SaveStep::Backup {
            // No previous version, so no backup step: the save succeeds.
            result.unwrap();
            continue;
        }
        let err = result.unwrap_err();
        if step.after_rename() {
            assert_eq!(names(&store.plans_dir()), ["p1.ron"], "{step:?}: {err}");
        } else {
            assert_eq!(
                names(&store.plans_dir()),
                Vec::<String>::new(),
                "{step:?}: {err}"
            );
        }
    }
}

#[test]
fn retry_after_a_transient_failure() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path())
        .unwrap()
        .with_fs(Arc::new(FailAt::once(
            SaveStep::Write,
            ErrorKind::StorageFull,
        )));
    store.save(&plan("one")).unwrap_err();
    store.save(&plan("one")).unwrap();
    assert_eq!(store.load("p1").unwrap().plan, plan("one"));
}

#[test]
fn restore_backup_failures_change_nothing_but_the_aside_copy() {
    for step in [
        SaveStep::CreateTemp,
        SaveStep::Write,
        SaveStep::SyncFile,
        SaveStep::Rename,
    ] {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        store.save(&plan("one")).unwrap();
        store.save(&plan("two")).unwrap();
        std::fs::write(store.plan_path("p1"), "torn").unwrap();
        let failing = store
            .clone()
            .with_fs(Arc::new(FailAt::always(step, ErrorKind::StorageFull)));
        let err = failing.restore_backup("p1").unwrap_err();
        assert!(err.to_string().contains("disk is full"), "{step:?}: {err}");
        assert_eq!(std::fs::read(store.plan_path("p1")).unwrap(), b"torn");
        assert!(names(&store.plans_dir()).iter().all(|n| !n.contains("tmp")));
        store.restore_backup("p1").unwrap();
        assert_eq!(store.load("p1").unwrap().plan, plan("one"));
    }
}
