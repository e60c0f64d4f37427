use std::process::ExitCode;

use clap::Parser;
use modelownia::cli::{Cli, Command};
use modelownia::i18n::cli::{Said, text as cli_text};
use modelownia::{commands, model, storage};

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Before ratatui::init, so a panic restores the terminal first and then prints the report.
    if let Err(e) = color_eyre::install() {
        eprintln!("warning: cannot install the error reporter: {e}");
    }
    let settings = modelownia::settings::load_from(modelownia::settings::path());
    // The language is known only now: from the flag or the environment, as a damaged file
    // remembers none.
    let lang = cli.language(&settings.settings);
    if let Some(w) = &settings.warning {
        commands::say(&w.text(lang));
    }
    let code = match &cli.command {
        Some(Command::CheckModel) => commands::check_model(cli.model.as_deref(), lang),
        Some(Command::CheckPlan { files }) => commands::check_plan(files, lang),
        Some(Command::Export {
            plan,
            format,
            pack,
            full,
            output,
        }) => {
            let request = commands::ExportRequest {
                plan,
                format: format.format(),
                options: modelownia::export::Options {
                    full: *full,
                    pack: *pack,
                },
                output: output.as_deref(),
                lang,
            };
            // A plan file exports without a data folder (on a stick, from an e-mail).
            if std::path::Path::new(plan).is_file() {
                match model::load_for_use(cli.model.as_deref()) {
                    Ok(m) => commands::export(None, &m, request),
                    Err(errors) => invalid_model(&errors, lang),
                }
            } else {
                with_store(&cli, lang, false, |store, model| {
                    commands::export(Some(store), &model, request)
                })
            }
        }
        Some(Command::New {
            title,
            from_scenario,
        }) => with_store(&cli, lang, false, |store, model| {
            commands::new(store, &model, lang, title, from_scenario.as_deref())
        }),
        Some(Command::Import { files }) => with_store(&cli, lang, false, |store, _| {
            commands::import(store, lang, files)
        }),
        Some(Command::Present { section, id }) => with_store(&cli, lang, true, |store, model| {
            let deck = if section == "plan" {
                match id.as_deref() {
                    Some(id) => commands::find_plan(Some(store), &model, id, lang)
                        .map(|p| modelownia::present::Deck::Plan(Box::new(p))),
                    None => {
                        commands::say(&cli_text(lang, Said::PresentNeedsPlan));
                        Err(commands::INVALID)
                    }
                }
            } else {
                modelownia::present::deck_named(section, id.as_deref(), &model).map_err(|e| {
                    commands::say(&e);
                    commands::INVALID
                })
            };
            match deck {
                Ok(deck) => modelownia::app::run(
                    store,
                    model,
                    cli.look(&settings),
                    modelownia::app::Start::Present(deck),
                ),
                Err(code) => code,
            }
        }),
        Some(Command::Browse) => with_store(&cli, lang, true, |store, model| {
            modelownia::app::run(
                store,
                model,
                cli.look(&settings),
                modelownia::app::Start::Browse,
            )
        }),
        Some(Command::Scenarios) => match model::load_for_use(cli.model.as_deref()) {
            Ok(m) => commands::scenarios(&m, lang),
            Err(errors) => invalid_model(&errors, lang),
        },
        Some(Command::Run { plan, session }) => {
            with_store(
                &cli,
                lang,
                true,
                |store, model| match commands::resolve_run(store, &model, plan, *session, lang) {
                    Ok((id, session)) => modelownia::app::run(
                        store,
                        model,
                        cli.look(&settings),
                        modelownia::app::Start::Run { id, session },
                    ),
                    Err(code) => code,
                },
            )
        }
        Some(Command::List) => with_store(&cli, lang, true, |store, model| {
            commands::list(store, &model, lang)
        }),
        None => with_store(&cli, lang, true, |store, model| {
            modelownia::app::run(
                store,
                model,
                cli.look(&settings),
                modelownia::app::Start::Home,
            )
        }),
    };
    ExitCode::from(code)
}

/// Loads the model and opens the data folder, or explains why not (exit 2). With `lazy` the
/// clean-up after killed saves waits until the app's first frame (`list` leaves it to the app).
fn with_store(
    cli: &Cli,
    lang: modelownia::lang::Lang,
    lazy: bool,
    f: impl FnOnce(&storage::Store, model::Model) -> u8,
) -> u8 {
    let model = match model::load_for_use(cli.model.as_deref()) {
        Ok(m) => m,
        Err(errors) => return invalid_model(&errors, lang),
    };
    let Some(root) = storage::resolve_root(cli.data_dir.as_deref()) else {
        commands::say(&cli_text(lang, Said::NoDataFolder));
        return commands::INVALID;
    };
    let cache = storage::resolve_cache(cli.data_dir.as_deref());
    let opened = if lazy {
        storage::Store::open_deferred(&root)
    } else {
        storage::Store::open(&root)
    };
    match opened {
        Ok(store) => {
            let store = match cache {
                Some(dir) => store.with_cache_dir(dir),
                None => store,
            };
            f(&store, model)
        }
        Err(e) => {
            commands::say(&modelownia::i18n::errors::store_error(lang, &e));
            commands::INVALID
        }
    }
}

fn invalid_model(errors: &[modelownia::ron_error::Located], lang: modelownia::lang::Lang) -> u8 {
    for e in errors {
        commands::say(&e.render(lang));
    }
    commands::say(&cli_text(lang, Said::InvalidModel));
    commands::INVALID
}
