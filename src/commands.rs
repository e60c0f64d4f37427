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
/// a damaged file is `id<TAB>DAMAGED<TAB>file:line:col: problem`; another version of a plan
/// is `id<TAB>RECOVERED<TAB>when<TAB>file` or `id<TAB>CONFLICT<TAB>device, when<TAB>file`.
/// The data folder read is said first, on standard error.
pub fn list(store: &Store, model: &Model) -> u8 {
    eprintln!("{}", cell(&store.root().display().to_string()));
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
    for other in store.others() {
        let (kind, about) = match &other.origin {
            storage::Origin::Rescued { when } => ("RECOVERED", when.clone()),
            storage::Origin::Conflict { device, when, .. } => (
                "CONFLICT",
                [device.as_str(), when.as_str()]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        };
        println!(
            "{}\t{kind}\t{}\t{}",
            cell(&other.id),
            cell(&about),
            cell(&other.path.display().to_string())
        );
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

/// `run PLAN [--session N]`: which plan and session to open, or why not (printed; exit 2).
/// PLAN is an id in the data folder or the path of a file in its plans folder; N counts from 1.
pub fn resolve_run(
    store: &Store,
    plan: &str,
    session: Option<usize>,
) -> Result<(String, Option<usize>), u8> {
    let path = Path::new(plan);
    let id = if path.is_file() {
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        let inside = path
            .canonicalize()
            .ok()
            .zip(store.plans_dir().canonicalize().ok())
            .is_some_and(|(file, dir)| file.parent() == Some(dir.as_path()));
        match stem {
            Some(stem) if inside => stem,
            _ => {
                eprintln!(
                    "{plan}: `run` works on plans in the data folder ({}); copy the file there \
                     or point --data-dir at the folder that holds its plans/",
                    store.plans_dir().display()
                );
                return Err(INVALID);
            }
        }
    } else {
        plan.to_string()
    };
    let decoded = match storage::valid_id(&id).then(|| store.load(&id)) {
        Some(Ok(d)) => d,
        Some(Err(e)) if store.plan_path(&id).exists() => {
            eprintln!("{e}");
            return Err(INVALID);
        }
        _ => {
            eprintln!(
                "{plan}: no such plan. Plans in {}:",
                store.plans_dir().display()
            );
            for row in store.list() {
                if let Listed::Ok { decoded, .. } = row {
                    eprintln!(
                        "  {}\t{}",
                        decoded.plan.id,
                        cell(&decoded.plan.context.title)
                    );
                }
            }
            return Err(INVALID);
        }
    };
    let sessions = &decoded.plan.sessions;
    let describe = || {
        for (i, s) in sessions.iter().enumerate() {
            eprintln!("  {}\t{}\t{} parts", i + 1, cell(&s.label), s.parts.len());
        }
    };
    match session {
        Some(n) if n >= 1 && sessions.get(n - 1).is_some_and(|s| !s.parts.is_empty()) => {
            Ok((id, Some(n - 1)))
        }
        Some(n) => {
            eprintln!("{plan}: session {n} does not exist or has no parts; the plan has:");
            describe();
            Err(INVALID)
        }
        None if sessions.iter().any(|s| !s.parts.is_empty()) => Ok((id, None)),
        None => {
            eprintln!(
                "{plan}: the plan has no agenda parts yet; add them in the Agenda step first"
            );
            describe();
            Err(INVALID)
        }
    }
}
