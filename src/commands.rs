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

/// `check-plan FILE...`: checks plan files. Prints `FILE: OK` for each good one (stdout) and
/// `file:line:col: problem` plus the offending line for each bad one (stderr); exit 0 when all
/// are fine, 2 otherwise.
pub fn check_plan(files: &[PathBuf]) -> u8 {
    let mut bad = 0;
    for path in files {
        match storage::load_file(path) {
            Ok(decoded) => match decoded.read_only {
                None => println!("{}: OK", path.display()),
                Some(why) => println!("{}: OK ({why})", path.display()),
            },
            Err(e) => {
                bad += 1;
                eprintln!("{e}");
            }
        }
    }
    if bad > 0 && files.len() > 1 {
        eprintln!("{bad} of {} plan files have problems", files.len());
    }
    if bad == 0 { 0 } else { INVALID }
}

/// `list`: one line per plan, newest first: `id<TAB>title<TAB>last change<TAB>progress%`;
/// a damaged file is `id<TAB>DAMAGED<TAB>file:line:col: problem`.
pub fn list(store: &Store, model: &Model) -> u8 {
    for row in store.list() {
        match row {
            Listed::Ok { decoded, .. } => {
                let p = &decoded.plan;
                println!(
                    "{}\t{}\t{}\t{}%",
                    p.id,
                    cell(&p.context.title),
                    cell(&clock::short(&p.updated)),
                    progress(p, model).percent()
                );
            }
            Listed::Damaged { id, error, .. } => {
                println!(
                    "{}\tDAMAGED\t{}",
                    cell(&id),
                    cell(&storage::one_line(&error))
                );
            }
        }
    }
    0
}

/// Text for one tab-separated cell: control characters (tabs, newlines) become spaces.
fn cell(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// `export FILE|ID`: prints the plan as Markdown in `lang`. A path to a file is read directly;
/// anything else is a plan id in `store`.
pub fn export(store: Option<&Store>, model: &Model, lang: crate::lang::Lang, plan: &str) -> u8 {
    let path = Path::new(plan);
    let loaded = if path.is_file() {
        storage::load_file(path)
    } else if let Some(store) = store.filter(|_| storage::valid_id(plan)) {
        store.load(plan)
    } else {
        eprintln!("{plan}: no such plan file or plan id");
        return INVALID;
    };
    match loaded {
        Ok(decoded) => {
            print!("{}", crate::export::markdown(&decoded.plan, model, lang));
            0
        }
        Err(e) => {
            eprintln!("{e}");
            INVALID
        }
    }
}
