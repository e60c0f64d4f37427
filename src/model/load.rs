//! Reading the model: from the copy compiled into the binary, or from a folder.

use std::path::Path;

use serde::de::DeserializeOwned;

use super::check::check;
use super::source::{ModelFile, Source, Sources};
use super::types::Model;
use crate::ron_error::Located;

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
    let model = parse_all(sources)?;
    let problems = check(&model, sources);
    if problems.is_empty() {
        Ok(model)
    } else {
        Err(problems)
    }
}

/// The model the program runs on: a folder (`--model DIR`) is parsed and checked, since a
/// person edited it; the embedded copy only parsed, since the test suite checks it on every
/// change and start-up should not repeat that (about a fifth of loading it).
pub fn load_for_use(dir: Option<&Path>) -> Result<Model, Vec<Located>> {
    match dir {
        Some(dir) => load(&Sources::read_dir(dir)?),
        None => parse_all(&Sources::embedded()),
    }
}

fn parse_all(sources: &Sources) -> Result<Model, Vec<Located>> {
    let mut errors = Vec::new();
    let model = Model {
        values: parse(sources.get(ModelFile::Values), &mut errors),
        directions: parse(sources.get(ModelFile::Directions), &mut errors),
        phases: parse(sources.get(ModelFile::Phases), &mut errors),
        methods: parse(sources.get(ModelFile::Methods), &mut errors),
        roles: parse(sources.get(ModelFile::Roles), &mut errors),
        scenarios: parse(sources.get(ModelFile::Scenarios), &mut errors),
        advice: parse(sources.get(ModelFile::Advice), &mut errors),
        glossary: parse(sources.get(ModelFile::Glossary), &mut errors),
    };
    // References into a file that did not parse would all look dangling: report syntax first.
    if errors.is_empty() {
        Ok(model)
    } else {
        Err(errors)
    }
}

/// Loads the embedded model, or the folder `dir` when given.
pub fn load_from(dir: Option<&Path>) -> Result<Model, Vec<Located>> {
    match dir {
        Some(dir) => load(&Sources::read_dir(dir)?),
        None => load(&Sources::embedded()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_model_parsed_for_use_is_the_checked_one() {
        assert_eq!(load_for_use(None), load_from(None));
    }
}
