//! `modelownia check-plan` and `modelownia list`, run as the real binary.

use std::path::Path;
use std::process::{Command, Output};

use modelownia::plan::{Plan, SCHEMA_VERSION};
use modelownia::storage::{Store, encode};

fn run(args: &[&str], data: Option<&Path>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_modelownia"));
    // Never the settings of whoever runs the tests.
    cmd.env(
        "MODELOWNIA_CONFIG_DIR",
        "/nonexistent/modelownia-test-config",
    );
    // English unless a test asks for Polish: problems are worded in the interface language.
    cmd.args(args)
        .env_remove("MODELOWNIA_DATA_DIR")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    if let Some(dir) = data {
        cmd.arg("--data-dir").arg(dir);
    }
    cmd.output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn plan(id: &str, title: &str, updated: &str) -> Plan {
    let mut p = Plan {
        version: SCHEMA_VERSION,
        id: id.into(),
        updated: updated.into(),
        ..Plan::default()
    };
    p.context.title = title.into();
    p
}

#[test]
fn check_plan_good_files() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.ron");
    let b = dir.path().join("b.ron");
    std::fs::write(&a, encode(&plan("a", "A", ""))).unwrap();
    std::fs::write(&b, "(version: 5, id: \"b\", future: 1)").unwrap();
    let out = run(
        &["check-plan", a.to_str().unwrap(), b.to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains(&format!("{}: OK\n", a.display())),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("{}: OK (made by a newer", b.display())),
        "{stdout}"
    );
}

#[test]
fn check_plan_bad_files_give_positions_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.ron");
    std::fs::write(&good, encode(&plan("good", "fine", ""))).unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "truncated.ron",
            b"(\n    version: 1,\n    id: \"truncated\",\n    context: (\n        title: \"ab"
                .to_vec(),
            ":5:",
        ),
        ("garbage.ron", vec![0xFF, 0xFE, 0x00], "not UTF-8"),
        (
            "unknown.ron",
            b"(\n    version: 1,\n    id: \"unknown\",\n    colour: 1,\n)".to_vec(),
            ":4:5: unknown field `colour`",
        ),
        (
            "mismatch.ron",
            encode(&plan("other", "x", "")).into_bytes(),
            ":3:5: plan id `other` does not match the file name `mismatch.ron`",
        ),
        (
            "wrongtype.ron",
            b"(\n    version: 1,\n    id: \"wrongtype\",\n    values: 3,\n)".to_vec(),
            ":4:",
        ),
        (
            "noversion.ron",
            b"(id: \"noversion\")".to_vec(),
            "no `version`",
        ),
        (
            "deep.ron",
            format!("(version: 1, id: \"deep\", x: {})", "[".repeat(100_000)).into_bytes(),
            "nested too deeply",
        ),
    ];
    for (name, bytes, expected) in &cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = run(
            &["check-plan", good.to_str().unwrap(), path.to_str().unwrap()],
            None,
        );
        assert_eq!(out.status.code(), Some(2), "{name}");
        let stderr = text(&out.stderr);
        let first = stderr.lines().next().unwrap_or("");
        assert!(
            first.starts_with(&path.display().to_string()),
            "{name}: {stderr}"
        );
        assert!(first.contains(expected), "{name}: {stderr}");
        assert!(text(&out.stdout).contains("good.ron: OK"), "{name}");
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    }
    // The offending line is shown under the message.
    let out = run(
        &[
            "check-plan",
            dir.path().join("unknown.ron").to_str().unwrap(),
        ],
        None,
    );
    assert!(
        text(&out.stderr).contains("\n        colour: 1,\n"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn check_plan_refuses_a_huge_file_and_a_missing_one() {
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.ron");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(100 * 1024 * 1024)
        .unwrap();
    let out = run(&["check-plan", huge.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("too large"),
        "{}",
        text(&out.stderr)
    );
    let out = run(
        &["check-plan", dir.path().join("nope.ron").to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("missing"));
}

#[test]
fn list_prints_one_line_per_plan_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store
        .save(&plan("old", "Stary plan", "2001-01-01T09:00:00Z"))
        .unwrap();
    store
        .save(&plan(
            "new",
            "Nowy\tplan\nz podwórka",
            "2002-03-05T17:45:12Z",
        ))
        .unwrap();
    std::fs::write(
        store.plan_path("broken"),
        "(version: 1,\n  id: \"broken\",\n  oops",
    )
    .unwrap();
    std::fs::write(store.plans_dir().join(".new.ron.tmp-abcdef"), "half").unwrap();

    let out = run(&["list"], Some(dir.path()));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    let cols: Vec<Vec<&str>> = lines.iter().map(|l| l.split('\t').collect()).collect();
    assert_eq!(cols[0][0], "broken", "{stdout}");
    assert_eq!(cols[0][1], "DAMAGED");
    assert!(cols[0][2].contains("broken.ron:3:"), "{stdout}");
    assert_eq!(
        &cols[1][..3],
        ["new", "Nowy plan z podwórka", "2002-03-05 17:45"]
    );
    assert_eq!(&cols[2][..3], ["old", "Stary plan", "2001-01-01 09:00"]);
    for row in &cols[1..] {
        assert_eq!(row.len(), 4, "{stdout}");
        assert!(row[3].ends_with('%') && row[3].trim_end_matches('%').parse::<u32>().is_ok());
    }
    // The damaged file was not touched by listing.
    assert_eq!(
        std::fs::read_to_string(store.plan_path("broken")).unwrap(),
        "(version: 1,\n  id: \"broken\",\n  oops"
    );
}

#[test]
fn list_of_an_empty_folder_prints_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["list"], Some(&dir.path().join("new")));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "");
    assert!(dir.path().join("new/plans").is_dir());
}

#[test]
fn list_says_which_folder_it_read_and_marks_rescued_and_conflict_copies() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let p = plan("p1", "Mural", "2026-11-01T09:00:00Z");
    store.save(&p).unwrap();
    store.write_recovered(&p).unwrap();
    std::fs::write(
        store
            .plans_dir()
            .join("p1.sync-conflict-20261201-123456-LAPTOP7.ron"),
        modelownia::storage::encode(&p),
    )
    .unwrap();
    let out = run(&["list"], Some(dir.path()));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    let root = dir.path().display().to_string();
    assert_eq!(stderr.lines().next(), Some(root.as_str()), "{stderr}");
    let stdout = text(&out.stdout);
    let kinds: Vec<&str> = stdout
        .lines()
        .map(|l| l.split('\t').nth(1).unwrap_or(""))
        .collect();
    assert_eq!(kinds.len(), 3, "{stdout}");
    assert_eq!(kinds[0], "Mural");
    assert!(kinds.contains(&"RECOVERED"), "{stdout}");
    assert!(kinds.contains(&"CONFLICT"), "{stdout}");
    assert!(stdout.contains("LAPTOP7, 2026-12-01 12:34:56"), "{stdout}");
    assert!(!stdout.contains("DAMAGED"), "{stdout}");
}

#[test]
fn check_plan_in_polish_words_the_problem_in_polish_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.ron");
    std::fs::write(&good, encode(&plan("good", "fine", ""))).unwrap();
    let cases: Vec<(&str, &[u8], &str)> = vec![
        (
            "unknown.ron",
            b"(\n    version: 1,\n    id: \"unknown\",\n    colour: 1,\n)",
            ":4:5: nieznane pole `colour` (plan w wersji 1 nie ma takiego pola; sprawdź pisownię)",
        ),
        (
            "comma.ron",
            b"(\n    version: 1,\n    id: \"comma\"\n    scenario: \"x\",\n)",
            ":4:5: oczekiwano przecinka",
        ),
        (
            "state.ron",
            b"(\n    version: 1,\n    id: \"state\",\n    values: 3,\n)",
            ":4:",
        ),
        (
            "garbage.ron",
            &[0xFF, 0xFE, 0x00],
            ":1:1: plik nie jest tekstem UTF-8",
        ),
    ];
    for (name, bytes, expected) in &cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = run(
            &[
                "--lang",
                "pl",
                "check-plan",
                good.to_str().unwrap(),
                path.to_str().unwrap(),
            ],
            None,
        );
        assert_eq!(out.status.code(), Some(2), "{name}");
        let stderr = text(&out.stderr);
        let first = stderr.lines().next().unwrap_or("");
        assert!(
            first.starts_with(&format!("{}{expected}", path.display())),
            "{name}: {stderr}"
        );
        assert!(
            stderr.contains("problemy w 1 z 2 plików planów"),
            "{name}: {stderr}"
        );
        for english in ["Expected", "unknown field", "not UTF-8", "plan files have"] {
            assert!(!stderr.contains(english), "{name}: {stderr}");
        }
    }
    // The excerpt and caret are as in English.
    let unknown = dir.path().join("unknown.ron");
    let pl = run(
        &["--lang", "pl", "check-plan", unknown.to_str().unwrap()],
        None,
    );
    let en = run(
        &["--lang", "en", "check-plan", unknown.to_str().unwrap()],
        None,
    );
    let tail = |o: &Output| {
        text(&o.stderr)
            .lines()
            .skip(1)
            .map(String::from)
            .collect::<Vec<_>>()
    };
    assert_eq!(tail(&pl), tail(&en));
    assert!(text(&en.stderr).contains("unknown field `colour`"));
}

#[test]
fn list_and_import_speak_the_language_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    std::fs::write(
        store.plan_path("broken"),
        "(version: 1,\n  id: \"broken\",\n  oops",
    )
    .unwrap();
    let pl = run(&["--lang", "pl", "list"], Some(dir.path()));
    let stdout = text(&pl.stdout);
    let line = stdout.lines().next().unwrap_or("");
    // The marker is for scripts and stays; the problem is in Polish.
    assert!(line.starts_with("broken\tDAMAGED\t"), "{stdout}");
    assert!(line.contains("broken.ron:3:"), "{stdout}");
    assert!(line.contains("oczekiwano"), "{stdout}");
    // The index written by the Polish run never answers the English one in Polish.
    let en = run(&["--lang", "en", "list"], Some(dir.path()));
    let en_line = text(&en.stdout).lines().next().unwrap_or("").to_string();
    assert!(
        en_line.contains("broken.ron:3:") && !en_line.contains("oczekiwano"),
        "{en_line}"
    );
    assert!(en_line.contains("Expected"), "{en_line}");

    let files = tempfile::tempdir().unwrap();
    let good = files.path().join("shared.ron");
    std::fs::write(&good, encode(&plan("shared", "Wspólny", ""))).unwrap();
    let bad = files.path().join("bad.ron");
    std::fs::write(&bad, "(version: 1, id: \"bad\", colour: 1)").unwrap();
    let out = run(
        &[
            "--lang",
            "pl",
            "import",
            good.to_str().unwrap(),
            bad.to_str().unwrap(),
        ],
        Some(dir.path()),
    );
    assert_eq!(out.status.code(), Some(2));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with(&format!("zaimportowano {} jako ", good.display())),
        "{stdout}"
    );
    let stderr = text(&out.stderr);
    assert!(stderr.contains("nieznane pole `colour`"), "{stderr}");
    assert!(
        stderr.contains("nie zaimportowano 1 z 2 plików"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("unknown") && !stderr.contains("imported"),
        "{stderr}"
    );
}
