//! The English texts of the model keep to the glossary in `model/glossary.ron`: the fixed term
//! every time, never a variant it forbids (a bare "the house" for the Przystań).

use modelownia::model::{self, ModelFile, Sources, misused_terms, untranslated_terms};

/// The variants found in `files`, one line each, or nothing when they keep to the glossary.
fn misuses(files: &[ModelFile]) -> String {
    let model = model::load_from(None).expect("embedded model");
    let sources = Sources::embedded();
    files
        .iter()
        .flat_map(|f| misused_terms(sources.get(*f), &model.glossary))
        .map(|l| l.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn values_directions_scenarios_and_advice_use_the_glossary_terms() {
    let found = misuses(&[
        ModelFile::Values,
        ModelFile::Directions,
        ModelFile::Scenarios,
        ModelFile::Advice,
    ]);
    assert!(found.is_empty(), "{found}");
}

#[test]
fn methods_roles_and_phases_use_the_glossary_terms() {
    let found = misuses(&[ModelFile::Methods, ModelFile::Roles, ModelFile::Phases]);
    assert!(found.is_empty(), "{found}");
}

#[test]
fn every_model_file_but_the_glossary_is_checked() {
    // The glossary's own notes name the variants they forbid, so it is the one file left out;
    // a new model file must join one of the two tests above.
    let checked = [
        ModelFile::Values,
        ModelFile::Directions,
        ModelFile::Scenarios,
        ModelFile::Advice,
        ModelFile::Methods,
        ModelFile::Roles,
        ModelFile::Phases,
    ];
    for f in ModelFile::ALL {
        assert!(
            checked.contains(&f) || f == ModelFile::Glossary,
            "{f:?} is not checked against the glossary"
        );
    }
}

#[test]
fn a_bare_the_house_in_an_english_text_is_found_with_its_place() {
    let model = model::load_from(None).expect("embedded model");
    let sources = Sources::embedded();
    let source = model::Source {
        name: "model/values.ron".into(),
        text: sources
            .get(ModelFile::Values)
            .text
            .replacen("the Przystań", "the house", 1),
    };
    let found = misused_terms(&source, &model.glossary);
    assert_eq!(found.len(), 1, "{found:?}");
    let shown = found[0].to_string();
    assert!(
        shown.starts_with("model/values.ron:") && shown.contains("\"the house\""),
        "{shown}"
    );
}

#[test]
fn where_the_polish_names_a_fixed_term_the_english_names_it_too() {
    let model = model::load_from(None).expect("embedded model");
    let sources = Sources::embedded();
    let found: Vec<String> = ModelFile::ALL
        .iter()
        .filter(|f| **f != ModelFile::Glossary)
        .flat_map(|f| untranslated_terms(sources.get(*f), &model.glossary))
        .map(|l| l.to_string())
        .collect();
    assert!(found.is_empty(), "{}", found.join("\n"));
}
