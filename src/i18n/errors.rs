//! Storage errors and notices in words, per language. Each match is exhaustive, so a new
//! error cannot reach the screen without a sentence in both languages.

use std::path::Path;

use crate::lang::Lang;
use crate::ron_error::Problem;
use crate::storage::{IoReason, SaveStep, StoreError};

/// The text in `lang`.
pub fn pick(lang: Lang, pl: String, en: String) -> String {
    match lang {
        Lang::Pl => pl,
        Lang::En => en,
    }
}

/// A path for a message: control characters (a crafted file name) never reach the terminal.
pub fn shown(path: &Path) -> String {
    crate::text::visible_line(&path.display().to_string()).into_owned()
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&store_error(Lang::En, self))
    }
}

/// Why the system refused.
pub fn io_reason(lang: Lang, r: &IoReason) -> String {
    let (pl, en) = match r {
        IoReason::DiskFull => ("dysk jest pełny", "the disk is full"),
        IoReason::QuotaExceeded => (
            "wyczerpany limit miejsca na dysku",
            "the disk quota is used up",
        ),
        IoReason::PermissionDenied => ("brak uprawnień", "permission denied"),
        IoReason::ReadOnlyDisk => ("dysk jest tylko do odczytu", "the disk is read-only"),
        IoReason::Missing => ("brak pliku lub folderu", "the file or folder is missing"),
        IoReason::NotOurs => (
            "w tym miejscu jest dowiązanie lub cudzy plik",
            "a link or another program's file is in the way",
        ),
        IoReason::Other(text) => return text.clone(),
    };
    pick(lang, pl.into(), en.into())
}

fn step_what(lang: Lang, step: SaveStep, path: &Path) -> String {
    let file = shown(path);
    let dir = shown(path.parent().unwrap_or(Path::new(".")));
    match step {
        SaveStep::CreateTemp => pick(
            lang,
            format!("nie można utworzyć pliku w {dir}"),
            format!("cannot create a file in {dir}"),
        ),
        SaveStep::Write => pick(
            lang,
            format!("nie można zapisać nowej kopii {file}"),
            format!("cannot write a new copy of {file}"),
        ),
        SaveStep::Permissions => pick(
            lang,
            format!("nie można ograniczyć dostępu do nowej kopii {file}"),
            format!("cannot make the new copy of {file} private"),
        ),
        SaveStep::SyncFile => pick(
            lang,
            format!("nie można utrwalić nowej kopii {file} na dysku"),
            format!("cannot flush the new copy of {file} to disk"),
        ),
        SaveStep::Backup => pick(
            lang,
            format!("nie można zachować poprzedniej wersji {file} jako kopii zapasowej"),
            format!("cannot keep the previous version of {file} as a backup"),
        ),
        SaveStep::Rename => pick(
            lang,
            format!("nie można podmienić {file}"),
            format!("cannot replace {file}"),
        ),
        SaveStep::SyncDir => pick(
            lang,
            format!("nie można utrwalić folderu {dir} na dysku"),
            format!("cannot flush the folder {dir} to disk"),
        ),
    }
}

/// A storage error as one sentence: what failed, why, and the state of the files.
pub fn store_error(lang: Lang, e: &StoreError) -> String {
    use StoreError as E;
    let r = |reason: &IoReason| io_reason(lang, reason);
    match e {
        E::CreateDir { path, reason } => pick(
            lang,
            format!("{}: nie można utworzyć folderu: {}", shown(path), r(reason)),
            format!("{}: cannot create the folder: {}", shown(path), r(reason)),
        ),
        E::NewerPlan { version } => pick(
            lang,
            format!(
                "ten plan zapisała nowsza wersja modelowni (wersja pliku {version}), więc tutaj jest tylko do odczytu"
            ),
            format!(
                "this plan was made by a newer modelownia (version {version}) and is read-only here"
            ),
        ),
        E::BadId { id } => pick(
            lang,
            format!("identyfikator planu {id:?} nie może być nazwą pliku (litery, cyfry, `-` lub `_`)"),
            format!("plan id {id:?} cannot be a file name (letters, digits, `-` or `_`)"),
        ),
        E::Encode { detail } => pick(
            lang,
            format!("nie można zapisać planu jako tekstu ({detail}); zgłoś to, proszę"),
            format!("cannot put the plan into words ({detail}); please report this"),
        ),
        E::TooLarge { limit_mib } => pick(
            lang,
            format!(
                "plan przekracza limit {limit_mib} MiB, więc nie został zapisany; skróć bardzo długi tekst (może coś wklejono przez pomyłkę?)"
            ),
            format!(
                "the plan is larger than the {limit_mib} MiB limit, so it was not saved; shorten a very long text (a paste by mistake?)"
            ),
        ),
        E::NotSameOnReadBack => pick(
            lang,
            "po zapisaniu plan nie odczytałby się tak samo, więc nie został zapisany (zgłoś to, proszę)".into(),
            "the plan would not read back the same after saving, so it was not saved (please report this)".into(),
        ),
        E::NotReadBack { detail } => {
            let detail = detail.one_line(lang);
            pick(
                lang,
                format!("po zapisaniu plan nie dałby się odczytać ({detail}), więc nie został zapisany (zgłoś to, proszę)"),
                format!("the plan would not read back after saving ({detail}), so it was not saved (please report this)"),
            )
        }
        E::CannotRead { path, detail } => {
            // The sentence already says "cannot read": only the reason goes in the brackets.
            let detail = match detail {
                Problem::PermissionDenied => pick(lang, "brak uprawnień".into(), "permission denied".into()),
                Problem::CannotRead(why) => why.clone(),
                other => other.text(lang),
            };
            pick(
                lang,
                format!("{}: nie można odczytać pliku ({detail}); plik został bez zmian, planu nie zapisano", shown(path)),
                format!("{}: cannot read the file ({detail}); the file was left as it is and the plan was not saved", shown(path)),
            )
        }
        E::DamagedOnDisk { detail } => {
            let detail = detail.one_line(lang);
            pick(
                lang,
                format!("plik na dysku jest uszkodzony ({detail}), więc nie został nadpisany; przywróć go z kopii zapasowej albo najpierw przenieś do kosza"),
                format!("the file on disk is damaged ({detail}), so it was not overwritten; restore it from its backup or move it to the trash first"),
            )
        }
        E::NewerOnDisk { path, version } => pick(
            lang,
            format!("{}: plik na dysku zapisała nowsza wersja modelowni (wersja {version}), więc nie został nadpisany", shown(path)),
            format!("{}: the file on disk was written by a newer modelownia (version {version}), so it was not overwritten", shown(path)),
        ),
        E::ChangedOnDisk { path } => pick(
            lang,
            format!("{}: plik zmienił się na dysku od otwarcia (edycja gdzie indziej?), więc nie został nadpisany; otwórz plan ponownie, żeby zobaczyć tamtą wersję", shown(path)),
            format!("{}: the file changed on disk since it was opened (edited elsewhere?), so it was not overwritten; reopen the plan to see the other version", shown(path)),
        ),
        E::Write { path, step, reason } => {
            let state = if step.after_rename() {
                pick(
                    lang,
                    "nowa wersja jest zapisana, ale może nie przetrwać nagłego wyłączenia zasilania".into(),
                    "the new version is written but may not survive a power cut".into(),
                )
            } else {
                pick(
                    lang,
                    "plik na dysku jest bez zmian".into(),
                    "the file on disk is unchanged".into(),
                )
            };
            format!("{}: {}; {state}", step_what(lang, *step, path), r(reason))
        }
        E::NoFolder { path, reason } => pick(
            lang,
            format!("{}: nie ma takiego folderu albo nie można do niego zajrzeć ({}), więc nic nie zapisano", shown(path), io_reason(lang, reason)),
            format!("{}: there is no such folder or it cannot be looked into ({}), so nothing was written", shown(path), io_reason(lang, reason)),
        ),
        E::NotWritten { path, reason } => pick(
            lang,
            format!("nie można zapisać {}: {}; nic nie zapisano", shown(path), io_reason(lang, reason)),
            format!("cannot write {}: {}; nothing was written", shown(path), io_reason(lang, reason)),
        ),
        E::Exists { path } => pick(
            lang,
            format!("{}: już istnieje, więc nic nie zapisano (eksport nigdy nie zastępuje pliku: podaj nową nazwę albo najpierw usuń stary plik)", shown(path)),
            format!("{}: already exists, so nothing was written (an export never replaces a file: give a new name or remove the old file first)", shown(path)),
        ),
        E::InTheWay { path } => pick(
            lang,
            format!("{}: w tym miejscu jest plik, którego modelownia nie utworzyła (albo dowiązanie), więc nic nie zapisano", shown(path)),
            format!("{}: a file modelownia did not create (or a link) is in the way, so nothing was written", shown(path)),
        ),
        E::NoSuchPlan { path } => pick(
            lang,
            format!("{}: nie ma takiego planu", shown(path)),
            format!("{}: there is no such plan", shown(path)),
        ),
        E::Trash { path, reason } => pick(
            lang,
            format!("nie można przenieść {} do kosza: {}; plan został na miejscu", shown(path), r(reason)),
            format!("cannot move {} to the trash: {}; the plan stayed where it was", shown(path), r(reason)),
        ),
        E::TrashBackup { path, reason } => pick(
            lang,
            format!("plan jest w koszu, ale jego kopia zapasowa {} nie: {}", shown(path), r(reason)),
            format!("moved the plan to the trash, but not its backup {}: {}", shown(path), r(reason)),
        ),
        E::BackupUnreadable { path, detail } => {
            let detail = detail.text(lang);
            pick(
                lang,
                format!("{}: {detail}; nic nie zmieniono", shown(path)),
                format!("{}: {detail}; nothing was changed", shown(path)),
            )
        }
        E::BackupDamaged { detail } => {
            let detail = detail.one_line(lang);
            pick(
                lang,
                format!("kopia zapasowa też jest uszkodzona ({detail}); nic nie zmieniono"),
                format!("the backup is damaged too ({detail}); nothing was changed"),
            )
        }
        E::BackupOtherPlan { path, found } => pick(
            lang,
            format!("{}: kopia zapasowa zawiera inny plan (`{found}`); nic nie zmieniono", shown(path)),
            format!("{}: the backup holds another plan (`{found}`); nothing was changed", shown(path)),
        ),
        E::KeepAside { path, reason } => pick(
            lang,
            format!("nie można odłożyć {} na bok przed przywróceniem: {}; nic nie zmieniono", shown(path), r(reason)),
            format!("cannot keep {} aside before restoring: {}; nothing was changed", shown(path), r(reason)),
        ),
        E::NoFreeName { path } => pick(
            lang,
            format!("brak wolnej nazwy, żeby odłożyć {} na bok; nic nie zmieniono", shown(path)),
            format!("cannot find a free name to keep {} aside; nothing was changed", shown(path)),
        ),
        E::Lock { path, reason } => pick(
            lang,
            format!("{}: nie można zablokować planu: {}", shown(path), r(reason)),
            format!("{}: cannot lock the plan: {}", shown(path), r(reason)),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn a_failed_write_says_why_and_what_state_the_file_is_in_in_both_languages() {
        let e = StoreError::Write {
            path: PathBuf::from("/d/plans/p1.ron"),
            step: SaveStep::Rename,
            reason: IoReason::DiskFull,
        };
        assert_eq!(
            store_error(Lang::En, &e),
            "cannot replace /d/plans/p1.ron: the disk is full; the file on disk is unchanged"
        );
        assert_eq!(
            store_error(Lang::Pl, &e),
            "nie można podmienić /d/plans/p1.ron: dysk jest pełny; plik na dysku jest bez zmian"
        );
    }

    #[test]
    fn a_new_file_that_failed_says_nothing_was_written() {
        let e = StoreError::NotWritten {
            path: PathBuf::from("/d/plan.md"),
            reason: IoReason::DiskFull,
        };
        assert_eq!(
            store_error(Lang::En, &e),
            "cannot write /d/plan.md: the disk is full; nothing was written"
        );
        assert_eq!(
            store_error(Lang::Pl, &e),
            "nie można zapisać /d/plan.md: dysk jest pełny; nic nie zapisano"
        );
    }

    #[test]
    fn control_characters_in_paths_never_reach_the_terminal() {
        let e = StoreError::NoSuchPlan {
            path: PathBuf::from("/d/\x1b[31mred"),
        };
        assert!(!store_error(Lang::En, &e).contains('\x1b'));
    }
}
