//! The non-interactive subcommands. Each prints to stdout/stderr and returns the exit code:
//! 0 when all is well, 2 when the input is invalid.

use std::path::{Path, PathBuf};

use crate::clock;
use crate::model::{self, Model};
use crate::plan::progress;
use crate::storage::{self, Listed, Store};

/// Exit code for invalid input.
pub const INVALID: u8 = 2;

/// `check-model`: validates the model and prints the summary line, or every problem.
pub fn check_model(dir: Option<&Path>) -> u8 {
    match model::load_from(dir) {
        Ok(m) => {
            println!("{}", m.summary_line());
            0
        }
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            eprintln!("model has {} problem(s)", errors.len());
            INVALID
        }
    }
}

/// `check-plan FILE...`: checks plan files; prints `file:line:col: problem` for each bad one.
pub fn check_plan(files: &[PathBuf]) -> u8 {
    let mut bad = 0;
    for path in files {
        let shown = path.display().to_string();
        let result = model::read_text(path)
            .map_err(|m| crate::ron_error::Located::whole_file(&shown, m))
            .and_then(|text| storage::decode(&shown, &text));
        match result {
            Ok(_) => println!("{shown}: OK"),
            Err(e) => {
                bad += 1;
                eprintln!("{e}");
            }
        }
    }
    if bad == 0 { 0 } else { INVALID }
}

/// `list`: one line per plan: id, title, last change, progress; damaged ones marked `DAMAGED`.
pub fn list(store: &Store, model: &Model) -> u8 {
    let mut rows = store.list();
    rows.sort_by_key(|r| std::cmp::Reverse(sort_key(r)));
    for row in rows {
        match row {
            Listed::Ok { decoded, .. } => {
                let p = &decoded.plan;
                println!(
                    "{}\t{}\t{}\t{}%",
                    p.id,
                    p.context.title,
                    clock::short(&p.updated),
                    progress(p, model).percent()
                );
            }
            Listed::Damaged { id, error, .. } => println!("{id}\tDAMAGED\t{error}"),
        }
    }
    0
}

fn sort_key(row: &Listed) -> String {
    match row {
        Listed::Ok { decoded, .. } => decoded.plan.updated.clone(),
        Listed::Damaged { .. } => String::new(),
    }
}
