//! Reusable pieces the screens draw with; a widget knows no screen.

pub mod editor;
pub mod wrap;
