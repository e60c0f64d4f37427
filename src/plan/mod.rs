//! The user's plan: its stored form, the workbook steps, gaps and progress. No UI, no IO.

mod agenda;
pub mod diff;
mod facts;
mod gaps;
mod lifecycle;
mod seed;
mod steps;
mod types;

pub use agenda::{
    MAX_PART_MINUTES, clock_at, hours, method_parts, next_number, next_part_id, offsets,
    parse_start, part_id, plan_minutes, session_minutes,
};
pub use facts::{FACTS, Fact, applies, derived, effective, holds};
pub use gaps::{
    Gap, Progress, applying, gaps, hidden_count, known, phase_progress, progress, settled, state,
};
pub use lifecycle::{
    duplicate, fill_from_methods, imported, is_blank, longest_field, new, renamed,
};
pub use seed::from_scenario;
pub use steps::{FieldId, PickKind, STEPS, Step};
pub use types::*;

/// The order of the plan list, shared by the home screen and `modelownia list`, for rows of
/// (damaged, sort key, id): damaged files first so they are noticed, then newest first (the
/// key is when the plan last changed, or a damaged file's time), ties by id.
pub fn list_order(a: (bool, &str, &str), b: (bool, &str, &str)) -> std::cmp::Ordering {
    let ((da, ka, ia), (db, kb, ib)) = (a, b);
    db.cmp(&da)
        .then_with(|| kb.cmp(ka))
        .then_with(|| ia.cmp(ib))
}
