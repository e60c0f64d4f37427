//! The command line.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::lang::Lang;
use crate::settings::{Loaded, Settings};
use crate::theme::{Theme, ThemeName};

/// modelownia: plan youth and community activities against the Gdynia–Nicosia model, offline.
#[derive(Debug, Parser)]
#[command(name = "modelownia", version, about, long_about = None)]
pub struct Cli {
    /// Interface and model language [default: from LC_ALL/LANG: Polish for pl*, else English]
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,

    /// Load the model from this folder instead of the built-in one
    #[arg(long, global = true, value_name = "DIR")]
    pub model: Option<PathBuf>,

    /// Keep plans in this folder [env: MODELOWNIA_DATA_DIR]
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Colours: default, high-contrast (projectors) or mono; NO_COLOR=1 removes all colour
    #[arg(long, global = true, value_parser = parse_theme, value_name = "NAME")]
    pub theme: Option<ThemeName>,

    /// Plain labelled text in one column, no boxes, the cursor on the focused line: for
    /// screen readers and braille displays
    #[arg(long, global = true)]
    pub accessible: bool,

    /// What to do; without a command the workbook opens
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the model (built-in, or --model DIR) and print a summary
    CheckModel,
    /// Check plan files; prints file:line:col for every problem
    CheckPlan {
        /// Plan files to check
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// List the plans in the data folder
    List,
    /// Run a plan's session full screen: a timer per part, notes as you go
    Run {
        /// The id of a plan in the data folder, or its file
        #[arg(value_name = "PLAN")]
        plan: String,
        /// Which session (1 is the first); without it, the first one with parts
        #[arg(long, value_name = "N")]
        session: Option<usize>,
    },
    /// Export a plan: a handout in Markdown or HTML (with --pack, the forms to print), or the
    /// plan file itself to share; to standard output unless -o
    Export {
        /// A plan: its id, its file, or the start of its title (case and Polish letters
        /// do not matter)
        #[arg(value_name = "PLAN")]
        plan: String,
        /// What to write
        #[arg(long, value_enum, default_value_t = FormatArg::Markdown, value_name = "FORMAT")]
        format: FormatArg,
        /// Add the print pack: consent form, attendance sheet, materials checklist,
        /// emergency contacts and a feedback form
        #[arg(long)]
        pack: bool,
        /// Add empty fields, notes from running it, the whole checklist and what is missing
        #[arg(long)]
        full: bool,
        /// Write to this new file instead of standard output (an existing file is never
        /// replaced)
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Create a plan in the data folder and print a line ending with its id
    New {
        /// Its title
        #[arg(long, value_name = "TITLE")]
        title: String,
        /// Start from this example scenario (see `modelownia scenarios`)
        #[arg(long, value_name = "ID")]
        from_scenario: Option<String>,
    },
    /// Check plan files and copy them into the data folder; a clashing id gets a new one and
    /// the files themselves are never changed
    Import {
        /// Plan files
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// List the model's example scenarios: id, setting, title
    Scenarios,
    /// Browse the model: every value, direction, checklist item, method, role, scenario and
    /// piece of advice, with a search and the links between them
    Browse,
    /// Show the model to a room, one item per slide: values, directions, methods, roles,
    /// advice, `scenario ID` or `plan ID`
    Present {
        /// values, directions, methods, roles, advice, scenario or plan
        #[arg(value_name = "SECTION")]
        section: String,
        /// The scenario's id, or the plan (id, file or title start)
        #[arg(value_name = "ID")]
        id: Option<String>,
    },
}

/// `--format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// A Markdown handout
    Markdown,
    /// One HTML file, ready to print on A4, no external resources
    Html,
    /// The plan file itself, to share
    Ron,
}

impl FormatArg {
    /// The export format.
    pub fn format(self) -> crate::export::Format {
        match self {
            FormatArg::Markdown => crate::export::Format::Markdown,
            FormatArg::Html => crate::export::Format::Html,
            FormatArg::Ron => crate::export::Format::Ron,
        }
    }
}

/// A `--theme` value, with the message the README promises for any other.
fn parse_theme(name: &str) -> Result<ThemeName, String> {
    use clap::ValueEnum;
    ThemeName::from_str(name, true)
        .map_err(|_| format!("unknown theme '{name}'; choose one of: default, high-contrast, mono"))
}

/// `--lang` values.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    /// Polish
    Pl,
    /// English
    En,
}

impl Cli {
    /// The theme asked for, else the remembered one; without colour when `NO_COLOR` is set.
    pub fn theme(&self, remembered: &Settings) -> Theme {
        Theme::chosen(self.theme.or(remembered.theme), Theme::no_color_from_env())
    }

    /// The language asked for, else the remembered one, else the one the environment implies.
    pub fn language(&self, remembered: &Settings) -> Lang {
        match self.lang {
            Some(LangArg::Pl) => Lang::Pl,
            Some(LangArg::En) => Lang::En,
            None => remembered.lang.unwrap_or_else(Lang::from_env),
        }
    }

    /// Everything the app's look depends on: flags first, then the settings file.
    pub fn look(&self, settings: &Loaded) -> crate::app::Look {
        crate::app::Look {
            lang: self.language(&settings.settings),
            theme: self.theme(&settings.settings),
            accessible: self.accessible || settings.settings.accessible,
            settings: settings.clone(),
        }
    }
}
