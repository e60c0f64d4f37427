use std::process::ExitCode;

use clap::Parser;
use modelownia::cli::{Cli, Command};
use modelownia::model;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::CheckModel) => match model::load_from(cli.model.as_deref()) {
            Ok(m) => {
                println!("{}", m.summary_line());
                ExitCode::SUCCESS
            }
            Err(errors) => {
                for e in &errors {
                    eprintln!("{e}");
                }
                eprintln!("model has {} problem(s)", errors.len());
                ExitCode::from(2)
            }
        },
        _ => ExitCode::SUCCESS,
    }
}
