//! Exports: the handout of every example scenario in both languages and both document
//! formats, `--full` and `--pack`, text that tries to break out of its format, and the
//! command line (`export`, `new`, `import`, `scenarios`).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use modelownia::export::{self, Format, Options};
use modelownia::lang::Lang;
use modelownia::plan::{Origin, Pick, Plan};
use modelownia::{model, storage};

fn corpus(name: &str) -> Plan {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("saves")
        .join(name);
    storage::load_file(&path).expect("golden plan loads").plan
}

fn render(plan: &Plan, lang: Lang, format: Format, options: Options) -> String {
    let m = model::load_from(None).expect("model");
    export::render(plan, &m, lang, format, options)
}

/// The page from `<body>` on: the head (the same style sheet for every page) is checked once.
fn body(html: &str) -> &str {
    let at = html.find("<body>").expect("a body");
    &html[at..]
}

#[test]
fn the_handout_of_every_scenario_in_both_languages_and_formats() {
    let m = model::load_from(None).expect("model");
    for s in &m.scenarios {
        let plan = corpus(&format!("v3/scenario-{}.ron", s.id));
        for (lang, code) in [(Lang::Pl, "pl"), (Lang::En, "en")] {
            let md = render(&plan, lang, Format::Markdown, Options::default());
            insta::assert_snapshot!(format!("handout_{}_{code}_md", s.id), md);
            let html = render(&plan, lang, Format::Html, Options::default());
            insta::assert_snapshot!(format!("handout_{}_{code}_html", s.id), body(&html));
        }
    }
}

#[test]
fn a_handout_shows_only_what_is_filled_in_and_a_sign_off() {
    let mut plan = modelownia::plan::new("p1".into(), "2026-12-01T10:00:00Z".into());
    plan.context.title = "Mural".into();
    plan.context.idea = "Malujemy mural na garażach.".into();
    let md = render(&plan, Lang::Pl, Format::Markdown, Options::default());
    assert!(
        !md.contains("— puste —") && !md.contains("Lista kontrolna"),
        "{md}"
    );
    assert!(
        md.contains("## Pomysł i cele") && md.contains("## Zatwierdzenie"),
        "{md}"
    );
    assert!(
        !md.contains("## Metody") && !md.contains("## Przebieg"),
        "{md}"
    );
    let full = render(
        &plan,
        Lang::Pl,
        Format::Markdown,
        Options {
            full: true,
            pack: false,
        },
    );
    assert!(full.contains("— puste —") && full.contains("Załącznik: Lista kontrolna"));
    assert!(full.contains("Załącznik: Czego jeszcze brakuje"), "{full}");
    let en = render(&plan, Lang::En, Format::Markdown, Options::default());
    assert!(
        en.contains("## Sign-off") && en.contains("Approved by"),
        "{en}"
    );
}

#[test]
fn full_and_pack_once_each() {
    let plan = corpus("v3/full.ron");
    let full = Options {
        full: true,
        pack: false,
    };
    insta::assert_snapshot!(
        "handout_full_pl_md",
        render(&plan, Lang::Pl, Format::Markdown, full)
    );
    let pack = Options {
        full: false,
        pack: true,
    };
    let html = render(&plan, Lang::Pl, Format::Html, pack);
    insta::assert_snapshot!("handout_pack_pl_html", body(&html));
    insta::assert_snapshot!(
        "handout_pack_en_md",
        render(&plan, Lang::En, Format::Markdown, pack)
    );
}

#[test]
fn the_html_page_is_self_contained_and_prints_on_a4() {
    let plan = corpus("v3/full.ron");
    let html = render(&plan, Lang::Pl, Format::Html, Options::default());
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"pl\">"),
        "{html}"
    );
    assert!(html.contains("@page { size: A4;") && html.contains("@media print"));
    for external in ["http://", "https://", "src=", "<link", "<script", "url("] {
        assert!(!html.contains(external), "{external} in the page");
    }
    assert!(html.ends_with("</html>\n"));
}

#[test]
fn materials_merge_the_plan_and_its_methods_each_thing_once() {
    let m = model::load_from(None).expect("model");
    let mut plan = modelownia::plan::new("p1".into(), String::new());
    let method = &m.methods[0];
    let first = method.materials[0].get(Lang::Pl).to_string();
    plan.logistics.materials = format!("- Herbata\n- {}", first.to_uppercase());
    plan.methods.push(Pick {
        id: method.id.clone(),
        note: String::new(),
        ..Pick::default()
    });
    let list = export::materials(&plan, &m, Lang::Pl);
    assert_eq!(list[0], "Herbata");
    assert_eq!(list.len(), 1 + method.materials.len(), "{list:?}");
}

/// A plan whose every text tries to escape into the terminal or the document structure.
fn hostile() -> Plan {
    let nasty = "\u{1b}]0;X\u{7} \u{1b}]52;c;SGVsbG8=\u{7} \u{1b}[2J \u{202e}desrever \u{9b}31m\n\
                 ## heading\n- [x] done\n```\nunclosed fence\n<script>alert(1)</script>";
    let mut plan = modelownia::plan::new("hostile".into(), "2026-12-01T10:00:00Z".into());
    plan.context.title = nasty.into();
    plan.context.idea = nasty.into();
    plan.goals.group = nasty.into();
    plan.logistics.materials = nasty.into();
    plan.roles.push(Pick {
        id: "youth-worker".into(),
        note: nasty.into(),
        ..Pick::default()
    });
    plan.values.push(Pick {
        id: "participation".into(),
        note: nasty.into(),
        ..Pick::default()
    });
    plan.sessions.push(modelownia::plan::Session {
        label: nasty.into(),
        parts: vec![modelownia::plan::Part {
            id: "a1".into(),
            minutes: 10,
            what: nasty.into(),
            lead: nasty.into(),
            ..Default::default()
        }],
        ..Default::default()
    });
    plan
}

fn assert_inert_for_a_terminal(out: &str, what: &str) {
    for c in out.chars() {
        let unsafe_char = (c.is_control() && c != '\n' && c != '\t')
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c);
        assert!(!unsafe_char, "{what}: {c:?} reached the output");
    }
}

#[test]
fn hostile_text_is_inert_in_every_format() {
    let plan = hostile();
    for lang in [Lang::Pl, Lang::En] {
        let both = Options {
            full: true,
            pack: true,
        };
        let md = render(&plan, lang, Format::Markdown, both);
        assert_inert_for_a_terminal(&md, "markdown");
        for line in md.lines() {
            for opened in ["## heading", "- [x]", "```", "<script", "* ", "1. "] {
                assert!(
                    !line.starts_with(opened),
                    "markdown line opens {opened:?}: {line}"
                );
            }
            assert!(!line.contains("<script>"), "{line}");
        }
        let html = render(&plan, lang, Format::Html, both);
        assert_inert_for_a_terminal(&html, "html");
        assert!(!html.contains("<script"), "raw script tag");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        let ron = render(&plan, lang, Format::Ron, both);
        assert_inert_for_a_terminal(&ron, "ron");
        let back = storage::decode("hostile.ron", &ron).expect("the plan file reads back");
        assert_eq!(back.plan, plan, "the plan file keeps the text exactly");
    }
}

// ---------------------------------------------------------------------------------------------
// The command line.

fn bin(data: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_modelownia"));
    // Never the settings of whoever runs the tests.
    cmd.env(
        "MODELOWNIA_CONFIG_DIR",
        "/nonexistent/modelownia-test-config",
    );
    cmd.env("MODELOWNIA_DATA_DIR", data)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .stdin(Stdio::null());
    cmd
}

fn run(data: &Path, args: &[&str]) -> Output {
    bin(data).args(args).output().expect("run the binary")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `new` and the id at the end of its one line.
fn new_plan(data: &Path, args: &[&str]) -> String {
    let mut all = vec!["new"];
    all.extend_from_slice(args);
    let out = run(data, &all);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let line = text(&out.stdout);
    assert_eq!(line.lines().count(), 1, "{line}");
    line.trim_end()
        .rsplit(' ')
        .next()
        .expect("an id")
        .to_string()
}

#[test]
fn scenarios_lists_id_setting_and_title() {
    let data = tempfile::tempdir().expect("tempdir");
    let out = run(data.path(), &["scenarios", "--lang", "pl"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    let m = model::load_from(None).expect("model");
    assert_eq!(stdout.lines().count(), m.scenarios.len());
    assert!(
        stdout.starts_with("our-courtyard\tGdynia\tNasze podwórko\n"),
        "{stdout}"
    );
    assert!(stdout.contains("\tNicosia\t"), "{stdout}");
}

#[test]
fn new_from_a_scenario_then_export_in_each_format_by_title() {
    let data = tempfile::tempdir().expect("tempdir");
    let id = new_plan(
        data.path(),
        &[
            "--title",
            "Mural na garażach",
            "--from-scenario",
            "our-courtyard",
            "--lang",
            "pl",
        ],
    );
    let plan = storage::Store::open(data.path())
        .expect("store")
        .load(&id)
        .expect("the new plan loads")
        .plan;
    assert_eq!(plan.context.title, "Mural na garażach");
    assert_eq!(plan.scenario, "our-courtyard");
    assert!(
        !plan.sessions.is_empty(),
        "the scenario's agenda came with it"
    );

    // By a title prefix typed without Polish letters, to standard output.
    let out = run(data.path(), &["export", "MURAL NA GARAZ", "--lang", "pl"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let md = text(&out.stdout);
    assert!(md.starts_with("# Mural na garażach\n"), "{md}");
    assert!(md.contains("_Na podstawie przykładowego scenariusza „Nasze podwórko”._"));
    assert!(
        md.contains("| Start | min | Co się dzieje | Prowadzi |"),
        "{md}"
    );

    for (format, start) in [
        ("markdown", "# Mural na garażach"),
        ("html", "<!DOCTYPE html>"),
        ("ron", "("),
    ] {
        let file = data.path().join(format!("out.{format}"));
        let out = run(
            data.path(),
            &[
                "export",
                &id,
                "--format",
                format,
                "-o",
                file.to_str().unwrap(),
            ],
        );
        assert_eq!(
            out.status.code(),
            Some(0),
            "{format}: {}",
            text(&out.stderr)
        );
        assert!(
            out.stdout.is_empty(),
            "{format}: nothing on standard output"
        );
        let written = std::fs::read_to_string(&file).expect("written");
        assert!(written.starts_with(start), "{format}: {written}");
    }
    // -o never replaces a file, whoever made it.
    let again = data.path().join("out.html");
    let out = run(
        data.path(),
        &[
            "export",
            &id,
            "--format",
            "html",
            "-o",
            again.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("already exists"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn export_names_the_candidates_of_an_unknown_or_ambiguous_plan() {
    let data = tempfile::tempdir().expect("tempdir");
    let a = new_plan(data.path(), &["--title", "Mural na garażach"]);
    let b = new_plan(data.path(), &["--title", "Murale w bramach"]);
    let out = run(data.path(), &["export", "mural"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("2 plans") && err.contains(&a) && err.contains(&b),
        "{err}"
    );
    assert!(out.stdout.is_empty());
    let out = run(data.path(), &["export", "spacer"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("no such plan") && err.contains(&a), "{err}");
    let out = run(
        data.path(),
        &["new", "--title", "x", "--from-scenario", "nope"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("our-courtyard"));
}

#[test]
fn export_refuses_a_missing_folder_a_folder_and_a_link_leaving_nothing() {
    let data = tempfile::tempdir().expect("tempdir");
    let id = new_plan(data.path(), &["--title", "Spacer"]);
    let target = tempfile::tempdir().expect("tempdir");
    let missing = target.path().join("no/such/dir/x.md");
    let link = target.path().join("link.md");
    #[cfg(unix)]
    std::os::unix::fs::symlink(target.path().join("elsewhere.md"), &link).expect("link");
    for out_path in [missing, target.path().to_path_buf(), link] {
        let out = run(
            data.path(),
            &["export", &id, "-o", out_path.to_str().unwrap()],
        );
        assert_eq!(out.status.code(), Some(2), "{}", out_path.display());
        let err = text(&out.stderr);
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        assert!(err.contains("nothing was written"), "{err}");
    }
    let left: Vec<_> = std::fs::read_dir(target.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        left,
        vec![std::ffi::OsString::from("link.md")],
        "no temp file left"
    );
    assert!(
        !target.path().join("elsewhere.md").exists(),
        "the link was not followed"
    );
}

#[test]
fn a_closed_pipe_ends_quietly_and_a_full_disk_says_so_in_one_line() {
    let data = tempfile::tempdir().expect("tempdir");
    let id = new_plan(
        data.path(),
        &["--title", "Długi", "--from-scenario", "our-courtyard"],
    );
    let mut child = bin(data.path())
        .args(["export", &id, "--full", "--pack"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = [0u8; 10];
    std::io::Read::read_exact(&mut stdout, &mut first).expect("ten bytes");
    drop(stdout);
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));

    #[cfg(target_os = "linux")]
    {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let out = bin(data.path())
            .args(["export", &id])
            .stdout(full)
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(1));
        let err = text(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

/// A write to `-o` that the system refuses half way (here a file-size limit of 0, which fails
/// like a full disk) is an I/O failure, not bad input: exit 1, one line, nothing left behind.
#[cfg(target_os = "linux")]
#[test]
fn a_failing_write_to_a_new_file_exits_1_and_leaves_nothing() {
    let data = tempfile::tempdir().expect("tempdir");
    let id = new_plan(data.path(), &["--title", "Spacer"]);
    let target = tempfile::tempdir().expect("tempdir");
    let out_path = target.path().join("plan.md");
    let mut cmd = Command::new("sh");
    cmd.args([
        "-c",
        // An ignored SIGXFSZ stays ignored across exec, so the write fails with EFBIG.
        "trap '' XFSZ; ulimit -f 0; exec \"$0\" \"$@\"",
        env!("CARGO_BIN_EXE_modelownia"),
        "--data-dir",
        data.path().to_str().unwrap(),
        "export",
        &id,
        "-o",
        out_path.to_str().unwrap(),
    ])
    .env(
        "MODELOWNIA_CONFIG_DIR",
        "/nonexistent/modelownia-test-config",
    )
    .env("LANG", "C")
    .env_remove("LC_ALL");
    let out = cmd.output().expect("run");
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.contains("nothing was written"), "{err}");
    assert!(
        !err.contains(".tmp-"),
        "no temp file name in the message: {err}"
    );
    let left: Vec<_> = std::fs::read_dir(target.path()).unwrap().collect();
    assert!(left.is_empty(), "no temp file left: {left:?}");
}

#[test]
fn import_copies_good_files_renames_clashes_and_rejects_damaged_ones() {
    let data = tempfile::tempdir().expect("tempdir");
    let id = new_plan(
        data.path(),
        &[
            "--title",
            "Taniec",
            "--from-scenario",
            "dances-from-our-elders",
        ],
    );
    let shared = tempfile::tempdir().expect("tempdir");
    let file = shared.path().join("taniec (kopia).ron");
    let out = run(
        data.path(),
        &[
            "export",
            &id,
            "--format",
            "ron",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let before = std::fs::read(&file).unwrap();

    // Into the same folder: the id is taken, so it gets a new one.
    let out = run(data.path(), &["import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let line = text(&out.stdout);
    let prefix = format!("imported {} as ", file.display());
    assert!(line.starts_with(&prefix), "{line}");
    let new_id = line.trim_end().rsplit(' ').next().unwrap().to_string();
    assert_ne!(new_id, id);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the source is never changed"
    );

    let store = storage::Store::open(data.path()).expect("store");
    let original = store.load(&id).unwrap().plan;
    let imported = store.load(&new_id).unwrap().plan;
    match &imported.origin {
        Some(Origin::Import {
            file: name, was, ..
        }) => {
            assert_eq!(name, "taniec (kopia).ron");
            assert_eq!(was, &id);
        }
        other => panic!("lineage: {other:?}"),
    }
    assert_eq!(
        Plan {
            id: id.clone(),
            origin: None,
            ..imported.clone()
        },
        original,
        "the same plan but for id and lineage"
    );
    // The export says where it came from.
    let out = run(data.path(), &["export", &new_id, "--lang", "en"]);
    assert!(text(&out.stdout).contains("Imported from the file taniec (kopia).ron"));

    // Into another folder: the id is free and kept.
    let other = tempfile::tempdir().expect("tempdir");
    let out = run(other.path(), &["import", file.to_str().unwrap()]);
    assert_eq!(
        text(&out.stdout),
        format!("imported {} as {id}\n", file.display())
    );

    // A damaged file: file:line:col, nothing copied.
    let bad = shared.path().join("bad.ron");
    std::fs::write(
        &bad,
        "(\n    version: 3,\n    id: \"bad\",\n    context: (title: 5),\n)\n",
    )
    .unwrap();
    let empty = tempfile::tempdir().expect("tempdir");
    let out = run(empty.path(), &["import", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains(&format!("{}:4:", bad.display())), "{err}");
    assert!(out.stdout.is_empty());
    let plans = std::fs::read_dir(empty.path().join("plans"))
        .unwrap()
        .count();
    assert_eq!(plans, 0, "nothing copied");
}

#[test]
fn list_and_errors_show_control_characters_as_escapes() {
    let data = tempfile::tempdir().expect("tempdir");
    let title = "Zły \u{1b}]0;X\u{7} \u{1b}[2J \u{202e}tytuł";
    let id = new_plan(data.path(), &["--title", title]);
    let out = run(data.path(), &["list"]);
    let stdout = text(&out.stdout);
    assert_inert_for_a_terminal(&stdout, "list");
    assert!(
        stdout.contains(&format!("{id}\tZły \\u{{1b}}]0;X\\u{{7}}")),
        "{stdout}"
    );
    let out = run(data.path(), &["export", "zly"]);
    assert_inert_for_a_terminal(&text(&out.stdout), "export");
    // A file name with an escape in it, named in an error message.
    let dir = tempfile::tempdir().expect("tempdir");
    let evil = dir.path().join("\u{1b}[2Jplan.ron");
    let mut f = std::fs::File::create(&evil).unwrap();
    f.write_all(b"(version: 3, id: 5)").unwrap();
    for args in [&["check-plan"][..], &["import"][..]] {
        let mut all: Vec<&str> = args.to_vec();
        all.push(evil.to_str().unwrap());
        let out = run(data.path(), &all);
        assert_eq!(out.status.code(), Some(2));
        assert_inert_for_a_terminal(&text(&out.stderr), "error message");
    }
}
