//! The README's promises that code can check: the two set-up commands come first, and every
//! key in the keymap table is documented.

use modelownia::keymap::{KEYMAP, key_name};
use modelownia::lang::Lang;

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README.md")
}

#[test]
fn readme_starts_with_the_two_commands() {
    let text = readme();
    let first_block: Vec<&str> = text
        .split("```")
        .nth(1)
        .expect("a code block")
        .lines()
        .collect();
    assert!(
        first_block[1].starts_with("cargo run --release"),
        "{first_block:?}"
    );
    assert!(first_block[2].starts_with("cargo test"), "{first_block:?}");
    let ci =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/.ci/run")).expect(".ci/run");
    assert!(
        ci.lines().any(|l| l.trim() == "cargo test"),
        "CI runs the README's test command"
    );
}

#[test]
fn every_key_in_the_keymap_is_in_the_readme() {
    let text = readme();
    for b in KEYMAP {
        let key = key_name(b.keys[0], Lang::En);
        assert!(
            text.contains(&format!("`{key}`")),
            "README does not mention the key `{key}` ({:?})",
            b.action
        );
    }
}
