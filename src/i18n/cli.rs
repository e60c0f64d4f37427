//! What the command-line subcommands say on standard error when the input names nothing they
//! can use, in both languages. Fixed output lines that scripts read (`created "T" as ID`,
//! `FILE: OK`, `DAMAGED`) are not here: they stay the same in every language.

use std::path::Path;

use super::errors::pick;
use super::polish_plural;
use crate::lang::Lang;
use crate::text::visible_line;

/// One thing a subcommand can say about its input.
#[derive(Debug, Clone, Copy)]
pub enum Said<'a> {
    /// PLAN is neither a file nor, with no data folder, anything else.
    NoSuchPlanFile { arg: &'a str },
    /// Nothing in the data folder has this id, file name or title start; the list follows.
    NoSuchPlan { arg: &'a str, dir: &'a Path },
    /// Several titles start like this; the list follows.
    ManyPlans { arg: &'a str, n: usize },
    /// `new --title ""`.
    EmptyTitle,
    /// `new --from-scenario` with an unknown id; the list follows.
    NoSuchScenario { id: &'a str },
    /// `export -o FILE` wrote its file.
    Wrote { path: &'a Path },
    /// `run FILE` for a file outside the data folder.
    RunOutside { plan: &'a str, dir: &'a Path },
    /// `run PLAN --session N` for a session that is not there; the list follows.
    NoSession { plan: &'a str, n: usize },
    /// `run PLAN` for a plan with no agenda; the list follows.
    NoAgenda { plan: &'a str },
    /// One session in those lists.
    SessionRow {
        number: usize,
        label: &'a str,
        parts: usize,
    },
    /// `present plan` with no plan named.
    PresentNeedsPlan,
    /// Neither `--data-dir`, the environment nor the platform gives a data folder.
    NoDataFolder,
    /// The model (built-in or `--model`) did not check.
    InvalidModel,
}

/// The sentence for `said`, with any control characters in user text made visible.
pub fn text(lang: Lang, said: Said<'_>) -> String {
    let shown = |p: &Path| super::errors::shown(p);
    let v = |s: &str| visible_line(s).into_owned();
    match said {
        Said::NoSuchPlanFile { arg } => pick(
            lang,
            format!("{}: nie ma takiego pliku planu", v(arg)),
            format!("{}: no such plan file", v(arg)),
        ),
        Said::NoSuchPlan { arg, dir } => pick(
            lang,
            format!(
                "{}: nie ma takiego planu (żaden plan nie ma takiego identyfikatora, nazwy pliku ani początku tytułu). Plany w {}:",
                v(arg),
                shown(dir)
            ),
            format!(
                "{}: no such plan (no plan has this id, file name or title start). Plans in {}:",
                v(arg),
                shown(dir)
            ),
        ),
        Said::ManyPlans { arg, n } => pick(
            lang,
            format!(
                "{}: {n} {} tytuł zaczynający się tak; wskaż jeden po identyfikatorze:",
                v(arg),
                polish_plural(n as u64, "plan ma", "plany mają", "planów ma")
            ),
            format!(
                "{}: {n} plans have titles starting like this; name one by its id:",
                v(arg)
            ),
        ),
        Said::EmptyTitle => pick(
            lang,
            "--title jest puste; nadaj planowi tytuł, po którym da się go znaleźć".into(),
            "--title is empty; give the plan a title it can be found by".into(),
        ),
        Said::NoSuchScenario { id } => pick(
            lang,
            format!("{}: nie ma takiego przykładu; model ma:", v(id)),
            format!("{}: no such example scenario; the model has:", v(id)),
        ),
        Said::Wrote { path } => pick(
            lang,
            format!("zapisano {}", shown(path)),
            format!("wrote {}", shown(path)),
        ),
        Said::RunOutside { plan, dir } => pick(
            lang,
            format!(
                "{}: `run` działa na planach z folderu danych ({}); skopiuj tam plik albo wskaż w --data-dir folder, w którym leży jego katalog plans/",
                v(plan),
                shown(dir)
            ),
            format!(
                "{}: `run` works on plans in the data folder ({}); copy the file there or point --data-dir at the folder that holds its plans/",
                v(plan),
                shown(dir)
            ),
        ),
        Said::NoSession { plan, n } => pick(
            lang,
            format!(
                "{}: spotkania {n} nie ma albo nie ma ono części; plan ma:",
                v(plan)
            ),
            format!(
                "{}: session {n} does not exist or has no parts; the plan has:",
                v(plan)
            ),
        ),
        Said::NoAgenda { plan } => pick(
            lang,
            format!(
                "{}: plan nie ma jeszcze części w przebiegu; najpierw dodaj je w kroku Przebieg",
                v(plan)
            ),
            format!(
                "{}: the plan has no agenda parts yet; add them in the Agenda step first",
                v(plan)
            ),
        ),
        Said::SessionRow {
            number,
            label,
            parts,
        } => pick(
            lang,
            format!(
                "  {number}\t{label}\t{parts} {}",
                polish_plural(parts as u64, "część", "części", "części")
            ),
            format!(
                "  {number}\t{label}\t{parts} {}",
                if parts == 1 { "part" } else { "parts" }
            ),
        ),
        Said::PresentNeedsPlan => pick(
            lang,
            "`present plan` potrzebuje planu: jego identyfikatora, pliku albo początku tytułu"
                .into(),
            "`present plan` needs a plan: its id, file or title start".into(),
        ),
        Said::NoDataFolder => pick(
            lang,
            "nie można ustalić folderu danych: podaj --data-dir FOLDER albo ustaw MODELOWNIA_DATA_DIR".into(),
            "cannot find a data folder: set --data-dir DIR or MODELOWNIA_DATA_DIR".into(),
        ),
        Said::InvalidModel => pick(
            lang,
            "model jest niepoprawny; szczegóły pokaże `modelownia check-model`".into(),
            "the model is not valid; run `modelownia check-model` for details".into(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polish_counts_take_the_right_form() {
        let many = |n| text(Lang::Pl, Said::ManyPlans { arg: "Spa", n });
        assert!(many(2).contains("2 plany mają tytuł"), "{}", many(2));
        assert!(many(5).contains("5 planów ma tytuł"), "{}", many(5));
        let row = |parts| {
            text(
                Lang::Pl,
                Said::SessionRow {
                    number: 1,
                    label: "Wtorek",
                    parts,
                },
            )
        };
        assert_eq!(row(1), "  1\tWtorek\t1 część");
        assert_eq!(row(3), "  1\tWtorek\t3 części");
        assert_eq!(
            text(
                Lang::En,
                Said::SessionRow {
                    number: 2,
                    label: "Tue",
                    parts: 1
                }
            ),
            "  2\tTue\t1 part"
        );
    }

    #[test]
    fn control_characters_in_what_the_user_typed_are_made_visible() {
        let said = text(Lang::En, Said::NoSuchPlanFile { arg: "\x1b[2Jx" });
        assert!(!said.contains('\x1b'), "{said:?}");
    }
}
