//! Reading the model: from the copy compiled into the binary, or from a folder.

use std::path::Path;

use serde::de::DeserializeOwned;

use super::check::check;
use super::types::Model;
use crate::ron_error::Located;

/// The six files of a model folder, in the order they are read.
pub const FILES: [&str; 6] = [
    "values.ron",
    "directions.ron",
    "phases.ron",
    "methods.ron",
    "roles.ron",
    "scenarios.ron",
];

/// A model file is hand-written text; anything larger is a mistake, not a model.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// The text of one model file and the name it is shown under.
#[derive(Debug, Clone)]
pub struct Source {
    /// File name as shown in messages.
    pub name: String,
    /// Its contents.
    pub text: String,
}

/// The texts of the six model files.
#[derive(Debug, Clone)]
pub struct Sources {
    /// One per entry of [`FILES`], same order.
    pub files: Vec<Source>,
}

impl Sources {
    /// The model compiled into the binary.
    pub fn embedded() -> Self {
        let texts = [
            include_str!("../../model/values.ron"),
            include_str!("../../model/directions.ron"),
            include_str!("../../model/phases.ron"),
            include_str!("../../model/methods.ron"),
            include_str!("../../model/roles.ron"),
            include_str!("../../model/scenarios.ron"),
        ];
        Self {
            files: FILES
                .iter()
                .zip(texts)
                .map(|(name, text)| Source {
                    name: format!("model/{name}"),
                    text: text.to_string(),
                })
                .collect(),
        }
    }

    /// Reads the six files from `dir`, reporting every file that cannot be read.
    pub fn read_dir(dir: &Path) -> Result<Self, Vec<Located>> {
        if !dir.is_dir() {
            let what = if dir.exists() {
                "is not a folder"
            } else {
                "does not exist"
            };
            return Err(vec![Located::whole_file(
                dir.display().to_string(),
                format!("model folder {what}"),
            )]);
        }
        let mut files = Vec::new();
        let mut errors = Vec::new();
        for name in FILES {
            let path = dir.join(name);
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

    fn text(&self, index: usize) -> &Source {
        &self.files[index]
    }
}

/// Reads a hand-edited text file with a size cap and a UTF-8 check.
pub fn read_text(path: &Path) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|e| io_message(&e))?;
    if !meta.is_file() {
        return Err("is not a file".into());
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!(
            "file is too large ({} bytes; the limit is {} bytes)",
            meta.len(),
            MAX_FILE_BYTES
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| io_message(&e))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "file is not valid UTF-8 (first bad byte at offset {}); save it as UTF-8",
            e.utf8_error().valid_up_to()
        )
    })
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "file is missing".into(),
        std::io::ErrorKind::PermissionDenied => "file cannot be read (permission denied)".into(),
        _ => format!("file cannot be read: {e}"),
    }
}

fn parse<T: DeserializeOwned>(source: &Source, errors: &mut Vec<Located>) -> Vec<T> {
    match ron::Options::default().from_str::<Vec<T>>(&source.text) {
        Ok(items) => items,
        Err(e) => {
            errors.push(Located::from_ron(&source.name, &source.text, &e));
            Vec::new()
        }
    }
}

/// Parses and checks a model. Every problem in every file is reported, not only the first.
pub fn load(sources: &Sources) -> Result<Model, Vec<Located>> {
    let mut errors = Vec::new();
    let model = Model {
        values: parse(sources.text(0), &mut errors),
        directions: parse(sources.text(1), &mut errors),
        phases: parse(sources.text(2), &mut errors),
        methods: parse(sources.text(3), &mut errors),
        roles: parse(sources.text(4), &mut errors),
        scenarios: parse(sources.text(5), &mut errors),
    };
    // References into a file that did not parse would all look dangling: report syntax first.
    if !errors.is_empty() {
        return Err(errors);
    }
    let problems = check(&model, sources);
    if problems.is_empty() {
        Ok(model)
    } else {
        Err(problems)
    }
}

/// Loads the embedded model, or the folder `dir` when given.
pub fn load_from(dir: Option<&Path>) -> Result<Model, Vec<Located>> {
    match dir {
        Some(dir) => load(&Sources::read_dir(dir)?),
        None => load(&Sources::embedded()),
    }
}
