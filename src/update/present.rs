//! Moving through the slides of a presentation.

use crossterm::event::{KeyCode, KeyEvent};

use crate::keymap::Action;
use crate::state::App;

use super::Effect;

/// A key bound in the presentation. Leaving ends the program when the show was all it was
/// started for, as `present` on the command line is.
pub(super) fn action(app: &mut App, action: Action) -> Vec<Effect> {
    let (model, lang) = (&app.model, app.lang);
    let Some(p) = app.present.as_mut() else {
        return Vec::new();
    };
    let slides = crate::present::slides(&p.deck, model, lang);
    let last = slides.len().saturating_sub(1);
    let go = |p: &mut crate::state::Presenting, to: usize| {
        if to != p.index {
            p.index = to;
            p.revealed = 0;
        }
        p.jump.clear();
    };
    match action {
        Action::NextSlide => go(p, (p.index + 1).min(last)),
        Action::PrevSlide => go(p, p.index.saturating_sub(1)),
        Action::FirstSlide => go(p, 0),
        Action::LastSlide => go(p, last),
        Action::Reveal if !p.jump.is_empty() => {
            let to = p.jump.parse::<usize>().unwrap_or(1).clamp(1, last + 1) - 1;
            go(p, to);
        }
        Action::Reveal => {
            let questions = slides.get(p.index).map_or(0, |s| s.questions.len());
            p.revealed = (p.revealed + 1).min(questions);
        }
        Action::Back if p.from_home => app.present = None,
        Action::Back => return vec![Effect::Quit],
        _ => {}
    }
    Vec::new()
}

/// Digits typed in the presentation build the number of a slide to jump to.
pub(super) fn typed(app: &mut App, key: KeyEvent) {
    if let (Some(p), KeyCode::Char(c)) = (app.present.as_mut(), key.code)
        && c.is_ascii_digit()
        && p.jump.len() < 4
    {
        p.jump.push(c);
    }
}
