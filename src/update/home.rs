//! The home screen: the plan list and its dialogs.

use crate::keymap::Action;
use crate::state::{App, Dialog, EXPORT_CHOICES, Home, RowChange};

use super::Effect;

/// An action on the home screen: the open dialog gets it, else the list.
pub(super) fn action(app: &mut App, action: Action) -> Vec<Effect> {
    match app.home.dialog.clone() {
        Some(dialog) => dialog_action(app, dialog, action),
        None => list_action(app, action),
    }
}

fn dialog_action(app: &mut App, dialog: Dialog, action: Action) -> Vec<Effect> {
    let home = &mut app.home;
    match (dialog, action) {
        (Dialog::ConfirmDelete(id), Action::Confirm) => {
            home.dialog = None;
            vec![Effect::Trash(id)]
        }
        (Dialog::Scenario(i), Action::Up) => {
            home.dialog = Some(Dialog::Scenario(i.saturating_sub(1)));
            Vec::new()
        }
        (Dialog::Scenario(i), Action::Down) => {
            let last = app.model.scenarios.len().saturating_sub(1);
            home.dialog = Some(Dialog::Scenario((i + 1).min(last)));
            Vec::new()
        }
        (Dialog::Scenario(i), Action::Confirm) => {
            home.dialog = None;
            let scenario = app.model.scenarios.get(i);
            scenario
                .map(|s| Effect::CreateFrom(s.id.clone()))
                .into_iter()
                .collect()
        }
        (Dialog::Present(i), Action::Up) => {
            home.dialog = Some(Dialog::Present(i.saturating_sub(1)));
            Vec::new()
        }
        (Dialog::Present(i), Action::Down) => {
            let last = crate::state::present_choices(app).len().saturating_sub(1);
            app.home.dialog = Some(Dialog::Present((i + 1).min(last)));
            Vec::new()
        }
        (Dialog::Present(i), Action::Confirm) => {
            let choice = crate::state::present_choices(app).get(i).cloned();
            app.home.dialog = None;
            match choice {
                Some(crate::state::PresentChoice::Deck(deck)) => {
                    let mut p = crate::state::Presenting::new(deck);
                    p.from_home = true;
                    app.present = Some(p);
                    Vec::new()
                }
                Some(crate::state::PresentChoice::Plan(id)) => vec![Effect::PresentPlan(id)],
                None => Vec::new(),
            }
        }
        (Dialog::Trash(i), Action::Up) => {
            home.dialog = Some(Dialog::Trash(i.saturating_sub(1)));
            Vec::new()
        }
        (Dialog::Trash(i), Action::Down) => {
            let last = home.trash.len().saturating_sub(1);
            home.dialog = Some(Dialog::Trash((i + 1).min(last)));
            Vec::new()
        }
        (Dialog::Trash(i), Action::Confirm) => home
            .trash
            .get(i)
            .map(|t| Effect::Untrash(t.stem.clone()))
            .into_iter()
            .collect(),
        (Dialog::Trash(_), Action::EmptyTrash) => {
            if !home.trash.is_empty() {
                home.dialog = Some(Dialog::ConfirmEmptyTrash);
            }
            Vec::new()
        }
        (Dialog::ConfirmEmptyTrash, Action::Confirm) => {
            home.dialog = None;
            vec![Effect::EmptyTrash]
        }
        (Dialog::ConfirmEmptyTrash, Action::Cancel) => {
            home.dialog = Some(Dialog::Trash(0));
            Vec::new()
        }
        (Dialog::Export { id, choice }, Action::Up) => {
            home.dialog = Some(Dialog::Export {
                id,
                choice: choice.saturating_sub(1),
            });
            Vec::new()
        }
        (Dialog::Export { id, choice }, Action::Down) => {
            home.dialog = Some(Dialog::Export {
                id,
                choice: (choice + 1).min(EXPORT_CHOICES.len() - 1),
            });
            Vec::new()
        }
        (Dialog::Export { id, choice }, Action::Confirm) => {
            home.dialog = None;
            home.export_choice = choice;
            vec![Effect::Export(id, choice)]
        }
        (
            Dialog::ConfirmDelete(_)
            | Dialog::Scenario(_)
            | Dialog::Export { .. }
            | Dialog::Trash(_)
            | Dialog::Present(_),
            Action::Cancel,
        ) => {
            home.dialog = None;
            Vec::new()
        }
        (Dialog::Rename { id, text }, Action::Confirm) => {
            home.dialog = None;
            vec![Effect::Rename(id, text)]
        }
        (Dialog::Filter, Action::Done) => {
            // Esc while typing the filter drops it; Enter keeps it.
            home.dialog = None;
            clear_filter(home);
            Vec::new()
        }
        (Dialog::Filter, Action::Confirm) | (Dialog::Rename { .. }, Action::Done) => {
            home.dialog = None;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn list_action(app: &mut App, action: Action) -> Vec<Effect> {
    let visible = app.visible_rows().len();
    let selected = app.selected_row().cloned();
    let id = selected.as_ref().map(|r| r.id.clone());
    let healthy = selected.as_ref().filter(|r| r.damaged.is_none());
    if action == Action::Browse {
        app.browse = Some(crate::state::Browsing {
            from_home: true,
            ..Default::default()
        });
        return Vec::new();
    }
    let home = &mut app.home;
    let effect = match action {
        Action::Up => {
            home.selected = home.selected.saturating_sub(1);
            None
        }
        Action::Down => {
            home.selected = (home.selected + 1).min(visible.saturating_sub(1));
            None
        }
        Action::New => Some(Effect::Create),
        Action::FromScenario => {
            if !app.model.scenarios.is_empty() {
                home.dialog = Some(Dialog::Scenario(0));
            }
            None
        }
        Action::Open => id.map(Effect::Open),
        Action::Duplicate => id.map(Effect::Duplicate),
        Action::Export => {
            if let Some(row) = healthy {
                home.dialog = Some(Dialog::Export {
                    id: row.id.clone(),
                    choice: home.export_choice,
                });
            }
            None
        }
        Action::RunSession => healthy.map(|r| Effect::Run(r.id.clone())),
        Action::CompareVersions => selected
            .as_ref()
            .filter(|r| !r.others.is_empty())
            .map(|r| Effect::Compare(r.id.clone())),
        Action::Restore => match selected.as_ref() {
            Some(r) if r.damaged.is_some() && r.has_backup => Some(Effect::Restore(r.id.clone())),
            Some(r) if r.damaged.is_none() => {
                app.notice = Some(crate::state::Notice::Words(
                    crate::i18n::Msg::NothingToRestore,
                ));
                None
            }
            _ => None,
        },
        Action::UndoDelete => home
            .last_trashed
            .as_ref()
            .map(|(stem, _)| Effect::Untrash(stem.clone())),
        Action::OpenTrash => Some(Effect::OpenTrash),
        Action::ChoosePresentation => {
            home.dialog = Some(Dialog::Present(0));
            None
        }
        Action::Delete => {
            home.dialog = id.map(Dialog::ConfirmDelete);
            None
        }
        Action::Rename => {
            if let Some(row) = healthy {
                home.dialog = Some(Dialog::Rename {
                    id: row.id.clone(),
                    text: row.title.clone(),
                });
            }
            None
        }
        Action::Filter => {
            home.dialog = Some(Dialog::Filter);
            None
        }
        Action::Back => {
            clear_filter(home);
            None
        }
        _ => None,
    };
    effect.into_iter().collect()
}

fn clear_filter(home: &mut Home) {
    home.filter.clear();
    home.selected = 0;
}

/// Applies changes found on disk to the list, keeping its order and the selected plan.
pub(super) fn apply_rows(app: &mut App, changes: Vec<RowChange>) {
    if changes.is_empty() {
        return;
    }
    let selected = app.selected_row().map(|r| r.id.clone());
    let mut gone = std::collections::HashSet::new();
    let mut new = Vec::new();
    for change in changes {
        match change {
            RowChange::Upsert(row) => {
                gone.insert(row.id.clone());
                new.push(row);
            }
            RowChange::Remove(id) => {
                gone.insert(id);
            }
        }
    }
    // A later change to the same plan wins.
    new.reverse();
    let mut seen = std::collections::HashSet::new();
    new.retain(|r| seen.insert(r.id.clone()));
    let rows = &mut app.home.rows;
    rows.retain(|r| !gone.contains(&r.id));
    rows.extend(new);
    rows.sort_by(|a, b| {
        crate::plan::list_order(
            (a.damaged.is_some(), a.sort_key(), &a.id),
            (b.damaged.is_some(), b.sort_key(), &b.id),
        )
    });
    let visible = app.visible_rows();
    let at = selected.and_then(|id| visible.iter().position(|r| r.id == id));
    let len = visible.len();
    app.home.selected = at.unwrap_or(app.home.selected).min(len.saturating_sub(1));
}
