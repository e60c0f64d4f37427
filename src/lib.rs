//! modelownia: an offline terminal workbook for planning youth and community activities
//! against the Gdynia–Nicosia model of cooperation with local communities.

pub mod app;
pub mod browse;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod describe;
pub mod export;
pub mod i18n;
pub mod keymap;
pub mod lang;
pub mod model;
pub mod plan;
pub mod present;
pub mod ron_error;
pub mod settings;
pub mod state;
pub mod storage;
pub mod text;
pub mod theme;
pub mod ui;
pub mod update;
