//! Plans on disk: one RON file per plan under `<data dir>/plans/`.
//!
//! Layout of the data folder (created 0700 on Unix; plan files and backups are 0600):
//!
//! ```text
//! <data dir>/plans/<id>.ron                  a plan (see `encode`)
//! <data dir>/plans/<id>.ron.bak              the version before the last save
//! <data dir>/plans/<id>.ron.damaged-<secs>   a damaged file set aside by `restore_backup`
//! <data dir>/plans/.<id>.ron.tmp-XXXXXX      a save in progress (removed by `Store::clean_up`)
//! <data dir>/plans/.locks/<id>.lock          held while a window has the plan open
//! <cache dir>/home-index.tsv                 the plan list, cached (see `index`; may be deleted)
//! <data dir>/trash/<id>.ron[.bak]            plans moved to the trash
//! ```
//!
//! Promises: a save replaces the file atomically and durably, or leaves it as it was; a file
//! that does not decode is never written, renamed or deleted except by an explicit
//! [`Store::restore_backup`] or [`Store::trash`]; nothing here panics on bad input.

mod atomic;
mod codec;
mod error;
mod index;
mod locate;
mod others;
mod settings_file;

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hasher};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

pub use atomic::{FailAt, RealFs, SAVE_STEPS, SaveFs, SaveStep, StepFailed};
pub use codec::{
    Decoded, MAX_ID_LEN, MAX_PLAN_BYTES, ReadOnly, decode, decode_bytes, encode, load_file,
    load_shared_file, migrate, read_capped, try_encode, valid_id,
};
pub use error::{IoReason, StoreError};
pub use index::{Change, INDEX_FILE, Scan, Stamp, Summarizer, Summary, model_key};
pub use others::{Origin, Other, SyncTool, conflict_name, rescue_of};
pub use settings_file::write_settings;

use crate::plan::{Plan, SCHEMA_VERSION};
use crate::ron_error::{Located, Problem};

/// Environment variable that overrides the data folder.
pub const DATA_DIR_ENV: &str = "MODELOWNIA_DATA_DIR";

/// Environment variable that overrides the cache folder (where the home-screen index lives).
pub const CACHE_DIR_ENV: &str = "MODELOWNIA_CACHE_DIR";

/// One row of the plan list.
// A list holds a few dozen rows at most; boxing the plan would only complicate matching.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub enum Listed {
    /// A plan that loads.
    Ok {
        /// Its file.
        path: PathBuf,
        /// The loaded plan.
        decoded: Decoded,
    },
    /// A file that does not load; it is never written or moved without the user asking.
    Damaged {
        /// Its file.
        path: PathBuf,
        /// Plan id from the file name.
        id: String,
        /// What is wrong and where.
        error: Located,
        /// Whether a `.bak` exists to restore from.
        has_backup: bool,
    },
}

impl Listed {
    /// The plan id (from the plan, or from the file name when damaged).
    pub fn id(&self) -> &str {
        match self {
            Listed::Ok { decoded, .. } => &decoded.plan.id,
            Listed::Damaged { id, .. } => id,
        }
    }

    /// The file.
    pub fn path(&self) -> &Path {
        match self {
            Listed::Ok { path, .. } | Listed::Damaged { path, .. } => path,
        }
    }
}

/// An exclusive hold on one plan; released when dropped (also when the process dies).
#[derive(Debug)]
pub struct PlanLock {
    _file: std::fs::File,
}

/// Why a plan's lock could not be taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockError {
    /// Another modelownia holds it; its process id when known.
    Held(Option<u32>),
    /// The lock file could not be made or locked.
    Io(StoreError),
}

/// A plan in the trash folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trashed {
    /// Its file name in the trash without `.ron` (`<id>` or `<id>.2`).
    pub stem: String,
    /// The plan id.
    pub id: String,
    /// Its title, when the file reads.
    pub title: String,
    /// When it was trashed (the file's time), `YYYY-MM-DD HH:MM:SS` UTC.
    pub when: String,
}

/// The plan id of a name in the trash: `<id>` or `<id>.<n>`.
fn trashed_id(stem: &str) -> Option<&str> {
    let id = match stem.split_once('.') {
        Some((id, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => id,
        Some(_) => return None,
        None => stem,
    };
    valid_id(id).then_some(id)
}

/// What [`Store::write_file`] may replace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Replace {
    /// Nothing: the name must be free.
    Nothing,
    /// A plain file (an earlier export of ours in our private folder).
    OwnPlainFile,
}

/// The data folder.
///
/// Clones share what the store has seen on disk: a save refuses to overwrite a file that
/// changed on disk since this store (or a clone) last read or wrote it.
#[derive(Clone)]
pub struct Store {
    root: PathBuf,
    /// Where the home-screen index goes (see `index`).
    cache: PathBuf,
    fs: Arc<dyn SaveFs>,
    seen: Arc<Mutex<HashMap<String, Fingerprint>>>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("root", &self.root)
            .field("fs", &self.fs)
            .finish_non_exhaustive()
    }
}

/// Length and hash of a file's bytes, to notice changes made by someone else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fingerprint(usize, u64);

impl Fingerprint {
    fn of(bytes: &[u8]) -> Self {
        let mut h = DefaultHasher::new();
        h.write(bytes);
        Self(bytes.len(), h.finish())
    }
}

/// Picks the data folder: `--data-dir`, then `MODELOWNIA_DATA_DIR`, then the platform's data dir.
pub fn resolve_root(flag: Option<&Path>) -> Option<PathBuf> {
    let chosen = if let Some(dir) = flag {
        dir.to_path_buf()
    } else if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
        PathBuf::from(dir)
    } else {
        directories::ProjectDirs::from("", "", "modelownia")?
            .data_dir()
            .to_path_buf()
    };
    // Made absolute once, at start: the same command then sees the same plans from any folder.
    Some(std::path::absolute(&chosen).unwrap_or(chosen))
}

/// Picks the cache folder: `MODELOWNIA_CACHE_DIR`; else, when the data folder was chosen by
/// `--data-dir` or `MODELOWNIA_DATA_DIR`, `None` (the store keeps its cache inside that
/// folder, so a chosen folder never shares an index with the real one); else the platform's
/// cache folder.
pub fn resolve_cache(data_flag: Option<&Path>) -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(CACHE_DIR_ENV).filter(|v| !v.is_empty()) {
        let dir = PathBuf::from(dir);
        return Some(std::path::absolute(&dir).unwrap_or(dir));
    }
    if data_flag.is_some() || std::env::var_os(DATA_DIR_ENV).is_some_and(|v| !v.is_empty()) {
        return None;
    }
    Some(
        directories::ProjectDirs::from("", "", "modelownia")?
            .cache_dir()
            .to_path_buf(),
    )
}

/// A new plan id: `p` + 16 hex digits of the time in nanoseconds (strictly increasing within a
/// process) + 4 hex digits of the process id, so ids made at the same moment still differ.
pub fn new_id() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::time::{SystemTime, UNIX_EPOCH};
    static LAST: AtomicU64 = AtomicU64::new(0);
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    let mut prev = LAST.load(Ordering::Relaxed);
    let stamp = loop {
        let next = now.max(prev + 1);
        match LAST.compare_exchange_weak(prev, next, Ordering::Relaxed, Ordering::Relaxed) {
            Ok(_) => break next,
            Err(p) => prev = p,
        }
    };
    format!("p{stamp:016x}{:04x}", std::process::id() & 0xffff)
}

impl Store {
    /// Opens (creating if needed) the data folder at `root`, and removes temporary files left
    /// by a save that was killed (only for plans no running window holds).
    pub fn open(root: &Path) -> Result<Self, StoreError> {
        let store = Self::open_deferred(root)?;
        store.clean_up();
        Ok(store)
    }

    /// [`Store::open`] without the clean-up, which can wait until the first frame is drawn:
    /// call [`Store::clean_up`] then.
    pub fn open_deferred(root: &Path) -> Result<Self, StoreError> {
        let store = Self {
            root: root.to_path_buf(),
            cache: root.join("cache"),
            fs: Arc::new(RealFs),
            seen: Arc::default(),
        };
        let create = |path: &Path, ours| {
            private_dir(path, ours).map_err(|e| StoreError::CreateDir {
                path: path.to_path_buf(),
                reason: IoReason::from(&e),
            })
        };
        create(root, false)?;
        // Inside the data folder nothing is followed through a link: a planted one could
        // point anywhere.
        if others::is_link(&store.plans_dir()) {
            return Err(StoreError::InTheWay {
                path: store.plans_dir(),
            });
        }
        create(&store.plans_dir(), true)?;
        Ok(store)
    }

    /// Removes temporary files left by a save that was killed (only for plans no running
    /// window holds).
    pub fn clean_up(&self) {
        self.remove_stale_temps();
    }

    /// The same store, keeping its cache (the home-screen index) in `dir` instead of
    /// `<data dir>/cache`.
    pub fn with_cache_dir(mut self, dir: PathBuf) -> Self {
        self.cache = dir;
        self
    }

    /// The same store, saving through `fs` (for fault-injection tests).
    pub fn with_fs(mut self, fs: Arc<dyn SaveFs>) -> Self {
        self.fs = fs;
        self
    }

    /// The data folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where plan files live.
    pub fn plans_dir(&self) -> PathBuf {
        self.root.join("plans")
    }

    /// Where trashed plans go.
    pub fn trash_dir(&self) -> PathBuf {
        self.root.join("trash")
    }

    /// The file of plan `id`.
    pub fn plan_path(&self, id: &str) -> PathBuf {
        self.plans_dir().join(format!("{id}.ron"))
    }

    /// The backup of plan `id`: the version before its last save.
    pub fn backup_path(&self, id: &str) -> PathBuf {
        self.plans_dir().join(format!("{id}.ron.bak"))
    }

    /// Every plan file, loaded or marked damaged: damaged ones first, then newest first (by
    /// `updated`; a damaged file by its modification time), ties by id.
    pub fn list(&self) -> Vec<Listed> {
        let Ok(entries) = std::fs::read_dir(self.plans_dir()) else {
            return Vec::new();
        };
        let mut rows: Vec<(String, Listed)> = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') || !name.ends_with(".ron") {
                continue;
            }
            if self.is_conflict_copy(&name) {
                continue;
            }
            let id = name.trim_end_matches(".ron").to_string();
            let row = self.read(&path, &id);
            let key = match &row {
                Listed::Ok { decoded, .. } => decoded.plan.updated.clone(),
                Listed::Damaged { .. } => modified(&path),
            };
            rows.push((key, row));
        }
        // Damaged files first so they are noticed, then newest first, ties by id: the order of
        // both the home screen and `modelownia list`.
        rows.sort_by(|(ka, a), (kb, b)| {
            let damaged = |l: &Listed| matches!(l, Listed::Damaged { .. });
            damaged(b)
                .cmp(&damaged(a))
                .then_with(|| kb.cmp(ka))
                .then_with(|| a.id().cmp(b.id()))
        });
        rows.into_iter().map(|(_, row)| row).collect()
    }

    fn read(&self, path: &Path, id: &str) -> Listed {
        let shown = path.display().to_string();
        let result = if others::is_link(path) {
            Err(Located::whole_file(&shown, Problem::SymbolicLink))
        } else if valid_id(id) {
            read_capped(path)
                .map_err(|m| Located::whole_file(&shown, m))
                .and_then(|bytes| {
                    let decoded = decode_bytes(&shown, &bytes)?;
                    self.remember(id, &bytes);
                    Ok(decoded)
                })
        } else {
            Err(Located::whole_file(&shown, Problem::BadFileName))
        };
        match result {
            Ok(decoded) => Listed::Ok {
                path: path.to_path_buf(),
                decoded,
            },
            Err(error) => Listed::Damaged {
                path: path.to_path_buf(),
                id: id.to_string(),
                error,
                has_backup: self.backup_path(id).is_file(),
            },
        }
    }

    /// Loads plan `id`.
    pub fn load(&self, id: &str) -> Result<Decoded, Located> {
        match self.read(&self.plan_path(id), id) {
            Listed::Ok { decoded, .. } => Ok(decoded),
            Listed::Damaged { error, .. } => Err(error),
        }
    }

    /// Writes `plan` to its file, atomically and durably, keeping the previous version as
    /// `<id>.ron.bak`. Always writes the current schema version.
    ///
    /// Refuses (and touches nothing) when the plan is read-only (newer version) or its id is
    /// not a safe file name, when the file on disk is damaged or from a newer version, and when
    /// the file changed on disk since this store last read or wrote it. A missing file is
    /// (re)created. Saving what is already on disk writes nothing.
    pub fn save(&self, plan: &Plan) -> Result<(), StoreError> {
        let id = &plan.id;
        if plan.version > SCHEMA_VERSION {
            return Err(StoreError::NewerPlan {
                version: plan.version,
            });
        }
        check_id(id)?;
        let current;
        let plan = if plan.version == SCHEMA_VERSION {
            plan
        } else {
            current = Plan {
                version: SCHEMA_VERSION,
                ..plan.clone()
            };
            &current
        };
        let text = verified_text(plan)?;

        let path = self.plan_path(id);
        let on_disk = self.on_disk(&path)?;
        if let Some(old) = &on_disk {
            if old.as_slice() == text.as_bytes() {
                self.remember(id, old);
                return Ok(());
            }
            self.check_overwritable(&path, id, old)?;
        }
        let bak = self.backup_path(id);
        let backup = on_disk.as_deref().map(|old| (bak.as_path(), old));
        match atomic::replace(&*self.fs, &path, text.as_bytes(), backup) {
            Ok(()) => {
                self.remember(id, text.as_bytes());
                Ok(())
            }
            Err(failed) => {
                if failed.step.after_rename() {
                    self.remember(id, text.as_bytes());
                }
                Err(failed.into_error(&path))
            }
        }
    }

    /// The bytes of `path`, `None` when there is no such file.
    fn on_disk(&self, path: &Path) -> Result<Option<Vec<u8>>, StoreError> {
        let cannot_read = |detail: Problem| StoreError::CannotRead {
            path: path.to_path_buf(),
            detail,
        };
        match std::fs::symlink_metadata(path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(cannot_read(codec::io_message(&e))),
            Ok(_) => read_capped(path).map(Some).map_err(cannot_read),
        }
    }

    fn check_overwritable(&self, path: &Path, id: &str, old: &[u8]) -> Result<(), StoreError> {
        match decode_bytes(&path.display().to_string(), old) {
            Err(e) => {
                return Err(StoreError::DamagedOnDisk {
                    detail: Box::new(e),
                });
            }
            Ok(d) if d.read_only.is_some() => {
                return Err(StoreError::NewerOnDisk {
                    path: path.to_path_buf(),
                    version: d.plan.version,
                });
            }
            Ok(_) => {}
        }
        let seen = self.seen.lock().unwrap_or_else(PoisonError::into_inner);
        if seen.get(id).is_some_and(|f| *f != Fingerprint::of(old)) {
            return Err(StoreError::ChangedOnDisk {
                path: path.to_path_buf(),
            });
        }
        Ok(())
    }

    /// Whether plan `id`'s file now differs from what this store last read or wrote (someone
    /// else changed it). Reads the file; false when it cannot be read or was never seen.
    pub fn changed_elsewhere(&self, id: &str) -> bool {
        let Ok(bytes) = read_capped(&self.plan_path(id)) else {
            return false;
        };
        let seen = self.seen.lock().unwrap_or_else(PoisonError::into_inner);
        seen.get(id).is_some_and(|f| *f != Fingerprint::of(&bytes))
    }

    fn remember(&self, id: &str, bytes: &[u8]) {
        self.seen
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(id.to_string(), Fingerprint::of(bytes));
    }

    fn forget(&self, id: &str) {
        self.seen
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(id);
    }

    /// Moves a plan (and its backup) to the trash folder, never replacing anything already
    /// there: a second trashed `x` becomes `x.2.ron`, and so on. Works on damaged files too.
    /// Returns the name it has in the trash, without `.ron`, to restore it by.
    pub fn trash(&self, id: &str) -> Result<String, StoreError> {
        check_id(id)?;
        let src = self.plan_path(id);
        let src_bak = self.backup_path(id);
        let (has_plan, has_bak) = (exists(&src), exists(&src_bak));
        if !has_plan && !has_bak {
            return Err(StoreError::NoSuchPlan { path: src });
        }
        let trash = self.trash_dir();
        own_dir(&trash).map_err(|e| StoreError::CreateDir {
            path: trash.clone(),
            reason: IoReason::from(&e),
        })?;
        let mut kept = id.to_string();
        for n in 1u32.. {
            let stem = if n == 1 {
                id.to_string()
            } else {
                format!("{id}.{n}")
            };
            let dst = trash.join(format!("{stem}.ron"));
            let dst_bak = trash.join(format!("{stem}.ron.bak"));
            if exists(&dst) || exists(&dst_bak) {
                continue;
            }
            if has_plan {
                match move_no_clobber(&src, &dst) {
                    Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                    Err(e) => {
                        return Err(StoreError::Trash {
                            path: src,
                            reason: IoReason::from(&e),
                        });
                    }
                    Ok(()) => {}
                }
            }
            if has_bak && let Err(e) = move_no_clobber(&src_bak, &dst_bak) {
                return Err(StoreError::TrashBackup {
                    path: src_bak,
                    reason: IoReason::from(&e),
                });
            }
            // Moving keeps the file's time; the trash sorts by when a plan went in.
            if has_plan {
                let _ = std::fs::OpenOptions::new()
                    .write(true)
                    .open(&dst)
                    .and_then(|f| f.set_modified(std::time::SystemTime::now()));
            }
            kept = stem;
            break;
        }
        self.forget(id);
        let _ = atomic::sync_dir(&self.plans_dir());
        let _ = atomic::sync_dir(&trash);
        Ok(kept)
    }

    /// The plans in the trash, most recently trashed first: name in the trash, plan id, title
    /// (empty when the file does not read) and when it was trashed.
    pub fn trashed(&self) -> Vec<Trashed> {
        let Some(entries) = self.own_trash_entries() else {
            return Vec::new();
        };
        let mut out: Vec<(std::time::SystemTime, Trashed)> = entries
            .flatten()
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .filter_map(|e| {
                let name = e.file_name().to_str()?.to_string();
                let stem = name.strip_suffix(".ron")?.to_string();
                let id = trashed_id(&stem)?.to_string();
                let path = e.path();
                // Only plans that would come back under their own id are listed; other
                // copies in the trash (rescued edits, replaced versions) go when it is emptied.
                let title = codec::read_capped(&path)
                    .ok()
                    .and_then(|b| codec::decode_bytes(&format!("{id}.ron"), &b).ok())?
                    .plan
                    .context
                    .title;
                let at = e.metadata().and_then(|m| m.modified()).ok()?;
                Some((
                    at,
                    Trashed {
                        stem,
                        id,
                        title,
                        when: modified(&path),
                    },
                ))
            })
            .collect();
        out.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.stem.cmp(&b.1.stem)));
        out.into_iter().map(|(_, t)| t).collect()
    }

    /// Moves `trash/<stem>.ron` (and its backup) back to the plans, under its id; refused when
    /// a plan with that id exists again, so nothing is replaced. Returns the id.
    pub fn untrash(&self, stem: &str) -> Result<String, StoreError> {
        let id = trashed_id(stem)
            .ok_or_else(|| StoreError::BadId { id: stem.into() })?
            .to_string();
        if self.own_trash_entries().is_none() {
            return Err(StoreError::InTheWay {
                path: self.trash_dir(),
            });
        }
        let src = self.trash_dir().join(format!("{stem}.ron"));
        // It must come back as the plan it is: a file whose id is another is not restored.
        if codec::read_capped(&src)
            .ok()
            .and_then(|b| codec::decode_bytes(&format!("{id}.ron"), &b).ok())
            .is_none()
        {
            return Err(StoreError::NoSuchPlan { path: src });
        }
        let dst = self.plan_path(&id);
        match std::fs::symlink_metadata(&src) {
            Ok(m) if m.is_file() => {}
            _ => return Err(StoreError::NoSuchPlan { path: src }),
        }
        if exists(&dst) {
            return Err(StoreError::InTheWay { path: dst });
        }
        move_no_clobber(&src, &dst).map_err(|e| StoreError::Trash {
            path: src.clone(),
            reason: IoReason::from(&e),
        })?;
        let bak = self.trash_dir().join(format!("{stem}.ron.bak"));
        let dst_bak = self.backup_path(&id);
        if std::fs::symlink_metadata(&bak).is_ok_and(|m| m.is_file()) && !exists(&dst_bak) {
            let _ = move_no_clobber(&bak, &dst_bak);
        }
        let _ = atomic::sync_dir(&self.plans_dir());
        let _ = atomic::sync_dir(&self.trash_dir());
        Ok(id)
    }

    /// Deletes for good what the trash holds: plan files and their backups as modelownia names
    /// them there, nothing else (no links, no other files). Returns how many plans went.
    pub fn empty_trash(&self) -> Result<usize, StoreError> {
        let dir = self.trash_dir();
        let Some(entries) = self.own_trash_entries() else {
            return Ok(0);
        };
        let mut plans = 0;
        for e in entries.flatten() {
            let Some(name) = e.file_name().to_str().map(str::to_string) else {
                continue;
            };
            // Everything modelownia puts here ends in `.ron` or `.ron.bak` (plans, their
            // backups, rescued and replaced copies); nothing else, and no link, is touched.
            let ours = name.ends_with(".ron") || name.ends_with(".ron.bak");
            if !e.file_type().is_ok_and(|t| t.is_file()) || !ours || name.starts_with('.') {
                continue;
            }
            std::fs::remove_file(e.path()).map_err(|err| StoreError::Trash {
                path: e.path(),
                reason: IoReason::from(&err),
            })?;
            plans += usize::from(name.ends_with(".ron"));
        }
        let _ = atomic::sync_dir(&dir);
        Ok(plans)
    }

    /// The trash folder's entries, when it is a real folder of ours (not a link).
    fn own_trash_entries(&self) -> Option<std::fs::ReadDir> {
        let dir = self.trash_dir();
        let meta = std::fs::symlink_metadata(&dir).ok()?;
        if !meta.is_dir() {
            return None;
        }
        std::fs::read_dir(&dir).ok()
    }

    /// Writes `plan` as a new plan file: like [`Store::save`], but refused (`Exists`) when a
    /// file with its name is there, even one that appears while writing.
    pub fn save_new(&self, plan: &Plan) -> Result<(), StoreError> {
        check_id(&plan.id)?;
        let path = self.plan_path(&plan.id);
        if exists(&path) {
            return Err(StoreError::Exists { path });
        }
        let text = verified_text(plan)?;
        match self.write_file(&path, text.as_bytes(), Replace::Nothing) {
            Err(StoreError::Write { .. } | StoreError::InTheWay { .. }) if exists(&path) => {
                Err(StoreError::Exists { path })
            }
            other => other,
        }
    }

    /// Removes the file of a plan that holds nothing yet (made with `n`, left at once), when
    /// the file on disk is still exactly that plan. Anything else stays.
    pub fn discard_blank(&self, plan: &Plan) -> bool {
        if !crate::plan::is_blank(plan) || exists(&self.backup_path(&plan.id)) {
            return false;
        }
        match self.load(&plan.id) {
            Ok(d) if d.plan == *plan => {
                let gone = std::fs::remove_file(self.plan_path(&plan.id)).is_ok();
                self.forget(&plan.id);
                gone
            }
            _ => false,
        }
    }

    /// Replaces a plan file with its `.bak`. The current file, if any, is first kept aside as
    /// `<id>.ron.damaged-<unix seconds>`; the `.bak` stays. Refuses when the backup itself does
    /// not decode.
    pub fn restore_backup(&self, id: &str) -> Result<(), StoreError> {
        check_id(id)?;
        let path = self.plan_path(id);
        let bak = self.backup_path(id);
        let bak_shown = bak.display().to_string();
        let bytes = read_capped(&bak).map_err(|detail| StoreError::BackupUnreadable {
            path: bak.clone(),
            detail,
        })?;
        match decode_bytes(&bak_shown, &bytes) {
            Err(e) => {
                return Err(StoreError::BackupDamaged {
                    detail: Box::new(e),
                });
            }
            Ok(d) if d.plan.id != id => {
                return Err(StoreError::BackupOtherPlan {
                    path: bak,
                    found: d.plan.id,
                });
            }
            Ok(_) => {}
        }
        if exists(&path) {
            let secs = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs());
            let mut kept = false;
            for n in 1u32..1000 {
                let suffix = if n == 1 {
                    String::new()
                } else {
                    format!("-{n}")
                };
                let aside = self
                    .plans_dir()
                    .join(format!("{id}.ron.damaged-{secs}{suffix}"));
                match copy_no_clobber(&path, &aside) {
                    Ok(()) => {
                        kept = true;
                        break;
                    }
                    Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                    Err(e) => {
                        return Err(StoreError::KeepAside {
                            path,
                            reason: IoReason::from(&e),
                        });
                    }
                }
            }
            if !kept {
                return Err(StoreError::NoFreeName { path });
            }
        }
        atomic::replace(&*self.fs, &path, &bytes, None).map_err(|f| f.into_error(&path))?;
        self.remember(id, &bytes);
        Ok(())
    }

    /// Takes the exclusive hold on plan `id`; `Err` with a reason when another instance has it.
    pub fn lock(&self, id: &str) -> Result<PlanLock, LockError> {
        use std::io::{Read, Seek, Write};
        check_id(id).map_err(LockError::Io)?;
        let dir = self.plans_dir().join(".locks");
        own_dir(&dir).map_err(|e| {
            LockError::Io(StoreError::CreateDir {
                path: dir.clone(),
                reason: IoReason::from(&e),
            })
        })?;
        let path = dir.join(format!("{id}.lock"));
        let mut options = std::fs::OpenOptions::new();
        options.create(true).truncate(false).read(true).write(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            // A planted link must not make us write a process id into someone else's file.
            options.custom_flags(libc::O_NOFOLLOW).mode(0o600);
        }
        let mut file = options.open(&path).map_err(|e| {
            LockError::Io(StoreError::Lock {
                path: path.clone(),
                reason: IoReason::from(&e),
            })
        })?;
        match file.try_lock() {
            Ok(()) => {
                // Who holds it, for the message another instance shows. Best effort; written
                // over the start, padded to a fixed width, so the file is never truncated.
                let _ = file.rewind();
                let _ = writeln!(file, "{:<10}", std::process::id());
                Ok(PlanLock { _file: file })
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                let mut pid = String::new();
                let _ = file.read_to_string(&mut pid);
                Err(LockError::Held(pid.trim().parse().ok()))
            }
            Err(std::fs::TryLockError::Error(e)) => Err(LockError::Io(StoreError::Lock {
                path,
                reason: IoReason::from(&e),
            })),
        }
    }

    /// Where exports go (0700: they hold notes about young people).
    pub fn exports_dir(&self) -> PathBuf {
        self.root.join("exports")
    }

    /// Writes an export as `exports/<name>` through the safe writer, replacing an earlier
    /// export of ours but never a link or anything but a plain file. `name` is made by
    /// [`crate::export::file_name`]: an id-like stem and an extension.
    pub fn write_export(&self, name: &str, text: &str) -> Result<PathBuf, StoreError> {
        let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
        check_id(stem)?;
        let dir = self.exports_dir();
        own_dir(&dir).map_err(|e| StoreError::CreateDir {
            path: dir.clone(),
            reason: IoReason::from(&e),
        })?;
        let path = dir.join(name);
        self.write_file(&path, text.as_bytes(), Replace::OwnPlainFile)?;
        Ok(path)
    }

    /// Where rescued copies go.
    pub fn recovered_dir(&self) -> PathBuf {
        self.root.join("recovered")
    }

    /// Writes `plan` as a new `recovered/<id>-<UTC time>.ron` (a counter is added when that
    /// second is taken): for edits that could not be saved normally. Earlier rescued copies
    /// are never replaced, and the plan file is not touched.
    pub fn write_recovered(&self, plan: &Plan) -> Result<PathBuf, StoreError> {
        check_id(&plan.id)?;
        // A rescued copy must read back: one over the read limit would be lost in effect.
        let text = text_within_limit(plan)?;
        let dir = self.recovered_dir();
        own_dir(&dir).map_err(|e| StoreError::CreateDir {
            path: dir.clone(),
            reason: IoReason::from(&e),
        })?;
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        for n in 1u32..1000 {
            let path = dir.join(others::rescue_name(&plan.id, secs, n));
            if exists(&path) {
                continue;
            }
            self.write_file(&path, text.as_bytes(), Replace::Nothing)?;
            return Ok(path);
        }
        Err(StoreError::NoFreeName {
            path: self.plan_path(&plan.id),
        })
    }

    /// Whether a file name in `plans/` is a sync tool's conflict copy of an existing plan.
    fn is_conflict_copy(&self, name: &str) -> bool {
        others::conflict_name(name, |id| exists(&self.plan_path(id))).is_some()
    }

    /// Every other version of a plan: conflict copies in `plans/`, rescued copies in
    /// `recovered/` (and `<id>.ron.recovered*` from older builds), oldest first. Links are
    /// skipped, never opened.
    pub fn others(&self) -> Vec<Other> {
        let mut out = Vec::new();
        let entries = |dir: PathBuf| std::fs::read_dir(dir).into_iter().flatten().flatten();
        // The names first: a stat of every plan only to skip the few links would double
        // the cost of listing a large folder.
        let not_link = |e: &std::fs::DirEntry| e.file_type().is_ok_and(|t| !t.is_symlink());
        for entry in entries(self.plans_dir()) {
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            if let Some((id, origin)) =
                others::conflict_name(&name, |id| exists(&self.plan_path(id)))
            {
                if not_link(&entry) {
                    out.push(Other { id, path, origin });
                }
            } else if let Some((id, _)) = name.split_once(".ron.recovered")
                && valid_id(id)
                && not_link(&entry)
            {
                out.push(Other {
                    id: id.to_string(),
                    origin: Origin::Rescued {
                        when: modified(&path).replace('T', " ").replace('Z', ""),
                    },
                    path,
                });
            }
        }
        for entry in entries(self.recovered_dir()) {
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            if others::is_link(&path) {
                continue;
            }
            if let Some((id, when)) = others::rescue_of(&name) {
                out.push(Other {
                    id,
                    path,
                    origin: Origin::Rescued { when },
                });
            }
        }
        out.sort_by(|a, b| a.id.cmp(&b.id).then_with(|| a.path.cmp(&b.path)));
        out
    }

    /// Reads another version of a plan (a rescued or conflict copy); its id may differ.
    pub fn load_other(&self, other: &Other) -> Result<Plan, Located> {
        let shown = other.path.display().to_string();
        if others::is_link(&other.path) {
            return Err(Located::whole_file(&shown, Problem::SymbolicLink));
        }
        let bytes = read_capped(&other.path).map_err(|m| Located::whole_file(&shown, m))?;
        // The name is not `<id>.ron`, so decode under the plan's name: a copy that claims to
        // be another plan is an error, not a version of this one.
        let text = String::from_utf8(bytes)
            .map_err(|_| Located::whole_file(&shown, Problem::NotUtf8Anywhere))?;
        let decoded = decode(&format!("{}.ron", other.id), &text).map_err(|mut e| {
            e.file = shown.clone();
            e
        })?;
        Ok(decoded.plan)
    }

    /// Moves another version of a plan (or any file in `plans/` or `recovered/`) to the
    /// trash, never replacing anything there.
    pub fn trash_file(&self, path: &Path) -> Result<(), StoreError> {
        let trash = self.trash_dir();
        own_dir(&trash).map_err(|e| StoreError::CreateDir {
            path: trash.clone(),
            reason: IoReason::from(&e),
        })?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        for n in 1u32..1000 {
            let dst = if n == 1 {
                trash.join(&name)
            } else {
                trash.join(format!("{name}.{n}"))
            };
            match move_no_clobber(path, &dst) {
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => {
                    return Err(StoreError::Trash {
                        path: path.to_path_buf(),
                        reason: IoReason::from(&e),
                    });
                }
                Ok(()) => {
                    let _ = atomic::sync_dir(&trash);
                    return Ok(());
                }
            }
        }
        Err(StoreError::NoFreeName {
            path: path.to_path_buf(),
        })
    }

    /// Keeps a copy of plan `id`'s current file in the trash (before it is replaced by another
    /// version), never replacing anything there.
    pub fn trash_copy(&self, id: &str) -> Result<(), StoreError> {
        check_id(id)?;
        let src = self.plan_path(id);
        let trash = self.trash_dir();
        own_dir(&trash).map_err(|e| StoreError::CreateDir {
            path: trash.clone(),
            reason: IoReason::from(&e),
        })?;
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        for n in 1u32..1000 {
            let dst = trash.join(format!("{id}.replaced-{secs}.{n}.ron"));
            match copy_no_clobber(&src, &dst) {
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => {
                    return Err(StoreError::Trash {
                        path: src,
                        reason: IoReason::from(&e),
                    });
                }
                Ok(()) => return Ok(()),
            }
        }
        Err(StoreError::NoFreeName { path: src })
    }

    /// The one safe writer for files other than plans: a fresh temp file in the same folder,
    /// 0600, fsync, rename, fsync the folder. What may already be at `path` is decided by
    /// `replace`; a symbolic link there is never followed nor replaced.
    fn write_file(&self, path: &Path, bytes: &[u8], replace: Replace) -> Result<(), StoreError> {
        write_file_with(&*self.fs, path, bytes, replace)
    }

    /// Writes `text` as the new file `path` anywhere (an export with `-o`): through a
    /// temporary file beside it and a rename that never replaces anything, so an existing
    /// file, a link or a folder in the way is refused and nothing partial is left behind.
    pub fn write_new_file(path: &Path, text: &str) -> Result<(), StoreError> {
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        match std::fs::metadata(&dir) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => {
                return Err(StoreError::InTheWay { path: dir });
            }
            Err(e) => {
                return Err(StoreError::NoFolder {
                    path: dir,
                    reason: IoReason::from(&e),
                });
            }
        }
        if exists(path) {
            return Err(StoreError::Exists {
                path: path.to_path_buf(),
            });
        }
        atomic::create_new(&atomic::RealFs, path, text.as_bytes()).map_err(|f| {
            if f.step.after_rename() {
                f.into_error(path)
            } else {
                StoreError::NotWritten {
                    path: path.to_path_buf(),
                    reason: IoReason::from(&f.error),
                }
            }
        })
    }

    /// Removes `.<id>.ron.tmp-*` and `.<id>.ron.bak.tmp-*` files left by a killed save, for
    /// plans whose lock is free (a running window may be saving right now).
    fn remove_stale_temps(&self) {
        let Ok(entries) = std::fs::read_dir(self.plans_dir()) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            let Some(id) = stale_temp_id(name) else {
                continue;
            };
            if !entry.file_type().is_ok_and(|t| t.is_file()) {
                continue;
            }
            if let Ok(_held) = self.lock(id) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

/// [`Store::write_file`] through `fs`.
fn write_file_with(
    fs: &dyn SaveFs,
    path: &Path,
    bytes: &[u8],
    replace: Replace,
) -> Result<(), StoreError> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => {
            return Err(StoreError::CannotRead {
                path: path.to_path_buf(),
                detail: codec::io_message(&e),
            });
        }
        Ok(m) if replace == Replace::OwnPlainFile && m.file_type().is_file() => {}
        Ok(_) => {
            return Err(StoreError::InTheWay {
                path: path.to_path_buf(),
            });
        }
    }
    match replace {
        Replace::Nothing => atomic::create_new(fs, path, bytes),
        Replace::OwnPlainFile => atomic::replace(fs, path, bytes, None),
    }
    .map_err(|f| f.into_error(path))
}

/// The plan id of a temp file name `.<id>.ron.tmp-XXXXXX` or `.<id>.ron.bak.tmp-XXXXXX`.
fn stale_temp_id(name: &str) -> Option<&str> {
    let rest = name.strip_prefix('.')?;
    let (head, _) = rest.split_once(".tmp-")?;
    let id = head
        .strip_suffix(".ron.bak")
        .or_else(|| head.strip_suffix(".ron"))?;
    valid_id(id).then_some(id)
}

/// The plan's file text, refused when it would be over the read limit.
fn text_within_limit(plan: &Plan) -> Result<String, StoreError> {
    let text = try_encode(plan).map_err(|detail| StoreError::Encode { detail })?;
    if text.len() as u64 > MAX_PLAN_BYTES {
        return Err(StoreError::TooLarge {
            limit_mib: MAX_PLAN_BYTES / (1024 * 1024),
        });
    }
    Ok(text)
}

/// [`text_within_limit`], refused too when it would not read back as the same plan: never
/// write what would not.
fn verified_text(plan: &Plan) -> Result<String, StoreError> {
    let text = text_within_limit(plan)?;
    match decode(&format!("{}.ron", plan.id), &text) {
        Ok(back) if back.plan == *plan => Ok(text),
        Ok(_) => Err(StoreError::NotSameOnReadBack),
        Err(e) => Err(StoreError::NotReadBack {
            detail: Box::new(e),
        }),
    }
}

fn check_id(id: &str) -> Result<(), StoreError> {
    if valid_id(id) {
        Ok(())
    } else {
        Err(StoreError::BadId { id: id.to_string() })
    }
}

fn exists(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}

fn modified(path: &Path) -> String {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| crate::clock::format_unix(d.as_secs()))
        .unwrap_or_default()
}

/// Creates `dir` (0700 on Unix) if missing, its parents with default permissions. With
/// `ours`, an existing folder that others can read is made private too.
/// [`private_dir`] for a folder only modelownia puts there (locks, exports, trash): a link in
/// its place could point anywhere, so it is never followed (nor the target's mode changed).
/// The data and plans folders may be links on purpose (into a sync folder).
fn own_dir(dir: &Path) -> io::Result<()> {
    if std::fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "a symbolic link is in the way (not a folder)",
        ));
    }
    private_dir(dir, true)
}

fn private_dir(dir: &Path, ours: bool) -> io::Result<()> {
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => {
            if ours {
                tighten(dir, &m);
            }
            return Ok(());
        }
        Ok(_) => {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                "a file with this name is in the way (not a folder)",
            ));
        }
        Err(_) => {}
    }
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    match builder.create(dir) {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => Ok(()),
        other => other,
    }
}

fn tighten(dir: &Path, meta: &std::fs::Metadata) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if meta.permissions().mode() & 0o077 != 0 {
            let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
        }
    }
    #[cfg(not(unix))]
    let _ = (dir, meta);
}

/// Moves `src` to `dst` unless `dst` exists (then `AlreadyExists`), on the same filesystem.
fn move_no_clobber(src: &Path, dst: &Path) -> io::Result<()> {
    match std::fs::hard_link(src, dst) {
        Ok(()) => std::fs::remove_file(src),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        // No hard links here (some network or FAT filesystems): check, then rename.
        Err(_) if exists(dst) => Err(io::ErrorKind::AlreadyExists.into()),
        Err(_) => std::fs::rename(src, dst),
    }
}

/// Copies `src` to a new file `dst` (a hard link when possible); `AlreadyExists` if it exists.
fn copy_no_clobber(src: &Path, dst: &Path) -> io::Result<()> {
    match std::fs::hard_link(src, dst) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(_) => {
            let mut from = std::fs::File::open(src)?;
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(0o600);
            }
            let mut to = options.open(dst)?;
            io::copy(&mut from, &mut to)?;
            to.sync_all()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_valid() {
        let ids: std::collections::HashSet<String> = (0..1000).map(|_| new_id()).collect();
        assert_eq!(ids.len(), 1000);
        assert!(
            ids.iter().all(|id| valid_id(id) && id.len() == 21),
            "{ids:?}"
        );
    }

    #[test]
    fn temp_names() {
        assert_eq!(stale_temp_id(".p1.ron.tmp-abc123"), Some("p1"));
        assert_eq!(stale_temp_id(".p1.ron.bak.tmp-abc123"), Some("p1"));
        assert_eq!(stale_temp_id("p1.ron.tmp-abc123"), None);
        assert_eq!(stale_temp_id(".locks"), None);
        assert_eq!(stale_temp_id("..ron.tmp-x"), None);
    }
}
