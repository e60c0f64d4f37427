//! Styles in one place, so a high-contrast or projector theme is one more constant.

use ratatui::style::{Color, Modifier, Style};

/// The styles the views use.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
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
}

/// The default theme: readable on dark and light terminals, no colour carries meaning alone.
pub const DEFAULT: Theme = Theme {
    title: Style::new().add_modifier(Modifier::BOLD),
    dim: Style::new().fg(Color::DarkGray),
    selected: Style::new().add_modifier(Modifier::REVERSED),
    label: Style::new().add_modifier(Modifier::BOLD),
    ok: Style::new().fg(Color::Green),
    warn: Style::new().fg(Color::Yellow),
    error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
    key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    focus_border: Style::new().fg(Color::Cyan),
};
