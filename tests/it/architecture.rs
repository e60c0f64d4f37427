//! The two import rules that keep the layers apart (see docs/architecture.md): the model and
//! the plan know nothing of the terminal, and the views never touch the disk.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// `file:line: text` for every code line (not a comment) under `src/<dir>` that mentions
/// one of `banned`.
fn offenders(dir: &str, banned: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(dir);
    let mut found = Vec::new();
    for file in rust_files(&root) {
        let text = std::fs::read_to_string(&file).expect("read");
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            if banned.iter().any(|b| code.contains(b)) {
                found.push(format!("{}:{}: {}", file.display(), n + 1, code));
            }
        }
    }
    found
}

#[test]
fn model_and_plan_know_nothing_of_the_terminal() {
    for dir in ["model", "plan"] {
        let found = offenders(dir, &["ratatui", "crossterm"]);
        assert!(found.is_empty(), "{}", found.join("\n"));
    }
}

#[test]
fn the_views_never_touch_the_disk() {
    let found = offenders("ui", &["storage::", "std::fs", "use crate::storage"]);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_rule_checker_sees_the_files() {
    assert!(offenders("ui", &["ratatui"]).len() > 5);
}
