//! The theme: a runtime value the views read from the state, with presets for an ordinary
//! terminal, a projector in a bright room and a terminal without colour.
//!
//! Meaning never rests on colour alone: the focused pane also has a thick border, states carry
//! a symbol (`✓`, `!`, `[–]`), so the mono preset and `NO_COLOR` lose nothing.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::{Block, BorderType};

/// The presets, in the order a theme key would cycle them.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    strum::EnumIter,
    clap::ValueEnum,
    serde::Serialize,
    serde::Deserialize,
)]
pub enum ThemeName {
    /// Readable on dark and light terminals.
    #[default]
    Default,
    /// For projectors and low vision: bold, no dim grey, reverse video for the selection.
    HighContrast,
    /// No colour at all; emphasis by bold, underline and reverse video.
    Mono,
}

/// The styles the views use, by meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Which preset this is.
    pub name: ThemeName,
    /// Titles and the app name.
    pub title: Style,
    /// Secondary text: hints, prompts, empty values.
    pub dim: Style,
    /// The row or field that has the keyboard.
    pub selected: Style,
    /// Labels of fields.
    pub label: Style,
    /// Done, saved, complete.
    pub ok: Style,
    /// Still to do, pending.
    pub warn: Style,
    /// Damaged, failed, unknown.
    pub error: Style,
    /// Key names in hints.
    pub key: Style,
    /// Borders of the focused pane.
    pub focus_border: Style,
    /// Borders of panes without the focus.
    pub border: Style,
    /// The text cursor in an editor.
    pub cursor: Style,
}

impl Default for Theme {
    fn default() -> Self {
        Self::preset(ThemeName::Default)
    }
}

impl Theme {
    /// The next preset in the cycle, keeping colour off when it is off.
    pub fn cycled(self, no_color: bool) -> Self {
        use strum::IntoEnumIterator;
        let all: Vec<ThemeName> = ThemeName::iter().collect();
        let at = all.iter().position(|n| *n == self.name).unwrap_or(0);
        Self::chosen(Some(all[(at + 1) % all.len()]), no_color)
    }

    /// A preset.
    pub fn preset(name: ThemeName) -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        match name {
            ThemeName::Default => Self {
                name,
                title: bold,
                dim: Style::new().fg(Color::DarkGray),
                selected: Style::new().add_modifier(Modifier::REVERSED),
                label: bold,
                ok: Style::new().fg(Color::Green),
                warn: Style::new().fg(Color::Yellow),
                error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
                key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
                focus_border: Style::new().fg(Color::Cyan),
                border: Style::new().fg(Color::DarkGray),
                cursor: Style::new().add_modifier(Modifier::REVERSED),
            },
            ThemeName::HighContrast => Self {
                name,
                title: bold.add_modifier(Modifier::UNDERLINED),
                dim: Style::new(),
                selected: bold.add_modifier(Modifier::REVERSED),
                label: bold,
                ok: bold.fg(Color::LightGreen),
                warn: bold.fg(Color::LightYellow),
                error: bold.fg(Color::LightRed),
                key: bold.fg(Color::LightCyan),
                focus_border: bold.fg(Color::LightCyan),
                border: Style::new(),
                cursor: bold.add_modifier(Modifier::REVERSED),
            },
            ThemeName::Mono => Self {
                name,
                title: bold,
                dim: Style::new(),
                selected: Style::new().add_modifier(Modifier::REVERSED),
                label: bold,
                ok: Style::new(),
                warn: bold,
                error: bold.add_modifier(Modifier::UNDERLINED),
                key: bold,
                focus_border: bold,
                border: Style::new(),
                cursor: Style::new().add_modifier(Modifier::REVERSED),
            },
        }
    }

    /// The theme to start with: the one asked for, without any colour when `no_color`
    /// (the `NO_COLOR` convention: set and not empty).
    pub fn chosen(name: Option<ThemeName>, no_color: bool) -> Self {
        let theme = Self::preset(name.unwrap_or_default());
        if no_color {
            theme.without_colour()
        } else {
            theme
        }
    }

    /// Whether the environment asks for no colour (`NO_COLOR` set to a non-empty value).
    pub fn no_color_from_env() -> bool {
        std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
    }

    /// The same emphasis with every foreground and background colour removed.
    pub fn without_colour(self) -> Self {
        let strip = |s: Style| Style {
            fg: None,
            bg: None,
            underline_color: None,
            ..s
        };
        Self {
            name: self.name,
            title: strip(self.title),
            dim: strip(self.dim),
            selected: strip(self.selected),
            label: strip(self.label),
            ok: strip(self.ok),
            warn: strip(self.warn),
            error: strip(self.error),
            key: strip(self.key),
            focus_border: strip(self.focus_border),
            border: strip(self.border),
            cursor: strip(self.cursor),
        }
    }

    /// A bordered pane; the focused one has a thick border as well as its colour, so focus
    /// shows on a terminal without colour too.
    pub fn block(&self, focused: bool) -> Block<'static> {
        if focused {
            Block::bordered()
                .border_type(BorderType::Thick)
                .border_style(self.focus_border)
        } else {
            Block::bordered().border_style(self.border)
        }
    }

    /// A bordered pane with a title.
    pub fn titled(&self, title: String, focused: bool) -> Block<'static> {
        self.block(focused).title(Span::styled(title, self.title))
    }

    /// A list row's style.
    pub fn row(&self, selected: bool) -> Style {
        if selected {
            self.selected
        } else {
            Style::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    #[test]
    fn no_color_removes_every_colour_from_every_preset() {
        for name in ThemeName::iter() {
            let t = Theme::chosen(Some(name), true);
            for s in [
                t.title,
                t.dim,
                t.selected,
                t.label,
                t.ok,
                t.warn,
                t.error,
                t.key,
                t.focus_border,
                t.border,
                t.cursor,
            ] {
                assert_eq!((s.fg, s.bg), (None, None), "{name:?}");
            }
        }
    }

    #[test]
    fn high_contrast_has_no_dim_grey_and_reverses_the_selection() {
        let t = Theme::preset(ThemeName::HighContrast);
        assert_ne!(t.dim.fg, Some(Color::DarkGray));
        assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn the_selection_shows_without_colour() {
        for name in ThemeName::iter() {
            let t = Theme::chosen(Some(name), true);
            assert!(t.row(true).add_modifier.contains(Modifier::REVERSED));
        }
    }
}
