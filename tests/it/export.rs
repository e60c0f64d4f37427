//! Markdown export: the document for a full plan in both languages, and the command line.

use std::path::Path;
use std::process::Command;

use modelownia::lang::Lang;
use modelownia::{export, model, storage};

fn corpus(name: &str) -> modelownia::plan::Plan {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("saves")
        .join(name);
    storage::load_file(&path).expect("golden plan loads").plan
}

#[test]
fn a_full_plan_as_markdown_in_both_languages() {
    let m = model::load_from(None).expect("model");
    let plan = corpus("v2/full.ron");
    insta::assert_snapshot!("export_full_pl", export::markdown(&plan, &m, Lang::Pl));
    insta::assert_snapshot!("export_full_en", export::markdown(&plan, &m, Lang::En));
}

#[test]
fn an_empty_plan_lists_what_is_missing() {
    let m = model::load_from(None).expect("model");
    let md = export::markdown(&corpus("v1/empty.ron"), &m, Lang::En);
    assert!(md.starts_with("# (untitled)\n"), "{md}");
    assert!(md.contains("## What is still missing\n"), "{md}");
    assert!(md.contains("- Context · Title: empty field"), "{md}");
    assert!(md.ends_with('\n') && !md.ends_with("\n\n"));
}

#[test]
fn export_command_prints_a_file_and_rejects_what_is_not_a_plan() {
    let bin = env!("CARGO_BIN_EXE_modelownia");
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/v1/long-polish.ron");
    let out = Command::new(bin)
        .args(["export", "--lang", "pl"])
        .arg(&file)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.starts_with("# "), "{text}");
    assert!(text.contains("## Lista kontrolna"), "{text}");

    let data = tempfile::tempdir().expect("tempdir");
    let out = Command::new(bin)
        .args(["export", "no-such-plan"])
        .env("MODELOWNIA_DATA_DIR", data.path())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no-such-plan"), "{err}");
}
