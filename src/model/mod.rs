//! The community-work model (values, directions, phases, methods, roles, scenarios):
//! its types, the embedded copy, loading from a folder and checking. No UI here.

mod check;
mod load;
mod types;

pub use load::{FILES, MAX_FILE_BYTES, Source, Sources, load, load_from, read_text};
pub use types::*;
