//! Settings remembered between runs (language, theme, accessible mode) in `config.ron` in the
//! config folder. Flags and `NO_COLOR` override them. A damaged file gives a one-line warning
//! and the defaults, and is left exactly as it is: it is never written over.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::ron_error::Located;
use crate::theme::ThemeName;

/// The settings file's name in the config folder.
pub const FILE_NAME: &str = "config.ron";

/// Larger than any settings file a person writes; a bigger one is not read.
const MAX_BYTES: u64 = 64 * 1024;

/// What is remembered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Interface and model language; unset follows the environment (`LANG`).
    pub lang: Option<Lang>,
    /// Colour theme; unset is the default theme.
    pub theme: Option<ThemeName>,
    /// Plain labelled text for screen readers and braille displays.
    pub accessible: bool,
}

/// The settings as read at start, and whether they may be written back.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// What was read (the defaults when nothing could be).
    pub settings: Settings,
    /// Where they live; `None` when no config folder can be found.
    pub path: Option<PathBuf>,
    /// False when the file exists but is not ours to write (damaged, too big, not a file).
    pub writable: bool,
    /// Why the file could not be used, when it could not; worded (one line for standard
    /// error) by [`Warning::text`] once the language is known.
    pub warning: Option<Warning>,
}

/// Why the settings file was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// It could not be read; the system's reason.
    CannotRead {
        /// The file, as shown.
        file: String,
        /// The system's (English) words.
        why: String,
    },
    /// A folder, a link or a device, not a plain file.
    NotPlainFile {
        /// The file, as shown.
        file: String,
    },
    /// Larger than any settings file a person writes.
    TooLarge {
        /// The file, as shown.
        file: String,
        /// The limit in bytes.
        limit: u64,
    },
    /// It does not parse.
    Damaged(Located),
}

/// The config file: in `MODELOWNIA_CONFIG_DIR` when it is set, else in the platform's config
/// folder (`~/.config/modelownia` on Linux).
pub fn path() -> Option<PathBuf> {
    let dir = match std::env::var_os("MODELOWNIA_CONFIG_DIR") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => directories::ProjectDirs::from("", "", "modelownia")?
            .config_dir()
            .to_path_buf(),
    };
    Some(dir.join(FILE_NAME))
}

/// Reads the settings from `path` (missing: the defaults, writable).
pub fn load_from(path: Option<PathBuf>) -> Loaded {
    let Some(path) = path else {
        return Loaded::default();
    };
    let shown = crate::text::visible_line(&path.display().to_string()).into_owned();
    let refuse = |why: Warning| Loaded {
        settings: Settings::default(),
        path: Some(path.clone()),
        writable: false,
        warning: Some(why),
    };
    let cannot_read = |e: std::io::Error| Warning::CannotRead {
        file: shown.clone(),
        why: e.to_string(),
    };
    match std::fs::symlink_metadata(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Loaded {
                settings: Settings::default(),
                path: Some(path.clone()),
                writable: true,
                warning: None,
            };
        }
        Err(e) => return refuse(cannot_read(e)),
        Ok(m) if !m.is_file() => {
            return refuse(Warning::NotPlainFile {
                file: shown.clone(),
            });
        }
        Ok(m) if m.len() > MAX_BYTES => {
            return refuse(Warning::TooLarge {
                file: shown.clone(),
                limit: MAX_BYTES,
            });
        }
        Ok(_) => {}
    }
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => return refuse(cannot_read(e)),
    };
    match parse(&text, &shown) {
        Ok(settings) => Loaded {
            settings,
            path: Some(path.clone()),
            writable: true,
            warning: None,
        },
        Err(e) => refuse(Warning::Damaged(e)),
    }
}

/// Parses a settings file; `Some(…)` around values may be left out.
pub fn parse(text: &str, file: &str) -> Result<Settings, Located> {
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    options
        .from_str(text)
        .map_err(|e| Located::from_ron(file, text, &e))
}

/// The file's text: the settings and a line saying what may go in it.
pub fn encode(settings: &Settings) -> String {
    let body = ron::ser::to_string_pretty(settings, ron::ser::PrettyConfig::default())
        .unwrap_or_else(|_| "()".into());
    format!(
        "// modelownia settings. lang: Pl or En; theme: Default, HighContrast or Mono;\n\
         // accessible: true or false. Command-line flags and NO_COLOR override them.\n{body}\n"
    )
}

/// Writes `settings` to `path` through the safe writer, creating the folder if needed.
/// `existed` says the file was there (and read as settings) when the app started: only then
/// may it be replaced; otherwise the write never replaces anything that appeared meanwhile.
pub fn save(
    path: &Path,
    settings: &Settings,
    existed: bool,
) -> Result<(), crate::storage::StoreError> {
    crate::storage::write_settings(path, &encode(settings), existed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_accepts_values_without_some() {
        let s = Settings {
            lang: Some(Lang::Pl),
            theme: Some(ThemeName::HighContrast),
            accessible: true,
        };
        assert_eq!(parse(&encode(&s), "c").expect("parses"), s);
        let short = parse("(lang: Pl, theme: Mono)", "c").expect("parses");
        assert_eq!(short.lang, Some(Lang::Pl));
        assert_eq!(short.theme, Some(ThemeName::Mono));
        assert_eq!(parse("()", "c").expect("parses"), Settings::default());
    }

    #[test]
    fn a_damaged_file_says_where() {
        let e = parse("(lang: Pl,\n theme: Neon)", "config.ron").unwrap_err();
        assert!(e.to_string().starts_with("config.ron:2:"), "{e}");
        let pl = Warning::Damaged(e).text(Lang::Pl);
        assert!(pl.starts_with("uwaga: config.ron:2:"), "{pl}");
        assert!(pl.contains("nieznana wartość `Neon`"), "{pl}");
        assert!(!pl.contains('\n'), "{pl}");
    }
}
