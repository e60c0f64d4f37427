//! The binary without a terminal: `check-model`, and what the workbook does when it has no tty.
//! (`check-plan` and `list` are covered in `storage_cli.rs`.)

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_modelownia"));
    // Never the settings of whoever runs the tests.
    cmd.env(
        "MODELOWNIA_CONFIG_DIR",
        "/nonexistent/modelownia-test-config",
    );
    cmd.env_remove("MODELOWNIA_DATA_DIR")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .stdin(Stdio::null());
    cmd
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("run the binary")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A copy of the repo's `model/*.ron` in a temporary folder.
fn model_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("model");
    let dst = dir.path().join("model");
    std::fs::create_dir(&dst).unwrap();
    let mut copied = 0;
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ron") {
            std::fs::copy(&path, dst.join(path.file_name().unwrap())).unwrap();
            copied += 1;
        }
    }
    assert!(copied >= 8, "model/ has its eight files");
    (dir, dst)
}

/// `model OK: 12 values, 12 directions, …` → `[("values", 12), ("directions", 12), …]`.
fn counts(line: &str) -> Vec<(String, usize)> {
    let rest = line.strip_prefix("model OK: ").expect("summary prefix");
    rest.split(", ")
        .map(|part| {
            let (n, what) = part
                .split_once(' ')
                .unwrap_or_else(|| panic!("count and name in {part:?}"));
            let n = n.parse().unwrap_or_else(|_| panic!("a number in {part:?}"));
            (what.to_string(), n)
        })
        .collect()
}

#[test]
fn check_model_prints_one_summary_line() {
    let out = run(&["check-model"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1, "exactly one line: {stdout:?}");
    assert!(stdout.ends_with('\n'));
    let got = counts(lines[0]);
    let minimum = [
        ("values", 10),
        ("directions", 10),
        ("phases", 4),
        ("checklist items", 56),
        ("methods", 20),
        ("roles", 16),
        ("scenarios", 4),
        ("pieces of advice", 1),
    ];
    let names: Vec<&str> = got.iter().map(|(w, _)| w.as_str()).collect();
    let expected: Vec<&str> = minimum.iter().map(|(w, _)| *w).collect();
    assert_eq!(names, expected, "{stdout}");
    for ((what, n), (_, min)) in got.iter().zip(minimum) {
        assert!(*n >= min, "{n} {what}, expected at least {min}: {stdout}");
    }
}

#[test]
fn check_model_of_a_copied_folder_matches_the_built_in_one() {
    let (_tmp, model) = model_copy();
    let built_in = run(&["check-model"]);
    let copied = run(&["check-model", "--model", model.to_str().unwrap()]);
    assert_eq!(copied.status.code(), Some(0), "{}", text(&copied.stderr));
    assert_eq!(text(&copied.stdout), text(&built_in.stdout));
}

#[test]
fn check_model_of_a_missing_folder_exits_2() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("no-such-model");
    let out = run(&["check-model", "--model", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(&missing.display().to_string()) && stderr.contains("does not exist"),
        "{stderr}"
    );
    assert_eq!(text(&out.stdout), "", "nothing on stdout");
}

/// Blanks the English of the glossary term `local-support-team` in the model copy at `model`;
/// returns the line of its id, where the problem is reported.
fn blank_an_english_term(model: &std::path::Path) -> usize {
    let glossary = model.join("glossary.ron");
    let original = std::fs::read_to_string(&glossary).unwrap();
    let line = original
        .lines()
        .position(|l| l.trim() == "id: \"local-support-team\",")
        .expect("the term")
        + 1;
    std::fs::write(
        &glossary,
        original.replacen("en: \"local support team\",", "en: \" \",", 1),
    )
    .unwrap();
    line
}

#[test]
fn check_model_exits_2_on_a_glossary_term_without_its_english_or_a_scenario_without_plan_b() {
    let (_tmp, model) = model_copy();
    let line = blank_an_english_term(&model);
    let scenarios = model.join("scenarios.ron");
    let text_of = std::fs::read_to_string(&scenarios).unwrap();
    std::fs::write(&scenarios, text_of.replacen("plan_b: (", "plan_z: (", 1)).unwrap();

    let out = run(&["check-model", "--model", model.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    // A parse error stops the semantic checks, so the scenario is reported first.
    assert!(
        stderr.contains("scenarios.ron:") && stderr.contains("plan_z"),
        "{stderr}"
    );
    std::fs::write(&scenarios, text_of).unwrap();
    let out = run(&["check-model", "--model", model.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(&format!("glossary.ron:{line}:"))
            && stderr.contains("term \"local-support-team\": en: the English term is missing"),
        "{stderr}"
    );
    assert_eq!(text(&out.stdout), "");
}

#[test]
fn check_model_speaks_polish_with_lang_pl_at_the_same_place() {
    let (_tmp, model) = model_copy();
    let glossary = model.join("glossary.ron");
    let original = std::fs::read_to_string(&glossary).unwrap();
    let line = blank_an_english_term(&model);

    let out = run(&[
        "check-model",
        "--model",
        model.to_str().unwrap(),
        "--lang",
        "pl",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(&format!("glossary.ron:{line}:"))
            && stderr.contains(
                "termin słownika \"local-support-team\": en: angielski termin jest pusty albo go brak"
            ),
        "{stderr}"
    );
    // The offending line and a caret under the id, as in English.
    assert!(
        stderr.contains("id: \"local-support-team\",") && stderr.contains('^'),
        "{stderr}"
    );
    assert!(
        stderr.trim_end().ends_with("model ma 1 problem"),
        "{stderr}"
    );
    assert!(!stderr.contains("English term is missing"), "{stderr}");
    assert_eq!(text(&out.stdout), "");

    // The success line is the same in every language.
    std::fs::write(&glossary, original).unwrap();
    let pl = run(&[
        "check-model",
        "--model",
        model.to_str().unwrap(),
        "--lang",
        "pl",
    ]);
    let en = run(&[
        "check-model",
        "--model",
        model.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(pl.status.code(), Some(0));
    assert!(
        text(&pl.stdout).starts_with("model OK: "),
        "{}",
        text(&pl.stdout)
    );
    assert_eq!(pl.stdout, en.stdout);
}

#[test]
fn check_model_locates_a_syntax_error() {
    let (_tmp, model) = model_copy();
    let values = model.join("values.ron");
    let original = std::fs::read_to_string(&values).unwrap();
    // Break the first `id: "…",` line: a stray word after the string.
    let (index, line) = original
        .lines()
        .enumerate()
        .find(|(_, l)| l.trim_start().starts_with("id: \""))
        .expect("values.ron has ids");
    let broken_line = line.replacen("\",", "\" oops,", 1);
    let col = broken_line.find("oops").unwrap() + 1; // ASCII before it: bytes = columns
    let mut lines: Vec<&str> = original.lines().collect();
    lines[index] = &broken_line;
    std::fs::write(&values, lines.join("\n") + "\n").unwrap();

    let out = run(&["check-model", "--model", model.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    let want = format!("values.ron:{}:{col}", index + 1);
    assert!(stderr.contains(&want), "expected {want} in:\n{stderr}");
    assert!(
        stderr.contains(broken_line.trim()),
        "the line is quoted:\n{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(text(&out.stdout), "");

    // The workbook refuses to start on that model, before touching the terminal.
    let data = tempfile::tempdir().unwrap();
    let out = bin()
        .args(["--model", model.to_str().unwrap()])
        .env("MODELOWNIA_DATA_DIR", data.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains(&want), "{}", text(&out.stderr));
    assert!(!out.stdout.contains(&0x1b), "no escape sequences on stdout");
}

#[test]
fn workbook_without_a_terminal_exits_2_and_explains() {
    let data = tempfile::tempdir().unwrap();
    let out = bin()
        .args(["--lang", "en"])
        .env("MODELOWNIA_DATA_DIR", data.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("interactive terminal"), "{stderr}");
    assert!(
        stderr.contains("list") && stderr.contains("check-plan"),
        "points to the script commands: {stderr}"
    );
    assert!(
        !out.stdout.contains(&0x1b),
        "escape sequences on stdout: {:?}",
        text(&out.stdout)
    );
    assert!(
        !out.stderr.contains(&0x1b),
        "escape sequences on stderr: {stderr:?}"
    );
    assert!(out.stdout.is_empty(), "{:?}", text(&out.stdout));
    // Nothing was created but the (empty) data folder.
    let plans: Vec<_> = std::fs::read_dir(data.path().join("plans"))
        .map(|rd| rd.flatten().map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(
        plans.iter().all(|n| n.to_string_lossy().starts_with('.')),
        "{plans:?}"
    );
}

#[test]
fn list_uses_the_data_dir_from_the_environment() {
    use modelownia::plan::{Plan, SCHEMA_VERSION};
    let data = tempfile::tempdir().unwrap();
    let store = modelownia::storage::Store::open(data.path()).unwrap();
    let mut plan = Plan {
        version: SCHEMA_VERSION,
        id: "spacer".into(),
        updated: "2026-05-01T08:30:00Z".into(),
        ..Plan::default()
    };
    plan.context.title = "Spacer badawczy po Chyloni".into();
    store.save(&plan).unwrap();
    std::fs::write(
        store.plan_path("zepsuty"),
        "(version: 1, id: \"zepsuty\", context: (",
    )
    .unwrap();

    let out = bin()
        .arg("list")
        .env("MODELOWNIA_DATA_DIR", data.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let rows: Vec<Vec<&str>> = stdout.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 2, "{stdout}");
    assert_eq!(rows[0][..2], ["zepsuty", "DAMAGED"], "{stdout}");
    assert!(rows[0][2].contains("zepsuty.ron:1:"), "{stdout}");
    assert_eq!(
        rows[1][..3],
        ["spacer", "Spacer badawczy po Chyloni", "2026-05-01 08:30"],
        "{stdout}"
    );
    assert!(rows[1][3].ends_with('%'), "{stdout}");
}

/// A data folder with one plan whose first session has two parts and whose second has none.
fn data_with_agenda() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let store = modelownia::storage::Store::open(dir.path()).unwrap();
    let mut plan = modelownia::plan::new("p-run".into(), "2026-12-01T10:00:00Z".into());
    plan.context.title = "Spacer".into();
    plan.sessions = vec![
        modelownia::plan::Session {
            label: "Spotkanie 1".into(),
            parts: vec![modelownia::plan::Part {
                id: "a1".into(),
                minutes: 10,
                what: "Rundka".into(),
                ..Default::default()
            }],
            ..Default::default()
        },
        modelownia::plan::Session {
            label: "Spotkanie 2".into(),
            ..Default::default()
        },
    ];
    store.save(&plan).unwrap();
    (dir, plan.id)
}

#[test]
fn run_names_the_valid_plans_and_sessions_when_given_a_wrong_one() {
    let (dir, id) = data_with_agenda();
    let data = dir.path().to_str().unwrap();
    let out = run(&["run", "nope", "--data-dir", data]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("no such plan") && err.contains(&id) && err.contains("Spacer"),
        "{err}"
    );
    for session in ["2", "3", "0"] {
        let out = run(&["run", &id, "--session", session, "--data-dir", data]);
        assert_eq!(out.status.code(), Some(2), "session {session}");
        let err = text(&out.stderr);
        assert!(
            err.contains("Spotkanie 1") && err.contains("Spotkanie 2"),
            "{err}"
        );
    }
    // A plan file outside the data folder is refused with where it should be.
    let outside = dir.path().join("elsewhere.ron");
    std::fs::copy(dir.path().join("plans").join(format!("{id}.ron")), &outside).unwrap();
    let out = run(&["run", outside.to_str().unwrap(), "--data-dir", data]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("data folder"));
    // A valid plan and session still need a terminal.
    let out = run(&["run", &id, "--session", "1", "--data-dir", data]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("interactive terminal"));
}

#[test]
fn wrong_plans_and_sessions_are_explained_in_polish_with_the_same_lists() {
    let (dir, id) = data_with_agenda();
    let data = dir.path().to_str().unwrap();
    let out = run(&["--lang", "pl", "run", "nope", "--data-dir", data]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("nope: nie ma takiego planu") && err.contains(&id) && err.contains("Spacer"),
        "{err}"
    );
    assert!(!err.contains("no such"), "no English left: {err}");
    let out = run(&[
        "--lang",
        "pl",
        "run",
        &id,
        "--session",
        "9",
        "--data-dir",
        data,
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("spotkania 9 nie ma"), "{err}");
    assert!(err.contains(" części") || err.contains(" część"), "{err}");
    let out = run(&["--lang", "pl", "new", "--title", " ", "--data-dir", data]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--title jest puste"));
}

#[test]
fn run_refuses_a_plan_without_an_agenda() {
    let dir = tempfile::tempdir().unwrap();
    let store = modelownia::storage::Store::open(dir.path()).unwrap();
    let plan = modelownia::plan::new("p-empty".into(), "2026-12-01T10:00:00Z".into());
    store.save(&plan).unwrap();
    let out = run(&["run", "p-empty", "--data-dir", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("no agenda parts"),
        "{}",
        text(&out.stderr)
    );
}

fn with_config(config: &Path, args: &[&str]) -> Output {
    bin()
        .env("MODELOWNIA_CONFIG_DIR", config)
        .args(args)
        .output()
        .expect("run the binary")
}

#[test]
fn the_remembered_language_applies_and_a_flag_overrides_it() {
    let config = tempfile::tempdir().unwrap();
    std::fs::write(config.path().join("config.ron"), "(lang: Pl)").unwrap();
    let m = modelownia::model::load_from(None).unwrap();
    let s = &m.scenarios[0];
    let pl = with_config(config.path(), &["scenarios"]);
    assert!(pl.status.success());
    assert!(
        text(&pl.stdout).contains(&s.title.pl),
        "{}",
        text(&pl.stdout)
    );
    let en = with_config(config.path(), &["--lang", "en", "scenarios"]);
    assert!(
        text(&en.stdout).contains(&s.title.en),
        "{}",
        text(&en.stdout)
    );
}

#[test]
fn a_damaged_config_gives_one_warning_line_the_defaults_and_is_left_alone() {
    let config = tempfile::tempdir().unwrap();
    let file = config.path().join("config.ron");
    let damaged = "(lang: Pl,\n theme: Neon)";
    std::fs::write(&file, damaged).unwrap();
    let out = with_config(config.path(), &["scenarios"]);
    assert!(out.status.success());
    let err = text(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("warning: "), "{err}");
    assert!(err.contains("config.ron:2:"), "says where: {err}");
    // The defaults: English from LANG=C, not the Polish of the damaged file.
    let m = modelownia::model::load_from(None).unwrap();
    assert!(text(&out.stdout).contains(&m.scenarios[0].title.en));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), damaged);
}

#[test]
fn a_damaged_config_is_reported_in_the_language_of_the_flag() {
    let config = tempfile::tempdir().unwrap();
    std::fs::write(
        config.path().join("config.ron"),
        "(lang: Pl,\n theme: Neon)",
    )
    .unwrap();
    let out = with_config(config.path(), &["--lang", "pl", "scenarios"]);
    assert!(out.status.success());
    let err = text(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("uwaga: "), "{err}");
    assert!(err.contains("config.ron:2:"), "says where: {err}");
    assert!(err.contains("nieznana wartość `Neon`"), "{err}");
    assert!(err.contains("użyto ustawień domyślnych"), "{err}");
}

#[test]
fn an_unknown_theme_in_the_config_is_reported_but_a_flag_still_works() {
    let config = tempfile::tempdir().unwrap();
    std::fs::write(config.path().join("config.ron"), "(theme: Neon)").unwrap();
    let out = with_config(config.path(), &["--theme", "mono", "scenarios"]);
    assert!(out.status.success());
    assert!(text(&out.stderr).contains("Neon"));
}

#[test]
fn check_model_exits_2_on_an_unknown_applies_when_tag_naming_the_place() {
    let (_tmp, model) = model_copy();
    let phases = model.join("phases.ron");
    let original = std::fs::read_to_string(&phases).unwrap();
    let index = original
        .lines()
        .position(|l| l.contains("applies_when: [Evening]"))
        .expect("an evening item");
    std::fs::write(
        &phases,
        original.replacen("applies_when: [Evening]", "applies_when: [Night]", 1),
    )
    .unwrap();
    let out = run(&["check-model", "--model", model.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(&format!("phases.ron:{}:", index + 1)),
        "{stderr}"
    );
    assert!(stderr.contains("Night"), "{stderr}");
    assert_eq!(text(&out.stdout), "");
}

#[test]
fn check_model_exits_2_on_a_method_without_adaptations() {
    let (_tmp, model) = model_copy();
    let methods = model.join("methods.ron");
    let original = std::fs::read_to_string(&methods).unwrap();
    let start = original.find("        adaptations: [").unwrap();
    let end = start + original[start..].find("        ],").unwrap() + "        ],".len();
    let broken = format!(
        "{}        adaptations: [],{}",
        &original[..start],
        &original[end..]
    );
    std::fs::write(&methods, &broken).unwrap();
    let line = broken
        .lines()
        .position(|l| l.contains("id: \"research-walk\""))
        .unwrap()
        + 1;

    let out = run(&["check-model", "--model", model.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(&format!("methods.ron:{line}:"))
            && stderr.contains("method \"research-walk\": adaptations: the list is empty"),
        "{stderr}"
    );
    assert_eq!(text(&out.stdout), "");
}
