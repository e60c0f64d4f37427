//! The two languages of the interface and of the model.

use serde::{Deserialize, Serialize};

/// A language modelownia speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    /// Polish.
    Pl,
    /// English, the fallback for any other locale.
    #[default]
    En,
}

impl Lang {
    /// Picks the language from a locale string such as `pl_PL.UTF-8`.
    pub fn from_locale(locale: &str) -> Self {
        if locale.to_ascii_lowercase().starts_with("pl") {
            Lang::Pl
        } else {
            Lang::En
        }
    }

    /// Picks the language from `LC_ALL`, then `LC_MESSAGES`, then `LANG`, as POSIX orders them.
    pub fn from_env() -> Self {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty())
            .map_or(Lang::En, |v| Lang::from_locale(&v))
    }

    /// The other language, for the run-time switch.
    pub fn toggled(self) -> Self {
        match self {
            Lang::Pl => Lang::En,
            Lang::En => Lang::Pl,
        }
    }

    /// The short code shown in the interface.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Pl => "PL",
            Lang::En => "EN",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_picks_polish_only_for_pl() {
        assert_eq!(Lang::from_locale("pl_PL.UTF-8"), Lang::Pl);
        assert_eq!(Lang::from_locale("PL"), Lang::Pl);
        assert_eq!(Lang::from_locale("en_GB.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("C"), Lang::En);
        assert_eq!(Lang::from_locale(""), Lang::En);
    }

    #[test]
    fn toggling_twice_returns() {
        assert_eq!(Lang::Pl.toggled(), Lang::En);
        assert_eq!(Lang::Pl.toggled().toggled(), Lang::Pl);
    }
}
