//! The user's plan: its stored form, the workbook steps, gaps and progress. No UI, no IO.

mod gaps;
mod lifecycle;
mod seed;
mod steps;
mod types;

pub use gaps::{Gap, Progress, gaps, known, phase_progress, progress, state};
pub use lifecycle::{duplicate, new, renamed};
pub use seed::from_scenario;
pub use steps::{FieldId, PickKind, STEPS, Step};
pub use types::*;
