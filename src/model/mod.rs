//! The community-work model (values, directions, phases, methods, roles, scenarios):
//! its types, the embedded copy, loading from a folder and checking. No UI here.

mod check;
mod glossary;
mod load;
mod source;
mod types;

pub use glossary::{contains_phrase, misused_terms, untranslated_terms};
pub use load::{load, load_for_use, load_from};
pub use source::{FILES, MAX_FILE_BYTES, ModelFile, Source, Sources, read_text};
pub use types::*;
