//! The interactive workbook (placeholder until the UI lands).

use crate::lang::Lang;
use crate::model::Model;
use crate::storage::Store;

/// Runs the workbook; returns the exit code.
pub fn run(_store: &Store, _model: Model, _lang: Lang) -> u8 {
    0
}
