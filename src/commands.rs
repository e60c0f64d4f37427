//! The non-interactive subcommands. Each prints to stdout/stderr and returns the exit code:
//! 0 when all is well, 2 when the input is invalid.

use std::path::{Path, PathBuf};

use crate::clock;
use crate::export::{self, Format};
use crate::i18n::cli::{Said, text as cli_text};
use crate::i18n::model_check::model_problems;
use crate::lang::Lang;
use crate::model::{self, Model};
use crate::plan::Plan;
use crate::storage::{self, Store};
use crate::text::{self, visible_line};

/// Exit code for invalid input.
pub const INVALID: u8 = 2;

/// `check-model`: validates the model and prints the summary line, or every problem.
pub fn check_model(dir: Option<&Path>, lang: Lang) -> u8 {
    match model::load_from(dir) {
        // The success line is the same in every language: scripts and tests read it.
        Ok(m) => emit(&format!("{}\n", m.summary_line())),
        Err(errors) => {
            for e in &errors {
                say(&e.render(lang));
            }
            say(&model_problems(lang, errors.len()));
            INVALID
        }
    }
}

/// `check-plan FILE...`: checks plan files. Prints `FILE: OK` for each good one (stdout) and
/// `file:line:col: problem` plus the offending line for each bad one (stderr); exit 0 when all
/// are fine, 2 otherwise. Problems are worded in `lang`.
pub fn check_plan(files: &[PathBuf], lang: Lang) -> u8 {
    let mut bad = 0;
    let mut out = String::new();
    for path in files {
        let shown = visible_line(&path.display().to_string()).into_owned();
        match storage::load_file(path) {
            Ok(decoded) => match decoded.read_only {
                None => out.push_str(&format!("{shown}: OK\n")),
                Some(why) => out.push_str(&format!("{shown}: OK ({})\n", why.text(lang))),
            },
            Err(e) => {
                bad += 1;
                say(&e.render(lang));
            }
        }
    }
    let code = emit(&out);
    if bad > 0 && files.len() > 1 {
        let n = files.len();
        say(&match lang {
            Lang::Pl => format!("problemy w {bad} z {n} plików planów"),
            Lang::En => format!("{bad} of {n} plan files have problems"),
        });
    }
    if bad == 0 { code } else { INVALID }
}

/// `list`: one line per plan, newest first: `id<TAB>title<TAB>last change<TAB>progress%`;
/// a damaged file is `id<TAB>DAMAGED<TAB>file:line:col: problem`; another version of a plan
/// is `id<TAB>RECOVERED<TAB>when<TAB>file` or `id<TAB>CONFLICT<TAB>device, when<TAB>file`.
/// The data folder read is said first, on standard error. The markers (`DAMAGED`…) are for
/// scripts and stay as they are; the problem is worded in `lang`.
pub fn list(store: &Store, model: &Model, lang: Lang) -> u8 {
    say(&cell(&store.root().display().to_string()));
    let mut out = String::new();
    for row in store.summaries(&storage::Summarizer::new(model)) {
        let line = match &row.damaged {
            None => format!(
                "{}\t{}\t{}\t{}%",
                row.id,
                cell(&row.title),
                cell(&clock::short(&row.updated)),
                row.percent
            ),
            Some(error) => format!(
                "{}\tDAMAGED\t{}",
                cell(&row.id),
                cell(&error.one_line(lang))
            ),
        };
        out.push_str(&line);
        out.push('\n');
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
        out.push_str(&format!(
            "{}\t{kind}\t{}\t{}\n",
            cell(&other.id),
            cell(&about),
            cell(&other.path.display().to_string())
        ));
    }
    emit(&out)
}

/// Text for one tab-separated cell: tabs and newlines become spaces, other control and bidi
/// characters visible escapes.
fn cell(text: &str) -> String {
    visible_line(text).into_owned()
}

/// What `export` was asked for.
#[derive(Debug, Clone, Copy)]
pub struct ExportRequest<'a> {
    /// The plan: an id, a file, or the start of a title.
    pub plan: &'a str,
    /// The format.
    pub format: Format,
    /// Full and pack.
    pub options: export::Options,
    /// A new file to write instead of standard output.
    pub output: Option<&'a Path>,
    /// The export's and the messages' language.
    pub lang: Lang,
}

/// `export PLAN [--format F] [--pack] [--full] [-o FILE]`: the plan in `format`, to standard
/// output or a new file. PLAN is a plan file (read directly, `store` may be `None`), an id in
/// `store`, or the start of exactly one plan's title.
pub fn export(store: Option<&Store>, model: &Model, req: ExportRequest<'_>) -> u8 {
    let plan = match find_plan(store, model, req.plan, req.lang) {
        Ok(plan) => plan,
        Err(code) => return code,
    };
    let text = export::render(&plan, model, req.lang, req.format, req.options);
    match req.output {
        None => emit(&text),
        Some(path) => match Store::write_new_file(path, &text) {
            Ok(()) => {
                say(&cli_text(req.lang, Said::Wrote { path }));
                0
            }
            Err(e) => {
                say(&crate::i18n::errors::store_error(req.lang, &e));
                match e {
                    // The path given cannot take a new file: invalid input.
                    storage::StoreError::Exists { .. }
                    | storage::StoreError::InTheWay { .. }
                    | storage::StoreError::NoFolder { .. } => INVALID,
                    // A full disk or a failing device is not the user's input.
                    _ => 1,
                }
            }
        },
    }
}

/// The plan PLAN names: a plan file, an id in `store`, or the start of exactly one healthy
/// plan's title (ignoring case and Polish letters). Otherwise says why, with the candidates,
/// and gives the exit code. A damaged file's problem is worded in `lang`.
pub fn find_plan(store: Option<&Store>, model: &Model, arg: &str, lang: Lang) -> Result<Plan, u8> {
    let path = Path::new(arg);
    if path.is_file() {
        return storage::load_file(path).map(|d| d.plan).map_err(|e| {
            say(&e.render(lang));
            INVALID
        });
    }
    let Some(store) = store else {
        say(&cli_text(lang, Said::NoSuchPlanFile { arg }));
        return Err(INVALID);
    };
    if storage::valid_id(arg) && store.plan_path(arg).exists() {
        return store.load(arg).map(|d| d.plan).map_err(|e| {
            say(&e.render(lang));
            INVALID
        });
    }
    // Titles from the home-screen index, so years of plans are not all decoded to find one.
    let plans: Vec<storage::Summary> = store
        .summaries(&storage::Summarizer::new(model))
        .into_iter()
        .filter(|row| row.damaged.is_none())
        .collect();
    let wanted = text::fold(arg.trim());
    let found: Vec<&storage::Summary> = plans
        .iter()
        .filter(|p| !wanted.is_empty() && text::fold(p.title.trim()).starts_with(&wanted))
        .collect();
    if let [one] = found.as_slice() {
        return store.load(&one.id).map(|d| d.plan).map_err(|e| {
            say(&e.render(lang));
            INVALID
        });
    }
    let dir = store.plans_dir();
    let (head, candidates) = if found.is_empty() {
        (
            cli_text(lang, Said::NoSuchPlan { arg, dir: &dir }),
            plans.iter().collect(),
        )
    } else {
        let n = found.len();
        (cli_text(lang, Said::ManyPlans { arg, n }), found)
    };
    say(&head);
    for p in candidates {
        say(&format!("  {}\t{}", p.id, visible_line(&p.title)));
    }
    Err(INVALID)
}

/// `new --title TITLE [--from-scenario ID]`: creates a plan and prints
/// `created "TITLE" as ID`.
pub fn new(store: &Store, model: &Model, lang: Lang, title: &str, scenario: Option<&str>) -> u8 {
    if title.trim().is_empty() {
        say(&cli_text(lang, Said::EmptyTitle));
        return INVALID;
    }
    let (id, now) = (storage::new_id(), clock::now_rfc3339());
    let plan = match scenario {
        None => crate::plan::new(id, now.clone()),
        Some(sid) => match model.scenario(sid) {
            Some(s) => crate::plan::from_scenario(s, lang, id, now.clone()),
            None => {
                say(&cli_text(lang, Said::NoSuchScenario { id: sid }));
                for s in &model.scenarios {
                    say(&format!("  {}\t{}", s.id, s.title.get(lang)));
                }
                return INVALID;
            }
        },
    };
    let plan = crate::plan::renamed(plan, title, now);
    match store.save(&plan) {
        Ok(()) => emit(&format!(
            "created \"{}\" as {}\n",
            visible_line(&plan.context.title),
            plan.id
        )),
        Err(e) => {
            say(&crate::i18n::errors::store_error(lang, &e));
            1
        }
    }
}

/// `import FILE...`: checks each file and saves its plan into the data folder, under a new id
/// when its own is taken, printing `imported FILE as ID`. A file that does not check is
/// reported with file:line:col and not copied; the files themselves are only read.
pub fn import(store: &Store, lang: Lang, files: &[PathBuf]) -> u8 {
    let mut out = String::new();
    let mut bad = 0;
    for path in files {
        let decoded = match storage::load_shared_file(path) {
            Ok(d) => d,
            Err(e) => {
                bad += 1;
                say(&e.render(lang));
                continue;
            }
        };
        if let Some(why) = decoded.read_only {
            bad += 1;
            say(&not_imported(lang, path, &why.text(lang)));
            continue;
        }
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let now = clock::now_rfc3339();
        let mut id = decoded.plan.id.clone();
        // A new file only: a taken id, or one taken while writing, gets a fresh one.
        let mut result = Err(storage::StoreError::Exists {
            path: store.plan_path(&id),
        });
        for _ in 0..5 {
            if std::fs::symlink_metadata(store.plan_path(&id)).is_ok() {
                id = storage::new_id();
                continue;
            }
            let plan = crate::plan::imported(decoded.plan.clone(), id.clone(), &name, now.clone());
            result = store.save_new(&plan);
            if !matches!(result, Err(storage::StoreError::Exists { .. })) {
                break;
            }
            id = storage::new_id();
        }
        match result {
            Ok(()) => {
                let file = crate::i18n::errors::shown(path);
                out.push_str(&match lang {
                    Lang::Pl => format!("zaimportowano {file} jako {id}\n"),
                    Lang::En => format!("imported {file} as {id}\n"),
                });
            }
            Err(e) => {
                bad += 1;
                say(&not_imported(
                    lang,
                    path,
                    &crate::i18n::errors::store_error(lang, &e),
                ));
            }
        }
    }
    let code = emit(&out);
    if bad > 0 {
        let n = files.len();
        if n > 1 {
            say(&match lang {
                Lang::Pl => format!("nie zaimportowano {bad} z {n} plików"),
                Lang::En => format!("{bad} of {n} files were not imported"),
            });
        }
        return INVALID;
    }
    code
}

/// `FILE: not imported: why`, in `lang`.
fn not_imported(lang: Lang, path: &Path, why: &str) -> String {
    let file = crate::i18n::errors::shown(path);
    match lang {
        Lang::Pl => format!("{file}: nie zaimportowano: {why}"),
        Lang::En => format!("{file}: not imported: {why}"),
    }
}

/// `scenarios`: one line per example scenario: `id<TAB>setting<TAB>title`.
pub fn scenarios(model: &Model, lang: Lang) -> u8 {
    let mut out = String::new();
    for s in &model.scenarios {
        let setting = match s.setting {
            crate::model::Setting::Gdynia => "Gdynia",
            crate::model::Setting::Nicosia => "Nicosia",
        };
        out.push_str(&format!(
            "{}\t{setting}\t{}\n",
            s.id,
            visible_line(s.title.get(lang))
        ));
    }
    emit(&out)
}

/// Writes `text` to standard output. A reader that went away (`| head`) ends the command
/// quietly with 0; any other failure (`> /dev/full`) is one line on standard error and 1.
pub fn emit(text: &str) -> u8 {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => 0,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            say(&format!("cannot write to standard output: {e}"));
            1
        }
    }
}

/// A message on standard error, with any control characters in it made visible.
/// A write error here (standard error closed: `2>&1 | head`) is ignored: there is nowhere left
/// to say anything, and a panic would only end the command less cleanly.
pub fn say(message: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "{}", text::visible(message));
}

/// `run PLAN [--session N]`: which plan and session to open, or why not (printed; exit 2).
/// PLAN is an id in the data folder, the start of a plan's title, or the path of a file in
/// its plans folder; N counts from 1.
pub fn resolve_run(
    store: &Store,
    model: &Model,
    plan: &str,
    session: Option<usize>,
    lang: Lang,
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
                let dir = store.plans_dir();
                say(&cli_text(lang, Said::RunOutside { plan, dir: &dir }));
                return Err(INVALID);
            }
        }
    } else {
        find_plan(Some(store), model, plan, lang)?.id
    };
    let decoded = store.load(&id).map_err(|e| {
        say(&e.render(lang));
        INVALID
    })?;
    let sessions = &decoded.plan.sessions;
    let describe = || {
        for (i, s) in sessions.iter().enumerate() {
            say(&cli_text(
                lang,
                Said::SessionRow {
                    number: i + 1,
                    label: &cell(&s.label),
                    parts: s.parts.len(),
                },
            ));
        }
    };
    match session {
        Some(n) if n >= 1 && sessions.get(n - 1).is_some_and(|s| !s.parts.is_empty()) => {
            Ok((id, Some(n - 1)))
        }
        Some(n) => {
            say(&cli_text(lang, Said::NoSession { plan, n }));
            describe();
            Err(INVALID)
        }
        None if sessions.iter().any(|s| !s.parts.is_empty()) => Ok((id, None)),
        None => {
            say(&cli_text(lang, Said::NoAgenda { plan }));
            describe();
            Err(INVALID)
        }
    }
}
