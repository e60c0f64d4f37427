//! Helpers several test modules share.

use std::path::Path;

/// The names in `dir`, sorted.
pub fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Presses `code` in the runtime, as the terminal would deliver it.
pub fn key(rt: &mut modelownia::app::Runtime<'_>, code: crossterm::event::KeyCode) {
    let ev = crossterm::event::KeyEvent::new(code, crossterm::event::KeyModifiers::NONE);
    let msg = modelownia::update::key_msg(&rt.app, ev);
    rt.handle(msg);
}

/// Types `text` one key at a time.
pub fn typ(rt: &mut modelownia::app::Runtime<'_>, text: &str) {
    for c in text.chars() {
        key(rt, crossterm::event::KeyCode::Char(c));
    }
}
