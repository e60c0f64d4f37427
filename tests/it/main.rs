//! Every test that needs no terminal, in one binary (one link instead of fourteen): the CLI,
//! storage, the model checker, update flows, the runtime on a TestBackend, event storms,
//! rendered-screen snapshots, the README's promises and the architecture's import rules.

mod agenda_run;
mod architecture;
mod checklist_facts;
mod cli;
mod event_storm;
mod export;
mod glossary;
mod home_index;
mod model_check;
mod readme;
mod runtime_saves;
mod storage_cli;
mod storage_decode;
mod storage_faults;
mod storage_golden;
mod storage_props;
mod storage_store;
mod support;
mod sync_conflicts;
mod ui_snapshots;
mod update_flow;
mod workbook_pass;
mod workshop;
