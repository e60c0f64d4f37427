//! The model's eight RON texts, embedded in the binary or read from a folder, each by name.

use std::path::Path;

use crate::ron_error::{Located, Problem};

/// One of the model's files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModelFile {
    /// `values.ron`
    Values,
    /// `directions.ron`
    Directions,
    /// `phases.ron` (with the checklist items)
    Phases,
    /// `methods.ron`
    Methods,
    /// `roles.ron`
    Roles,
    /// `scenarios.ron`
    Scenarios,
    /// `advice.ron`
    Advice,
    /// `glossary.ron`
    Glossary,
}

impl ModelFile {
    /// Every file, in the order they are read.
    pub const ALL: [ModelFile; 8] = [
        ModelFile::Values,
        ModelFile::Directions,
        ModelFile::Phases,
        ModelFile::Methods,
        ModelFile::Roles,
        ModelFile::Scenarios,
        ModelFile::Advice,
        ModelFile::Glossary,
    ];

    /// The file name in a model folder.
    pub fn name(self) -> &'static str {
        match self {
            ModelFile::Values => "values.ron",
            ModelFile::Directions => "directions.ron",
            ModelFile::Phases => "phases.ron",
            ModelFile::Methods => "methods.ron",
            ModelFile::Roles => "roles.ron",
            ModelFile::Scenarios => "scenarios.ron",
            ModelFile::Advice => "advice.ron",
            ModelFile::Glossary => "glossary.ron",
        }
    }

    fn embedded(self) -> &'static str {
        match self {
            ModelFile::Values => include_str!("../../model/values.ron"),
            ModelFile::Directions => include_str!("../../model/directions.ron"),
            ModelFile::Phases => include_str!("../../model/phases.ron"),
            ModelFile::Methods => include_str!("../../model/methods.ron"),
            ModelFile::Roles => include_str!("../../model/roles.ron"),
            ModelFile::Scenarios => include_str!("../../model/scenarios.ron"),
            ModelFile::Advice => include_str!("../../model/advice.ron"),
            ModelFile::Glossary => include_str!("../../model/glossary.ron"),
        }
    }
}

/// The eight files of a model folder, in the order they are read.
pub const FILES: [&str; 8] = [
    "values.ron",
    "directions.ron",
    "phases.ron",
    "methods.ron",
    "roles.ron",
    "scenarios.ron",
    "advice.ron",
    "glossary.ron",
];

/// The text of one model file and the name it is shown under.
#[derive(Debug, Clone)]
pub struct Source {
    /// File name as shown in messages.
    pub name: String,
    /// Its contents.
    pub text: String,
}

/// The texts of the eight model files.
#[derive(Debug, Clone)]
pub struct Sources {
    /// One per [`ModelFile::ALL`], same order.
    files: Vec<Source>,
}

impl Sources {
    /// The model compiled into the binary.
    pub fn embedded() -> Self {
        Self {
            files: ModelFile::ALL
                .iter()
                .map(|f| Source {
                    name: format!("model/{}", f.name()),
                    text: f.embedded().to_string(),
                })
                .collect(),
        }
    }

    /// Reads the eight files from `dir`, reporting every file that cannot be read.
    pub fn read_dir(dir: &Path) -> Result<Self, Vec<Located>> {
        if !dir.is_dir() {
            let (pl, en) = if dir.exists() {
                (
                    "ścieżka modelu nie wskazuje folderu",
                    "model folder is not a folder",
                )
            } else {
                ("folder modelu nie istnieje", "model folder does not exist")
            };
            return Err(vec![Located::whole_file(
                dir.display().to_string(),
                Problem::Worded {
                    pl: pl.into(),
                    en: en.into(),
                },
            )]);
        }
        let mut files = Vec::new();
        let mut errors = Vec::new();
        for file in ModelFile::ALL {
            let path = dir.join(file.name());
            let shown = path.display().to_string();
            match read_text(&path) {
                Ok(text) => files.push(Source { name: shown, text }),
                Err(message) => errors.push(Located::whole_file(shown, message)),
            }
        }
        if errors.is_empty() {
            Ok(Self { files })
        } else {
            Err(errors)
        }
    }

    /// The text of `file`.
    pub fn get(&self, file: ModelFile) -> &Source {
        let index = ModelFile::ALL
            .iter()
            .position(|f| *f == file)
            .unwrap_or_default();
        &self.files[index]
    }
}

/// A model file is hand-written text; anything larger is a mistake, not a model.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Reads a hand-edited text file with a size cap and a UTF-8 check; what is wrong is a
/// [`Problem`], worded in the reader's language when shown.
pub fn read_text(path: &Path) -> Result<String, Problem> {
    let meta = std::fs::metadata(path).map_err(|e| io_problem(&e))?;
    if !meta.is_file() {
        return Err(Problem::NotAFile);
    }
    if meta.len() > MAX_FILE_BYTES {
        let len = meta.len();
        return Err(Problem::Worded {
            pl: format!(
                "plik jest za duży ({len} {}; limit to {MAX_FILE_BYTES} bajtów)",
                crate::i18n::polish_plural(len, "bajt", "bajty", "bajtów")
            ),
            en: format!("file is too large ({len} bytes; the limit is {MAX_FILE_BYTES} bytes)"),
        });
    }
    let bytes = std::fs::read(path).map_err(|e| io_problem(&e))?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        Problem::Worded {
            pl: format!(
                "plik nie jest poprawnym tekstem UTF-8 (pierwszy błędny bajt na pozycji {offset}); \
                 zapisz go w UTF-8"
            ),
            en: format!(
                "file is not valid UTF-8 (first bad byte at offset {offset}); save it as UTF-8"
            ),
        }
    })
}

fn io_problem(e: &std::io::Error) -> Problem {
    match e.kind() {
        std::io::ErrorKind::NotFound => Problem::Missing,
        std::io::ErrorKind::PermissionDenied => Problem::PermissionDenied,
        _ => Problem::CannotRead(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_files_agree() {
        let names: Vec<&str> = ModelFile::ALL.iter().map(|f| f.name()).collect();
        assert_eq!(names, FILES);
        let s = Sources::embedded();
        for f in ModelFile::ALL {
            assert!(s.get(f).name.ends_with(f.name()));
        }
    }
}
