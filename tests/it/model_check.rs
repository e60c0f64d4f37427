//! Every kind of model problem, each in a small broken copy of the model in a temp dir.

use modelownia::lang::Lang;
use std::path::Path;

use modelownia::model::{self, FILES};
use modelownia::ron_error::Located;

/// A copy of the shipped model in a temp dir.
fn copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("model");
    for f in FILES {
        std::fs::copy(src.join(f), dir.path().join(f)).expect("copy model file");
    }
    dir
}

fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(from), "{file} does not contain {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
}

fn errors(dir: &Path) -> Vec<Located> {
    model::load_from(Some(dir)).expect_err("the model should be rejected")
}

fn joined(errs: &[Located]) -> String {
    errs.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_shipped_model_is_valid_and_above_the_minimums() {
    let m = model::load_from(None).expect("embedded model is valid");
    assert!(m.values.len() >= 10);
    assert!(m.directions.len() >= 10);
    let phases: Vec<&str> = m.phases.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(phases, ["diagnosis", "planning", "running", "evaluation"]);
    assert!(m.phases.iter().all(|p| p.items.len() >= 8));
    assert!(m.methods.len() >= 20);
    assert!(m.roles.len() >= 16);
    assert!(m.checklist_len() >= 56);
    assert!(m.advice.len() >= 12);
    use modelownia::model::Audience;
    for audience in [Audience::Newcomer, Audience::Coordinator, Audience::Partner] {
        assert!(
            m.advice.iter().filter(|a| a.audience == audience).count() >= 3,
            "{audience:?}"
        );
    }
    assert!(m.scenarios.len() >= 6);
    assert!(m.glossary.len() >= 20);
    use modelownia::model::Setting;
    assert!(
        m.scenarios
            .iter()
            .filter(|s| s.setting == Setting::Gdynia)
            .count()
            >= 2
    );
    assert!(
        m.scenarios
            .iter()
            .filter(|s| s.setting == Setting::Nicosia)
            .count()
            >= 2
    );
    // The folder on disk and the embedded copy are the same model.
    let dir = copy();
    assert_eq!(
        model::load_from(Some(dir.path())).expect("folder copy is valid"),
        m
    );
}

#[test]
fn summaries_fit_sixty_columns() {
    let m = model::load_from(None).expect("embedded model");
    let summaries = m
        .values
        .iter()
        .map(|v| (&v.id, &v.summary))
        .chain(m.directions.iter().map(|v| (&v.id, &v.summary)))
        .chain(m.methods.iter().map(|v| (&v.id, &v.summary)))
        .chain(m.roles.iter().map(|v| (&v.id, &v.summary)))
        .chain(m.scenarios.iter().map(|v| (&v.id, &v.summary)));
    for (id, s) in summaries {
        assert!(s.pl.chars().count() <= 60, "{id}: {}", s.pl);
        assert!(s.en.chars().count() <= 60, "{id}: {}", s.en);
    }
}

#[test]
fn syntax_error_names_file_line_and_column_with_the_line() {
    let dir = copy();
    edit(
        dir.path(),
        "values.ron",
        "id: \"agency\",",
        "id: \"agency\",,",
    );
    let errs = errors(dir.path());
    assert_eq!(errs.len(), 1, "{}", joined(&errs));
    let e = &errs[0];
    assert!(e.file.ends_with("values.ron"));
    assert!(e.line > 1 && e.col > 1);
    let shown = e.to_string();
    assert!(
        shown.contains(&format!("values.ron:{}:{}", e.line, e.col)),
        "{shown}"
    );
    assert!(shown.contains("id: \"agency\",,"), "{shown}");
}

#[test]
fn syntax_errors_in_several_files_are_all_reported() {
    let dir = copy();
    edit(dir.path(), "values.ron", "[", "[[");
    edit(dir.path(), "roles.ron", "id:", "id");
    let errs = errors(dir.path());
    assert_eq!(errs.len(), 2, "{}", joined(&errs));
}

#[test]
fn unknown_field_is_an_error() {
    let dir = copy();
    edit(
        dir.path(),
        "methods.ron",
        "duration_minutes:",
        "colour: \"red\",\n        duration_minutes:",
    );
    let text = joined(&errors(dir.path()));
    assert!(
        text.contains("methods.ron:") && text.contains("colour"),
        "{text}"
    );
}

#[test]
fn duplicate_id_points_at_the_second_one() {
    let dir = copy();
    edit(
        dir.path(),
        "values.ron",
        "id: \"agency\"",
        "id: \"participation\"",
    );
    let errs = errors(dir.path());
    let dup = errs
        .iter()
        .find(|e| e.message(Lang::En).contains("duplicate id"))
        .unwrap_or_else(|| panic!("{}", joined(&errs)));
    assert!(dup.message(Lang::En).contains("participation"));
    let first_line = std::fs::read_to_string(dir.path().join("values.ron"))
        .expect("read")
        .lines()
        .position(|l| l.contains("id: \"participation\""))
        .expect("present")
        + 1;
    assert!(dup.line > first_line, "{dup}");
}

#[test]
fn dangling_references_are_reported_with_what_is_missing() {
    let dir = copy();
    edit(
        dir.path(),
        "scenarios.ron",
        "\"research-walk\"",
        "\"research-run\"",
    );
    let text = joined(&errors(dir.path()));
    assert!(text.contains("scenarios.ron:"), "{text}");
    assert!(
        text.contains("there is no method with id \"research-run\""),
        "{text}"
    );
}

#[test]
fn missing_and_empty_translations_are_reported() {
    let dir = copy();
    // Drop the first English name entirely and blank the first Polish summary.
    edit(dir.path(), "values.ron", ", en: \"Participation\"", "");
    let path = dir.path().join("values.ron");
    let mut text = std::fs::read_to_string(&path).expect("read");
    let from = text.find("summary:").expect("a summary");
    let start = from + text[from..].find("pl: \"").expect("its pl text") + "pl: \"".len();
    let end = start + text[start..].find('"').expect("closing quote");
    text.replace_range(start..end, "  ");
    std::fs::write(&path, text).expect("write");
    let text = joined(&errors(dir.path()));
    assert!(
        text.contains("value \"participation\": name: English text (en) is missing or empty"),
        "{text}"
    );
    assert!(
        text.contains("summary: Polish text (pl) is missing or empty"),
        "{text}"
    );
}

#[test]
fn a_phase_without_items_is_reported() {
    let dir = copy();
    let text = std::fs::read_to_string(dir.path().join("phases.ron")).expect("read");
    // Empty the items of the last phase.
    let at = text.rfind("items: [").expect("items") + "items: [".len();
    let end = text.rfind(']').expect("end of list");
    let end = text[..end].rfind(']').expect("end of items");
    let broken = format!("{}{}", &text[..at], &text[end..]);
    std::fs::write(dir.path().join("phases.ron"), broken).expect("write");
    let out = joined(&errors(dir.path()));
    assert!(
        out.contains("phase \"evaluation\": the phase has no checklist items"),
        "{out}"
    );
}

#[test]
fn non_utf8_missing_and_oversized_files_are_reported_per_file() {
    let dir = copy();
    std::fs::write(dir.path().join("roles.ron"), b"[(id: \"x\xff\")]").expect("write");
    std::fs::remove_file(dir.path().join("scenarios.ron")).expect("remove");
    let big = vec![b' '; (model::MAX_FILE_BYTES + 1) as usize];
    std::fs::write(dir.path().join("methods.ron"), big).expect("write");
    let errs = errors(dir.path());
    let text = joined(&errs);
    assert!(
        text.contains("roles.ron: file is not valid UTF-8"),
        "{text}"
    );
    assert!(text.contains("scenarios.ron: file is missing"), "{text}");
    assert!(text.contains("methods.ron: file is too large"), "{text}");
}

#[test]
fn a_missing_model_folder_says_so() {
    let errs = errors(Path::new("/nonexistent/model-folder"));
    assert_eq!(errs.len(), 1);
    assert!(errs[0].to_string().contains("model folder does not exist"));
}

#[test]
fn a_direction_no_method_serves_is_reported() {
    let dir = copy();
    let text = std::fs::read_to_string(dir.path().join("methods.ron")).expect("read");
    std::fs::write(
        dir.path().join("methods.ron"),
        text.replace("\"practice-exchange\"", "\"youth-work\""),
    )
    .expect("write");
    let out = joined(&errors(dir.path()));
    assert!(
        out.contains("direction \"practice-exchange\": no method fits this direction"),
        "{out}"
    );
}

#[test]
fn bad_ids_and_ranges_are_reported() {
    let dir = copy();
    edit(
        dir.path(),
        "roles.ron",
        "id: \"peer-leader\"",
        "id: \"Peer_Leader\"",
    );
    edit(
        dir.path(),
        "methods.ron",
        "group_size: (min: 4, max: 12)",
        "group_size: (min: 12, max: 4)",
    );
    let out = joined(&errors(dir.path()));
    assert!(
        out.contains("role \"Peer_Leader\": id must be kebab-case"),
        "{out}"
    );
    assert!(
        out.contains("group_size: min must be at least 1 and not above max (got 12–4)"),
        "{out}"
    );
}

#[test]
fn step_minutes_must_add_up_to_the_method_length() {
    let dir = copy();
    // The first method's first step, made far too long.
    let text = std::fs::read_to_string(dir.path().join("methods.ron")).expect("read");
    let first = text
        .lines()
        .find(|l| l.trim_start().starts_with("(minutes: "))
        .expect("a timed step");
    let minutes = first.trim_start().trim_start_matches("(minutes: ");
    let minutes = &minutes[..minutes.find(',').expect("comma")];
    edit(
        dir.path(),
        "methods.ron",
        &format!("(minutes: {minutes}, "),
        "(minutes: 500, ",
    );
    let errs = errors(dir.path());
    let all = joined(&errs);
    assert!(all.contains("steps take") && all.contains("10%"), "{all}");
    assert!(
        errs.iter()
            .all(|e| e.file.ends_with("methods.ron") && e.line > 0),
        "{all}"
    );
}

#[test]
fn scenario_parts_need_minutes_known_methods_and_known_leads() {
    let dir = copy();
    let text = std::fs::read_to_string(dir.path().join("scenarios.ron")).expect("read");
    let part = text
        .lines()
        .find(|l| l.contains("(minutes: ") && l.contains("what: "))
        .expect("a timed part");
    let start = part.find("(minutes: ").expect("minutes");
    let end = start + part[start..].find(',').expect("comma");
    edit(
        dir.path(),
        "scenarios.ron",
        &part[start..end],
        "(minutes: 0",
    );
    let all = joined(&errors(dir.path()));
    assert!(all.contains("minutes is 0; give 1 to 600"), "{all}");
    let dir = copy();
    edit(dir.path(), "scenarios.ron", "lead: \"", "lead: \"nobody-");
    let all = joined(&errors(dir.path()));
    assert!(all.contains("unknown role \"nobody-"), "{all}");
    let dir = copy();
    edit(
        dir.path(),
        "scenarios.ron",
        "method: \"",
        "method: \"no-such-",
    );
    let all = joined(&errors(dir.path()));
    assert!(all.contains("unknown method \"no-such-"), "{all}");
}

#[test]
fn a_glossary_term_without_a_translation_or_with_its_own_term_avoided_is_reported() {
    let dir = copy();
    edit(
        dir.path(),
        "glossary.ron",
        "en: \"revitalisation area\",",
        "en: \"\",",
    );
    let text = joined(&errors(dir.path()));
    assert!(
        text.contains("glossary.ron:")
            && text.contains("term \"revitalisation-area\": en: the English term is missing"),
        "{text}"
    );
    let dir = copy();
    edit(dir.path(), "glossary.ron", "pl: \"Przystań\",", "");
    let text = joined(&errors(dir.path()));
    assert!(
        text.contains("glossary.ron:") && text.contains("missing field named `pl`"),
        "{text}"
    );
    let dir = copy();
    edit(
        dir.path(),
        "glossary.ron",
        "avoid: [\"the house\"",
        "avoid: [\"Przystań\"",
    );
    let text = joined(&errors(dir.path()));
    assert!(
        text.contains("term \"przystan\": avoid[1] \"Przystań\" is part of the term"),
        "{text}"
    );
    let dir = copy();
    edit(
        dir.path(),
        "glossary.ron",
        "id: \"easy-read\"",
        "id: \"plain-language\"",
    );
    let text = joined(&errors(dir.path()));
    assert!(text.contains("duplicate id"), "{text}");
    let dir = copy();
    edit(
        dir.path(),
        "glossary.ron",
        "en: \"easy-read\"",
        "en: \"Plain language\"",
    );
    let text = joined(&errors(dir.path()));
    assert!(
        text.contains(
            "term \"easy-read\": en: \"Plain language\" is already the term of \"plain-language\""
        ),
        "{text}"
    );
}

#[test]
fn an_empty_polish_form_of_a_term_is_reported() {
    let dir = copy();
    edit(
        dir.path(),
        "glossary.ron",
        "pl_forms: [\"Przystań\"",
        "pl_forms: [\" \"",
    );
    let text = joined(&errors(dir.path()));
    assert!(
        text.contains("glossary.ron:") && text.contains("term \"przystan\": pl_forms[1] is empty"),
        "{text}"
    );
}

#[test]
fn a_missing_glossary_file_is_reported_by_name() {
    let dir = copy();
    std::fs::remove_file(dir.path().join("glossary.ron")).expect("remove");
    let text = joined(&errors(dir.path()));
    assert!(text.contains("glossary.ron: file is missing"), "{text}");
}

#[test]
fn a_scenario_needs_budget_materials_plan_b_and_accessibility() {
    let dir = copy();
    let path = dir.path().join("scenarios.ron");
    let body = std::fs::read_to_string(&path).expect("read");
    // The first scenario loses its plan B: a parse error naming the scenario's place.
    let at = body.find("        plan_b: (").expect("a plan_b");
    let end = at + body[at..].find("        ),\n").expect("its end") + "        ),\n".len();
    std::fs::write(&path, format!("{}{}", &body[..at], &body[end..])).expect("write");
    let text = joined(&errors(dir.path()));
    assert!(
        text.contains("scenarios.ron:") && text.contains("plan_b"),
        "{text}"
    );

    let dir = copy();
    edit(
        dir.path(),
        "scenarios.ron",
        "materials: [\n            (pl:",
        "materials: [\n            /*",
    );
    edit(
        dir.path(),
        "scenarios.ron",
        "),\n        ],\n        plan_b",
        "*/\n        ],\n        plan_b",
    );
    let text = joined(&errors(dir.path()));
    assert!(
        text.contains("scenarios.ron:")
            && text.contains("scenario \"our-courtyard\": materials: the list is empty"),
        "{text}"
    );

    let dir = copy();
    edit(
        dir.path(),
        "scenarios.ron",
        "        accessibility: (\n            pl: \"",
        "        accessibility: (\n            pl: \"\", old: \"",
    );
    let text = joined(&errors(dir.path()));
    assert!(
        text.contains("scenarios.ron:") && text.contains("old"),
        "{text}"
    );
}

#[test]
fn a_scenario_budget_names_the_currency_of_its_setting() {
    let dir = copy();
    let body = std::fs::read_to_string(dir.path().join("scenarios.ron")).expect("read");
    // Nicosia budgets in euro: swap every euro sign of the first Nicosia budget for złoty.
    let at = body.find("setting: Nicosia").expect("a Nicosia scenario");
    let b = at + body[at..].find("        budget: (").expect("its budget");
    let e = b + body[b..].find("        ),\n").expect("its end");
    let changed = body[b..e].replace('€', " zł").replace("EUR", "PLN");
    std::fs::write(
        dir.path().join("scenarios.ron"),
        format!("{}{changed}{}", &body[..b], &body[e..]),
    )
    .expect("write");
    let text = joined(&errors(dir.path()));
    assert!(
        text.contains(
            "scenario \"dances-from-our-elders\": budget (pl): give each amount in EUR (€)"
        ) && text.contains("budget (en): give each amount in EUR (€)"),
        "{text}"
    );
}

#[test]
fn a_nicosia_scenario_names_the_cypriot_frame_in_its_risks() {
    let dir = copy();
    let path = dir.path().join("scenarios.ron");
    let body = std::fs::read_to_string(&path).expect("read");
    // Take "Cyprus" and "Cypriot" out of the risks of the first Nicosia scenario only.
    let at = body.find("setting: Nicosia").expect("a Nicosia scenario");
    let b = at + body[at..].find("        risks: [").expect("its risks");
    let e = b + body[b..].find("        ],\n").expect("their end");
    let changed = body[b..e]
        .replace("Cypriot", "local")
        .replace("Cyprus", "the country")
        .replace("cypryjsk", "lokaln")
        .replace("Cypr", "kraj");
    std::fs::write(&path, format!("{}{changed}{}", &body[..b], &body[e..])).expect("write");
    let text = joined(&errors(dir.path()));
    assert!(
        text.contains("scenarios.ron:")
            && text.contains("scenario \"dances-from-our-elders\": risks: a Nicosia scenario runs under Cypriot law"),
        "{text}"
    );
    assert!(!text.contains("scenario \"fusion\""), "{text}");
}

#[test]
fn every_item_says_where_it_comes_from() {
    for (file, from) in [
        ("values.ron", "provenance: GdyniaPractice,\n"),
        ("directions.ron", "provenance: Model,\n"),
        ("advice.ron", "provenance: GdyniaPractice,\n"),
        ("scenarios.ron", "provenance: GdyniaPractice,\n"),
    ] {
        let dir = copy();
        edit(dir.path(), file, from, "");
        let text = joined(&errors(dir.path()));
        assert!(
            text.contains(&format!("{file}:")) && text.contains("provenance"),
            "{file}: {text}"
        );
        let dir = copy();
        edit(dir.path(), file, from, "provenance: Hearsay,\n");
        let text = joined(&errors(dir.path()));
        assert!(
            text.contains(&format!("{file}:")) && text.contains("Hearsay"),
            "{file}: {text}"
        );
    }
}

#[test]
fn advice_must_link_real_values_and_fit_one_line() {
    let dir = copy();
    edit(
        dir.path(),
        "advice.ron",
        "values: [\"participation\"",
        "values: [\"no-such-value\"",
    );
    let errs = errors(dir.path());
    let text = joined(&errs);
    assert!(
        text.contains("advice.ron:")
            && text.contains("there is no value with id \"no-such-value\""),
        "{text}"
    );
    let dir = copy();
    edit(
        dir.path(),
        "advice.ron",
        "audience: Newcomer",
        "audience: Stranger",
    );
    let text = joined(&errors(dir.path()));
    assert!(
        text.contains("advice.ron:") && text.contains("Stranger"),
        "{text}"
    );
    let dir = copy();
    let long = "x".repeat(61);
    let path = dir.path().join("advice.ron");
    let body = std::fs::read_to_string(&path).expect("read");
    let at = body.find("title: (\n            pl: \"").expect("a title")
        + "title: (\n            pl: \"".len();
    let end = at + body[at..].find('"').expect("its end");
    std::fs::write(&path, format!("{}{long}{}", &body[..at], &body[end..])).expect("write");
    let text = joined(&errors(dir.path()));
    assert!(text.contains("title (pl) is 61 characters"), "{text}");
}

/// The line (1-based) of the first occurrence of `needle` in a model file of `dir`.
fn line_of(dir: &Path, file: &str, needle: &str) -> usize {
    std::fs::read_to_string(dir.join(file))
        .expect("read")
        .lines()
        .position(|l| l.contains(needle))
        .expect("present")
        + 1
}

#[test]
fn an_unknown_applies_when_tag_names_its_file_line_and_column() {
    let dir = copy();
    edit(
        dir.path(),
        "phases.ron",
        "applies_when: [Outdoor],",
        "applies_when: [Outdoors],",
    );
    let errs = errors(dir.path());
    assert_eq!(errs.len(), 1, "{}", joined(&errs));
    let e = &errs[0];
    assert!(e.file.ends_with("phases.ron"), "{e}");
    assert_eq!(
        e.line,
        line_of(dir.path(), "phases.ron", "[Outdoors]"),
        "{e}"
    );
    assert!(e.col > 1, "{e}");
    assert!(e.to_string().contains("Outdoors"), "{e}");
}

#[test]
fn an_unknown_country_is_rejected_too() {
    let dir = copy();
    edit(
        dir.path(),
        "phases.ron",
        "applies_when: [Jurisdiction(Cy)],",
        "applies_when: [Jurisdiction(De)],",
    );
    let e = &errors(dir.path())[0];
    assert!(e.file.ends_with("phases.ron"), "{e}");
    assert_eq!(
        e.line,
        line_of(dir.path(), "phases.ron", "Jurisdiction(De)")
    );
}

#[test]
fn a_legal_requirement_needs_its_legal_basis_in_both_languages() {
    let dir = copy();
    // The first item is good practice; made a legal requirement, it lacks a basis.
    edit(
        dir.path(),
        "phases.ron",
        "level: GoodPractice,",
        "level: LegalRequirement,",
    );
    let errs = errors(dir.path());
    let e = errs
        .iter()
        .find(|e| e.message(Lang::En).contains("legal_basis"))
        .unwrap_or_else(|| panic!("{}", joined(&errs)));
    assert!(e.message(Lang::En).contains("young-people-heard"), "{e}");
    assert!(e.file.ends_with("phases.ron"));
    assert_eq!(
        e.line,
        line_of(dir.path(), "phases.ron", "id: \"young-people-heard\"")
    );

    let dir = copy();
    let text = std::fs::read_to_string(dir.path().join("phases.ron")).expect("read");
    let start = text
        .find("                    en: \"Act of 13 May 2016 on counteracting")
        .expect("the basis of protection-standards-in-place");
    let end = start + text[start..].find('\n').expect("line end");
    let mut broken = text.clone();
    broken.replace_range(start..end, "                    en: \"\",");
    std::fs::write(dir.path().join("phases.ron"), broken).expect("write");
    let errs = errors(dir.path());
    assert!(
        errs.iter().any(|e| e
            .message(Lang::En)
            .contains("protection-standards-in-place")
            && e.message(Lang::En)
                .contains("legal_basis: English text (en) is missing")),
        "{}",
        joined(&errs)
    );
}

#[test]
fn a_tag_listed_twice_or_two_countries_at_once_are_reported() {
    let dir = copy();
    edit(
        dir.path(),
        "phases.ron",
        "applies_when: [Outdoor],",
        "applies_when: [Outdoor, Outdoor],",
    );
    let errs = errors(dir.path());
    let e = errs
        .iter()
        .find(|e| e.message(Lang::En).contains("listed twice"))
        .unwrap_or_else(|| panic!("{}", joined(&errs)));
    assert!(
        e.message(Lang::En).contains("research-walk-done")
            && e.message(Lang::En).contains("Outdoor")
    );
    assert_eq!(
        e.line,
        line_of(dir.path(), "phases.ron", "id: \"research-walk-done\"")
    );

    let dir = copy();
    edit(
        dir.path(),
        "phases.ron",
        "applies_when: [Jurisdiction(Cy)],",
        "applies_when: [Jurisdiction(Cy), Jurisdiction(Pl)],",
    );
    let errs = errors(dir.path());
    assert!(
        errs.iter().any(|e| e
            .message(Lang::En)
            .contains("cy-vetting-and-consent-checked")
            && e.message(Lang::En).contains("more than one Jurisdiction")),
        "{}",
        joined(&errs)
    );
}

#[test]
fn a_checklist_item_without_level_or_provenance_does_not_load() {
    for field in ["level: GoodPractice,", "provenance: GdyniaPractice,"] {
        let dir = copy();
        edit(dir.path(), "phases.ron", field, "");
        let text = joined(&errors(dir.path()));
        assert!(text.contains("phases.ron:"), "{text}");
    }
}

/// The shipped checklist has legal requirements, and an item only Cypriot plans see.
#[test]
fn the_checklist_has_legal_items_and_a_cypriot_one() {
    use modelownia::model::{Condition, Jurisdiction, Level};
    let m = model::load_from(None).expect("embedded model");
    let legal = m
        .phases
        .iter()
        .flat_map(|p| &p.items)
        .filter(|i| i.level == Level::LegalRequirement)
        .count();
    assert!(legal >= 6, "{legal}");
    let cypriot = m
        .phases
        .iter()
        .flat_map(|p| &p.items)
        .filter(|i| {
            i.applies_when
                .contains(&Condition::Jurisdiction(Jurisdiction::Cy))
        })
        .count();
    assert!(cypriot >= 1);
}

/// The first method's adaptations list, as it stands in the file: from `adaptations: [` to its `],`.
fn first_adaptations(text: &str) -> (usize, usize) {
    let start = text
        .find("        adaptations: [")
        .expect("an adaptations list");
    let end = start + text[start..].find("        ],").expect("its end") + "        ],".len();
    (start, end)
}

#[test]
fn a_method_without_adaptations_is_rejected_at_its_place() {
    let dir = copy();
    let path = dir.path().join("methods.ron");
    let text = std::fs::read_to_string(&path).expect("read");
    let (start, end) = first_adaptations(&text);
    let broken = format!("{}        adaptations: [],{}", &text[..start], &text[end..]);
    std::fs::write(&path, broken).expect("write");
    let errs = errors(dir.path());
    let e = errs
        .iter()
        .find(|e| {
            e.message(Lang::En)
                .contains("adaptations: the list is empty")
        })
        .unwrap_or_else(|| panic!("{}", joined(&errs)));
    assert!(e.file.ends_with("methods.ron"), "{e}");
    assert!(
        e.message(Lang::En).contains("method \"research-walk\""),
        "{e}"
    );
    assert!(
        e.message(Lang::En)
            .contains("Wheelchair, Neurodivergent, Hearing, Language, LowLiteracy"),
        "{e}"
    );
    let id_line = std::fs::read_to_string(&path)
        .expect("read")
        .lines()
        .position(|l| l.contains("id: \"research-walk\""))
        .expect("present")
        + 1;
    assert_eq!(e.line, id_line, "{e}");
}

#[test]
fn every_adaptation_kind_is_required_once_and_unknown_kinds_are_rejected() {
    // A missing kind.
    let dir = copy();
    let path = dir.path().join("methods.ron");
    let text = std::fs::read_to_string(&path).expect("read");
    let (start, end) = first_adaptations(&text);
    let list = &text[start..end];
    let hearing = list
        .lines()
        .find(|l| l.contains("(kind: Hearing,"))
        .expect("a hearing adaptation");
    let without = list.replacen(&format!("{hearing}\n"), "", 1);
    std::fs::write(
        &path,
        format!("{}{without}{}", &text[..start], &text[end..]),
    )
    .expect("write");
    let all = joined(&errors(dir.path()));
    assert!(
        all.contains("method \"research-walk\": adaptations: no entry for Hearing"),
        "{all}"
    );

    // The same kind twice.
    let dir = copy();
    edit(
        dir.path(),
        "methods.ron",
        "(kind: Hearing,",
        "(kind: Wheelchair,",
    );
    let all = joined(&errors(dir.path()));
    assert!(
        all.contains("Wheelchair is already adapted for above")
            && all.contains("no entry for Hearing"),
        "{all}"
    );

    // A kind outside the fixed set is a parse error that names the file and the line.
    let dir = copy();
    edit(
        dir.path(),
        "methods.ron",
        "(kind: Hearing,",
        "(kind: Eyesight,",
    );
    let errs = errors(dir.path());
    let e = errs
        .iter()
        .find(|e| e.to_string().contains("Eyesight"))
        .unwrap_or_else(|| panic!("{}", joined(&errs)));
    assert!(e.file.ends_with("methods.ron") && e.line > 1, "{e}");
}

#[test]
fn adaptations_plan_b_and_space_need_both_languages() {
    let dir = copy();
    let path = dir.path().join("methods.ron");
    let text = std::fs::read_to_string(&path).expect("read");
    // Blank the English half of the first wheelchair adaptation, of the first plan B, and of
    // the first space note.
    let mut broken = text.clone();
    for marker in [
        "(kind: Wheelchair, pl: \"",
        "plan_b: (pl: \"",
        "space_note: (pl: \"",
    ] {
        let at = broken.find(marker).expect("marker");
        let en = at + broken[at..].find(", en: \"").expect("its en") + ", en: \"".len();
        let end = en + broken[en..].find('"').expect("closing quote");
        broken.replace_range(en..end, "");
    }
    std::fs::write(&path, broken).expect("write");
    let all = joined(&errors(dir.path()));
    for field in ["adaptations[1] (Wheelchair)", "plan_b", "space_note"] {
        assert!(
            all.contains(&format!(
                "method \"research-walk\": {field}: English text (en) is missing or empty"
            )),
            "{field}: {all}"
        );
    }
}

#[test]
fn min_adults_follows_the_staffing_rule() {
    let dir = copy();
    edit(
        dir.path(),
        "methods.ron",
        "min_adults: 2,",
        "min_adults: 0,",
    );
    let all = joined(&errors(dir.path()));
    assert!(
        all.contains("method \"research-walk\": min_adults is 0"),
        "{all}"
    );
    let dir = copy();
    edit(
        dir.path(),
        "methods.ron",
        "min_adults: 2,",
        "min_adults: 1,",
    );
    let all = joined(&errors(dir.path()));
    assert!(
        all.contains("min_adults is 1 but the method is for ages from 12")
            && all.contains("at least 2 adults"),
        "{all}"
    );
}

#[test]
fn a_method_without_space_or_provenance_is_rejected() {
    let dir = copy();
    edit(
        dir.path(),
        "methods.ron",
        "space: Outdoor,",
        "space: Rooftop,",
    );
    let all = joined(&errors(dir.path()));
    assert!(
        all.contains("methods.ron:") && all.contains("Rooftop"),
        "{all}"
    );
    let dir = copy();
    edit(dir.path(), "methods.ron", "provenance: GdyniaPractice,", "");
    let all = joined(&errors(dir.path()));
    assert!(
        all.contains("methods.ron:") && all.contains("provenance"),
        "{all}"
    );
}

#[test]
fn roles_say_vetting_support_team_and_provenance() {
    let m = model::load_from(None).expect("embedded model");
    use modelownia::model::Vetting;
    // Everyone who runs sessions with minors is vetted; the roles that only sometimes meet the
    // group say so; the support team is not empty.
    for id in [
        "youth-worker",
        "artist-animator",
        "psychologist",
        "volunteer",
    ] {
        assert_eq!(
            m.role(id).map(|r| r.vetting),
            Some(Vetting::Required),
            "{id}"
        );
    }
    assert!(
        m.roles
            .iter()
            .any(|r| r.vetting == Vetting::DependsOnContact)
    );
    assert!(m.roles.iter().filter(|r| r.support_team).count() >= 5);
    // The local support network the review lists is all there.
    for id in [
        "housing-manager",
        "local-leader",
        "welfare-social-worker",
        "school-pedagogue",
        "community-police-officer",
        "probation-officer",
        "librarian",
        "social-innovation-coordinator",
        "psychologist",
        "volunteer",
    ] {
        assert!(m.role(id).is_some(), "{id}");
    }

    let dir = copy();
    edit(
        dir.path(),
        "roles.ron",
        "vetting: Required,",
        "vetting: Sometimes,",
    );
    let all = joined(&errors(dir.path()));
    assert!(
        all.contains("roles.ron:") && all.contains("Sometimes"),
        "{all}"
    );
    let dir = copy();
    edit(dir.path(), "roles.ron", "support_team: false,", "");
    let all = joined(&errors(dir.path()));
    assert!(
        all.contains("roles.ron:") && all.contains("support_team"),
        "{all}"
    );
    let dir = copy();
    let path = dir.path().join("roles.ron");
    let text = std::fs::read_to_string(&path).expect("read");
    let at = text.find("vetting_note: (").expect("a vetting note");
    let pl = at + text[at..].find("pl: \"").expect("its pl") + "pl: \"".len();
    let end = pl + text[pl..].find('"').expect("closing quote");
    std::fs::write(&path, format!("{}{}", &text[..pl], &text[end..])).expect("write");
    let all = joined(&errors(dir.path()));
    assert!(
        all.contains("role \"youth-worker\": vetting_note: Polish text (pl) is missing or empty"),
        "{all}"
    );
}

#[test]
fn every_method_has_all_five_adaptations_each_its_own() {
    use modelownia::model::AdaptationKind;
    let m = model::load_from(None).expect("embedded model");
    let mut seen = std::collections::HashSet::new();
    for method in &m.methods {
        for kind in AdaptationKind::ALL {
            let a = method
                .adaptations
                .iter()
                .find(|a| a.kind == kind)
                .unwrap_or_else(|| panic!("{} has no {kind:?}", method.id));
            // Generic filler would repeat across methods; each sentence is written for one.
            assert!(
                seen.insert(a.pl.clone()),
                "{}: {kind:?} repeated",
                method.id
            );
            assert!(
                seen.insert(a.en.clone()),
                "{}: {kind:?} repeated",
                method.id
            );
        }
        assert!(seen.insert(method.plan_b.en.clone()), "{}", method.id);
    }
}

#[test]
fn methods_and_roles_claim_no_source_we_do_not_have() {
    use modelownia::model::Provenance;
    // We have the text of neither the Model nor the publication: nothing we wrote is marked as
    // coming from the publication, and only the support team itself (a fact of the Model) is
    // marked Model.
    let m = model::load_from(None).expect("embedded model");
    let claims: Vec<(&str, Provenance)> = m
        .methods
        .iter()
        .map(|x| (x.id.as_str(), x.provenance))
        .chain(m.roles.iter().map(|x| (x.id.as_str(), x.provenance)))
        .collect();
    for (id, p) in &claims {
        assert_ne!(*p, Provenance::Publication, "{id}");
    }
    let model_items: Vec<&str> = claims
        .iter()
        .filter(|(_, p)| *p == Provenance::Model)
        .map(|(id, _)| *id)
        .collect();
    assert_eq!(model_items, ["local-support-team-member"]);
}

#[test]
fn an_adult_format_may_leave_out_its_age_range() {
    let m = model::load_from(None).expect("embedded model");
    let table = m.method("partners-round-table").expect("the round table");
    assert_eq!(table.age_range, None);
    let facts = modelownia::describe::method_facts(table, modelownia::lang::Lang::En);
    assert!(!facts.contains("ages"), "{facts}");
    // Every youth format still states its ages.
    assert!(
        m.methods
            .iter()
            .filter(|x| x.id != "partners-round-table")
            .all(|x| x.age_range.is_some())
    );
    // A present range is still checked.
    let dir = copy();
    edit(
        dir.path(),
        "methods.ron",
        "age_range: (min: 12, max: 19)",
        "age_range: (min: 19, max: 12)",
    );
    let all = joined(&errors(dir.path()));
    assert!(all.contains("age_range: min must be at least 1"), "{all}");
}
