//! The screens: home with its dialogs, the workbook with its guide and review, help.

pub mod browse;
pub mod compare;
pub mod guide;
pub mod help;
pub mod home;
pub mod present;
pub mod review;
pub mod run;
pub mod workbook;
