//! What can go wrong with the files, as values. The words come from `i18n` when the error is
//! shown, so the Polish interface says it in Polish and `L` re-translates it on screen.

use std::io;
use std::path::PathBuf;

use super::atomic::SaveStep;
use crate::ron_error::{Located, Problem};

/// Why the operating system refused, in terms a user can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IoReason {
    /// No space left on the disk.
    DiskFull,
    /// The user's disk quota is used up.
    QuotaExceeded,
    /// Not allowed to read or write there.
    PermissionDenied,
    /// The disk is mounted read-only.
    ReadOnlyDisk,
    /// The file or folder is not there.
    Missing,
    /// A symbolic link or other non-file is where a file of ours should be.
    NotOurs,
    /// Anything else, as the system words it (English; rare).
    Other(String),
}

impl From<&io::Error> for IoReason {
    fn from(e: &io::Error) -> Self {
        use io::ErrorKind::*;
        match e.kind() {
            StorageFull => IoReason::DiskFull,
            QuotaExceeded => IoReason::QuotaExceeded,
            PermissionDenied => IoReason::PermissionDenied,
            ReadOnlyFilesystem => IoReason::ReadOnlyDisk,
            NotFound => IoReason::Missing,
            _ if e.raw_os_error() == Some(ELOOP) => IoReason::NotOurs,
            // tempfile wraps the system's error with the temp file's name, which means
            // nothing to the user: say only what kind of failure it was.
            kind if e.get_ref().is_some() && kind != Other => IoReason::Other(kind.to_string()),
            _ => IoReason::Other(e.to_string()),
        }
    }
}

impl From<io::Error> for IoReason {
    fn from(e: io::Error) -> Self {
        IoReason::from(&e)
    }
}

/// `ELOOP`: what `O_NOFOLLOW` answers when the last path component is a symbolic link.
#[cfg(target_os = "linux")]
const ELOOP: i32 = 40;
#[cfg(all(unix, not(target_os = "linux")))]
const ELOOP: i32 = 62;
#[cfg(not(unix))]
const ELOOP: i32 = -1;

/// Why a file operation of the store did not happen. Every variant says what state the files
/// are in, so the message can tell the user whether anything changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// A folder of the data folder cannot be created.
    CreateDir {
        /// The folder.
        path: PathBuf,
        /// Why.
        reason: IoReason,
    },
    /// The plan was made by a newer modelownia; it is read-only here.
    NewerPlan {
        /// Its schema version.
        version: u32,
    },
    /// The id cannot be a file name.
    BadId {
        /// The id.
        id: String,
    },
    /// The serializer refused the plan (a bug).
    Encode {
        /// The serializer's words.
        detail: String,
    },
    /// The file would be over the read limit, so it was not written.
    TooLarge {
        /// The limit in MiB.
        limit_mib: u64,
    },
    /// The text would not decode back into the same plan (a bug); nothing was written.
    NotSameOnReadBack,
    /// The text would not decode at all (a bug); nothing was written.
    NotReadBack {
        /// What is wrong and where.
        detail: Box<Located>,
    },
    /// The file on disk cannot be looked at or read; nothing was written.
    CannotRead {
        /// The file.
        path: PathBuf,
        /// Why.
        detail: Problem,
    },
    /// The file on disk does not decode, so it was not overwritten.
    DamagedOnDisk {
        /// What is wrong and where.
        detail: Box<Located>,
    },
    /// The file on disk is from a newer modelownia, so it was not overwritten.
    NewerOnDisk {
        /// The file.
        path: PathBuf,
        /// Its version.
        version: u32,
    },
    /// The file changed on disk since it was read (edited elsewhere), so it was not overwritten.
    ChangedOnDisk {
        /// The file.
        path: PathBuf,
    },
    /// A step of the safe write failed.
    Write {
        /// The file being written.
        path: PathBuf,
        /// The step that failed.
        step: SaveStep,
        /// Why.
        reason: IoReason,
    },
    /// The folder to write into does not exist or cannot be looked at; nothing was written.
    NoFolder {
        /// The folder.
        path: PathBuf,
        /// Why.
        reason: IoReason,
    },
    /// A new file (an export) could not be written; nothing is left where it would have been.
    NotWritten {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: IoReason,
    },
    /// Something already has the name of a new file to write (an export with `-o`).
    Exists {
        /// The path.
        path: PathBuf,
    },
    /// A file that is not ours (another program's, or a link) is where we would write.
    InTheWay {
        /// The path.
        path: PathBuf,
    },
    /// There is no plan with this id.
    NoSuchPlan {
        /// The file looked for.
        path: PathBuf,
    },
    /// The plan could not be moved to the trash; it is where it was.
    Trash {
        /// The plan file.
        path: PathBuf,
        /// Why.
        reason: IoReason,
    },
    /// The plan is in the trash, but its backup could not follow.
    TrashBackup {
        /// The backup file.
        path: PathBuf,
        /// Why.
        reason: IoReason,
    },
    /// The backup cannot be read; nothing was changed.
    BackupUnreadable {
        /// The backup file.
        path: PathBuf,
        /// Why.
        detail: Problem,
    },
    /// The backup does not decode either; nothing was changed.
    BackupDamaged {
        /// What is wrong and where.
        detail: Box<Located>,
    },
    /// The backup holds another plan; nothing was changed.
    BackupOtherPlan {
        /// The backup file.
        path: PathBuf,
        /// The id inside it.
        found: String,
    },
    /// The damaged file could not be kept aside before restoring; nothing was changed.
    KeepAside {
        /// The damaged file.
        path: PathBuf,
        /// Why.
        reason: IoReason,
    },
    /// No free name to keep the damaged file aside; nothing was changed.
    NoFreeName {
        /// The damaged file.
        path: PathBuf,
    },
    /// The plan's lock file cannot be made or locked.
    Lock {
        /// The lock file.
        path: PathBuf,
        /// Why.
        reason: IoReason,
    },
}

// `Display` (English) is implemented in `i18n::errors`, beside the other words, so storage
// needs no words of its own.
impl std::error::Error for StoreError {}
