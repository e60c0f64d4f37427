//! Durable atomic replacement of a file, behind a small trait so tests can fail any step.
//!
//! The recipe (see RELIABILITY.md §1): serialize first; temp file in the same folder; write,
//! flush, fsync; keep the previous version as `.bak`; rename over the target; fsync the folder.
//! Whatever step fails, the target is untouched (or, after the rename, already the new
//! version) and the temp file is removed, because [`NamedTempFile`] deletes itself when dropped.

use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use tempfile::NamedTempFile;

/// One step of an atomic save, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SaveStep {
    /// Create the temporary file next to the target.
    CreateTemp,
    /// Write the bytes into it and flush.
    Write,
    /// Make it readable by the owner only.
    Permissions,
    /// fsync it.
    SyncFile,
    /// Keep the current file as `<name>.bak`.
    Backup,
    /// Rename it over the target.
    Rename,
    /// fsync the folder, so the rename survives a power cut.
    SyncDir,
}

/// Every step, in the order a save runs them.
pub const SAVE_STEPS: [SaveStep; 7] = [
    SaveStep::CreateTemp,
    SaveStep::Write,
    SaveStep::Permissions,
    SaveStep::SyncFile,
    SaveStep::Backup,
    SaveStep::Rename,
    SaveStep::SyncDir,
];

impl SaveStep {
    /// Whether the target already holds the new version when this step fails.
    pub fn after_rename(self) -> bool {
        self == SaveStep::SyncDir
    }
}

/// The filesystem operations of a save. [`RealFs`] does them; tests wrap it to fail on purpose.
pub trait SaveFs: Send + Sync + fmt::Debug {
    /// Creates a temporary file in `dir` whose name starts with `prefix`.
    fn create_temp(&self, dir: &Path, prefix: &str) -> io::Result<NamedTempFile>;
    /// Writes all of `bytes` and flushes.
    fn write(&self, file: &mut NamedTempFile, bytes: &[u8]) -> io::Result<()>;
    /// Makes the file readable and writable by its owner only (Unix; elsewhere nothing).
    fn make_private(&self, file: &NamedTempFile) -> io::Result<()>;
    /// Flushes the file's data and metadata to the disk.
    fn sync_file(&self, file: &NamedTempFile) -> io::Result<()>;
    /// Atomically replaces `backup` with `bytes` (the current version of the target).
    fn backup(&self, bytes: &[u8], backup: &Path) -> io::Result<()>;
    /// Renames the temporary file over `target`. On error the temporary file is removed.
    fn rename(&self, file: NamedTempFile, target: &Path) -> io::Result<()>;
    /// Renames the temporary file to `target` only if nothing has that name, so a file that
    /// appears meanwhile is never replaced. On error the temporary file is removed.
    fn rename_new(&self, file: NamedTempFile, target: &Path) -> io::Result<()>;
    /// Flushes the folder entry changes to the disk (Unix; elsewhere nothing).
    fn sync_dir(&self, dir: &Path) -> io::Result<()>;
}

/// The real filesystem.
#[derive(Debug, Clone, Copy, Default)]
pub struct RealFs;

impl SaveFs for RealFs {
    fn create_temp(&self, dir: &Path, prefix: &str) -> io::Result<NamedTempFile> {
        tempfile::Builder::new()
            .prefix(prefix)
            .rand_bytes(6)
            .tempfile_in(dir)
    }

    fn write(&self, file: &mut NamedTempFile, bytes: &[u8]) -> io::Result<()> {
        file.write_all(bytes)?;
        file.flush()
    }

    fn make_private(&self, file: &NamedTempFile) -> io::Result<()> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            file.as_file()
                .set_permissions(std::fs::Permissions::from_mode(0o600))?;
        }
        #[cfg(not(unix))]
        let _ = file;
        Ok(())
    }

    fn sync_file(&self, file: &NamedTempFile) -> io::Result<()> {
        file.as_file().sync_all()
    }

    fn backup(&self, bytes: &[u8], backup: &Path) -> io::Result<()> {
        replace(self, backup, bytes, None).map_err(|f| f.error)
    }

    fn rename(&self, file: NamedTempFile, target: &Path) -> io::Result<()> {
        file.persist(target).map(drop).map_err(|e| e.error)
    }

    fn rename_new(&self, file: NamedTempFile, target: &Path) -> io::Result<()> {
        file.persist_noclobber(target)
            .map(drop)
            .map_err(|e| e.error)
    }

    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        sync_dir(dir)
    }
}

/// fsyncs a folder (Unix); elsewhere does nothing.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        std::fs::File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// A save step that failed, and how.
#[derive(Debug)]
pub struct StepFailed {
    /// The step.
    pub step: SaveStep,
    /// The error.
    pub error: io::Error,
}

impl StepFailed {
    /// The error for the user, about the file `target`.
    pub fn into_error(self, target: &Path) -> super::StoreError {
        super::StoreError::Write {
            path: target.to_path_buf(),
            step: self.step,
            reason: super::IoReason::from(&self.error),
        }
    }
}

/// Durably replaces `target` with `bytes`; with `backup = Some((bak, old))` the current version
/// `old` is first kept as `bak`.
pub fn replace(
    fs: &dyn SaveFs,
    target: &Path,
    bytes: &[u8],
    backup: Option<(&Path, &[u8])>,
) -> Result<(), StepFailed> {
    write_through_temp(fs, target, bytes, backup, false)
}

/// Durably writes `bytes` as `target`, which must not exist: not even one that appears while
/// writing is replaced.
pub fn create_new(fs: &dyn SaveFs, target: &Path, bytes: &[u8]) -> Result<(), StepFailed> {
    write_through_temp(fs, target, bytes, None, true)
}

fn write_through_temp(
    fs: &dyn SaveFs,
    target: &Path,
    bytes: &[u8],
    backup: Option<(&Path, &[u8])>,
    new_only: bool,
) -> Result<(), StepFailed> {
    let fail = |step| move |error| StepFailed { step, error };
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut tmp = fs
        .create_temp(&dir, &temp_prefix(&name))
        .map_err(fail(SaveStep::CreateTemp))?;
    fs.write(&mut tmp, bytes).map_err(fail(SaveStep::Write))?;
    fs.make_private(&tmp).map_err(fail(SaveStep::Permissions))?;
    fs.sync_file(&tmp).map_err(fail(SaveStep::SyncFile))?;
    if let Some((bak, old)) = backup {
        fs.backup(old, bak).map_err(fail(SaveStep::Backup))?;
    }
    if new_only {
        fs.rename_new(tmp, target)
    } else {
        fs.rename(tmp, target)
    }
    .map_err(fail(SaveStep::Rename))?;
    fs.sync_dir(&dir).map_err(fail(SaveStep::SyncDir))
}

/// `.<name>.tmp-`: a dotfile, so the plan list never sees it.
pub fn temp_prefix(name: &str) -> String {
    format!(".{name}.tmp-")
}

/// A [`SaveFs`] that does everything for real except one step, which fails with `kind`
/// (a failing write first writes half the bytes, like a full disk). For tests, including the
/// UI's: `Store::with_fs(Arc::new(FailAt::once(SaveStep::Write, ErrorKind::StorageFull)))`.
#[derive(Debug)]
pub struct FailAt {
    step: SaveStep,
    kind: io::ErrorKind,
    once: bool,
    spent: AtomicBool,
}

impl FailAt {
    /// Fails `step` every time.
    pub fn always(step: SaveStep, kind: io::ErrorKind) -> Self {
        Self {
            step,
            kind,
            once: false,
            spent: AtomicBool::new(false),
        }
    }

    /// Fails `step` the first time only.
    pub fn once(step: SaveStep, kind: io::ErrorKind) -> Self {
        Self {
            once: true,
            ..Self::always(step, kind)
        }
    }

    fn trip(&self, step: SaveStep) -> io::Result<()> {
        if step != self.step || (self.once && self.spent.swap(true, Ordering::SeqCst)) {
            return Ok(());
        }
        Err(io::Error::new(
            self.kind,
            format!("injected failure at {step:?}"),
        ))
    }
}

impl SaveFs for FailAt {
    fn create_temp(&self, dir: &Path, prefix: &str) -> io::Result<NamedTempFile> {
        self.trip(SaveStep::CreateTemp)?;
        RealFs.create_temp(dir, prefix)
    }

    fn write(&self, file: &mut NamedTempFile, bytes: &[u8]) -> io::Result<()> {
        if let Err(e) = self.trip(SaveStep::Write) {
            RealFs.write(file, &bytes[..bytes.len() / 2])?;
            return Err(e);
        }
        RealFs.write(file, bytes)
    }

    fn make_private(&self, file: &NamedTempFile) -> io::Result<()> {
        self.trip(SaveStep::Permissions)?;
        RealFs.make_private(file)
    }

    fn sync_file(&self, file: &NamedTempFile) -> io::Result<()> {
        self.trip(SaveStep::SyncFile)?;
        RealFs.sync_file(file)
    }

    fn backup(&self, bytes: &[u8], backup: &Path) -> io::Result<()> {
        self.trip(SaveStep::Backup)?;
        RealFs.backup(bytes, backup)
    }

    fn rename(&self, file: NamedTempFile, target: &Path) -> io::Result<()> {
        self.trip(SaveStep::Rename)?;
        RealFs.rename(file, target)
    }

    fn rename_new(&self, file: NamedTempFile, target: &Path) -> io::Result<()> {
        self.trip(SaveStep::Rename)?;
        RealFs.rename_new(file, target)
    }

    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        self.trip(SaveStep::SyncDir)?;
        RealFs.sync_dir(dir)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn replaces_and_keeps_backup() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.ron");
        let bak = dir.path().join("a.ron.bak");
        replace(&RealFs, &target, b"one", None).unwrap();
        replace(&RealFs, &target, b"two", Some((&bak, b"one"))).unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"two");
        assert_eq!(std::fs::read(&bak).unwrap(), b"one");
        assert_eq!(names(dir.path()), ["a.ron", "a.ron.bak"]);
    }

    #[test]
    fn every_failing_step_leaves_the_old_file_and_no_temp() {
        for step in SAVE_STEPS {
            let dir = tempfile::tempdir().unwrap();
            let target = dir.path().join("a.ron");
            let bak = dir.path().join("a.ron.bak");
            std::fs::write(&target, b"old").unwrap();
            let fs = FailAt::always(step, io::ErrorKind::StorageFull);
            let err = replace(&fs, &target, b"new", Some((&bak, b"old"))).unwrap_err();
            assert_eq!(err.step, step);
            let now = std::fs::read(&target).unwrap();
            if step.after_rename() {
                assert_eq!(now, b"new");
            } else {
                assert_eq!(now, b"old", "{step:?}");
            }
            assert!(
                names(dir.path()).iter().all(|n| !n.contains(".tmp-")),
                "{step:?}: {:?}",
                names(dir.path())
            );
            let msg = err.into_error(&target).to_string();
            assert!(msg.contains("the disk is full"), "{msg}");
        }
    }

    #[test]
    fn fail_once_then_succeed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.ron");
        let fs = FailAt::once(SaveStep::Rename, io::ErrorKind::PermissionDenied);
        assert!(replace(&fs, &target, b"x", None).is_err());
        assert!(!target.exists());
        replace(&fs, &target, b"x", None).unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"x");
    }
}
