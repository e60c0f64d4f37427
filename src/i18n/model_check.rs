//! What `check-model` says about a model folder as a whole, in Polish and English.
//!
//! The findings themselves are worded by the checker (`model::check`) in both languages at
//! once, as `Problem::Worded`, next to the data they quote; this module has the summary line.
//! The success line (`model OK: N values, …`) is not here: scripts read it, so it stays the
//! same in every language.

use super::polish_plural;
use crate::lang::Lang;

/// The last line of a failed `check-model`: "model ma 2 problemy" / "model has 2 problem(s)".
pub fn model_problems(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Pl => format!(
            "model ma {n} {}",
            polish_plural(n as u64, "problem", "problemy", "problemów")
        ),
        // Kept as it was: the English line is quoted by people who write the model.
        Lang::En => format!("model has {n} problem(s)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polish_summary_has_the_right_plural() {
        assert_eq!(model_problems(Lang::Pl, 1), "model ma 1 problem");
        assert_eq!(model_problems(Lang::Pl, 2), "model ma 2 problemy");
        assert_eq!(model_problems(Lang::Pl, 5), "model ma 5 problemów");
        assert_eq!(model_problems(Lang::Pl, 12), "model ma 12 problemów");
        assert_eq!(model_problems(Lang::Pl, 22), "model ma 22 problemy");
        assert_eq!(model_problems(Lang::En, 3), "model has 3 problem(s)");
    }
}
