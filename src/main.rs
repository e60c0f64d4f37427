use std::process::ExitCode;

use clap::Parser;
use modelownia::cli::{Cli, Command};
use modelownia::{commands, model, storage};

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Before ratatui::init, so a panic restores the terminal first and then prints the report.
    if let Err(e) = color_eyre::install() {
        eprintln!("warning: cannot install the error reporter: {e}");
    }
    let code = match &cli.command {
        Some(Command::CheckModel) => commands::check_model(cli.model.as_deref()),
        Some(Command::CheckPlan { files }) => commands::check_plan(files),
        Some(Command::Export { plan }) if std::path::Path::new(plan).is_file() => {
            match model::load_from(cli.model.as_deref()) {
                Ok(m) => commands::export(None, &m, cli.language(), plan),
                Err(errors) => invalid_model(&errors),
            }
        }
        Some(Command::Export { plan }) => with_store(&cli, |store, model| {
            commands::export(Some(store), &model, cli.language(), plan)
        }),
        Some(Command::Run { plan, session }) => with_store(&cli, |store, model| {
            match commands::resolve_run(store, plan, *session) {
                Ok((id, session)) => modelownia::app::run(
                    store,
                    model,
                    cli.language(),
                    cli.theme(),
                    modelownia::app::Start::Run { id, session },
                ),
                Err(code) => code,
            }
        }),
        Some(Command::List) => with_store(&cli, |store, model| commands::list(store, &model)),
        None => with_store(&cli, |store, model| {
            modelownia::app::run(
                store,
                model,
                cli.language(),
                cli.theme(),
                modelownia::app::Start::Home,
            )
        }),
    };
    ExitCode::from(code)
}

/// Loads the model and opens the data folder, or explains why not (exit 2).
fn with_store(cli: &Cli, f: impl FnOnce(&storage::Store, model::Model) -> u8) -> u8 {
    let model = match model::load_from(cli.model.as_deref()) {
        Ok(m) => m,
        Err(errors) => return invalid_model(&errors),
    };
    let Some(root) = storage::resolve_root(cli.data_dir.as_deref()) else {
        eprintln!("cannot find a data folder: set --data-dir DIR or MODELOWNIA_DATA_DIR");
        return commands::INVALID;
    };
    match storage::Store::open(&root) {
        Ok(store) => f(&store, model),
        Err(e) => {
            eprintln!(
                "{}",
                modelownia::i18n::errors::store_error(cli.language(), &e)
            );
            commands::INVALID
        }
    }
}

fn invalid_model(errors: &[modelownia::ron_error::Located]) -> u8 {
    for e in errors {
        eprintln!("{e}");
    }
    eprintln!("the model is not valid; run `modelownia check-model` for details");
    commands::INVALID
}
