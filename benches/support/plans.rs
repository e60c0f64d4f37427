//! A data folder of many plans, each a copy of `saves/v3/full.ron` under its own id, title and
//! time: for the benches and the whole-process measurements in the README. Made on the fly
//! (into a temporary folder) so the repository never holds tens of MiB of plans.

use std::path::Path;

/// The plan every copy is made from.
pub const FULL: &str = include_str!("../../saves/v3/full.ron");

/// Writes `n` plans into `<root>/plans/` (created if needed) and returns their total size.
pub fn make(root: &Path, n: usize) -> std::io::Result<u64> {
    let plans = root.join("plans");
    std::fs::create_dir_all(&plans)?;
    let mut total = 0;
    for i in 0..n {
        let id = format!("p{i:07}");
        let text = FULL
            .replacen("id: \"full\"", &format!("id: \"{id}\""), 1)
            .replacen(
                "updated: \"2026-11-20T19:42:07Z\"",
                &format!(
                    "updated: \"2026-{:02}-{:02}T{:02}:{:02}:07Z\"",
                    1 + i % 12,
                    1 + i % 28,
                    i % 24,
                    i % 60
                ),
                1,
            )
            .replacen("title: \"", &format!("title: \"{i} "), 1);
        std::fs::write(plans.join(format!("{id}.ron")), &text)?;
        total += text.len() as u64;
    }
    Ok(total)
}
